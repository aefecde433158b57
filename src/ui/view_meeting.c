/*
 * view_meeting.c — one meeting: who came and who sent apologies, and the
 * updates and actions taken at it (read item by item through the plan's
 * agenda, so nothing outside the plan is scanned).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/meetings/meeting.h"
#include "plandesk/meetings/scale.h"
#include "plandesk/meetings/track.h"
#include "docview.h"
#include "edit.h"
#include "form.h"
#include "recfmt.h"
#include "views.h"

static const struct ui_col meeting_cols[] = {
	{ NULL, 12, 0 },
	{ NULL, 0, 0 },
};

static const struct ui_binding meeting_bindings[] = {
	{ 'm', UI_C_MEETING, "meeting mode: attendance, then notes item by item" },
	{ 'e', UI_C_EDIT,   "edit the meeting (or the selected update or action)" },
	{ 'E', UI_C_EDITOR, "edit the meeting's notes in $VISUAL/$EDITOR" },
	{ 'x', UI_C_DONE,   "tick the selected action done, or open it again" },
	{ 'd', UI_C_DELETE, "delete the selected update or action (asks first)" },
	{ UI_ENTER, UI_C_OPEN, "open the selected person or item" },
	{ 0, UI_C_NONE, NULL },
};
const struct ui_keymap ui_keys_meeting = { .title = "Meeting", .b = meeting_bindings };

static int people(struct ui_doc *doc, struct pd_txn *txn, const struct pd_record *m,
		  const char *title, int refs, int other)
{
	size_t n = pd_refs_count(m, refs), pos = 0, len, extra = 0;
	const char *s;
	char name[256];

	while (pd_names_next(pd_get_text(m, other), &pos, &s, &len))
		extra++;
	if (ui_doc_add(doc, UI_R_HEADING, 0, -1, 0, "%s (%zu)", title, n + extra))
		return -1;
	for (size_t i = 0; i < n; i++) {
		uint64_t id = pd_refs_at(m, refs, i);
		ui_rec_name(txn, PD_PERSON, id, name, sizeof name);
		if (ui_doc_add(doc, 0, 1, PD_PERSON, id, "%s", name))
			return -1;
	}
	pos = 0;
	while (pd_names_next(pd_get_text(m, other), &pos, &s, &len))
		if (ui_doc_add(doc, UI_R_DIM, 1, -1, 0, "%.*s", (int)len, s))
			return -1;
	if (n + extra == 0)
		return ui_doc_add(doc, UI_R_DIM, 1, -1, 0, "nobody recorded");
	return 0;
}

/* The updates and actions of `meeting` on one item. */
static int item_at(struct ui_doc *doc, struct app *a, struct pd_txn *txn,
		   const struct pd_record *m, uint64_t item,
		   const struct pd_scale *sc, int w, size_t *nup, size_t *nact,
		   struct ui_doc *acts)
{
	struct pd_cursor *cur;
	struct pd_record r, it;
	char ref[64] = "", text[256], owner[128];
	uint64_t id;

