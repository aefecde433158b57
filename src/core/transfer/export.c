/*
 * export.c — writing every record of a kind as CSV or a spreadsheet
 * (sheet.h), in a fixed order, with references by natural key, from one
 * read transaction.
 *
 * Order: organisations, people and plans by id (creation order); items
 * plan by plan (plans by id) in the plan's order; actions and updates item
 * by item in that order, actions by position and updates by date;
 * meetings plan by plan by date.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plandesk/documents/sheet.h"
#include "plandesk/transfer/transfer.h"
#include "plandesk/base/u64map.h"
#include "base/save.h"

#define PROGRESS_EVERY 4096u

struct exp {
	struct pd_txn              *txn;
	const struct pd_export_opts *o;
	struct pd_err              *err;
	struct pd_sheet            *sh;
	struct pd_u64map            names;   /* id → malloc'd name of a linked
						record (ids are unique across kinds) */
	size_t                      rows;
	uint64_t                    total;
	struct pd_buf               tmp;
};

static void free_name(uint64_t v)
{
	free((char *)(uintptr_t)v);
}

/* Field `f` of record (kind, id), remembered; "" for a dangling link. */
static const char *name_of(struct exp *e, enum pd_kind kind, uint64_t id, int f)
{
	struct pd_record r;
	uint64_t v;
	char *name;

	if (!id)
		return "";
	if (pd_u64map_get(&e->names, id, &v))
		return (const char *)(uintptr_t)v;
	if (pd_get(e->txn, kind, id, &r, NULL) != PD_OK)
		return "";
	name = strdup(pd_get_text(&r, f));
	pd_record_clear(&r);
	if (!name || pd_u64map_add(&e->names, id, (uintptr_t)name) != PD_OK) {
		free(name);
		return NULL;
	}
	return name;
}

/* Put a cell; NULL (out of memory in name_of) fails. */
static int put(struct exp *e, const char *s)
{
	if (!s)
		return pd_err_set(e->err, PD_ENOMEM, "out of memory");
	return pd_sheet_puts(e->sh, s, e->err);
}

static int put_field(struct exp *e, const struct pd_record *r, int f)
{
	return pd_sheet_put(e->sh, pd_get_text(r, f), r->v[f].n, e->err);
}

/* The names of the people in REFS field `f`, then `other`, joined by "; ". */
static int put_people(struct exp *e, const struct pd_record *r, int f,
		      const char *other)
{
	pd_buf_reset(&e->tmp);
	for (size_t i = 0; i < pd_refs_count(r, f); i++) {
		const char *name = name_of(e, PD_PERSON, pd_refs_at(r, f, i),
					   PD_PERSON_NAME);
		if (!name)
			return put(e, NULL);
		if (!*name)
			continue;
		if ((e->tmp.n && pd_buf_puts(&e->tmp, "; ") != PD_OK) ||
		    pd_buf_puts(&e->tmp, name) != PD_OK)
			return put(e, NULL);
	}
	if (other && *other &&
	    ((e->tmp.n && pd_buf_puts(&e->tmp, "; ") != PD_OK) ||
	     pd_buf_puts(&e->tmp, other) != PD_OK))
		return put(e, NULL);
	return pd_sheet_put(e->sh, e->tmp.p ? e->tmp.p : "", e->tmp.n, e->err);
}

