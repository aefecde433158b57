/*
 * csv_columns.c — the canonical CSV columns of each kind, the header
 * aliases other programs use (Outlook, Google Contacts old and new, the
 * seed documents' trackers), and mapping a file's header onto them.
 *
 * Header names are compared ignoring case, spaces and underscores, so
 * "E-mail Address", "e-mail address" and "E-mailAddress" are one name.
 */
#include <stdlib.h>
#include <string.h>

#include "transfer_impl.h"

static const char *const org_cols[] = {
	"name", "overview", "services", "phone", "email", "website", "address",
	"referral", "tags", "verified", "notes",
};
static const char *const person_cols[] = {
	"name", "initials", "role", "organisation", "phone", "mobile", "email",
	"notes", "verified",
	/* pseudo-columns, not exported */
	"first name", "middle name", "last name", "web page",
};
static const char *const plan_cols[] = {
	"ref", "title", "body", "start", "end", "scale",
};
static const char *const item_cols[] = {
	"plan", "theme", "ref", "title", "description", "lead", "target",
	"completed", "status", "parent",
};
static const char *const action_cols[] = {
	"plan", "item", "text", "owner", "due", "state", "raised", "closed",
};
static const char *const update_cols[] = {
	"plan", "item", "date", "text", "status", "author",
};
static const char *const meeting_cols[] = {
	"plan", "date", "title", "location", "present", "apologies", "next",
};

#define N(a) (sizeof a / sizeof a[0])

/* What a column holds, by its canonical name; the rest are plain text. */
static const struct { const char *name; enum pd_col_kind kind; } col_kinds[] = {
	{ "phone", PD_COL_PHONE }, { "mobile", PD_COL_PHONE },
	{ "verified", PD_COL_DATE }, { "start", PD_COL_DATE }, { "end", PD_COL_DATE },
	{ "target", PD_COL_DATE }, { "completed", PD_COL_DATE }, { "due", PD_COL_DATE },
	{ "raised", PD_COL_DATE }, { "closed", PD_COL_DATE }, { "date", PD_COL_DATE },
	{ "next", PD_COL_DATE },
	{ "overview", PD_COL_NOTE }, { "services", PD_COL_NOTE },
	{ "address", PD_COL_NOTE }, { "referral", PD_COL_NOTE },
	{ "notes", PD_COL_NOTE }, { "body", PD_COL_NOTE },
	{ "description", PD_COL_NOTE }, { "text", PD_COL_NOTE },
	{ "present", PD_COL_NOTE },
};

enum pd_col_kind pd_transfer_column_kind(const char *name)
{
	for (size_t i = 0; i < N(col_kinds); i++)
		if (strcmp(name, col_kinds[i].name) == 0)
			return col_kinds[i].kind;
	return PD_COL_TEXT;
}

static const struct {
	const char *const *cols;
	size_t ncanon, nall;
	/* required columns, -1 terminated; people's name may come in parts */
	int req[5];
} kinds[PD_NKINDS] = {
	[PD_ORG]     = { org_cols,     N(org_cols),      N(org_cols),    { PD_ORG_NAME, -1 } },
	[PD_PERSON]  = { person_cols,  PD_PERSON_NFIELDS, N(person_cols), { -1 } },
	[PD_PLAN]    = { plan_cols,    N(plan_cols),     N(plan_cols),   { PD_PLAN_REF, PD_PLAN_TITLE, -1 } },
	[PD_THEME]   = { NULL, 0, 0, { -1 } },
	[PD_ITEM]    = { item_cols,    N(item_cols),     N(item_cols),   { IC_PLAN, IC_REF, IC_TITLE, -1 } },
	[PD_ACTION]  = { action_cols,  N(action_cols),   N(action_cols), { AC_PLAN, AC_ITEM, AC_TEXT, -1 } },
	[PD_UPDATE]  = { update_cols,  N(update_cols),   N(update_cols), { UC_PLAN, UC_ITEM, UC_DATE, UC_TEXT, -1 } },
	[PD_MEETING] = { meeting_cols, N(meeting_cols),  N(meeting_cols), { MC_PLAN, MC_DATE, -1 } },
};

#define MULTI 1u

