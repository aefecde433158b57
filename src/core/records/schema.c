/*
 * schema.c — the field tables of the eight record kinds (schema.h).
 *
 * Tags are part of the on-disk format: never renumber or reuse one.  A new
 * field takes the next free tag of its kind; old builds skip it and keep it.
 *
 * Each entry: name, tag, type, flags, linked kind; then
 *   COL(header), ALIAS(...), MULTI(...)  its CSV column (NOCOL: none), the
 *                                 other headers import takes for it
 *   FORM(label, widget, place)    on the form; CARD(place) on the card
 *   SEARCH(class)                 how the directory search reads it
 * Places are in tens, so that a new field can go between two.
 */
#include <string.h>
#include <strings.h>

#include "plandesk/records/record.h"

#define REQ PD_F_REQUIRED
#define ML  PD_F_MULTILINE
#define CONF (PD_F_YESNO | PD_F_CONFIDENTIAL)

#define COL(c)           .col = (c)
#define NOCOL            .col = NULL
#define LIST(...)        ((const char *const[]){ __VA_ARGS__, NULL })
#define ALIAS(...)       .aliases = LIST(__VA_ARGS__)
#define MULTI(...)       .multi = LIST(__VA_ARGS__)
#define CELL(k)          .cell = PD_CELL_##k
#define ALSO(f)          .also = 1 + (f)
#define FORM(l, w, at)   .label = (l), .widget = PD_W_##w, .form = (at)
#define CARD(at)         .card = (at)
#define CARD_AS(l, at)   .card_label = (l), .card = (at)
#define SEARCH(s)        .search = PD_S_##s

static const struct pd_field org_fields[] = {
	[PD_ORG_NAME]     = { "name", 16, PD_T_TEXT, REQ, -1, COL("name"),
		ALIAS("organisation", "organization", "company"),
		FORM("Name", TEXT, 10), SEARCH(NAME) },
	[PD_ORG_OVERVIEW] = { "overview", 17, PD_T_TEXT, ML, -1, COL("overview"),
		FORM("Overview", LONG, 20), CARD(10), SEARCH(WORDS) },
	[PD_ORG_SERVICES] = { "services", 18, PD_T_TEXT, ML, -1, COL("services"),
		FORM("Services", LONG, 30), CARD(20), SEARCH(WORDS) },
	[PD_ORG_PHONE]    = { "phone", 19, PD_T_TEXT, 0, -1, COL("phone"),
		ALIAS("telephone", "business phone", "company main phone"),
		CELL(PHONE), FORM("Phone", TEXT, 50), CARD(40), SEARCH(DIGITS) },
	[PD_ORG_EMAIL]    = { "email", 20, PD_T_TEXT, 0, -1, COL("email"),
		ALIAS("e-mail", "e-mail address"),
		FORM("Email", TEXT, 60), CARD_AS("E-mail", 50), SEARCH(WORDS) },
	[PD_ORG_WEBSITE]  = { "website", 21, PD_T_TEXT, 0, -1, COL("website"),
		ALIAS("web page", "web site", "url"),
		FORM("Website", TEXT, 70), CARD(60) },
	[PD_ORG_ADDRESS]  = { "address", 22, PD_T_TEXT, ML, -1, COL("address"),
		FORM("Address", LONG, 80), CARD(70) },
	[PD_ORG_REFERRAL] = { "referral", 23, PD_T_TEXT, ML, -1, COL("referral"),
		ALIAS("how to refer"), FORM("Referral", LONG, 40), CARD(30) },
	[PD_ORG_TAGS]     = { "tags", 24, PD_T_TEXT, 0, -1, COL("tags"),
		FORM("Tags", TEXT, 90), CARD(80), SEARCH(WORDS) },
	[PD_ORG_VERIFIED] = { "verified", 25, PD_T_DATE, PD_F_VERIFIED, -1, COL("verified"),
		FORM("Verified", DATE, 100), CARD(90) },
	[PD_ORG_NOTES]    = { "notes", 26, PD_T_TEXT, ML, -1, COL("notes"),
		FORM("Notes", LONG, 110), CARD(100) },
};

