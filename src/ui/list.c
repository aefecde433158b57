/*
 * list.c — the virtual list widget (list.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "plandesk/base/text.h"
#include "app.h"
#include "draw.h"
#include "list.h"

#define GAP 1
#define MIN_FLEX 10
#define WHEEL 3

void ui_list_init(struct ui_list *l, struct ui_ds *ds,
		  const struct ui_col *cols, int ncols)
{
	memset(l, 0, sizeof *l);
	l->ds = ds;
	l->cols = cols;
	l->ncols = ncols;
	l->sel_kind = -1;
	l->h = 1;
	l->filtering = ds && ds->ops->filter;
}

void ui_list_free(struct ui_list *l)
{
	if (l->ds)
		l->ds->ops->free(l->ds);
	l->ds = NULL;
}

static int rows_of(const struct ui_list *l)
{
	int h = l->h - (l->header ? 1 : 0);
	return h > 0 ? h : 1;
}

/* Make rows up to index `want` known; returns how many rows are known. */
static size_t known(struct ui_list *l, struct pd_txn *txn, size_t want)
{
	struct pd_err err = { 0 };

	if (!l->ds || l->ds->ops->span(l->ds, txn, want, &l->span, &err) != PD_OK)
		l->span = (struct ui_span){ 0, true, 0 };
	return l->span.n;
}

/* Keep sel within the rows and on screen. */
static void clamp(struct ui_list *l, struct pd_txn *txn)
{
	size_t rows = (size_t)rows_of(l);
	size_t n = known(l, txn, (l->sel > l->top ? l->sel : l->top) + rows + 1);

	if (n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= n)
		l->sel = n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	/* No empty space below the last row when scrolled. */
	if (l->span.all && l->top + rows > n)
		l->top = n > rows ? n - rows : 0;
}

/* Column widths for `w` columns; dropped columns get -1. */
static void widths(const struct ui_list *l, int w, int *cw)
{
	int fixed = 0, flex = 0, shown = 0;

	for (int c = 0; c < l->ncols; c++) {
		cw[c] = l->cols[c].width;
		if (cw[c] > 0)
			fixed += cw[c];
		else
			flex++;
		shown++;
	}
	/* Drop droppable columns, right to left, until the flexible ones
	 * get a useful width. */
	for (int c = l->ncols - 1; c >= 0; c--) {
		int avail = w - fixed - GAP * (shown - 1);
		if (avail >= MIN_FLEX * (flex ? flex : 1))
			break;
		if (l->cols[c].flags & UI_COL_DROP) {
			if (cw[c] > 0)
				fixed -= cw[c];
			else
				flex--;
			cw[c] = -1;
			shown--;
		}
	}
	int avail = w - fixed - GAP * (shown - 1);
	int left = avail;
	for (int c = 0, k = 0; c < l->ncols; c++) {
		if (cw[c] != 0)
			continue;
		k++;
		cw[c] = k == flex ? left : avail / flex;
		if (cw[c] < 1)
			cw[c] = 1;
		left -= cw[c];
	}
}

static void draw_row(struct ui_list *l, struct app *a, const struct ui_row *r,
		     int y, int w, const int *cw, bool selected)
{
	attr_t row_attr = app_attr(a, selected ? UI_R_SELECTED : r->role);
	bool ascii = a->theme.ascii;
	int x = l->x;

	ui_fill(y, l->x, w, row_attr);
	if (l->ncols == 0 || r->ncells == 1) {
		int ind = r->depth * 2;
		attr_t at = selected || !r->cell_role[0] ? row_attr
							: app_attr(a, r->cell_role[0]);
		ui_puts(y, x + ind, w - ind, r->cell[0], at, ascii);
		return;
	}
	for (int c = 0; c < l->ncols && x < l->x + w; c++) {
		int width = cw[c], ind = 0, tw;
		const char *text = c < r->ncells ? r->cell[c] : "";
		attr_t at = row_attr;

		if (width < 0)
			continue;
		if (x + width > l->x + w)
			width = l->x + w - x;
		if (!selected && r->cell_role[c])
			at = app_attr(a, r->cell_role[c]);
		if (c == l->indent_col)
			ind = r->depth * 2 < width - 4 ? r->depth * 2 : 0;
		tw = ui_width(text, strlen(text));
		if ((l->cols[c].flags & UI_COL_RIGHT) && tw < width)
			ind = width - tw;
		ui_puts(y, x + ind, width - ind, text, at, ascii);
		x += width + GAP;
	}
}