static const struct alias {
	enum pd_kind kind;
	int          col;
	const char  *name;
	unsigned     flags;
} aliases[] = {
	/* people: Outlook, then Google (old and new); "First Name", "Middle
	 * Name", "Last Name" and "Web Page" are the pseudo-columns' own names */
	{ PD_PERSON, PD_PERSON_NAME,     "full name", 0 },
	{ PD_PERSON, PD_PERSON_NAME,     "display name", 0 },
	{ PD_PERSON, PC_FIRST,           "given name", 0 },
	{ PD_PERSON, PC_MIDDLE,          "additional name", 0 },
	{ PD_PERSON, PC_LAST,            "family name", 0 },
	{ PD_PERSON, PC_LAST,            "surname", 0 },
	{ PD_PERSON, PD_PERSON_ROLE,     "job title", 0 },
	{ PD_PERSON, PD_PERSON_ROLE,     "organization title", MULTI },
	{ PD_PERSON, PD_PERSON_ROLE,     "organization 1 - title", MULTI },
	{ PD_PERSON, PD_PERSON_ORG,      "organization", 0 },
	{ PD_PERSON, PD_PERSON_ORG,      "company", 0 },
	{ PD_PERSON, PD_PERSON_ORG,      "organization name", MULTI },
	{ PD_PERSON, PD_PERSON_ORG,      "organization 1 - name", MULTI },
	{ PD_PERSON, PD_PERSON_PHONE,    "telephone", 0 },
	{ PD_PERSON, PD_PERSON_PHONE,    "business phone", 0 },
	{ PD_PERSON, PD_PERSON_PHONE,    "primary phone", 0 },
	{ PD_PERSON, PD_PERSON_PHONE,    "company main phone", 0 },
	{ PD_PERSON, PD_PERSON_PHONE,    "phone 1 - value", MULTI },
	{ PD_PERSON, PD_PERSON_MOBILE,   "mobile phone", 0 },
	{ PD_PERSON, PD_PERSON_MOBILE,   "mobile number", 0 },
	{ PD_PERSON, PD_PERSON_EMAIL,    "e-mail", 0 },
	{ PD_PERSON, PD_PERSON_EMAIL,    "e-mail address", 0 },
	{ PD_PERSON, PD_PERSON_EMAIL,    "email address", 0 },
	{ PD_PERSON, PD_PERSON_EMAIL,    "e-mail 1 - value", MULTI },
	{ PD_PERSON, PC_WEB,             "website", 0 },
	{ PD_PERSON, PC_WEB,             "website 1 - value", MULTI },
	/* organisations */
	{ PD_ORG, PD_ORG_NAME,    "organisation", 0 },
	{ PD_ORG, PD_ORG_NAME,    "organization", 0 },
	{ PD_ORG, PD_ORG_NAME,    "company", 0 },
	{ PD_ORG, PD_ORG_PHONE,   "telephone", 0 },
	{ PD_ORG, PD_ORG_PHONE,   "business phone", 0 },
	{ PD_ORG, PD_ORG_PHONE,   "company main phone", 0 },
	{ PD_ORG, PD_ORG_EMAIL,   "e-mail", 0 },
	{ PD_ORG, PD_ORG_EMAIL,   "e-mail address", 0 },
	{ PD_ORG, PD_ORG_WEBSITE, "web page", 0 },
	{ PD_ORG, PD_ORG_WEBSITE, "web site", 0 },
	{ PD_ORG, PD_ORG_WEBSITE, "url", 0 },
	{ PD_ORG, PD_ORG_REFERRAL, "how to refer", 0 },
	/* plans */
	{ PD_PLAN, PD_PLAN_REF,   "reference", 0 },
	{ PD_PLAN, PD_PLAN_BODY,  "description", 0 },
	{ PD_PLAN, PD_PLAN_START, "start date", 0 },
	{ PD_PLAN, PD_PLAN_END,   "end date", 0 },
	/* items, as the seed trackers head them */
	{ PD_ITEM, IC_REF,       "no.", 0 },
	{ PD_ITEM, IC_REF,       "no", 0 },
	{ PD_ITEM, IC_REF,       "number", 0 },
	{ PD_ITEM, IC_TITLE,     "recommendation", 0 },
	{ PD_ITEM, IC_TITLE,     "priority", 0 },
	{ PD_ITEM, IC_TITLE,     "project", 0 },
	{ PD_ITEM, IC_LEAD,      "link officer", 0 },
	{ PD_ITEM, IC_LEAD,      "lead officer", 0 },
	{ PD_ITEM, IC_TARGET,    "anticipated completion date", 0 },
	{ PD_ITEM, IC_TARGET,    "target date", 0 },
	{ PD_ITEM, IC_COMPLETED, "actual completion date", 0 },
	{ PD_ITEM, IC_STATUS,    "assessment", 0 },
	/* actions, updates, meetings */
	{ PD_ACTION,  AC_TEXT,      "action", 0 },
	{ PD_ACTION,  AC_DUE,       "due date", 0 },
	{ PD_UPDATE,  UC_TEXT,      "update", 0 },
	{ PD_UPDATE,  UC_TEXT,      "progress", 0 },
	{ PD_MEETING, MC_PRESENT,   "attendees", 0 },
	{ PD_MEETING, MC_NEXT,      "next meeting", 0 },
};

const char *const *pd_transfer_columns(enum pd_kind kind, size_t *n)
{
	if ((unsigned)kind >= PD_NKINDS || !kinds[kind].cols) {
		*n = 0;
		return NULL;
	}
	*n = kinds[kind].ncanon;
	return kinds[kind].cols;
}

const char *pd_col_name(enum pd_kind kind, int col)
{
	if ((unsigned)kind >= PD_NKINDS || col < 0 || (size_t)col >= kinds[kind].nall)
		return "?";
	return kinds[kind].cols[col];
}

