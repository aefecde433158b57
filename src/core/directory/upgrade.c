/*
 * upgrade.c — the entries an older schema lacks, derived once (upgrade.h).
 */
#include "upgrade.h"

#include "plandesk/records/codec.h"
#include "search_entries.h"
#include "search_terms.h"
#include "store/mdb_err.h"
#include "store/store_impl.h"
#include "store/write_queue.h"

/* Does the upgrade from schema `from` write entry e?  `cards` is written
 * whole from 6 on (cards came with 2, packed with 6); `terms` from 5 on
 * (its keys changed with 5 and its layout with 4; inner keys came with
 * 3). */
static bool is_new(const struct pd_txn *txn, const struct pd_entry *e,
		   uint64_t from)
{
	if (e->dbi == txn->st->dbi[PD_DB_CARDS])
		return from < 6;
	return from < 5 && e->dbi == txn->st->dbi[PD_DB_TERMS];
}

static int fill_kind(struct pd_txn *txn, enum pd_kind kind, uint64_t from,
		     struct pd_entries *es, struct pd_err *err)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, mrc;

	if ((mrc = mdb_cursor_open(txn->txn, txn->st->kind_dbi[kind], &cur)))
		return pd_mdb_err(txn, mrc, err, "upgrade");
	rc = PD_OK;
	for (mrc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); mrc == MDB_SUCCESS && rc == PD_OK;
	     mrc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		struct pd_record r;
		if (k.mv_size != 8)
			continue;
		pd_record_init(&r, kind);
		if (pd_decode(v.mv_data, v.mv_size, &r, NULL) != PD_OK) {
			pd_record_clear(&r);
			continue;   /* undecodable: `check` names it; it derives nothing */
		}
		r.id = pd_get_be64(k.mv_data);
		pd_entries_reset(es);
		rc = pd_search_entries(txn, &r, es, err);
		pd_record_clear(&r);
		for (size_t i = 0; i < es->n && rc == PD_OK; i++) {
			const struct pd_entry *e = &es->e[i];
			MDB_val ek = { e->klen, es->buf.p + e->koff };
			MDB_val ev = { e->dlen, es->buf.p + e->doff };
			if (is_new(txn, e, from))   /* queued: put in key order */
				rc = pd_txn_queue(txn, e->dbi, e->flags & PD_ENTRY_UNIQUE,
						  true, &ek, &ev, err);
		}
	}
	mdb_cursor_close(cur);
	if (rc == PD_OK && mrc != MDB_NOTFOUND && mrc != MDB_SUCCESS)
		rc = pd_mdb_err(txn, mrc, err, "upgrade");
	return rc;
}

int pd_store_upgrade(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	uint64_t from = *(const uint64_t *)ctx;
	struct pd_entries es = { 0 };
	int rc, mrc;

	/* 7 (records in codec version 2) needs nothing: a record of version 1
	 * reads as it is, and is written anew when it next changes. */
	if (from >= 6) {
		txn->dirty = true;
		return pd_meta_put_u64(txn, "schema", PD_SCHEMA_VERSION, err);
	}
	if (from < 5 && (rc = pd_store_renew_terms(txn, err)) != PD_OK)
		return rc;
	/* The cards of the fixed layout go; all are put anew, packed, in key
	 * order into the empty table (appended: full pages). */
	if (from < 6 && (mrc = mdb_drop(txn->txn, txn->st->dbi[PD_DB_CARDS], 0)))
		return pd_mdb_err(txn, mrc, err, "upgrade");
	if ((rc = fill_kind(txn, PD_ORG, from, &es, err)) == PD_OK &&
	    (rc = fill_kind(txn, PD_PERSON, from, &es, err)) == PD_OK)
		rc = pd_meta_put_u64(txn, "schema", PD_SCHEMA_VERSION, err);
	txn->dirty = true;   /* else pd_store_write rolls back */
	pd_entries_free(&es);
	return rc;
}
