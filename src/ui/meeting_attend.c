/*
 * meeting_attend.c — the attendance page of meeting mode: type part of a
 * name and the directory answers as you type (the search index, a page
 * at a time); Enter marks the selected person present, Ctrl-X as having
 * sent apologies (again: not recorded).  Someone not in the directory is
 * typed in full and added as text.  With nothing typed the page lists who
 * is recorded so far.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/directory/search.h"
#include "plandesk/base/text.h"
#include "draw.h"
#include "meeting_mode_impl.h"
#include "recfmt.h"
#include "theme.h"


/* "Kath Pike (KP) — Cluster Support Officer, Cluster 3 Partnership" */
static void describe(struct pd_txn *txn, uint64_t id, char *buf, size_t n)
{
	struct pd_record p;
	char org[160] = "";
	const char *role;

	pd_record_init(&p, PD_PERSON);
	if (pd_get(txn, PD_PERSON, id, &p, NULL) != PD_OK) {
		snprintf(buf, n, "(no longer in the directory)");
		pd_record_clear(&p);
		return;
	}
	if (pd_get_ref(&p, PD_PERSON_ORG))
		ui_rec_name(txn, PD_ORG, pd_get_ref(&p, PD_PERSON_ORG), org, sizeof org);
	role = pd_get_text(&p, PD_PERSON_ROLE);
	snprintf(buf, n, "%s%s%s%s%s%s%s%s", pd_get_text(&p, PD_PERSON_NAME),
		 pd_is_set(&p, PD_PERSON_INITIALS) ? " (" : "",
		 pd_get_text(&p, PD_PERSON_INITIALS),
		 pd_is_set(&p, PD_PERSON_INITIALS) ? ")" : "",
		 *role || *org ? " \xe2\x80\x94 " : "", role, *role && *org ? ", " : "", org);
	pd_record_clear(&p);
}

static void add_row(struct mm_view *m, int kind, uint64_t id, enum pd_attend how,
		    const char *text, size_t len)
{
	struct mm_att *r;

	if (m->natt == MM_ROWS)
		return;
	r = &m->att[m->natt++];
	r->kind = kind;
	r->id = id;
	r->how = how;
	snprintf(r->text, sizeof r->text, "%.*s", (int)len, text);
}

static bool folded_contains(const char *hay, size_t hn, const char *needle)
{
	char *fh = NULL, *fn = NULL;
	bool yes = false;

	if (pd_text_fold(hay, hn, &fh, NULL) == PD_OK &&
	    pd_text_fold(needle, strlen(needle), &fn, NULL) == PD_OK)
		yes = strstr(fh, fn) != NULL;
	free(fh);
	free(fn);
	return yes;
}

/* The names typed as text in field `f` (matching `q` when it is set). */
static void add_others(struct mm_view *m, const struct pd_record *r, int f,
		       enum pd_attend how, const char *q)
{
	const char *s;
	size_t pos = 0, n;

	while (pd_names_next(pd_get_text(r, f), &pos, &s, &n))
		if (!*q || folded_contains(s, n, q))
			add_row(m, -1, 0, how, s, n);
}

