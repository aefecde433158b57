/*
 * view_actions.c — 2: actions across every plan, open ones by default,
 * filtered by owner, by plan, by overdue, or by any text with `/`.  `x`
 * ticks one done (closed today) or opens it again.  Rows are read a batch
 * at a time as the list needs them (ds_scan), never the whole table.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/store/scan.h"
#include "plandesk/base/text.h"
#include "plandesk/meetings/track.h"
#include "edit.h"
#include "form.h"
#include "list.h"
#include "recfmt.h"
#include "views.h"

static const struct ui_col action_cols[] = {
	{ NULL, 3, 0 },
	{ "Due", 10, 0 },
	{ "Owner", 14, UI_COL_DROP },
	{ "Item", 10, UI_COL_DROP },
	{ "Action", 0, 0 },
};

static const struct ui_binding actions_bindings[] = {
	{ 'x',      UI_C_DONE,    "tick the action done (closed today), or open it again" },
	{ UI_ENTER, UI_C_OPEN,    "open the action's item" },
	{ 'e',      UI_C_EDIT,    "edit the action" },
	{ 'E',      UI_C_EDITOR,  "edit its text in $VISUAL/$EDITOR" },
	{ 'd',      UI_C_DELETE,  "delete the action (asks first)" },
	{ 'C',      UI_C_MARK,    "mark the action confidential (again: not)" },
	{ 'o',      UI_C_OWNER,   "only actions of an owner (name or initials; empty: all)" },
	{ 'p',      UI_C_PLAN,    "only actions of a plan (its ref; empty: all)" },
	{ '!',      UI_C_OVERDUE, "only overdue actions ([!]), or all again" },
	{ 'A',      UI_C_ALL,     "open actions only, or done and dropped ones too" },
	{ 's',      UI_C_SORT,    "group by owner, by due date, by plan, or as entered" },
	{ 'a',      UI_C_ADD,     "add an action (to an item: opens the Plans view)" },
	{ 0, UI_C_NONE, NULL },
};
const struct ui_keymap ui_keys_actions = { .title = "Actions", .b = actions_bindings };

struct actions_view {
	struct view    base;
	struct ui_list list;
	struct app    *a;
	bool           all;        /* done and dropped too */
	bool           overdue;
	char          *owner;      /* folded owner filter, or NULL */
	char           owner_text[64];
	uint64_t       plan;       /* plan filter, or 0 */
	char           plan_ref[32];
	int            sort;       /* 0 as entered, then enum sort_by */
};

enum sort_by { BY_NONE, BY_OWNER, BY_DUE, BY_PLAN, NSORTS };
static const char *const sort_names[NSORTS] = { "", ", by owner", ", by due date", ", by plan" };

static uint64_t plan_of_item(struct pd_txn *txn, uint64_t item, char *ref, size_t n)
{
	struct pd_record it;
	uint64_t plan = 0;

	if (ref && n)
		ref[0] = '\0';
	pd_record_init(&it, PD_ITEM);
	if (pd_get(txn, PD_ITEM, item, &it, NULL) == PD_OK) {
		plan = pd_get_ref(&it, PD_ITEM_PLAN);
		if (ref)
			snprintf(ref, n, "%s", pd_get_text(&it, PD_ITEM_REF));
	}
	pd_record_clear(&it);
	return plan;
}

static bool keep(void *ctx, struct pd_txn *txn, const struct pd_record *r)
{
	struct actions_view *av = ctx;

	if (!av->all && pd_action_state(r) != PD_AS_OPEN)
		return false;
	if (av->overdue && !pd_action_overdue(r, &av->a->today))
		return false;
	if (av->plan && plan_of_item(txn, pd_get_ref(r, PD_ACTION_ITEM), NULL, 0) != av->plan)
		return false;
	if (av->owner) {
		char owner[256], *folded;
		bool ok;

		ui_action_owner(txn, r, owner, sizeof owner);
		if (pd_text_fold(owner, strlen(owner), &folded, NULL) != PD_OK)
			return true;
		ok = ui_match_words(folded, av->owner);
		free(folded);
		return ok;
	}
	return true;
}

static void fmt(void *ctx, struct pd_txn *txn, const struct pd_record *r,
		struct ui_row *row)
{
	struct actions_view *av = ctx;
	enum pd_action_state st = pd_action_state(r);
	char owner[256], ref[64], plan[64], text[UI_CELL];
	uint64_t pid = plan_of_item(txn, pd_get_ref(r, PD_ACTION_ITEM), ref, sizeof ref);
	struct pd_record p;

