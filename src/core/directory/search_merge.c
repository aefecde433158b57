/*
 * search_merge.c — runs of `terms` entries merged in search order (format
 * in search_terms.h), or in name order whatever their classes, reading
 * each run only as far as the merge needs.
 * Used by a one-word query (search_one.c) and by the name-start walk of a
 * query of several words (search_lead.c).
 */
#include <stdlib.h>

#include "plandesk/base/buf.h"
#include "search_merge.h"

static bool stream_less(const struct pd_sq_merge *m, size_t a, size_t b)
{
	const struct pd_sq_stream *x = &m->s[a], *y = &m->s[b];

	return pd_sq_data_cmp(x->d + m->by_name, x->dlen - m->by_name,
			      y->d + m->by_name, y->dlen - m->by_name) < 0;
}

static void sift_down(struct pd_sq_merge *m, size_t i)
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

/* Is entry d within the stream's bounds (class, name prefix)? */
static bool in_run(const struct pd_sq_stream *st, const unsigned char *d, size_t n)
{
	return d[0] <= st->maxcls &&
	       (!st->pfx || pd_sq_is_prefix(st->pfx, st->pfxlen, (const char *)d + 1,
					    n - PD_TERM_DATA_MIN));
}

int pd_sq_merge_add(struct pd_sq_search *s, struct pd_sq_merge *m, const MDB_val *k,
		    const MDB_val *d, unsigned maxcls, const char *pfx, size_t pfxlen,
		    unsigned word)
{
	struct pd_sq_stream *st;

	if (!pd_sq_data_ok(d))
		return pd_sq_corrupt(s);
	if (pd_grow(&m->s, &m->cap, m->n + 1, sizeof *m->s, 32))
		return pd_err_nomem(s->err);
	st = &m->s[m->n];
	st->maxcls = (unsigned char)maxcls;
	st->pfx = pfx;
	st->pfxlen = pfxlen;
	if (!in_run(st, d->mv_data, d->mv_size))
		return PD_OK;
	st->koff = m->keys.n;
	st->klen = k->mv_size;
	st->dlen = d->mv_size;
	st->word = (unsigned char)word;
	st->c = NULL;
	memcpy(st->d, d->mv_data, d->mv_size);
	if (pd_buf_add(&m->keys, k->mv_data, k->mv_size) != PD_OK)
		return pd_err_nomem(s->err);
	m->n++;
	return PD_OK;
}

int pd_sq_merge_add_at(struct pd_sq_search *s, struct pd_sq_merge *m, const MDB_val *k,
		       const MDB_val *first, unsigned cls, const char *pfx,
		       size_t pfxlen, unsigned word)
{
	unsigned char want[1 + PD_TERM_MAX];
	const unsigned char *f = first ? first->mv_data : NULL;
	MDB_val sk = *k, sd;
	int rc;

	if (first && !pd_sq_data_ok(first))
		return pd_sq_corrupt(s);
	if (f && f[0] > cls)
		return PD_OK;   /* the key has no entry of that class */
	if (f && f[0] == cls &&
	    pd_sq_data_cmp(f + 1, first->mv_size - 1, (const unsigned char *)pfx,
			   pfxlen) >= 0)
		return pd_sq_merge_add(s, m, k, first, cls, pfx, pfxlen, word);
	if (pfxlen > PD_TERM_MAX)
		return PD_OK;   /* longer than any name kept */
	want[0] = (unsigned char)cls;
	memcpy(want + 1, pfx, pfxlen);
	sd = (MDB_val){ 1 + pfxlen, want };
	if (!m->seek && (rc = pd_post_open(s->txn->txn, s->dbi, &m->seek)))
		return pd_sq_db_err(s, rc);
	rc = pd_post_get(m->seek, &sk, &sd, MDB_GET_BOTH_RANGE);
	if (rc == MDB_NOTFOUND)
		return PD_OK;
	if (rc)
		return pd_sq_db_err(s, rc);
	return pd_sq_merge_add(s, m, k, &sd, cls, pfx, pfxlen, word);
}

int pd_sq_short_keys(struct pd_sq_search *s, const char *w, size_t wn,
		     pd_sq_key_cb cb, void *ctx)
{
	unsigned char buf[PD_TERM_MAX + 2];
	MDB_val k = { wn, (void *)w }, d;
	int rc;

	/* Word keys of at most three characters; a longer one's names are
	 * under its prefix key, so jump past every key sharing its prefix. */
	rc = pd_post_get(s->cur, &k, &d, MDB_SET_RANGE);
	while (rc == MDB_SUCCESS && pd_sq_is_prefix(w, wn, k.mv_data, k.mv_size)) {
		size_t c = pd_sq_nchars(k.mv_data, k.mv_size), p;
		if (c <= PD_PREFIX_CHARS && (rc = cb(&k, &d, ctx)) != PD_OK)
			return rc;
		if (c < PD_PREFIX_CHARS) {   /* longer ones follow */
			rc = pd_post_get(s->cur, &k, &d, MDB_NEXT_NODUP);
			continue;
		}
		p = c == PD_PREFIX_CHARS ? k.mv_size : pd_term_prefix(k.mv_data, k.mv_size);
		memcpy(buf, k.mv_data, p);
		buf[p] = 0xFF;   /* never in UTF-8: past every key with this prefix */
		k.mv_size = p + 1;
		k.mv_data = buf;
		rc = pd_post_get(s->cur, &k, &d, MDB_SET_RANGE);
	}
	if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND)
		return pd_sq_db_err(s, rc);
	/* Prefix keys: 0x02 + three characters beginning with the word. */
	buf[0] = PD_TERM_PREFIX;
	memcpy(buf + 1, w, wn);
	k.mv_size = wn + 1;
	k.mv_data = buf;
	for (rc = pd_post_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS &&
	     pd_sq_is_prefix((char *)buf, wn + 1, k.mv_data, k.mv_size);
	     rc = pd_post_get(s->cur, &k, &d, MDB_NEXT_NODUP))
		if ((rc = cb(&k, &d, ctx)) != PD_OK)
			return rc;
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : pd_sq_db_err(s, rc);
}