/* The aliases: Outlook's headers, then Google Contacts' (old and new). */
static const struct pd_field person_fields[] = {
	[PD_PERSON_NAME]     = { "name", 16, PD_T_TEXT, REQ, -1, COL("name"),
		ALIAS("full name", "display name"), FORM("Name", TEXT, 10), SEARCH(NAME) },
	[PD_PERSON_INITIALS] = { "initials", 17, PD_T_TEXT, 0, -1, COL("initials"),
		FORM("Initials", TEXT, 20), CARD(20), SEARCH(WORDS) },
	[PD_PERSON_ROLE]     = { "role", 18, PD_T_TEXT, 0, -1, COL("role"),
		ALIAS("job title"), MULTI("organization title", "organization 1 - title"),
		FORM("Role", TEXT, 30), CARD(10), SEARCH(WORDS) },
	[PD_PERSON_ORG]      = { "organisation", 19, PD_T_REF, 0, PD_ORG, COL("organisation"),
		ALIAS("organization", "company"),
		MULTI("organization name", "organization 1 - name"),
		FORM("Organisation", LINK, 40), CARD(30), SEARCH(ORG) },
	[PD_PERSON_PHONE]    = { "phone", 20, PD_T_TEXT, 0, -1, COL("phone"),
		ALIAS("telephone", "business phone", "primary phone", "company main phone"),
		MULTI("phone 1 - value"),
		CELL(PHONE), FORM("Phone", TEXT, 50), CARD(40), SEARCH(DIGITS) },
	[PD_PERSON_MOBILE]   = { "mobile", 21, PD_T_TEXT, 0, -1, COL("mobile"),
		ALIAS("mobile phone", "mobile number"),
		CELL(PHONE), FORM("Mobile", TEXT, 60), CARD(50), SEARCH(DIGITS) },
	[PD_PERSON_EMAIL]    = { "email", 22, PD_T_TEXT, 0, -1, COL("email"),
		ALIAS("e-mail", "e-mail address", "email address"), MULTI("e-mail 1 - value"),
		FORM("Email", TEXT, 70), CARD_AS("E-mail", 60), SEARCH(WORDS) },
	[PD_PERSON_NOTES]    = { "notes", 23, PD_T_TEXT, ML, -1, COL("notes"),
		FORM("Notes", LONG, 90), CARD(80) },
	[PD_PERSON_VERIFIED] = { "verified", 24, PD_T_DATE, PD_F_VERIFIED, -1, COL("verified"),
		FORM("Verified", DATE, 80), CARD(70) },
};

/* A person's name in parts and a web page: read, never written. */
static const struct pd_xcol person_xcols[] = {
	{ "first name",  LIST("given name"), NULL, PD_X_FIRST, false, false },
	{ "middle name", LIST("additional name"), NULL, PD_X_MIDDLE, false, false },
	{ "last name",   LIST("family name", "surname"), NULL, PD_X_LAST, false, false },
	{ "web page",    LIST("website"), LIST("website 1 - value"), PD_X_WEB, false, false },
};

static const struct pd_field plan_fields[] = {
	[PD_PLAN_REF]   = { "ref", 16, PD_T_TEXT, REQ, -1, COL("ref"), ALIAS("reference"),
		FORM("Ref", TEXT, 10) },
	[PD_PLAN_TITLE] = { "title", 17, PD_T_TEXT, REQ, -1, COL("title"),
		FORM("Title", TEXT, 20) },
	[PD_PLAN_BODY]  = { "body", 18, PD_T_TEXT, ML, -1, COL("body"), ALIAS("description"),
		FORM("Body", LONG, 60) },
	[PD_PLAN_START] = { "start", 19, PD_T_DATE, 0, -1, COL("start"), ALIAS("start date"),
		FORM("Start", DATE, 30) },
	[PD_PLAN_END]   = { "end", 20, PD_T_DATE, 0, -1, COL("end"), ALIAS("end date"),
		FORM("End", DATE, 40) },
	[PD_PLAN_SCALE] = { "scale", 21, PD_T_TEXT, 0, -1, COL("scale"),
		FORM("Scale", SCALE, 50) },
	[PD_PLAN_PARTNERSHIP] = { "partnership", 22, PD_T_TEXT, 0, -1, COL("partnership"),
		ALIAS("partnership name", "board", "committee"), FORM("Partnership", TEXT, 25) },
	/* Retention: the date after which the plan may be purged, and a legal
	 * hold (its reason) that stops it being purged or deleted until
	 * `hold --lift`: not on the form, and kept through undo. */
	[PD_PLAN_RETAIN] = { "retain_until", 23, PD_T_DATE, 0, -1, COL("retain until"),
		ALIAS("retention date", "keep until"), FORM("Retain until", DATE, 45) },
	[PD_PLAN_HOLD]   = { "hold", 24, PD_T_TEXT, PD_F_KEPT, -1, COL("hold"),
		ALIAS("legal hold") },
};