/* Lower-case ASCII, without spaces and underscores, into `out` (n bytes). */
static void norm(const char *s, size_t len, char *out, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '_' || c == '\t')
			continue;
		out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[o] = '\0';
}

/* Which column a header names: canonical names rank 0, aliases after. */
static int lookup(enum pd_kind kind, const char *h, size_t hn, int *rank,
		  bool *multi)
{
	char want[96], have[96];

	norm(h, hn, want, sizeof want);
	*multi = false;
	for (size_t c = 0; c < kinds[kind].nall; c++) {
		const char *name = kinds[kind].cols[c];
		norm(name, strlen(name), have, sizeof have);
		if (!strcmp(want, have)) {
			*rank = 0;
			return (int)c;
		}
	}
	for (size_t a = 0; a < N(aliases); a++) {
		if (aliases[a].kind != kind)
			continue;
		norm(aliases[a].name, strlen(aliases[a].name), have, sizeof have);
		if (!strcmp(want, have)) {
			*rank = 1 + (int)a;
			*multi = aliases[a].flags & MULTI;
			return aliases[a].col;
		}
	}
	return -1;
}

static bool has(const struct pd_colmap *map, int col)
{
	return map->nsrc[col] > 0;
}

void pd_colmap_free(struct pd_colmap *map)
{
	pd_buf_free(&map->unknown);
}

int pd_colmap_build(struct pd_colmap *map, const struct pd_csv_row *header,
		    struct pd_err *err)
{
	enum pd_kind kind = map->kind;
	int rc = PD_OK;

	if ((unsigned)kind >= PD_NKINDS || !kinds[kind].cols)
		return pd_err_set(err, PD_EINVAL, "%s have no CSV form",
				  pd_kind_info(kind)->plural);
	memset(map->nsrc, 0, sizeof map->nsrc);
	map->ncols = (int)kinds[kind].nall;
	map->nfile = header->n;
	map->nunknown = 0;
	pd_buf_reset(&map->unknown);
	for (size_t i = 0; i < header->n; i++) {
		bool multi;
		int rank, col = lookup(kind, header->f[i], header->len[i], &rank, &multi);
		if (col < 0 || map->nsrc[col] == PD_SRCS_MAX) {
			if (map->nunknown++ < 8 &&
			    pd_buf_printf(&map->unknown, "%s\"%s\"", map->nunknown > 1 ? ", " : "",
					  header->len[i] ? header->f[i] : "") != PD_OK)
				return pd_err_set(err, PD_ENOMEM, "out of memory");
			continue;
		}
		/* Keep the sources sorted by rank, then by position. */
		int k = map->nsrc[col]++;
		while (k > 0 && map->src[col][k - 1].rank > rank) {
			map->src[col][k] = map->src[col][k - 1];
			k--;
		}
		map->src[col][k] = (struct pd_colsrc){ (int)i, rank, multi };
	}
	if (map->nunknown > 8 &&
	    pd_buf_printf(&map->unknown, " and %zu more", map->nunknown - 8) != PD_OK)
		return pd_err_set(err, PD_ENOMEM, "out of memory");
	for (const int *r = kinds[kind].req; *r >= 0 && rc == PD_OK; r++)
		if (!has(map, *r))
			rc = pd_err_set(err, PD_EINVAL, "missing column \"%s\" (%s need %s)",
					kinds[kind].cols[*r], pd_kind_info(kind)->plural,
					kind == PD_ITEM ? "plan, ref and title" :
					kind == PD_ACTION ? "plan, item and text" :
					kind == PD_UPDATE ? "plan, item, date and text" :
					kind == PD_MEETING ? "plan and date" :
					kind == PD_PLAN ? "ref and title" : "a name");
	if (rc == PD_OK && kind == PD_PERSON && !has(map, PD_PERSON_NAME) &&
	    !has(map, PC_FIRST) && !has(map, PC_LAST))
		rc = pd_err_set(err, PD_EINVAL, "missing column \"name\" (or \"First Name\" "
				"and \"Last Name\")");
	return rc;
}

void pd_cell_get(const struct pd_colmap *map, const struct pd_csv_row *row,
		 int col, struct pd_cell *out)
{
	out->s = "";
	out->n = 0;
	out->field = map->nsrc[col] ? map->src[col][0].idx + 1 : 1;
	out->multi = false;
	for (int k = 0; k < map->nsrc[col]; k++) {
		const struct pd_colsrc *src = &map->src[col][k];
		size_t skip;
		if ((size_t)src->idx >= row->n || !row->len[src->idx])
			continue;
		skip = map->raw ? 0 : pd_csv_unguard(row->f[src->idx], row->len[src->idx]);
		out->s = row->f[src->idx] + skip;
		out->n = row->len[src->idx] - skip;
		out->field = src->idx + 1;
		out->multi = src->multi;
		return;
	}
}
