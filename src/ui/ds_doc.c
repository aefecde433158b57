/*
 * ds_doc.c — a data source over a document held in memory: the lines of a
 * detail card or of the help screen.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "ds.h"

int ui_doc_add(struct ui_doc *d, int role, int depth, int kind, uint64_t id,
	       const char *fmt, ...)
{
	struct ui_doc_line *l;
	va_list ap;
	char *text;
	int len;

	if (pd_grow(&d->l, &d->cap, d->n + 1, sizeof *d->l, 32))
		return -1;
	va_start(ap, fmt);
	len = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (len < 0)
		return -1;
	l = &d->l[d->n++];
	l->text = text;
	l->role = role;
	l->depth = depth;
	l->kind = kind;
	l->id = id;
	l->mark_role = 0;
	return 0;
}

void ui_doc_clear(struct ui_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->l[i].text);
	free(d->l);
	memset(d, 0, sizeof *d);
}

struct doc_ds {
	struct ui_ds   base;
	struct ui_doc *doc;
};

static int doc_span(struct ui_ds *ds, struct pd_txn *txn, size_t want,
		    struct ui_span *out, struct pd_err *err)
{
	struct doc_ds *d = (struct doc_ds *)ds;

	(void)txn; (void)err;
	out->total = d->doc->n;
	out->all = want >= d->doc->n;
	out->n = out->all ? d->doc->n : want;
	return PD_OK;
}

static int doc_row(struct ui_ds *ds, struct pd_txn *txn, size_t i,
		   struct ui_row *out, struct pd_err *err)
{
	struct doc_ds *d = (struct doc_ds *)ds;
	const struct ui_doc_line *l;
	const char *p;
	int c = 0;

	(void)txn; (void)err;
	ui_row_clear(out);
	if (i >= d->doc->n)
		return PD_NOTFOUND;
	l = &d->doc->l[i];
	out->id = l->id;
	out->kind = l->kind;
	out->role = l->role;
	out->depth = l->depth;
	out->cell_role[0] = l->mark_role;
	p = l->text;
	for (;;) {
		const char *tab = strchr(p, '\t');
		size_t n = tab ? (size_t)(tab - p) : strlen(p);

		ui_row_set(out, c, "%.*s", (int)n, p);
		if (!tab || ++c == UI_MAXCELLS)
			break;
		p = tab + 1;
	}
	return PD_OK;
}

static int doc_find(struct ui_ds *ds, struct pd_txn *txn, int kind, uint64_t id,
		    size_t hint, size_t *out)
{
	struct doc_ds *d = (struct doc_ds *)ds;
	size_t n = d->doc->n;

	(void)txn;
	if (!id)
		return PD_NOTFOUND;
	/* Outward from the hint: the same record may appear twice. */
	for (size_t k = 0; k < n; k++) {
		size_t lo = hint >= k ? hint - k : n, hi = hint + k;
		if (lo < n && d->doc->l[lo].id == id && d->doc->l[lo].kind == kind) {
			*out = lo;
			return PD_OK;
		}
		if (hi < n && d->doc->l[hi].id == id && d->doc->l[hi].kind == kind) {
			*out = hi;
			return PD_OK;
		}
		if (lo >= n && hi >= n)
			break;
	}
	return PD_NOTFOUND;
}

static void doc_reset(struct ui_ds *ds) { (void)ds; }
static void doc_free(struct ui_ds *ds) { free(ds); }

static const struct ui_ds_ops doc_ops = {
	.span = doc_span,
	.row = doc_row,
	.find = doc_find,
	.filter = NULL,
	.reset = doc_reset,
	.free = doc_free,
};

struct ui_ds *ui_ds_doc_new(struct ui_doc *doc)
{
	struct doc_ds *d = calloc(1, sizeof *d);

	if (!d)
		return NULL;
	d->base.ops = &doc_ops;
	d->doc = doc;
	return &d->base;
}
