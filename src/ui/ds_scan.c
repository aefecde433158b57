/*
 * ds_scan.c — a data source that reads record ids a batch at a time
 * (pd_scan) as the list asks for rows, keeping only the ids it has passed.
 *
 * The first screen of a million people costs one batch.  Without a
 * filter the databases know how many rows there are, so the end of the
 * list is read backwards from the end (`G` costs one batch too), and a
 * row in between is reached from whichever end is nearer.  With a filter
 * (keep function or `/` text) rows are only known by reading up to them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/text.h"
#include "ds.h"

#define BATCH 256

/* Ids read in one direction: from the start, or back from the end. */
struct seg {
	uint64_t      *ids;
	unsigned char *kinds;
	size_t         n, cap;
	struct pd_scan scans[UI_SCAN_MAX];   /* in the order they are read */
	int            cur;
	bool           done;
};

struct scan_ds {
	struct ui_ds  base;
	int           nscans;
	ui_keep_fn    keep;
	ui_fmt_fn     fmt;
	void         *ctx;
	struct seg    head;     /* rows 0, 1, … */
	struct seg    tail;     /* rows total-1, total-2, … (unfiltered only) */
	size_t        total;    /* unfiltered: the number of rows, this read */
	bool          counted;
	char         *query;    /* folded; NULL when not filtered */
	ui_sortkey_fn sortkey;  /* NULL: the scans' order */
	bool          sorted;   /* head holds every row, sorted */
	struct ui_row tmp;      /* for matching the filter */
};

static bool filtered(const struct scan_ds *s)
{
	return s->keep || s->query || s->sortkey;
}

static int push(struct seg *g, enum pd_kind kind, uint64_t id)
{
	if (g->n == g->cap) {   /* two arrays, one capacity */
		size_t ci = g->cap, ck = g->cap;

		if (pd_grow(&g->ids, &ci, g->n + 1, sizeof *g->ids, 1024) ||
		    pd_grow(&g->kinds, &ck, g->n + 1, sizeof *g->kinds, 1024))
			return PD_ENOMEM;
		g->cap = ci;
	}
	g->ids[g->n] = id;
	g->kinds[g->n] = (unsigned char)kind;
	g->n++;
	return PD_OK;
}

/* Does record `r` match the filter?  Formats it and folds the text. */
static bool matches(struct scan_ds *s, struct pd_txn *txn,
		    const struct pd_record *r)
{
	char hay[UI_MAXCELLS * (UI_CELL + 1)], *folded;
	size_t used = 0;
	bool ok;

	ui_row_clear(&s->tmp);
	s->tmp.id = r->id;
	s->tmp.kind = (int)r->kind;
	s->fmt(s->ctx, txn, r, &s->tmp);
	for (int c = 0; c < s->tmp.ncells; c++) {
		size_t len = strlen(s->tmp.cell[c]);
		memcpy(hay + used, s->tmp.cell[c], len);
		used += len;
		hay[used++] = ' ';
	}
	if (pd_text_fold(hay, used, &folded, NULL) != PD_OK)
		return true;   /* out of memory: show rather than hide */
	ok = ui_match_words(folded, s->query);
	free(folded);
	return ok;
}

/* Is record `id` of `kind` shown (the keep function and the filter)? */
static int shown(struct scan_ds *s, struct pd_txn *txn, enum pd_kind kind,
		 uint64_t id, bool *yes, struct pd_err *err)
{
	struct pd_record r;
	int rc;

	*yes = true;
	if (!filtered(s))
		return PD_OK;
	pd_record_init(&r, kind);
	rc = pd_get(txn, kind, id, &r, err);
	if (rc == PD_OK) {
		if (s->keep && !s->keep(s->ctx, txn, &r))
			*yes = false;
		else if (s->query && !matches(s, txn, &r))
			*yes = false;
	} else if (rc == PD_NOTFOUND) {   /* a stale entry */
		*yes = false;
		rc = PD_OK;
	}
	pd_record_clear(&r);
	return rc;
}

/* Read one batch into segment `g`, keeping what is shown. */
static int step(struct scan_ds *s, struct seg *g, struct pd_txn *txn,
		struct pd_err *err)
{
	struct pd_scan *sc = &g->scans[g->cur];
	uint64_t ids[BATCH];
	size_t got;
	bool yes;
	int rc;

	if ((rc = pd_scan_next(txn, sc, ids, BATCH, &got, err)) != PD_OK)
		return rc;
	for (size_t i = 0; i < got; i++) {
		if ((rc = shown(s, txn, sc->kind, ids[i], &yes, err)) != PD_OK)
			return rc;
		if (yes && (rc = push(g, sc->kind, ids[i])) != PD_OK)
			return pd_err_nomem(err);
	}
	if (sc->done && ++g->cur >= s->nscans)
		g->done = true;
	return PD_OK;
}

