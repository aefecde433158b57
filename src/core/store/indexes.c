/*
 * indexes.c — the index databases (indexes.h): what each lists, under
 * which parent, in which order.
 */
#include "indexes.h"

static const struct pd_ixdef ixdefs[PD_NINDEXES] = {
	[PD_IX_THEMES_BY_PLAN]   = { "ix_theme_plan",    PD_THEME,   PD_THEME_PLAN,    PD_THEME_POSITION },
	[PD_IX_ITEMS_BY_PLAN]    = { "ix_item_plan",     PD_ITEM,    PD_ITEM_PLAN,     PD_ITEM_POSITION },
	[PD_IX_ITEMS_BY_PARENT]  = { "ix_item_parent",   PD_ITEM,    PD_ITEM_PARENT,   PD_ITEM_POSITION },
	[PD_IX_ACTIONS_BY_ITEM]  = { "ix_action_item",   PD_ACTION,  PD_ACTION_ITEM,   PD_ACTION_POSITION },
	[PD_IX_ACTIONS_BY_OWNER] = { "ix_action_owner",  PD_ACTION,  PD_ACTION_OWNERS, PD_ACTION_DUE },
	[PD_IX_UPDATES_BY_ITEM]  = { "ix_update_item",   PD_UPDATE,  PD_UPDATE_ITEM,   PD_UPDATE_DATE },
	[PD_IX_PEOPLE_BY_ORG]    = { "ix_person_org",    PD_PERSON,  PD_PERSON_ORG,    -1 },
	[PD_IX_MEETINGS_BY_PLAN] = { "ix_meeting_plan",  PD_MEETING, PD_MEETING_PLAN,  PD_MEETING_DATE },
	[PD_IX_MEETINGS_BY_DATE] = { "ix_meeting_date",  PD_MEETING, -1,               PD_MEETING_DATE },
};

const struct pd_ixdef *pd_ixdef(enum pd_index ix) { return &ixdefs[ix]; }

size_t pd_ix_sortlen(enum pd_index ix)
{
	const struct pd_ixdef *d = &ixdefs[ix];

	if (d->sort < 0)
		return 0;
	return pd_kind_info(d->kind)->fields[d->sort].type == PD_T_INT ? 8 : 10;
}

size_t pd_ix_datalen(enum pd_index ix) { return pd_ix_sortlen(ix) + 8; }
