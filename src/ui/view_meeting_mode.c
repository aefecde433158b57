/*
 * view_meeting_mode.c — meeting mode: the attendance page, then the
 * agenda walked one item at a time with the entry line at the bottom
 * always ready.
 *
 * The entry line takes every printable key, so the commands sit on keys
 * that typing never produces: Enter saves the line (one committed write);
 * Tab/PgDn and Shift-Tab/PgUp move between items, Ctrl-G
 * goes to an item by ref; Up/Down select a to-do or a line typed here,
 * Ctrl-T turns it from a note into an action or back, Ctrl-X ticks a
 * to-do; Ctrl-O is the attendance page; F10 ends the meeting; Esc leaves.
 * Only on an empty line do 1-4 set the item's status (0 clears), `?` show
 * the help and `:` open the command line: to begin a note with one of
 * them, type a space first (leading spaces are not kept).
 *
 * Nothing typed is lost: the half-typed line is kept in the database's
 * drafts after a few seconds without a key (the tick), whenever the view
 * goes away — leaving meeting mode, quitting, and on SIGHUP/SIGTERM, whose
 * handler only sets a flag that ends the main loop, which then frees the
 * views — and is put back in the entry line when the meeting is opened
 * again.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plandesk/scale.h"
#include "plandesk/track.h"
#include "cmdline.h"
#include "meeting_mode_impl.h"
#include "views.h"

#define IDLE_MS 2000   /* keep the draft after this long without a key */

static const struct ui_binding mm_bindings[] = {
	{ UI_ENTER,         UI_C_ADD,     "save the line: a note, or an action (\"KP to …\")" },
	{ UI_TAB,           UI_C_NEXT,    "next item (from attendance: the first)" },
	{ UI_FN(KEY_NPAGE), UI_C_NEXT,    NULL },
	{ UI_FN(KEY_BTAB),  UI_C_PREV,    "previous item (before the first: attendance)" },
	{ UI_FN(KEY_PPAGE), UI_C_PREV,    NULL },
	{ UI_CTRL('G'),     UI_C_FILTER,  "go to an item by its ref" },
	{ UI_FN(KEY_DOWN),  UI_C_DOWN,    "select the next to-do or line typed here" },
	{ UI_FN(KEY_UP),    UI_C_UP,      "select the previous one" },
	{ UI_CTRL('T'),     UI_C_EDIT,    "turn the selected note into an action, or back" },
	{ UI_CTRL('X'),     UI_C_DONE,    "tick the selected to-do; attendance: apologies" },
	{ '1',              UI_C_STATUS,  "on an empty line: the item's status (0 clears)" },
	{ '2',              UI_C_STATUS,  NULL },
	{ '3',              UI_C_STATUS,  NULL },
	{ '4',              UI_C_STATUS,  NULL },
	{ '0',              UI_C_STATUS,  NULL },
	{ UI_CTRL('O'),     UI_C_OWNER,   "attendance: who is here, who sent apologies" },
	{ UI_FN(KEY_F(10)), UI_C_SAVE,    "end the meeting: next date, then a summary" },
	{ UI_CTRL('_'),     UI_C_UNDO,    "undo the last change (Ctrl-/)" },
	{ UI_ESC,           UI_C_BACK,    "leave meeting mode (a half-typed line is kept)" },
	{ '?',              UI_C_HELP,    "on an empty line: this help (F1 anywhere)" },
	{ ':',              UI_C_COMMAND, "on an empty line: a command (:minutes FILE.html)" },
	{ 0, UI_C_NONE, NULL },
};
static const struct ui_keymap mm_keys = { "Meeting mode", mm_bindings };

static struct ui_lineedit *active_line(struct mm_view *m)
{
	return m->cur == MM_ATTEND ? &m->q : &m->le;
}

static long since_ms(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t->tv_sec) * 1000 +
	       (long)(now.tv_nsec - t->tv_nsec) / 1000000;
}