	plan[0] = '\0';
	pd_record_init(&p, PD_PLAN);
	if (pd_get(txn, PD_PLAN, pid, &p, NULL) == PD_OK)
		snprintf(plan, sizeof plan, "%s", pd_get_text(&p, PD_PLAN_REF));
	pd_record_clear(&p);
	ui_row_text(row, 0, st == PD_AS_DONE ? "[x]" : st == PD_AS_DROPPED ? "[-]" : "[ ]");
	ui_row_text(row, 1, pd_get_text(r, PD_ACTION_DUE));
	if (pd_action_overdue(r, &av->a->today)) {
		ui_row_text(row, 0, "[!]");   /* overdue, in words as well as colour */
		row->cell_role[0] = UI_R_OVERDUE;
		row->cell_role[1] = UI_R_OVERDUE;
	}
	ui_action_owner(txn, r, owner, sizeof owner);
	ui_row_text(row, 2, owner);
	ui_row_set(row, 3, "%s %s", plan, ref);
	ui_rec_line(r, PD_ACTION_TEXT, text, sizeof text);
	ui_row_text(row, 4, text);
	if (st != PD_AS_OPEN)
		row->role = UI_R_DIM;
}

/* Undated and unowned sort last. */
static void sortkey(void *ctx, struct pd_txn *txn, const struct pd_record *r,
		    char *key, size_t n)
{
	struct actions_view *av = ctx;
	const char *due = pd_is_set(r, PD_ACTION_DUE) ? pd_get_text(r, PD_ACTION_DUE) : "9999";
	char owner[128], ref[64], plan[64] = "", *folded = NULL;
	struct pd_record p;
	uint64_t pid;

	switch (av->sort) {
	case BY_OWNER:
		ui_action_owner(txn, r, owner, sizeof owner);
		if (owner[0] && pd_text_fold(owner, strlen(owner), &folded, NULL) == PD_OK) {
			snprintf(key, n, "%.36s\t%s", folded, due);
			free(folded);
		} else {
			snprintf(key, n, "\x7f\t%s", due);
		}
		break;
	case BY_DUE:
		snprintf(key, n, "%s", due);
		break;
	default:
		pid = plan_of_item(txn, pd_get_ref(r, PD_ACTION_ITEM), ref, sizeof ref);
		pd_record_init(&p, PD_PLAN);
		if (pd_get(txn, PD_PLAN, pid, &p, NULL) == PD_OK)
			snprintf(plan, sizeof plan, "%s", pd_get_text(&p, PD_PLAN_REF));
		pd_record_clear(&p);
		snprintf(key, n, "%.16s\t%.16s\t%s", plan, ref, due);
		break;
	}
}

/* The filters changed: read the rows again from the top. */
static void refilter(struct actions_view *av, struct app *a)
{
	av->list.ds->ops->reset(av->list.ds);
	av->list.sel = av->list.top = 0;
	(void)a;
}

static void av_draw(struct view *v, struct app *a, int y, int h, int w)
{
	struct actions_view *av = (struct actions_view *)v;
	struct pd_txn *txn = app_txn(a);

	if (!txn)
		return;
	ui_list_draw(&av->list, a, txn, y, 0, h, w);
	pd_txn_end(txn);
}

static int owner_done(struct app *a, void *ctx, const char *text, int how)
{
	struct actions_view *av = ctx;
	char *folded = NULL;

	if (how != UI_ENTER)
		return UI_REDRAW;
	if (*text && pd_text_fold(text, strlen(text), &folded, NULL) != PD_OK)
		return UI_REDRAW;
	free(av->owner);
	av->owner = folded;
	snprintf(av->owner_text, sizeof av->owner_text, "%s", text);
	refilter(av, a);
	return UI_REDRAW;
}

static int plan_done(struct app *a, void *ctx, const char *text, int how)
{
	struct actions_view *av = ctx;
	struct pd_txn *txn;
	uint64_t id = 0;

	if (how != UI_ENTER)
		return UI_REDRAW;
	if (*text) {
		if (!(txn = app_txn(a)))
			return UI_REDRAW;
		if (pd_find_plan(txn, text, &id) != PD_OK)
			app_msg(a, UI_R_ERROR, "No plan with ref \"%s\"", text);
		pd_txn_end(txn);
		if (!id)
			return UI_REDRAW;
	}
	av->plan = id;
	snprintf(av->plan_ref, sizeof av->plan_ref, "%s", text);
	refilter(av, a);
	return UI_REDRAW;
}

