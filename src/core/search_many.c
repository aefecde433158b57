/*
 * search_many.c — a query of several words (format of the entries in
 * search_terms.h; the exact-name matches were already passed on).
 *
 * Order: by the best class any word reaches (the rank), then by the worst
 * ("john s" shows John Smith, whose "s" is in his name, before John Brown,
 * whose "s" is only in his school's name), then name, kind and id.
 *
 * The rarest word drives: its keys' entries (counted cheaply with
 * mdb_cursor_count) are the candidates.  Each candidate's entry carries
 * its folded name, and the words of the name settle most query words,
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
 * The walk is cut short with bounds, all of them safe for the order:
 *   - names that begin with a query word (what "d wri" wants: Diane
 *     Wright) are sought directly in each run (key and class) of the
 *     driver, and, to fill the heap early, in the name runs of the other
 *     words that have few keys;
 *   - a run is left once even NAME_START with the run's class as the
 *     worst could not beat the worst kept (run_open);
 *   - names whose plain first word cannot beat it are passed by the
 *     hundred with one seek (seek_names, plain_may_beat).
 * Paged results equal the unbounded search's (test_search_random).
 */
#include <stdlib.h>

#include "search_impl.h"

/* Gather a word's set after this many record reads per its entries: a
 * read costs about as much as gathering this many entries. */
#define SET_FACTOR 64
/* Before that, try once to gather a set this small (a word that is seldom
 * outside names). */
#define SET_TRY 4096
/* Keep a heap of the best candidates when the page needs at most this
 * many; else keep them all and sort. */
#define HEAP_MAX 4096
/* Seek through another word's name runs when it has at most this many keys. */
#define SEEK_KEYS_MAX 256

struct cand {
	unsigned char rank, worst;           /* best and worst class */
	unsigned char word;                  /* the query word d is an entry of */
	unsigned char dlen;
	unsigned char d[PD_TERM_DATA_MAX];   /* the entry, class first */
};

struct many {
	struct search  *s;
	size_t          drv;                 /* the driving word */
	size_t          count[MAX_WORDS];    /* entries under each word's keys */
	struct pd_buf   keys[MAX_WORDS];     /* each word's keys: len(1) + bytes */
	size_t          nkeys[MAX_WORDS];
	size_t          reads[MAX_WORDS];    /* records read for each word */
	bool            tried[MAX_WORDS];    /* a small set was tried */
	bool            has_set[MAX_WORDS];
	bool            covered[MAX_WORDS];  /* see seek_name_starts */
	struct idset    other[MAX_WORDS];    /* records with the word elsewhere */
	MDB_cursor     *gcur;                /* for gathering */
	struct pd_terms terms;               /* a record read for a check */
	struct cand    *c;                   /* kept: a max-heap when bounded */
	size_t          n, cap, keep;        /* keep: the bound, or SIZE_MAX */
	struct cand    *later;               /* put off by visit (check_later) */
	size_t          nlater, caplater;
};