static uint64_t cur_item(const struct mm_view *m)
{
	return m->cur == MM_ATTEND || m->cur >= m->nitems ? 0 : m->items[m->cur];
}

void mm_keep_draft(struct mm_view *m, struct app *a)
{
	struct pd_err err = { 0 };
	uint64_t item = cur_item(m);
	char *copy;

	if (m->gone || pd_store_is_read_only(a->st) ||
	    (strcmp(m->le.s, m->saved ? m->saved : "") == 0 &&
			(!m->le.n || item == m->saved_item || !item)))
		return;
	if (!item)
		item = m->saved_item;
	if (pd_draft_save(a->st, m->meeting, item, &(struct pd_draft_line){
				.item = item, .kind = -1, .text = m->le.s }, &err) != PD_OK) {
		app_error(a, "keeping the line typed so far", &err);
		return;
	}
	if ((copy = strdup(m->le.s))) {
		free(m->saved);
		m->saved = copy;
		m->saved_item = item;
	}
}

void mm_go(struct mm_view *m, struct app *a, size_t cur)
{
	if (cur != MM_ATTEND && cur >= m->nitems)
		return;
	m->cur = cur;
	m->scroll = 0;
	mm_load(m, a);
	mm_select_default(m);
}

/* --- what keys do ------------------------------------------------------------ */

static int record(struct mm_view *m, struct app *a)
{
	struct pd_recorded out;
	struct pd_err err = { 0 };
	int rc;

	if (!cur_item(m)) {
		app_msg(a, UI_R_ERROR, "This plan has no items to record against");
		return UI_REDRAW;
	}
	rc = pd_meeting_record(a->st, m->meeting, cur_item(m), m->le.s, &out, &err);
	if (rc == PD_EEMPTY) {
		app_msg(a, UI_R_STATUS, "Type a note first; Enter saves it");
		return UI_REDRAW;
	}
	if (rc != PD_OK) {
		app_error(a, "not saved", &err);
		return UI_REDRAW;
	}
	ui_le_set(&m->le, NULL);
	free(m->saved);
	m->saved = NULL;   /* the write cleared the draft too */
	m->sel_kind = (int)out.kind;
	m->sel_id = out.id;
	app_msg(a, UI_R_STATUS, "%s saved (Ctrl-T makes it %s)",
		out.kind == PD_ACTION ? "Action" : "Note",
		out.kind == PD_ACTION ? "a note" : "an action");
	return UI_RELOAD;
}

static int toggle(struct mm_view *m, struct app *a)
{
	const struct mm_line *l = mm_selected(m);
	struct pd_recorded what, out;
	struct pd_err err = { 0 };

	if (!l) {
		app_msg(a, UI_R_STATUS, "Select a line typed at this meeting first (Up/Down)");
		return UI_REDRAW;
	}
	what.kind = (enum pd_kind)l->kind;
	what.id = l->id;
	if (pd_meeting_toggle(a->st, m->meeting, &what, &out, &err) != PD_OK) {
		app_error(a, "not changed", &err);
		return UI_REDRAW;
	}
	m->sel_kind = (int)out.kind;
	m->sel_id = out.id;
	app_msg(a, UI_R_STATUS, "Now %s (Ctrl-T again turns it back)",
		out.kind == PD_ACTION ? "an action" : "a note");
	return UI_RELOAD;
}

static int tick(struct mm_view *m, struct app *a)
{
	const struct mm_line *l = mm_selected(m);
	struct pd_err err = { 0 };
	bool done;

	if (!l || l->kind != PD_ACTION) {
		app_msg(a, UI_R_STATUS, "Select a to-do first (Up/Down), then Ctrl-X ticks it");
		return UI_REDRAW;
	}
	if (pd_meeting_tick(a->st, m->meeting, l->id, &done, &err) != PD_OK) {
		app_error(a, "not ticked", &err);
		return UI_REDRAW;
	}
	app_msg(a, UI_R_STATUS, done ? "Done (Ctrl-X again opens it)" : "Open again");
	return UI_RELOAD;
}

