/*
 * export_row.c — records as rows of their kind table's exported columns
 * (transfer.h pd_rows_*): text and dates as they are, a yes/no field as
 * yes or blank, a link as its record's natural key, a list of people as
 * their names joined by "; ", and a column's `also` field where the table
 * names one.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/u64map.h"
#include "plandesk/documents/formats.h"
#include "plandesk/transfer/transfer.h"

struct pd_rows {
	struct pd_txn             *txn;
	const struct pd_kind_info *ki;
	struct pd_sheet           *sh;
	struct pd_col              cols[PD_COLS_MAX];
	struct pd_sheet_col        sc[PD_COLS_MAX];
	size_t                     ncols;
	struct pd_u64map           names;  /* id → malloc'd key of a linked
					      record (ids are unique across
					      kinds) */
	struct pd_buf              tmp;
};

static void free_name(uint64_t v)
{
	free((char *)(uintptr_t)v);
}

/* The natural key of record (kind, id), remembered; "" for no link or a
 * dangling one; NULL out of memory. */
static const char *name_of(struct pd_rows *w, int kind, uint64_t id)
{
	struct pd_record r;
	uint64_t v;
	char *name;

	if (!id || kind < 0 || kind >= PD_NKINDS)
		return "";
	if (pd_u64map_get(&w->names, id, &v))
		return (const char *)(uintptr_t)v;
	if (pd_get(w->txn, (enum pd_kind)kind, id, &r, NULL) != PD_OK)
		return "";
	name = strdup(pd_get_text(&r, pd_kind_info((enum pd_kind)kind)->key));
	pd_record_clear(&r);
	if (!name || pd_u64map_add(&w->names, id, (uintptr_t)name) != PD_OK) {
		free(name);
		return NULL;
	}
	return name;
}

/* Append `s` to w->tmp, after "; " when it holds something.  PD_OK/ENOMEM. */
static int join(struct pd_rows *w, const char *s)
{
	if (!s)
		return PD_ENOMEM;
	if (!*s)
		return PD_OK;
	if ((w->tmp.n && pd_buf_puts(&w->tmp, "; ") != PD_OK) ||
	    pd_buf_puts(&w->tmp, s) != PD_OK)
		return PD_ENOMEM;
	return PD_OK;
}

/* Field `f` as text into w->tmp: a link's key, a list's names. */
static int field_text(struct pd_rows *w, const struct pd_record *r, int f)
{
	const struct pd_field *fd = &w->ki->fields[f];
	int rc = PD_OK;

	switch (fd->type) {
	case PD_T_REF:
		return join(w, name_of(w, fd->ref, pd_get_ref(r, f)));
	case PD_T_REFS:
		for (size_t i = 0; i < pd_refs_count(r, f) && rc == PD_OK; i++)
			rc = join(w, name_of(w, fd->ref, pd_refs_at(r, f, i)));
		return rc;
	case PD_T_INT:
		return PD_OK;
	default:
		if (fd->flags & PD_F_YESNO)   /* unset: blank, read back as no */
			return join(w, pd_get_flag(r, f) ? "yes" : "");
		return pd_buf_add(&w->tmp, pd_get_text(r, f), r->v[f].n) == PD_OK ?
		       PD_OK : PD_ENOMEM;
	}
}

/* The cell of column `c`: a list and then its `also` text; any other
 * field, else its `also` field when it is empty. */
static int cell(struct pd_rows *w, const struct pd_record *r, const struct pd_col *c,
		uint64_t plan)
{
	int f = c->id, also;
	int rc;

	pd_buf_reset(&w->tmp);
	if (f == PD_COL_X(PD_X_PLAN))
		rc = join(w, name_of(w, PD_PLAN, plan));
	else if (f >= w->ki->nfields)
		rc = PD_OK;
	else if ((rc = field_text(w, r, f)) == PD_OK &&
		 (also = pd_field_also(w->ki, f)) >= 0 &&
		 (w->ki->fields[f].type == PD_T_REFS || !w->tmp.n))
		rc = w->ki->fields[also].type == PD_T_TEXT ?
		     join(w, pd_get_text(r, also)) : field_text(w, r, also);
	return rc;
}

int pd_rows_open(struct pd_rows **out, struct pd_txn *txn,
		 const struct pd_kind_info *ki, enum pd_format fmt, bool excel,
		 pd_csv_sink sink, void *ctx, struct pd_err *err)
{
	enum pd_format f = fmt == PD_FMT_XLSX ? PD_FMT_XLSX : PD_FMT_CSV;
	const struct pd_formats *fm;
	struct pd_rows *w;
	int rc;

	*out = NULL;
	if ((rc = pd_formats_for(pd_txn_store(txn), f, &fm, err)) != PD_OK)
		return rc;
	if (!(w = calloc(1, sizeof *w)))
		return pd_err_nomem(err);
	w->txn = txn;
	w->ki = ki;
	if (!(w->ncols = pd_columns(ki, false, w->cols))) {
		free(w);
		return pd_err_set(err, PD_EINVAL, "%s have no CSV form", ki->plural);
	}
	for (size_t i = 0; i < w->ncols; i++)
		w->sc[i] = (struct pd_sheet_col){ w->cols[i].name, w->cols[i].kind };
	rc = pd_sheet_open(&w->sh, f, fm, ki->plural, w->sc, w->ncols, excel, sink,
			   ctx, err);
	if (rc != PD_OK) {
		free(w);
		return rc;
	}
	*out = w;
	return PD_OK;
}

int pd_rows_put(struct pd_rows *w, const struct pd_record *r, uint64_t plan,
		struct pd_err *err)
{
	int rc = PD_OK;

	for (size_t i = 0; i < w->ncols && rc == PD_OK; i++) {
		if ((rc = cell(w, r, &w->cols[i], plan)) != PD_OK)
			return pd_err_set(err, rc, "%s", pd_strerror(rc));
		rc = pd_sheet_put(w->sh, w->tmp.p ? w->tmp.p : "", w->tmp.n, err);
	}
	return rc == PD_OK ? pd_sheet_end_row(w->sh, err) : rc;
}

int pd_rows_close(struct pd_rows *w, int rc, struct pd_err *err)
{
	if (!w)
		return rc;
	rc = pd_sheet_close(w->sh, rc, err);
	pd_u64map_free(&w->names, free_name);
	pd_buf_free(&w->tmp);
	free(w);
	return rc;
}
