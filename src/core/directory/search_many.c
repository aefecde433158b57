/*
 * search_many.c — the candidates of a query of several words, and its
 * entry point (search_many.h says how the three files share the work).
 *
 * A candidate is an entry of some query word's key.  The entry carries its
 * record's folded name, and the words of the name settle most query words,
 * with their classes, at once.  A word not in the name can only be in
 * another field, where the record has a class-3 entry under one of the
 * word's keys: the records with such entries are gathered into a set, and
 * the check is a hash probe.  A word with very many such entries ("org",
 * in every e-mail address) is checked by reading the record instead, until
 * it has needed that often enough to pay for gathering its set.
 *
 * Only the best `need` candidates are kept (a heap), and a candidate whose
 * order, known from its name alone, cannot beat the worst kept one is not
 * checked at all: the first screenful of "john s" reads no record once it
 * has found twenty Johns with an "s" in their names.  A candidate the name
 * cannot settle is put off and checked at the end, best first, only while
 * it may still be kept.
 *
 * Paged results equal the unbounded search's (test_search_random).
 */
#include <stdlib.h>

#include "search_many.h"

/* Gather a word's set after this many record reads per its entries: a
 * read costs about as much as gathering this many entries. */
#define SET_FACTOR 64
/* Before that, try once to gather a set this small (a word that is seldom
 * outside names), when the word has at most SET_TRY_UNDER entries in all:
 * a word with more (or with keys too many to have been counted) nearly
 * always has more than SET_TRY outside names (the people's e-mail
 * addresses repeat their names), and the try then costs a seek in each
 * of its keys for nothing. */
#define SET_TRY 4096
#define SET_TRY_UNDER (16 * SET_TRY)
#define GATHER (-2)   /* pays_to_gather: gather the set now */
/* Keep a heap of the best candidates when the page needs at most this
 * many; else keep them all and sort. */
#define HEAP_MAX 4096

int many_scan_word(struct many *m, size_t i, size_t cap)
{
	struct search *s = m->s;
	const char *w = qword(&s->q, i);
	struct pd_buf *keys = &m->keys[i];
	unsigned char last[256];
	MDB_val k = { s->q.len[i], (void *)w }, d;
	size_t n;
	int rc;

	if (m->partial[i]) {   /* go on after the last key kept */
		size_t o = 0, len;
		while (o + 1 + (unsigned char)keys->p[o] < keys->n)
			o += 1 + (unsigned char)keys->p[o];
		len = (unsigned char)keys->p[o];
		memcpy(last, keys->p + o + 1, len);
		last[len] = 0;   /* the first key after it */
		k = (MDB_val){ len + 1, last };
	}
	m->partial[i] = false;
	for (rc = mdb_cursor_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS && is_prefix(w, s->q.len[i], k.mv_data, k.mv_size);
	     rc = mdb_cursor_get(s->cur, &k, &d, MDB_NEXT_NODUP)) {
		unsigned char len = (unsigned char)k.mv_size;   /* keys < 256 */
		if (m->count[i] > cap && m->nkeys[i] > SEEK_KEYS_MAX) {
			m->partial[i] = true;
			return PD_OK;
		}
		if ((rc = mdb_cursor_count(s->cur, &n)))
			break;
		m->count[i] += n;
		m->nkeys[i]++;
		if (pd_buf_add(keys, &len, 1) != PD_OK || pd_buf_add(keys, k.mv_data, len) != PD_OK)
			return pd_err_nomem(s->err);
	}
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : search_db_err(s, rc);
}

/*
 * The records with a class-3 entry under word `i`'s keys, into a set; with
 * more than `budget` of them, give up (has_set stays false).
 */