static int set_status(struct mm_view *m, struct app *a, int n)
{
	struct pd_txn *txn = app_txn(a);
	const struct pd_scale *sc;
	const struct pd_level *lv = NULL;
	struct pd_err err = { 0 };

	if (!txn)
		return UI_REDRAW;
	sc = pd_plan_scale(txn, m->plan);
	pd_txn_end(txn);
	if (n && !(lv = pd_scale_nth(sc, n))) {
		app_msg(a, UI_R_STATUS, "This plan's scale has %d levels (0 clears)", sc->nlevels);
		return UI_REDRAW;
	}
	if (pd_meeting_set_status(a->st, m->meeting, cur_item(m), lv ? lv->code : "",
				  &err) != PD_OK) {
		app_error(a, "status not set", &err);
		return UI_REDRAW;
	}
	if (lv)
		app_msg(a, UI_R_STATUS, "Status: %s %s (to begin a note with a digit, type a "
			"space first)", lv->code, lv->label);
	else
		app_msg(a, UI_R_STATUS, "Status cleared");
	return UI_RELOAD;
}

static int goto_done(struct app *a, void *ctx, const char *text, int how)
{
	struct mm_view *m = ctx;
	struct pd_txn *txn;
	struct pd_record it;

	if (how != UI_ENTER || !*text || app_top(a) != &m->base)
		return UI_REDRAW;
	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	for (size_t i = 0; i < m->nitems; i++) {
		bool same;
		pd_record_init(&it, PD_ITEM);
		same = pd_get(txn, PD_ITEM, m->items[i], &it, NULL) == PD_OK &&
		       strcasecmp(pd_get_text(&it, PD_ITEM_REF), text) == 0;
		pd_record_clear(&it);
		if (same) {
			pd_txn_end(txn);
			mm_go(m, a, i);
			return UI_REDRAW;
		}
	}
	pd_txn_end(txn);
	app_msg(a, UI_R_ERROR, "No item \"%s\" on this plan", text);
	return UI_REDRAW;
}

static int undo(struct app *a)
{
	char label[256];
	struct pd_err err = { 0 };
	int rc = pd_store_undo(a->st, label, sizeof label, &err);

	if (rc == PD_EEMPTY) {
		app_msg(a, UI_R_STATUS, "Nothing to undo");
		return UI_REDRAW;
	}
	if (rc != PD_OK) {
		app_error(a, "undo", &err);
		return UI_REDRAW;
	}
	app_msg(a, UI_R_STATUS, "Undone: %s  (Ctrl-R redoes it)", label);
	return UI_RELOAD;
}

static int leave_done(struct app *a, void *ctx, const char *text, int how)
{
	struct mm_view *m = ctx;

	(void)text;
	if (app_top(a) != &m->base)
		return UI_REDRAW;
	if (how == 'e')
		return mm_end_ask(m, a);
	if (how == 'l')
		return UI_POP;
	return UI_REDRAW;
}

