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

struct stream {
	size_t        koff, klen;   /* the key, in merge.keys */
	unsigned char d[PD_TERM_DATA_MAX];
	size_t        dlen;
	unsigned char maxcls;       /* the stream ends past this class */
	MDB_cursor   *c;            /* opened when first advanced */
};

struct merge {
	struct stream *s;
	size_t         n, cap;
	size_t        *heap, nheap;
	struct pd_buf  keys;
	MDB_cursor    *seek;        /* for entering keys at a class */
	uint64_t       last_id;     /* the entry merged last (its kind, class) */
	unsigned char  last_kind, last_cls;
};

static bool stream_less(const struct merge *m, size_t a, size_t b)
{
	const struct stream *x = &m->s[a], *y = &m->s[b];

	return data_cmp(x->d, x->dlen, y->d, y->dlen) < 0;
}

static void sift_down(struct merge *m, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, min = i, t;
		if (l < m->nheap && stream_less(m, m->heap[l], m->heap[min]))
			min = l;
		if (r < m->nheap && stream_less(m, m->heap[r], m->heap[min]))
			min = r;
		if (min == i)
			return;
		t = m->heap[i];
		m->heap[i] = m->heap[min];
		m->heap[min] = t;
		i = min;
	}
}

/* A stream from key `k` starting at entry `d` (none if d is past maxcls). */
static int add_stream(struct search *s, struct merge *m, const MDB_val *k,
		      const MDB_val *d, unsigned maxcls)
{
	struct stream *st;

	if (!data_ok(d))
		return search_corrupt(s);
	if (((const unsigned char *)d->mv_data)[0] > maxcls)
		return PD_OK;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 32;
		if (!(st = realloc(m->s, cap * sizeof *st)))
			return pd_err_set(s->err, PD_ENOMEM, "out of memory");
		m->s = st;
		m->cap = cap;
	}
	st = &m->s[m->n++];
	st->koff = m->keys.n;
	st->klen = k->mv_size;
	st->dlen = d->mv_size;
	st->maxcls = (unsigned char)maxcls;
	st->c = NULL;
	memcpy(st->d, d->mv_data, d->mv_size);
	if (pd_buf_add(&m->keys, k->mv_data, k->mv_size) != PD_OK)
		return pd_err_set(s->err, PD_ENOMEM, "out of memory");
	return PD_OK;
}

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
		if ((rc = add_stream(s, m, &k, &sd, PD_RANK_OTHER)) != PD_OK)
			return rc;
	}
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : search_db_err(s, rc);
}

static size_t nchars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Phase 1 of a short word: the names it begins (see the top). */
static int short_streams(struct search *s, struct merge *m, const char *w,
			 size_t wn)
{
	unsigned char buf[PD_TERM_MAX + 2];
	MDB_val k = { wn, (void *)w }, d;
	int rc;

	/* Word keys of at most three characters; a longer one's names are
	 * under its prefix key, so jump past every key sharing its prefix. */
	rc = mdb_cursor_get(s->cur, &k, &d, MDB_SET_RANGE);
	while (rc == MDB_SUCCESS && is_prefix(w, wn, k.mv_data, k.mv_size)) {
		size_t c = nchars(k.mv_data, k.mv_size), p;
		if (c <= PD_PREFIX_CHARS &&
		    (rc = add_stream(s, m, &k, &d, PD_RANK_NAME_WORD)) != PD_OK)
			return rc;
		if (c < PD_PREFIX_CHARS) {   /* longer ones follow */
			rc = mdb_cursor_get(s->cur, &k, &d, MDB_NEXT_NODUP);
			continue;
		}
		p = c == PD_PREFIX_CHARS ? k.mv_size : pd_term_prefix(k.mv_data, k.mv_size);
		memcpy(buf, k.mv_data, p);
		buf[p] = 0xFF;   /* never in UTF-8: past every key with this prefix */
		k.mv_size = p + 1;
		k.mv_data = buf;
		rc = mdb_cursor_get(s->cur, &k, &d, MDB_SET_RANGE);
	}
	if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND)
		return search_db_err(s, rc);
	/* Prefix keys: 0x02 + three characters beginning with the word. */
	buf[0] = PD_TERM_PREFIX;
	memcpy(buf + 1, w, wn);
	k.mv_size = wn + 1;
	k.mv_data = buf;
	for (rc = mdb_cursor_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS && is_prefix((char *)buf, wn + 1, k.mv_data, k.mv_size);
	     rc = mdb_cursor_get(s->cur, &k, &d, MDB_NEXT_NODUP))
		if ((rc = add_stream(s, m, &k, &d, PD_RANK_NAME_WORD)) != PD_OK)
			return rc;
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : search_db_err(s, rc);
}

/* Step a stream to its key's next entry.  PD_NOTFOUND at its end. */
static int advance(struct search *s, struct merge *m, struct stream *st)
{
	MDB_val k = { st->klen, m->keys.p + st->koff }, d = { st->dlen, st->d };
	int rc;

	if (!st->c) {
		if ((rc = mdb_cursor_open(s->txn->txn, s->dbi, &st->c)))
			return search_db_err(s, rc);
		if ((rc = mdb_cursor_get(st->c, &k, &d, MDB_GET_BOTH)))
			return search_db_err(s, rc == MDB_NOTFOUND ? MDB_CORRUPTED : rc);
	}
	rc = mdb_cursor_get(st->c, &k, &d, MDB_NEXT_DUP);
	if (rc == MDB_NOTFOUND)
		return PD_NOTFOUND;
	if (rc)
		return search_db_err(s, rc);
	if (!data_ok(&d))
		return search_corrupt(s);
	if (((unsigned char *)d.mv_data)[0] > st->maxcls)
		return PD_NOTFOUND;
	st->dlen = d.mv_size;
	memcpy(st->d, d.mv_data, d.mv_size);
	return PD_OK;
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
		pd_err_set(s->err, PD_ENOMEM, "out of memory");
		return -PD_ENOMEM;
	}
	if (b.cls[0] < d[0])
		return 0;   /* passed on at the class its name gives */
	return !search_idset_has(&s->seen, id);   /* not an exact match */
}

/* Pass on the merged entries in order.  PD_OK when all are done, STOP. */
static int drain(struct search *s, struct merge *m)
{
	int rc = PD_OK, f;

	if (m->n && !(m->heap = malloc(m->n * sizeof *m->heap)))
		return pd_err_set(s->err, PD_ENOMEM, "out of memory");
	for (size_t i = 0; i < m->n; i++)
		m->heap[i] = i;
	m->nheap = m->n;
	for (size_t i = m->n / 2; i-- > 0;)
		sift_down(m, i);
	while (m->nheap) {
		struct stream *st = &m->s[m->heap[0]];
		if ((f = fresh(s, m, st->d, st->dlen)) < 0)
			return -f;
		if (f && (rc = search_emit(s, st->d, st->dlen, st->d[0])) != PD_OK)
			return rc;
		rc = advance(s, m, st);
		if (rc == PD_NOTFOUND)
			m->heap[0] = m->heap[--m->nheap];
		else if (rc != PD_OK)
			return rc;
		sift_down(m, 0);
	}
	return PD_OK;
}

static void merge_free(struct merge *m)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->s[i].c)
			mdb_cursor_close(m->s[i].c);
	if (m->seek)
		mdb_cursor_close(m->seek);
	free(m->s);
	free(m->heap);
	pd_buf_free(&m->keys);
	memset(m, 0, sizeof *m);
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
	rc = short_streams(s, &m, w, wn);
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
