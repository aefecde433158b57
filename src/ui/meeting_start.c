/*
 * meeting_start.c — beginning meeting mode: starting a meeting (plan,
 * date defaulting to today, place, title, asked on the status line),
 * `:minutes`, and offering back at start-up a line that was being typed
 * when the program was stopped.  Ending it is meeting_end.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/protect/disclose_out.h"
#include "cmdline.h"
#include "docview.h"
#include "meeting_mode_impl.h"
#include "views.h"

/* --- starting ---------------------------------------------------------------- */

struct start_ctx {
	uint64_t plan;
	char     date[PD_DATE_ISO_SIZE];
	char     place[256];
};

/* The place and title of the plan's latest meeting, to offer again. */
static void last_meeting(struct app *a, uint64_t plan, int field, char *buf, size_t n)
{
	struct pd_txn *txn = app_txn(a);
	struct pd_cursor *cur;
	struct pd_record m;
	uint64_t id;

	buf[0] = '\0';
	if (!txn)
		return;
	if (pd_cursor_index(txn, PD_IX_MEETINGS_BY_PLAN, plan, PD_CUR_REVERSE, &cur,
			    NULL) == PD_OK) {
		pd_record_init(&m, PD_MEETING);
		if (pd_cursor_next(cur, &id, NULL) == PD_OK &&
		    pd_get(txn, PD_MEETING, id, &m, NULL) == PD_OK)
			snprintf(buf, n, "%s", pd_get_text(&m, field));
		pd_record_clear(&m);
		pd_cursor_close(cur);
	}
	pd_txn_end(txn);
}

static int title_done(struct app *a, void *ctx, const char *text, int how)
{
	struct start_ctx *c = ctx;
	struct pd_meeting_spec spec = { .plan = c->plan, .date = c->date,
					.location = c->place, .title = text };
	struct pd_err err = { 0 };
	uint64_t id;
	bool resumed;
	int res = UI_REDRAW;

	if (how != UI_ENTER) {
		app_msg(a, UI_R_STATUS, "No meeting started");
	} else if (pd_meeting_start(a->st, &spec, &id, &resumed, &err) != PD_OK) {
		app_error(a, "cannot start the meeting", &err);
	} else {
		res = ui_meeting_run(a, id);
		if (!a->msg[0])
			app_msg(a, UI_R_STATUS, resumed ? "This meeting was already started: "
				"carrying on" : "Meeting started: tick who is here, then Tab");
	}
	free(c);
	return res;
}

static int place_done(struct app *a, void *ctx, const char *text, int how)
{
	struct start_ctx *c = ctx;
	char title[256];

	if (how != UI_ENTER) {
		free(c);
		app_msg(a, UI_R_STATUS, "No meeting started");
		return UI_REDRAW;
	}
	snprintf(c->place, sizeof c->place, "%s", text);
	last_meeting(a, c->plan, PD_MEETING_TITLE, title, sizeof title);
	app_prompt_line(a, "Title (may be empty): ", title, NULL, title_done, c);
	return UI_REDRAW;
}

static int date_done(struct app *a, void *ctx, const char *text, int how)
{
	struct start_ctx *c = ctx;
	struct pd_err err = { 0 };
	struct pd_date d = { 0, 0, 0 };
	char place[256];

	if (how != UI_ENTER) {
		free(c);
		app_msg(a, UI_R_STATUS, "No meeting started");
		return UI_REDRAW;
	}
	if (!*text) {
		d = a->today;
	} else if (pd_date_parse(text, &d, &err) != PD_OK || d.d == 0) {
		app_msg(a, UI_R_ERROR, "%s", d.d == 0 && !err.msg[0] ?
			"A meeting needs a day, not only a month" : err.msg);
		app_prompt_line(a, "Date of the meeting: ", text, NULL, date_done, c);
		return UI_REDRAW;
	}
	pd_date_iso(&d, c->date);
	last_meeting(a, c->plan, PD_MEETING_LOCATION, place, sizeof place);
	app_prompt_line(a, "Where (may be empty): ", place, NULL, place_done, c);
	return UI_REDRAW;
}

static void ask_date(struct app *a, struct start_ctx *c)
{
	char today[PD_DATE_ISO_SIZE];

	pd_date_iso(&a->today, today);
	app_prompt_line(a, "Date of the meeting: ", today, NULL, date_done, c);
}

