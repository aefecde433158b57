/*
 * app_keys.c — the app's start and the keys it takes itself: a prompt
 * first, then the view on top, then the global keys (help, :, undo, the
 * four views, m back to the meeting); an Alt-x nobody takes is Esc, then
 * x.  app_init gives the stack (app.c) the top-level views' constructors
 * and what leaving asks, so app.c needs no view.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "app.h"
#include "cmdline.h"
#include "meeting_mode.h"
#include "statusline.h"
#include "views.h"

static int quit_done(struct app *a, void *ctx, const char *text, int how)
{
	(void)ctx; (void)text;
	if (how == 'y')
		a->quit = true;
	return UI_REDRAW;
}

/* Leave the client, asking first while a meeting is open (a->leave). */
static void quit(struct app *a)
{
	char q[256], open[96];

	if (!a->meeting || !ui_meeting_open_label(a, open, sizeof open)) {
		a->quit = true;
		return;
	}
	snprintf(q, sizeof q, "Meeting %s is still open (m returns to it). Quit? "
		 "It is offered back next time", open);
	app_confirm(a, q, quit_done, NULL);
}

/* Is the open meeting on the stack under the top view? */
static bool meeting_below(struct app *a)
{
	for (int i = 0; i + 1 < a->depth; i++)
		if (a->stack[i] == a->meeting)
			return true;
	return false;
}

static int global_key(struct app *a, int key)
{
	struct view *top = app_top(a);
	int cur;

	/* Esc on a screen opened from meeting mode (a lookup, a card, the
	 * help) goes back to the meeting. */
	if (key == UI_ESC && a->meeting && meeting_below(a)) {
		while (app_top(a) != a->meeting)
			app_pop(a);
		return UI_REDRAW;
	}

	switch (ui_keymap_find(&ui_keys_global, key)) {
	case UI_C_HELP:
		if (ui_is_help(top))
			return UI_POP;
		return app_push(a, view_help_new(a, top));
	case UI_C_REDRAW:
		a->full_redraw = true;
		return UI_REDRAW;
	case UI_C_COMMAND:
		ui_cmdline_start(a);
		return UI_REDRAW;
	case UI_C_UNDO:
		app_undo(a, false);
		return UI_REDRAW;
	case UI_C_REDO:
		app_undo(a, true);
		return UI_REDRAW;
	case UI_C_MEETING:
		return ui_meeting_return(a);
	case UI_C_VIEW1: app_show_top(a, 1); return UI_REDRAW;
	case UI_C_VIEW2: app_show_top(a, 2); return UI_REDRAW;
	case UI_C_VIEW3: app_show_top(a, 3); return UI_REDRAW;
	case UI_C_VIEW4: app_show_top(a, 4); return UI_REDRAW;
	case UI_C_NEXTVIEW:
		cur = a->depth ? a->stack[0]->top : 0;
		app_show_top(a, cur % 4 + 1);
		return UI_REDRAW;
	case UI_C_BACK:
		return UI_POP;
	default:
		return UI_NOTHING;
	}
}

/* Alt-x nobody takes is what a quick hand typed: Esc, then x. */
static void esc_then(struct app *a, int key)
{
	app_key(a, UI_ESC);
	if (!a->quit)
		app_key(a, key - UI_ALT(0));
}

void app_key(struct app *a, int key)
{
	struct view *top;
	int res;

	if (key == UI_FN(KEY_RESIZE)) {
		getmaxyx(stdscr, a->lines, a->cols);
		top = app_top(a);
		if (top && top->ops->resize)
			top->ops->resize(top, a, a->lines - 2, a->cols);
		return;
	}
	a->msg[0] = '\0';
	if (a->prompt.kind != UI_PR_NONE) {
		res = ui_prompt_key(a, key);
		if (res == UI_UNHANDLED)
			esc_then(a, key);
		else
			app_apply(a, res);
		return;
	}
	/* A screen too small to draw on only takes q and Ctrl-L. */
	if (a->cols < UI_MIN_COLS || a->lines < UI_MIN_LINES) {
		if (key == 'q' || key == UI_CTRL('L'))
			app_apply(a, global_key(a, key));
		return;
	}
	top = app_top(a);
	res = top ? top->ops->key(top, a, key) : UI_UNHANDLED;
	if (res == UI_UNHANDLED && UI_IS_ALT(key)) {
		esc_then(a, key);
		return;
	}
	if (res == UI_UNHANDLED)
		res = global_key(a, key);
	app_apply(a, res);
}

int app_init(struct app *a, struct pd_store *st, const char *share_dir,
	     bool want_color)
{
	const char *cs;
	struct view *v;

	memset(a, 0, sizeof *a);
	a->top_new[0] = view_plans_new;
	a->top_new[1] = view_actions_new;
	a->top_new[2] = view_meetings_new;
	a->top_new[3] = view_directory_new;
	a->leave = quit;
	a->open_record = ui_open_record;
	a->commands = ui_commands();
	a->st = st;
	a->share_dir = share_dir;
	cs = getenv("PLANDESK_ASCII");
	ui_theme_init(&a->theme, want_color, (cs && *cs) || !ui_utf8_locale());
	getmaxyx(stdscr, a->lines, a->cols);
	pd_store_changes(st, &a->changes, NULL);
	if (pd_date_today(&a->today) != PD_OK)
		a->today = (struct pd_date){ 1970, 1, 1 };
	if (ui_le_init(&a->prompt.le))
		return -1;
	if (app_db_empty(a)) {
		if (!(v = view_welcome_new(a)))
			return -1;
		a->stack[a->depth++] = v;
	} else {
		app_show_top(a, 1);
		if (!a->depth)
			return -1;
	}
	ui_meeting_offer(a);   /* a meeting left open, a line half-typed */
	return 0;
}
