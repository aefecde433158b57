/*
 * search_terms.c — the words a person or an organisation is found by, and
 * their entries in the `terms` database (format in search_terms.h).
 *
 * The same function, pd_search_terms, feeds the index (pd_search_entries in
 * search_entries.c, a provider of derived entries, so pd_raw_set keeps the
 * entries in step and pd_check verifies them) and the search's check of a
 * candidate (search_cand.c), so the two cannot disagree.
 */
#define _GNU_SOURCE   /* qsort_r */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/records/codec.h"
#include "plandesk/base/text.h"
#include "search_terms.h"

#define WORDS_STOP (-1)     /* a pd_text_words callback's "enough" */
#define DIGITS_MAX 32       /* digits of a phone number kept */
#define FIRST_MAX 256       /* bytes of a name's first word compared */
#define TERMS_INSERTION 64  /* terms sorted by insertion, at most */
#define TERMS_FIRST 64      /* terms, and bytes of their text, a record's */
#define TERMS_BYTES 1024    /* list has room for at first */

size_t pd_term_prefix(const char *w, size_t n)
{
	size_t chars = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)w[i] & 0xC0) != 0x80 && chars++ == PD_PREFIX_CHARS)
			return i;
	return 0;
}

static int add_term(struct pd_terms *ts, const char *w, size_t len,
		    enum pd_rank cls)
{
	len = pd_utf8_cut(w, len, PD_TERM_MAX);
	if (!len)
		return PD_OK;
	if (pd_grow(&ts->t, &ts->cap, ts->n + 1, sizeof *ts->t, TERMS_FIRST))
		return PD_ENOMEM;
	ts->t[ts->n].off = ts->buf.n;
	ts->t[ts->n].len = len;
	ts->t[ts->n].cls = cls;
	if (pd_buf_add(&ts->buf, w, len) != PD_OK)
		return PD_ENOMEM;
	ts->n++;
	return PD_OK;
}

/* --- names --------------------------------------------------------------- */

struct first_word {
	char   w[FIRST_MAX];
	size_t len;
};

static int first_cb(const char *w, size_t len, void *ctx)
{
	struct first_word *f = ctx;

	f->len = len;
	memcpy(f->w, w, len < FIRST_MAX ? len : FIRST_MAX);
	return WORDS_STOP;
}

struct name_walk {
	pd_name_word_cb   cb;
	void             *ctx;
	struct first_word first;
	bool              done;   /* past the first word */
};

static int name_cb(const char *w, size_t len, void *ctx)
{
	struct name_walk *nw = ctx;
	enum pd_rank cls = nw->done ? PD_RANK_NAME_WORD : PD_RANK_NAME_START;

	/* PD_WORDS_INDEX yields a joined word's parts, then the parts run
	 * together, which is the first query word: the first word ends there. */
	if (!nw->done && len == nw->first.len &&
	    !memcmp(w, nw->first.w, len < FIRST_MAX ? len : FIRST_MAX))
		nw->done = true;
	return nw->cb(w, len, cls, nw->ctx);
}

int pd_name_words(const char *s, size_t n, pd_name_word_cb cb, void *ctx)
{
	struct name_walk nw = { .cb = cb, .ctx = ctx };
	int rc = pd_text_words(s, n, PD_WORDS_QUERY, first_cb, &nw.first);

	if (rc != WORDS_STOP)
		return rc;   /* PD_OK: no words at all */
	return pd_text_words(s, n, PD_WORDS_INDEX, name_cb, &nw);
}

struct normal {
	struct pd_buf *out;
	bool           any;
};

static int normal_cb(const char *w, size_t len, void *ctx)
{
	struct normal *nf = ctx;

	if ((nf->any && pd_buf_putc(nf->out, ' ') != PD_OK) ||
	    pd_buf_add(nf->out, w, len) != PD_OK)
		return PD_ENOMEM;
	nf->any = true;
	return 0;
}

int pd_normal_form(const char *s, size_t n, struct pd_buf *out)
{
	struct normal nf = { out, false };

	return pd_text_words(s, n, PD_WORDS_QUERY, normal_cb, &nf);
}

/* --- walking a record's words ---------------------------------------------- */

