/*
 * app.c — the view stack, key dispatch and reloading after writes.  The
 * one place that draws is app_draw.c; undo is app_undo.c; messages and
 * prompts are statusline.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "plandesk/protect/backup.h"
#include "app.h"
#include "cmdline.h"
#include "meeting_mode.h"
#include "statusline.h"
#include "views.h"

static void destroy(struct view *v)
{
	if (v)
		v->ops->destroy(v);
}

struct view *app_top(struct app *a)
{
	return a->depth ? a->stack[a->depth - 1] : NULL;
}

/* Make `v` current: reload it first if the data moved while it was hidden. */
static void shown(struct app *a, struct view *v)
{
	if (v && v->stale) {
		v->stale = false;
		if (v->ops->reload)
			v->ops->reload(v, a);
	}
}

/* Is `v` kept when it leaves the stack (a top-level view, the open
 * meeting)? */
static bool is_top(const struct app *a, const struct view *v)
{
	for (int i = 0; i < 4; i++)
		if (a->tops[i] == v)
			return true;
	return v && v == a->meeting;
}

/* Remove every view above the bottom one (and the bottom one unless it is
 * a top-level view, which lives on in a->tops). */
static void clear_stack(struct app *a, bool keep_bottom)
{
	while (a->depth > (keep_bottom ? 1 : 0)) {
		struct view *v = a->stack[--a->depth];
		if (!is_top(a, v))
			destroy(v);
	}
}

void app_show_top(struct app *a, int n)
{
	static struct view *(*const make[4])(struct app *) = {
		view_plans_new, view_actions_new, view_meetings_new,
		view_directory_new,
	};
	struct view *v;

	if (n < 1 || n > 4)
		return;
	if (!a->tops[n - 1]) {
		if (!(v = make[n - 1](a))) {
			app_nomem(a);
			return;
		}
		v->top = n;
		a->tops[n - 1] = v;
	}
	clear_stack(a, false);
	a->stack[a->depth++] = a->tops[n - 1];
	shown(a, a->tops[n - 1]);
}

int app_push(struct app *a, struct view *v)
{
	if (!v) {
		app_nomem(a);
		return UI_REDRAW;
	}
	destroy(a->pending);
	a->pending = v;
	return UI_PUSH;
}

static void push_pending(struct app *a)
{
	struct view *v = a->pending;

	a->pending = NULL;
	if (!v)
		return;
	if (a->depth == UI_STACK_MAX) {
		/* Deep enough: drop the oldest detail view above the bottom. */
		struct view *old = a->stack[1];
		if (!is_top(a, old))
			destroy(old);
		memmove(a->stack + 1, a->stack + 2,
			(size_t)(a->depth - 2) * sizeof a->stack[0]);
		a->depth--;
	}
	a->stack[a->depth++] = v;
}

static void quit(struct app *a);

static void pop(struct app *a)
{
	struct view *v;

	if (a->depth <= 1) {
		quit(a);
		return;
	}
	v = a->stack[--a->depth];
	if (!is_top(a, v))
		destroy(v);
	shown(a, app_top(a));
}

void app_pop(struct app *a)
{
	pop(a);
}

/* True when the database holds no plan, organisation or person. */
static bool empty_db(struct app *a)
{
	static const enum pd_kind kinds[] = { PD_PLAN, PD_ORG, PD_PERSON };
	struct pd_txn *txn;
	size_t n, total = 0;

	if (pd_txn_read(a->st, &txn, NULL) != PD_OK)
		return false;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (pd_count_kind(txn, kinds[i], &n) == PD_OK)
			total += n;
	pd_txn_end(txn);
	return total == 0;
}

void app_reload(struct app *a)
{
	struct pd_err err;
	struct view *top = app_top(a);

	pd_store_changes(a->st, &a->changes, &err);
	pd_date_today(&a->today);
	for (int i = 0; i < a->depth; i++)
		a->stack[i]->stale = true;
	for (int i = 0; i < 4; i++)
		if (a->tops[i])
			a->tops[i]->stale = true;
	/* Data arrived on the welcome screen: show it. */
	if (a->depth == 1 && top && !top->top && ui_is_welcome(top) &&
	    a->prompt.kind == UI_PR_NONE && !empty_db(a)) {
		app_show_top(a, 1);   /* frees the welcome view */
		return;
	}
	shown(a, top);
	a->focus_id = 0;   /* only the view on top selects a new record */
}

bool app_poll(struct app *a)
{
	uint64_t c;

	for (int i = 0; i < a->depth; i++)
		if (a->stack[i]->ops->tick)
			a->stack[i]->ops->tick(a->stack[i], a);
	if (pd_store_changes(a->st, &c, NULL) != PD_OK || c == a->changes)
		return false;
	app_reload(a);
	return true;
}

struct pd_txn *app_txn(struct app *a)
{
	struct pd_txn *txn;
	struct pd_err err = { 0 };

	if (pd_txn_read(a->st, &txn, &err) != PD_OK) {
		app_error(a, "reading the database", &err);
		return NULL;
	}
	return txn;
}

const struct ui_keymap *app_keys_now(struct view *v)
{
	if (!v)
		return NULL;
	return v->ops->keys_now ? v->ops->keys_now(v) : v->ops->keys;
}

void app_key_for(struct app *a, enum ui_cmd cmd, char *buf, size_t n)
{
	ui_keymap_first(app_keys_now(app_top(a)), &ui_keys_global, cmd, buf, n);
}

void app_wake(struct app *a, int ms)
{
	if (ms < 1)
		ms = 1;
	if (!a->wake_ms || ms < a->wake_ms)
		a->wake_ms = ms;
}

static int quit_done(struct app *a, void *ctx, const char *text, int how)
{
	(void)ctx; (void)text;
	if (how == 'y')
		a->quit = true;
	return UI_REDRAW;
}

/* Leave the client, asking first while a meeting is open. */
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

/* What a handler's result means for the stack. */
static void apply(struct app *a, int res)
{
	switch (res) {
	case UI_PUSH:
		push_pending(a);
		break;
	case UI_POP:
		pop(a);
		break;
	case UI_RELOAD:
		app_reload(a);
		break;
	case UI_POP_RELOAD:
		pop(a);
		app_reload(a);
		break;
	case UI_QUIT:
		quit(a);
		break;
	case UI_QUIT_NOW:
		a->quit = true;
		break;
	default:
		break;
	}
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
			pop(a);
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
			apply(a, res);
		return;
	}
	/* A screen too small to draw on only takes q and Ctrl-L. */
	if (a->cols < UI_MIN_COLS || a->lines < UI_MIN_LINES) {
		if (key == 'q' || key == UI_CTRL('L'))
			apply(a, global_key(a, key));
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
	apply(a, res);
}

int app_init(struct app *a, struct pd_store *st, const char *share_dir,
	     bool want_color)
{
	const char *cs;
	struct view *v;

	memset(a, 0, sizeof *a);
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
	if (empty_db(a)) {
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

void app_free(struct app *a)
{
	clear_stack(a, false);
	destroy(a->meeting);   /* keeps what was being typed */
	a->meeting = NULL;
	for (int i = 0; i < 4; i++) {
		destroy(a->tops[i]);
		a->tops[i] = NULL;
	}
	destroy(a->pending);
	a->pending = NULL;
	ui_le_free(&a->prompt.le);
	pd_secret_free(a->prompt.secret);
	a->prompt.secret = NULL;
}

