/*
 * status_draw.c — drawing the bottom line: the message (wrapped upwards
 * over the view when it is wider than the line), the open prompt, or the
 * key bar of the view on top.  What the line holds is statusline.c's.
 */
#include "config.h"

#include <string.h>

#include <curses.h>

#include "plandesk/base/text.h"
#include "app.h"
#include "draw.h"
#include "status_draw.h"

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
