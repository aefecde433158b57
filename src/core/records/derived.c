/*
 * derived.c — lists of derived entries, written to the database as their
 * flags say, and the store's providers asked for them (derived.h).
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "derived.h"
#include "store/mdb_err.h"
#include "store/write_queue.h"

/* A person's entries, about forty and 2 KB, fit the first allocation
 * (growing from a few, an import reallocated each list half a dozen
 * times a row). */
#define ENTRIES_FIRST 64
#define ENTRIES_BYTES 2048

void pd_entries_reset(struct pd_entries *es)
{
	es->n = 0;
	pd_buf_reset(&es->buf);
}

void pd_entries_free(struct pd_entries *es)
{
	free(es->e);
	pd_buf_free(&es->buf);
	memset(es, 0, sizeof *es);
}

int pd_entries_add(struct pd_entries *es, MDB_dbi dbi, unsigned flags,
		   const void *k, size_t kn, const void *d, size_t dn)
{
	struct pd_entry *e;

	if (pd_grow(&es->e, &es->cap, es->n + 1, sizeof *es->e, ENTRIES_FIRST) ||
	    (!es->buf.cap && pd_buf_reserve(&es->buf, ENTRIES_BYTES) != PD_OK))
		return PD_ENOMEM;
	e = &es->e[es->n];
	e->dbi = dbi;
	e->flags = flags;
	e->koff = es->buf.n;
	e->klen = kn;
	if (pd_buf_add(&es->buf, k, kn) != PD_OK)
		return PD_ENOMEM;
	e->doff = es->buf.n;
	e->dlen = dn;
	if (pd_buf_add(&es->buf, d, dn) != PD_OK)
		return PD_ENOMEM;
	es->n++;
	return PD_OK;
}

/* --- writing them ----------------------------------------------------------- */

bool pd_entry_same(const struct pd_entries *a, size_t i,
		   const struct pd_entries *b, size_t j)
{
	const struct pd_entry *x = &a->e[i], *y = &b->e[j];

	return x->dbi == y->dbi && x->klen == y->klen && x->dlen == y->dlen &&
	       !memcmp(a->buf.p + x->koff, b->buf.p + y->koff, x->klen) &&
	       !memcmp(a->buf.p + x->doff, b->buf.p + y->doff, x->dlen);
}

bool pd_entries_has(const struct pd_entries *es, size_t i,
		    const struct pd_entries *in)
{
	for (size_t j = 0; j < in->n; j++)
		if (pd_entry_same(es, i, in, j))
			return true;
	return false;
}

static int del_entry(struct pd_txn *txn, const struct pd_entries *es, size_t i,
		     struct pd_err *err)
{
	const struct pd_entry *e = &es->e[i];
	MDB_val k = { e->klen, es->buf.p + e->koff };
	MDB_val d = { e->dlen, es->buf.p + e->doff }, cur;
	int rc;

	if ((e->flags & PD_ENTRY_QUEUED) &&
	    !((e->flags & PD_ENTRY_UNIQUE) && pd_txn_reads_queued(txn, e->dbi)))
		return pd_txn_queue(txn, e->dbi, e->flags & PD_ENTRY_UNIQUE, false,
				    &k, &d, err);
	if (e->flags & PD_ENTRY_UNIQUE) {
		/* Only remove a unique key that still names this record. */
		if (pd_txn_unique_get(txn, e->dbi, &k, &cur) != MDB_SUCCESS ||
		    cur.mv_size != d.mv_size || memcmp(cur.mv_data, d.mv_data, d.mv_size))
			return PD_OK;
		if (e->flags & PD_ENTRY_QUEUED)
			return pd_txn_queue(txn, e->dbi, true, false, &k, &d, err);
		rc = mdb_del(txn->txn, e->dbi, &k, NULL);
	} else {
		rc = mdb_del(txn->txn, e->dbi, &k, &d);
	}
	if (rc == MDB_NOTFOUND)
		return PD_OK;
	return pd_mdb_err(txn, rc, err, "index");
}

static int put_entry(struct pd_txn *txn, const struct pd_entries *es, size_t i,
		     struct pd_err *err)
{
	const struct pd_entry *e = &es->e[i];
	MDB_val k = { e->klen, es->buf.p + e->koff };
	MDB_val d = { e->dlen, es->buf.p + e->doff };

	if (e->flags & PD_ENTRY_QUEUED)
		return pd_txn_queue(txn, e->dbi, e->flags & PD_ENTRY_UNIQUE, true,
				    &k, &d, err);
	return pd_mdb_err(txn, mdb_put(txn->txn, e->dbi, &k, &d, 0), err, "index");
}

/* Remove (put false) or put each entry of `es` that `other` lacks. */
static int write_missing(struct pd_txn *txn, const struct pd_entries *es,
			 const struct pd_entries *other, bool put,
			 struct pd_err *err)
{
	int rc = PD_OK;

	for (size_t i = 0; i < es->n && rc == PD_OK; i++)
		if (!pd_entries_has(es, i, other))
			rc = put ? put_entry(txn, es, i, err) : del_entry(txn, es, i, err);
	return rc;
}

int pd_entries_remove_stale(struct pd_txn *txn, const struct pd_entries *olds,
			    const struct pd_entries *news, struct pd_err *err)
{
	return write_missing(txn, olds, news, false, err);
}

int pd_entries_put_new(struct pd_txn *txn, const struct pd_entries *news,
		       const struct pd_entries *olds, struct pd_err *err)
{
	return write_missing(txn, news, olds, true, err);
}

/* --- the providers ---------------------------------------------------------- */

int pd_derived_entries(struct pd_txn *txn, const struct pd_record *r,
		       struct pd_entries *out, struct pd_err *err)
{
	const struct pd_derived_ops *const *op = txn->st->derived;
	int rc = PD_OK;

	for (; op && *op && rc == PD_OK; op++)
		rc = (*op)->entries(txn, r, out, err);
	if (rc != PD_OK)
		return pd_err_set(err, rc, "indexing: %s", pd_strerror(rc));
	return PD_OK;
}

int pd_derived_changed(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		       const MDB_val *before, const MDB_val *after,
		       struct pd_err *err)
{
	const struct pd_derived_ops *const *op = txn->st->derived;
	int rc = PD_OK;

	for (; op && *op && rc == PD_OK; op++)
		if ((*op)->changed)
			rc = (*op)->changed(txn, kind, id, before, after, err);
	return rc;
}
