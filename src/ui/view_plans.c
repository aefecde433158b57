/*
 * view_plans.c — 1: the plans, each with its counts by status and its
 * overdue targets; expanded, its themes, items and sub-items with their
 * status shown by colour and by a mark.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ds_plans.h"
#include "edit.h"
#include "form.h"
#include "list.h"
#include "views.h"

static const struct ui_col plan_cols[] = {
	{ NULL, 2, 0 },
	{ "Plan / theme / item", 0, 0 },
	{ "Status", 16, UI_COL_DROP },
	{ "Target", 16, UI_COL_DROP },
};

static const struct ui_binding plans_bindings[] = {
	{ UI_ENTER,         UI_C_OPEN,     "open an item; expand or collapse a plan" },
	{ 'l',              UI_C_EXPAND,   "expand the plan (also Right)" },
	{ UI_FN(KEY_RIGHT), UI_C_EXPAND,   NULL },
	{ 'h',              UI_C_COLLAPSE, "collapse the plan (also Left)" },
	{ UI_FN(KEY_LEFT),  UI_C_COLLAPSE, NULL },
	{ 'a',              UI_C_ADD,      "add a plan, item, sub-item, meeting, action or update" },
	{ 'e',              UI_C_EDIT,     "edit the selected plan, theme or item" },
	{ 'E',              UI_C_EDITOR,   "edit its long text in $VISUAL/$EDITOR" },
	{ 's',              UI_C_STATUS,   "set the item's status (one key)" },
	{ 'm',              UI_C_MEETING,  "start (or carry on) a meeting of this plan in meeting mode" },
	{ 'd',              UI_C_DELETE,   "delete the selected record (asks first)" },
	{ 0, UI_C_NONE, NULL },
};
const struct ui_keymap ui_keys_plans = { .title = "Plans", .b = plans_bindings };

struct plans_view {
	struct view    base;
	struct ui_list list;
	bool           first;
};

static void pv_draw(struct view *v, struct app *a, int y, int h, int w)
{
	struct plans_view *pv = (struct plans_view *)v;
	struct pd_txn *txn = app_txn(a);

	if (!txn)
		return;
	if (pv->first) {
		/* One plan: show it open. */
		size_t n = 0;
		pv->first = false;
		if (pd_count_kind(txn, PD_PLAN, &n) == PD_OK && n == 1) {
			struct ui_span sp;
			pv->list.ds->ops->span(pv->list.ds, txn, 1, &sp, NULL);
			ui_ds_plans_expand(pv->list.ds, ui_ds_plans_plan_of(pv->list.ds, 0), true);
		}
	}
	ui_list_draw(&pv->list, a, txn, y, 0, h, w);
	pd_txn_end(txn);
}

static void expand(struct plans_view *pv, struct app *a, uint64_t plan, bool open)
{
	ui_ds_plans_expand(pv->list.ds, plan, open);
	ui_list_select_id(&pv->list, a, PD_PLAN, plan);
}

static int add_done(struct app *a, void *ctx, const char *text, int how)
{
	struct ui_row *sel = ctx;
	uint64_t plan = sel->id;
	int kind = sel->kind, res = UI_REDRAW;

	(void)text;
	free(sel);
	if (how == 'p')
		return ui_form_add(a, PD_PLAN, 0, false);
	if (kind != PD_PLAN) {
		/* The plan of an item or theme row. */
		struct pd_txn *txn = app_txn(a);
		struct pd_record r;
		if (!txn)
			return UI_REDRAW;
		pd_record_init(&r, (enum pd_kind)kind);
		if (pd_get(txn, (enum pd_kind)kind, plan, &r, NULL) == PD_OK)
			plan = pd_get_ref(&r, kind == PD_ITEM ? PD_ITEM_PLAN : PD_THEME_PLAN);
		pd_record_clear(&r);
		pd_txn_end(txn);
	}
	switch (how) {
	case 'i': res = ui_form_add(a, PD_ITEM, plan, false); break;
	case 't': res = ui_form_add(a, PD_THEME, plan, false); break;
	case 'm': res = ui_form_add(a, PD_MEETING, plan, false); break;
	default: break;
	}
	return res;
}

static int add(struct plans_view *pv, struct app *a, const struct ui_row *sel)
{
	struct ui_row *copy;

	(void)pv;
	if (!sel->id)
		return ui_form_add(a, PD_PLAN, 0, false);
	if (!(copy = malloc(sizeof *copy)))
		return UI_NOTHING;
	*copy = *sel;
	app_choose(a, "Add:", "p plan  i item  t theme  m meeting  Esc nothing", "pitm", add_done, copy);
	return UI_REDRAW;
}

static int item_add_done(struct app *a, void *ctx, const char *text, int how)
{
	uint64_t *item = ctx, id = *item;

	(void)text;
	free(item);
	switch (how) {
	case 's': return ui_form_add(a, PD_ITEM, id, true);
	case 'a': return ui_form_add(a, PD_ACTION, id, false);
	case 'u': return ui_form_add(a, PD_UPDATE, id, false);
	case 'i': {
		struct pd_txn *txn = app_txn(a);
		struct pd_record r;
		uint64_t plan = 0;
		if (!txn)
			return UI_REDRAW;
		pd_record_init(&r, PD_ITEM);
		if (pd_get(txn, PD_ITEM, id, &r, NULL) == PD_OK)
			plan = pd_get_ref(&r, PD_ITEM_PLAN);
		pd_record_clear(&r);
		pd_txn_end(txn);
		return ui_form_add(a, PD_ITEM, plan, false);
	}
	default:
		return UI_REDRAW;
	}
}

