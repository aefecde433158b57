/*
 * meeting_agenda.c — the agenda page of meeting mode: for the item being
 * discussed, its title, lead and status, the actions required, what the
 * last meeting recorded, the to-dos carried forward with their owners, and
 * what has been typed at this meeting; below them the entry line.  Data
 * comes from pd_agenda_load (core) and is kept between draws; it is read
 * again when the data changes (mm_load).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/meetings/actionline.h"
#include "plandesk/base/buf.h"
#include "plandesk/meetings/due.h"
#include "plandesk/base/text.h"
#include "plandesk/meetings/track.h"
#include "draw.h"
#include "edit.h"
#include "meeting_mode_impl.h"
#include "recfmt.h"
#include "theme.h"

void mm_lines_free(struct mm_view *m)
{
	for (size_t i = 0; i < m->nlines; i++)
		free(m->lines[i].text);
	m->nlines = 0;
}

static void add_line(struct mm_view *m, int role, int indent, const char *mark,
		     int kind, uint64_t id, const char *text)
{
	bool here = m->nlines && m->lines[m->nlines - 1].here;

	struct mm_line *l;

	if (pd_grow(&m->lines, &m->cap, m->nlines + 1, sizeof *m->lines, 32))
		return;
	l = &m->lines[m->nlines];
	if (!(l->text = strdup(text)))
		return;
	snprintf(l->mark, sizeof l->mark, "%s", mark);
	l->role = role;
	l->indent = indent;
	l->kind = kind;
	l->id = id;
	/* Lines under "This meeting" were typed here and can be edited. */
	l->here = role == UI_R_HEADING ? strcmp(text, "This meeting") == 0 : here;
	m->nlines++;
}

static void long_date(const char *iso, char *out, size_t n)
{
	struct pd_date d;

	if (pd_date_parse(iso, &d, NULL) == PD_OK)
		pd_date_long(&d, out, n);
	else
		snprintf(out, n, "%s", iso);
}

/* A line of field `f` of `r`, marked when it is confidential. */
static void marked_line(struct mm_view *m, int role, const char *mark, int kind,
			const struct pd_record *r, int f)
{
	char *text;

	if (asprintf(&text, "%s%s", ui_conf_mark(r), pd_get_text(r, f)) < 0)
		return;
	add_line(m, role, 2, mark, kind, r->id, text);
	free(text);
}

/* "KP to …  — Kath Pike · due 18th September 2009" */
static void action_line(struct mm_view *m, struct app *a, struct pd_txn *txn,
			const struct pd_record *r, const char *mark)
{
	struct pd_buf b = PD_BUF_INIT;
	const char *owner = pd_get_text(r, PD_ACTION_OWNER);
	size_t n = pd_refs_count(r, PD_ACTION_OWNERS);
	char name[160], when[PD_DATE_LONG_SIZE];
	enum pd_action_state st = pd_action_state(r);

	pd_buf_puts(&b, ui_conf_mark(r));
	pd_buf_puts(&b, pd_get_text(r, PD_ACTION_TEXT));
	for (size_t i = 0; i < n; i++) {
		ui_rec_name(txn, PD_PERSON, pd_refs_at(r, PD_ACTION_OWNERS, i), name,
			    sizeof name);
		pd_buf_printf(&b, "%s%s", i ? ", " : "  \xe2\x80\x94 ", name);
	}
	if (!n && *owner)
		pd_buf_printf(&b, "  \xe2\x80\x94 %s (not in the directory)", owner);
	if (pd_is_set(r, PD_ACTION_DUE)) {
		long_date(pd_get_text(r, PD_ACTION_DUE), when, sizeof when);
		pd_buf_printf(&b, " \xc2\xb7 due %s", when);
	}
	add_line(m, st != PD_AS_OPEN ? UI_R_DIM :
		 pd_action_overdue(r, &a->today) ? UI_R_OVERDUE : UI_R_NORMAL,
		 2, mark, PD_ACTION, r->id, b.p ? b.p : "");
	pd_buf_free(&b);
}

