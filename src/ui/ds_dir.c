/*
 * ds_dir.c — the Directory's data source (ds_dir.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "plandesk/store/scan.h"
#include "plandesk/directory/search.h"
#include "ds_dir.h"

#define PAGE 64
#define FIND_MAX 5000   /* how far find() looks in a filtered list */

struct dir_ds {
	struct ui_ds  base;
	struct ui_ds *all;       /* no filter: orgs then people */
	ui_fmt_fn     fmt;
	void         *ctx;
	char         *query;     /* NULL: no filter */
	struct pd_hit page[PAGE];
	size_t        page_off, page_n;
	bool          page_ok;
	bool          page_more; /* matches follow the page */
	size_t        count_max; /* the last count asked for (0: none) */
	size_t        count;     /* min(matches, count_max) */
};

static int count(struct dir_ds *d, struct pd_txn *txn, size_t max,
		 struct pd_err *err)
{
	int rc;

	/* A count below the cap it was taken with is exact: keep it. */
	if (d->count_max && (d->count < d->count_max || max <= d->count_max))
		return PD_OK;
	if ((rc = pd_search_count(txn, d->query, 0, max, &d->count, err)) != PD_OK)
		return rc;
	d->count_max = max;
	return PD_OK;
}

/* The first `want` matches as the page at offset 0 (one search that also
 * tells whether more follow, so a screenful costs one walk). */
static int first_page(struct dir_ds *d, struct pd_txn *txn, size_t want,
		      struct pd_err *err)
{
	bool more = false;
	int rc;

	if (d->page_ok && d->page_off == 0 && (d->page_n >= want || !d->page_more))
		return PD_OK;
	d->page_ok = false;
	d->page_off = 0;
	if ((rc = pd_search(txn, d->query, 0, 0, want, d->page, &d->page_n, &more,
			    err)) != PD_OK)
		return rc;
	d->page_ok = true;
	d->page_more = more;
	if (!more) {   /* everything there is: an exact count for free */
		d->count = d->page_n;
		d->count_max = d->page_n + 1;
	}
	return PD_OK;
}

static int dir_span(struct ui_ds *ds, struct pd_txn *txn, size_t want,
		    struct ui_span *out, struct pd_err *err)
{
	struct dir_ds *d = (struct dir_ds *)ds;
	size_t max = want == SIZE_MAX ? SIZE_MAX : want + 1;
	int rc;

	if (!d->query)
		return d->all->ops->span(d->all, txn, want, out, err);
	if (want < PAGE && !(d->count_max && d->count < d->count_max)) {
		/* A screenful from the top: the page itself answers. */
		if ((rc = first_page(d, txn, want + 1, err)) != PD_OK)
			return rc;
		if (d->page_more || d->page_n > want) {
			out->total = 0;
			out->all = false;
			out->n = want;
			return PD_OK;
		}
	} else if ((rc = count(d, txn, max, err)) != PD_OK) {
		return rc;
	}
	if (d->count < d->count_max) {
		out->total = d->count;
		out->all = d->count <= want;
		out->n = out->all ? d->count : want;
	} else {
		out->total = 0;
		out->all = false;
		out->n = want < d->count ? want : d->count;
	}
	return PD_OK;
}

static int dir_row(struct ui_ds *ds, struct pd_txn *txn, size_t i,
		   struct ui_row *out, struct pd_err *err)
{
	struct dir_ds *d = (struct dir_ds *)ds;
	const struct pd_hit *h;
	struct pd_record r;
	int rc;

	if (!d->query)
		return d->all->ops->row(d->all, txn, i, out, err);
	ui_row_clear(out);
	if (!d->page_ok || i < d->page_off || i >= d->page_off + d->page_n) {
		d->page_off = i - i % PAGE;
		d->page_ok = false;
		if ((rc = pd_search(txn, d->query, 0, d->page_off, PAGE, d->page,
				    &d->page_n, &d->page_more, err)) != PD_OK)
			return rc;
		d->page_ok = true;
	}
	if (i >= d->page_off + d->page_n)
		return PD_NOTFOUND;
	h = &d->page[i - d->page_off];
	out->id = h->id;
	out->kind = (int)h->kind;
	pd_record_init(&r, h->kind);
	if ((rc = pd_get(txn, h->kind, h->id, &r, err)) == PD_OK)
		d->fmt(d->ctx, txn, &r, out);
	pd_record_clear(&r);
	return rc;
}

struct find_ctx {
	int      kind;
	uint64_t id;
	size_t   i, at;
	bool     found;
};

static int find_cb(const struct pd_hit *hit, void *ctx)
{
	struct find_ctx *f = ctx;

	if ((int)hit->kind == f->kind && hit->id == f->id) {
		f->at = f->i;
		f->found = true;
		return 1;
	}
	f->i++;
	return 0;
}

static int dir_find(struct ui_ds *ds, struct pd_txn *txn, int kind, uint64_t id,
		    size_t hint, size_t *out)
{
	struct dir_ds *d = (struct dir_ds *)ds;
	struct find_ctx f = { kind, id, 0, 0, false };

	if (!d->query)
		return d->all->ops->find(d->all, txn, kind, id, hint, out);
	if (d->page_ok)
		for (size_t i = 0; i < d->page_n; i++)
			if ((int)d->page[i].kind == kind && d->page[i].id == id) {
				*out = d->page_off + i;
				return PD_OK;
			}
	if (pd_search_each(txn, d->query, 0, 0, FIND_MAX, find_cb, &f, NULL, NULL) != PD_OK ||
	    !f.found)
		return PD_NOTFOUND;
	*out = f.at;
	return PD_OK;
}

static void dir_reset(struct ui_ds *ds)
{
	struct dir_ds *d = (struct dir_ds *)ds;

	d->all->ops->reset(d->all);
	d->page_ok = false;
	d->count_max = 0;
}

static int dir_filter(struct ui_ds *ds, struct pd_txn *txn, const char *query,
		      struct pd_err *err)
{
	struct dir_ds *d = (struct dir_ds *)ds;
	char *q = NULL;

	(void)txn;
	if (query && *query && !(q = strdup(query)))
		return pd_err_nomem(err);
	free(d->query);
	d->query = q;
	dir_reset(ds);
	return PD_OK;
}

static void dir_free(struct ui_ds *ds)
{
	struct dir_ds *d = (struct dir_ds *)ds;

	d->all->ops->free(d->all);
	free(d->query);
	free(d);
}

static const struct ui_ds_ops dir_ops = {
	.span = dir_span,
	.row = dir_row,
	.find = dir_find,
	.filter = dir_filter,
	.reset = dir_reset,
	.free = dir_free,
};

struct ui_ds *ui_ds_dir_new(ui_fmt_fn fmt, void *ctx)
{
	struct dir_ds *d = calloc(1, sizeof *d);
	struct pd_scan scans[2];

	if (!d)
		return NULL;
	pd_scan_kind(&scans[0], PD_ORG, 0);
	pd_scan_kind(&scans[1], PD_PERSON, 0);
	if (!(d->all = ui_ds_scan_new(scans, 2, NULL, fmt, ctx))) {
		free(d);
		return NULL;
	}
	d->base.ops = &dir_ops;
	d->fmt = fmt;
	d->ctx = ctx;
	return &d->base;
}
