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
 *      at its first class-3 entry, and the shadowed keys of its shorter
 *      splits (pd_sq_key_range; those its names outrank are not read).
 */
#include <stdlib.h>

#include "search_merge.h"
#include "search_one.h"

/*
 * Does the whole name in entry (d, n) give the query word a better class
 * than the entry's own?  Then the merge passes the entry over, whatever
 * else it holds (first_in_merge).  Returns PD_OK, PD_ENOMEM (err filled).
 */
static int name_ranks_better(struct pd_sq_search *s, const unsigned char *d,
			     size_t n, bool *better)
{
	struct pd_sq_best b = { .q = &s->q, .cls = { PD_SQ_NO_MATCH } };

	*better = false;
	/* A name's words give name-start at best (the exact class comes
	 * from the exact key alone), so no entry of that class or better is
	 * outranked by its name: a first name's thousands of hits skip this. */
	if (d[0] <= PD_RANK_NAME_START || !pd_sq_name_whole(d, n))
		return PD_OK;
	if (pd_sq_name_classes(d + 1, n - PD_TERM_DATA_MIN, &b) != PD_OK)
		return pd_err_nomem(s->err);
	*better = b.cls[0] < d[0];
	return PD_OK;
}

/*
 * Is the key the cursor is on one entry, `d`, that the merge would pass
 * over?  A surname's e-mail words ("smith4", "smith7", ...) are a key a
 * person: thousands of streams for the heap, each read only to be passed
 * over, since the person was passed on by name.  Returns PD_OK, PD_ENOMEM,
 * or an LMDB error mapped.
 */
static int lone_passed_over(struct pd_sq_search *s, const MDB_val *d, bool *skip)
{
	size_t n;
	int rc;

	*skip = false;
	if (!pd_sq_data_ok(d))
		return PD_OK;   /* pd_sq_merge_add says so */
	if ((rc = pd_post_count(s->cur, 1, &n)))
		return pd_sq_db_err(s, rc);
	if (n != 1)
		return PD_OK;
	return name_ranks_better(s, d->mv_data, d->mv_size, skip);
}

/*
 * The keys of one range (pfx, pn bytes; pd_sq_key_range), each entered at
 * its first entry of class `from` or more; a key of one class-3 entry its
 * name passes over is left out, whatever `from` ("smith" would otherwise
 * heap up every "smith4" of a file without shadowed keys).
 */
static int range_streams(struct pd_sq_search *s, struct pd_sq_merge *m,
			 const char *pfx, size_t pn, unsigned from)
{
	unsigned char cls = (unsigned char)from;
	MDB_val k = { pn, (void *)pfx }, d;
	int rc;

	for (rc = pd_post_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS && pd_sq_is_prefix(pfx, pn, k.mv_data, k.mv_size);
	     rc = pd_post_get(s->cur, &k, &d, MDB_NEXT_NODUP)) {
		MDB_val sk = k, sd = { 1, &cls };
		/* Enter the key further on, unless its first entry is already
		 * there (a word of one record's e-mail: no second seek). */
		if (from > PD_RANK_NAME_START && (!d.mv_size || *(unsigned char *)d.mv_data < cls)) {
			rc = pd_post_get(m->seek, &sk, &sd, MDB_GET_BOTH_RANGE);
			if (rc == MDB_NOTFOUND)
				continue;
			if (rc)
				break;
		} else {
			bool skip = false;
			sd = d;
			if (d.mv_size && *(unsigned char *)d.mv_data == PD_RANK_OTHER &&
			    (rc = lone_passed_over(s, &d, &skip)) != PD_OK)
				return rc;
			if (skip)
				continue;
		}
		rc = pd_sq_merge_add(s, m, &k, &sd, PD_RANK_OTHER, NULL, 0, 0);
		if (rc != PD_OK)
			return rc;
	}
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : pd_sq_db_err(s, rc);
}

/* Every key of each range of `w` (pd_sq_key_range), as range_streams. */
static int word_streams(struct pd_sq_search *s, struct pd_sq_merge *m, const char *w,
			size_t wn, unsigned from)
{
	unsigned char buf[PD_SQ_RANGE_MAX];
	const char *pfx;
	size_t pn;
	int rc = PD_OK;

	if (!m->seek && (rc = pd_post_open(s->txn->txn, s->dbi, &m->seek)))
		return pd_sq_db_err(s, rc);
	for (size_t r = 0; rc == PD_OK && (pn = pd_sq_key_range(s, w, wn, r, buf, &pfx)); r++)
		rc = range_streams(s, m, pfx, pn, from);
	return rc;
}

/*
 * Is entry (d, n) its record's first in the merge (and of a wanted kind)?
 * *first says.  Returns PD_OK, PD_ENOMEM (err filled).
 */
static int first_in_merge(struct pd_sq_search *s, struct pd_sq_merge *m,
			  const unsigned char *d, size_t n, bool *first)
{
	uint64_t id = pd_sq_data_id(d, n);
	unsigned char kind = (unsigned char)pd_sq_data_kind(d, n);
	bool again = id == m->last_id && kind == m->last_kind && d[0] == m->last_cls;
	bool better;
	int rc;

	*first = false;
	m->last_id = id;
	m->last_kind = kind;
	m->last_cls = d[0];
	if (again || !(s->kinds & (1u << kind)))
		return PD_OK;   /* the same class under another key */
	if (!pd_sq_name_whole(d, n))
		return pd_sq_fresh(s, d, n, first);
	if ((rc = name_ranks_better(s, d, n, &better)) != PD_OK)
		return rc;
	if (better)
		return PD_OK;   /* passed on at the class its name gives */
	*first = !pd_u64map_get(&s->seen, id, NULL);   /* not an exact match */
	return PD_OK;
}

/* Pass on the merged entries in order.  PD_OK when all are done, PD_SQ_ENOUGH. */
static int drain(struct pd_sq_search *s, struct pd_sq_merge *m)
{
	struct pd_sq_stream *st;
	bool first;
	int rc;

	if ((rc = pd_sq_merge_start(s, m)) != PD_OK)
		return rc;
	while ((st = pd_sq_merge_top(m))) {
		if ((rc = first_in_merge(s, m, st->d, st->dlen, &first)) != PD_OK)
			return rc;
		if (first && (rc = pd_sq_emit(s, st->d, st->dlen, st->d[0])) != PD_OK)
			return rc;
		if ((rc = pd_sq_merge_next(s, m)) != PD_OK)
			return rc;
	}
	return PD_OK;
}

int pd_sq_one_word(struct pd_sq_search *s)
{
	struct pd_sq_merge m = { 0 };
	const char *w = pd_sq_word(&s->q, 0);
	size_t wn = s->q.len[0];
	int rc;

	if (pd_term_prefix(w, wn)) {   /* longer than a prefix key */
		rc = word_streams(s, &m, w, wn, PD_RANK_NAME_START);
		if (rc == PD_OK)
			rc = drain(s, &m);
		pd_sq_merge_free(&m);
		return rc;
	}
	rc = pd_sq_merge_add_short(s, &m, w, wn, false, 0);
	if (rc == PD_OK)
		rc = drain(s, &m);
	pd_sq_merge_free(&m);
	if (rc == PD_OK)
		rc = word_streams(s, &m, w, wn, PD_RANK_OTHER);
	if (rc == PD_OK)
		rc = drain(s, &m);
	pd_sq_merge_free(&m);
	return rc;
}