static int summary_key(struct mm_view *m, struct app *a, int key)
{
	switch (key) {
	case UI_ENTER:
		m->ended = false;
		return UI_REDRAW;
	case UI_ESC: case 'q':
		return UI_POP;
	case ':':
		ui_cmdline_start(a);
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

static bool printable(int key)
{
	return key >= 32 && key != 127 && key < UI_FN(0);
}

/* Keys that are commands when the line is empty (ASCII only). */
static bool empty_line_key(const struct mm_view *m, int key)
{
	if (key >= 128 || !strchr(m->cur == MM_ATTEND ? "?:" : "01234?:", key))
		return false;
	return key != '\0';
}

static int mm_key(struct view *v, struct app *a, int key)
{
	struct mm_view *m = (struct mm_view *)v;
	struct ui_lineedit *line = active_line(m);
	enum ui_cmd cmd;
	int res;

	if (m->ended)
		return summary_key(m, a, key);
	if (m->cur == MM_ATTEND && (res = mm_attend_key(m, a, key)) != UI_UNHANDLED)
		return res;
	/* Printable keys are text, except a few on an empty line. */
	if (printable(key) && (line->n || !empty_line_key(m, key)))
		cmd = UI_C_NONE;
	else
		cmd = ui_keymap_find(&mm_keys, key);
	switch (cmd) {
	case UI_C_ADD:
		return m->cur == MM_ATTEND ? UI_REDRAW : record(m, a);
	case UI_C_NEXT:
		if (m->cur == MM_ATTEND)
			mm_go(m, a, 0);
		else if (m->cur + 1 < m->nitems)
			mm_go(m, a, m->cur + 1);
		else
			app_msg(a, UI_R_STATUS, "That was the last item: F10 ends the meeting");
		return UI_REDRAW;
	case UI_C_PREV:
		if (m->cur != MM_ATTEND)
			mm_go(m, a, m->cur ? m->cur - 1 : MM_ATTEND);
		return UI_REDRAW;
	case UI_C_FILTER:
		app_prompt_line(a, "Go to item (ref): ", NULL, NULL, goto_done, m);
		return UI_REDRAW;
	case UI_C_DOWN: case UI_C_UP:
		mm_select_step(m, cmd == UI_C_DOWN ? 1 : -1);
		return UI_REDRAW;
	case UI_C_EDIT:
		return m->cur == MM_ATTEND ? UI_REDRAW : toggle(m, a);
	case UI_C_DONE:
		return m->cur == MM_ATTEND ? UI_REDRAW : tick(m, a);
	case UI_C_STATUS:
		return m->cur == MM_ATTEND ? UI_REDRAW : set_status(m, a, key - '0');
	case UI_C_OWNER:
		mm_go(m, a, MM_ATTEND);
		return UI_REDRAW;
	case UI_C_SAVE:
		return mm_end_ask(m, a);
	case UI_C_UNDO:
		return undo(a);
	case UI_C_BACK:
		app_choose(a, "Leave meeting mode: e end the meeting (next date)  "
			   "l leave for now  Esc stay ", "el", leave_done, m);
		return UI_REDRAW;
	case UI_C_HELP:
		return app_push(a, view_help_new(a, v));
	case UI_C_COMMAND:
		ui_cmdline_start(a);
		return UI_REDRAW;
	default:
		break;
	}
	if (m->cur == MM_ATTEND)
		return UI_UNHANDLED;
	switch (ui_le_key(&m->le, key)) {
	case UI_LE_CHANGED:
		clock_gettime(CLOCK_MONOTONIC, &m->last_edit);
		return UI_REDRAW;
	case UI_LE_MOVED:
		return UI_REDRAW;
	default:
		/* Keys meant for everywhere: F1, Ctrl-L, Ctrl-R. */
		return printable(key) ? UI_NOTHING : UI_UNHANDLED;
	}
}

/* --- the view ------------------------------------------------------------------ */

static void mm_draw(struct view *v, struct app *a, int y, int h, int w)
{
	struct mm_view *m = (struct mm_view *)v;

	if (m->ended)
		mm_draw_summary(m, a, y, h, w);
	else if (m->cur == MM_ATTEND)
		mm_draw_attend(m, a, y, h, w);
	else
		mm_draw_agenda(m, a, y, h, w);
	/* The usual hints (q back, 1-4 views) do not hold here. */
	if (!a->msg[0] && a->prompt.kind == UI_PR_NONE)
		app_msg(a, UI_R_DIM, "%s", m->ended ? "Enter agenda  q leave  : command" :
			m->cur == MM_ATTEND ? "Enter present  ^X apologies  Tab agenda  "
			"F10 end  Esc leave  F1 help" :
			"Enter save  Tab next  ^T note/action  ^X tick  F10 end  "
			"Esc leave  F1 help");
}

static void mm_title(struct view *v, struct app *a, char *buf, size_t n)
{
	struct mm_view *m = (struct mm_view *)v;

	(void)a;
	if (m->cur == MM_ATTEND || m->ended)
		snprintf(buf, n, "Meeting %s, %s", m->plan_ref, m->date_long);
	else
		snprintf(buf, n, "Meeting %s, %s \xc2\xb7 item %zu/%zu", m->plan_ref,
			 m->date_long, m->cur + 1, m->nitems);
}

static void mm_reload(struct view *v, struct app *a)
{
	struct mm_view *m = (struct mm_view *)v;

	mm_load(m, a);
	if (!mm_selected(m))
		mm_select_default(m);
}

/* Idle ticks (and after each key): keep the draft once typing pauses. */
static void mm_tick(struct view *v, struct app *a)
{
	struct mm_view *m = (struct mm_view *)v;

	if (since_ms(&m->last_edit) >= m->idle_ms)
		mm_keep_draft(m, a);
}

static void mm_destroy(struct view *v)
{
	struct mm_view *m = (struct mm_view *)v;

	/* Leaving, quitting, SIGHUP/SIGTERM: keep what was being typed. */
	mm_keep_draft(m, m->app);
	mm_lines_free(m);
	free(m->lines);
	free(m->items);
	free(m->saved);
	ui_le_free(&m->le);
	ui_le_free(&m->q);
	free(m);
}

static const struct view_ops mm_ops = {
	.name = MM_NAME,
	.keys = &mm_keys,
	.list = false,
	.draw = mm_draw,
	.key = mm_key,
	.title = mm_title,
	.reload = mm_reload,
	.tick = mm_tick,
	.destroy = mm_destroy,
};

/* Put a kept draft back in the entry line, at the item it was typed at. */
static void restore_draft(struct mm_view *m, struct app *a)
{
	struct pd_draft d;
	uint64_t item;

	if (pd_draft_load(a->st, m->meeting, &d, NULL) != PD_OK)
		return;
	if (!d.n) {
		pd_draft_free(&d);
		return;
	}
	item = d.lines[0].item;
	ui_le_set(&m->le, d.lines[0].text);
	m->saved = d.lines[0].text;
	d.lines[0].text = NULL;
	pd_draft_free(&d);
	m->saved_item = item;
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i] == item)
			m->cur = i;
	if (m->cur == MM_ATTEND && m->nitems)
		m->cur = 0;
	app_msg(a, UI_R_STATUS, "The line you were typing is back: Enter saves it, "
		"Ctrl-U clears it");
}