static void note_line(struct mm_view *m, const struct pd_record *u,
		      const struct pd_scale *sc, bool selectable)
{
	bool only = pd_update_is_status_only(u, sc);

	marked_line(m, only ? UI_R_DIM : UI_R_NORMAL, only ? "" : "\xc2\xb7",
		    selectable && !only ? PD_UPDATE : -1, u, PD_UPDATE_TEXT);
}

/* The status shown under the title (this meeting's, else the last one),
 * and the keys that set it with their meanings. */
static void status_text(struct mm_view *m, struct app *a, const struct pd_agenda *ag,
			const struct pd_scale *sc)
{
	const char *code = ag->status[0] ? ag->status : pd_get_text(&ag->item, PD_ITEM_STATUS);
	const struct pd_level *lv = pd_scale_level(sc, code);

	ui_scale_hints(sc, "Alt-", false, m->legend, sizeof m->legend);
	if (!lv) {
		snprintf(m->status, sizeof m->status, "Status: none yet");
		m->status_role = UI_R_DIM;
		return;
	}
	snprintf(m->status, sizeof m->status, "Status: %s%s %s %s", ag->status[0] ? "" : "was ",
		 ui_status_mark(&a->theme, lv->kind), lv->code, lv->label);
	m->status_role = ag->status[0] ? (int)ui_status_role(lv->kind) : UI_R_DIM;
}

static void build_page(struct mm_view *m, struct app *a, struct pd_txn *txn,
		       const struct pd_agenda *ag)
{
	const struct pd_scale *sc = pd_plan_scale(txn, m->plan);
	const char *ref = pd_get_text(&ag->item, PD_ITEM_REF);
	char when[PD_DATE_LONG_SIZE], head[64];
	size_t i, k;

	snprintf(m->head, sizeof m->head, "%s. %s", ref, pd_get_text(&ag->item, PD_ITEM_TITLE));
	snprintf(m->lead, sizeof m->lead, "%s%s", pd_is_set(&ag->item, PD_ITEM_LEAD) ? "Lead: " : "",
		 pd_get_text(&ag->item, PD_ITEM_LEAD));
	status_text(m, a, ag, sc);
	if (ag->agreed.n) {
		add_line(m, UI_R_HEADING, 0, "", -1, 0, "Actions required");
		for (i = 0; i < ag->agreed.n; i++)
			marked_line(m, pd_action_state(&ag->agreed.r[i]) == PD_AS_OPEN ? UI_R_NORMAL
				    : UI_R_DIM, "\xc2\xb7", PD_ACTION, &ag->agreed.r[i],
				    PD_ACTION_TEXT);
	}
	if (ag->previous) {
		long_date(ag->previous_date, when, sizeof when);
		snprintf(head, sizeof head, "Last meeting, %s", when);
		add_line(m, UI_R_HEADING, 0, "", -1, 0, head);
		for (i = 0; i < ag->last.n; i++)
			note_line(m, &ag->last.r[i], sc, false);
		if (!ag->last.n)
			add_line(m, UI_R_DIM, 2, "", -1, 0, "nothing recorded");
	}
	if (ag->todo.n) {
		add_line(m, UI_R_HEADING, 0, "", -1, 0, "To do (carried forward)");
		for (i = 0; i < ag->todo.n; i++)
			action_line(m, a, txn, &ag->todo.r[i],
				    pd_action_state(&ag->todo.r[i]) == PD_AS_OPEN ? "[ ]" : "[x]");
	}
	add_line(m, UI_R_HEADING, 0, "", -1, 0, "This meeting");
	/* Notes and actions in the order typed (ids grow). */
	for (i = 0, k = 0; i < ag->notes.n || k < ag->actions.n;) {
		if (k == ag->actions.n ||
		    (i < ag->notes.n && ag->notes.r[i].id < ag->actions.r[k].id)) {
			note_line(m, &ag->notes.r[i++], sc, true);
		} else {
			const struct pd_record *r = &ag->actions.r[k++];
			action_line(m, a, txn, r, pd_action_state(r) == PD_AS_OPEN ?
				    (a->theme.ascii ? "->" : "\xe2\x86\x92") : "[x]");
		}
	}
	if (!ag->notes.n && !ag->actions.n)
		add_line(m, UI_R_DIM, 2, "", -1, 0,
			 "Nothing yet: type below and press Enter");
}

