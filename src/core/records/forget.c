/*
 * forget.c — records dropped from the undo journal for good (undo.h,
 * pd_undo_forget): after a purge or an erasure, nothing of what was
 * removed may be kept for undo to bring back.  The journal's layout is
 * journal.c's: op keys are the entry's number and the record's id.
 */
#include <string.h>

#include "plandesk/records/codec.h"
#include "plandesk/records/undo.h"
#include "records_impl.h"
#include "store/mdb_err.h"

/* Is the op `d` (kind + image) of a record filed under one in `ids`? */
static bool filed_under(const MDB_val *d, const struct pd_u64map *ids)
{
	const unsigned char *p = d->mv_data;
	struct pd_record r;
	uint64_t v;
	int up;
	bool in = false;

	if (d->mv_size < 2 || p[0] >= PD_NKINDS)
		return false;
	pd_record_init(&r, (enum pd_kind)p[0]);
	if ((up = pd_field_owner(pd_kind_info(r.kind))) < 0 ||
	    pd_decode(p + 1, d->mv_size - 1, &r, NULL) != PD_OK)
		return false;
	in = pd_u64map_get(ids, pd_get_ref(&r, up), &v);
	pd_record_clear(&r);
	return in;
}

/* One pass over the undo list: add to `ids` the records filed under one
 * in it (*grew says whether any was), or, with `drop`, delete their ops. */
static int pass(struct pd_txn *txn, struct pd_u64map *ids, bool drop, bool *grew,
		struct pd_err *err)
{
	MDB_cursor *c;
	MDB_val k, d;
	uint64_t v;
	int rc;

	*grew = false;
	if ((rc = mdb_cursor_open(txn->txn, txn->st->dbi[PD_DB_UNDO], &c)))
		return pd_mdb_err(txn, rc, err, "journal");
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == MDB_SUCCESS;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		uint64_t id;

		if (k.mv_size != 16)
			continue;   /* an entry's header */
		id = pd_get_be64((unsigned char *)k.mv_data + 8);
		if (drop && pd_u64map_get(ids, id, &v)) {
			if ((rc = mdb_cursor_del(c, 0)))
				break;
		} else if (!drop && !pd_u64map_get(ids, id, &v) && filed_under(&d, ids)) {
			if (pd_u64map_add(ids, id, 1) != PD_OK) {
				mdb_cursor_close(c);
				return pd_err_nomem(err);
			}
			*grew = true;
		}
	}
	mdb_cursor_close(c);
	return rc == MDB_NOTFOUND ? PD_OK : pd_mdb_err(txn, rc, err, "journal");
}

int pd_undo_forget(struct pd_txn *txn, struct pd_u64map *ids, struct pd_err *err)
{
	bool grew = true;
	int rc = PD_OK;

	/* Records deleted before, and so in the journal only, that were
	 * filed under one removed now (an item deleted last week, its
	 * actions): up the links until nothing more is found. */
	for (int depth = 0; grew && rc == PD_OK && depth < 16; depth++)
		rc = pass(txn, ids, false, &grew, err);
	if (rc == PD_OK)
		rc = pass(txn, ids, true, &grew, err);
	if (rc == PD_OK && (rc = mdb_drop(txn->txn, txn->st->dbi[PD_DB_REDO], 0)))
		rc = pd_mdb_err(txn, rc, err, "journal");
	if (rc == PD_OK)
		txn->dirty = true;
	return rc;
}