static void count(struct scan_ds *s, struct pd_txn *txn)
{
	if (s->counted)
		return;
	s->total = 0;
	for (int i = 0; i < s->nscans; i++) {
		const struct pd_scan *sc = &s->head.scans[i];
		size_t c = 0;

		if (sc->ix < 0)
			pd_count_kind(txn, sc->kind, &c);
		else
			pd_count_index(txn, (enum pd_index)sc->ix, sc->parent, &c);
		s->total += c;
	}
	s->counted = true;
}

struct keyed {
	char          key[48];
	uint64_t      id;
	unsigned char kind;
	size_t        at;   /* the scan order, to keep equal keys stable */
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* Read every row and sort them by the sort key. */
static int sort_all(struct scan_ds *s, struct pd_txn *txn, struct pd_err *err)
{
	struct keyed *k;
	int rc;

	while (!s->head.done)
		if ((rc = step(s, &s->head, txn, err)) != PD_OK)
			return rc;
	if (s->head.n && !(k = calloc(s->head.n, sizeof *k)))
		return pd_err_nomem(err);
	for (size_t i = 0; i < s->head.n; i++) {
		struct pd_record r;

		k[i].id = s->head.ids[i];
		k[i].kind = s->head.kinds[i];
		k[i].at = i;
		pd_record_init(&r, (enum pd_kind)k[i].kind);
		if (pd_get(txn, (enum pd_kind)k[i].kind, k[i].id, &r, NULL) == PD_OK)
			s->sortkey(s->ctx, txn, &r, k[i].key, sizeof k[i].key);
		pd_record_clear(&r);
	}
	if (s->head.n) {
		qsort(k, s->head.n, sizeof *k, cmp_keyed);
		for (size_t i = 0; i < s->head.n; i++) {
			s->head.ids[i] = k[i].id;
			s->head.kinds[i] = k[i].kind;
		}
		free(k);
	}
	s->sorted = true;
	return PD_OK;
}

/*
 * Make row i readable: from the start, or (unfiltered, nearer the end)
 * back from the end.  PD_OK, PD_NOTFOUND (no row i), or an error.
 */
static int reach(struct scan_ds *s, struct pd_txn *txn, size_t i,
		 struct pd_err *err)
{
	int rc;

	if (s->sortkey && !s->sorted && (rc = sort_all(s, txn, err)) != PD_OK)
		return rc;
	if (i < s->head.n)
		return PD_OK;
	if (!filtered(s)) {
		count(s, txn);
		if (i >= s->total)
			return PD_NOTFOUND;
		if (s->total - i <= s->tail.n)
			return PD_OK;
		/* Nearer the end: read backwards. */
		if (s->total - i < i - s->head.n) {
			while (s->tail.n < s->total - i && !s->tail.done)
				if ((rc = step(s, &s->tail, txn, err)) != PD_OK)
					return rc;
			return s->tail.n >= s->total - i ? PD_OK : PD_NOTFOUND;
		}
	}
	while (s->head.n <= i && !s->head.done)
		if ((rc = step(s, &s->head, txn, err)) != PD_OK)
			return rc;
	return i < s->head.n ? PD_OK : PD_NOTFOUND;
}

/* The id of row i (reach()ed). */
static void at(const struct scan_ds *s, size_t i, int *kind, uint64_t *id)
{
	if (i < s->head.n) {
		*kind = s->head.kinds[i];
		*id = s->head.ids[i];
	} else {
		size_t k = s->total - 1 - i;
		*kind = s->tail.kinds[k];
		*id = s->tail.ids[k];
	}
}

static int scan_span(struct ui_ds *ds, struct pd_txn *txn, size_t want,
		     struct ui_span *out, struct pd_err *err)
{
	struct scan_ds *s = (struct scan_ds *)ds;
	int rc;

	if (!filtered(s)) {
		/* The size is known without reading; rows are read when shown. */
		count(s, txn);
		out->total = s->total;
		out->all = want >= s->total;
		out->n = out->all ? s->total : want;
		return PD_OK;
	}
	if (s->sortkey && !s->sorted && (rc = sort_all(s, txn, err)) != PD_OK)
		return rc;
	while (s->head.n < want && !s->head.done)
		if ((rc = step(s, &s->head, txn, err)) != PD_OK)
			return rc;
	out->all = s->head.done && s->head.n <= want;
	out->n = s->head.n < want ? s->head.n : want;
	out->total = s->head.done ? s->head.n : 0;
	return PD_OK;
}

static int scan_row(struct ui_ds *ds, struct pd_txn *txn, size_t i,
		    struct ui_row *out, struct pd_err *err)
{
	struct scan_ds *s = (struct scan_ds *)ds;
	struct pd_record r;
	uint64_t id;
	int kind, rc;

