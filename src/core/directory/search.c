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

#include "search_many.h"
#include "search_one.h"
#include "store/write_queue.h"

/* --- the exact key --------------------------------------------------------- */

/* The entries under the exact key: whole names equal to the query. */
static int exact_hits(struct pd_sq_search *s)
{
	MDB_val k = { s->q.exact.n, s->q.exact.p }, d;
	bool fresh;
	int rc;

	if (s->q.exact.n < 2)
		return PD_OK;
	for (rc = pd_post_get(s->cur, &k, &d, MDB_SET_KEY); rc == MDB_SUCCESS;
	     rc = pd_post_get(s->cur, &k, &d, MDB_NEXT_DUP)) {
		if (!pd_sq_data_ok(&d))
			return pd_sq_corrupt(s);
		if ((rc = pd_sq_fresh(s, d.mv_data, d.mv_size, &fresh)) != PD_OK)
			return rc;
		if (fresh && (rc = pd_sq_emit(s, d.mv_data, d.mv_size,
					      PD_RANK_EXACT)) != PD_OK)
			return rc;
	}
	return rc == MDB_NOTFOUND ? PD_OK : pd_sq_db_err(s, rc);
}

/* --- entry points ---------------------------------------------------------- */

static int run(struct pd_sq_search *s, const char *query)
{
	int rc;

	if (!query)
		return pd_err_set(s->err, PD_EINVAL, "no query");
	if (!s->kinds)
		s->kinds = PD_SEARCH_ORGS | PD_SEARCH_PEOPLE;
	s->dbi = s->txn->st->dbi[PD_DB_TERMS];
	if (s->txn->write && (rc = pd_txn_flush(s->txn, s->err)) != PD_OK)
		return rc;
	if ((rc = pd_sq_parse(&s->q, query, s->err)) != PD_OK || !s->q.n ||
	    s->need == 0)
		return rc;
	if ((rc = pd_post_open(s->txn->txn, s->dbi, &s->cur)))
		return pd_sq_db_err(s, rc);
	rc = exact_hits(s);
	if (rc == PD_OK)
		rc = s->q.n == 1 ? pd_sq_one_word(s) : pd_sq_many_words(s);
	return rc == PD_SQ_ENOUGH ? PD_OK : rc;
}

static void done(struct pd_sq_search *s)
{
	if (s->cur)
		pd_post_close(s->cur);
	pd_buf_free(&s->q.text);
	pd_buf_free(&s->q.exact);
	pd_u64map_free(&s->seen, NULL);
}

int pd_search_each(struct pd_txn *txn, const char *query, unsigned kinds,
		   size_t offset, size_t limit, pd_hit_cb cb, void *ctx,
		   bool *more, struct pd_err *err)
{
	struct pd_sq_search s = {
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
	struct pd_sq_search s = {
		.txn = txn, .kinds = kinds, .offset = SIZE_MAX, .need = max,
		.err = err,
	};
	int rc = run(&s, query);

	*count = rc == PD_OK ? s.count : 0;
	done(&s);
	return rc;
}
