/*
 * statusline.c — prompts on the bottom line, and a progress message
 * shown at once (drawn by status_draw.c; app.c sets the message).
 */
#include "config.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "plandesk/protect/backup.h"
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
	p->choices[0] = p->hints[0] = '\0';
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

void app_choose(struct app *a, const char *question, const char *hints,
		const char *keys,
		int (*done)(struct app *, void *, const char *, int), void *ctx)
{
	open_prompt(a, UI_PR_CHOICE, question, NULL, NULL, done, ctx);
	snprintf(a->prompt.hints, sizeof a->prompt.hints, "%s", hints);
	snprintf(a->prompt.choices, sizeof a->prompt.choices, "%s", keys);
}

void app_prompt_secret(struct app *a, const char *label,
		       int (*done)(struct app *, void *, const char *, int), void *ctx)
{
	struct ui_prompt *p = &a->prompt;

	pd_secret_free(p->secret);
	p->secret = pd_secret_alloc(PD_PASSPHRASE_MAX + 1);
	if (!p->secret) {
		app_nomem(a);
		return;
	}
	p->secret[0] = '\0';
	p->secret_n = p->secret_chars = 0;
	open_prompt(a, UI_PR_SECRET, label, NULL, NULL, done, ctx);
}

/* Close the prompt and tell its owner how it ended.  A secret is handed
 * over, then wiped: it is detached first, as `done` may ask for another. */
static int finish(struct app *a, int how)
{
	struct ui_prompt *p = &a->prompt;
	int (*done)(struct app *, void *, const char *, int) = p->done;
	void *ctx = p->ctx;
	int res = UI_REDRAW;

	if (p->kind == UI_PR_SECRET) {
		char *secret = p->secret;

		p->secret = NULL;
		p->secret_n = p->secret_chars = 0;
		p->kind = UI_PR_NONE;
		if (how != UI_ENTER)
			secret[0] = '\0';
		if (done)
			res = done(a, ctx, secret, how);
		pd_secret_free(secret);
		return res;
	}
	char *text = strdup(p->le.s ? p->le.s : "");
	p->kind = UI_PR_NONE;
	ui_le_set(&p->le, NULL);
	if (done)
		res = done(a, ctx, text ? text : "", how);
	free(text);
	return res;
}

/* A key at the passphrase prompt: characters are added at the end, never
 * beyond PD_PASSPHRASE_MAX bytes; Backspace takes the last one off. */
static int secret_key(struct app *a, int key)
{
	struct ui_prompt *p = &a->prompt;
	char u[4];
	size_t len;

	switch (key) {
	case UI_ENTER:
		return finish(a, UI_ENTER);
	case UI_ESC: case UI_CTRL('G'): case UI_CTRL('C'):
		return finish(a, UI_ESC);
	case UI_FN(KEY_BACKSPACE): case 127: case UI_CTRL('H'):
		while (p->secret_n && ((unsigned char)p->secret[p->secret_n - 1] & 0xC0) == 0x80)
			p->secret[--p->secret_n] = '\0';
		if (p->secret_n) {
			p->secret[--p->secret_n] = '\0';
			p->secret_chars--;
		}
		return UI_REDRAW;
	case UI_CTRL('U'):
		memset(p->secret, 0, p->secret_n);
		p->secret_n = p->secret_chars = 0;
		return UI_REDRAW;
	}
	if (key < 32 || key == 127 || key >= UI_FN(0))
		return UI_IS_ALT(key) ? UI_UNHANDLED : UI_REDRAW;
	len = ui_utf8_encode((unsigned)key, u);
	if (p->secret_n + len > PD_PASSPHRASE_MAX) {
		app_msg(a, UI_R_ERROR, "A passphrase is at most %d bytes", PD_PASSPHRASE_MAX);
		return UI_REDRAW;
	}
	memcpy(p->secret + p->secret_n, u, len);
	p->secret_n += len;
	p->secret[p->secret_n] = '\0';
	p->secret_chars++;
	memset(u, 0, sizeof u);
	return UI_REDRAW;
}

int ui_prompt_key(struct app *a, int key)
{
	struct ui_prompt *p = &a->prompt;

	switch (p->kind) {
	case UI_PR_SECRET:
		return secret_key(a, key);
	case UI_PR_CONFIRM:
		if (UI_IS_ALT(key))
			return UI_UNHANDLED;   /* Esc (no), then the key */
		return finish(a, key == 'y' || key == 'Y' ? 'y' : 'n');
	case UI_PR_CHOICE:
		if (UI_IS_ALT(key))
			return UI_UNHANDLED;
		if (key > 0 && key < 128 && strchr(p->choices, key))
			return finish(a, key);
		return finish(a, UI_ESC);
	case UI_PR_LINE:
		if (key == UI_ENTER)
			return finish(a, UI_ENTER);
		if (key == UI_ESC || key == UI_CTRL('G') || key == UI_CTRL('C'))
			return finish(a, UI_ESC);
		switch (ui_le_key(&p->le, key)) {
		case UI_LE_CHANGED:
			if (p->change)
				p->change(a, p->ctx, p->le.s);
			return UI_REDRAW;
		case UI_LE_UNHANDLED:
			return UI_IS_ALT(key) ? UI_UNHANDLED : UI_REDRAW;
		default:
			return UI_REDRAW;
		}
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
