/*
 * search_query.c — a query parsed into its words, and what every walk
 * over `terms` shares (search_query.h): the classes a name gives the
 * query words, a record passed over once, a match counted and passed on.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "search_query.h"
#include "store/mdb_err.h"

#define DIGITS_MAX 32    /* as search_terms.c */

/* --- the query ----------------------------------------------------------- */

static int word_cb(const char *w, size_t len, void *ctx)
{
	struct pd_sq_query *q = ctx;

	if (q->n == PD_SQ_MAX_WORDS)
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
static int join_digits(struct pd_sq_query *q)
{
	size_t off = q->text.n, len = 0;

	for (size_t i = 0; i < q->n; i++)
		if (!all_digits(pd_sq_word(q, i), q->len[i]))
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
static void reduce_words(struct pd_sq_query *q)
{
	size_t n = 0;

	for (size_t i = 0; i < q->n; i++) {
		bool drop = false;
		for (size_t j = 0; j < q->n && !drop; j++)
			drop = j != i &&
			       pd_sq_is_prefix(pd_sq_word(q, i), q->len[i],
					       pd_sq_word(q, j), q->len[j]) &&
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

int pd_sq_parse(struct pd_sq_query *q, const char *query, struct pd_err *err)
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
				  PD_SQ_MAX_WORDS);
	if (rc == PD_OK && q->n > 1)
		rc = join_digits(q);
	if (rc != PD_OK)
		return pd_err_nomem(err);
	for (size_t i = 0; i < q->n; i++)
		if (q->len[i] > DIGITS_MAX && all_digits(pd_sq_word(q, i), q->len[i]))
			q->len[i] = DIGITS_MAX;   /* as indexed */
	reduce_words(q);
	return PD_OK;
}

/* --- the classes a name gives ---------------------------------------------- */

void pd_sq_best_of(struct pd_sq_best *b, const char *w, size_t len, enum pd_rank cls)
{
	for (size_t j = 0; j < b->q->n; j++)
		if (cls < b->cls[j] &&
		    pd_sq_is_prefix(pd_sq_word(b->q, j), b->q->len[j], w, len))
			b->cls[j] = (unsigned char)cls;
}

int pd_sq_best_cb(const char *w, size_t len, enum pd_rank cls, void *ctx)
{
	pd_sq_best_of(ctx, w, len, cls);
	return 0;
}


/* Read straight off the bytes when the name is ASCII without apostrophes
 * or hyphens (what pd_name_words finds, at a fraction of the cost). */
int pd_sq_name_classes(const unsigned char *ns, size_t n, struct pd_sq_best *b)
{
	bool first = true;
	size_t i, start;

	for (i = 0; i < n; i++)
		if (ns[i] >= 0x80 || ns[i] == '\'' || ns[i] == '-')
			return pd_name_words((const char *)ns, n, pd_sq_best_cb, b);
	for (i = 0; i < n;) {
		while (i < n && !pd_sq_is_alnum(ns[i]))
			i++;
		for (start = i; i < n && pd_sq_is_alnum(ns[i]); i++)
			;
		if (i > start) {
			pd_sq_best_of(b, (const char *)ns + start, i - start,
				      first ? PD_RANK_NAME_START : PD_RANK_NAME_WORD);
			first = false;
		}
	}
	return PD_OK;
}


/* --- key ranges ------------------------------------------------------------ */

size_t pd_sq_key_range(const struct pd_sq_search *s, const char *w, size_t wn,
		       size_t r, unsigned char buf[PD_SQ_RANGE_MAX],
		       const char **pfx)
{
	if (r == 0) {
		*pfx = w;
		return wn;
	}
	if (r >= wn || wn > PD_TERM_MAX || !s->txn->st->has_shadow)
		return 0;   /* no shadowed key is that long */
	buf[0] = PD_TERM_SHADOW;
	memcpy(buf + 1, w, r);
	buf[1 + r] = PD_SHADOW_SEP;
	memcpy(buf + 2 + r, w + r, wn - r);
	*pfx = (const char *)buf;
	return wn + 2;
}

/* --- entries --------------------------------------------------------------- */

int pd_sq_corrupt(struct pd_sq_search *s)
{
	return pd_err_set(s->err, PD_ECORRUPT,
			  "the search index holds a malformed entry (run plandesk check)");
}

int pd_sq_fresh(struct pd_sq_search *s, const unsigned char *d, size_t n,
		bool *fresh)
{
	*fresh = false;
	if (!(s->kinds & (1u << pd_sq_data_kind(d, n))))
		return PD_OK;
	if (pd_u64map_put_new(&s->seen, pd_sq_data_id(d, n), 0, fresh) != PD_OK)
		return pd_err_nomem(s->err);
	return PD_OK;
}

int pd_sq_emit(struct pd_sq_search *s, const unsigned char *d, size_t n,
	       enum pd_rank rank)
{
	_Static_assert(PD_TERM_DATA_MAX - 1 <= PD_HIT_KEY_MAX, "a card key fits a hit");
	if (s->count >= s->offset && s->count - s->offset < s->limit && s->cb) {
		struct pd_hit h = { pd_sq_data_kind(d, n), pd_sq_data_id(d, n), rank,
				    (unsigned char)(n - 1), { 0 } };
		memcpy(h.key, d + 1, n - 1);   /* the card's key: past the class */
		if (s->cb(&h, s->ctx))
			return PD_SQ_ENOUGH;
	}
	s->count++;
	return s->count >= s->need ? PD_SQ_ENOUGH : PD_OK;
}

int pd_sq_db_err(struct pd_sq_search *s, int rc)
{
	return pd_mdb_err(NULL, rc, s->err, "search");
}