/* Count the entries under the keys word `i` begins, and keep the keys. */
static int scan_word(struct many *m, size_t i)
{
	struct search *s = m->s;
	const char *w = qword(&s->q, i);
	MDB_val k = { s->q.len[i], (void *)w }, d;
	size_t n;
	int rc;

	for (rc = mdb_cursor_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS && is_prefix(w, s->q.len[i], k.mv_data, k.mv_size);
	     rc = mdb_cursor_get(s->cur, &k, &d, MDB_NEXT_NODUP)) {
		unsigned char len = (unsigned char)k.mv_size;   /* keys < 256 */
		if ((rc = mdb_cursor_count(s->cur, &n)))
			break;
		m->count[i] += n;
		m->nkeys[i]++;
		if (pd_buf_add(&m->keys[i], &len, 1) != PD_OK ||
		    pd_buf_add(&m->keys[i], k.mv_data, len) != PD_OK)
			return pd_err_set(s->err, PD_ENOMEM, "out of memory");
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

	if (!m->gcur && (rc = mdb_cursor_open(s->txn->txn, s->dbi, &m->gcur)))
		return search_db_err(s, rc);
	if (search_idset_reserve(&m->other[i], budget < m->count[i] ? budget : m->count[i]) < 0)
		return pd_err_set(s->err, PD_ENOMEM, "out of memory");
	for (size_t o = 0; o < m->keys[i].n; o += 1 + (unsigned char)m->keys[i].p[o]) {
		MDB_val k = { (unsigned char)m->keys[i].p[o], m->keys[i].p + o + 1 };
		MDB_val d = { 1, &other };
		for (rc = mdb_cursor_get(m->gcur, &k, &d, MDB_GET_BOTH_RANGE);
		     rc == MDB_SUCCESS;
		     rc = mdb_cursor_get(m->gcur, &k, &d, MDB_NEXT_DUP)) {
			if (!data_ok(&d))
				return search_corrupt(s);
			if (search_idset_add(&m->other[i], data_id(d.mv_data, d.mv_size)) < 0)
				return pd_err_set(s->err, PD_ENOMEM, "out of memory");
			if (m->other[i].n > budget) {
				free(m->other[i].slot);
				memset(&m->other[i], 0, sizeof m->other[i]);
				return PD_OK;
			}
		}
		if (rc != MDB_NOTFOUND)
			return search_db_err(s, rc);
	}
	m->has_set[i] = true;
	return PD_OK;
}

/* Settle every word from the record itself. */
static int check_record(struct many *m, const unsigned char *d, size_t dn,
			struct best *b)
{
	struct search *s = m->s;
	struct pd_record r;
	int rc = pd_get(s->txn, data_kind(d, dn), data_id(d, dn), &r, NULL);

	if (rc == PD_OK)
		rc = pd_search_terms(s->txn, &r, NULL, &m->terms);
	pd_record_clear(&r);
	if (rc == PD_NOTFOUND || rc == PD_ECORRUPT) {
		memset(b->cls, NO_MATCH, sizeof b->cls);   /* pd_check reports it */
		return PD_OK;
	}
	if (rc != PD_OK)
		return pd_err_set(s->err, rc, "search: %s", pd_strerror(rc));
	for (size_t i = 0; i < m->terms.n; i++)
		search_best_of(b, m->terms.buf.p + m->terms.t[i].off, m->terms.t[i].len,
			m->terms.t[i].cls);
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

/* The order of (rank, worst, entry d of dn bytes) against candidate y. */
static int key_cmp(unsigned char rank, unsigned char worst,
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

	return key_cmp(x->rank, x->worst, x->d, x->dlen, b);
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
		return pd_err_set(s->err, rc, "out of memory");
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
		if (!m->has_set[j] && !m->tried[j]) {
			m->tried[j] = true;
			if ((rc = gather(m, j, SET_TRY)) != PD_OK)
				return rc;
		} else if (!m->has_set[j] && ++m->reads[j] * SET_FACTOR >= m->count[j] &&
			   (rc = gather(m, j, SIZE_MAX)) != PD_OK) {
			return rc;
		}
		if (!m->has_set[j])
			need_record = true;
		else if (search_idset_has(&m->other[j], id))
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
			return pd_err_set(m->s->err, PD_ENOMEM, "out of memory");
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

/* Check entry `d` of query word `word`, and keep it if every word matches
 * and it may be kept.  A record already met is passed over. */
static int visit(struct many *m, size_t word, const MDB_val *d)
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
			return pd_err_set(m->s->err, PD_ENOMEM, "out of memory");
		m->later = g;
		m->caplater = cap;
	}
	m->later[m->nlater++] = c;
	return PD_OK;
}

/*
 * The candidates visit put off, best possible order first: each is
 * checked (a set probe or a record read) only while it may still be kept,
 * so a first screenful filled from names alone reads no record.
 */
static int check_later(struct many *m)
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
	return PD_OK;
}

/*
 * Could a record met through the driving entry `d` still be kept?  Its
 * rank may be NAME_START through another word, and its worst class is at
 * least the driving word's best class, which is d's class for a record
 * first met in this run of the key (one with a better class under another
 * key is met there, in that run).  Names sort within a run and classes
 * after it, so once this fails the rest of the key can be skipped.
 */
static bool run_open(const struct many *m, const unsigned char *d, size_t dn)
{
	return m->n < m->keep ||
	       key_cmp(PD_RANK_NAME_START, d[0], d, dn, &m->c[0]) < 0;
}

/*
 * Is the first word of the entry's name plain (ASCII letters and digits,
 * and not cut off)?  Then it is its own only class-1 word, and the record
 * ranks NAME_START only when a query word begins the name.
 */
static bool plain_first_word(const unsigned char *d, size_t dn)
{
	size_t n = dn - PD_TERM_DATA_MIN;

	for (size_t i = 0; i < n; i++) {
		if (d[1 + i] == ' ')
			return i > 0;
		if (!is_alnum(d[1 + i]))
			return false;
	}
	return n > 0 && n + 3 < PD_SORT_MAX;   /* one word, not cut */
}

/*
 * The bytes of the entry's plain first word (see plain_first_word) when
 * another is known to follow, else 0.
 */