static int plan_done(struct app *a, void *ctx, const char *text, int how)
{
	struct start_ctx *c = ctx;
	struct pd_txn *txn;

	if (how != UI_ENTER || !*text || !(txn = app_txn(a))) {
		free(c);
		return UI_REDRAW;
	}
	if (pd_find_plan(txn, text, &c->plan) != PD_OK) {
		app_msg(a, UI_R_ERROR, "No plan with ref \"%s\"", text);
		pd_txn_end(txn);
		app_prompt_line(a, "Meeting of plan (ref): ", text, NULL, plan_done, c);
		return UI_REDRAW;
	}
	pd_txn_end(txn);
	ask_date(a, c);
	return UI_REDRAW;
}

int ui_meeting_start(struct app *a, uint64_t plan)
{
	struct start_ctx *c;

	if (a->meeting)
		return ui_meeting_run(a, ((struct mm_view *)a->meeting)->meeting);
	if (!(c = calloc(1, sizeof *c))) {
		app_nomem(a);
		return UI_REDRAW;
	}
	c->plan = plan;
	if (plan)
		ask_date(a, c);
	else
		app_prompt_line(a, "Meeting of plan (ref): ", NULL, NULL, plan_done, c);
	return UI_REDRAW;
}

/* --- :minutes --------------------------------------------------------------- */

uint64_t ui_meeting_shown(struct app *a)
{
	struct view *v = app_top(a);

	if (!v)
		return 0;
	if (ui_is_meeting_mode(v))
		return ((struct mm_view *)v)->meeting;
	if (docview_spec(v) && ((const struct docview *)v)->kind == PD_MEETING)
		return ((const struct docview *)v)->id;   /* a meeting's page */
	return 0;
}