/* One record as a row of its kind's columns. */
static int put_row(struct exp *e, const struct pd_record *r, uint64_t plan,
		   uint64_t item)
{
	const char *plan_ref = name_of(e, PD_PLAN, plan, PD_PLAN_REF);
	const char *item_ref = name_of(e, PD_ITEM, item, PD_ITEM_REF);
	int rc = PD_OK;

	switch (r->kind) {
	case PD_ORG:
	case PD_PLAN:
		for (int f = 0; f < pd_kind_info(r->kind)->nfields && !rc; f++)
			rc = put_field(e, r, f);
		break;
	case PD_PERSON:
		for (int f = 0; f < PD_PERSON_NFIELDS && !rc; f++)
			rc = f == PD_PERSON_ORG ?
				put(e, name_of(e, PD_ORG, pd_get_ref(r, f), PD_ORG_NAME)) :
				put_field(e, r, f);
		break;
	case PD_ITEM:
		if ((rc = put(e, plan_ref)) ||
		    (rc = put(e, name_of(e, PD_THEME, pd_get_ref(r, PD_ITEM_THEME),
					 PD_THEME_NAME))) ||
		    (rc = put_field(e, r, PD_ITEM_REF)) ||
		    (rc = put_field(e, r, PD_ITEM_TITLE)) ||
		    (rc = put_field(e, r, PD_ITEM_DESCRIPTION)))
			break;
		rc = pd_is_set(r, PD_ITEM_LEAD) ? put_field(e, r, PD_ITEM_LEAD) :
			put(e, name_of(e, PD_PERSON, pd_get_ref(r, PD_ITEM_LEAD_PERSON),
				       PD_PERSON_NAME));
		if (rc || (rc = put_field(e, r, pd_is_set(r, PD_ITEM_TARGET) ?
					  PD_ITEM_TARGET : PD_ITEM_TARGET_DATE)) ||
		    (rc = put_field(e, r, PD_ITEM_COMPLETED)) ||
		    (rc = put_field(e, r, PD_ITEM_STATUS)))
			break;
		rc = put(e, name_of(e, PD_ITEM, pd_get_ref(r, PD_ITEM_PARENT), PD_ITEM_REF));
		break;
	case PD_ACTION:
		if ((rc = put(e, plan_ref)) || (rc = put(e, item_ref)) ||
		    (rc = put_field(e, r, PD_ACTION_TEXT)))
			break;
		rc = pd_is_set(r, PD_ACTION_OWNER) ? put_field(e, r, PD_ACTION_OWNER) :
			put_people(e, r, PD_ACTION_OWNERS, NULL);
		if (rc || (rc = put_field(e, r, PD_ACTION_DUE)) ||
		    (rc = put_field(e, r, PD_ACTION_STATE)) ||
		    (rc = put(e, name_of(e, PD_MEETING, pd_get_ref(r, PD_ACTION_RAISED),
					 PD_MEETING_DATE))))
			break;
		rc = put_field(e, r, PD_ACTION_CLOSED);
		break;
	case PD_UPDATE:
		if ((rc = put(e, plan_ref)) || (rc = put(e, item_ref)))
			break;
		for (int f = PD_UPDATE_DATE; f <= PD_UPDATE_STATUS && !rc; f++)
			rc = put_field(e, r, f);
		if (!rc)
			rc = put_field(e, r, PD_UPDATE_AUTHOR);
		break;
	case PD_MEETING:
		if ((rc = put(e, plan_ref)) || (rc = put_field(e, r, PD_MEETING_DATE)) ||
		    (rc = put_field(e, r, PD_MEETING_TITLE)) ||
		    (rc = put_field(e, r, PD_MEETING_LOCATION)) ||
		    (rc = put_people(e, r, PD_MEETING_PRESENT,
				     pd_get_text(r, PD_MEETING_PRESENT_OTHER))) ||
		    (rc = put_people(e, r, PD_MEETING_APOLOGIES,
				     pd_get_text(r, PD_MEETING_APOLOGIES_OTHER))))
			break;
		rc = put_field(e, r, PD_MEETING_NEXT);
		break;
	default:
		rc = pd_err_set(e->err, PD_EINVAL, "no CSV form");
	}
	if (rc == PD_OK)
		rc = pd_sheet_end_row(e->sh, e->err);
	return rc;
}

static void report(struct exp *e, bool last)
{
	struct pd_progress p = { e->rows, e->rows, e->total, last };

	if (e->o->progress)
		e->o->progress(e->o->ctx, &p);
}

/* Read record (kind, id) and write it. */
static int emit(struct exp *e, enum pd_kind kind, uint64_t id, uint64_t plan,
		uint64_t item)
{
	struct pd_record r;
	int rc;

	if ((rc = pd_get(e->txn, kind, id, &r, e->err)) != PD_OK)
		return rc;
	rc = put_row(e, &r, plan, item);
	pd_record_clear(&r);
	if (rc == PD_OK && ++e->rows % PROGRESS_EVERY == 0)
		report(e, false);
	return rc;
}

/* Every id of a cursor, through `fn`.  Closes the cursor. */
static int each(struct exp *e, struct pd_cursor *cur, uint64_t plan,
		int (*fn)(struct exp *, uint64_t, uint64_t))
{
	uint64_t id;
	int rc;

	while ((rc = pd_cursor_next(cur, &id, e->err)) == PD_OK)
		if ((rc = fn(e, id, plan)) != PD_OK)
			break;
	pd_cursor_close(cur);
	return rc == PD_NOTFOUND ? PD_OK : rc;
}