/* What is done with a record's words (walk_record). */
struct walker {
	int  (*name)(const char *folded, size_t n, void *ctx);  /* the folded name */
	int  (*other)(const char *w, size_t len, void *ctx);    /* a word of another field */
	void  *ctx;
	struct pd_buf *fold;   /* a field's folded text, reused field after field */
};

static int walk_text(const struct walker *wk, const char *s, size_t n, bool name)
{
	struct pd_buf *f = wk->fold;
	int rc;

	if (!n && !name)
		return PD_OK;
	pd_buf_reset(f);
	if ((rc = pd_text_fold_buf(s, n, f)) != PD_OK)
		return rc;
	return name ? wk->name(f->p, f->n, wk->ctx)
		    : pd_text_words(f->p, f->n, PD_WORDS_INDEX, wk->other, wk->ctx);
}

static int walk_field(const struct walker *wk, const struct pd_record *r, int f)
{
	return walk_text(wk, pd_get_text(r, f), r->v[f].n, false);
}

static int walk_digits(const struct walker *wk, const struct pd_record *r, int f)
{
	char d[DIGITS_MAX + 1];
	int n = pd_text_digits(pd_get_text(r, f), r->v[f].n, d, sizeof d);

	return n ? wk->other(d, (size_t)n, wk->ctx) : PD_OK;
}

/* Organisation `id`'s name's words to wk->other, read (none: no words). */
static int read_org(struct pd_txn *txn, const struct walker *wk, uint64_t id)
{
	struct pd_record org;
	int rc = pd_get(txn, PD_ORG, id, &org, NULL);

	if (rc == PD_OK)
		rc = walk_field(wk, &org, PD_ORG_NAME);
	else if (rc == PD_NOTFOUND || rc == PD_ECORRUPT)
		rc = PD_OK;   /* no longer in the directory: no words from it */
	pd_record_clear(&org);
	return rc;
}

/*
 * The write's memo of organisations' words (handles.h): at an
 * organisation's offset, the bytes of its words that follow (a size_t),
 * then each word as its length (a size_t) and its bytes.
 */
static int memo_word(const char *w, size_t len, void *ctx)
{
	struct pd_buf *b = ctx;

	return pd_buf_add(b, &len, sizeof len) != PD_OK ||
	       pd_buf_add(b, w, len) != PD_OK ? PD_ENOMEM : PD_OK;
}

/* Organisation `id`'s words into the memo at *off, unless they are there
 * already.  PD_NOTFOUND: it has none (gone or undecodable, not kept). */
static int memo_org(struct pd_txn *txn, const struct walker *wk, uint64_t id,
		    uint64_t *off)
{
	const struct walker rec = { NULL, memo_word, &txn->memo_buf, wk->fold };
	struct pd_buf *b = &txn->memo_buf;
	struct pd_record org;
	size_t at = b->n, len = 0;
	int rc;

	if (pd_u64map_get(&txn->memo, id, off))
		return PD_OK;
	rc = pd_get(txn, PD_ORG, id, &org, NULL);
	if (rc == PD_OK && (rc = pd_buf_add(b, &len, sizeof len)) == PD_OK &&
	    (rc = walk_field(&rec, &org, PD_ORG_NAME)) == PD_OK) {
		len = b->n - at - sizeof len;
		memcpy(b->p + at, &len, sizeof len);
		rc = pd_u64map_add(&txn->memo, id, at);
	}
	pd_record_clear(&org);
	if (rc != PD_OK) {
		b->n = at;
		return rc == PD_ECORRUPT ? PD_NOTFOUND : rc;
	}
	*off = at;
	return PD_OK;
}

void pd_search_org_forget(struct pd_txn *txn, uint64_t org)
{
	if (pd_u64map_get(&txn->memo, org, NULL)) {
		pd_u64map_clear(&txn->memo);
		pd_buf_reset(&txn->memo_buf);
	}
}

/*
 * A person's organisation name: `orgname` if given, else organisation
 * `id`'s (none: no words): in a write, from the memo, so each
 * organisation's name is read and folded once a write, not once a member.
 */
