/*
 * search_cand.c — the candidates of a query of several words
 * (search_many.h says how the four files share the work).
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
#include <string.h>

#include "plandesk/base/buf.h"
#include "search_cand.h"

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

/* The key range (pd_sq_key_range) key k (n bytes) of a query word is in:
 * a shadowed key's shared bytes, else 0. */
static size_t range_of(const unsigned char *k, size_t n)
{
	const unsigned char *sep;

	if (!n || k[0] != PD_TERM_SHADOW || !(sep = memchr(k + 1, PD_SHADOW_SEP, n - 1)))
		return 0;
	return (size_t)(sep - k) - 1;
}

/* pd_sq_scan_word over one range's keys (pfx, pn bytes), from key `from`
 * (fn bytes; none when 0) on. */
static int scan_range(struct pd_sq_many *m, size_t i, const char *pfx, size_t pn,
		      const unsigned char *from, size_t fn, size_t cap)
{
	struct pd_sq_search *s = m->s;
	struct pd_buf *keys = &m->keys[i];
	MDB_val k = { fn ? fn : pn, fn ? (void *)from : (void *)pfx }, d;
	size_t n;
	int rc;

	for (rc = pd_post_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS && pd_sq_is_prefix(pfx, pn, k.mv_data, k.mv_size);
	     rc = pd_post_get(s->cur, &k, &d, MDB_NEXT_NODUP)) {
		unsigned char len = (unsigned char)k.mv_size;   /* keys < 256 */
		if (m->count[i] > cap && m->nkeys[i] > PD_SQ_SEEK_KEYS_MAX) {
			m->partial[i] = true;
			return PD_OK;
		}
		if ((rc = pd_post_count(s->cur, SIZE_MAX, &n)))
			break;
		m->count[i] += n;
		m->nkeys[i]++;
		if (pd_buf_add(keys, &len, 1) != PD_OK || pd_buf_add(keys, k.mv_data, len) != PD_OK)
			return pd_err_nomem(s->err);
	}
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : pd_sq_db_err(s, rc);
}

int pd_sq_scan_word(struct pd_sq_many *m, size_t i, size_t cap)
{
	struct pd_sq_search *s = m->s;
	const char *w = pd_sq_word(&s->q, i), *pfx;
	struct pd_buf *keys = &m->keys[i];
	unsigned char last[256], buf[PD_SQ_RANGE_MAX];
	size_t r = 0, lastn = 0, pn;
	int rc = PD_OK;

	if (m->partial[i]) {   /* go on after the last key kept, in its range */
		size_t o = 0, len;
		while (o + 1 + (unsigned char)keys->p[o] < keys->n)
			o += 1 + (unsigned char)keys->p[o];
		len = (unsigned char)keys->p[o];
		memcpy(last, keys->p + o + 1, len);
		last[len] = 0;   /* the first key after it */
		lastn = len + 1;
		r = range_of(last, len);
	}
	m->partial[i] = false;
	for (; rc == PD_OK && !m->partial[i] &&
	       (pn = pd_sq_key_range(s, w, s->q.len[i], r, buf, &pfx)); r++, lastn = 0)
		rc = scan_range(m, i, pfx, pn, last, lastn, cap);
	return rc;
}

/*
 * The records with a class-3 entry under word `i`'s keys, into a set; with
 * more than `budget` of them, give up (has_set stays false).
 */
