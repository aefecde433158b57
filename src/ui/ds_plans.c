/*
 * ds_plans.c — the plans tree (ds_plans.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/meetings/track.h"
#include "ds_plans.h"
#include "recfmt.h"

#define MAX_DEPTH 8

struct pnode {
	int      kind;
	int      depth;
	uint64_t id;
	uint64_t plan;
};

struct tally_cache {
	uint64_t        plan;
	struct pd_tally t;
};

/* An expanded plan's item, as read to place it in the tree. */
struct pitem {
	uint64_t id, theme, parent;
	bool     placed;
};

struct plans_ds {
	struct ui_ds        base;
	struct app         *a;
	struct pnode       *n;
	size_t              nn, cap;
	bool                built;
	uint64_t           *open;
	size_t              nopen, capopen;
	struct tally_cache *tc;
	size_t              ntc, captc;
};

static int add_node(struct plans_ds *p, int kind, int depth, uint64_t id,
		    uint64_t plan)
{
	if (pd_grow(&p->n, &p->cap, p->nn + 1, sizeof *p->n, 64))
		return PD_ENOMEM;
	p->n[p->nn++] = (struct pnode){ kind, depth, id, plan };
	return PD_OK;
}

bool ui_ds_plans_expanded(struct ui_ds *ds, uint64_t plan)
{
	struct plans_ds *p = (struct plans_ds *)ds;

	for (size_t i = 0; i < p->nopen; i++)
		if (p->open[i] == plan)
			return true;
	return false;
}

void ui_ds_plans_expand(struct ui_ds *ds, uint64_t plan, bool open)
{
	struct plans_ds *p = (struct plans_ds *)ds;

	p->built = false;
	for (size_t i = 0; i < p->nopen; i++)
		if (p->open[i] == plan) {
			if (!open)
				p->open[i] = p->open[--p->nopen];
			return;
		}
	if (!open)
		return;
	if (pd_grow(&p->open, &p->capopen, p->nopen + 1, sizeof *p->open, 8))
		return;
	p->open[p->nopen++] = plan;
}

uint64_t ui_ds_plans_plan_of(struct ui_ds *ds, size_t i)
{
	struct plans_ds *p = (struct plans_ds *)ds;

	return i < p->nn ? p->n[i].plan : 0;
}

/* Item `it` and, under it, its sub-items (in plan order). */
static int place(struct plans_ds *p, struct pitem *items, size_t n, size_t k,
		 int depth, uint64_t plan)
{
	int rc;

	items[k].placed = true;
	if ((rc = add_node(p, PD_ITEM, depth, items[k].id, plan)))
		return rc;
	if (depth >= MAX_DEPTH)
		return PD_OK;
	for (size_t j = 0; j < n; j++)
		if (!items[j].placed && items[j].parent == items[k].id &&
		    (rc = place(p, items, n, j, depth + 1, plan)))
			return rc;
	return PD_OK;
}

static bool has_item(const struct pitem *items, size_t n, uint64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].id == id)
			return true;
	return false;
}

static int expand_plan(struct plans_ds *p, struct pd_txn *txn, uint64_t plan)
{
	struct pd_cursor *cur;
	struct pitem *items = NULL;
	size_t n = 0, cap = 0;
	uint64_t id;
	int rc = PD_OK;

	if (pd_cursor_index(txn, PD_IX_ITEMS_BY_PLAN, plan, 0, &cur, NULL))
		return PD_OK;
	while (pd_cursor_next(cur, &id, NULL) == PD_OK) {
		struct pd_record it;

		if (pd_grow(&items, &cap, n + 1, sizeof *items, 64)) {
			rc = PD_ENOMEM;
			break;
		}
		pd_record_init(&it, PD_ITEM);
		if (pd_get(txn, PD_ITEM, id, &it, NULL) == PD_OK)
			items[n++] = (struct pitem){ id, pd_get_ref(&it, PD_ITEM_THEME),
						     pd_get_ref(&it, PD_ITEM_PARENT), false };
		pd_record_clear(&it);
	}
	pd_cursor_close(cur);
	/* A parent outside the plan (or none): the item is top-level. */
	for (size_t i = 0; i < n; i++)
		if (items[i].parent && !has_item(items, n, items[i].parent))
			items[i].parent = 0;
	if (rc == PD_OK && pd_cursor_index(txn, PD_IX_THEMES_BY_PLAN, plan, 0, &cur, NULL) == PD_OK) {
		while (rc == PD_OK && pd_cursor_next(cur, &id, NULL) == PD_OK) {
			rc = add_node(p, PD_THEME, 1, id, plan);
			for (size_t i = 0; rc == PD_OK && i < n; i++)
				if (!items[i].placed && !items[i].parent && items[i].theme == id)
					rc = place(p, items, n, i, 2, plan);
		}
		pd_cursor_close(cur);
	}
	/* Items with no theme (or a theme that is gone), then any left over
	 * (a loop of parents). */
	for (size_t i = 0; rc == PD_OK && i < n; i++)
		if (!items[i].placed && !items[i].parent)
			rc = place(p, items, n, i, 1, plan);
	for (size_t i = 0; rc == PD_OK && i < n; i++)
		if (!items[i].placed)
			rc = place(p, items, n, i, 1, plan);
	free(items);
	return rc;
}

