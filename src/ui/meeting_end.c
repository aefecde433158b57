/*
 * meeting_end.c — ending meeting mode: a warning first when lines typed
 * on an item are not saved, then the next meeting's date asked on the
 * status line, the meeting ended and its summary shown.
 */
#include "config.h"

#include <stdio.h>

#include "meeting_mode_impl.h"

static int end_done(struct app *a, void *ctx, const char *text, int how)
{
	struct mm_view *m = ctx;
	struct pd_err err = { 0 };
	struct pd_date d;

	if (how != UI_ENTER || app_top(a) != &m->base)
		return UI_REDRAW;
	if (pd_meeting_end(a->st, m->meeting, text, &m->sum, &err) != PD_OK) {
		app_error(a, "not ended", &err);
		app_prompt_line(a, "Next meeting (date, or empty): ", text, NULL, end_done, m);
		return UI_REDRAW;
	}
	m->next_long[0] = '\0';
	if (*text && pd_date_parse(text, &d, NULL) == PD_OK)
		pd_date_long(&d, m->next_long, sizeof m->next_long);
	/* Ended: its lines are gone with it (the user was asked). */
	mm_lines_free_drafts(m);
	ui_le_set(&m->le, NULL);
	m->edit_kind = -1;
	m->ended = true;
	app_msg(a, UI_R_STATUS, "Meeting ended%s%s", m->next_long[0] ? "; next meeting " : "",
		m->next_long);
	return UI_RELOAD;
}

static void ask_next(struct mm_view *m, struct app *a)
{
	struct pd_txn *txn = app_txn(a);
	struct pd_record r;
	char next[PD_DATE_ISO_SIZE] = "";

	if (!txn)
		return;
	pd_record_init(&r, PD_MEETING);
	if (pd_get(txn, PD_MEETING, m->meeting, &r, NULL) == PD_OK)
		snprintf(next, sizeof next, "%s", pd_get_text(&r, PD_MEETING_NEXT));
	pd_record_clear(&r);
	pd_txn_end(txn);
	app_prompt_line(a, "Next meeting (date, or empty): ", next, NULL, end_done, m);
}

static int unsaved_done(struct app *a, void *ctx, const char *text, int how)
{
	struct mm_view *m = ctx;

	(void)text;
	if (how == 'y' && app_top(a) == &m->base)
		ask_next(m, a);
	return UI_REDRAW;
}

int mm_end_ask(struct mm_view *m, struct app *a)
{
	char others[64], q[200];
	size_t n;

	/* Lines typed and not saved would go with the meeting: ask. */
	mm_lines_stash(m);
	n = mm_lines_elsewhere(m, a, others, sizeof others);
	if (m->le.n || n) {
		if (m->le.n && n)
			snprintf(q, sizeof q, "The line below and lines on item%s %s are not "
				 "saved. End the meeting and drop them?", n == 1 ? "" : "s", others);
		else if (n)
			snprintf(q, sizeof q, "Lines typed on item%s %s are not saved. End the "
				 "meeting and drop them?", n == 1 ? "" : "s", others);
		else
			snprintf(q, sizeof q, "The line below is not saved (Enter saves it). "
				 "End the meeting and drop it?");
		app_confirm(a, q, unsaved_done, m);
		return UI_REDRAW;
	}
	ask_next(m, a);
	return UI_REDRAW;
}
