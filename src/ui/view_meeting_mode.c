/*
 * view_meeting_mode.c — meeting mode: the attendance page, then the
 * agenda walked one item at a time with the entry line at the bottom
 * always ready.
 *
 * Typing is only typing: every printable key goes into the entry line,
 * and nothing typed there changes anything but the line, so a note may
 * begin with a number, a question mark or a colon.  The commands sit on
 * keys typing never produces (the tables below, from which the help and
 * the key bar are made): Enter saves the line (one committed write);
 * Alt-1 … Alt-4 set the item's status and Alt-0 clears it (what a terminal
 * sends as Esc then the digit; Esc then a digit pressed slowly reaches the
 * same status through the Esc menu); F2 edits the selected line typed
 * here; Ctrl-F looks someone up in the directory and Esc comes back.
 *
 * Each item keeps its own half-typed line (meeting_lines.c), kept in the
 * database within a fraction of a second of the last key.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plandesk/meetings/scale.h"
#include "plandesk/meetings/track.h"
#include "cmdline.h"
#include "meeting_mode_impl.h"
#include "views.h"

#define IDLE_MS 300       /* keep a line after this long without a key */
#define KEEP_MAX_MS 1000  /* and at least this often while typing goes on */

static const struct ui_keymap *const mm_more_keys[] = {
	&ui_keys_attendance, &ui_keys_after_meeting, NULL,
};

static long since_ms(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t->tv_sec) * 1000 +
	       (long)(now.tv_nsec - t->tv_nsec) / 1000000;
}

/* --- what keys do ------------------------------------------------------------ */

/* The line is saved (or edited): clear it and select what it became. */
static int saved(struct mm_view *m, struct app *a, const struct pd_recorded *out,
		 bool edited)
{
	char key[32], when[PD_DATE_LONG_SIZE] = "";
	struct pd_date d;

	ui_le_set(&m->le, NULL);
	m->edit_kind = -1;
	m->edit_id = 0;
	mm_lines_stash(m);   /* the core forgot the kept line in the same write */
	for (size_t i = 0; i < m->ndrafts; i++)
		if (m->drafts[i].item == mm_cur_item(m)) {
			free(m->drafts[i].kept);
			m->drafts[i].kept = NULL;
			m->drafts[i].kept_kind = -1;
		}
	m->sel_kind = (int)out->kind;
	m->sel_id = out->id;
	if (out->note[0]) {
		app_msg(a, UI_R_SLIPPED, "Saved, but %s", out->note);
		return UI_RELOAD;
	}
	if (out->due[0] && pd_date_parse(out->due, &d, NULL) == PD_OK)
		pd_date_long(&d, when, sizeof when);
	app_key_for(a, UI_C_UNDO, key, sizeof key);
	if (out->kind == PD_ACTION)
		app_msg(a, UI_R_STATUS, "Action %s%s%s%s  (%s undoes)", edited ? "changed" : "saved",
			when[0] ? ", due " : "", when, when[0] && !out->own_due ?
			" (the next meeting)" : "", key);
	else
		app_msg(a, UI_R_STATUS, "Note %s  (%s undoes)", edited ? "changed" : "saved", key);
	return UI_RELOAD;
}

static int del_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	const struct mm_view *m = ctx;

	pd_txn_set_label(txn, "delete %s", m->edit_kind == PD_ACTION ? "action" : "note");
	return pd_del(txn, (enum pd_kind)m->edit_kind, m->edit_id, err);
}

/* Enter on a line edited down to nothing: delete it, once asked. */
static int del_done(struct app *a, void *ctx, const char *text, int how)
{
	struct mm_view *m = ctx;
	struct pd_err err = { 0 };
	char key[32];

	(void)text;
	if (how != 'y' || app_top(a) != &m->base || m->edit_kind < 0)
		return UI_REDRAW;
	if (pd_store_write(a->st, "delete", 0, del_body, m, &err) != PD_OK) {
		app_error(a, "not deleted", &err);
		return UI_REDRAW;
	}
	ui_le_set(&m->le, NULL);
	m->edit_kind = -1;
	m->edit_id = 0;
	app_key_for(a, UI_C_UNDO, key, sizeof key);
	app_msg(a, UI_R_STATUS, "Deleted  (%s undoes)", key);
	return UI_RELOAD;
}