	pd_record_init(&it, PD_ITEM);
	if (pd_get(txn, PD_ITEM, item, &it, NULL) == PD_OK)
		snprintf(ref, sizeof ref, "%s", pd_get_text(&it, PD_ITEM_REF));
	pd_record_clear(&it);
	if (pd_cursor_index(txn, PD_IX_UPDATES_BY_ITEM, item, 0, &cur, NULL) == PD_OK) {
		while (pd_cursor_next(cur, &id, NULL) == PD_OK) {
			pd_record_init(&r, PD_UPDATE);
			if (pd_get(txn, PD_UPDATE, id, &r, NULL) == PD_OK &&
			    pd_update_at_meeting(&r, m)) {
				const struct pd_level *lv =
					pd_scale_level(sc, pd_get_text(&r, PD_UPDATE_STATUS));
				ui_doc_add(doc, lv ? (int)ui_status_role(lv->kind) : UI_R_KEY, 0,
					   PD_UPDATE, id, "  %s\t%s%s%s", ref,
					   lv ? ui_status_mark(&a->theme, lv->kind) : "",
					   lv ? " " : "", lv ? lv->label : "");
				ui_doc_wrap(doc, 0, 2, PD_UPDATE, id,
					    pd_get_text(&r, PD_UPDATE_TEXT), w);
				(*nup)++;
			}
			pd_record_clear(&r);
		}
		pd_cursor_close(cur);
	}
	if (pd_cursor_index(txn, PD_IX_ACTIONS_BY_ITEM, item, 0, &cur, NULL) == PD_OK) {
		while (pd_cursor_next(cur, &id, NULL) == PD_OK) {
			pd_record_init(&r, PD_ACTION);
			if (pd_get(txn, PD_ACTION, id, &r, NULL) == PD_OK &&
			    pd_get_ref(&r, PD_ACTION_RAISED) == m->id) {
				enum pd_action_state st = pd_action_state(&r);
				ui_rec_line(&r, PD_ACTION_TEXT, text, sizeof text);
				ui_action_owner(txn, &r, owner, sizeof owner);
				bool late = pd_action_overdue(&r, &a->today);
				ui_doc_add(acts, late ? UI_R_OVERDUE
					   : st == PD_AS_OPEN ? 0 : UI_R_DIM, 1, PD_ACTION, id,
					   "%s %s  %s%s%s%s", st == PD_AS_OPEN ? "[ ]" : "[x]", ref,
					   text, owner[0] ? "  — " : "", owner,
					   late ? " (overdue)" : "");
				(*nact)++;
			}
			pd_record_clear(&r);
		}
		pd_cursor_close(cur);
	}
	return 0;
}

static int build(struct docview *dv, struct app *a, struct pd_txn *txn,
		 struct ui_doc *doc, int w)
{
	struct pd_record m;
	struct ui_doc acts = { 0 };
	const struct pd_scale *sc;
	uint64_t *items = NULL, plan;
	size_t nitems = 0, nup = 0, nact = 0, head;
	char name[256];
	int rc;