/* Fill m->att with the first `want` rows of the page. */
static void fill(struct mm_view *m, struct app *a, struct pd_txn *txn, size_t want)
{
	struct pd_hit hits[MM_ROWS];
	struct pd_record r;
	char text[256];
	size_t n = 0;
	const char *q = m->q.s;

	m->natt = 0;
	if (want > MM_ROWS - 1)
		want = MM_ROWS - 1;
	pd_record_init(&r, PD_MEETING);
	if (pd_get(txn, PD_MEETING, m->meeting, &r, NULL) != PD_OK) {
		pd_record_clear(&r);
		return;
	}
	if (!*q) {
		for (size_t i = 0; i < pd_refs_count(&r, PD_MEETING_PRESENT); i++) {
			uint64_t id = pd_refs_at(&r, PD_MEETING_PRESENT, i);
			describe(txn, id, text, sizeof text);
			add_row(m, PD_PERSON, id, PD_ATTEND_PRESENT, text, strlen(text));
		}
		add_others(m, &r, PD_MEETING_PRESENT_OTHER, PD_ATTEND_PRESENT, "");
		for (size_t i = 0; i < pd_refs_count(&r, PD_MEETING_APOLOGIES); i++) {
			uint64_t id = pd_refs_at(&r, PD_MEETING_APOLOGIES, i);
			describe(txn, id, text, sizeof text);
			add_row(m, PD_PERSON, id, PD_ATTEND_APOLOGIES, text, strlen(text));
		}
		add_others(m, &r, PD_MEETING_APOLOGIES_OTHER, PD_ATTEND_APOLOGIES, "");
	} else {
		struct pd_err err = { 0 };
		if (pd_search(txn, q, PD_SEARCH_PEOPLE, 0, want, hits, &n, NULL, &err) != PD_OK)
			app_error(a, "searching the directory", &err);
		for (size_t i = 0; i < n; i++) {
			describe(txn, hits[i].id, text, sizeof text);
			add_row(m, PD_PERSON, hits[i].id, pd_meeting_attendance(&r, hits[i].id),
				text, strlen(text));
		}
		add_others(m, &r, PD_MEETING_PRESENT_OTHER, PD_ATTEND_PRESENT, q);
		add_others(m, &r, PD_MEETING_APOLOGIES_OTHER, PD_ATTEND_APOLOGIES, q);
		snprintf(text, sizeof text, "+ add \xe2\x80\x9c%s\xe2\x80\x9d (not in the directory)", q);
		add_row(m, -2, 0, PD_ATTEND_NONE, text, strlen(text));
	}
	pd_record_clear(&r);
	if (m->att_sel >= m->natt)
		m->att_sel = m->natt ? m->natt - 1 : 0;
}

static const char *how_word(enum pd_attend how)
{
	return how == PD_ATTEND_PRESENT ? "present" :
	       how == PD_ATTEND_APOLOGIES ? "apologies" : "";
}

/* The line under the heading: what the keys do, named as they are bound. */
static void attend_hint(struct app *a, bool typing, char *buf, size_t n)
{
	char present[32], apologies[32], agenda[32];

	app_key_for(a, UI_C_OPEN, present, sizeof present);
	app_key_for(a, UI_C_DONE, apologies, sizeof apologies);
	app_key_for(a, UI_C_NEXT, agenda, sizeof agenda);
	if (typing)
		snprintf(buf, n, "%s: present \xc2\xb7 %s: sent apologies (again: neither) "
			 "\xc2\xb7 Esc clears", present, apologies);
	else
		snprintf(buf, n, "Type a name to find people \xc2\xb7 %s goes to the first item",
			 agenda);
}

void mm_draw_attend(struct mm_view *m, struct app *a, int y, int h, int w)
{
	struct pd_txn *txn = app_txn(a);
	char head[256], hint[160];
	int x, rows = h - 3;

	if (!txn)
		return;
	fill(m, a, txn, m->att_top + (size_t)rows);
	pd_txn_end(txn);
	snprintf(head, sizeof head, "Attendance: %zu present, %zu sent apologies",
		 m->npresent, m->napologies);
	ui_puts(y, 0, w, head, app_attr(a, UI_R_HEADING), a->theme.ascii);
	attend_hint(a, m->q.n, hint, sizeof hint);
	ui_puts(y + 2, 1, w - 1, hint, app_attr(a, UI_R_DIM), a->theme.ascii);
	if (m->att_sel < m->att_top)
		m->att_top = m->att_sel;
	if (rows > 0 && m->att_sel >= m->att_top + (size_t)rows)
		m->att_top = m->att_sel - (size_t)rows + 1;
	for (int i = 0; i < rows && m->att_top + (size_t)i < m->natt; i++) {
		const struct mm_att *r = &m->att[m->att_top + (size_t)i];
		bool sel = m->att_top + (size_t)i == m->att_sel && m->q.n;
		attr_t at = app_attr(a, sel ? UI_R_SELECTED : r->kind == -2 ? UI_R_DIM : 0);
		ui_fill(y + 3 + i, 0, w, at);
		ui_puts(y + 3 + i, 1, 10, how_word(r->how), sel ? at :
			app_attr(a, r->how == PD_ATTEND_PRESENT ? UI_R_DONE : UI_R_SLIPPED),
			a->theme.ascii);
		ui_puts(y + 3 + i, 12, w - 12, r->text, at, a->theme.ascii);
	}
	if (!m->natt && rows > 0)
		ui_puts(y + 3, 1, w - 1, "Nobody recorded yet.", app_attr(a, UI_R_DIM),
			a->theme.ascii);
	x = ui_puts(y + 1, 0, w, "Find: ", app_attr(a, UI_R_KEY), a->theme.ascii);
	ui_le_draw(&m->q, y + 1, x, w - x, 0, a->theme.ascii, &a->cur_x);
	a->cur_y = y + 1;
}