	ui_row_clear(out);
	if ((rc = reach(s, txn, i, err)) != PD_OK)
		return rc;
	at(s, i, &kind, &id);
	out->id = id;
	out->kind = kind;
	pd_record_init(&r, (enum pd_kind)kind);
	if ((rc = pd_get(txn, (enum pd_kind)kind, id, &r, err)) == PD_OK)
		s->fmt(s->ctx, txn, &r, out);
	pd_record_clear(&r);
	return rc;
}

static int scan_find(struct ui_ds *ds, struct pd_txn *txn, int kind,
		     uint64_t id, size_t hint, size_t *out)
{
	struct scan_ds *s = (struct scan_ds *)ds;
	size_t from = 0;

	if (!id)
		return PD_NOTFOUND;
	if (s->sortkey && !s->sorted && sort_all(s, txn, NULL) != PD_OK)
		return PD_NOTFOUND;
	/* Near the hint first (often it is still there), at either end. */
	if (reach(s, txn, hint, NULL) == PD_OK) {
		int k;
		uint64_t x;
		at(s, hint, &k, &x);
		if (x == id && k == kind) {
			*out = hint;
			return PD_OK;
		}
	}
	for (size_t i = 0; i < s->tail.n; i++)
		if (s->tail.ids[i] == id && s->tail.kinds[i] == kind) {
			*out = s->total - 1 - i;
			return PD_OK;
		}
	for (;;) {
		for (size_t i = from; i < s->head.n; i++)
			if (s->head.ids[i] == id && s->head.kinds[i] == kind) {
				*out = i;
				return PD_OK;
			}
		if (s->head.done)
			return PD_NOTFOUND;
		from = s->head.n;
		if (step(s, &s->head, txn, NULL) != PD_OK)
			return PD_NOTFOUND;
	}
}

static void rewind_seg(struct seg *g, int nscans)
{
	for (int i = 0; i < nscans; i++)
		pd_scan_rewind(&g->scans[i]);
	g->cur = 0;
	g->n = 0;
	g->done = nscans == 0;
}

static void scan_reset(struct ui_ds *ds)
{
	struct scan_ds *s = (struct scan_ds *)ds;

	rewind_seg(&s->head, s->nscans);
	rewind_seg(&s->tail, s->nscans);
	s->counted = false;
	s->sorted = false;
}

void ui_ds_scan_sort(struct ui_ds *ds, ui_sortkey_fn fn)
{
	struct scan_ds *s = (struct scan_ds *)ds;

	s->sortkey = fn;
	scan_reset(ds);
}

static int scan_filter(struct ui_ds *ds, struct pd_txn *txn, const char *query,
		       struct pd_err *err)
{
	struct scan_ds *s = (struct scan_ds *)ds;
	char *folded = NULL;

	(void)txn;
	if (query && *query &&
	    pd_text_fold(query, strlen(query), &folded, NULL) != PD_OK)
		return pd_err_nomem(err);
	free(s->query);
	s->query = folded;
	scan_reset(ds);
	return PD_OK;
}

static void scan_free(struct ui_ds *ds)
{
	struct scan_ds *s = (struct scan_ds *)ds;

	free(s->head.ids);
	free(s->head.kinds);
	free(s->tail.ids);
	free(s->tail.kinds);
	free(s->query);
	free(s);
}

static const struct ui_ds_ops scan_ops = {
	.span = scan_span,
	.row = scan_row,
	.find = scan_find,
	.filter = scan_filter,
	.reset = scan_reset,
	.free = scan_free,
};

struct ui_ds *ui_ds_scan_new(const struct pd_scan *scans, int nscans,
			     ui_keep_fn keep, ui_fmt_fn fmt, void *ctx)
{
	struct scan_ds *s = calloc(1, sizeof *s);

	if (!s)
		return NULL;
	if (nscans > UI_SCAN_MAX)
		nscans = UI_SCAN_MAX;
	s->base.ops = &scan_ops;
	s->nscans = nscans;
	memcpy(s->head.scans, scans, (size_t)nscans * sizeof *scans);
	/* The tail reads the same scans backwards, last one first. */
	for (int i = 0; i < nscans; i++) {
		s->tail.scans[i] = scans[nscans - 1 - i];
		s->tail.scans[i].reverse = !scans[nscans - 1 - i].reverse;
	}
	s->keep = keep;
	s->fmt = fmt;
	s->ctx = ctx;
	scan_reset(&s->base);
	return &s->base;
}
