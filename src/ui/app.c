/*
 * app.c — the view stack, key dispatch, reloading after writes, undo and
 * redo, and the one place that draws (app_draw).
 */
#include "config.h"

#include <stdarg.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "app.h"
#include "cmdline.h"
#include "draw.h"
#include "meeting_mode.h"
#include "statusline.h"
#include "views.h"

static const char *const top_names[4] = { "Plans", "Actions", "Meetings", "Directory" };

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
			app_msg(a, UI_R_ERROR, "Out of memory");
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
		app_msg(a, UI_R_ERROR, "Out of memory");
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
	if (a->depth == 1 && top && !top->top && strcmp(top->ops->name, "welcome") == 0 &&
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

struct undo_ctx {
	bool     redo;
	uint64_t seq;
};

static void undo_now(struct app *a, bool redo, uint64_t seq)
{
	char label[256], key[32];
	struct pd_err err = { 0 };
	int rc = pd_store_undo_seq(a->st, redo, seq, label, sizeof label, &err);

	if (rc == PD_EEMPTY) {
		app_msg(a, UI_R_STATUS, redo ? "Nothing to redo" : "Nothing to undo");
		return;
	}
	if (rc != PD_OK) {
		app_error(a, redo ? "redo" : "undo", &err);
		return;
	}
	app_reload(a);
	app_key_for(a, redo ? UI_C_UNDO : UI_C_REDO, key, sizeof key);
	app_msg(a, UI_R_STATUS, "%s: %s  (%s %s)", redo ? "Redone" : "Undone", label,
		key, redo ? "undoes it again" : "redoes it");
}

static int undo_done(struct app *a, void *ctx, const char *text, int how)
{
	struct undo_ctx *u = ctx;

	(void)text;
	if (how == 'y')
		undo_now(a, u->redo, u->seq);
	else
		app_msg(a, UI_R_STATUS, "Nothing %s", u->redo ? "redone" : "undone");
	free(u);
	return UI_REDRAW;
}

void app_undo(struct app *a, bool redo)
{
	struct pd_change_info ci;
	struct pd_err err = { 0 };
	struct undo_ctx *u;
	char q[320], when[32];
	struct tm tm, now_tm;
	time_t t, now = time(NULL);
	int rc = pd_store_peek(a->st, redo, &ci, &err);

	if (rc == PD_EEMPTY) {
		app_msg(a, UI_R_STATUS, redo ? "Nothing to redo" : "Nothing to undo");
		return;
	}
	if (rc != PD_OK) {
		app_error(a, redo ? "redo" : "undo", &err);
		return;
	}
	if (ci.ours) {
		undo_now(a, redo, ci.seq);
		return;
	}
	/* Another client's change (another window, an import, an earlier
	 * run): say which and ask. */
	t = (time_t)ci.time;
	when[0] = '\0';
	if (localtime_r(&t, &tm) && localtime_r(&now, &now_tm))
		strftime(when, sizeof when, tm.tm_yday == now_tm.tm_yday &&
			 tm.tm_year == now_tm.tm_year ? " at %H:%M" : " on %d/%m/%Y at %H:%M", &tm);
	snprintf(q, sizeof q, "%s \"%s\", made in another window or session%s?",
		 redo ? "Redo" : "Undo", ci.label, when);
	if (!(u = malloc(sizeof *u))) {
		app_msg(a, UI_R_ERROR, "Out of memory");
		return;
	}
	u->redo = redo;
	u->seq = ci.seq;
	app_confirm(a, q, undo_done, u);
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
		if (top && strcmp(top->ops->name, "help") == 0)
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

static void draw_title(struct app *a)
{
	struct view *top = app_top(a);
	char title[256], tab[64], open[96], note[128] = "";
	int cur = a->depth ? a->stack[0]->top : 0, full = 0, tw, tlen, nw, x;
	attr_t at = app_attr(a, UI_R_TITLE);
	bool ascii = a->theme.ascii;

	ui_fill(0, 0, a->cols, at);
	title[0] = '\0';
	if (top && top->ops->title)
		top->ops->title(top, a, title, sizeof title);
	if (pd_store_is_read_only(a->st) && strlen(title) + 13 < sizeof title)
		strcat(title, " (read-only)");
	/* A meeting left open shows on every other screen. */
	if (a->meeting && top != a->meeting && ui_meeting_open_label(a, open, sizeof open))
		snprintf(note, sizeof note, " Meeting %s open %s m returns ", open,
			 ascii ? "-" : "\xc2\xb7");
	nw = ui_width(note, strlen(note));
	tlen = 11 + ui_width(title, strlen(title)) + nw;
	/* The tabs: with their names when the title leaves room, else just
	 * the numbers, else none. */
	for (int i = 0; i < 4; i++)
		full += snprintf(tab, sizeof tab, " %d %s ", i + 1, top_names[i]);
	tw = tlen + full + 1 <= a->cols ? full : tlen + 13 <= a->cols ? 12 : 0;
	x = ui_puts(0, 0, a->cols - tw - 1, a->demo ? " plandesk demo: " : " plandesk: ",
		    at, ascii);
	x += ui_puts(0, x, a->cols - tw - x - nw - 1, title, at, ascii);
	if (nw && x + nw < a->cols - tw)
		ui_puts(0, a->cols - tw - nw - 1, nw, note, app_attr(a, UI_R_NOTICE),
			ascii);
	if (!tw)
		return;
	x = a->cols - tw;
	for (int i = 0; i < 4; i++) {
		int n = tw == full ? snprintf(tab, sizeof tab, " %d %s ", i + 1, top_names[i])
				   : snprintf(tab, sizeof tab, " %d ", i + 1);
		ui_puts(0, x, n, tab, app_attr(a, i + 1 == cur ? UI_R_TAB : UI_R_TITLE), ascii);
		x += n;
	}
}

static void draw_too_small(struct app *a)
{
	char msg[64];
	int n = snprintf(msg, sizeof msg, "Terminal too small (need %dx%d)",
			 UI_MIN_COLS, UI_MIN_LINES);
	int y = a->lines / 2, x = (a->cols - n) / 2;

	if (x < 0)
		x = 0;
	ui_puts(y > 0 ? y : 0, x, a->cols, msg, app_attr(a, UI_R_ERROR), a->theme.ascii);
	if (a->lines > 1)
		ui_puts(y + 1 < a->lines ? y + 1 : 0, 0, a->cols, "q quits",
			app_attr(a, UI_R_DIM), a->theme.ascii);
	move(0, 0);
}

void app_draw(struct app *a)
{
	struct view *top = app_top(a);

	getmaxyx(stdscr, a->lines, a->cols);
	if (a->full_redraw) {
		clearok(curscr, TRUE);
		a->full_redraw = false;
	}
	erase();
	if (a->cols < UI_MIN_COLS || a->lines < UI_MIN_LINES) {
		draw_too_small(a);
		refresh();
		return;
	}
	a->cur_y = 1;
	a->cur_x = 0;
	a->pos[0] = '\0';
	draw_title(a);
	if (top)
		top->ops->draw(top, a, 1, a->lines - 2, a->cols);
	ui_status_draw(a, a->lines - 1);
	if (a->prompt.kind == UI_PR_NONE)
		move(a->cur_y, a->cur_x);
	refresh();
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
}

void app_msg(struct app *a, int role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_role = role;
}

void app_error(struct app *a, const char *what, const struct pd_err *err)
{
	const char *m = err && err->msg[0] ? err->msg
					   : pd_strerror(err ? err->code : PD_EDB);

	if (what)
		app_msg(a, UI_R_ERROR, "%s: %s", what, m);
	else
		app_msg(a, UI_R_ERROR, "%s", m);
}