struct collect {
	struct pd_buf *out;
	size_t         n, max;
};

static int collect_key(const MDB_val *k, const MDB_val *first, void *ctx)
{
	struct collect *c = ctx;
	unsigned char len = (unsigned char)k->mv_size;   /* at most 13 bytes */

	(void)first;
	if (++c->n > c->max)
		return PD_SQ_TOO_MANY;
	if (pd_buf_add(c->out, &len, 1) != PD_OK ||
	    pd_buf_add(c->out, k->mv_data, len) != PD_OK)
		return PD_ENOMEM;
	return PD_OK;
}

int pd_sq_collect_keys(struct pd_sq_search *s, const char *w, size_t wn,
		       size_t max, struct pd_buf *out)
{
	struct collect c = { out, 0, max };
	int rc = pd_sq_short_keys(s, w, wn, collect_key, &c);

	return rc == PD_ENOMEM ? pd_err_nomem(s->err) : rc;
}

struct short_add {
	struct pd_sq_search *s;
	struct pd_sq_merge  *m;
	const char    *w;
	size_t         wn;
	bool           lead;
	unsigned       word;
};

static int add_short_run(const MDB_val *k, const MDB_val *first, void *ctx)
{
	struct short_add *a = ctx;

	if (a->lead)
		return pd_sq_merge_add_at(a->s, a->m, k, first, PD_RANK_NAME_START, a->w,
					  a->wn, a->word);
	return pd_sq_merge_add(a->s, a->m, k, first, PD_RANK_NAME_WORD, NULL, 0, a->word);
}

int pd_sq_merge_add_short(struct pd_sq_search *s, struct pd_sq_merge *m, const char *w,
			  size_t wn, bool lead, unsigned word)
{
	struct short_add a = { s, m, w, wn, lead, word };

	return pd_sq_short_keys(s, w, wn, add_short_run, &a);
}

int pd_sq_merge_start(struct pd_sq_search *s, struct pd_sq_merge *m)
{
	if (m->n && !(m->heap = malloc(m->n * sizeof *m->heap)))
		return pd_err_nomem(s->err);
	for (size_t i = 0; i < m->n; i++)
		m->heap[i] = i;
	m->nheap = m->n;
	for (size_t i = m->n / 2; i-- > 0;)
		sift_down(m, i);
	return PD_OK;
}

/* Step a stream to its key's next entry.  PD_NOTFOUND at its end. */
static int advance(struct pd_sq_search *s, struct pd_sq_merge *m, struct pd_sq_stream *st)
{
	MDB_val k = { st->klen, m->keys.p + st->koff }, d = { st->dlen, st->d };
	int rc;

	if (!st->c) {
		if ((rc = pd_post_open(s->txn->txn, s->dbi, &st->c)))
			return pd_sq_db_err(s, rc);
		if ((rc = pd_post_get(st->c, &k, &d, MDB_GET_BOTH)))
			return pd_sq_db_err(s, rc == MDB_NOTFOUND ? MDB_CORRUPTED : rc);
	}
	rc = pd_post_get(st->c, &k, &d, MDB_NEXT_DUP);
	if (rc == MDB_NOTFOUND)
		return PD_NOTFOUND;
	if (rc)
		return pd_sq_db_err(s, rc);
	if (!pd_sq_data_ok(&d))
		return pd_sq_corrupt(s);
	if (!in_run(st, d.mv_data, d.mv_size))
		return PD_NOTFOUND;
	st->dlen = d.mv_size;
	memcpy(st->d, d.mv_data, d.mv_size);
	return PD_OK;
}

int pd_sq_merge_next(struct pd_sq_search *s, struct pd_sq_merge *m)
{
	int rc = advance(s, m, &m->s[m->heap[0]]);

	if (rc == PD_NOTFOUND)
		m->heap[0] = m->heap[--m->nheap];
	else if (rc != PD_OK)
		return rc;
	sift_down(m, 0);
	return PD_OK;
}

void pd_sq_merge_free(struct pd_sq_merge *m)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->s[i].c)
			pd_post_close(m->s[i].c);
	if (m->seek)
		pd_post_close(m->seek);
	free(m->s);
	free(m->heap);
	pd_buf_free(&m->keys);
	memset(m, 0, sizeof *m);
}