void mm_load(struct mm_view *m, struct app *a)
{
	struct pd_txn *txn = app_txn(a);
	struct pd_record r, p;
	struct pd_agenda ag;
	struct pd_err err = { 0 };

	mm_lines_free(m);
	m->head[0] = m->lead[0] = m->status[0] = m->legend[0] = '\0';
	if (!txn)
		return;
	pd_record_init(&r, PD_MEETING);
	if (pd_get(txn, PD_MEETING, m->meeting, &r, NULL) != PD_OK) {
		m->gone = true;
		pd_txn_end(txn);
		return;
	}
	m->plan = pd_get_ref(&r, PD_MEETING_PLAN);
	snprintf(m->date_iso, sizeof m->date_iso, "%s", pd_get_text(&r, PD_MEETING_DATE));
	long_date(m->date_iso, m->date_long, sizeof m->date_long);
	pd_meeting_counts(&r, &m->npresent, &m->napologies);
	pd_record_clear(&r);
	pd_record_init(&p, PD_PLAN);
	if (pd_get(txn, PD_PLAN, m->plan, &p, NULL) == PD_OK)
		snprintf(m->plan_ref, sizeof m->plan_ref, "%s", pd_get_text(&p, PD_PLAN_REF));
	pd_record_clear(&p);
	free(m->items);
	m->items = NULL;
	m->nitems = 0;
	pd_agenda_items(txn, m->plan, &m->items, &m->nitems, NULL);
	if (m->cur != MM_ATTEND && m->cur >= m->nitems)
		m->cur = m->nitems ? m->nitems - 1 : MM_ATTEND;
	if (m->cur != MM_ATTEND) {
		if (pd_agenda_load(txn, m->meeting, m->items[m->cur], &ag, &err) == PD_OK)
			build_page(m, a, txn, &ag);
		else
			app_error(a, "reading the agenda", &err);
		pd_agenda_free(&ag);
	}
	pd_txn_end(txn);
	if (!mm_selected(m))
		m->sel_kind = -1, m->sel_id = 0;
}

/* --- selection -------------------------------------------------------------- */

const struct mm_line *mm_selected(const struct mm_view *m)
{
	for (size_t i = 0; i < m->nlines; i++)
		if (m->lines[i].kind >= 0 && m->lines[i].kind == m->sel_kind &&
		    m->lines[i].id == m->sel_id)
			return &m->lines[i];
	return NULL;
}

int mm_mark(struct mm_view *m, struct app *a)
{
	const struct mm_line *l = mm_selected(m);

	if (!l) {
		app_msg(a, UI_R_STATUS, "Select a line first (Up/Down), or begin a new one with !c");
		return UI_REDRAW;
	}
	return ui_mark_toggle(a, l->kind, l->id);
}

void mm_select_step(struct mm_view *m, int dir)
{
	const struct mm_line *cur = mm_selected(m);
	long i = cur ? (long)(cur - m->lines) : dir > 0 ? -1 : (long)m->nlines;

	for (i += dir; i >= 0 && i < (long)m->nlines; i += dir)
		if (m->lines[i].kind >= 0) {
			m->sel_kind = m->lines[i].kind;
			m->sel_id = m->lines[i].id;
			return;
		}
}