static int build(struct plans_ds *p, struct pd_txn *txn)
{
	struct pd_cursor *cur;
	uint64_t id;
	int rc = PD_OK;

	p->nn = 0;
	if ((rc = pd_cursor_kind(txn, PD_PLAN, 0, &cur, NULL)))
		return rc;
	while (rc == PD_OK && pd_cursor_next(cur, &id, NULL) == PD_OK) {
		rc = add_node(p, PD_PLAN, 0, id, id);
		if (rc == PD_OK && ui_ds_plans_expanded(&p->base, id))
			rc = expand_plan(p, txn, id);
	}
	pd_cursor_close(cur);
	p->built = rc == PD_OK;
	return rc;
}

void ui_ds_plans_expand_all(struct ui_ds *ds, struct pd_txn *txn)
{
	struct plans_ds *p = (struct plans_ds *)ds;
	struct pd_cursor *cur;
	uint64_t id;

	if (pd_cursor_kind(txn, PD_PLAN, 0, &cur, NULL) != PD_OK)
		return;
	while (pd_cursor_next(cur, &id, NULL) == PD_OK)
		ui_ds_plans_expand(ds, id, true);
	pd_cursor_close(cur);
	p->built = false;
}

static int ps_span(struct ui_ds *ds, struct pd_txn *txn, size_t want,
		   struct ui_span *out, struct pd_err *err)
{
	struct plans_ds *p = (struct plans_ds *)ds;
	int rc;

	if (!p->built && (rc = build(p, txn)))
		return pd_err_set(err, rc, "cannot read the plans");
	out->total = p->nn;
	out->all = want >= p->nn;
	out->n = out->all ? p->nn : want;
	return PD_OK;
}

static const struct pd_tally *tally(struct plans_ds *p, struct pd_txn *txn,
				    uint64_t plan)
{
	struct tally_cache *c;

	for (size_t i = 0; i < p->ntc; i++)
		if (p->tc[i].plan == plan)
			return &p->tc[i].t;
	if (pd_grow(&p->tc, &p->captc, p->ntc + 1, sizeof *p->tc, 8))
		return NULL;
	c = &p->tc[p->ntc];
	if (pd_plan_tally(txn, plan, &p->a->today, &c->t, NULL) != PD_OK)
		return NULL;
	c->plan = plan;
	p->ntc++;
	return &c->t;
}

static void fmt_plan(struct plans_ds *p, struct pd_txn *txn,
		     const struct pd_record *r, struct ui_row *row)
{
	const struct ui_theme *th = &p->a->theme;
	const struct pd_tally *t = tally(p, txn, r->id);
	bool open = ui_ds_plans_expanded(&p->base, r->id);
	char counts[96];
	size_t used = 0;

	row->role = UI_R_HEADING;
	ui_row_text(row, 0, open ? (th->ascii ? "-" : "▾") : (th->ascii ? "+" : "▸"));
	/* A legal hold, in words: nothing of the plan can be deleted. */
	ui_row_set(row, 1, "%s  %s%s", pd_get_text(r, PD_PLAN_REF),
		   pd_is_set(r, PD_PLAN_HOLD) ? "[HELD] " : "", pd_get_text(r, PD_PLAN_TITLE));
	counts[0] = '\0';
	if (t) {
		for (int k = PD_ST_DONE; k <= PD_ST_FAILED && used < sizeof counts; k++)
			if (t->by_status[k])
				used += (size_t)snprintf(counts + used, sizeof counts - used,
							 "%s%s%zu", used ? " " : "",
							 ui_status_mark(th, (enum pd_status_kind)k),
							 t->by_status[k]);
		if (!t->items)
			snprintf(counts, sizeof counts, "no items");
		else if (!used)
			snprintf(counts, sizeof counts, "%zu items", t->items);
		if (t->overdue) {
			ui_row_set(row, 3, "%zu overdue", t->overdue);
			row->cell_role[3] = UI_R_OVERDUE;
		}
	}
	ui_row_text(row, 2, counts);
	row->cell_role[2] = UI_R_NORMAL;
}

