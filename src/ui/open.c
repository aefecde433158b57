/*
 * open.c — ui_open_record: which view shows a record.
 */
#include "config.h"

#include "docview.h"
#include "views.h"

/* The item an action or update belongs to. */
static uint64_t item_of(struct app *a, int kind, uint64_t id)
{
	struct pd_txn *txn = app_txn(a);
	struct pd_record r;
	uint64_t item = 0;

	if (!txn)
		return 0;
	pd_record_init(&r, (enum pd_kind)kind);
	if (pd_get(txn, (enum pd_kind)kind, id, &r, NULL) == PD_OK)
		item = pd_get_ref(&r, kind == PD_ACTION ? PD_ACTION_ITEM
				       : kind == PD_UPDATE ? PD_UPDATE_ITEM : PD_THEME_PLAN);
	pd_record_clear(&r);
	pd_txn_end(txn);
	return item;
}

int ui_open_record(struct app *a, int kind, uint64_t id)
{
	struct view *v;
	uint64_t item;

	switch (kind) {
	case PD_ITEM:
		return app_push(a, view_item_new(a, id));
	case PD_ACTION: case PD_UPDATE:
		if (!(item = item_of(a, kind, id))) {
			app_msg(a, UI_R_ERROR, "Its item is gone");
			return UI_REDRAW;
		}
		if (!(v = view_item_new(a, item)))
			return app_push(a, NULL);
		docview_select(v, a, kind, id);
		return app_push(a, v);
	case PD_MEETING:
		return app_push(a, view_meeting_new(a, id));
	case PD_ORG: case PD_PERSON:
		return app_push(a, view_card_new(a, kind, id));
	case PD_PLAN: case PD_THEME:
		if (kind == PD_THEME)
			id = item_of(a, PD_THEME, id);
		app_show_top(a, 1);
		if (a->tops[0])
			view_plans_focus(a->tops[0], a, id);
		return UI_REDRAW;
	default:
		return UI_NOTHING;
	}
}