static void draw_header(struct ui_list *l, struct app *a, int y, int w,
			const int *cw)
{
	attr_t at = app_attr(a, UI_R_HEADER);
	int x = l->x;

	ui_fill(y, l->x, w, app_attr(a, UI_R_NORMAL));
	for (int c = 0; c < l->ncols && x < l->x + w; c++) {
		int width = cw[c];
		if (width < 0)
			continue;
		if (x + width > l->x + w)
			width = l->x + w - x;
		if (l->cols[c].head)
			ui_puts(y, x, width, l->cols[c].head, at, a->theme.ascii);
		x += width + GAP;
	}
}

static void set_pos(struct ui_list *l, struct app *a)
{
	size_t n = l->span.all ? l->span.n : l->span.total;

	if (l->span.n == 0)
		snprintf(a->pos, sizeof a->pos, "0/0");
	else if (n)
		snprintf(a->pos, sizeof a->pos, "%zu/%zu", l->sel + 1, n);
	else
		snprintf(a->pos, sizeof a->pos, "%zu/%zu+", l->sel + 1, l->span.n);
}

/*
 * Share the width among the columns shown by what they hold: a column of
 * fixed width shrinks to its longest cell (or heading) on screen, the
 * flexible one takes the rest, and room the flexible one does not need
 * goes back to fixed columns that were cutting their cells.
 */
static void share(const struct ui_list *l, int w, const int *need, int *cw)
{
	int shown = 0, flex = 0, used = 0, avail, spare = 0;

	for (int c = 0; c < l->ncols; c++)
		if (cw[c] >= 0) {
			shown++;
			flex += l->cols[c].width == 0;
		}
	avail = w - GAP * (shown > 0 ? shown - 1 : 0);
	if (!flex || avail <= 0)
		return;
	for (int c = 0; c < l->ncols; c++)
		if (cw[c] >= 0 && l->cols[c].width > 0) {
			if (need[c] < cw[c])
				cw[c] = need[c] > 0 ? need[c] : 1;
			used += cw[c];
		}
	for (int c = 0, k = 0, left = avail - used; c < l->ncols; c++) {
		if (cw[c] < 0 || l->cols[c].width > 0)
			continue;
		k++;
		cw[c] = k == flex ? left : (avail - used) / flex;
		left -= cw[c];
		if (cw[c] > need[c] && need[c] >= MIN_FLEX) {
			spare += cw[c] - need[c];
			cw[c] = need[c];
		}
	}
	for (int c = 0; c < l->ncols && spare > 0; c++)
		if (cw[c] >= 0 && l->cols[c].width > 0 && need[c] > cw[c]) {
			int give = need[c] - cw[c] < spare ? need[c] - cw[c] : spare;
			cw[c] += give;
			spare -= give;
		}
	/* What is left stays with the last flexible column. */
	for (int c = l->ncols - 1; c >= 0 && spare > 0; c--)
		if (cw[c] >= 0 && l->cols[c].width == 0) {
			cw[c] += spare;
			spare = 0;
		}
}

