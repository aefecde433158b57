/*
 * view_card.c — a directory card: the name, the fields its kind's table
 * places on the card (card_fields.c), then an organisation's people or a
 * person's open actions; at the foot, its history from the undo journal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/meetings/track.h"
#include "card_fields.h"
#include "docview.h"
#include "edit.h"
#include "form.h"
#include "history_lines.h"
#include "recfmt.h"
#include "views.h"

#define MAX_PEOPLE 200   /* a card lists this many; / in the directory finds the rest */

static const struct ui_col card_cols[] = {
	{ NULL, 12, 0 },
	{ NULL, 0, 0 },
};

static const struct ui_binding card_bindings[] = {
	{ 'e', UI_C_EDIT,   "edit this entry (or the selected person or action)" },
	{ 'E', UI_C_EDITOR, "edit the notes in $VISUAL/$EDITOR" },
	{ 'a', UI_C_ADD,    "add a person to this organisation" },
	{ 'x', UI_C_DONE,   "tick the selected action done" },
	{ 'd', UI_C_DELETE, "delete the selected entry (asks first)" },
	{ UI_ENTER, UI_C_OPEN, "open the selected organisation, person or action" },
	{ 0, UI_C_NONE, NULL },
};
const struct ui_keymap ui_keys_card = { .title = "Directory card", .b = card_bindings };

static int org_card(struct docview *dv, struct app *a, struct pd_txn *txn,
		    const struct pd_record *o, struct ui_doc *doc, int w)
{
	struct pd_cursor *cur;
	struct pd_record p;
	uint64_t id = o->id, pid;
	size_t n = 0, shown = 0;

	snprintf(dv->title, sizeof dv->title, "%s", pd_get_text(o, PD_ORG_NAME));
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_ORG, id, "%s", pd_get_text(o, PD_ORG_NAME)) ||
	    ui_card_fields(doc, a, txn, pd_kind_info(PD_ORG), o, w))
		return PD_ENOMEM;
	pd_count_index(txn, PD_IX_PEOPLE_BY_ORG, id, &n);
	if (ui_doc_add(doc, 0, 0, PD_PERSON, 0, " ") ||
	    ui_doc_add(doc, UI_R_HEADING, 0, PD_PERSON, 0, "People (%zu)", n))
		return PD_ENOMEM;
	if (!n)
		return ui_doc_add(doc, UI_R_DIM, 1, PD_PERSON, 0, "none yet: a adds one")
		       ? PD_ENOMEM : PD_OK;
	if (pd_cursor_index(txn, PD_IX_PEOPLE_BY_ORG, id, 0, &cur, NULL))
		return PD_OK;
	while (shown < MAX_PEOPLE && pd_cursor_next(cur, &pid, NULL) == PD_OK) {
		pd_record_init(&p, PD_PERSON);
		if (pd_get(txn, PD_PERSON, pid, &p, NULL) == PD_OK) {
			const char *ph = pd_is_set(&p, PD_PERSON_PHONE)
				? pd_get_text(&p, PD_PERSON_PHONE) : pd_get_text(&p, PD_PERSON_MOBILE);
			ui_doc_add(doc, 0, 0, PD_PERSON, pid, "  %s\t%s%s%s%s%s",
				   pd_get_text(&p, PD_PERSON_NAME),
				   pd_get_text(&p, PD_PERSON_ROLE),
				   pd_is_set(&p, PD_PERSON_ROLE) && *ph ? ", " : "", ph,
				   pd_is_set(&p, PD_PERSON_EMAIL) ? ", " : "",
				   pd_get_text(&p, PD_PERSON_EMAIL));
			shown++;
		}
		pd_record_clear(&p);
	}
	pd_cursor_close(cur);
	if (n > shown)
		ui_doc_add(doc, UI_R_DIM, 1, -1, 0, "… and %zu more: / in the directory finds them",
			   n - shown);
	return PD_OK;
}