/* The children of item `item` (actions or updates). */
static int item_children(struct exp *e, uint64_t item, uint64_t plan)
{
	enum pd_index ix = e->o->kind == PD_ACTION ? PD_IX_ACTIONS_BY_ITEM :
						     PD_IX_UPDATES_BY_ITEM;
	struct pd_cursor *cur;
	uint64_t id;
	int rc;

	if (e->o->kind == PD_ITEM)
		return emit(e, PD_ITEM, item, plan, 0);
	if ((rc = pd_cursor_index(e->txn, ix, item, 0, &cur, e->err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &id, e->err)) == PD_OK)
		if ((rc = emit(e, e->o->kind, id, plan, item)) != PD_OK)
			break;
	pd_cursor_close(cur);
	return rc == PD_NOTFOUND ? PD_OK : rc;
}

static int meeting_of(struct exp *e, uint64_t id, uint64_t plan)
{
	return emit(e, PD_MEETING, id, plan, 0);
}

/* Plan `plan`'s records of the exported kind. */
static int plan_children(struct exp *e, uint64_t plan, uint64_t unused)
{
	struct pd_cursor *cur;
	bool meetings = e->o->kind == PD_MEETING;
	int rc;

	(void)unused;
	rc = pd_cursor_index(e->txn, meetings ? PD_IX_MEETINGS_BY_PLAN :
			     PD_IX_ITEMS_BY_PLAN, plan, 0, &cur, e->err);
	if (rc != PD_OK)
		return rc;
	return each(e, cur, plan, meetings ? meeting_of : item_children);
}

static int top_level(struct exp *e, uint64_t id, uint64_t unused)
{
	(void)unused;
	return emit(e, e->o->kind, id, 0, 0);
}

int pd_export(struct pd_store *st, const struct pd_export_opts *o,
	      pd_csv_sink sink, void *sink_ctx, size_t *rows, struct pd_err *err)
{
	struct exp e = { .o = o, .err = err };
	struct pd_sheet_col *sc = NULL;
	const char *const *cols;
	struct pd_cursor *cur = NULL;
	size_t ncols, total = 0;
	bool by_plan;
	int rc;

	if (rows)
		*rows = 0;
	if (!(cols = pd_transfer_columns(o->kind, &ncols)))
		return pd_err_set(err, PD_EINVAL, "%s have no CSV form",
				  pd_kind_info(o->kind)->plural);
	if (!(sc = calloc(ncols, sizeof *sc)))
		return pd_err_set(err, PD_ENOMEM, "out of memory");
	for (size_t i = 0; i < ncols; i++) {
		sc[i].name = cols[i];
		sc[i].kind = pd_transfer_column_kind(cols[i]);
	}
	if ((rc = pd_txn_read(st, &e.txn, err)) != PD_OK) {
		free(sc);
		return rc;
	}
	pd_count_kind(e.txn, o->kind, &total);
	e.total = total;
	rc = pd_sheet_open(&e.sh, o->format == PD_FMT_XLSX ? PD_FMT_XLSX : PD_FMT_CSV,
			   pd_kind_info(o->kind)->plural, sc, ncols, o->excel, sink,
			   sink_ctx, err);
	by_plan = o->kind != PD_ORG && o->kind != PD_PERSON && o->kind != PD_PLAN;
	if (rc == PD_OK)
		rc = pd_cursor_kind(e.txn, by_plan ? PD_PLAN : o->kind, 0, &cur, err);
	if (rc == PD_OK)
		rc = each(&e, cur, 0, by_plan ? plan_children : top_level);
	/* Finish the file before reporting the last progress: for a
	 * spreadsheet that is where the time goes. */
	rc = pd_sheet_close(e.sh, rc, err);
	report(&e, true);
	pd_u64map_free(&e.names, free_name);
	pd_buf_free(&e.tmp);
	pd_txn_end(e.txn);
	free(sc);
	if (rows)
		*rows = e.rows;
	return rc;
}

static int write_save(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	return pd_save_write(ctx, p, n, err);
}

int pd_export_file(struct pd_store *st, const struct pd_export_opts *o,
		   const char *path, size_t *rows, struct pd_err *err)
{
	struct pd_export_opts by_name = *o;
	struct pd_save sv;
	int rc;

	if (rows)
		*rows = 0;
	/* Unset (0): the file's extension says, and no extension is CSV. */
	if (o->format != PD_FMT_CSV && o->format != PD_FMT_XLSX &&
	    (rc = pd_format_choose(NULL, path, PD_FMTS_EXPORT, PD_FMT_CSV,
				   &by_name.format, err)) != PD_OK)
		return rc;
	if ((rc = pd_save_open(&sv, path, err)) != PD_OK)
		return rc;
	return pd_save_close(&sv, pd_export(st, &by_name, write_save, &sv, rows, err), err);
}
