/*
 * schema.c — the field tables of the eight record kinds (DESIGN §2).
 *
 * Tags are part of the on-disk format: never renumber or reuse one.  A new
 * field takes the next free tag of its kind; old builds skip it and keep it.
 */
#include <string.h>
#include <strings.h>

#include "plandesk/records/record.h"

#define REQ PD_F_REQUIRED
#define ML  PD_F_MULTILINE

static const struct pd_field org_fields[] = {
	[PD_ORG_NAME]     = { "name",     16, PD_T_TEXT, REQ, -1 },
	[PD_ORG_OVERVIEW] = { "overview", 17, PD_T_TEXT, ML,  -1 },
	[PD_ORG_SERVICES] = { "services", 18, PD_T_TEXT, ML,  -1 },
	[PD_ORG_PHONE]    = { "phone",    19, PD_T_TEXT, 0,   -1 },
	[PD_ORG_EMAIL]    = { "email",    20, PD_T_TEXT, 0,   -1 },
	[PD_ORG_WEBSITE]  = { "website",  21, PD_T_TEXT, 0,   -1 },
	[PD_ORG_ADDRESS]  = { "address",  22, PD_T_TEXT, ML,  -1 },
	[PD_ORG_REFERRAL] = { "referral", 23, PD_T_TEXT, ML,  -1 },
	[PD_ORG_TAGS]     = { "tags",     24, PD_T_TEXT, 0,   -1 },
	[PD_ORG_VERIFIED] = { "verified", 25, PD_T_DATE, 0,   -1 },
	[PD_ORG_NOTES]    = { "notes",    26, PD_T_TEXT, ML,  -1 },
};

static const struct pd_field person_fields[] = {
	[PD_PERSON_NAME]     = { "name",         16, PD_T_TEXT, REQ, -1 },
	[PD_PERSON_INITIALS] = { "initials",     17, PD_T_TEXT, 0,   -1 },
	[PD_PERSON_ROLE]     = { "role",         18, PD_T_TEXT, 0,   -1 },
	[PD_PERSON_ORG]      = { "organisation", 19, PD_T_REF,  0,   PD_ORG },
	[PD_PERSON_PHONE]    = { "phone",        20, PD_T_TEXT, 0,   -1 },
	[PD_PERSON_MOBILE]   = { "mobile",       21, PD_T_TEXT, 0,   -1 },
	[PD_PERSON_EMAIL]    = { "email",        22, PD_T_TEXT, 0,   -1 },
	[PD_PERSON_NOTES]    = { "notes",        23, PD_T_TEXT, ML,  -1 },
	[PD_PERSON_VERIFIED] = { "verified",     24, PD_T_DATE, 0,   -1 },
};

static const struct pd_field plan_fields[] = {
	[PD_PLAN_REF]   = { "ref",   16, PD_T_TEXT, REQ, -1 },
	[PD_PLAN_TITLE] = { "title", 17, PD_T_TEXT, REQ, -1 },
	[PD_PLAN_BODY]  = { "body",  18, PD_T_TEXT, ML,  -1 },
	[PD_PLAN_START] = { "start", 19, PD_T_DATE, 0,   -1 },
	[PD_PLAN_END]   = { "end",   20, PD_T_DATE, 0,   -1 },
	[PD_PLAN_SCALE] = { "scale", 21, PD_T_TEXT, 0,   -1 },
};

static const struct pd_field theme_fields[] = {
	[PD_THEME_PLAN]     = { "plan",     16, PD_T_REF,  REQ, PD_PLAN },
	[PD_THEME_NAME]     = { "name",     17, PD_T_TEXT, REQ, -1 },
	[PD_THEME_POSITION] = { "position", 18, PD_T_INT,  0,   -1 },
};

static const struct pd_field item_fields[] = {
	[PD_ITEM_PLAN]        = { "plan",        16, PD_T_REF,  REQ, PD_PLAN },
	[PD_ITEM_THEME]       = { "theme",       17, PD_T_REF,  0,   PD_THEME },
	[PD_ITEM_REF]         = { "ref",         18, PD_T_TEXT, REQ, -1 },
	[PD_ITEM_TITLE]       = { "title",       19, PD_T_TEXT, REQ, -1 },
	[PD_ITEM_DESCRIPTION] = { "description", 20, PD_T_TEXT, ML,  -1 },
	[PD_ITEM_LEAD]        = { "lead",        21, PD_T_TEXT, 0,   -1 },
	[PD_ITEM_LEAD_PERSON] = { "lead_person", 22, PD_T_REF,  0,   PD_PERSON },
	[PD_ITEM_TARGET]      = { "target",      23, PD_T_TEXT, 0,   -1 },
	[PD_ITEM_TARGET_DATE] = { "target_date", 24, PD_T_DATE, 0,   -1 },
	[PD_ITEM_COMPLETED]   = { "completed",   25, PD_T_DATE, 0,   -1 },
	[PD_ITEM_STATUS]      = { "status",      26, PD_T_TEXT, 0,   -1 },
	[PD_ITEM_PARENT]      = { "parent",      27, PD_T_REF,  0,   PD_ITEM },
	[PD_ITEM_POSITION]    = { "position",    28, PD_T_INT,  0,   -1 },
};