static int person_card(struct docview *dv, struct app *a, struct pd_txn *txn,
		       const struct pd_record *p, struct ui_doc *doc, int w)
{
	struct pd_cursor *cur;
	struct pd_record ac;
	char text[256];
	uint64_t id = p->id, aid;
	size_t open = 0;

	snprintf(dv->title, sizeof dv->title, "%s", pd_get_text(p, PD_PERSON_NAME));
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_PERSON, id, "%s", pd_get_text(p, PD_PERSON_NAME)) ||
	    ui_card_fields(doc, a, txn, pd_kind_info(PD_PERSON), p, w))
		return PD_ENOMEM;
	if (ui_doc_add(doc, 0, 0, PD_ACTION, 0, " "))
		return PD_ENOMEM;
	size_t head = doc->n;
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_ACTION, 0, "Open actions"))
		return PD_ENOMEM;
	if (pd_cursor_index(txn, PD_IX_ACTIONS_BY_OWNER, id, 0, &cur, NULL) == PD_OK) {
		while (pd_cursor_next(cur, &aid, NULL) == PD_OK) {
			pd_record_init(&ac, PD_ACTION);
			if (pd_get(txn, PD_ACTION, aid, &ac, NULL) == PD_OK &&
			    pd_action_state(&ac) == PD_AS_OPEN) {
				bool late = pd_action_overdue(&ac, &a->today);
				ui_rec_line(&ac, PD_ACTION_TEXT, text, sizeof text);
				ui_doc_add(doc, late ? UI_R_OVERDUE : 0, 0, PD_ACTION, aid,
					   "  %s\t%s%s", pd_is_set(&ac, PD_ACTION_DUE)
					   ? pd_get_text(&ac, PD_ACTION_DUE) : "no date", text,
					   late ? " (overdue)" : "");
				open++;
			}
			pd_record_clear(&ac);
		}
		pd_cursor_close(cur);
	}
	free(doc->l[head].text);
	if (asprintf(&doc->l[head].text, "Open actions (%zu)", open) < 0)
		doc->l[head].text = NULL;
	if (!doc->l[head].text)
		return PD_ENOMEM;
	if (!open)
		ui_doc_add(doc, UI_R_DIM, 1, -1, 0, "none");
	return PD_OK;
}

static int build(struct docview *dv, struct app *a, struct pd_txn *txn,
		 struct ui_doc *doc, int w)
{
	struct pd_record r;
	int rc;

	pd_record_init(&r, (enum pd_kind)dv->kind);
	if ((rc = pd_get(txn, (enum pd_kind)dv->kind, dv->id, &r, NULL)) == PD_OK)
		rc = dv->kind == PD_ORG ? org_card(dv, a, txn, &r, doc, w)
					: person_card(dv, a, txn, &r, doc, w);
	if (rc == PD_OK && ui_doc_history(doc, txn, dv->kind, dv->id))
		rc = PD_ENOMEM;
	pd_record_clear(&r);
	return rc;
}

static int cmd(struct docview *dv, struct app *a, enum ui_cmd c,
	       const struct ui_row *sel)
{
	bool rec = sel->id && sel->kind >= 0;
	int kind = rec ? sel->kind : dv->kind;
	uint64_t id = rec ? sel->id : dv->id;

	if (dv->gone)
		return UI_NOTHING;
	switch (c) {
	case UI_C_EDIT:
		return app_push(a, ui_form_new(a, (enum pd_kind)kind, id, NULL));
	case UI_C_EDITOR:
		if (kind == PD_ACTION)
			return ui_edit_long(a, kind, id, PD_ACTION_TEXT);
		return ui_edit_long(a, dv->kind, dv->id,
				    pd_kind_info((enum pd_kind)dv->kind)->notes);
	case UI_C_ADD: {
		struct pd_record pre;
		int res;

		if (dv->kind != PD_ORG) {
			app_msg(a, UI_R_STATUS, "a adds people on an organisation's card");
			return UI_REDRAW;
		}
		pd_record_init(&pre, PD_PERSON);
		pd_set_ref(&pre, PD_PERSON_ORG, dv->id);
		res = app_push(a, ui_form_new(a, PD_PERSON, 0, &pre));
		pd_record_clear(&pre);
		return res;
	}
	case UI_C_DONE:
		if (kind != PD_ACTION) {
			app_msg(a, UI_R_STATUS, "x ticks an action: select one first");
			return UI_REDRAW;
		}
		return ui_action_toggle(a, id);
	case UI_C_DELETE:
		return ui_delete_ask(a, kind, id);
	default:
		return UI_UNHANDLED;
	}
}

static const struct docview_spec card_spec = {
	.name = "card",
	.keys = &ui_keys_card,
	.cols = card_cols,
	.ncols = 2,
	.build = build,
	.cmd = cmd,
};

struct view *view_card_new(struct app *a, int kind, uint64_t id)
{
	return docview_new(a, &card_spec, kind, id, NULL);
}