void ui_list_draw(struct ui_list *l, struct app *a, struct pd_txn *txn,
		  int y, int x, int h, int w)
{
	int cw[UI_MAXCELLS + 4], need[UI_MAXCELLS + 4], rows, ry, n = 0;
	struct ui_row *r;
	bool more_below;

	l->y = y;
	l->x = x;
	l->h = h > 0 ? h : 1;
	l->w = w;
	if (h <= 0 || w <= 0)
		return;
	clamp(l, txn);
	rows = rows_of(l);
	widths(l, w, cw);
	/* The rows on screen, read once: their cells set the widths. */
	if (!(r = calloc((size_t)rows, sizeof *r)))
		return;
	for (int c = 0; c < l->ncols; c++)
		need[c] = l->header && l->cols[c].head ?
			  ui_width(l->cols[c].head, strlen(l->cols[c].head)) : 1;
	for (int i = 0; i < rows && l->top + (size_t)i < l->span.n; i++, n++) {
		struct pd_err err = { 0 };
		if (l->ds->ops->row(l->ds, txn, l->top + (size_t)i, &r[i], &err) != PD_OK) {
			ui_row_clear(&r[i]);
			ui_row_text(&r[i], 0, err.code == PD_NOTFOUND ? "(gone)" : err.msg);
			r[i].role = UI_R_ERROR;
		}
		/* A one-cell row spans the width (a heading, a note): it
		 * does not say how wide the first column must be. */
		for (int c = 0; r[i].ncells > 1 && c < r[i].ncells && c < l->ncols; c++) {
			int cwid = ui_width(r[i].cell[c], strlen(r[i].cell[c])) +
				   (c == l->indent_col ? r[i].depth * 2 : 0);
			if (cwid > need[c])
				need[c] = cwid;
		}
	}
	if (l->ncols > 1)
		share(l, w, need, cw);
	ry = y;
	if (l->header && h > 1)
		draw_header(l, a, ry++, w, cw);
	a->cur_y = ry;
	a->cur_x = x;
	for (int i = 0; i < rows && ry < y + h; i++, ry++) {
		size_t idx = l->top + (size_t)i;

		if (i >= n) {
			ui_fill(ry, x, w, app_attr(a, UI_R_NORMAL));
			if (idx == 0 && l->empty)
				ui_puts(ry, x + 1, w - 1, l->empty,
					app_attr(a, UI_R_DIM), a->theme.ascii);
			continue;
		}
		draw_row(l, a, &r[i], ry, w, cw, idx == l->sel);
		if (idx == l->sel) {
			l->sel_id = r[i].id;
			l->sel_kind = r[i].kind;
			a->cur_y = ry;
		}
	}
	free(r);
	/* Rows out of sight above or below: a mark at the right edge. */
	more_below = l->top + (size_t)rows < l->span.n;   /* clamp read one past */
	if (n && l->top > 0)
		ui_puts(y + (l->header && h > 1 ? 1 : 0), x + w - 1, 1,
			a->theme.ascii ? "^" : "\xe2\x96\xb2", app_attr(a, UI_R_KEY), a->theme.ascii);
	if (n == rows && more_below)
		ui_puts(y + h - 1, x + w - 1, 1, a->theme.ascii ? "v" : "\xe2\x96\xbc",
			app_attr(a, UI_R_KEY), a->theme.ascii);
	set_pos(l, a);
}

int ui_list_selected(struct ui_list *l, struct app *a, struct ui_row *out)
{
	struct pd_txn *txn = app_txn(a);
	struct pd_err err = { 0 };
	int rc;

	ui_row_clear(out);
	if (!txn)
		return PD_EDB;
	if (known(l, txn, l->sel + 1) <= l->sel)
		rc = PD_NOTFOUND;
	else
		rc = l->ds->ops->row(l->ds, txn, l->sel, out, &err);
	pd_txn_end(txn);
	return rc;
}

/* Folded text of row i, for find. */
static bool row_matches(struct ui_list *l, struct pd_txn *txn, size_t i,
			const char *fq, struct ui_row *r)
{
	char hay[UI_MAXCELLS * (UI_CELL + 1)], *folded;
	size_t used = 0;
	bool ok;

	if (l->ds->ops->row(l->ds, txn, i, r, NULL) != PD_OK)
		return false;
	for (int c = 0; c < r->ncells; c++) {
		size_t len = strlen(r->cell[c]);
		memcpy(hay + used, r->cell[c], len);
		used += len;
		hay[used++] = ' ';
	}
	if (pd_text_fold(hay, used, &folded, NULL) != PD_OK)
		return false;
	ok = ui_match_words(folded, fq);
	free(folded);
	return ok;
}