static int gather(struct many *m, size_t i, size_t budget)
{
	struct search *s = m->s;
	unsigned char other = PD_RANK_OTHER;
	int rc;

	if (m->partial[i] && (rc = many_scan_word(m, i, SIZE_MAX)) != PD_OK)
		return rc;
	if (!m->gcur && (rc = mdb_cursor_open(s->txn->txn, s->dbi, &m->gcur)))
		return search_db_err(s, rc);
	if (pd_u64map_reserve(&m->other[i], budget < m->count[i] ? budget : m->count[i]) != PD_OK)
		return pd_err_nomem(s->err);
	for (size_t o = 0; o < m->keys[i].n; o += 1 + (unsigned char)m->keys[i].p[o]) {
		MDB_val k = { (unsigned char)m->keys[i].p[o], m->keys[i].p + o + 1 };
		MDB_val d = { 1, &other };
		for (rc = mdb_cursor_get(m->gcur, &k, &d, MDB_GET_BOTH_RANGE);
		     rc == MDB_SUCCESS;
		     rc = mdb_cursor_get(m->gcur, &k, &d, MDB_NEXT_DUP)) {
			if (!data_ok(&d))
				return search_corrupt(s);
			if (pd_u64map_put_new(&m->other[i], data_id(d.mv_data, d.mv_size), 0,
					      NULL) != PD_OK)
				return pd_err_nomem(s->err);
			if (m->other[i].n > budget) {
				pd_u64map_free(&m->other[i], NULL);
				return PD_OK;
			}
		}
		if (rc != MDB_NOTFOUND)
			return search_db_err(s, rc);
	}
	m->has_set[i] = true;
	return PD_OK;
}

/* The query words that begin a word of organisation `id`'s name (a bit
 * each; 0 when it is gone or undecodable, as search_terms.c gives it no
 * words), remembered: a directory's people share a few organisations. */
static int org_words(struct many *m, uint64_t id, uint32_t *mask)
{
	struct orgbits *o = &m->orgs[(id * 0x9E3779B97F4A7C15ull) >> (64 - ORG_CACHE_BITS)];
	struct best b = { .q = &m->s->q };
	int rc;

	if (o->id == id) {
		*mask = o->mask;
		return PD_OK;
	}
	memset(b.cls, NO_MATCH, sizeof b.cls);
	if ((rc = pd_search_org_words(m->s->txn, id, search_best_cb, &b)) != PD_OK)
		return rc;
	o->id = id;
	o->mask = 0;
	for (size_t j = 0; j < m->s->q.n; j++)
		if (b.cls[j] != NO_MATCH)
			o->mask |= 1u << j;
	*mask = o->mask;
	return PD_OK;
}

/*
 * Count one more record read for word j: GATHER once the reads have cost
 * about as much as gathering its set (a word not scanned whole is scanned
 * on only as far as that tells), else PD_OK; or an error.
 */
static int pays_to_gather(struct many *m, size_t j)
{
	int rc;

	if (++m->reads[j] * SET_FACTOR < m->count[j])
		return PD_OK;
	if (m->partial[j] &&
	    (rc = many_scan_word(m, j, m->reads[j] * SET_FACTOR)) != PD_OK)
		return rc;
	return !m->partial[j] && m->reads[j] * SET_FACTOR >= m->count[j] ? GATHER : PD_OK;
}

/* Settle every word from the record itself (a person's organisation name
 * through org_words). */
static int check_record(struct many *m, const unsigned char *d, size_t dn,
			struct best *b)
{
	struct search *s = m->s;
	struct pd_record r;
	uint64_t org = 0;
	uint32_t mask = 0;
	int rc = pd_get(s->txn, data_kind(d, dn), data_id(d, dn), &r, NULL);

	if (rc == PD_OK) {
		if (r.kind == PD_PERSON)
			org = pd_get_ref(&r, PD_PERSON_ORG);
		rc = pd_search_words(s->txn, &r, true, search_best_cb, b);
	}
	pd_record_clear(&r);
	if (rc == PD_NOTFOUND || rc == PD_ECORRUPT) {
		memset(b->cls, NO_MATCH, sizeof b->cls);   /* pd_check reports it */
		return PD_OK;
	}
	if (rc == PD_OK && org)
		rc = org_words(m, org, &mask);
	if (rc != PD_OK)
		return pd_err_set(s->err, rc, "search: %s", pd_strerror(rc));
	for (size_t j = 0; j < s->q.n; j++)
		if ((mask >> j & 1) && b->cls[j] > PD_RANK_OTHER)
			b->cls[j] = PD_RANK_OTHER;
	return PD_OK;
}

/* The candidate's order from its words' classes (NO_MATCH counted as 3). */
static void order_of(const struct many *m, const struct best *b, struct cand *c)
{
	c->rank = PD_RANK_OTHER;
	c->worst = PD_RANK_NAME_START;
	for (size_t j = 0; j < m->s->q.n; j++) {
		unsigned char cls = b->cls[j] == NO_MATCH ? PD_RANK_OTHER : b->cls[j];
		if (cls < c->rank)
			c->rank = cls;
		if (cls > c->worst)
			c->worst = cls;
	}
}