static int walk_org(struct pd_txn *txn, const struct walker *wk, uint64_t id,
		    const char *orgname)
{
	const char *p, *end;
	uint64_t off;
	size_t len;
	int rc;

	if (orgname)
		return walk_text(wk, orgname, strlen(orgname), false);
	if (!id)
		return PD_OK;
	if (!txn->write)
		return read_org(txn, wk, id);
	if ((rc = memo_org(txn, wk, id, &off)) != PD_OK)
		return rc == PD_NOTFOUND ? PD_OK : rc;
	p = txn->memo_buf.p + off;
	memcpy(&len, p, sizeof len);
	for (p += sizeof len, end = p + len; p < end; p += len) {
		memcpy(&len, p, sizeof len);
		p += sizeof len;
		if ((rc = wk->other(p, len, wk->ctx)) != PD_OK)
			return rc;
	}
	return PD_OK;
}

/*
 * The fields a record is found by, as its kind's table says (search.h):
 * the name first, then each field's words or digits, and the name of the
 * organisation it links to unless `skip_org` (`orgname` in place of the
 * stored one when given).  Only people and organisations have any.
 * Returns PD_OK, what a callback returned, PD_ENOMEM, PD_EDB.
 */
static int walk_record(struct pd_txn *txn, const struct pd_record *r,
		       const char *orgname, bool skip_org, const struct walker *wk)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	int rc = PD_OK;

	for (int f = 0; f < ki->nfields && rc == PD_OK; f++)
		if (ki->fields[f].search == PD_S_NAME)
			rc = walk_text(wk, pd_get_text(r, f), r->v[f].n, true);
	for (int f = 0; f < ki->nfields && rc == PD_OK; f++) {
		switch (ki->fields[f].search) {
		case PD_S_WORDS:
			rc = walk_field(wk, r, f);
			break;
		case PD_S_DIGITS:
			rc = walk_digits(wk, r, f);
			break;
		case PD_S_ORG:
			if (!skip_org)
				rc = walk_org(txn, wk, pd_get_ref(r, f), orgname);
			break;
		default:
			break;
		}
	}
	return rc;
}

/* --- the terms: the walk's words as a sorted list ----------------------------- */

/* A word of the name, and its prefix key when it is long enough. */
static int name_term_cb(const char *w, size_t len, enum pd_rank cls, void *ctx)
{
	char key[1 + 4 * PD_PREFIX_CHARS];
	size_t p = pd_term_prefix(w, len);
	int rc = add_term(ctx, w, len, cls);

	if (rc != PD_OK || !p)
		return rc;
	key[0] = PD_TERM_PREFIX;
	memcpy(key + 1, w, p);
	return add_term(ctx, key, p + 1, cls);
}

/* The folded name: the sort prefix, the exact key's text, the words. */
static int term_name(const char *f, size_t fn, void *ctx)
{
	struct pd_terms *ts = ctx;
	int rc;

	ts->sortlen = pd_utf8_cut(f, fn, PD_SORT_MAX);
	memcpy(ts->sort, f, ts->sortlen);
	ts->sort[ts->sortlen] = '\0';
	if ((rc = pd_normal_form(f, fn, &ts->exact)) == PD_OK)
		rc = pd_name_words(f, fn, name_term_cb, ts);
	return rc;
}

static int term_other(const char *w, size_t len, void *ctx)
{
	return add_term(ctx, w, len, PD_RANK_OTHER);
}

/* Order of two terms of `buf`: by text, then class (best first). */
static int term_cmp(const struct pd_term *x, const struct pd_term *y,
		    const char *buf)
{
	size_t n = x->len < y->len ? x->len : y->len;
	unsigned char a = n ? (unsigned char)buf[x->off] : 0;
	unsigned char b = n ? (unsigned char)buf[y->off] : 0;
	int c = a != b ? a - b : memcmp(buf + x->off, buf + y->off, n);

	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return (int)x->cls - (int)y->cls;
}

static int term_qcmp(const void *a, const void *b, void *buf)
{
	return term_cmp(a, b, buf);
}

/*
 * Sort by text, then class; keep each text once, with its best class.
 * Terms equal in both are interchangeable, so any sort gives the same
 * list: a record's thirty-odd terms by insertion, in place (qsort's
 * merge sort allocated and called through a pointer for each), a long
 * note's by qsort_r.
 */