/* Move to the next (dir 1) or previous (-1) row matching the find text,
 * starting at `from` itself when `inclusive`. */
static bool find(struct ui_list *l, struct app *a, int dir, bool inclusive)
{
	struct pd_txn *txn;
	struct ui_row *r;
	char *fq;
	bool found = false;
	size_t i = l->sel;

	if (!l->query[0])
		return false;
	if (pd_text_fold(l->query, strlen(l->query), &fq, NULL) != PD_OK)
		return false;
	if (!(r = malloc(sizeof *r)) || !(txn = app_txn(a))) {
		free(r);
		free(fq);
		return false;
	}
	if (!inclusive) {
		if (dir < 0 && i == 0)
			goto out;
		i = dir > 0 ? i + 1 : i - 1;
	}
	for (;;) {
		if (known(l, txn, i + 1) <= i)
			break;
		if (row_matches(l, txn, i, fq, r)) {
			l->sel = i;
			found = true;
			break;
		}
		if (dir < 0 && i == 0)
			break;
		i = dir > 0 ? i + 1 : i - 1;
	}
out:
	pd_txn_end(txn);
	free(r);
	free(fq);
	return found;
}

void ui_list_set_query(struct ui_list *l, struct app *a, const char *query)
{
	struct pd_err err = { 0 };

	snprintf(l->query, sizeof l->query, "%s", query ? query : "");
	if (!l->filtering) {
		if (l->query[0] && !find(l, a, 1, true) && !find(l, a, -1, true))
			app_msg(a, UI_R_ERROR, "Not found: %s", l->query);
		return;
	}
	struct pd_txn *txn = app_txn(a);
	if (!txn)
		return;
	if (l->ds->ops->filter(l->ds, txn, l->query, &err) != PD_OK)
		app_error(a, "filter", &err);
	l->sel = l->top = 0;
	pd_txn_end(txn);
}

static void query_change(struct app *a, void *ctx, const char *text)
{
	ui_list_set_query(ctx, a, text);
}

static int query_done(struct app *a, void *ctx, const char *text, int how)
{
	struct ui_list *l = ctx;
	int kind = l->sel_kind;
	uint64_t id = l->sel_id;

	if (how == UI_ESC) {
		size_t off = l->sel - l->top;

		ui_list_set_query(l, a, "");
		/* Back to the row that was selected in the filtered list, on
		 * the same screen row. */
		if (l->filtering && id) {
			l->top = 0;
			l->sel = off;
			ui_list_select_id(l, a, kind, id);
		}
	} else if (how == UI_ENTER && l->filtering && text[0]) {
		app_msg(a, UI_R_STATUS, "Filter: %s  (/ then Esc clears)", text);
	}
	return UI_REDRAW;
}

int ui_list_start_query(struct ui_list *l, struct app *a)
{
	app_prompt_line(a, l->filtering ? "Filter: " : "Find: ",
			l->filtering ? l->query : NULL, query_change, query_done, l);
	if (!l->filtering)
		l->query[0] = '\0';
	return UI_REDRAW;
}

bool ui_list_select_id(struct ui_list *l, struct app *a, int kind, uint64_t id)
{
	struct pd_txn *txn;
	size_t at;
	bool ok = false;

	if (!id || !l->ds || !(txn = app_txn(a)))
		return false;
	if (l->ds->ops->find(l->ds, txn, kind, id, l->sel, &at) == PD_OK) {
		size_t off = l->sel >= l->top ? l->sel - l->top : 0;
		l->sel = at;
		l->top = at >= off ? at - off : 0;
		l->sel_kind = kind;
		l->sel_id = id;
		ok = true;
	}
	pd_txn_end(txn);
	return ok;
}

