/*
 * cursor.c — reading a kind's records or an index's entries in order
 * (store.h): cursors, counts, and an index's ids read in one go.
 */
#include <stdlib.h>

#include "plandesk/base/buf.h"
#include "handles.h"
#include "indexes.h"
#include "mdb_err.h"

struct pd_cursor {
	MDB_cursor *c;
	bool        index, reverse, started;
	size_t      dlen;
	unsigned char parent[8];
};

static int cursor_open(struct pd_txn *txn, MDB_dbi dbi, struct pd_cursor **out,
		       struct pd_err *err)
{
	struct pd_cursor *cur = calloc(1, sizeof *cur);
	int rc;

	*out = NULL;
	if (!cur)
		return pd_err_nomem(err);
	if ((rc = mdb_cursor_open(txn->txn, dbi, &cur->c))) {
		free(cur);
		return pd_mdb_err(txn, rc, err, "cursor");
	}
	*out = cur;
	return PD_OK;
}

int pd_cursor_kind(struct pd_txn *txn, enum pd_kind kind, unsigned flags,
		   struct pd_cursor **out, struct pd_err *err)
{
	int rc = cursor_open(txn, txn->st->kind_dbi[kind], out, err);

	if (rc == PD_OK)
		(*out)->reverse = flags & PD_CUR_REVERSE;
	return rc;
}

int pd_cursor_index(struct pd_txn *txn, enum pd_index ix, uint64_t parent,
		    unsigned flags, struct pd_cursor **out, struct pd_err *err)
{
	int rc = cursor_open(txn, txn->st->ix_dbi[ix], out, err);

	if (rc != PD_OK)
		return rc;
	(*out)->index = true;
	(*out)->reverse = flags & PD_CUR_REVERSE;
	(*out)->dlen = pd_ix_datalen(ix);
	pd_put_be64((*out)->parent, parent);
	return PD_OK;
}

int pd_cursor_next(struct pd_cursor *cur, uint64_t *id, struct pd_err *err)
{
	MDB_val k = { 8, cur->parent }, d;
	MDB_cursor_op op;
	int rc;

	if (!cur->index) {
		op = cur->started ? (cur->reverse ? MDB_PREV : MDB_NEXT)
				  : (cur->reverse ? MDB_LAST : MDB_FIRST);
		rc = mdb_cursor_get(cur->c, &k, &d, op);
		cur->started = true;
		if (rc)
			return pd_mdb_err(NULL, rc, err, "cursor");
		if (k.mv_size != 8)
			return pd_err_set(err, PD_ECORRUPT, "record key is not 8 bytes");
		*id = pd_get_be64(k.mv_data);
		return PD_OK;
	}
	if (!cur->started) {
		cur->started = true;
		rc = mdb_cursor_get(cur->c, &k, &d, MDB_SET);
		if (rc == MDB_SUCCESS)
			rc = mdb_cursor_get(cur->c, &k, &d,
					    cur->reverse ? MDB_LAST_DUP : MDB_FIRST_DUP);
	} else {
		rc = mdb_cursor_get(cur->c, &k, &d,
				    cur->reverse ? MDB_PREV_DUP : MDB_NEXT_DUP);
	}
	if (rc)
		return pd_mdb_err(NULL, rc, err, "cursor");
	if (d.mv_size != cur->dlen)
		return pd_err_set(err, PD_ECORRUPT, "index entry has the wrong length");
	*id = pd_get_be64((unsigned char *)d.mv_data + d.mv_size - 8);
	return PD_OK;
}

void pd_cursor_close(struct pd_cursor *cur)
{
	if (!cur)
		return;
	mdb_cursor_close(cur->c);
	free(cur);
}

int pd_count_kind(struct pd_txn *txn, enum pd_kind kind, size_t *out)
{
	MDB_stat s;
	int rc = mdb_stat(txn->txn, txn->st->kind_dbi[kind], &s);

	*out = rc ? 0 : s.ms_entries;
	return pd_mdb_err(NULL, rc, NULL, "count");
}

int pd_count_index(struct pd_txn *txn, enum pd_index ix, uint64_t parent,
		   size_t *out)
{
	struct pd_cursor *cur;
	unsigned char kb[8];
	MDB_val k = { 8, kb }, d;
	size_t n = 0;
	int rc;

	*out = 0;
	if ((rc = pd_cursor_index(txn, ix, parent, 0, &cur, NULL)) != PD_OK)
		return rc;
	pd_put_be64(kb, parent);
	rc = mdb_cursor_get(cur->c, &k, &d, MDB_SET);
	if (rc == MDB_SUCCESS)
		rc = mdb_cursor_count(cur->c, &n);
	pd_cursor_close(cur);
	*out = (size_t)n;
	return rc == MDB_NOTFOUND ? PD_OK : pd_mdb_err(NULL, rc, NULL, "count");
}

int pd_index_ids(struct pd_txn *txn, enum pd_index ix, uint64_t parent,
		 uint64_t **ids, size_t *n, struct pd_err *err)
{
	struct pd_cursor *cur;
	uint64_t id;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if ((rc = pd_cursor_index(txn, ix, parent, 0, &cur, err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &id, err)) == PD_OK) {
		if (pd_grow(ids, &cap, *n + 1, sizeof **ids, 16)) {
			rc = pd_err_nomem(err);
			break;
		}
		(*ids)[(*n)++] = id;
	}
	pd_cursor_close(cur);
	if (rc == PD_NOTFOUND)
		return PD_OK;
	free(*ids);
	*ids = NULL;
	*n = 0;
	return rc;
}