void mm_select_default(struct mm_view *m)
{
	bool here = false;

	m->sel_kind = -1;
	m->sel_id = 0;
	/* The newest line of "This meeting", else the first open to-do. */
	for (size_t i = 0; i < m->nlines; i++) {
		if (m->lines[i].role == UI_R_HEADING)
			here = strcmp(m->lines[i].text, "This meeting") == 0;
		if (here && m->lines[i].kind >= 0) {
			m->sel_kind = m->lines[i].kind;
			m->sel_id = m->lines[i].id;
		}
	}
	if (m->sel_id)
		return;
	for (size_t i = 0; i < m->nlines; i++)
		if (strcmp(m->lines[i].mark, "[ ]") == 0) {
			m->sel_kind = m->lines[i].kind;
			m->sel_id = m->lines[i].id;
			return;
		}
}

/* --- drawing ----------------------------------------------------------------- */

/* Bytes of `s` that fit in `w` columns, broken at a space when it can. */
static size_t fit_words(const char *s, size_t n, int w)
{
	size_t k = pd_utf8_fit(s, n, w, NULL);

	if (k == 0 && n)
		k = pd_utf8_decode(s, n, NULL);   /* at least one character */
	if (k < n) {
		size_t sp = k;
		while (sp > 0 && s[sp - 1] != ' ')
			sp--;
		if (sp > 0)
			k = sp;
	}
	return k;
}

/* Screen rows line `l` takes at width `w`, drawing those of its rows that
 * fall in [top, bottom) when it starts at row `y` (top == bottom: only
 * count them; a line may start above the panel). */
static int line_rows(struct mm_view *m, struct app *a, const struct mm_line *l,
		     int y, int top, int bottom, int w, bool sel)
{
	int pre = l->indent + (l->mark[0] ? ui_width(l->mark, strlen(l->mark)) + 1 : 0);
	const char *s = l->text;
	size_t n = strlen(s);
	attr_t at = app_attr(a, sel ? UI_R_SELECTED : l->role);
	int rows = 0;

	if (w - pre < 10)
		pre = 0;
	do {
		size_t k = fit_words(s, n, w - pre);
		if (y + rows >= top && y + rows < bottom) {
			ui_fill(y + rows, 0, w, at);
			if (!rows && l->mark[0])
				ui_puts(y + rows, l->indent, w - l->indent, l->mark, at,
					a->theme.ascii);
			ui_put(y + rows, pre, w - pre, s, k, at, a->theme.ascii);
		}
		rows++;
		s += k;
		n -= k;
		while (n && *s == ' ') {
			s++;
			n--;
		}
	} while (n);
	return rows;
}

/* The preview of what Enter will do with the line. */
static void preview(struct mm_view *m, struct app *a, int y, int w)
{
	struct pd_actionline al;
	struct pd_due due = { .kind = PD_DUE_NONE };
	struct pd_date from;
	char buf[320], when[PD_DATE_LONG_SIZE], others[64];
	int role = UI_R_DIM;
	size_t n;

	if (m->le.n && pd_date_parse(m->date_iso, &from, NULL) == PD_OK && from.d)
		pd_due_parse(m->le.s, m->le.n, &from, &due);
	when[0] = '\0';
	if (due.kind == PD_DUE_DATE)
		pd_date_long(&due.date, when, sizeof when);
	if (!m->le.n && m->edit_kind >= 0) {
		snprintf(buf, sizeof buf, "Enter deletes this line (it asks first) \xc2\xb7 "
			 "Esc leaves it as it was");
	} else if (!m->le.n && (n = mm_lines_elsewhere(m, a, others, sizeof others))) {
		snprintf(buf, sizeof buf, "A line is half-typed on item%s %s (Tab there "
			 "to finish it)", n == 1 ? "" : "s", others);
		role = UI_R_SLIPPED;
	} else if (!m->le.n) {
		snprintf(buf, sizeof buf, "Type a note, Enter saves it \xc2\xb7 \"KP to \xe2\x80\xa6 "
			 "by Friday\" makes an action \xc2\xb7 F1 help");
	} else if (pd_actionline_parse(m->le.s, m->le.n, &al) && al.is_action) {
		snprintf(buf, sizeof buf, "Enter %s an action for %.*s%s%s%s",
			 m->edit_kind >= 0 ? "changes it to" : "saves", (int)al.owner_len,
			 m->le.s + al.owner_off, when[0] ? ", due " : "", when,
			 due.kind == PD_DUE_NEXT_MEETING ? ", due at the next meeting" :
			 due.kind == PD_DUE_BAD ? "; the date is not a day: none set" : "");
		role = due.kind == PD_DUE_BAD ? UI_R_SLIPPED : UI_R_KEY;
	} else {
		snprintf(buf, sizeof buf, "Enter %s a note", m->edit_kind >= 0 ?
			 "changes it to" : "saves");
	}
	ui_fill(y, 0, w, app_attr(a, UI_R_DIM));
	ui_puts(y, 1, w - 1, buf, app_attr(a, role), a->theme.ascii);
}