/* Themes have no CSV form: they come with their items. */
static const struct pd_field theme_fields[] = {
	[PD_THEME_PLAN]     = { "plan", 16, PD_T_REF, REQ, PD_PLAN, NOCOL },
	[PD_THEME_NAME]     = { "name", 17, PD_T_TEXT, REQ, -1, NOCOL, FORM("Name", TEXT, 10) },
	[PD_THEME_POSITION] = { "position", 18, PD_T_INT, 0, -1, NOCOL },
};

/* The aliases: how the trackers people keep head their columns. */
static const struct pd_field item_fields[] = {
	[PD_ITEM_PLAN]        = { "plan", 16, PD_T_REF, REQ, PD_PLAN, COL("plan") },
	[PD_ITEM_THEME]       = { "theme", 17, PD_T_REF, 0, PD_THEME, COL("theme"),
		FORM("Theme", LINK, 30) },
	[PD_ITEM_REF]         = { "ref", 18, PD_T_TEXT, REQ, -1, COL("ref"),
		ALIAS("no.", "no", "number"), FORM("Ref", TEXT, 10) },
	[PD_ITEM_TITLE]       = { "title", 19, PD_T_TEXT, REQ, -1, COL("title"),
		ALIAS("recommendation", "priority", "project"), FORM("Title", LONG, 20) },
	[PD_ITEM_DESCRIPTION] = { "description", 20, PD_T_TEXT, ML, -1, COL("description"),
		FORM("Description", LONG, 90) },
	[PD_ITEM_LEAD]        = { "lead", 21, PD_T_TEXT, PD_F_NAME, -1, COL("lead"),
		ALIAS("link officer", "lead officer"), ALSO(PD_ITEM_LEAD_PERSON),
		FORM("Lead", TEXT, 50) },
	[PD_ITEM_LEAD_PERSON] = { "lead_person", 22, PD_T_REF, 0, PD_PERSON, NOCOL },
	[PD_ITEM_TARGET]      = { "target", 23, PD_T_TEXT, 0, -1, COL("target"),
		ALIAS("anticipated completion date", "target date"), CELL(DATE),
		ALSO(PD_ITEM_TARGET_DATE), FORM("Target", TARGET, 60) },
	[PD_ITEM_TARGET_DATE] = { "target_date", 24, PD_T_DATE, 0, -1, NOCOL },
	[PD_ITEM_COMPLETED]   = { "completed", 25, PD_T_DATE, 0, -1, COL("completed"),
		ALIAS("actual completion date"), FORM("Completed", DATE, 70) },
	[PD_ITEM_STATUS]      = { "status", 26, PD_T_TEXT, 0, -1, COL("status"),
		ALIAS("assessment"), FORM("Status", STATUS, 80) },
	[PD_ITEM_PARENT]      = { "parent", 27, PD_T_REF, 0, PD_ITEM, COL("parent"),
		FORM("Parent", LINK, 40) },
	[PD_ITEM_POSITION]    = { "position", 28, PD_T_INT, 0, -1, NOCOL },
	[PD_ITEM_CONFIDENTIAL] = { "confidential", 29, PD_T_TEXT, CONF, -1, COL("confidential") },
};

