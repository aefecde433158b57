/*
 * view_item.c — one item: its fields, sub-items, actions (owner, due,
 * state) and the update timeline newest first with the status given at
 * each, labelled with the plan's scale; at the foot, the item's history
 * from the undo journal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/meetings/scale.h"
#include "plandesk/meetings/track.h"
#include "docview.h"
#include "edit.h"
#include "form.h"
#include "history_lines.h"
#include "recfmt.h"
#include "views.h"

static const struct ui_col item_cols[] = {
	{ NULL, 12, 0 },
	{ NULL, 0, 0 },
};

static const struct ui_binding item_bindings[] = {
	{ 'a', UI_C_ADD,    "add an action, update or sub-item (by the section you are in)" },
	{ 'e', UI_C_EDIT,   "edit the selected record (the item on its fields)" },
	{ 'E', UI_C_EDITOR, "edit the long text in $VISUAL/$EDITOR" },
	{ 'x', UI_C_DONE,   "tick the selected action done, or open it again" },
	{ 's', UI_C_STATUS, "set the item's status (one key)" },
	{ 'C', UI_C_MARK,   "mark the selected item, action or update confidential (again: not)" },
	{ 'd', UI_C_DELETE, "delete the selected record (asks first)" },
	{ UI_ENTER, UI_C_OPEN, "open the selected sub-item, person or plan" },
	{ 0, UI_C_NONE, NULL },
};
const struct ui_keymap ui_keys_item = { .title = "Item", .b = item_bindings };

static int field(struct ui_doc *doc, int role, int kind, uint64_t id,
		 const char *label, const char *value)
{
	char first[UI_CELL];

	if (!value || !*value)
		return 0;
	ui_first_line(value, first, sizeof first);
	return ui_doc_add(doc, role, 0, kind, id, "%s\t%s", label, first);
}

static int add_subitems(struct ui_doc *doc, struct app *a, struct pd_txn *txn,
			uint64_t item, const struct pd_scale *sc)
{
	struct pd_cursor *cur;
	struct pd_record it;
	uint64_t id;
	size_t n = 0;

	pd_count_index(txn, PD_IX_ITEMS_BY_PARENT, item, &n);
	if (!n)
		return 0;
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_ITEM, 0, " ") ||
	    ui_doc_add(doc, UI_R_HEADING, 0, PD_ITEM, 0, "Sub-items (%zu)", n))
		return -1;
	if (pd_cursor_index(txn, PD_IX_ITEMS_BY_PARENT, item, 0, &cur, NULL))
		return 0;
	while (pd_cursor_next(cur, &id, NULL) == PD_OK) {
		enum pd_status_kind k;
		char title[256];

		pd_record_init(&it, PD_ITEM);
		if (pd_get(txn, PD_ITEM, id, &it, NULL) == PD_OK) {
			k = pd_item_status_kind(&it, sc);
			ui_rec_title(&it, title, sizeof title);
			ui_doc_add(doc, pd_item_overdue(&it, sc, &a->today) ? UI_R_OVERDUE
				   : (int)ui_status_role(k), 1, PD_ITEM, id, "%s %s%s",
				   ui_status_mark(&a->theme, k), ui_conf_mark(&it), title);
		}
		pd_record_clear(&it);
	}
	pd_cursor_close(cur);
	return 0;
}

static int add_actions(struct ui_doc *doc, struct app *a, struct pd_txn *txn,
		       uint64_t item)
{
	struct pd_cursor *cur;
	struct pd_record ac;
	uint64_t id;
	size_t n = 0, open = 0;

	pd_count_index(txn, PD_IX_ACTIONS_BY_ITEM, item, &n);
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_ACTION, 0, " "))
		return -1;
	size_t head = doc->n;
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_ACTION, 0, "Actions (%zu)", n))
		return -1;
	if (!n)
		return ui_doc_add(doc, UI_R_DIM, 1, PD_ACTION, 0, "none yet: a adds one");
	if (pd_cursor_index(txn, PD_IX_ACTIONS_BY_ITEM, item, 0, &cur, NULL))
		return 0;
	while (pd_cursor_next(cur, &id, NULL) == PD_OK) {
		enum pd_action_state st;
		char owner[128], text[256];
		bool late;

		pd_record_init(&ac, PD_ACTION);
		if (pd_get(txn, PD_ACTION, id, &ac, NULL) == PD_OK) {
			st = pd_action_state(&ac);
			late = pd_action_overdue(&ac, &a->today);
			open += st == PD_AS_OPEN;
			ui_action_owner(txn, &ac, owner, sizeof owner);
			ui_rec_line(&ac, PD_ACTION_TEXT, text, sizeof text);
			ui_doc_add(doc, late ? UI_R_OVERDUE : st == PD_AS_OPEN ? UI_R_NORMAL
				   : UI_R_DIM, 1, PD_ACTION, id, "%s %s%s%s%s%s%s",
				   st == PD_AS_DONE ? "[x]" : st == PD_AS_DROPPED ? "[-]" : "[ ]",
				   text, owner[0] ? "  — " : "", owner,
				   pd_is_set(&ac, PD_ACTION_DUE) ? ", due " : "",
				   pd_get_text(&ac, PD_ACTION_DUE), late ? " (overdue)" : "");
		}
		pd_record_clear(&ac);
	}
	pd_cursor_close(cur);
	free(doc->l[head].text);
	if (asprintf(&doc->l[head].text, "Actions (%zu open of %zu)", open, n) < 0)
		doc->l[head].text = NULL;
	if (!doc->l[head].text)
		return -1;
	return 0;
}

static int add_updates(struct ui_doc *doc, struct app *a, struct pd_txn *txn,
		       uint64_t item, const struct pd_scale *sc, int w)
{
	struct pd_cursor *cur;
	struct pd_record up;
	uint64_t id;
	size_t n = 0;
	int rc = 0;

	pd_count_index(txn, PD_IX_UPDATES_BY_ITEM, item, &n);
	if (ui_doc_add(doc, UI_R_HEADING, 0, PD_UPDATE, 0, " ") ||
	    ui_doc_add(doc, UI_R_HEADING, 0, PD_UPDATE, 0, "Updates, newest first (%zu)", n))
		return -1;
	if (!n)
		return ui_doc_add(doc, UI_R_DIM, 1, PD_UPDATE, 0, "none yet: a adds one");
	if (pd_cursor_index(txn, PD_IX_UPDATES_BY_ITEM, item, PD_CUR_REVERSE, &cur, NULL))
		return 0;
	while (rc == 0 && pd_cursor_next(cur, &id, NULL) == PD_OK) {
		const struct pd_level *lv;
		char *text;

		pd_record_init(&up, PD_UPDATE);
		if (pd_get(txn, PD_UPDATE, id, &up, NULL) == PD_OK) {
			lv = pd_scale_level(sc, pd_get_text(&up, PD_UPDATE_STATUS));
			ui_doc_add(doc, UI_R_KEY, 0, PD_UPDATE, id, "  %s\t%s%s%s%s%s",
				   pd_get_text(&up, PD_UPDATE_DATE),
				   lv ? ui_status_mark(&a->theme, lv->kind) : "",
				   lv ? " " : "", lv ? lv->label : "",
				   pd_is_set(&up, PD_UPDATE_AUTHOR) ? (lv ? "  — " : "— ") : "",
				   pd_get_text(&up, PD_UPDATE_AUTHOR));
			if (lv)
				doc->l[doc->n - 1].role = (int)ui_status_role(lv->kind);
			if (asprintf(&text, "%s%s", ui_conf_mark(&up),
				     pd_get_text(&up, PD_UPDATE_TEXT)) < 0)
				text = NULL;
			if (!text || ui_doc_wrap(doc, UI_R_NORMAL, 2, PD_UPDATE, id, text, w))
				rc = -1;
			free(text);
		}
		pd_record_clear(&up);
	}
	pd_cursor_close(cur);
	return rc;
}

static int build(struct docview *dv, struct app *a, struct pd_txn *txn,
		 struct ui_doc *doc, int w)
{
	const struct pd_scale *sc;
	const struct pd_level *lv;
	struct pd_record it;
	char name[256], status[128], title[128];
	uint64_t id = dv->id;
	int rc;

	pd_record_init(&it, PD_ITEM);
	if ((rc = pd_get(txn, PD_ITEM, id, &it, NULL)) != PD_OK) {
		pd_record_clear(&it);
		return rc;
	}
	sc = pd_plan_scale(txn, pd_get_ref(&it, PD_ITEM_PLAN));
	ui_first_line(pd_get_text(&it, PD_ITEM_TITLE), title, sizeof title);
	snprintf(dv->title, sizeof dv->title, "Item %s %s", pd_get_text(&it, PD_ITEM_REF), title);
	rc = -1;
	if (ui_doc_wrap(doc, UI_R_HEADING, 0, PD_ITEM, id, pd_get_text(&it, PD_ITEM_TITLE), w))
		goto out;
	ui_rec_name(txn, PD_PLAN, pd_get_ref(&it, PD_ITEM_PLAN), name, sizeof name);
	if (field(doc, 0, PD_PLAN, pd_get_ref(&it, PD_ITEM_PLAN), "Plan", name) ||
	    field(doc, 0, PD_ITEM, id, "Ref", pd_get_text(&it, PD_ITEM_REF)))
		goto out;
	if (pd_get_ref(&it, PD_ITEM_THEME)) {
		ui_rec_name(txn, PD_THEME, pd_get_ref(&it, PD_ITEM_THEME), name, sizeof name);
		if (field(doc, 0, PD_ITEM, id, "Theme", name))
			goto out;
	}
	lv = pd_scale_level(sc, pd_get_text(&it, PD_ITEM_STATUS));
	snprintf(status, sizeof status, "%s %s", lv ? ui_status_mark(&a->theme, lv->kind) : "",
		 lv ? lv->label : pd_get_text(&it, PD_ITEM_STATUS));
	if (field(doc, lv ? (int)ui_status_role(lv->kind) : 0, PD_ITEM, id, "Status",
		  pd_is_set(&it, PD_ITEM_STATUS) ? status : "(none: s sets it)") ||
	    field(doc, 0, PD_ITEM, id, "Lead", pd_get_text(&it, PD_ITEM_LEAD)))
		goto out;
	if (pd_item_overdue(&it, sc, &a->today)) {
		snprintf(name, sizeof name, "%s (overdue)", pd_get_text(&it, PD_ITEM_TARGET));
		if (field(doc, UI_R_OVERDUE, PD_ITEM, id, "Target", name))
			goto out;
	} else if (field(doc, 0, PD_ITEM, id, "Target", pd_get_text(&it, PD_ITEM_TARGET))) {
		goto out;
	}
	if (field(doc, 0, PD_ITEM, id, "Completed", pd_get_text(&it, PD_ITEM_COMPLETED)) ||
	    field(doc, UI_R_OVERDUE, PD_ITEM, id, "Confidential", pd_record_confidential(&it) ?
		  "yes: minutes and reports leave it out unless asked" : NULL))
		goto out;
	if (pd_get_ref(&it, PD_ITEM_PARENT)) {
		ui_rec_name(txn, PD_ITEM, pd_get_ref(&it, PD_ITEM_PARENT), name, sizeof name);
		if (field(doc, 0, PD_ITEM, pd_get_ref(&it, PD_ITEM_PARENT), "Part of", name))
			goto out;
	}
	if (pd_is_set(&it, PD_ITEM_DESCRIPTION) &&
	    (ui_doc_add(doc, UI_R_HEADING, 0, PD_ITEM, id, " ") ||
	     ui_doc_wrap(doc, UI_R_NORMAL, 0, PD_ITEM, id,
			 pd_get_text(&it, PD_ITEM_DESCRIPTION), w)))
		goto out;
	if (add_subitems(doc, a, txn, id, sc) || add_actions(doc, a, txn, id) ||
	    add_updates(doc, a, txn, id, sc, w) || ui_doc_history(doc, txn, PD_ITEM, id))
		goto out;
	rc = PD_OK;
out:
	pd_record_clear(&it);
	return rc == PD_OK ? PD_OK : PD_ENOMEM;
}

static int add(struct docview *dv, struct app *a, const struct ui_row *sel);

static int add_done(struct app *a, void *ctx, const char *text, int how)
{
	struct docview *dv = ctx;

	(void)text;
	switch (how) {
	case 'a': return ui_form_add(a, PD_ACTION, dv->id, false);
	case 'u': return ui_form_add(a, PD_UPDATE, dv->id, false);
	case 's': return ui_form_add(a, PD_ITEM, dv->id, true);
	default:  return UI_REDRAW;
	}
}

static int add(struct docview *dv, struct app *a, const struct ui_row *sel)
{
	if (sel->kind == PD_ACTION)
		return ui_form_add(a, PD_ACTION, dv->id, false);
	if (sel->kind == PD_UPDATE)
		return ui_form_add(a, PD_UPDATE, dv->id, false);
	if (sel->kind == PD_ITEM && sel->id != dv->id)
		return ui_form_add(a, PD_ITEM, dv->id, true);
	app_choose(a, "Add:", "a action  u update  s sub-item  Esc nothing", "aus", add_done, dv);
	return UI_REDRAW;
}

static int cmd(struct docview *dv, struct app *a, enum ui_cmd c,
	       const struct ui_row *sel)
{
	bool rec = sel->id && sel->kind >= 0;
	int kind = rec ? sel->kind : PD_ITEM;
	uint64_t id = rec ? sel->id : dv->id;

	if (dv->gone && c != UI_C_OPEN)
		return UI_NOTHING;
	switch (c) {
	case UI_C_ADD:
		return add(dv, a, sel);
	case UI_C_EDIT:
		if (kind == PD_PLAN) {   /* the item's own Plan line */
			kind = PD_ITEM;
			id = dv->id;
		}
		return app_push(a, ui_form_new(a, (enum pd_kind)kind, id, NULL));
	case UI_C_EDITOR:
		if (kind == PD_ACTION)
			return ui_edit_long(a, kind, id, PD_ACTION_TEXT);
		if (kind == PD_UPDATE)
			return ui_edit_long(a, kind, id, PD_UPDATE_TEXT);
		return ui_edit_long(a, PD_ITEM, kind == PD_ITEM ? id : dv->id,
				    PD_ITEM_DESCRIPTION);
	case UI_C_DONE:
		if (kind != PD_ACTION) {
			app_msg(a, UI_R_STATUS, "x ticks an action: select one first");
			return UI_REDRAW;
		}
		return ui_action_toggle(a, id);
	case UI_C_STATUS:
		return ui_status_ask(a, kind == PD_ITEM ? id : dv->id);
	case UI_C_MARK:
		return ui_mark_toggle(a, kind == PD_PLAN ? PD_ITEM : kind,
				      kind == PD_PLAN ? dv->id : id);
	case UI_C_DELETE:
		if (!rec || kind == PD_PLAN) {
			app_msg(a, UI_R_STATUS, "Select what to delete first");
			return UI_REDRAW;
		}
		return ui_delete_ask(a, kind, id);
	default:
		return UI_UNHANDLED;
	}
}

static const struct docview_spec item_spec = {
	.name = "item",
	.keys = &ui_keys_item,
	.cols = item_cols,
	.ncols = 2,
	.build = build,
	.cmd = cmd,
};

struct view *view_item_new(struct app *a, uint64_t item)
{
	return docview_new(a, &item_spec, PD_ITEM, item, NULL);
}
