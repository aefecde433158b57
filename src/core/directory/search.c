/*
 * search.c — answering a query from the `terms` database (format in
 * search_terms.h).
 *
 * First the exact key (0x01 + the query in normal form) gives the entries
 * whose whole name is the query.  Then:
 *
 * One word: search_one.c.
 * Several words: search_many.c.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "search_impl.h"

#define DIGITS_MAX 32    /* as search_terms.c */

/* --- the query ----------------------------------------------------------- */

static int word_cb(const char *w, size_t len, void *ctx)
{
	struct query *q = ctx;

	if (q->n == MAX_WORDS)
		return PD_EINVAL;
	len = pd_utf8_cut(w, len, PD_TERM_MAX);
	q->off[q->n] = q->text.n;
	q->len[q->n] = len;
	if (pd_buf_add(&q->text, w, len) != PD_OK)
		return PD_ENOMEM;
	q->n++;
	return 0;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* A phone number typed with spaces: run digit-only words together. */
static int join_digits(struct query *q)
{
	size_t off = q->text.n, len = 0;

	for (size_t i = 0; i < q->n; i++)
		if (!all_digits(qword(q, i), q->len[i]))
			return PD_OK;
	for (size_t i = 0; i < q->n; i++) {
		/* Copy through an offset: the buffer may move as it grows. */
		for (size_t j = 0; j < q->len[i]; j++)
			if (pd_buf_putc(&q->text, q->text.p[q->off[i] + j]) != PD_OK)
				return PD_ENOMEM;
		len += q->len[i];
	}
	q->n = 1;
	q->off[0] = off;
	q->len[0] = len;
	return PD_OK;
}

/*
 * Drop words another word makes redundant ("smi" beside "smith", or twice
 * the same), then put the longest first: it is likely the rarest.
 */
static void reduce_words(struct query *q)
{
	size_t n = 0;

	for (size_t i = 0; i < q->n; i++) {
		bool drop = false;
		for (size_t j = 0; j < q->n && !drop; j++)
			drop = j != i &&
			       is_prefix(qword(q, i), q->len[i], qword(q, j), q->len[j]) &&
			       (q->len[i] < q->len[j] || j < i);
		if (!drop) {
			q->off[n] = q->off[i];
			q->len[n] = q->len[i];
			n++;
		}
	}
	q->n = n;
	for (size_t i = 1; i < n; i++)   /* insertion sort, stable */
		for (size_t j = i; j > 0 && q->len[j] > q->len[j - 1]; j--) {
			size_t o = q->off[j], l = q->len[j];
			q->off[j] = q->off[j - 1];
			q->len[j] = q->len[j - 1];
			q->off[j - 1] = o;
			q->len[j - 1] = l;
		}
}

static int parse_query(struct query *q, const char *query, struct pd_err *err)
{
	char *f;
	size_t fn, n;
	int rc;

	if ((rc = pd_text_fold(query, strlen(query), &f, &fn)) != PD_OK)
		return pd_err_nomem(err);
	if (pd_buf_putc(&q->exact, PD_TERM_EXACT) != PD_OK ||
	    pd_normal_form(f, fn, &q->exact) != PD_OK) {
		free(f);
		return pd_err_nomem(err);
	}
	n = pd_utf8_cut(q->exact.p + 1, q->exact.n - 1, PD_EXACT_MAX);
	q->exact.n = 1 + n;
	rc = pd_text_words(f, fn, PD_WORDS_QUERY, word_cb, q);
	free(f);
	if (rc == PD_EINVAL)
		return pd_err_set(err, rc, "the query has more than %d words",
				  MAX_WORDS);
	if (rc == PD_OK && q->n > 1)
		rc = join_digits(q);
	if (rc != PD_OK)
		return pd_err_nomem(err);
	for (size_t i = 0; i < q->n; i++)
		if (q->len[i] > DIGITS_MAX && all_digits(qword(q, i), q->len[i]))
			q->len[i] = DIGITS_MAX;   /* as indexed */
	reduce_words(q);
	return PD_OK;
}

/* --- the classes a name gives ---------------------------------------------- */

void search_best_of(struct best *b, const char *w, size_t len, enum pd_rank cls)
{
	for (size_t j = 0; j < b->q->n; j++)
		if (cls < b->cls[j] && is_prefix(qword(b->q, j), b->q->len[j], w, len))
			b->cls[j] = (unsigned char)cls;
}

int search_best_cb(const char *w, size_t len, enum pd_rank cls, void *ctx)
{
	search_best_of(ctx, w, len, cls);
	return 0;
}


/* Read straight off the bytes when the name is ASCII without apostrophes
 * or hyphens (what pd_name_words finds, at a fraction of the cost). */
int search_name_classes(const unsigned char *ns, size_t n, struct best *b)
{
	bool first = true;
	size_t i, start;

	for (i = 0; i < n; i++)
		if (ns[i] >= 0x80 || ns[i] == '\'' || ns[i] == '-')
			return pd_name_words((const char *)ns, n, search_best_cb, b);
	for (i = 0; i < n;) {
		while (i < n && !is_alnum(ns[i]))
			i++;
		for (start = i; i < n && is_alnum(ns[i]); i++)
			;
		if (i > start) {
			search_best_of(b, (const char *)ns + start, i - start,
				first ? PD_RANK_NAME_START : PD_RANK_NAME_WORD);
			first = false;
		}
	}
	return PD_OK;
}


/* --- entries --------------------------------------------------------------- */

int search_corrupt(struct search *s)
{
	return pd_err_set(s->err, PD_ECORRUPT,
			  "the search index holds a malformed entry (run plandesk check)");
}

int search_fresh(struct search *s, const unsigned char *d, size_t n)
{
	bool added;
	int rc;

	if (!(s->kinds & (1u << data_kind(d, n))))
		return 0;

	if ((rc = pd_u64map_put_new(&s->seen, data_id(d, n), 0, &added)) != PD_OK) {
		pd_err_nomem(s->err);
		return -PD_ENOMEM;
	}
	return added;
}

int search_emit(struct search *s, const unsigned char *d, size_t n,
		enum pd_rank rank)
{
	_Static_assert(PD_TERM_DATA_MAX - 1 <= PD_HIT_KEY_MAX, "a card key fits a hit");
	if (s->count >= s->offset && s->count - s->offset < s->limit && s->cb) {
		struct pd_hit h = { data_kind(d, n), data_id(d, n), rank,
				    (unsigned char)(n - 1), { 0 } };
		memcpy(h.key, d + 1, n - 1);   /* the card's key: past the class */
		if (s->cb(&h, s->ctx))
			return STOP;
	}
	s->count++;
	return s->count >= s->need ? STOP : PD_OK;
}

int search_db_err(struct search *s, int rc)
{
	return pd_mdb_err(NULL, rc, s->err, "search");
}

/* The entries under the exact key: whole names equal to the query. */
static int exact_hits(struct search *s)
{
	MDB_val k = { s->q.exact.n, s->q.exact.p }, d;
	int rc, f;

	if (s->q.exact.n < 2)
		return PD_OK;
	for (rc = mdb_cursor_get(s->cur, &k, &d, MDB_SET_KEY); rc == MDB_SUCCESS;
	     rc = mdb_cursor_get(s->cur, &k, &d, MDB_NEXT_DUP)) {
		if (!data_ok(&d))
			return search_corrupt(s);
		if ((f = search_fresh(s, d.mv_data, d.mv_size)) < 0)
			return -f;
		if (f && (rc = search_emit(s, d.mv_data, d.mv_size, PD_RANK_EXACT)) == STOP)
			return STOP;
	}
	return rc == MDB_NOTFOUND ? PD_OK : search_db_err(s, rc);
}

/* --- entry points ---------------------------------------------------------- */

static int run(struct search *s, const char *query)
{
	int rc;

	if (!query)
		return pd_err_set(s->err, PD_EINVAL, "no query");
	if (!s->kinds)
		s->kinds = PD_SEARCH_ORGS | PD_SEARCH_PEOPLE;
	s->dbi = s->txn->st->dbi[PD_DB_TERMS];
	if (s->txn->write && (rc = pd_terms_flush(s->txn, s->err)) != PD_OK)
		return rc;
	if ((rc = parse_query(&s->q, query, s->err)) != PD_OK || !s->q.n ||
	    s->need == 0)
		return rc;
	if ((rc = mdb_cursor_open(s->txn->txn, s->dbi, &s->cur)))
		return search_db_err(s, rc);
	rc = exact_hits(s);
	if (rc == PD_OK)
		rc = s->q.n == 1 ? search_one_word(s) : search_many_words(s);
	return rc == STOP ? PD_OK : rc;
}

static void done(struct search *s)
{
	if (s->cur)
		mdb_cursor_close(s->cur);
	pd_buf_free(&s->q.text);
	pd_buf_free(&s->q.exact);
	pd_u64map_free(&s->seen, NULL);
}

int pd_search_each(struct pd_txn *txn, const char *query, unsigned kinds,
		   size_t offset, size_t limit, pd_hit_cb cb, void *ctx,
		   bool *more, struct pd_err *err)
{
	struct search s = {
		.txn = txn, .kinds = kinds, .offset = offset, .limit = limit,
		.cb = cb, .ctx = ctx, .err = err,
	};
	int rc;

	/* One match past the page tells whether more follow. */
	s.need = limit >= SIZE_MAX - offset ? SIZE_MAX : offset + limit + 1;
	rc = run(&s, query);
	if (more)
		*more = rc == PD_OK && s.need != SIZE_MAX && s.count == s.need;
	done(&s);
	return rc;
}

struct page {
	struct pd_hit *hits;
	size_t         n;
};

static int page_cb(const struct pd_hit *hit, void *ctx)
{
	struct page *p = ctx;

	p->hits[p->n++] = *hit;
	return 0;
}

int pd_search(struct pd_txn *txn, const char *query, unsigned kinds,
	      size_t offset, size_t limit, struct pd_hit *hits, size_t *n,
	      bool *more, struct pd_err *err)
{
	struct page p = { hits, 0 };
	int rc = pd_search_each(txn, query, kinds, offset, limit, page_cb, &p,
				more, err);

	*n = p.n;
	return rc;
}

int pd_search_count(struct pd_txn *txn, const char *query, unsigned kinds,
		    size_t max, size_t *count, struct pd_err *err)
{
	struct search s = {
		.txn = txn, .kinds = kinds, .offset = SIZE_MAX, .need = max,
		.err = err,
	};
	int rc = run(&s, query);

	*count = rc == PD_OK ? s.count : 0;
	done(&s);
	return rc;
}