static int gather(struct pd_sq_many *m, size_t i, size_t budget)
{
	struct pd_sq_search *s = m->s;
	unsigned char other = PD_RANK_OTHER;
	int rc;

	if (m->partial[i] && (rc = pd_sq_scan_word(m, i, SIZE_MAX)) != PD_OK)
		return rc;
	if (!m->gcur && (rc = pd_post_open(s->txn->txn, s->dbi, &m->gcur)))
		return pd_sq_db_err(s, rc);
	if (pd_u64map_reserve(&m->other[i], budget < m->count[i] ? budget : m->count[i]) != PD_OK)
		return pd_err_nomem(s->err);
	for (size_t o = 0; o < m->keys[i].n; o += 1 + (unsigned char)m->keys[i].p[o]) {
		MDB_val k = { (unsigned char)m->keys[i].p[o], m->keys[i].p + o + 1 };
		MDB_val d = { 1, &other };
		for (rc = pd_post_get(m->gcur, &k, &d, MDB_GET_BOTH_RANGE);
		     rc == MDB_SUCCESS;
		     rc = pd_post_get(m->gcur, &k, &d, MDB_NEXT_DUP)) {
			if (!pd_sq_data_ok(&d))
				return pd_sq_corrupt(s);
			if (pd_u64map_put_new(&m->other[i],
					      pd_sq_data_id(d.mv_data, d.mv_size), 0,
					      NULL) != PD_OK)
				return pd_err_nomem(s->err);
			if (m->other[i].n > budget) {
				pd_u64map_free(&m->other[i], NULL);
				return PD_OK;
			}
		}
		if (rc != MDB_NOTFOUND)
			return pd_sq_db_err(s, rc);
	}
	m->has_set[i] = true;
	return PD_OK;
}

/* The query words that begin a word of organisation `id`'s name (a bit
 * each; 0 when it is gone or undecodable, as search_terms.c gives it no
 * words), remembered: a directory's people share a few organisations. */
static int org_words(struct pd_sq_many *m, uint64_t id, uint32_t *mask)
{
	struct pd_sq_orgbits *o =
		&m->orgs[(id * 0x9E3779B97F4A7C15ull) >> (64 - PD_SQ_ORG_CACHE_BITS)];
	struct pd_sq_best b = { .q = &m->s->q };
	int rc;

	if (o->id == id) {
		*mask = o->mask;
		return PD_OK;
	}
	memset(b.cls, PD_SQ_NO_MATCH, sizeof b.cls);
	if ((rc = pd_search_org_words(m->s->txn, id, pd_sq_best_cb, &b)) != PD_OK)
		return rc;
	o->id = id;
	o->mask = 0;
	for (size_t j = 0; j < m->s->q.n; j++)
		if (b.cls[j] != PD_SQ_NO_MATCH)
			o->mask |= 1u << j;
	*mask = o->mask;
	return PD_OK;
}

/*
 * Count one more record read for word j: PD_SQ_GATHER once the reads have cost
 * about as much as gathering its set (a word not scanned whole is scanned
 * on only as far as that tells), else PD_OK; or an error.
 */
static int pays_to_gather(struct pd_sq_many *m, size_t j)
{
	int rc;

	if (++m->reads[j] * SET_FACTOR < m->count[j])
		return PD_OK;
	if (m->partial[j] &&
	    (rc = pd_sq_scan_word(m, j, m->reads[j] * SET_FACTOR)) != PD_OK)
		return rc;
	return !m->partial[j] && m->reads[j] * SET_FACTOR >= m->count[j] ? PD_SQ_GATHER : PD_OK;
}

int pd_sq_check_record(struct pd_sq_many *m, const unsigned char *d, size_t dn,
		       struct pd_sq_best *b)
{
	struct pd_sq_search *s = m->s;
	struct pd_record r;
	uint64_t org = 0;
	uint32_t mask = 0;
	int rc = pd_get(s->txn, pd_sq_data_kind(d, dn), pd_sq_data_id(d, dn), &r, NULL);