/* The meeting held on `iso`: the one shown if it is that day, else the only one. */
static uint64_t meeting_on(struct app *a, struct pd_txn *txn, const char *iso,
			   const char *when)
{
	uint64_t *ids, shown = ui_meeting_shown(a), id = 0;
	size_t n;

	if (pd_meetings_on(txn, iso, &ids, &n, NULL) != PD_OK || n == 0) {
		app_msg(a, UI_R_ERROR, "No meeting on %s", when);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (ids[i] == shown)
			id = shown;
	if (!id && n == 1)
		id = ids[0];
	if (!id)
		app_msg(a, UI_R_ERROR, "%zu meetings on %s: open the one you mean "
			"(3 Meetings, Enter), then :minutes FILE", n, when);
	free(ids);
	return id;
}

int ui_minutes_command(struct app *a, int argc, char **argv)
{
	const char *file = argv[argc - 1], *home = getenv("HOME");
	struct pd_minutes_opts mo = { .confidential = a->cmdopts.confidential };
	struct pd_disclosure dis = { .command = ":minutes" };
	struct pd_err err = { 0 };
	enum pd_format fmt;
	struct pd_txn *txn;
	struct pd_date d;
	char path[4096], iso[PD_DATE_ISO_SIZE], when[PD_DATE_LONG_SIZE], tail[24];
	uint64_t id;

	if (argc != 2 && argc != 3) {
		app_msg(a, UI_R_ERROR, "Usage: :minutes FILE (on a meeting), or :minutes DATE FILE");
		return UI_REDRAW;
	}
	if (argc == 3 && (pd_date_parse(argv[1], &d, &err) != PD_OK || d.d == 0)) {
		app_msg(a, UI_R_ERROR, "%s", err.msg[0] ? err.msg : "A meeting date needs a day");
		return UI_REDRAW;
	}
	if (file[0] == '~' && file[1] == '/' && home)
		snprintf(path, sizeof path, "%s%s", home, file + 1);
	else
		snprintf(path, sizeof path, "%s", file);
	/* The format is the file's: .docx .odt .html .txt .md (no extension: md). */
	if (pd_format_choose(NULL, path, PD_FMTS_MINUTES, PD_FMT_MD, &fmt, &err) != PD_OK) {
		/* Short enough for 80 columns: the name typed is on screen. */
		const char *dot = strrchr(file, '.');
		char list[64];
		app_msg(a, UI_R_ERROR, "Nothing written: %s is not one of the formats (%s)",
			dot && !strchr(dot, '/') ? dot : "that",
			pd_format_list(PD_FMTS_MINUTES, list, sizeof list));
		return UI_REDRAW;
	}
	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	if (argc == 3) {
		pd_date_iso(&d, iso);
		pd_date_long(&d, when, sizeof when);
		id = meeting_on(a, txn, iso, when);
	} else if (!(id = ui_meeting_shown(a))) {
		app_msg(a, UI_R_ERROR, ":minutes FILE works on a meeting (3 Meetings, Enter); "
			"elsewhere :minutes DATE FILE");
	}
	pd_txn_end(txn);
	if (!id)
		return UI_REDRAW;
	dis.path = path;
	dis.reason = a->cmdopts.reason[0] ? a->cmdopts.reason : NULL;
	if (pd_disclose_minutes(a->st, &dis, id, fmt, &mo, NULL, &err) != PD_OK) {
		app_error(a, "minutes", &err);
	} else {
		snprintf(tail, sizeof tail, " (%s)",
			 fmt == PD_FMT_DOCX ? "Word" : fmt == PD_FMT_ODT ? "OpenDocument" :
			 fmt == PD_FMT_HTML ? "HTML" : fmt == PD_FMT_TXT ? "text" : "Markdown");
		ui_disclosed_msg(a, "Minutes", file, tail, &dis);
	}
	return UI_REDRAW;
}

/* --- the meeting left open -------------------------------------------------- */

int ui_meeting_run(struct app *a, uint64_t meeting)
{
	struct view *v = a->meeting;

	if (v && ((struct mm_view *)v)->meeting != meeting) {
		app_msg(a, UI_R_STATUS, "Meeting %s is open: back to it (F10 ends it, "
			"then another can start)", ((struct mm_view *)v)->plan_ref);
	} else if (!v) {
		if (!(v = view_meeting_mode_new(a, meeting)))
			return UI_REDRAW;
		a->meeting = v;
	}
	for (int i = 0; i < a->depth; i++)
		if (a->stack[i] == v) {   /* on the stack already: back down to it */
			while (app_top(a) != v)
				app_pop(a);
			return UI_REDRAW;
		}
	return app_push(a, v);
}

bool ui_meeting_open_label(struct app *a, char *buf, size_t n)
{
	const struct mm_view *m = (const struct mm_view *)a->meeting;

	if (!m || m->ended)
		return false;
	snprintf(buf, n, "%s", m->plan_ref);
	return true;
}

int ui_meeting_return(struct app *a)
{
	if (!a->meeting) {
		app_msg(a, UI_R_STATUS, "No meeting is open (3 Meetings, s starts one)");
		return UI_REDRAW;
	}
	return ui_meeting_run(a, ((struct mm_view *)a->meeting)->meeting);
}

static int offer_done(struct app *a, void *ctx, const char *text, int how)
{
	(void)ctx; (void)text;
	if (how == UI_ENTER && a->meeting)
		return ui_meeting_return(a);
	if (a->meeting)
		app_msg(a, UI_R_STATUS, "The meeting stays open: m returns to it");
	return UI_REDRAW;
}

void ui_meeting_offer(struct app *a)
{
	struct pd_txn *txn;
	struct mm_view *m;
	uint64_t meeting;
	char q[256], others[64], when[16];
	bool exists, typed;

	if (pd_draft_find(a->st, &meeting, NULL) != PD_OK ||
	    pd_txn_read(a->st, &txn, NULL) != PD_OK)
		return;
	exists = pd_exists(txn, PD_MEETING, meeting);
	pd_txn_end(txn);
	if (!exists) {
		/* The meeting is gone: its draft has nothing to go back to. */
		if (!pd_store_is_read_only(a->st))
			pd_draft_clear(a->st, meeting, NULL);
		return;
	}
	if (!(a->meeting = view_meeting_mode_new(a, meeting)))
		return;
	m = (struct mm_view *)a->meeting;
	typed = m->le.n || mm_lines_elsewhere(m, a, others, sizeof others);
	/* Short enough for 80 columns with its answer keys. */
	if (strlen(m->date_iso) == 10)
		snprintf(when, sizeof when, "%.2s/%.2s/%.4s", m->date_iso + 8, m->date_iso + 5,
			 m->date_iso);
	else
		snprintf(when, sizeof when, "%s", m->date_iso);
	snprintf(q, sizeof q, "Back to meeting %s of %s%s?", m->plan_ref, when,
		 typed ? " (a line half-typed)" : ", left open");
	/* Keys typed before the question was on screen are not its answer,
	 * and never go into the meeting's line. */
	flushinp();
	app_choose(a, q, "Enter yes  Esc no", "\n", offer_done, NULL);
}