/* The key hints of the status legend that fit in w columns, whole. */
static int draw_legend(struct mm_view *m, struct app *a, int y, int w)
{
	const char *s = m->legend, *cut = s + strlen(s);

	while (cut > s && ui_width(s, (size_t)(cut - s)) > w) {
		const char *p = cut;
		while (p > s && !(p[0] == ' ' && p[-1] == ' '))
			p--;
		cut = p > s ? p - 1 : s;
	}
	return ui_put(y, 0, w, s, (size_t)(cut - s), app_attr(a, UI_R_DIM), a->theme.ascii);
}

void mm_draw_agenda(struct mm_view *m, struct app *a, int y, int h, int w)
{
	const struct mm_line *sel = mm_selected(m);
	const char *up = a->theme.ascii ? "^" : "\xe2\x86\x91";
	const char *down = a->theme.ascii ? "v" : "\xe2\x86\x93";
	int top = y + 3, bottom = y + h - 2, ph, total = 0, sel_at = -1, sel_rows = 0,
	    x, row, above, below;
	char pos[64];

	ui_puts(y, 0, w, m->head, app_attr(a, UI_R_HEADING), a->theme.ascii);
	x = ui_puts(y + 1, 0, w, m->status, app_attr(a, m->status_role), a->theme.ascii);
	if (m->lead[0] && x + 3 < w) {
		x += 3;
		x += ui_puts(y + 1, x, w - x, m->lead, app_attr(a, UI_R_DIM), a->theme.ascii);
	}
	snprintf(pos, sizeof pos, "item %zu of %zu", m->cur + 1, m->nitems);
	if (x + (int)strlen(pos) + 3 < w)
		ui_puts(y + 1, w - (int)strlen(pos) - 1, (int)strlen(pos) + 1, pos,
			app_attr(a, UI_R_DIM), a->theme.ascii);
	draw_legend(m, a, y + 2, w);
	/* Where the selection is, to scroll it into view; else show the end. */
	for (size_t i = 0; i < m->nlines; i++) {
		int r = line_rows(m, a, &m->lines[i], -1, 0, 0, w, false);
		if (&m->lines[i] == sel) {
			sel_at = total;
			sel_rows = r;
		}
		total += r;
	}
	/* When it does not all fit, a row at either end says what is out of
	 * sight: the panel is two rows shorter. */
	ph = bottom - top;
	if (total > ph)
		ph -= 2;
	if (ph < 1)
		ph = 1;
	if (sel_at >= 0) {
		if (sel_at < m->scroll)
			m->scroll = sel_at;
		if (sel_at + sel_rows > m->scroll + ph)
			m->scroll = sel_at + sel_rows - ph;
	} else {
		m->scroll = total > ph ? total - ph : 0;
	}
	if (m->scroll > (total > ph ? total - ph : 0))
		m->scroll = total > ph ? total - ph : 0;
	if (m->scroll < 0)
		m->scroll = 0;
	above = m->scroll;
	below = total - m->scroll - ph > 0 ? total - m->scroll - ph : 0;
	if (total > bottom - top) {
		char mark[64];
		snprintf(mark, sizeof mark, above ? "  %s %d more above (Up)" : "", up, above);
		ui_puts(top, 0, w, mark, app_attr(a, UI_R_DIM), a->theme.ascii);
		snprintf(mark, sizeof mark, below ? "  %s %d more below (Down)" : "", down, below);
		ui_puts(bottom - 1, 0, w, mark, app_attr(a, UI_R_DIM), a->theme.ascii);
		top++;
		bottom--;
	}
	row = top - m->scroll;
	for (size_t i = 0; i < m->nlines && row < bottom; i++)
		row += line_rows(m, a, &m->lines[i], row, top, bottom, w, &m->lines[i] == sel);
	if (m->gone)
		ui_puts(top, 2, w - 2, "This meeting has been deleted.", app_attr(a, UI_R_ERROR),
			a->theme.ascii);
	preview(m, a, y + h - 2, w);
	x = ui_puts(y + h - 1, 0, w, m->edit_kind >= 0 ? "edit> " : "> ",
		    app_attr(a, UI_R_KEY), a->theme.ascii);
	ui_le_draw(&m->le, y + h - 1, x, w - x, 0, a->theme.ascii, &a->cur_x);
	a->cur_y = y + h - 1;
}