static void finish_terms(struct pd_terms *ts)
{
	struct pd_term *t = ts->t;
	size_t n = 0;

	if (ts->n < 2)
		return;
	if (ts->n > TERMS_INSERTION) {
		qsort_r(t, ts->n, sizeof *t, term_qcmp, ts->buf.p);
	} else {
		for (size_t i = 1; i < ts->n; i++) {
			struct pd_term x = t[i];
			size_t j = i;
			for (; j && term_cmp(&x, &t[j - 1], ts->buf.p) < 0; j--)
				t[j] = t[j - 1];
			t[j] = x;
		}
	}
	for (size_t i = 0; i < ts->n; i++)
		if (!n || t[i].len != t[n - 1].len ||
		    memcmp(ts->buf.p + t[i].off, ts->buf.p + t[n - 1].off, t[i].len))
			t[n++] = t[i];
	ts->n = n;
}

int pd_search_terms(struct pd_txn *txn, const struct pd_record *r,
		    const char *orgname, struct pd_terms *out)
{
	const struct walker wk = { term_name, term_other, out, &out->folded };
	int rc;

	out->n = 0;
	if (!out->buf.cap && pd_buf_reserve(&out->buf, TERMS_BYTES) != PD_OK)
		return PD_ENOMEM;
	pd_buf_reset(&out->buf);
	pd_buf_reset(&out->exact);
	out->sort[0] = '\0';
	out->sortlen = 0;
	if ((rc = walk_record(txn, r, orgname, false, &wk)) != PD_OK)
		return rc;
	finish_terms(out);
	return PD_OK;
}

/* pd_search_words: the name's words with their classes, the others'. */
struct words_walk {
	pd_name_word_cb cb;
	void           *ctx;
};

static int words_name(const char *f, size_t fn, void *ctx)
{
	const struct words_walk *ww = ctx;

	return pd_name_words(f, fn, ww->cb, ww->ctx);
}

static int words_other(const char *w, size_t len, void *ctx)
{
	const struct words_walk *ww = ctx;

	return ww->cb(w, len, PD_RANK_OTHER, ww->ctx);
}

int pd_search_words(struct pd_txn *txn, const struct pd_record *r,
		    bool skip_org, pd_name_word_cb cb, void *ctx)
{
	struct words_walk ww = { cb, ctx };
	struct pd_buf fold = PD_BUF_INIT;
	const struct walker wk = { words_name, words_other, &ww, &fold };
	int rc = walk_record(txn, r, NULL, skip_org, &wk);

	pd_buf_free(&fold);
	return rc;
}

int pd_search_org_words(struct pd_txn *txn, uint64_t org, pd_name_word_cb cb,
			void *ctx)
{
	struct words_walk ww = { cb, ctx };
	struct pd_buf fold = PD_BUF_INIT;
	const struct walker wk = { words_name, words_other, &ww, &fold };
	int rc = walk_org(txn, &wk, org, NULL);

	pd_buf_free(&fold);
	return rc;
}

/* Is term t a word (not a prefix key, whose first byte is 0x02)? */
static bool is_word(const struct pd_terms *ts, const struct pd_term *t)
{
	return t->len && (unsigned char)ts->buf.p[t->off] >= '0';
}

size_t pd_term_shadow(const struct pd_terms *ts, size_t i)
{
	const struct pd_term *t = &ts->t[i];
	const char *w = ts->buf.p + t->off;
	size_t best = 0;

	if (t->cls != PD_RANK_OTHER || !is_word(ts, t))
		return 0;
	for (size_t j = 0; j < ts->n; j++) {
		const struct pd_term *u = &ts->t[j];
		const char *v = ts->buf.p + u->off;
		size_t n = 0, max = u->len < t->len ? u->len : t->len;
		if (u->cls > PD_RANK_NAME_WORD || !is_word(ts, u))
			continue;
		while (n < max && v[n] == w[n])
			n++;
		if (n > best)
			best = n;
	}
	return best;
}

void pd_terms_free(struct pd_terms *ts)
{
	if (!ts)
		return;
	free(ts->t);
	pd_buf_free(&ts->buf);
	pd_buf_free(&ts->exact);
	pd_buf_free(&ts->folded);
	memset(ts, 0, sizeof *ts);
}
