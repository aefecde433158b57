/*
 * export.c — writing every record of a kind as CSV or a spreadsheet
 * (sheet.h), in a fixed order, from one read transaction; each record a
 * row of its kind's columns (export_row.c).
 *
 * Order: organisations, people and plans by id (creation order); items
 * plan by plan (plans by id) in the plan's order; actions and updates item
 * by item in that order, actions by position and updates by date;
 * meetings plan by plan by date.
 */
#include <stdint.h>

#include "plandesk/transfer/transfer.h"
#include "base/save.h"

#define PROGRESS_EVERY 4096u

struct exp {
	struct pd_txn              *txn;
	const struct pd_export_opts *o;
	struct pd_err              *err;
	struct pd_rows             *rows_w;
	size_t                      rows;
	uint64_t                    total;
};

static void report(struct exp *e, bool last)
{
	struct pd_progress p = { e->rows, e->rows, e->total, last };

	if (e->o->progress)
		e->o->progress(e->o->ctx, &p);
}

/* Read record (kind, id) and write it. */
static int emit(struct exp *e, enum pd_kind kind, uint64_t id, uint64_t plan)
{
	struct pd_record r;
	int rc;

	if ((rc = pd_get(e->txn, kind, id, &r, e->err)) != PD_OK)
		return rc;
	rc = pd_rows_put(e->rows_w, &r, plan, e->err);
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
		return emit(e, PD_ITEM, item, plan);
	if ((rc = pd_cursor_index(e->txn, ix, item, 0, &cur, e->err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &id, e->err)) == PD_OK)
		if ((rc = emit(e, e->o->kind, id, plan)) != PD_OK)
			break;
	pd_cursor_close(cur);
	return rc == PD_NOTFOUND ? PD_OK : rc;
}

static int meeting_of(struct exp *e, uint64_t id, uint64_t plan)
{
	return emit(e, PD_MEETING, id, plan);
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
	return emit(e, e->o->kind, id, 0);
}

int pd_export(struct pd_store *st, const struct pd_export_opts *o,
	      pd_csv_sink sink, void *sink_ctx, size_t *rows, struct pd_err *err)
{
	struct exp e = { .o = o, .err = err };
	const struct pd_kind_info *ki = pd_kind_info(o->kind);
	struct pd_cursor *cur = NULL;
	size_t total = 0;
	bool by_plan;
	int rc;

	if (rows)
		*rows = 0;
	if (!pd_transfer_columns(o->kind, NULL))
		return pd_err_set(err, PD_EINVAL, "%s have no CSV form", ki->plural);
	if ((rc = pd_txn_read(st, &e.txn, err)) != PD_OK)
		return rc;
	pd_count_kind(e.txn, o->kind, &total);
	e.total = total;
	rc = pd_rows_open(&e.rows_w, e.txn, ki, o->format, o->excel, sink, sink_ctx, err);
	by_plan = o->kind != PD_ORG && o->kind != PD_PERSON && o->kind != PD_PLAN;
	if (rc == PD_OK)
		rc = pd_cursor_kind(e.txn, by_plan ? PD_PLAN : o->kind, 0, &cur, err);
	if (rc == PD_OK)
		rc = each(&e, cur, 0, by_plan ? plan_children : top_level);
	/* Finish the file before reporting the last progress: for a
	 * spreadsheet that is where the time goes. */
	rc = pd_rows_close(e.rows_w, rc, err);
	report(&e, true);
	pd_txn_end(e.txn);
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