	pd_record_init(&m, PD_MEETING);
	if ((rc = pd_get(txn, PD_MEETING, dv->id, &m, NULL)) != PD_OK) {
		pd_record_clear(&m);
		return rc;
	}
	plan = pd_get_ref(&m, PD_MEETING_PLAN);
	sc = pd_plan_scale(txn, plan);
	snprintf(dv->title, sizeof dv->title, "Meeting %s %s", pd_get_text(&m, PD_MEETING_DATE),
		 pd_get_text(&m, PD_MEETING_TITLE));
	ui_rec_name(txn, PD_PLAN, plan, name, sizeof name);
	rc = PD_ENOMEM;
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_MEETING, dv->id, "%s  %s",
		       pd_get_text(&m, PD_MEETING_DATE), pd_get_text(&m, PD_MEETING_TITLE)) ||
	    ui_doc_add(doc, 0, 0, PD_PLAN, plan, "Plan\t%s", name) ||
	    (pd_is_set(&m, PD_MEETING_LOCATION) &&
	     ui_doc_add(doc, 0, 0, PD_MEETING, dv->id, "Location\t%s",
			pd_get_text(&m, PD_MEETING_LOCATION))) ||
	    (pd_is_set(&m, PD_MEETING_NEXT) &&
	     ui_doc_add(doc, 0, 0, PD_MEETING, dv->id, "Next\t%s",
			pd_get_text(&m, PD_MEETING_NEXT))) ||
	    ui_doc_add(doc, 0, 0, -1, 0, " ") ||
	    people(doc, txn, &m, "Present", PD_MEETING_PRESENT, PD_MEETING_PRESENT_OTHER) ||
	    ui_doc_add(doc, 0, 0, -1, 0, " ") ||
	    people(doc, txn, &m, "Apologies", PD_MEETING_APOLOGIES, PD_MEETING_APOLOGIES_OTHER))
		goto out;
	if (pd_is_set(&m, PD_MEETING_NOTES) &&
	    (ui_doc_add(doc, 0, 0, -1, 0, " ") ||
	     ui_doc_add(doc, UI_R_HEADING, 0, PD_MEETING, dv->id, "Notes") ||
	     ui_doc_wrap(doc, 0, 1, PD_MEETING, dv->id, pd_get_text(&m, PD_MEETING_NOTES), w)))
		goto out;
	if (ui_doc_add(doc, 0, 0, -1, 0, " "))
		goto out;
	head = doc->n;
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_UPDATE, 0, "Updates"))
		goto out;
	if (pd_agenda_items(txn, plan, &items, &nitems, NULL) == PD_OK)
		for (size_t i = 0; i < nitems; i++)
			item_at(doc, a, txn, &m, items[i], sc, w, &nup, &nact, &acts);
	free(items);
	free(doc->l[head].text);
	if (asprintf(&doc->l[head].text, "Updates given at this meeting (%zu)", nup) < 0) {
		doc->l[head].text = NULL;
		goto out;
	}
	if (!nup && ui_doc_add(doc, UI_R_DIM, 1, -1, 0, "none"))
		goto out;
	if (ui_doc_add(doc, 0, 0, -1, 0, " ") ||
	    ui_doc_add(doc, UI_R_HEADING, 0, PD_ACTION, 0, "Actions raised (%zu)", nact))
		goto out;
	for (size_t i = 0; i < acts.n; i++) {
		struct ui_doc_line *l = &acts.l[i];
		if (ui_doc_add(doc, l->role, l->depth, l->kind, l->id, "%s", l->text))
			goto out;
	}
	if (!nact && ui_doc_add(doc, UI_R_DIM, 1, -1, 0, "none"))
		goto out;
	rc = PD_OK;
out:
	ui_doc_clear(&acts);
	pd_record_clear(&m);
	return rc;
}

static int cmd(struct docview *dv, struct app *a, enum ui_cmd c,
	       const struct ui_row *sel)
{
	bool rec = sel->id && (sel->kind == PD_UPDATE || sel->kind == PD_ACTION);

	if (dv->gone)
		return UI_NOTHING;
	switch (c) {
	case UI_C_MEETING:
		return ui_meeting_run(a, dv->id);
	case UI_C_EDIT:
		return app_push(a, ui_form_new(a, rec ? (enum pd_kind)sel->kind : PD_MEETING,
					       rec ? sel->id : dv->id, NULL));
	case UI_C_EDITOR:
		return ui_edit_long(a, PD_MEETING, dv->id, PD_MEETING_NOTES);
	case UI_C_DONE:
		if (!rec || sel->kind != PD_ACTION) {
			app_msg(a, UI_R_STATUS, "x ticks an action: select one first");
			return UI_REDRAW;
		}
		return ui_action_toggle(a, sel->id);
	case UI_C_DELETE:
		if (!rec) {
			app_msg(a, UI_R_STATUS, "Select an update or action to delete; "
				"the meeting itself is deleted from the Meetings view");
			return UI_REDRAW;
		}
		return ui_delete_ask(a, sel->kind, sel->id);
	case UI_C_OPEN:
		if (sel->kind == PD_UPDATE || sel->kind == PD_ACTION)
			return app_open(a, sel->kind, sel->id);
		return UI_UNHANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static const struct docview_spec meeting_spec = {
	.name = "meeting",
	.keys = &ui_keys_meeting,
	.cols = meeting_cols,
	.ncols = 2,
	.build = build,
	.cmd = cmd,
};

struct view *view_meeting_new(struct app *a, uint64_t meeting)
{
	return docview_new(a, &meeting_spec, PD_MEETING, meeting, NULL);
}

