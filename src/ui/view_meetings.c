/*
 * view_meetings.c — 3: every meeting by date, newest first (the
 * meetings-by-date index, read a batch at a time).  Enter shows one.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/meetings/meeting.h"
#include "plandesk/store/scan.h"
#include "edit.h"
#include "form.h"
#include "list.h"
#include "recfmt.h"
#include "views.h"

static const struct ui_col meeting_cols[] = {
	{ "Date", 10, 0 },
	{ "Plan", 8, 0 },
	{ "Meeting", 0, 0 },
	{ "Where", 18, UI_COL_DROP },
	{ "Came", 12, UI_COL_DROP },
};

static const struct ui_binding meetings_bindings[] = {
	{ UI_ENTER, UI_C_OPEN,   "show the meeting: attendance, updates, actions" },
	{ 'm',      UI_C_MEETING, "meeting mode: attendance, then notes item by item" },
	{ 's',      UI_C_PLAN,   "start a meeting (asks the plan, date, place) in meeting mode" },
	{ 'a',      UI_C_ADD,    "add a meeting (asks for the plan)" },
	{ 'e',      UI_C_EDIT,   "edit the meeting" },
	{ 'E',      UI_C_EDITOR, "edit its notes in $VISUAL/$EDITOR" },
	{ 'd',      UI_C_DELETE, "delete the meeting (asks first)" },
	{ 0, UI_C_NONE, NULL },
};
const struct ui_keymap ui_keys_meetings = { .title = "Meetings", .b = meetings_bindings };

struct meetings_view {
	struct view    base;
	struct ui_list list;
};

static void fmt(void *ctx, struct pd_txn *txn, const struct pd_record *r,
		struct ui_row *row)
{
	struct pd_record p;
	size_t present, apologies;

	(void)ctx;
	pd_meeting_counts(r, &present, &apologies);
	ui_row_text(row, 0, pd_get_text(r, PD_MEETING_DATE));
	pd_record_init(&p, PD_PLAN);
	if (pd_get(txn, PD_PLAN, pd_get_ref(r, PD_MEETING_PLAN), &p, NULL) == PD_OK)
		ui_row_text(row, 1, pd_get_text(&p, PD_PLAN_REF));
	pd_record_clear(&p);
	ui_row_text(row, 2, pd_is_set(r, PD_MEETING_TITLE) ? pd_get_text(r, PD_MEETING_TITLE)
			     : "(untitled)");
	ui_row_text(row, 3, pd_get_text(r, PD_MEETING_LOCATION));
	if (present || apologies)
		ui_row_set(row, 4, "%zu, %zu apol.", present, apologies);
}

static void mv_draw(struct view *v, struct app *a, int y, int h, int w)
{
	struct meetings_view *mv = (struct meetings_view *)v;
	struct pd_txn *txn = app_txn(a);

	if (!txn)
		return;
	ui_list_draw(&mv->list, a, txn, y, 0, h, w);
	pd_txn_end(txn);
}

static int plan_done(struct app *a, void *ctx, const char *text, int how)
{
	struct pd_txn *txn;
	uint64_t plan = 0;

	(void)ctx;
	if (how != UI_ENTER || !*text)
		return UI_REDRAW;
	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	if (pd_find_plan(txn, text, &plan) != PD_OK)
		app_msg(a, UI_R_ERROR, "No plan with ref \"%s\"", text);
	pd_txn_end(txn);
	return plan ? ui_form_add(a, PD_MEETING, plan, false) : UI_REDRAW;
}

static int mv_key(struct view *v, struct app *a, int key)
{
	struct meetings_view *mv = (struct meetings_view *)v;
	struct ui_row *sel;
	enum ui_cmd cmd;
	int res;

	if ((res = ui_list_key(&mv->list, a, key)) != UI_UNHANDLED)
		return res;
	if ((cmd = ui_keymap_find(&ui_keys_meetings, key)) == UI_C_NONE)
		return UI_UNHANDLED;
	if (cmd == UI_C_PLAN)
		return ui_meeting_start(a, 0);
	if (cmd == UI_C_ADD) {
		app_prompt_line(a, "New meeting of plan (ref): ", NULL, NULL, plan_done, NULL);
		return UI_REDRAW;
	}
	if (!(sel = malloc(sizeof *sel)))
		return UI_NOTHING;
	if (ui_list_selected(&mv->list, a, sel) != PD_OK || sel->kind != PD_MEETING) {
		free(sel);
		return UI_REDRAW;
	}
	switch (cmd) {
	case UI_C_OPEN:   res = app_open(a, PD_MEETING, sel->id); break;
	case UI_C_MEETING: res = ui_meeting_run(a, sel->id); break;
	case UI_C_EDIT:   res = app_push(a, ui_form_new(a, PD_MEETING, sel->id, NULL)); break;
	case UI_C_EDITOR: res = ui_edit_long(a, PD_MEETING, sel->id, PD_MEETING_NOTES); break;
	case UI_C_DELETE: res = ui_delete_ask(a, PD_MEETING, sel->id); break;
	default:          res = UI_UNHANDLED; break;
	}
	free(sel);
	return res;
}

static void mv_title(struct view *v, struct app *a, char *buf, size_t n)
{
	(void)v; (void)a;
	snprintf(buf, n, "Meetings, newest first");
}

static void mv_reload(struct view *v, struct app *a)
{
	ui_list_reload(&((struct meetings_view *)v)->list, a);
}

static void mv_destroy(struct view *v)
{
	ui_list_free(&((struct meetings_view *)v)->list);
	free(v);
}

static const struct view_ops meetings_ops = {
	.name = "meetings",
	.keys = &ui_keys_meetings,
	.list = true,
	.draw = mv_draw,
	.key = mv_key,
	.title = mv_title,
	.reload = mv_reload,
	.destroy = mv_destroy,
};

struct view *view_meetings_new(struct app *a)
{
	struct meetings_view *mv = calloc(1, sizeof *mv);
	struct pd_scan scan;
	struct ui_ds *ds;

	(void)a;
	if (!mv)
		return NULL;
	pd_scan_index(&scan, PD_IX_MEETINGS_BY_DATE, 0, PD_CUR_REVERSE);
	if (!(ds = ui_ds_scan_new(&scan, 1, NULL, fmt, mv))) {
		free(mv);
		return NULL;
	}
	mv->base.ops = &meetings_ops;
	ui_list_init(&mv->list, ds, meeting_cols, 5);
	mv->list.header = true;
	mv->list.indent_col = -1;
	mv->list.empty = "No meetings yet: a adds one";
	return &mv->base;
}