/* Mark the selected row `how` (or unmark it when it is already so). */
static int mark(struct mm_view *m, struct app *a, enum pd_attend how)
{
	struct pd_txn *txn = app_txn(a);
	struct pd_err err = { 0 };
	struct mm_att r;
	int rc;

	if (!txn)
		return UI_REDRAW;
	fill(m, a, txn, m->att_sel + 1);
	pd_txn_end(txn);
	if (!m->q.n || m->att_sel >= m->natt) {
		char present[32], apologies[32];

		app_key_for(a, UI_C_OPEN, present, sizeof present);
		app_key_for(a, UI_C_DONE, apologies, sizeof apologies);
		app_msg(a, UI_R_STATUS, "Type part of a name first, then %s (present) or "
			"%s (apologies)", present, apologies);
		return UI_REDRAW;
	}
	r = m->att[m->att_sel];
	if (r.how == how)
		how = PD_ATTEND_NONE;
	if (r.kind == PD_PERSON) {
		rc = pd_meeting_attend(a->st, m->meeting, r.id, how, &err);
	} else {
		const char *name = r.kind == -2 ? m->q.s : r.text;
		snprintf(r.text, sizeof r.text, "%s", name);
		rc = pd_meeting_attend_other(a->st, m->meeting, r.text, how, &err);
	}
	if (rc != PD_OK) {
		app_error(a, "attendance", &err);
		return UI_REDRAW;
	}
	{
		char *cut = strstr(r.text, " \xe2\x80\x94 ");
		if (cut)
			*cut = '\0';
	}
	app_msg(a, UI_R_STATUS, "%s: %s", r.text, how == PD_ATTEND_NONE ? "not recorded" :
		how == PD_ATTEND_PRESENT ? "present" : "sent apologies");
	ui_le_set(&m->q, NULL);   /* ready for the next name */
	m->att_sel = m->att_top = 0;
	return UI_RELOAD;
}

int mm_attend_key(struct mm_view *m, struct app *a, int key)
{
	switch (ui_keymap_find(&ui_keys_attendance, key)) {
	case UI_C_OPEN:
		return mark(m, a, PD_ATTEND_PRESENT);
	case UI_C_DONE:
		return mark(m, a, PD_ATTEND_APOLOGIES);
	case UI_C_DOWN:
		if (m->att_sel + 1 < m->natt)
			m->att_sel++;
		return UI_REDRAW;
	case UI_C_UP:
		if (m->att_sel > 0)
			m->att_sel--;
		return UI_REDRAW;
	case UI_C_NEXT:
		mm_go(m, a, 0);
		return UI_REDRAW;
	case UI_C_MENU:
		if (!m->q.n)
			return UI_UNHANDLED;   /* the meeting's Esc menu */
		ui_le_set(&m->q, NULL);
		m->att_sel = m->att_top = 0;
		return UI_REDRAW;
	case UI_C_NONE:
		break;
	default:
		return UI_UNHANDLED;   /* the keys every page shares */
	}
	switch (ui_le_key(&m->q, key)) {
	case UI_LE_CHANGED:
		m->att_sel = m->att_top = 0;
		return UI_REDRAW;
	case UI_LE_MOVED:
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}
