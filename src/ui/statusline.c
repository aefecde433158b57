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

#include "plandesk/base/text.h"
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

/* The hints of `s` ("a x  b y  c z") that fit in w columns, whole. */
static size_t whole_hints(const char *s, int w)
{
	size_t len = strlen(s), fit = 0;

	if (ui_width(s, len) <= w)
		return len;
	for (const char *p = strstr(s, "  "); p; p = strstr(p + 2, "  ")) {
		if (ui_width(s, (size_t)(p - s)) > w)
			break;
		fit = (size_t)(p - s);
	}
	return fit;
}

/*
 * A question and its answer keys on the status line: the keys always
 * whole, the question cut (with an ellipsis) to leave them room.
 */
static int draw_question(struct app *a, int y, const char *q, const char *keys)
{
	attr_t kat = app_attr(a, UI_R_KEY);
	int w = a->cols - 1, kw, qw, x;
	size_t kn = whole_hints(keys, w), qn = strlen(q);
	const char *ell = a->theme.ascii ? "..." : "\xe2\x80\xa6";

	kw = ui_width(keys, kn) + (kn ? 1 : 0);
	qw = ui_width(q, qn);
	if (qw + kw > w) {
		int room = w - kw - ui_width(ell, strlen(ell));
		qn = room > 0 ? pd_utf8_fit(q, qn, room, NULL) : 0;
		x = ui_put(y, 0, w, q, qn, kat, a->theme.ascii);
		x += ui_puts(y, x, w - x, ell, kat, a->theme.ascii);
	} else {
		x = ui_put(y, 0, w, q, qn, kat, a->theme.ascii);
	}
	if (kn) {
		x += ui_puts(y, x, w - x, " ", app_attr(a, UI_R_STATUS), a->theme.ascii);
		x += ui_put(y, x, w - x, keys, kn, app_attr(a, UI_R_STATUS), a->theme.ascii);
	}
	return x;
}

void ui_bar_draw(struct app *a, int y, int w)
{
	const struct ui_keymap *km = app_keys_now(app_top(a));
	struct ui_bar_hint h[16];
	int n, x = 0;

	if (!km || !km->bar)
		km = &ui_keys_global;
	n = ui_keymap_bar(km, w, h, 16);
	for (int i = 0; i < n; i++) {
		const char *label = h[i].label;
		/* q goes back, or quits from a top view: say which. */
		if (h[i].cmd == UI_C_BACK && km == &ui_keys_global && a->depth <= 1)
			label = "quit";
		x += ui_puts(y, x, w - x, i ? "  " : "", app_attr(a, UI_R_STATUS), a->theme.ascii);
		x += ui_puts(y, x, w - x, h[i].key, app_attr(a, UI_R_KEY), a->theme.ascii);
		x += ui_puts(y, x, w - x, " ", app_attr(a, UI_R_STATUS), a->theme.ascii);
		x += ui_puts(y, x, w - x, label, app_attr(a, UI_R_STATUS), a->theme.ascii);
	}
}

/*
 * A message wider than the status line (an error naming a long path) is
 * wrapped upwards over the bottom rows of the view, at most half of them,
 * rather than cut off where the reason comes: it is drawn over the view
 * only until the next key, which clears it.  The position indicator
 * gives way to it.
 */
static void draw_long_msg(struct app *a, int y)
{
	attr_t at = app_attr(a, a->msg_role);
	const char *m = a->msg, *line[UI_MSG_ROWS_MAX];
	size_t len[UI_MSG_ROWS_MAX], n = strlen(m);
	int rows = 0, most = (a->lines - 2) / 2;

	if (most > UI_MSG_ROWS_MAX)
		most = UI_MSG_ROWS_MAX;
	if (most < 1)
		most = 1;
	while (n && rows < most) {
		size_t cut = rows + 1 < most ? ui_wrap_line(m, n, a->cols) : n;
		line[rows] = m;
		len[rows++] = cut;
		m += cut;
		n -= cut;
		while (n && *m == ' ')
			m++, n--;
	}
	for (int i = 0; i < rows; i++) {
		int row = y - (rows - 1 - i);
		ui_fill(row, 0, a->cols, at);
		ui_put(row, 0, a->cols, line[i], len[i], at, a->theme.ascii);
	}
}

void ui_status_draw(struct app *a, int y)
{
	struct ui_prompt *p = &a->prompt;
	attr_t st = app_attr(a, UI_R_STATUS);
	int x, pw;

	ui_fill(y, 0, a->cols, st);
	if (p->kind != UI_PR_NONE) {
		int cx = 0;
		if (p->kind == UI_PR_LINE) {
			x = ui_puts(y, 0, a->cols - 1, p->label, app_attr(a, UI_R_KEY),
				    a->theme.ascii);
			ui_le_draw(&p->le, y, x, a->cols - x - 1, st, a->theme.ascii, &cx);
			move(y, cx);
			return;
		}
		if (p->kind == UI_PR_SECRET) {
			const char *dot = a->theme.ascii ? "*" : "\xe2\x80\xa2";
			x = ui_puts(y, 0, a->cols - 1, p->label, app_attr(a, UI_R_KEY),
				    a->theme.ascii);
			for (size_t i = 0; i < p->secret_chars && x < a->cols - 1; i++)
				x += ui_puts(y, x, a->cols - 1 - x, dot, st, a->theme.ascii);
			move(y, x < a->cols ? x : a->cols - 1);
			return;
		}
		x = draw_question(a, y, p->label, p->kind == UI_PR_CONFIRM ? "(y/N)" : p->hints);
		move(y, x < a->cols ? x : a->cols - 1);
		return;
	}
	pw = a->pos[0] ? (int)strlen(a->pos) + 1 : 0;
	if (a->msg[0] && ui_width(a->msg, strlen(a->msg)) > a->cols - pw) {
		draw_long_msg(a, y);
		return;
	}
	if (a->msg[0]) {
		ui_puts(y, 0, a->cols - pw, a->msg, app_attr(a, a->msg_role), a->theme.ascii);
	} else {
		ui_bar_draw(a, y, a->cols - pw);
	}
	if (pw && pw < a->cols)
		ui_puts(y, a->cols - pw, pw, a->pos, app_attr(a, UI_R_DIM), a->theme.ascii);
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