static size_t plain_first_len(const unsigned char *d, size_t dn)
{
	size_t n = dn - PD_TERM_DATA_MIN;

	for (size_t i = 0; i < n; i++) {
		if (d[1 + i] == ' ')
			return i;
		if (!is_alnum(d[1 + i]))
			return 0;
	}
	return 0;
}

/*
 * May a record met through entry `d`, whose name's first word is plain,
 * still be kept?  With two words or more its worst class is at least
 * NAME_WORD: a second word could rank NAME_START only by beginning the
 * same first word, and reduce_words dropped such pairs.
 */
static bool plain_may_beat(const struct many *m, const unsigned char *d, size_t dn)
{
	unsigned char worst = d[0] > PD_RANK_NAME_WORD ? d[0] : PD_RANK_NAME_WORD;

	return m->n < m->keep || m->s->q.n < 2 ||
	       key_cmp(PD_RANK_NAME_START, worst, d, dn, &m->c[0]) < 0;
}

/*
 * May a record met through entry `d`, whose name begins with query word
 * j, and which has not been visited yet, still be kept?  When j's range is
 * covered, such a record has some word ranking only OTHER, so its order is
 * (NAME_START, OTHER, name) at best.
 */
static bool uncovered_may_beat(const struct many *m, size_t j,
			       const unsigned char *d, size_t dn)
{
	return !m->covered[j] || m->n < m->keep ||
	       key_cmp(PD_RANK_NAME_START, PD_RANK_OTHER, d, dn, &m->c[0]) < 0;
}

/*
 * Visit the entries of `key` (kl bytes) of word `word` in class `cls`
 * whose names begin with query word j, in order, while they may be kept.
 * When one with a plain first word cannot be, neither can the rest with
 * that first word (their names sort after): one seek passes them all.
 */
static int seek_names(struct many *m, size_t word, const char *key, size_t kl,
		      unsigned cls, size_t j)
{
	struct search *s = m->s;
	const char *w = qword(&s->q, j);
	size_t wn = s->q.len[j], fl;
	unsigned char want[1 + PD_SORT_MAX + 1];
	MDB_val k = { kl, (void *)key }, d = { 1 + wn, want };
	int rc;

	if (wn > PD_SORT_MAX)
		return PD_OK;   /* longer than any name kept */
	want[0] = (unsigned char)cls;
	memcpy(want + 1, w, wn);
	for (rc = mdb_cursor_get(s->cur, &k, &d, MDB_GET_BOTH_RANGE); rc == MDB_SUCCESS;) {
		const unsigned char *p = d.mv_data;
		if (!data_ok(&d))
			return search_corrupt(s);
		if (p[0] != cls ||
		    !is_prefix(w, wn, (const char *)p + 1, d.mv_size - PD_TERM_DATA_MIN) ||
		    !run_open(m, p, d.mv_size) ||
		    !uncovered_may_beat(m, j, p, d.mv_size))
			break;
		if ((fl = plain_first_len(p, d.mv_size)) && !plain_may_beat(m, p, d.mv_size)) {
			/* Past "first word " and all that follows it: ' ' + 1. */
			memcpy(want + 1, p + 1, fl);
			want[1 + fl] = ' ' + 1;
			d.mv_size = 2 + fl;
			d.mv_data = want;
			rc = mdb_cursor_get(s->cur, &k, &d, MDB_GET_BOTH_RANGE);
			continue;
		}
		if ((rc = visit(m, word, &d)) != PD_OK)
			return rc;
		rc = mdb_cursor_get(s->cur, &k, &d, MDB_NEXT_DUP);
	}
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : search_db_err(s, rc);
}

/*
 * Seek the names that begin with a query word in every run (key and
 * class) of `word`'s keys: the records that rank NAME_START (but for a
 * first word of several parts).  Over the driver's runs (`driver`) this is
 * part of the search (collect relies on it).  Over another word's name
 * runs (classes 1 and 2, when it has few keys; not the names it begins
 * itself) it fills the kept ones early with good candidates — "rene st"
 * finds René Stevens under "stevens" before walking every René — and it
 * covers the names each other query word j begins: every record among
 * them whose words all rank NAME_WORD or better has an entry in those runs
 * and has been visited, so the driver's seeks may leave the rest of them
 * as soon as (NAME_START, OTHER) cannot be kept (uncovered_may_beat).
 */
