/*
 * app.c — the view stack, what a key handler's result does to it, and
 * reloading after writes.  It knows no particular view: the top-level
 * views' constructors and what leaving asks are given by app_init
 * (app_keys.c, which also has the keys the app takes itself).  The one
 * place that draws is app_draw.c; undo is app_undo.c; prompts are
 * statusline.c.  The message on the bottom line is set here.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "plandesk/protect/backup.h"
#include "app.h"

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
	struct view *v;

	if (n < 1 || n > 4)
		return;
	if (!a->tops[n - 1]) {
		if (!(v = a->top_new[n - 1](a))) {
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

int app_open(struct app *a, int kind, uint64_t id)
{
	return a->open_record ? a->open_record(a, kind, id) : UI_NOTHING;
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

static void pop(struct app *a)
{
	struct view *v;

	if (a->depth <= 1) {
		a->leave(a);
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

bool app_db_empty(struct app *a)
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
	if (a->depth == 1 && top && !top->top && top->placeholder &&
	    a->prompt.kind == UI_PR_NONE && !app_db_empty(a)) {
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

void app_apply(struct app *a, int res)
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
		a->leave(a);
		break;
	case UI_QUIT_NOW:
		a->quit = true;
		break;
	default:
		break;
	}
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

void app_msg(struct app *a, int role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_role = role;
}

void app_nomem(struct app *a)
{
	app_msg(a, UI_R_ERROR, "Out of memory: nothing was changed");
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