static int pv_key(struct view *v, struct app *a, int key)
{
	struct plans_view *pv = (struct plans_view *)v;
	struct ui_row *sel;
	enum ui_cmd cmd;
	int res;

	if (ui_keymap_find(&ui_keys_list, key) == UI_C_FILTER) {
		/* Find reaches every item: open every plan first. */
		struct pd_txn *txn = app_txn(a);
		if (txn) {
			ui_ds_plans_expand_all(pv->list.ds, txn);
			pd_txn_end(txn);
			ui_list_select_id(&pv->list, a, pv->list.sel_kind, pv->list.sel_id);
		}
	}
	if ((res = ui_list_key(&pv->list, a, key)) != UI_UNHANDLED)
		return res;
	if ((cmd = ui_keymap_find(&ui_keys_plans, key)) == UI_C_NONE)
		return UI_UNHANDLED;
	if (!(sel = malloc(sizeof *sel)))
		return UI_NOTHING;
	if (ui_list_selected(&pv->list, a, sel) != PD_OK)
		ui_row_clear(sel);
	uint64_t plan = ui_ds_plans_plan_of(pv->list.ds, pv->list.sel);
	res = UI_REDRAW;
	switch (cmd) {
	case UI_C_OPEN:
		if (sel->kind == PD_ITEM)
			res = app_open(a, PD_ITEM, sel->id);
		else if (sel->kind == PD_PLAN)
			expand(pv, a, plan, !ui_ds_plans_expanded(pv->list.ds, plan));
		break;
	case UI_C_EXPAND:
		if (sel->kind == PD_PLAN)
			expand(pv, a, plan, true);
		else if (sel->kind == PD_ITEM)
			res = app_open(a, PD_ITEM, sel->id);
		break;
	case UI_C_COLLAPSE:
		if (plan)
			expand(pv, a, plan, false);
		break;
	case UI_C_ADD:
		if (sel->kind == PD_ITEM) {
			uint64_t *id = malloc(sizeof *id);
			if (id) {
				*id = sel->id;
				app_choose(a, "Add:", "a action  u update  s sub-item  i item  Esc nothing",
					   "ausi", item_add_done, id);
			}
		} else {
			res = add(pv, a, sel);
		}
		break;
	case UI_C_EDIT:
		if (sel->id)
			res = app_push(a, ui_form_new(a, (enum pd_kind)sel->kind, sel->id, NULL));
		break;
	case UI_C_EDITOR:
		if (sel->kind == PD_PLAN)
			res = ui_edit_long(a, PD_PLAN, sel->id, PD_PLAN_BODY);
		else if (sel->kind == PD_ITEM)
			res = ui_edit_long(a, PD_ITEM, sel->id, PD_ITEM_DESCRIPTION);
		break;
	case UI_C_STATUS:
		if (sel->kind == PD_ITEM)
			res = ui_status_ask(a, sel->id);
		else
			app_msg(a, UI_R_STATUS, "s sets an item's status: select an item");
		break;
	case UI_C_DELETE:
		res = ui_delete_ask(a, sel->kind, sel->id);
		break;
	case UI_C_MEETING:
		res = plan ? ui_meeting_start(a, plan) : UI_REDRAW;
		break;
	default:
		res = UI_UNHANDLED;
		break;
	}
	free(sel);
	return res;
}

static void pv_title(struct view *v, struct app *a, char *buf, size_t n)
{
	(void)v; (void)a;
	snprintf(buf, n, "Plans");
}

static void pv_reload(struct view *v, struct app *a)
{
	ui_list_reload(&((struct plans_view *)v)->list, a);
}

static void pv_destroy(struct view *v)
{
	ui_list_free(&((struct plans_view *)v)->list);
	free(v);
}

static const struct view_ops plans_ops = {
	.name = "plans",
	.keys = &ui_keys_plans,
	.list = true,
	.draw = pv_draw,
	.key = pv_key,
	.title = pv_title,
	.reload = pv_reload,
	.destroy = pv_destroy,
};

struct view *view_plans_new(struct app *a)
{
	struct plans_view *pv = calloc(1, sizeof *pv);
	struct ui_ds *ds;

	if (!pv || !(ds = ui_ds_plans_new(a))) {
		free(pv);
		return NULL;
	}
	pv->base.ops = &plans_ops;
	ui_list_init(&pv->list, ds, plan_cols, 4);
	pv->list.header = true;
	pv->list.indent_col = 1;
	pv->list.empty = "No plans yet: a adds one, :import plans FILE imports them";
	pv->first = true;
	return &pv->base;
}

void view_plans_focus(struct view *v, struct app *a, uint64_t plan)
{
	struct plans_view *pv = (struct plans_view *)v;

	ui_list_select_id(&pv->list, a, PD_PLAN, plan);
}