static int seek_name_starts(struct many *m, size_t word, bool driver)
{
	const struct pd_buf *keys = &m->keys[word];
	unsigned maxcls = driver ? PD_RANK_OTHER : PD_RANK_NAME_WORD;
	int rc;

	for (size_t o = 0; o < keys->n; o += 1 + (unsigned char)keys->p[o])
		for (unsigned cls = PD_RANK_NAME_START; cls <= maxcls; cls++)
			for (size_t j = 0; j < m->s->q.n; j++)
				if ((driver || j != word) &&
				    (rc = seek_names(m, word, keys->p + o + 1,
						     (unsigned char)keys->p[o], cls, j)) != PD_OK)
					return rc;
	if (!driver)
		for (size_t j = 0; j < m->s->q.n; j++)
			m->covered[j] |= j != word;
	return PD_OK;
}

/*
 * Word `i` begins too many keys to seek through (SEEK_KEYS_MAX): seek
 * through its name keys instead, the prefix keys (0x02 + three
 * characters) it begins or that begin it, and its word keys of at most
 * three characters — one run per class holds every name with a word that
 * begins it, so "oliv sta" finds the Olivers with a "Sta..." surname in
 * one seek, where 1,500 "sta" keys would each need one.  A prefix entry
 * does not prove word i (for "stan", "sta" also holds "stamp"), so the
 * visit names word j, which the name begins.  Covers as seek_name_starts.
 */
static int seek_name_prefixes(struct many *m, size_t i)
{
	struct search *s = m->s;
	const char *w = qword(&s->q, i);
	size_t wn = s->q.len[i], p = pd_term_prefix(w, wn), nk = 0;
	unsigned char buf[2 + PD_TERM_MAX];
	struct pd_buf keys = PD_BUF_INIT;
	MDB_val k, d;
	int rc = PD_OK, mrc;

	for (size_t o = 0; o < m->keys[i].n && !p; o += 1 + (unsigned char)m->keys[i].p[o]) {
		size_t kl = (unsigned char)m->keys[i].p[o];
		if (!pd_term_prefix(m->keys[i].p + o + 1, kl) && nk++ < SEEK_KEYS_MAX &&
		    pd_buf_add(&keys, m->keys[i].p + o, 1 + kl) != PD_OK)
			rc = PD_ENOMEM;
	}
	buf[0] = PD_TERM_PREFIX;
	memcpy(buf + 1, w, p ? p : wn);
	k = (MDB_val){ 1 + (p ? p : wn), buf };
	for (mrc = mdb_cursor_get(s->cur, &k, &d, MDB_SET_RANGE);
	     mrc == MDB_SUCCESS && rc == PD_OK && nk <= SEEK_KEYS_MAX &&
	     is_prefix((char *)buf, 1 + (p ? p : wn), k.mv_data, k.mv_size);
	     mrc = mdb_cursor_get(s->cur, &k, &d, MDB_NEXT_NODUP)) {
		unsigned char len = (unsigned char)k.mv_size;
		if (nk++ < SEEK_KEYS_MAX &&
		    (pd_buf_add(&keys, &len, 1) != PD_OK || pd_buf_add(&keys, k.mv_data, len) != PD_OK))
			rc = PD_ENOMEM;
	}
	if (rc == PD_ENOMEM)
		rc = pd_err_set(s->err, rc, "out of memory");
	else if (mrc != MDB_SUCCESS && mrc != MDB_NOTFOUND)
		rc = search_db_err(s, mrc);
	for (size_t o = 0; o < keys.n && rc == PD_OK && nk <= SEEK_KEYS_MAX;
	     o += 1 + (unsigned char)keys.p[o])
		for (unsigned cls = PD_RANK_NAME_START; cls <= PD_RANK_NAME_WORD && rc == PD_OK; cls++)
			for (size_t j = 0; j < s->q.n && rc == PD_OK; j++)
				if (j != i)
					rc = seek_names(m, j, keys.p + o + 1,
							(unsigned char)keys.p[o], cls, j);
	if (rc == PD_OK && nk <= SEEK_KEYS_MAX)
		for (size_t j = 0; j < s->q.n; j++)
			m->covered[j] |= j != i;
	pd_buf_free(&keys);
	return rc;
}

/* The bytes of the shortest query word that begins the entry's name, or 0. */
static size_t name_start_len(const struct query *q, const unsigned char *d, size_t dn)
{
	size_t best = 0;

	for (size_t j = 0; j < q->n; j++)
		if ((!best || q->len[j] < best) &&
		    is_prefix(qword(q, j), q->len[j], (const char *)d + 1,
			      dn - PD_TERM_DATA_MIN))
			best = q->len[j];
	return best;
}

/*
 * Move the walk's cursor to the first entry of key `k` at or after the
 * data `want` (wn bytes), or to the next key's first entry when there is
 * none.  *k and *d get where it is.  Returns an LMDB code.
 */
