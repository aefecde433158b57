/*
 * scan.c — resumable scans over a kind's records or an index's entries
 * (scan.h).  Each batch opens an LMDB cursor in the caller's transaction,
 * seeks to the remembered entry, steps past it and reads on.
 */
#include <string.h>

#include "plandesk/store/scan.h"
#include "handles.h"
#include "indexes.h"
#include "mdb_err.h"

int pd_scan_kind(struct pd_scan *s, enum pd_kind kind, unsigned flags)
{
	memset(s, 0, sizeof *s);
	if ((unsigned)kind >= PD_NKINDS)
		return PD_EINVAL;
	s->ix = -1;
	s->kind = kind;
	s->reverse = flags & PD_CUR_REVERSE;
	return PD_OK;
}

int pd_scan_index(struct pd_scan *s, enum pd_index ix, uint64_t parent,
		  unsigned flags)
{
	memset(s, 0, sizeof *s);
	if ((unsigned)ix >= PD_NINDEXES)
		return PD_EINVAL;
	s->ix = (int)ix;
	s->kind = pd_ixdef(ix)->kind;
	s->parent = parent;
	s->reverse = flags & PD_CUR_REVERSE;
	return PD_OK;
}

void pd_scan_rewind(struct pd_scan *s)
{
	s->started = false;
	s->done = false;
	s->poslen = 0;
}

/* Position `c` on the first entry to yield; MDB_NOTFOUND at the end. */
static int seek_kind(struct pd_scan *s, MDB_cursor *c, MDB_val *k, MDB_val *d)
{
	int rc;

	if (!s->started)
		return mdb_cursor_get(c, k, d, s->reverse ? MDB_LAST : MDB_FIRST);
	k->mv_size = s->poslen;
	k->mv_data = s->pos;
	rc = mdb_cursor_get(c, k, d, MDB_SET_RANGE);
	if (!s->reverse) {
		if (rc == MDB_SUCCESS && k->mv_size == s->poslen &&
		    memcmp(k->mv_data, s->pos, s->poslen) == 0)
			rc = mdb_cursor_get(c, k, d, MDB_NEXT);
		return rc;
	}
	/* Reverse: the entry before the first one >= pos (or the last). */
	if (rc == MDB_NOTFOUND)
		return mdb_cursor_get(c, k, d, MDB_LAST);
	if (rc != MDB_SUCCESS)
		return rc;
	return mdb_cursor_get(c, k, d, MDB_PREV);
}

static int seek_index(struct pd_scan *s, MDB_cursor *c, MDB_val *k, MDB_val *d,
		      unsigned char *key)
{
	int rc;

	pd_put_be64(key, s->parent);
	k->mv_size = 8;
	k->mv_data = key;
	if (!s->started) {
		rc = mdb_cursor_get(c, k, d, MDB_SET);
		if (rc == MDB_SUCCESS)
			rc = mdb_cursor_get(c, k, d,
					    s->reverse ? MDB_LAST_DUP : MDB_FIRST_DUP);
		return rc;
	}
	d->mv_size = s->poslen;
	d->mv_data = s->pos;
	rc = mdb_cursor_get(c, k, d, MDB_GET_BOTH_RANGE);
	if (!s->reverse) {
		if (rc == MDB_SUCCESS && d->mv_size == s->poslen &&
		    memcmp(d->mv_data, s->pos, s->poslen) == 0)
			rc = mdb_cursor_get(c, k, d, MDB_NEXT_DUP);
		return rc;
	}
	if (rc == MDB_NOTFOUND) {
		/* Every entry is below pos (or the parent has none left). */
		k->mv_size = 8;
		k->mv_data = key;
		rc = mdb_cursor_get(c, k, d, MDB_SET);
		if (rc == MDB_SUCCESS)
			rc = mdb_cursor_get(c, k, d, MDB_LAST_DUP);
		return rc;
	}
	if (rc != MDB_SUCCESS)
		return rc;
	return mdb_cursor_get(c, k, d, MDB_PREV_DUP);
}

int pd_scan_next(struct pd_txn *txn, struct pd_scan *s, uint64_t *ids,
		 size_t max, size_t *got, struct pd_err *err)
{
	MDB_dbi dbi;
	MDB_cursor *c;
	MDB_val k, d, *entry;
	unsigned char key[8];
	size_t n = 0, want_len;
	int rc;

	*got = 0;
	if (s->done || max == 0)
		return PD_OK;
	dbi = s->ix < 0 ? txn->st->kind_dbi[s->kind] : txn->st->ix_dbi[s->ix];
	if ((rc = mdb_cursor_open(txn->txn, dbi, &c)))
		return pd_mdb_err(txn, rc, err, "scan");
	rc = s->ix < 0 ? seek_kind(s, c, &k, &d) : seek_index(s, c, &k, &d, key);
	entry = s->ix < 0 ? &k : &d;
	want_len = s->ix < 0 ? 8 : pd_ix_datalen((enum pd_index)s->ix);
	while (rc == MDB_SUCCESS && n < max) {
		if (entry->mv_size != want_len || want_len > sizeof s->pos) {
			mdb_cursor_close(c);
			return pd_err_set(err, PD_ECORRUPT,
					  "scan: an entry has the wrong length");
		}
		ids[n++] = pd_get_be64((unsigned char *)entry->mv_data +
				       entry->mv_size - 8);
		memcpy(s->pos, entry->mv_data, entry->mv_size);
		s->poslen = entry->mv_size;
		s->started = true;
		if (n == max)
			break;
		if (s->ix < 0)
			rc = mdb_cursor_get(c, &k, &d, s->reverse ? MDB_PREV : MDB_NEXT);
		else
			rc = mdb_cursor_get(c, &k, &d,
					    s->reverse ? MDB_PREV_DUP : MDB_NEXT_DUP);
	}
	mdb_cursor_close(c);
	*got = n;
	if (rc == MDB_NOTFOUND) {
		s->done = true;
		return PD_OK;
	}
	return rc == MDB_SUCCESS ? PD_OK : pd_mdb_err(txn, rc, err, "scan");
}