int many_key_cmp(unsigned char rank, unsigned char worst,
		 const unsigned char *d, size_t dn, const struct cand *y)
{
	if (rank != y->rank)
		return rank < y->rank ? -1 : 1;
	if (worst != y->worst)
		return worst < y->worst ? -1 : 1;
	/* Past the class byte: name, NUL, kind, id. */
	return data_cmp(d + 1, dn - 1, y->d + 1, y->dlen - 1u);
}

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a;

	return many_key_cmp(x->rank, x->worst, x->d, x->dlen, b);
}

/* Could `c` still be among the kept ones? */
static bool may_keep(const struct many *m, const struct cand *c)
{
	return m->n < m->keep || cand_cmp(c, &m->c[0]) < 0;
}

/*
 * Check the driving word's entry `c->d` against every word.  Returns PD_OK
 * with c->rank set (NO_MATCH when some word misses or it cannot be kept).
 * With *defer true, a candidate the name cannot settle (a word not in it,
 * or a name that may be cut) is left with *defer still true and c->rank
 * and c->worst the best order it may have; else *defer is set false.
 */
static int check(struct many *m, struct cand *c, bool *defer)
{
	struct search *s = m->s;
	struct best b = { .q = &s->q };
	size_t nslen = c->dlen - PD_TERM_DATA_MIN, j;
	/* A name this long may have been cut: only the record is sure. */
	bool whole = name_whole(c->d, c->dlen), need_record = !whole;
	uint64_t id = data_id(c->d, c->dlen);
	int rc;

	memset(b.cls, NO_MATCH, sizeof b.cls);
	if (whole && (rc = search_name_classes(c->d + 1, nslen, &b)))
		return pd_err_nomem(s->err);
	if (whole)
		order_of(m, &b, c);   /* exact if it matches at all */
	else
		c->rank = c->worst = PD_RANK_NAME_START;   /* the best it can be */
	if (!may_keep(m, c)) {
		c->rank = NO_MATCH;
		return PD_OK;
	}
	if (*defer) {
		bool unsettled = !whole;
		for (j = 0; j < s->q.n && !unsettled; j++)
			unsettled = b.cls[j] == NO_MATCH && j != c->word;
		if (unsettled)
			return PD_OK;
		*defer = false;
	}
	for (j = 0; j < s->q.n && !need_record; j++) {
		if (b.cls[j] != NO_MATCH || j == c->word)
			continue;
		if (m->no_sets) {
			need_record = true;
			break;
		}
		if (!m->has_set[j] && !m->tried[j]) {
			m->tried[j] = true;
			if (!m->partial[j] && m->count[j] <= SET_TRY_UNDER &&
			    (rc = gather(m, j, SET_TRY)) != PD_OK)
				return rc;
		} else if (!m->has_set[j]) {
			if ((rc = pays_to_gather(m, j)) == GATHER)
				rc = gather(m, j, SIZE_MAX);
			if (rc != PD_OK)
				return rc;
		}
		if (!m->has_set[j])
			need_record = true;
		else if (pd_u64map_get(&m->other[j], id, NULL))
			b.cls[j] = PD_RANK_OTHER;
		else
			break;   /* not in the name, nor anywhere else */
	}
	if (need_record && (rc = check_record(m, c->d, c->dlen, &b)) != PD_OK)
		return rc;
	if (!need_record && j == s->q.n && b.cls[c->word] == NO_MATCH)
		b.cls[c->word] = PD_RANK_OTHER;   /* its entry says it is there */
	for (j = 0; j < s->q.n && b.cls[j] != NO_MATCH; j++)
		;
	if (j < s->q.n)
		c->rank = NO_MATCH;
	else
		order_of(m, &b, c);
	if (c->rank != NO_MATCH && !may_keep(m, c))
		c->rank = NO_MATCH;
	return PD_OK;
}

static void sift_down(struct many *m, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, max = i;
		struct cand t;
		if (l < m->n && cand_cmp(&m->c[l], &m->c[max]) > 0)
			max = l;
		if (r < m->n && cand_cmp(&m->c[r], &m->c[max]) > 0)
			max = r;
		if (max == i)
			return;
		t = m->c[i];
		m->c[i] = m->c[max];
		m->c[max] = t;
		i = max;
	}
}