struct view *view_meeting_mode_new(struct app *a, uint64_t meeting)
{
	struct mm_view *m = calloc(1, sizeof *m);
	const char *idle = getenv("PLANDESK_DRAFT_IDLE_MS");

	if (!m)
		return NULL;
	m->app = a;
	m->base.ops = &mm_ops;
	m->meeting = meeting;
	m->idle_ms = idle && *idle ? strtol(idle, NULL, 10) : IDLE_MS;
	m->sel_kind = -1;
	clock_gettime(CLOCK_MONOTONIC, &m->last_edit);
	if (ui_le_init(&m->le) || ui_le_init(&m->q)) {
		ui_le_free(&m->le);
		free(m);
		return NULL;
	}
	m->cur = MM_ATTEND;
	mm_load(m, a);
	if (m->gone) {
		app_msg(a, UI_R_ERROR, "That meeting no longer exists");
		mm_destroy(&m->base);
		return NULL;
	}
	/* Attendance first when nobody is recorded yet. */
	if (m->nitems && (m->npresent || m->napologies))
		m->cur = 0;
	restore_draft(m, a);
	mm_go(m, a, m->cur);
	return &m->base;
}

int ui_meeting_run(struct app *a, uint64_t meeting)
{
	struct view *v = view_meeting_mode_new(a, meeting);

	return v ? app_push(a, v) : UI_REDRAW;
}
