/*
 * app_draw.c — the one place that draws: the title bar (with the tabs of
 * the four views and the meeting left open), the view on top, the status
 * line, then the hardware cursor on the selected row.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "app.h"
#include "draw.h"
#include "meeting_mode.h"
#include "status_draw.h"

static const char *const top_names[4] = { "Plans", "Actions", "Meetings", "Directory" };

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