/* Keep a checked candidate (in the heap when bounded). */
static int keep(struct many *m, const struct cand *c)
{
	if (m->n == m->keep) {   /* full: it beats the worst (may_keep) */
		m->c[0] = *c;
		sift_down(m, 0);
		return PD_OK;
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct cand *g = realloc(m->c, cap * sizeof *g);
		if (!g)
			return pd_err_nomem(m->s->err);
		m->c = g;
		m->cap = cap;
	}
	m->c[m->n++] = *c;
	if (m->keep != SIZE_MAX)   /* sift up */
		for (size_t i = m->n - 1; i > 0 && cand_cmp(&m->c[(i - 1) / 2], &m->c[i]) < 0;
		     i = (i - 1) / 2) {
			struct cand t = m->c[i];
			m->c[i] = m->c[(i - 1) / 2];
			m->c[(i - 1) / 2] = t;
		}
	return PD_OK;
}

int many_visit(struct many *m, size_t word, const MDB_val *d)
{
	struct cand c;
	bool defer = true;
	int rc, f;

	if ((f = search_fresh(m->s, d->mv_data, d->mv_size)) <= 0)
		return -f;
	c.word = (unsigned char)word;
	c.dlen = (unsigned char)d->mv_size;
	memcpy(c.d, d->mv_data, d->mv_size);
	if ((rc = check(m, &c, &defer)) != PD_OK || c.rank == NO_MATCH)
		return rc;
	if (!defer)
		return keep(m, &c);
	if (m->nlater == m->caplater) {
		size_t cap = m->caplater ? m->caplater * 2 : 64;
		struct cand *g = realloc(m->later, cap * sizeof *g);
		if (!g)
			return pd_err_nomem(m->s->err);
		m->later = g;
		m->caplater = cap;
	}
	m->later[m->nlater++] = c;
	return PD_OK;
}

/* The candidates put off are checked best possible order first, so a
 * first screenful filled from names alone reads no record. */
int many_check_later(struct many *m)
{
	int rc;

	if (m->nlater)
		qsort(m->later, m->nlater, sizeof *m->later, cand_cmp);
	for (size_t i = 0; i < m->nlater && may_keep(m, &m->later[i]); i++) {
		struct cand c = m->later[i];
		bool defer = false;
		if ((rc = check(m, &c, &defer)) != PD_OK ||
		    (c.rank != NO_MATCH && (rc = keep(m, &c)) != PD_OK))
			return rc;
	}
	m->nlater = 0;
	return PD_OK;
}

int search_many_words(struct search *s)
{
	struct many *m = calloc(1, sizeof *m);
	size_t left = s->need - s->count;
	bool complete = false;
	int rc = PD_OK;

	if (!m)
		return pd_err_nomem(s->err);
	m->s = s;
	m->keep = left <= HEAP_MAX ? left : SIZE_MAX;
	/* The name-start walk needs a bound, and the inner keys. */
	if (m->keep != SIZE_MAX && s->txn->st->has_inner)
		rc = search_lead(m, &complete);
	if (rc == PD_OK && complete) {
		rc = many_check_later(m);
	} else if (rc == PD_OK) {
		/* The words are longest first (likely the rarest): a later one
		 * is scanned only as far as it may still be the rarest. */
		m->no_sets = false;
		for (size_t i = 0; i < s->q.n && rc == PD_OK; i++) {
			rc = many_scan_word(m, i, i ? m->count[m->drv] : SIZE_MAX);
			if (m->count[i] < m->count[m->drv])
				m->drv = i;
		}
		if (rc == PD_OK && m->count[m->drv])
			rc = search_drive(m);
	}
	if (rc == PD_OK) {
		if (m->n)
			qsort(m->c, m->n, sizeof *m->c, cand_cmp);
		for (size_t i = 0; i < m->n && rc == PD_OK; i++)
			rc = search_emit(s, m->c[i].d, m->c[i].dlen, m->c[i].rank);
	}
	for (size_t i = 0; i < MAX_WORDS; i++) {
		pd_buf_free(&m->keys[i]);
		pd_u64map_free(&m->other[i], NULL);
	}
	if (m->gcur)
		mdb_cursor_close(m->gcur);
	free(m->c);
	free(m->later);
	free(m);
	return rc;
}
