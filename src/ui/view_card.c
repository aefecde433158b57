/*
 * view_card.c — a directory card.  An organisation: what it offers the
 * cluster, how to refer, contacts, when it was last verified, and its
 * people.  A person: role, organisation, contacts, and their open actions.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/meetings/track.h"
#include "docview.h"
#include "edit.h"
#include "form.h"
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

/* A labelled field; long text wraps under its label. */
static int field(struct ui_doc *doc, int kind, uint64_t id, const char *label,
		 const char *value, int w)
{
	if (!value || !*value)
		return 0;
	if (!strchr(value, '\n') && (int)strlen(value) < w - 16)
		return ui_doc_add(doc, 0, 0, kind, id, "%s\t%s", label, value);
	if (ui_doc_add(doc, UI_R_DIM, 0, kind, id, "%s", label) ||
	    ui_doc_wrap(doc, 0, 1, kind, id, value, w))
		return -1;
	return 0;
}

/* "2026-11-09" and how long ago, flagged when over a year. */
static int verified(struct ui_doc *doc, struct app *a, int kind, uint64_t id,
		    const char *iso)
{
	struct pd_date d;
	long days;

	if (!*iso)
		return ui_doc_add(doc, UI_R_SLIPPED, 0, kind, id, "Verified\tnever");
	if (pd_date_parse(iso, &d, NULL) != PD_OK)
		return ui_doc_add(doc, 0, 0, kind, id, "Verified\t%s", iso);
	days = pd_date_days(&a->today) - pd_date_days(&d);
	return ui_doc_add(doc, days > 365 ? UI_R_SLIPPED : 0, 0, kind, id,
			  "Verified\t%s%s", iso, days > 365 ? " (over a year ago)" : "");
}

static int org_card(struct docview *dv, struct app *a, struct pd_txn *txn,
		    const struct pd_record *o, struct ui_doc *doc, int w)
{
	struct pd_cursor *cur;
	struct pd_record p;
	uint64_t id = o->id, pid;
	size_t n = 0, shown = 0;

	snprintf(dv->title, sizeof dv->title, "%s", pd_get_text(o, PD_ORG_NAME));
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_ORG, id, "%s", pd_get_text(o, PD_ORG_NAME)) ||
	    field(doc, PD_ORG, id, "Overview", pd_get_text(o, PD_ORG_OVERVIEW), w) ||
	    field(doc, PD_ORG, id, "Services", pd_get_text(o, PD_ORG_SERVICES), w) ||
	    field(doc, PD_ORG, id, "Referral", pd_get_text(o, PD_ORG_REFERRAL), w) ||
	    field(doc, PD_ORG, id, "Phone", pd_get_text(o, PD_ORG_PHONE), w) ||
	    field(doc, PD_ORG, id, "E-mail", pd_get_text(o, PD_ORG_EMAIL), w) ||
	    field(doc, PD_ORG, id, "Website", pd_get_text(o, PD_ORG_WEBSITE), w) ||
	    field(doc, PD_ORG, id, "Address", pd_get_text(o, PD_ORG_ADDRESS), w) ||
	    field(doc, PD_ORG, id, "Tags", pd_get_text(o, PD_ORG_TAGS), w) ||
	    verified(doc, a, PD_ORG, id, pd_get_text(o, PD_ORG_VERIFIED)) ||
	    field(doc, PD_ORG, id, "Notes", pd_get_text(o, PD_ORG_NOTES), w))
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
	char org[256], text[256];
	uint64_t id = p->id, aid, oid = pd_get_ref(p, PD_PERSON_ORG);
	size_t open = 0;

	snprintf(dv->title, sizeof dv->title, "%s", pd_get_text(p, PD_PERSON_NAME));
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_PERSON, id, "%s", pd_get_text(p, PD_PERSON_NAME)) ||
	    field(doc, PD_PERSON, id, "Role", pd_get_text(p, PD_PERSON_ROLE), w) ||
	    field(doc, PD_PERSON, id, "Initials", pd_get_text(p, PD_PERSON_INITIALS), w))
		return PD_ENOMEM;
	if (oid) {
		ui_rec_name(txn, PD_ORG, oid, org, sizeof org);
		if (ui_doc_add(doc, 0, 0, PD_ORG, oid, "Organisation\t%s", org))
			return PD_ENOMEM;
	}
	if (field(doc, PD_PERSON, id, "Phone", pd_get_text(p, PD_PERSON_PHONE), w) ||
	    field(doc, PD_PERSON, id, "Mobile", pd_get_text(p, PD_PERSON_MOBILE), w) ||
	    field(doc, PD_PERSON, id, "E-mail", pd_get_text(p, PD_PERSON_EMAIL), w) ||
	    verified(doc, a, PD_PERSON, id, pd_get_text(p, PD_PERSON_VERIFIED)) ||
	    field(doc, PD_PERSON, id, "Notes", pd_get_text(p, PD_PERSON_NOTES), w))
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
				ui_first_line(pd_get_text(&ac, PD_ACTION_TEXT), text, sizeof text);
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
				    dv->kind == PD_ORG ? PD_ORG_NOTES : PD_PERSON_NOTES);
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