static int record(struct mm_view *m, struct app *a)
{
	struct pd_recorded out, what = { .kind = (enum pd_kind)m->edit_kind, .id = m->edit_id };
	struct pd_err err = { 0 };
	int rc;

	if (!mm_cur_item(m)) {
		app_msg(a, UI_R_ERROR, "This plan has no items to record against");
		return UI_REDRAW;
	}
	if (m->edit_kind >= 0)
		rc = pd_meeting_edit(a->st, m->meeting, &what, m->le.s, &out, &err);
	else
		rc = pd_meeting_record(a->st, m->meeting, mm_cur_item(m), m->le.s, &out, &err);
	if (rc == PD_EEMPTY && m->edit_kind >= 0) {
		app_confirm(a, m->edit_kind == PD_ACTION ? "Nothing left: delete this action?"
			    : "Nothing left: delete this note?", del_done, m);
		return UI_REDRAW;
	}
	if (rc == PD_EEMPTY) {
		app_msg(a, UI_R_STATUS, "Type a note first; Enter saves it");
		return UI_REDRAW;
	}
	if (rc != PD_OK) {
		app_error(a, "not saved (the line is still there)", &err);
		return UI_REDRAW;
	}
	return saved(m, a, &out, m->edit_kind >= 0);
}

/* F2: put the selected line typed here into the entry line. */
static int edit(struct mm_view *m, struct app *a)
{
	const struct mm_line *l = mm_selected(m);
	struct pd_txn *txn;
	struct pd_record r;

	if (!l || !l->here) {
		app_msg(a, UI_R_STATUS, "Select a line typed at this meeting first (Up/Down)");
		return UI_REDRAW;
	}
	if (m->le.n && !(m->edit_kind == l->kind && m->edit_id == l->id)) {
		app_msg(a, UI_R_STATUS, "Save or clear the line first (Enter saves, Ctrl-U clears)");
		return UI_REDRAW;
	}
	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	pd_record_init(&r, (enum pd_kind)l->kind);
	if (pd_get(txn, (enum pd_kind)l->kind, l->id, &r, NULL) == PD_OK) {
		ui_le_set(&m->le, pd_get_text(&r, l->kind == PD_ACTION ? PD_ACTION_TEXT
							       : PD_UPDATE_TEXT));
		m->edit_kind = l->kind;
		m->edit_id = l->id;
		app_msg(a, UI_R_STATUS, "Editing: Enter saves the change, Esc leaves it as it was");
	}
	pd_record_clear(&r);
	pd_txn_end(txn);
	clock_gettime(CLOCK_MONOTONIC, &m->last_edit);
	app_wake(a, (int)m->idle_ms);
	return UI_REDRAW;
}