void ui_list_reload(struct ui_list *l, struct app *a)
{
	if (!l->ds)
		return;
	l->ds->ops->reset(l->ds);
	/* A record just added is selected; else the selected one is found
	 * again by id; if it is gone the index stays (clamped). */
	if (a->focus_id && ui_list_select_id(l, a, a->focus_kind, a->focus_id))
		return;
	ui_list_select_id(l, a, l->sel_kind, l->sel_id);
}

static int mouse(struct ui_list *l, struct app *a)
{
	MEVENT ev;
	int first = l->y + (l->header ? 1 : 0);

	if (getmouse(&ev) != OK)
		return UI_NOTHING;
	if (ev.bstate & BUTTON4_PRESSED) {
		l->top = l->top > WHEEL ? l->top - WHEEL : 0;
		if (l->sel >= l->top + (size_t)rows_of(l))
			l->sel = l->top + (size_t)rows_of(l) - 1;
		return UI_REDRAW;
	}
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED) {
		struct pd_txn *txn = app_txn(a);
		size_t n = txn ? known(l, txn, l->top + (size_t)rows_of(l) + WHEEL) : 0;
		pd_txn_end(txn);
		if (l->top + (size_t)rows_of(l) < n)
			l->top += WHEEL;
		if (l->sel < l->top)
			l->sel = l->top;
		return UI_REDRAW;
	}
#endif
	if ((ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) &&
	    ev.y >= first && ev.y < l->y + l->h && ev.x >= l->x && ev.x < l->x + l->w) {
		l->sel = l->top + (size_t)(ev.y - first);
		return UI_REDRAW;   /* draw clamps to the rows there are */
	}
	return UI_NOTHING;
}

int ui_list_key(struct ui_list *l, struct app *a, int key)
{
	size_t rows = (size_t)rows_of(l), n;
	struct pd_txn *txn;
	enum ui_cmd cmd;

	if (key == UI_FN(KEY_MOUSE))
		return mouse(l, a);
	cmd = ui_keymap_find(&ui_keys_list, key);
	switch (cmd) {
	case UI_C_FILTER:
		return ui_list_start_query(l, a);
	case UI_C_NEXT: case UI_C_PREV:
		if (!l->query[0]) {
			app_msg(a, UI_R_STATUS, "No search: press / first");
			return UI_REDRAW;
		}
		if (!find(l, a, cmd == UI_C_NEXT ? 1 : -1, false))
			app_msg(a, UI_R_STATUS, "No more matches for \"%s\"", l->query);
		return UI_REDRAW;
	case UI_C_NONE:
		return UI_UNHANDLED;
	default:
		break;
	}
	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	switch (cmd) {
	case UI_C_DOWN:
		if (known(l, txn, l->sel + 2) > l->sel + 1)
			l->sel++;
		break;
	case UI_C_UP:
		if (l->sel > 0)
			l->sel--;
		break;
	case UI_C_PGDN: case UI_C_HALFDN: {
		size_t step = cmd == UI_C_PGDN ? rows : (rows + 1) / 2;
		n = known(l, txn, l->top + step + rows);
		if (n == 0)
			break;
		if (l->top + step + rows <= n || !l->span.all)
			l->top += step;
		else
			l->top = n > rows ? n - rows : 0;
		l->sel = l->sel + step < n ? l->sel + step : n - 1;
		break;
	}
	case UI_C_PGUP: case UI_C_HALFUP: {
		size_t step = cmd == UI_C_PGUP ? rows : (rows + 1) / 2;
		l->top = l->top > step ? l->top - step : 0;
		l->sel = l->sel > step ? l->sel - step : 0;
		break;
	}
	case UI_C_TOP:
		l->sel = l->top = 0;
		break;
	case UI_C_BOTTOM:
		n = known(l, txn, SIZE_MAX);
		l->sel = n ? n - 1 : 0;
		l->top = n > rows ? n - rows : 0;
		break;
	default:
		break;
	}
	clamp(l, txn);
	pd_txn_end(txn);
	return UI_REDRAW;
}