/* Actions and updates are filed by their item's plan and ref. */
static const struct pd_xcol plan_of_item[] = {
	{ "plan", NULL, NULL, PD_X_PLAN, true, true },
};

static const struct pd_field action_fields[] = {
	[PD_ACTION_ITEM]     = { "item", 16, PD_T_REF, REQ, PD_ITEM, COL("item") },
	[PD_ACTION_TEXT]     = { "text", 17, PD_T_TEXT, REQ | ML, -1, COL("text"),
		ALIAS("action"), FORM("Text", LONG, 10) },
	[PD_ACTION_OWNER]    = { "owner", 18, PD_T_TEXT, PD_F_NAME, -1, COL("owner"),
		ALSO(PD_ACTION_OWNERS), FORM("Owner", OWNERS, 20) },
	[PD_ACTION_OWNERS]   = { "owners", 19, PD_T_REFS, 0, PD_PERSON, NOCOL },
	[PD_ACTION_DUE]      = { "due", 20, PD_T_DATE, 0, -1, COL("due"), ALIAS("due date"),
		FORM("Due", DATE, 30) },
	[PD_ACTION_STATE]    = { "state", 21, PD_T_TEXT, 0, -1, COL("state"),
		FORM("State", STATE, 40) },
	[PD_ACTION_RAISED]   = { "raised", 22, PD_T_REF, 0, PD_MEETING, COL("raised"),
		CELL(DATE) },
	[PD_ACTION_CLOSED]   = { "closed", 23, PD_T_DATE, 0, -1, COL("closed"),
		FORM("Closed", DATE, 50) },
	[PD_ACTION_POSITION] = { "position", 24, PD_T_INT, 0, -1, NOCOL },
	[PD_ACTION_CONFIDENTIAL] = { "confidential", 25, PD_T_TEXT, CONF, -1, COL("confidential") },
};

static const struct pd_field update_fields[] = {
	[PD_UPDATE_ITEM]    = { "item", 16, PD_T_REF, REQ, PD_ITEM, COL("item") },
	[PD_UPDATE_DATE]    = { "date", 17, PD_T_DATE, REQ | PD_F_TODAY, -1, COL("date"),
		FORM("Date", DATE, 10) },
	[PD_UPDATE_TEXT]    = { "text", 18, PD_T_TEXT, REQ | ML, -1, COL("text"),
		ALIAS("update", "progress"), FORM("Text", LONG, 20) },
	[PD_UPDATE_STATUS]  = { "status", 19, PD_T_TEXT, 0, -1, COL("status"),
		FORM("Status", STATUS, 30) },
	[PD_UPDATE_MEETING] = { "meeting", 20, PD_T_REF, 0, PD_MEETING, NOCOL },
	[PD_UPDATE_AUTHOR]  = { "author", 21, PD_T_TEXT, PD_F_NAME, -1, COL("author"),
		FORM("Author", TEXT, 40) },
	[PD_UPDATE_CONFIDENTIAL] = { "confidential", 22, PD_T_TEXT, CONF, -1, COL("confidential") },
};

static const struct pd_field meeting_fields[] = {
	[PD_MEETING_PLAN]            = { "plan", 16, PD_T_REF, REQ, PD_PLAN, COL("plan") },
	[PD_MEETING_DATE]            = { "date", 17, PD_T_DATE, REQ, -1, COL("date"),
		FORM("Date", DATE, 10) },
	[PD_MEETING_TITLE]           = { "title", 18, PD_T_TEXT, 0, -1, COL("title"),
		FORM("Title", TEXT, 20) },
	[PD_MEETING_LOCATION]        = { "location", 19, PD_T_TEXT, 0, -1, COL("location"),
		FORM("Location", TEXT, 30) },
	[PD_MEETING_PRESENT]         = { "present", 20, PD_T_REFS, 0, PD_PERSON, COL("present"),
		ALIAS("attendees"), CELL(NOTE), ALSO(PD_MEETING_PRESENT_OTHER) },
	[PD_MEETING_PRESENT_OTHER]   = { "present_other", 21, PD_T_TEXT, PD_F_NAME, -1, NOCOL },
	[PD_MEETING_APOLOGIES]       = { "apologies", 22, PD_T_REFS, 0, PD_PERSON,
		COL("apologies"), ALSO(PD_MEETING_APOLOGIES_OTHER) },
	[PD_MEETING_APOLOGIES_OTHER] = { "apologies_other", 23, PD_T_TEXT, PD_F_NAME, -1,
		NOCOL },
	[PD_MEETING_NEXT]            = { "next", 24, PD_T_DATE, 0, -1, COL("next"),
		ALIAS("next meeting"), FORM("Next", DATE, 40) },
	[PD_MEETING_NOTES]           = { "notes", 25, PD_T_TEXT, ML, -1, NOCOL,
		FORM("Notes", LONG, 50) },
};