static int seek_past(MDB_cursor *cur, MDB_val *k, MDB_val *d,
		     const unsigned char *want, size_t wn)
{
	unsigned char next[256];   /* keys are shorter (scan_word) */
	int rc;

	memcpy(next, k->mv_data, k->mv_size);
	next[k->mv_size] = 0;      /* the first key after k */
	d->mv_size = wn;
	d->mv_data = (void *)want;
	if ((rc = mdb_cursor_get(cur, k, d, MDB_GET_BOTH_RANGE)) != MDB_NOTFOUND)
		return rc;
	k->mv_size++;
	k->mv_data = next;
	return mdb_cursor_get(cur, k, d, MDB_SET_RANGE);
}

/*
 * Then walk the driver's entries in order.  Skipped: the rest of a key
 * once nothing in it may be kept (run_open), and with one seek each, the
 * names seek_name_starts saw and, once every kept one ranks NAME_START,
 * the names of a plain first word no query word begins (they rank lower).
 */
static int collect(struct many *m)
{
	struct search *s = m->s;
	const char *w = qword(&s->q, m->drv);
	size_t wn = s->q.len[m->drv];
	MDB_val k = { wn, (void *)w }, d;
	MDB_cursor_op op = MDB_NEXT;
	int rc;

	for (size_t i = 0; i < s->q.n; i++)
		if (i != m->drv &&
		    (rc = m->nkeys[i] <= SEEK_KEYS_MAX ? seek_name_starts(m, i, false) :
						      seek_name_prefixes(m, i)) != PD_OK)
			return rc;
	if ((rc = seek_name_starts(m, m->drv, true)) != PD_OK)
		return rc;
	for (rc = mdb_cursor_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS && is_prefix(w, wn, k.mv_data, k.mv_size);
	     rc = op == MDB_GET_BOTH_RANGE ? rc : mdb_cursor_get(s->cur, &k, &d, op)) {
		const unsigned char *p = d.mv_data;
		unsigned char want[1 + PD_SORT_MAX + 1];
		size_t sl;
		op = MDB_NEXT;
		if (!data_ok(&d))
			return search_corrupt(s);
		if (!run_open(m, p, d.mv_size)) {
			op = MDB_NEXT_NODUP;
			continue;
		}
		if ((sl = name_start_len(&s->q, p, d.mv_size))) {
			/* seek_name_starts saw them all: past the names that
			 * begin with those bytes (the last one plus one) */
			memcpy(want, p, 1 + sl);
			want[sl]++;
		} else if (m->n == m->keep && m->c[0].rank == PD_RANK_NAME_START &&
			   plain_first_word(p, d.mv_size)) {
			/* they rank lower: past "first word", " first word ..." */
			sl = plain_first_len(p, d.mv_size);
			if (!sl)
				continue;   /* the name is that one word */
			memcpy(want, p, 1 + sl);
			want[1 + sl] = ' ' + 1;
			sl++;
		} else {
			if ((rc = visit(m, m->drv, &d)) != PD_OK)
				return rc;
			continue;
		}
		op = MDB_GET_BOTH_RANGE;
		rc = seek_past(s->cur, &k, &d, want, 1 + sl);
	}
	if (rc != MDB_NOTFOUND && rc != MDB_SUCCESS)
		return search_db_err(s, rc);
	return check_later(m);
}

int search_many_words(struct search *s)
{
	struct many *m = calloc(1, sizeof *m);
	size_t left = s->need - s->count;
	int rc = PD_OK;

	if (!m)
		return pd_err_set(s->err, PD_ENOMEM, "out of memory");
	m->s = s;
	m->keep = left <= HEAP_MAX ? left : SIZE_MAX;
	for (size_t i = 0; i < s->q.n && rc == PD_OK; i++) {
		rc = scan_word(m, i);
		if (m->count[i] < m->count[m->drv])
			m->drv = i;
	}
	if (rc == PD_OK && m->count[m->drv])
		rc = collect(m);
	if (rc == PD_OK) {
		if (m->n)
			qsort(m->c, m->n, sizeof *m->c, cand_cmp);
		for (size_t i = 0; i < m->n && rc == PD_OK; i++)
			rc = search_emit(s, m->c[i].d, m->c[i].dlen, m->c[i].rank);
	}
	for (size_t i = 0; i < MAX_WORDS; i++) {
		pd_buf_free(&m->keys[i]);
		free(m->other[i].slot);
	}
	if (m->gcur)
		mdb_cursor_close(m->gcur);
	pd_terms_free(&m->terms);
	free(m->c);
	free(m->later);
	free(m);
	return rc;
}