static void fmt_item(struct plans_ds *p, struct pd_txn *txn,
		     const struct pd_record *r, struct ui_row *row)
{
	const struct pd_scale *sc = pd_plan_scale(txn, pd_get_ref(r, PD_ITEM_PLAN));
	enum pd_status_kind k = pd_item_status_kind(r, sc);
	const struct pd_level *lv = pd_scale_level(sc, pd_get_text(r, PD_ITEM_STATUS));
	char title[UI_CELL];

	ui_rec_title(r, title, sizeof title);
	ui_row_text(row, 0, ui_status_mark(&p->a->theme, k));
	row->cell_role[0] = (int)ui_status_role(k);
	ui_row_text(row, 1, title);
	if (lv) {
		ui_row_set(row, 2, "%s %s", lv->code, lv->label);
		row->cell_role[2] = (int)ui_status_role(k);
	}
	ui_row_text(row, 3, pd_get_text(r, PD_ITEM_TARGET));
	if (pd_item_overdue(r, sc, &p->a->today)) {
		/* In words as well as colour. */
		ui_row_set(row, 3, "late %s", pd_get_text(r, PD_ITEM_TARGET));
		row->cell_role[3] = UI_R_OVERDUE;
	}
	else if (pd_is_set(r, PD_ITEM_COMPLETED) || k == PD_ST_DONE)
		row->cell_role[3] = UI_R_DIM;
}

static int ps_row(struct ui_ds *ds, struct pd_txn *txn, size_t i,
		  struct ui_row *out, struct pd_err *err)
{
	struct plans_ds *p = (struct plans_ds *)ds;
	struct pd_record r;
	const struct pnode *n;
	int rc;

	ui_row_clear(out);
	if (i >= p->nn)
		return PD_NOTFOUND;
	n = &p->n[i];
	out->id = n->id;
	out->kind = n->kind;
	out->depth = n->depth;
	pd_record_init(&r, (enum pd_kind)n->kind);
	if ((rc = pd_get(txn, (enum pd_kind)n->kind, n->id, &r, err)) != PD_OK) {
		pd_record_clear(&r);
		return rc;
	}
	if (n->kind == PD_PLAN)
		fmt_plan(p, txn, &r, out);
	else if (n->kind == PD_ITEM)
		fmt_item(p, txn, &r, out);
	else {
		out->role = UI_R_KEY;
		ui_row_text(out, 0, "");
		ui_row_text(out, 1, pd_get_text(&r, PD_THEME_NAME));
	}
	pd_record_clear(&r);
	return PD_OK;
}

static int ps_find(struct ui_ds *ds, struct pd_txn *txn, int kind, uint64_t id,
		   size_t hint, size_t *out)
{
	struct plans_ds *p = (struct plans_ds *)ds;

	(void)hint;
	if (!p->built && build(p, txn) != PD_OK)
		return PD_NOTFOUND;
	for (size_t i = 0; i < p->nn; i++)
		if (p->n[i].id == id && p->n[i].kind == kind) {
			*out = i;
			return PD_OK;
		}
	return PD_NOTFOUND;
}

static void ps_reset(struct ui_ds *ds)
{
	struct plans_ds *p = (struct plans_ds *)ds;

	p->built = false;
	p->ntc = 0;
}

static void ps_free(struct ui_ds *ds)
{
	struct plans_ds *p = (struct plans_ds *)ds;

	free(p->n);
	free(p->open);
	free(p->tc);
	free(p);
}

static const struct ui_ds_ops plans_ops = {
	.span = ps_span,
	.row = ps_row,
	.find = ps_find,
	.filter = NULL,
	.reset = ps_reset,
	.free = ps_free,
};

struct ui_ds *ui_ds_plans_new(struct app *a)
{
	struct plans_ds *p = calloc(1, sizeof *p);

	if (!p)
		return NULL;
	p->base.ops = &plans_ops;
	p->a = a;
	return &p->base;
}