#define S(n) ((n) == 1 ? "" : "s")

void mm_draw_summary(struct mm_view *m, struct app *a, int y, int h, int w)
{
	char line[320];
	const struct pd_meeting_summary *s = &m->sum;
	int r = y;

	(void)h;
	snprintf(line, sizeof line, "The meeting of %s has ended", m->date_long);
	ui_puts(r++, 1, w - 1, line, app_attr(a, UI_R_HEADING), a->theme.ascii);
	r++;
	snprintf(line, sizeof line, "%zu present, %zu sent apologies", s->present, s->apologies);
	ui_puts(r++, 3, w - 3, line, 0, a->theme.ascii);
	snprintf(line, sizeof line, "%zu of %zu items discussed", s->items, m->nitems);
	ui_puts(r++, 3, w - 3, line, 0, a->theme.ascii);
	snprintf(line, sizeof line, "%zu progress note%s, %zu status%s given", s->notes,
		 S(s->notes), s->statuses, s->statuses == 1 ? "" : "es");
	ui_puts(r++, 3, w - 3, line, 0, a->theme.ascii);
	snprintf(line, sizeof line, "%zu new action%s, %zu to-do%s ticked done", s->actions,
		 S(s->actions), s->done, S(s->done));
	ui_puts(r++, 3, w - 3, line, 0, a->theme.ascii);
	if (s->dated) {
		snprintf(line, sizeof line, "%zu with a due date of %s own", s->dated,
			 s->dated == 1 ? "its" : "their");
		ui_puts(r++, 5, w - 5, line, 0, a->theme.ascii);
	}
	if (s->at_next) {
		snprintf(line, sizeof line, "%zu due at the next meeting%s%s%s", s->at_next,
			 m->next_long[0] ? " (" : " (no date set yet)", m->next_long,
			 m->next_long[0] ? ")" : "");
		ui_puts(r++, 5, w - 5, line, 0, a->theme.ascii);
	}
	r++;
	snprintf(line, sizeof line, "Next meeting: %s", m->next_long[0] ? m->next_long
		 : "not set");
	ui_puts(r++, 3, w - 3, line, app_attr(a, UI_R_KEY), a->theme.ascii);
	r++;
	ui_puts(r++, 1, w - 1, ":minutes FILE writes the minutes (FILE.docx for Word, "
		".txt for e-mail, .html, .md)", app_attr(a, UI_R_DIM), a->theme.ascii);
	a->cur_y = y;
	a->cur_x = 0;
}

/* Taking the line typed on the item left along (mm_lines_stash), and
 * keeping where the meeting is (mm_lines_keep). */
void mm_go(struct mm_view *m, struct app *a, size_t cur)
{
	if (cur != MM_ATTEND && cur >= m->nitems)
		return;
	mm_lines_stash(m);
	m->cur = cur;
	m->scroll = 0;
	mm_lines_unstash(m);
	mm_load(m, a);
	mm_select_default(m);
	mm_lines_keep(m, a);   /* the item on screen, and the line put away */
}
