/*
 * statusline.c — messages and prompts on the bottom line.
 */
#include "config.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "app.h"
#include "draw.h"
#include "statusline.h"

bool ui_utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

static void open_prompt(struct app *a, enum ui_prompt_kind kind,
			const char *label, const char *initial,
			void (*change)(struct app *, void *, const char *),
			int (*done)(struct app *, void *, const char *, int),
			void *ctx)
{
	struct ui_prompt *p = &a->prompt;

	p->kind = kind;
	snprintf(p->label, sizeof p->label, "%s", label);
	p->choices[0] = '\0';
	p->change = change;
	p->done = done;
	p->ctx = ctx;
	ui_le_set(&p->le, initial);
}

void app_prompt_line(struct app *a, const char *label, const char *initial,
		     void (*change)(struct app *, void *, const char *),
		     int (*done)(struct app *, void *, const char *, int),
		     void *ctx)
{
	open_prompt(a, UI_PR_LINE, label, initial, change, done, ctx);
}

void app_confirm(struct app *a, const char *question,
		 int (*done)(struct app *, void *, const char *, int), void *ctx)
{
	open_prompt(a, UI_PR_CONFIRM, question, NULL, NULL, done, ctx);
}

void app_choose(struct app *a, const char *question, const char *keys,
		int (*done)(struct app *, void *, const char *, int), void *ctx)
{
	open_prompt(a, UI_PR_CHOICE, question, NULL, NULL, done, ctx);
	snprintf(a->prompt.choices, sizeof a->prompt.choices, "%s", keys);
}

/* Close the prompt and tell its owner how it ended. */
static int finish(struct app *a, int how)
{
	struct ui_prompt *p = &a->prompt;
	char *text = strdup(p->le.s ? p->le.s : "");
	int (*done)(struct app *, void *, const char *, int) = p->done;
	void *ctx = p->ctx;
	int res = UI_REDRAW;

	p->kind = UI_PR_NONE;
	ui_le_set(&p->le, NULL);
	if (done)
		res = done(a, ctx, text ? text : "", how);
	free(text);
	return res;
}

int ui_prompt_key(struct app *a, int key)
{
	struct ui_prompt *p = &a->prompt;

	switch (p->kind) {
	case UI_PR_CONFIRM:
		return finish(a, key == 'y' || key == 'Y' ? 'y' : 'n');
	case UI_PR_CHOICE:
		if (key > 0 && key < 128 && strchr(p->choices, key))
			return finish(a, key);
		return finish(a, UI_ESC);
	case UI_PR_LINE:
		if (key == UI_ENTER)
			return finish(a, UI_ENTER);
		if (key == UI_ESC || key == UI_CTRL('G') || key == UI_CTRL('C'))
			return finish(a, UI_ESC);
		if (ui_le_key(&p->le, key) == UI_LE_CHANGED && p->change)
			p->change(a, p->ctx, p->le.s);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}

void app_progress(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_role = UI_R_STATUS;
	if (a->lines < 1)
		return;
	ui_fill(a->lines - 1, 0, a->cols, app_attr(a, UI_R_STATUS));
	ui_puts(a->lines - 1, 0, a->cols, a->msg, app_attr(a, UI_R_STATUS),
		a->theme.ascii);
	refresh();
}

void ui_status_draw(struct app *a, int y)
{
	struct ui_prompt *p = &a->prompt;
	attr_t st = app_attr(a, UI_R_STATUS);
	int x, pw;

	ui_fill(y, 0, a->cols, st);
	if (p->kind != UI_PR_NONE) {
		int cx = 0;
		x = ui_puts(y, 0, a->cols - 1, p->label, app_attr(a, UI_R_KEY),
			    a->theme.ascii);
		if (p->kind == UI_PR_LINE) {
			ui_le_draw(&p->le, y, x, a->cols - x - 1, st, a->theme.ascii, &cx);
			move(y, cx);
		} else {
			move(y, x < a->cols ? x : a->cols - 1);
		}
		return;
	}
	pw = a->pos[0] ? (int)strlen(a->pos) + 1 : 0;
	if (a->msg[0]) {
		ui_puts(y, 0, a->cols - pw, a->msg, app_attr(a, a->msg_role), a->theme.ascii);
	} else {
		x = ui_puts(y, 0, a->cols - pw, "?", app_attr(a, UI_R_KEY), a->theme.ascii);
		x += ui_puts(y, x, a->cols - pw - x, " help  ", st, a->theme.ascii);
		x += ui_puts(y, x, a->cols - pw - x, "q", app_attr(a, UI_R_KEY), a->theme.ascii);
		x += ui_puts(y, x, a->cols - pw - x,
			     a->depth > 1 ? " back  " : " quit  ", st, a->theme.ascii);
		x += ui_puts(y, x, a->cols - pw - x, "1-4", app_attr(a, UI_R_KEY), a->theme.ascii);
		x += ui_puts(y, x, a->cols - pw - x, " views  ", st, a->theme.ascii);
		x += ui_puts(y, x, a->cols - pw - x, ":", app_attr(a, UI_R_KEY), a->theme.ascii);
		ui_puts(y, x, a->cols - pw - x, " command", st, a->theme.ascii);
	}
	if (pw && pw < a->cols)
		ui_puts(y, a->cols - pw, pw, a->pos, app_attr(a, UI_R_DIM), a->theme.ascii);
}