static const struct pd_field action_fields[] = {
	[PD_ACTION_ITEM]     = { "item",     16, PD_T_REF,  REQ, PD_ITEM },
	[PD_ACTION_TEXT]     = { "text",     17, PD_T_TEXT, REQ | ML, -1 },
	[PD_ACTION_OWNER]    = { "owner",    18, PD_T_TEXT, 0,   -1 },
	[PD_ACTION_OWNERS]   = { "owners",   19, PD_T_REFS, 0,   PD_PERSON },
	[PD_ACTION_DUE]      = { "due",      20, PD_T_DATE, 0,   -1 },
	[PD_ACTION_STATE]    = { "state",    21, PD_T_TEXT, 0,   -1 },
	[PD_ACTION_RAISED]   = { "raised",   22, PD_T_REF,  0,   PD_MEETING },
	[PD_ACTION_CLOSED]   = { "closed",   23, PD_T_DATE, 0,   -1 },
	[PD_ACTION_POSITION] = { "position", 24, PD_T_INT,  0,   -1 },
};

static const struct pd_field update_fields[] = {
	[PD_UPDATE_ITEM]    = { "item",    16, PD_T_REF,  REQ, PD_ITEM },
	[PD_UPDATE_DATE]    = { "date",    17, PD_T_DATE, REQ, -1 },
	[PD_UPDATE_TEXT]    = { "text",    18, PD_T_TEXT, REQ | ML, -1 },
	[PD_UPDATE_STATUS]  = { "status",  19, PD_T_TEXT, 0,   -1 },
	[PD_UPDATE_MEETING] = { "meeting", 20, PD_T_REF,  0,   PD_MEETING },
	[PD_UPDATE_AUTHOR]  = { "author",  21, PD_T_TEXT, 0,   -1 },
};

static const struct pd_field meeting_fields[] = {
	[PD_MEETING_PLAN]            = { "plan",            16, PD_T_REF,  REQ, PD_PLAN },
	[PD_MEETING_DATE]            = { "date",            17, PD_T_DATE, REQ, -1 },
	[PD_MEETING_TITLE]           = { "title",           18, PD_T_TEXT, 0,   -1 },
	[PD_MEETING_LOCATION]        = { "location",        19, PD_T_TEXT, 0,   -1 },
	[PD_MEETING_PRESENT]         = { "present",         20, PD_T_REFS, 0,   PD_PERSON },
	[PD_MEETING_PRESENT_OTHER]   = { "present_other",   21, PD_T_TEXT, 0,   -1 },
	[PD_MEETING_APOLOGIES]       = { "apologies",       22, PD_T_REFS, 0,   PD_PERSON },
	[PD_MEETING_APOLOGIES_OTHER] = { "apologies_other", 23, PD_T_TEXT, 0,   -1 },
	[PD_MEETING_NEXT]            = { "next",            24, PD_T_DATE, 0,   -1 },
	[PD_MEETING_NOTES]           = { "notes",           25, PD_T_TEXT, ML,  -1 },
};

#define KIND(n, p, l, f, t) { n, p, l, f, (int)(sizeof f / sizeof f[0]), t }
static const struct pd_kind_info kinds[PD_NKINDS] = {
	[PD_ORG]     = KIND("org",     "orgs",     "organisation", org_fields,     PD_ORG_NAME),
	[PD_PERSON]  = KIND("person",  "people",   "person",       person_fields,  PD_PERSON_NAME),
	[PD_PLAN]    = KIND("plan",    "plans",    "plan",         plan_fields,    PD_PLAN_TITLE),
	[PD_THEME]   = KIND("theme",   "themes",   "theme",        theme_fields,   PD_THEME_NAME),
	[PD_ITEM]    = KIND("item",    "items",    "item",         item_fields,    PD_ITEM_TITLE),
	[PD_ACTION]  = KIND("action",  "actions",  "action",       action_fields,  PD_ACTION_TEXT),
	[PD_UPDATE]  = KIND("update",  "updates",  "update",       update_fields,  PD_UPDATE_TEXT),
	[PD_MEETING] = KIND("meeting", "meetings", "meeting",      meeting_fields, PD_MEETING_DATE),
};

const struct pd_kind_info *pd_kind_info(enum pd_kind kind)
{
	if ((unsigned)kind >= PD_NKINDS)
		return &kinds[0];
	return &kinds[kind];
}

int pd_kind_from_name(const char *name, enum pd_kind *out)
{
	for (int k = 0; k < PD_NKINDS; k++) {
		if (strcasecmp(name, kinds[k].name) == 0 ||
		    strcasecmp(name, kinds[k].plural) == 0) {
			*out = (enum pd_kind)k;
			return PD_OK;
		}
	}
	return PD_NOTFOUND;
}

int pd_field_find(enum pd_kind kind, const char *name)
{
	const struct pd_kind_info *ki = pd_kind_info(kind);

	for (int f = 0; f < ki->nfields; f++)
		if (strcasecmp(ki->fields[f].name, name) == 0)
			return f;
	return -1;
}
