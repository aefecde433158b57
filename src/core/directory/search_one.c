/*
 * search_one.c — a query of one word (format of the entries in
 * search_terms.h; the exact-name matches were already passed on).
 *
 * Each key the word begins is a list already in search order (class,
 * name, kind, id).  A cursor range scan finds the keys and the first entry
 * of each; a heap merges the lists, reading each only as far as the page
 * needs, so the first screenful of "smi" costs about as much as the number
 * of keys beginning "smi", not the number of Smiths.  An entry found again
 * under another key (a record with two words beginning "smi") is skipped:
 * the first time was its best class.
 *
 * A short word ("s", "sm", "smi") begins too many keys for that, so it is
 * answered in two phases, each in order, the first nearly always enough
 * for a screenful:
 *   1. names (classes 1 and 2): the prefix keys (0x02 + the first three
 *      characters of each name word longer than that) it begins, and the
 *      word keys of at most three characters it begins, found by jumping
 *      over the longer ones;
 *   2. the other fields (class 3): every word key it begins, each entered
 *      at its first class-3 entry.
 */
#include <stdlib.h>

#include "search_impl.h"

/* Every key `w` begins, entered at its first entry of class `from` or more. */
static int word_streams(struct search *s, struct merge *m, const char *w,
			size_t wn, unsigned from)
{
	unsigned char cls = (unsigned char)from;
	MDB_val k = { wn, (void *)w }, d;
	int rc;

	if (!m->seek && (rc = mdb_cursor_open(s->txn->txn, s->dbi, &m->seek)))
		return search_db_err(s, rc);
	for (rc = mdb_cursor_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS && is_prefix(w, wn, k.mv_data, k.mv_size);
	     rc = mdb_cursor_get(s->cur, &k, &d, MDB_NEXT_NODUP)) {
		MDB_val sk = k, sd = { 1, &cls };
		if (from > PD_RANK_NAME_START) {   /* enter the key further on */
			rc = mdb_cursor_get(m->seek, &sk, &sd, MDB_GET_BOTH_RANGE);
			if (rc == MDB_NOTFOUND)
				continue;
			if (rc)
				break;
		} else {
			sd = d;
		}
		if ((rc = merge_add(s, m, &k, &sd, PD_RANK_OTHER, NULL, 0, 0)) != PD_OK)
			return rc;
	}
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : search_db_err(s, rc);
}

/*
 * 1 if entry (d, n) is its record's first in the merge, 0 if not (or not
 * of a wanted kind), -PD_ENOMEM.
 */
static int fresh(struct search *s, struct merge *m, const unsigned char *d,
		 size_t n)
{
	uint64_t id = data_id(d, n);
	unsigned char kind = (unsigned char)data_kind(d, n);
	bool again = id == m->last_id && kind == m->last_kind && d[0] == m->last_cls;
	struct best b = { .q = &s->q, .cls = { NO_MATCH } };

	m->last_id = id;
	m->last_kind = kind;
	m->last_cls = d[0];
	if (again || !(s->kinds & (1u << kind)))
		return 0;   /* the same class under another key */
	if (!name_whole(d, n))
		return search_fresh(s, d, n);
	if (search_name_classes(d + 1, n - PD_TERM_DATA_MIN, &b) != PD_OK) {
		pd_err_nomem(s->err);
		return -PD_ENOMEM;
	}
	if (b.cls[0] < d[0])
		return 0;   /* passed on at the class its name gives */
	return !pd_u64map_get(&s->seen, id, NULL);   /* not an exact match */
}

/* Pass on the merged entries in order.  PD_OK when all are done, STOP. */
static int drain(struct search *s, struct merge *m)
{
	struct stream *st;
	int rc, f;

	if ((rc = merge_start(s, m)) != PD_OK)
		return rc;
	while ((st = merge_top(m))) {
		if ((f = fresh(s, m, st->d, st->dlen)) < 0)
			return -f;
		if (f && (rc = search_emit(s, st->d, st->dlen, st->d[0])) != PD_OK)
			return rc;
		if ((rc = merge_next(s, m)) != PD_OK)
			return rc;
	}
	return PD_OK;
}

int search_one_word(struct search *s)
{
	struct merge m = { 0 };
	const char *w = qword(&s->q, 0);
	size_t wn = s->q.len[0];
	int rc;

	if (pd_term_prefix(w, wn)) {   /* longer than a prefix key */
		rc = word_streams(s, &m, w, wn, PD_RANK_NAME_START);
		if (rc == PD_OK)
			rc = drain(s, &m);
		merge_free(&m);
		return rc;
	}
	rc = merge_add_short(s, &m, w, wn, false, 0);
	if (rc == PD_OK)
		rc = drain(s, &m);
	merge_free(&m);
	if (rc == PD_OK)
		rc = word_streams(s, &m, w, wn, PD_RANK_OTHER);
	if (rc == PD_OK)
		rc = drain(s, &m);
	merge_free(&m);
	return rc;
}