static int av_key(struct view *v, struct app *a, int key)
{
	struct actions_view *av = (struct actions_view *)v;
	struct ui_row *sel;
	enum ui_cmd cmd;
	int res;

	if ((res = ui_list_key(&av->list, a, key)) != UI_UNHANDLED)
		return res;
	if ((cmd = ui_keymap_find(&ui_keys_actions, key)) == UI_C_NONE)
		return UI_UNHANDLED;
	switch (cmd) {
	case UI_C_OWNER:
		app_prompt_line(a, "Owner (name or initials; empty for all): ",
				av->owner_text, NULL, owner_done, av);
		return UI_REDRAW;
	case UI_C_PLAN:
		app_prompt_line(a, "Plan ref (empty for all): ", av->plan_ref, NULL,
				plan_done, av);
		return UI_REDRAW;
	case UI_C_OVERDUE:
		av->overdue = !av->overdue;
		refilter(av, a);
		return UI_REDRAW;
	case UI_C_ALL:
		av->all = !av->all;
		refilter(av, a);
		return UI_REDRAW;
	case UI_C_SORT:
		av->sort = (av->sort + 1) % NSORTS;
		ui_ds_scan_sort(av->list.ds, av->sort ? sortkey : NULL);
		refilter(av, a);
		return UI_REDRAW;
	case UI_C_ADD:
		app_msg(a, UI_R_STATUS, "Actions belong to an item: open one in Plans (1) "
			"and press a there");
		return UI_REDRAW;
	default:
		break;
	}
	if (!(sel = malloc(sizeof *sel)))
		return UI_NOTHING;
	if (ui_list_selected(&av->list, a, sel) != PD_OK || sel->kind != PD_ACTION) {
		free(sel);
		app_msg(a, UI_R_STATUS, "No action selected");
		return UI_REDRAW;
	}
	switch (cmd) {
	case UI_C_DONE:   res = ui_action_toggle(a, sel->id); break;
	case UI_C_OPEN:   res = app_open(a, PD_ACTION, sel->id); break;
	case UI_C_EDIT:   res = app_push(a, ui_form_new(a, PD_ACTION, sel->id, NULL)); break;
	case UI_C_EDITOR: res = ui_edit_long(a, PD_ACTION, sel->id, PD_ACTION_TEXT); break;
	case UI_C_DELETE: res = ui_delete_ask(a, PD_ACTION, sel->id); break;
	case UI_C_MARK:   res = ui_mark_toggle(a, PD_ACTION, sel->id); break;
	default:          res = UI_UNHANDLED; break;
	}
	free(sel);
	return res;
}

static void av_title(struct view *v, struct app *a, char *buf, size_t n)
{
	struct actions_view *av = (struct actions_view *)v;

	(void)a;
	snprintf(buf, n, "Actions: %s%s%s%s%s%s%s%s", av->all ? "all" : "open",
		 av->overdue ? ", overdue" : "", av->owner ? ", owner " : "",
		 av->owner ? av->owner_text : "", av->plan ? ", plan " : "",
		 av->plan ? av->plan_ref : "",
		 av->list.query[0] ? ", matching /" : "", sort_names[av->sort]);
}

static void av_reload(struct view *v, struct app *a)
{
	ui_list_reload(&((struct actions_view *)v)->list, a);
}

static void av_destroy(struct view *v)
{
	struct actions_view *av = (struct actions_view *)v;

	ui_list_free(&av->list);
	free(av->owner);
	free(av);
}

static const struct view_ops actions_ops = {
	.name = "actions",
	.keys = &ui_keys_actions,
	.list = true,
	.draw = av_draw,
	.key = av_key,
	.title = av_title,
	.reload = av_reload,
	.destroy = av_destroy,
};

struct view *view_actions_new(struct app *a)
{
	struct actions_view *av = calloc(1, sizeof *av);
	struct pd_scan scan;
	struct ui_ds *ds;

	if (!av)
		return NULL;
	av->a = a;
	pd_scan_kind(&scan, PD_ACTION, 0);
	if (!(ds = ui_ds_scan_new(&scan, 1, keep, fmt, av))) {
		free(av);
		return NULL;
	}
	av->base.ops = &actions_ops;
	ui_list_init(&av->list, ds, action_cols, 5);
	av->list.header = true;
	av->list.indent_col = -1;
	av->list.empty = "No actions here (A shows done ones too; o, p, ! change the filter)";
	return &av->base;
}