#define N(a) (int)(sizeof a / sizeof a[0])
#define KIND(k, n, p, l, f, t, key, notes, x, nx) \
	[k] = { k, n, p, l, f, N(f), t, key, notes, x, nx }
static const struct pd_kind_info kinds[PD_NKINDS] = {
	KIND(PD_ORG, "org", "orgs", "organisation", org_fields,
	     PD_ORG_NAME, PD_ORG_NAME, PD_ORG_NOTES, NULL, 0),
	KIND(PD_PERSON, "person", "people", "person", person_fields,
	     PD_PERSON_NAME, PD_PERSON_NAME, PD_PERSON_NOTES, person_xcols, N(person_xcols)),
	KIND(PD_PLAN, "plan", "plans", "plan", plan_fields,
	     PD_PLAN_TITLE, PD_PLAN_REF, -1, NULL, 0),
	KIND(PD_THEME, "theme", "themes", "theme", theme_fields,
	     PD_THEME_NAME, PD_THEME_NAME, -1, NULL, 0),
	KIND(PD_ITEM, "item", "items", "item", item_fields,
	     PD_ITEM_TITLE, PD_ITEM_REF, -1, NULL, 0),
	KIND(PD_ACTION, "action", "actions", "action", action_fields,
	     PD_ACTION_TEXT, PD_ACTION_TEXT, -1, plan_of_item, N(plan_of_item)),
	KIND(PD_UPDATE, "update", "updates", "update", update_fields,
	     PD_UPDATE_TEXT, PD_UPDATE_TEXT, -1, plan_of_item, N(plan_of_item)),
	KIND(PD_MEETING, "meeting", "meetings", "meeting", meeting_fields,
	     PD_MEETING_DATE, PD_MEETING_DATE, -1, NULL, 0),
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

int pd_field_also(const struct pd_kind_info *ki, int f)
{
	if (f < 0 || f >= ki->nfields || !ki->fields[f].also)
		return -1;
	return ki->fields[f].also - 1;
}

int pd_field_owner(const struct pd_kind_info *ki)
{
	for (int f = 0; f < ki->nfields; f++)
		if (ki->fields[f].type == PD_T_REF && (ki->fields[f].flags & PD_F_REQUIRED))
			return f;
	return -1;
}

int pd_field_flagged(const struct pd_kind_info *ki, unsigned flags)
{
	for (int f = 0; f < ki->nfields; f++)
		if ((ki->fields[f].flags & flags) == flags)
			return f;
	return -1;
}

static int place_of(const struct pd_field *fd, enum pd_place where)
{
	return where == PD_PLACE_FORM ? fd->form : fd->card;
}

int pd_fields_placed(const struct pd_kind_info *ki, enum pd_place where,
		     int *out)
{
	int n = 0;

	for (int f = 0; f < ki->nfields && n < PD_MAX_FIELDS; f++) {
		int at = place_of(&ki->fields[f], where), i = n;

		if (!at)
			continue;
		n++;
		/* Insert in place order; a later field goes after an equal one. */
		while (i > 0 && place_of(&ki->fields[out[i - 1]], where) > at) {
			out[i] = out[i - 1];
			i--;
		}
		out[i] = f;
	}
	return n;
}