	if (rc == PD_OK) {
		if (r.kind == PD_PERSON)
			org = pd_get_ref(&r, PD_PERSON_ORG);
		rc = pd_search_words(s->txn, &r, true, pd_sq_best_cb, b);
	}
	pd_record_clear(&r);
	if (rc == PD_NOTFOUND || rc == PD_ECORRUPT) {
		memset(b->cls, PD_SQ_NO_MATCH, sizeof b->cls);   /* pd_check reports it */
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

void pd_sq_order_of(const struct pd_sq_many *m, const struct pd_sq_best *b,
		    struct pd_sq_cand *c)
{
	c->rank = PD_RANK_OTHER;
	c->worst = PD_RANK_NAME_START;
	for (size_t j = 0; j < m->s->q.n; j++) {
		unsigned char cls = b->cls[j] == PD_SQ_NO_MATCH ? PD_RANK_OTHER : b->cls[j];
		if (cls < c->rank)
			c->rank = cls;
		if (cls > c->worst)
			c->worst = cls;
	}
}

int pd_sq_key_cmp(unsigned char rank, unsigned char worst,
		  const unsigned char *d, size_t dn, const struct pd_sq_cand *y)
{
	if (rank != y->rank)
		return rank < y->rank ? -1 : 1;
	if (worst != y->worst)
		return worst < y->worst ? -1 : 1;
	/* Past the class byte: name, NUL, kind, id. */
	return pd_sq_data_cmp(d + 1, dn - 1, y->d + 1, y->dlen - 1u);
}

static int cand_cmp(const void *a, const void *b)
{
	const struct pd_sq_cand *x = a;

	return pd_sq_key_cmp(x->rank, x->worst, x->d, x->dlen, b);
}

/* Could `c` still be among the kept ones? */
static bool may_keep(const struct pd_sq_many *m, const struct pd_sq_cand *c)
{
	return m->n < m->keep || cand_cmp(c, &m->c[0]) < 0;
}

/*
 * Check the driving word's entry `c->d` against every word.  Returns PD_OK
 * with c->rank set (PD_SQ_NO_MATCH when some word misses or it cannot be kept).
 * With *defer true, a candidate the name cannot settle (a word not in it,
 * or a name that may be cut) is left with *defer still true and c->rank
 * and c->worst the best order it may have; else *defer is set false.
 */
static int check(struct pd_sq_many *m, struct pd_sq_cand *c, bool *defer)
{
	struct pd_sq_search *s = m->s;
	struct pd_sq_best b = { .q = &s->q };
	size_t nslen = c->dlen - PD_TERM_DATA_MIN, j;
	/* A name this long may have been cut: only the record is sure. */
	bool whole = pd_sq_name_whole(c->d, c->dlen), need_record = !whole;
	uint64_t id = pd_sq_data_id(c->d, c->dlen);
	int rc;

	memset(b.cls, PD_SQ_NO_MATCH, sizeof b.cls);
	if (whole && (rc = pd_sq_name_classes(c->d + 1, nslen, &b)))
		return pd_err_nomem(s->err);
	if (whole)
		pd_sq_order_of(m, &b, c);   /* exact if it matches at all */
	else
		c->rank = c->worst = PD_RANK_NAME_START;   /* the best it can be */
	if (!may_keep(m, c)) {
		c->rank = PD_SQ_NO_MATCH;
		return PD_OK;
	}
	if (*defer) {
		bool unsettled = !whole;
		for (j = 0; j < s->q.n && !unsettled; j++)
			unsettled = b.cls[j] == PD_SQ_NO_MATCH && j != c->word;
		if (unsettled)
			return PD_OK;
		*defer = false;
	}
	for (j = 0; j < s->q.n && !need_record; j++) {
		if (b.cls[j] != PD_SQ_NO_MATCH || j == c->word)
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
			if ((rc = pays_to_gather(m, j)) == PD_SQ_GATHER)
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
	if (need_record && (rc = pd_sq_check_record(m, c->d, c->dlen, &b)) != PD_OK)
		return rc;
	if (!need_record && j == s->q.n && b.cls[c->word] == PD_SQ_NO_MATCH)
		b.cls[c->word] = PD_RANK_OTHER;   /* its entry says it is there */
	for (j = 0; j < s->q.n && b.cls[j] != PD_SQ_NO_MATCH; j++)
		;
	if (j < s->q.n)
		c->rank = PD_SQ_NO_MATCH;
	else
		pd_sq_order_of(m, &b, c);
	if (c->rank != PD_SQ_NO_MATCH && !may_keep(m, c))
		c->rank = PD_SQ_NO_MATCH;
	return PD_OK;
}

static void sift_down(struct pd_sq_many *m, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, max = i;
		struct pd_sq_cand t;
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
static int keep(struct pd_sq_many *m, const struct pd_sq_cand *c)
{
	if (m->n == m->keep) {   /* full: it beats the worst (may_keep) */
		m->c[0] = *c;
		sift_down(m, 0);
		return PD_OK;
	}
	if (pd_grow(&m->c, &m->cap, m->n + 1, sizeof *m->c, 64))
		return pd_err_nomem(m->s->err);
	m->c[m->n++] = *c;
	if (m->keep != SIZE_MAX)   /* sift up */
		for (size_t i = m->n - 1; i > 0 && cand_cmp(&m->c[(i - 1) / 2], &m->c[i]) < 0;
		     i = (i - 1) / 2) {
			struct pd_sq_cand t = m->c[i];
			m->c[i] = m->c[(i - 1) / 2];
			m->c[(i - 1) / 2] = t;
		}
	return PD_OK;
}

int pd_sq_keep(struct pd_sq_many *m, const struct pd_sq_cand *c)
{
	return may_keep(m, c) ? keep(m, c) : PD_OK;
}

int pd_sq_visit(struct pd_sq_many *m, size_t word, const MDB_val *d)
{
	struct pd_sq_cand c;
	bool defer = true, fresh;
	int rc;

	if ((rc = pd_sq_fresh(m->s, d->mv_data, d->mv_size, &fresh)) != PD_OK ||
	    !fresh)
		return rc;
	c.word = (unsigned char)word;
	c.dlen = (unsigned char)d->mv_size;
	memcpy(c.d, d->mv_data, d->mv_size);
	if ((rc = check(m, &c, &defer)) != PD_OK || c.rank == PD_SQ_NO_MATCH)
		return rc;
	if (!defer)
		return keep(m, &c);
	if (pd_grow(&m->later, &m->caplater, m->nlater + 1, sizeof *m->later, 64))
		return pd_err_nomem(m->s->err);
	m->later[m->nlater++] = c;
	return PD_OK;
}

/* The candidates put off are checked best possible order first, so a
 * first screenful filled from names alone reads no record. */
int pd_sq_check_later(struct pd_sq_many *m)
{
	int rc;

	if (m->nlater)
		qsort(m->later, m->nlater, sizeof *m->later, cand_cmp);
	for (size_t i = 0; i < m->nlater && may_keep(m, &m->later[i]); i++) {
		struct pd_sq_cand c = m->later[i];
		bool defer = false;
		if ((rc = check(m, &c, &defer)) != PD_OK ||
		    (c.rank != PD_SQ_NO_MATCH && (rc = keep(m, &c)) != PD_OK))
			return rc;
	}
	m->nlater = 0;
	return PD_OK;
}

int pd_sq_emit_kept(struct pd_sq_many *m)
{
	int rc = PD_OK;

	if (m->n)
		qsort(m->c, m->n, sizeof *m->c, cand_cmp);
	for (size_t i = 0; i < m->n && rc == PD_OK; i++)
		rc = pd_sq_emit(m->s, m->c[i].d, m->c[i].dlen, m->c[i].rank);
	return rc;
}

void pd_sq_many_free(struct pd_sq_many *m)
{
	for (size_t i = 0; i < PD_SQ_MAX_WORDS; i++) {
		pd_buf_free(&m->keys[i]);
		pd_u64map_free(&m->other[i], NULL);
	}
	if (m->gcur)
		pd_post_close(m->gcur);
	free(m->c);
	free(m->later);
}