static int turn(struct mm_view *m, struct app *a)
{
	const struct mm_line *l = mm_selected(m);
	struct pd_recorded what, out;
	struct pd_err err = { 0 };
	char key[32];

	if (!l || !l->here) {
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
	app_key_for(a, UI_C_TURN, key, sizeof key);
	app_msg(a, UI_R_STATUS, "Now %s (%s again turns it back)",
		out.kind == PD_ACTION ? "an action" : "a note", key);
	return UI_RELOAD;
}

static int tick(struct mm_view *m, struct app *a)
{
	const struct mm_line *l = mm_selected(m);
	struct pd_err err = { 0 };
	char key[32];
	bool done;

	app_key_for(a, UI_C_DONE, key, sizeof key);
	if (!l || l->kind != PD_ACTION) {
		app_msg(a, UI_R_STATUS, "Select a to-do first (Up/Down), then %s ticks it", key);
		return UI_REDRAW;
	}
	if (pd_meeting_tick(a->st, m->meeting, l->id, &done, &err) != PD_OK) {
		app_error(a, "not ticked", &err);
		return UI_REDRAW;
	}
	if (done)
		app_msg(a, UI_R_STATUS, "Done (%s again opens it)", key);
	else
		app_msg(a, UI_R_STATUS, "Open again");
	return UI_RELOAD;
}

/* Status level n of the plan's scale (0 clears) for the item on screen. */
static int set_status(struct mm_view *m, struct app *a, int n)
{
	struct pd_txn *txn = app_txn(a);
	const struct pd_scale *sc;
	const struct pd_level *lv = NULL;
	struct pd_err err = { 0 };
	char key[32];

	if (!txn)
		return UI_REDRAW;
	sc = pd_plan_scale(txn, m->plan);
	pd_txn_end(txn);
	if (!mm_cur_item(m)) {
		app_msg(a, UI_R_STATUS, "Go to an item first (Tab)");
		return UI_REDRAW;
	}
	if (n && !(lv = pd_scale_nth(sc, n))) {
		app_msg(a, UI_R_STATUS, "This plan's scale has %d levels (Alt-0 clears)",
			sc->nlevels);
		return UI_REDRAW;
	}
	if (pd_meeting_set_status(a->st, m->meeting, mm_cur_item(m), lv ? lv->code : "",
				  &err) != PD_OK) {
		app_error(a, "status not set", &err);
		return UI_REDRAW;
	}
	app_key_for(a, UI_C_UNDO, key, sizeof key);
	if (lv)
		app_msg(a, UI_R_STATUS, "Status of this item: %s %s  (%s undoes)", lv->code,
			lv->label, key);
	else
		app_msg(a, UI_R_STATUS, "Status cleared  (%s undoes)", key);
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

/* Leave meeting mode for now: the meeting stays open (m returns). */
static int leave(struct mm_view *m, struct app *a)
{
	mm_lines_keep(m, a);
	app_msg(a, UI_R_STATUS, "Meeting %s left open: m comes back to it", m->plan_ref);
	return UI_POP;
}

/* The Esc menu: status by digit, end, leave; anything else stays. */
static int menu_done(struct app *a, void *ctx, const char *text, int how)
{
	struct mm_view *m = ctx;

	(void)text;
	if (app_top(a) != &m->base)
		return UI_REDRAW;
	if (how >= '0' && how <= '9')
		return set_status(m, a, how - '0');
	if (how == 'e')
		return mm_end_ask(m, a);
	if (how == 'l')
		return leave(m, a);
	return UI_REDRAW;
}

static int menu(struct mm_view *m, struct app *a)
{
	struct pd_txn *txn;
	char hints[200], keys[24] = "el";
	int n = 0;

	if (m->edit_kind >= 0) {   /* Esc while editing: leave the line as it was */
		ui_le_set(&m->le, NULL);
		m->edit_kind = -1;
		m->edit_id = 0;
		app_msg(a, UI_R_STATUS, "Not changed");
		return UI_REDRAW;
	}
	if (mm_cur_item(m) && (txn = app_txn(a))) {
		n = pd_plan_scale(txn, m->plan)->nlevels;
		pd_txn_end(txn);
	}
	for (int i = 0; i < n && i < 9; i++)
		keys[2 + i] = (char)('1' + i);
	if (n)
		keys[2 + (n < 9 ? n : 9)] = '0';
	snprintf(hints, sizeof hints, "%s%se end meeting  l leave it open  Esc stay",
		 n ? (n == 3 ? "1-3 status  " : "1-4 status  ") : "", n ? "0 none  " : "");
	app_choose(a, "Meeting:", hints, keys, menu_done, m);
	return UI_REDRAW;
}

static int summary_key(struct mm_view *m, struct app *a, int key)
{
	switch (ui_keymap_find(&ui_keys_after_meeting, key)) {
	case UI_C_OPEN:
		m->ended = false;
		mm_lines_keep(m, a);   /* open again */
		pd_draft_open(a->st, m->meeting, mm_cur_item(m), NULL);
		return UI_REDRAW;
	case UI_C_BACK:
		a->meeting = NULL;   /* ended: not kept any longer */
		return UI_POP;
	case UI_C_COMMAND:
		ui_cmdline_start(a);
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

/* A key every page of meeting mode shares; UI_UNHANDLED if not one. */
static int common_key(struct mm_view *m, struct app *a, enum ui_cmd cmd)
{
	switch (cmd) {
	case UI_C_FILTER:
		app_prompt_line(a, "Go to item (ref): ", NULL, NULL, goto_done, m);
		return UI_REDRAW;
	case UI_C_LOOKUP:
		mm_lines_keep(m, a);
		return app_push(a, view_directory_lookup_new(a));
	case UI_C_END:
		return mm_end_ask(m, a);
	case UI_C_UNDO:
		app_undo(a, false);
		return UI_REDRAW;
	case UI_C_MENU:
		return menu(m, a);
	case UI_C_HELP:
		return app_push(a, view_help_new(a, &m->base));
	case UI_C_COMMAND:
		ui_cmdline_start(a);
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

static int agenda_key(struct mm_view *m, struct app *a, int key)
{
	enum ui_cmd cmd = ui_keymap_find(&ui_keys_during_meeting, key);
	int res;

	switch (cmd) {
	case UI_C_RECORD:
		return record(m, a);
	case UI_C_NEXT:
		if (m->cur + 1 < m->nitems)
			mm_go(m, a, m->cur + 1);
		else
			app_msg(a, UI_R_STATUS, "That was the last item: F10 ends the meeting");
		return UI_REDRAW;
	case UI_C_PREV:
		mm_go(m, a, m->cur ? m->cur - 1 : MM_ATTEND);
		return UI_REDRAW;
	case UI_C_DOWN: case UI_C_UP:
		mm_select_step(m, cmd == UI_C_DOWN ? 1 : -1);
		return UI_REDRAW;
	case UI_C_EDIT:
		return edit(m, a);
	case UI_C_TURN: case UI_C_MARK:
		return cmd == UI_C_MARK ? mm_mark(m, a) : turn(m, a);
	case UI_C_DONE:
		return tick(m, a);
	case UI_C_STATUS:
		return set_status(m, a, key - UI_ALT('0'));
	case UI_C_ATTEND:
		mm_go(m, a, MM_ATTEND);
		return UI_REDRAW;
	default:
		if ((res = common_key(m, a, cmd)) != UI_UNHANDLED)
			return res;
		break;
	}
	/* Everything else edits the line: typing is only typing. */
	switch (ui_le_key(&m->le, key)) {
	case UI_LE_CHANGED:
		clock_gettime(CLOCK_MONOTONIC, &m->last_edit);
		app_wake(a, (int)m->idle_ms);
		return UI_REDRAW;
	case UI_LE_MOVED:
		return UI_REDRAW;
	default:
		/* Keys meant for everywhere: Ctrl-L, Ctrl-R. */
		return key >= 32 && key < UI_FN(0) && key != 127 ? UI_NOTHING : UI_UNHANDLED;
	}
}

static int mm_key(struct view *v, struct app *a, int key)
{
	struct mm_view *m = (struct mm_view *)v;
	int res;

	if (m->ended)
		return summary_key(m, a, key);
	if (m->cur != MM_ATTEND)
		return agenda_key(m, a, key);
	if ((res = mm_attend_key(m, a, key)) != UI_UNHANDLED)
		return res;
	return common_key(m, a, ui_keymap_find(&ui_keys_attendance, key));
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

/* Ticks (idle, and after each key): keep the lines once typing pauses,
 * and at least every KEEP_MAX_MS while it goes on. */
static void mm_tick(struct view *v, struct app *a)
{
	struct mm_view *m = (struct mm_view *)v;

	if (since_ms(&m->last_edit) >= m->idle_ms ||
	    since_ms(&m->last_keep) >= (m->idle_ms > KEEP_MAX_MS ? m->idle_ms : KEEP_MAX_MS))
		mm_lines_keep(m, a);
	else
		app_wake(a, (int)(m->idle_ms - since_ms(&m->last_edit)));
}

static void mm_destroy(struct view *v)
{
	struct mm_view *m = (struct mm_view *)v;

	/* Leaving, quitting, SIGHUP/SIGTERM: keep what was being typed. */
	mm_lines_keep(m, m->app);
	mm_lines_free(m);
	mm_lines_free_drafts(m);
	free(m->lines);
	free(m->items);
	ui_le_free(&m->le);
	ui_le_free(&m->q);
	if (m->app && m->app->meeting == v)
		m->app->meeting = NULL;
	free(m);
}

static const struct ui_keymap *mm_keys_now(struct view *v)
{
	const struct mm_view *m = (const struct mm_view *)v;

	return m->ended ? &ui_keys_after_meeting : m->cur == MM_ATTEND ? &ui_keys_attendance : &ui_keys_during_meeting;
}

static const struct view_ops mm_ops = {
	.keys_now = mm_keys_now,
	.name = "meeting mode",
	.keys = &ui_keys_during_meeting,
	.more_keys = mm_more_keys,
	.list = false,
	.typing = true,
	.draw = mm_draw,
	.key = mm_key,
	.title = mm_title,
	.reload = mm_reload,
	.tick = mm_tick,
	.destroy = mm_destroy,
};

bool ui_is_meeting_mode(const struct view *v)
{
	return v && v->ops == &mm_ops;
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
	m->sel_kind = m->edit_kind = -1;
	clock_gettime(CLOCK_MONOTONIC, &m->last_edit);
	m->last_keep = m->last_edit;
	if (ui_le_init(&m->le) || ui_le_init(&m->q)) {
		ui_le_free(&m->le);
		free(m);
		return NULL;
	}
	m->cur = MM_ATTEND;
	mm_load(m, a);
	if (m->gone) {
		app_msg(a, UI_R_ERROR, "That meeting no longer exists");
		m->app = NULL;
		mm_destroy(&m->base);
		return NULL;
	}
	/* Attendance first when nobody is recorded yet; the item and lines
	 * it was left with when it was left open. */
	if (m->nitems && (m->npresent || m->napologies))
		m->cur = 0;
	mm_lines_restore(m, a);
	m->scroll = 0;
	mm_lines_unstash(m);
	mm_load(m, a);
	mm_select_default(m);
	mm_lines_keep(m, a);   /* open from now on */
	return &m->base;
}
