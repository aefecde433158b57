/*
 * report_actions.c — the open actions of a plan by owner, each owner's
 * overdue actions first (oldest first) and marked, then the others by due
 * date, then those with no date (report.h).
 *
 * Owners: an action's linked people (owners), each by name and initials;
 * when it links nobody who is still in the directory, the owner as typed,
 * split at ';' ("Schools"); when there is neither, "No owner", listed
 * last.  An action with two owners is listed under both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/directory/people_match.h"
#include "plandesk/base/text.h"
#include "plandesk/meetings/track.h"
#include "report_mail.h"

static int group_add(struct group *g, struct entry *entry)
{
	if (pd_grow(&g->e, &g->cap, g->n + 1, sizeof *g->e, 4))
		return PD_ENOMEM;
	g->e[g->n++] = entry;
	return PD_OK;
}

/* A new, empty group named `name` (n bytes); *out is its index. */
static int group_new(struct act *x, const char *name, size_t n, size_t *out)
{
	struct group *g;

	if (pd_grow(&x->g, &x->gcap, x->ng + 1, sizeof *x->g, 8))
		return PD_ENOMEM;
	g = &x->g[x->ng];
	memset(g, 0, sizeof *g);
	pd_record_init(&g->person, PD_PERSON);
	if (!(g->name = strndup(name, n)) ||
	    pd_text_fold(name, n, &g->key, NULL) != PD_OK) {
		free(g->name);
		return PD_ENOMEM;
	}
	*out = x->ng++;
	return PD_OK;
}

/* Add entry `e` under person `id`; *added is false when they are gone. */
static int add_person(struct act *x, uint64_t id, size_t e, bool *added)
{
	struct pd_record p;
	struct pd_buf name = PD_BUF_INIT;
	size_t gi;
	int rc;

	*added = false;
	for (gi = 0; gi < x->ng; gi++)
		if (x->g[gi].person.id == id) {
			*added = true;
			return group_add(&x->g[gi], &x->e[e]);
		}
	pd_record_init(&p, PD_PERSON);
	if (pd_get(x->txn, PD_PERSON, id, &p, NULL) != PD_OK) {
		pd_record_clear(&p);
		return PD_OK;
	}
	rc = pd_buf_puts(&name, pd_get_text(&p, PD_PERSON_NAME));
	if (rc == PD_OK && pd_is_set(&p, PD_PERSON_INITIALS))
		rc = pd_buf_printf(&name, " (%s)", pd_get_text(&p, PD_PERSON_INITIALS));
	if (rc == PD_OK && (rc = group_new(x, name.p, name.n, &gi)) == PD_OK) {
		x->g[gi].person = p;   /* the group owns it now */
		pd_record_init(&p, PD_PERSON);
		rc = group_add(&x->g[gi], &x->e[e]);
		*added = true;
	}
	pd_record_clear(&p);
	pd_buf_free(&name);
	return rc;
}

/* Add entry `e` under the owner typed as `s` (n bytes), or nobody. */
static int add_text(struct act *x, const char *s, size_t n, bool nobody, size_t e)
{
	char *key = NULL;
	size_t gi;
	int rc;

	if (pd_text_fold(s, n, &key, NULL) != PD_OK)
		return PD_ENOMEM;
	for (gi = 0; gi < x->ng; gi++)
		if (!x->g[gi].person.id && x->g[gi].nobody == nobody &&
		    strcmp(x->g[gi].key, key) == 0)
			break;
	free(key);
	if (gi == x->ng && (rc = group_new(x, s, n, &gi)) != PD_OK)
		return rc;
	x->g[gi].nobody = nobody;
	return group_add(&x->g[gi], &x->e[e]);
}

static int add_owners(struct act *x, size_t e)
{
	const struct pd_record *a = x->e[e].a;
	const char *s = pd_get_text(a, PD_ACTION_OWNER);
	bool any = false, added;
	int rc = PD_OK;

	for (size_t i = 0; i < pd_refs_count(a, PD_ACTION_OWNERS) && rc == PD_OK; i++) {
		rc = add_person(x, pd_refs_at(a, PD_ACTION_OWNERS, i), e, &added);
		any = any || added;
	}
	while (rc == PD_OK && !any && *s) {
		size_t n = strcspn(s, ";"), a0 = 0, a1 = n;
		while (a0 < a1 && (s[a0] == ' ' || s[a0] == '\t' || s[a0] == '\n'))
			a0++;
		while (a1 > a0 && (s[a1 - 1] == ' ' || s[a1 - 1] == '\t' || s[a1 - 1] == '\n'))
			a1--;
		if (a1 > a0) {
			rc = add_text(x, s + a0, a1 - a0, false, e);
			any = true;
		}
		s += n + (s[n] == ';');
	}
	if (rc == PD_OK && !any)
		rc = add_text(x, "No owner", 8, true, e);
	return rc;
}

/* True when group `g` is the owner asked for with --owner. */
static bool wanted(const struct act *x, const struct group *g)
{
	const char *who = x->o->owner;
	char *key = NULL;
	bool yes;

	if (!who || !*who)
		return true;
	if (g->person.id)
		return pd_person_match(&g->person, who, strlen(who)) != PD_MATCH_NONE;
	if (pd_text_fold(who, strlen(who), &key, NULL) != PD_OK)
		return false;
	yes = strcmp(key, g->key) == 0;
	free(key);
	return yes;
}

/* With --due-within N: due by today + N days (overdue included). */
static bool due_soon(const struct act *x, const struct pd_record *a)
{
	struct pd_date due, limit = x->p.today;

	if (!x->o->due_limit)
		return true;
	if (pd_date_parse(pd_get_text(a, PD_ACTION_DUE), &due, NULL) != PD_OK)
		return false;
	if (!due.d) {   /* "by June": by the month's end */
		pd_date_add_months(&due, 1);
		pd_date_add_days(&due, -1);
	}
	pd_date_add_days(&limit, x->o->due_within);
	return pd_date_days(&due) <= pd_date_days(&limit);
}

static int collect(struct act *x)
{
	size_t n = 0;
	int rc = PD_OK;

	for (size_t i = 0; i < x->p.n; i++)
		n += x->p.items[i].nact;
	if (!(x->e = calloc(n ? n : 1, sizeof *x->e)))
		return PD_ENOMEM;
	for (size_t i = 0; i < x->p.n; i++) {
		const struct rep_item *it = &x->p.items[i];
		for (size_t k = 0; k < it->nact; k++) {
			struct entry *e = &x->e[x->ne];
			uint64_t mid = pd_get_ref(&it->act[k], PD_ACTION_RAISED);
			struct pd_record m;

			if (pd_action_state(&it->act[k]) != PD_AS_OPEN ||
			    !due_soon(x, &it->act[k]))
				continue;
			e->a = &it->act[k];
			e->it = it;
			e->seq = x->ne;
			e->overdue = pd_action_overdue(e->a, &x->p.today);
			pd_record_init(&m, PD_MEETING);
			if (mid && pd_get(x->txn, PD_MEETING, mid, &m, NULL) == PD_OK)
				snprintf(e->raised, sizeof e->raised, "%s",
					 pd_get_text(&m, PD_MEETING_DATE));
			pd_record_clear(&m);
			x->ne++;
		}
	}
	for (size_t e = 0; e < x->ne && rc == PD_OK; e++)
		rc = add_owners(x, e);
	return rc;
}

/* Within a group: overdue first, then by due date, undated last. */
static int cmp_entry(const void *pa, const void *pb)
{
	const struct entry *a = *(struct entry *const *)pa;
	const struct entry *b = *(struct entry *const *)pb;
	const char *da = pd_get_text(a->a, PD_ACTION_DUE);
	const char *db = pd_get_text(b->a, PD_ACTION_DUE);
	int c;

	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	if (!*da != !*db)
		return *da ? -1 : 1;
	if ((c = strcmp(da, db)) != 0)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_group(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	int c;

	if (a->nobody != b->nobody)
		return a->nobody ? 1 : -1;
	if ((c = strcmp(a->key, b->key)) != 0)
		return c;
	return strcmp(a->name, b->name);
}

static void arrange(struct act *x)
{
	size_t kept = 0;

	for (size_t gi = 0; gi < x->ng; gi++) {
		if (!wanted(x, &x->g[gi])) {
			pd_record_clear(&x->g[gi].person);
			free(x->g[gi].name);
			free(x->g[gi].key);
			free(x->g[gi].e);
			continue;
		}
		x->g[kept++] = x->g[gi];
	}
	x->ng = kept;
	if (x->ng)
		qsort(x->g, x->ng, sizeof *x->g, cmp_group);
	for (size_t gi = 0; gi < x->ng; gi++) {
		struct group *g = &x->g[gi];
		qsort(g->e, g->n, sizeof *g->e, cmp_entry);
		for (size_t k = 0; k < g->n; k++)
			g->e[k]->shown = true;
	}
	for (size_t e = 0; e < x->ne; e++) {
		x->open += x->e[e].shown;
		x->overdue += x->e[e].shown && x->e[e].overdue;
	}
}

/* --- the sheet: one row per action and owner, ISO dates ---------------------- */

static const struct pd_sheet_col sheet_cols[] = {
	{ "owner", PD_COL_TEXT }, { "due", PD_COL_DATE }, { "overdue", PD_COL_TEXT },
	{ "item", PD_COL_TEXT }, { "item_title", PD_COL_NOTE }, { "action", PD_COL_NOTE },
	{ "raised", PD_COL_DATE },
};

static int write_sheet(struct act *x, struct pd_buf *out, struct pd_err *err)
{
	struct pd_sheet *sh;
	int rc = rep_sheet(&sh, x->o, x->fm, "Open actions", sheet_cols,
			   sizeof sheet_cols / sizeof sheet_cols[0], out, err);

	for (size_t gi = 0; gi < x->ng && rc == PD_OK; gi++) {
		for (size_t k = 0; k < x->g[gi].n && rc == PD_OK; k++) {
			const struct entry *e = x->g[gi].e[k];
			if (!(rc = pd_sheet_puts(sh, x->g[gi].nobody ? "" : x->g[gi].name, err)) &&
			    !(rc = pd_sheet_puts(sh, pd_get_text(e->a, PD_ACTION_DUE), err)) &&
			    !(rc = pd_sheet_puts(sh, e->overdue ? "yes" : "", err)) &&
			    !(rc = pd_sheet_puts(sh, pd_get_text(&e->it->r, PD_ITEM_REF), err)) &&
			    !(rc = pd_sheet_puts(sh, pd_get_text(&e->it->r, PD_ITEM_TITLE), err)) &&
			    !(rc = pd_sheet_puts(sh, pd_get_text(e->a, PD_ACTION_TEXT), err)) &&
			    !(rc = pd_sheet_puts(sh, e->raised, err)))
				rc = pd_sheet_end_row(sh, err);
		}
	}
	return pd_sheet_close(sh, rc, err);
}

/* --- the document: one table, a group row per owner ------------------------- */

/* "Plan C3P: 12 open actions as at 1st October 2009, 3 overdue." */
static int intro(struct act *x, struct pd_buf *b)
{
	char today[PD_DATE_TEXT_SIZE];
	const char *who = x->o->owner;

	pd_date_styled(&x->p.today, x->p.style, today, sizeof today);
	return pd_buf_printf(b, "Plan %s: %zu open action%s%s%s as at %s, %zu overdue.",
			     pd_get_text(&x->p.plan, PD_PLAN_REF), x->open,
			     x->open == 1 ? "" : "s", who && *who ? " of " : "",
			     who && *who ? who : "", today, x->overdue);
}

/* The first and last date an action shown was raised. */
static void period(const struct act *x, const char **first, const char **last)
{
	*first = *last = NULL;
	for (size_t i = 0; i < x->ne; i++) {
		const char *d = x->e[i].raised;
		if (!x->e[i].shown || !*d)
			continue;
		if (!*first || strcmp(d, *first) < 0)
			*first = d;
		if (!*last || strcmp(d, *last) > 0)
			*last = d;
	}
}

static void entry_row(struct act *x, struct pd_dm *dm, const struct entry *e)
{
	char due[PD_DATE_TEXT_SIZE], raised[PD_DATE_TEXT_SIZE], text[PD_DATE_TEXT_SIZE + 16];
	const struct pd_record *it = &e->it->r;
	const char *ref = pd_get_text(it, PD_ITEM_REF);
	size_t rl = strlen(ref);

	rep_date(&x->p, pd_get_text(e->a, PD_ACTION_DUE), due);
	pd_dm_row(dm, 0, 0);
	if (e->overdue) {
		/* Shaded red, and it says so: colour is never the only sign. */
		snprintf(text, sizeof text, "%s (overdue)", due);
		pd_dm_cell(dm, PD_ST_FAILED);
		pd_dm_para(dm, PD_DM_FLAG, text);
	} else {
		pd_dm_cell_text(dm, PD_ST_NONE, due);
	}
	/* The item by its number and title: "2. Who's who directory". */
	pd_buf_reset(&x->tmp);
	if (pd_buf_printf(&x->tmp, "%s%s %s", ref, rl && strchr(".):", ref[rl - 1]) ? "" : ".",
			  pd_get_text(it, PD_ITEM_TITLE)) == PD_OK)
		pd_dm_cell_text(dm, PD_ST_NONE, x->tmp.p);
	pd_dm_cell(dm, PD_ST_NONE);
	pd_dm_text(dm, pd_get_text(e->a, PD_ACTION_TEXT), 0);
	pd_dm_cell_text(dm, PD_ST_NONE, rep_date(&x->p, e->raised, raised));
}

static int build(struct act *x, struct pd_dm *dm)
{
	struct pd_buf title = PD_BUF_INIT;
	const char *first, *last;

	period(x, &first, &last);
	rep_titles(dm, &x->p, "Open actions", "actions raised on", first, last);
	if (pd_buf_printf(&title, "Open actions \xe2\x80\x94 %s",
			  pd_get_text(&x->p.plan, PD_PLAN_TITLE)) == PD_OK)
		pd_dm_titles(dm, title.p, dm->subtitle, dm->footer);
	pd_buf_reset(&title);
	if (intro(x, &title) == PD_OK)
		pd_dm_para(dm, 0, title.p);
	pd_buf_free(&title);
	if (!x->ng)
		return dm->rc;
	pd_dm_table(dm, PD_DM_T_COMPACT, 1);
	pd_dm_col(dm, "Due", 17);
	pd_dm_col(dm, "Item", 31);
	pd_dm_col(dm, "Action", 38);
	pd_dm_col(dm, "Raised", 14);
	for (size_t gi = 0; gi < x->ng; gi++) {
		pd_dm_row(dm, PD_DM_ROW_GROUP, 0);
		pd_dm_cell_text(dm, PD_ST_NONE, x->g[gi].name);
		for (size_t k = 0; k < x->g[gi].n; k++)
			entry_row(x, dm, x->g[gi].e[k]);
	}
	pd_dm_table_end(dm);
	return dm->rc;
}

int rep_actions(struct pd_txn *txn, const char *ref,
		const struct pd_report_opts *opts, const struct pd_formats *fm,
		struct pd_buf *out, struct pd_err *err)
{
	struct pd_dm dm;
	struct act x;
	int rc;

	memset(&x, 0, sizeof x);
	x.o = opts;
	x.fm = fm;
	x.txn = txn;
	pd_dm_init(&dm);
	rc = rep_load(txn, ref, REP_ACTIONS, opts, &x.p, err);
	if (rc == PD_OK && collect(&x) != PD_OK)
		rc = pd_err_nomem(err);
	if (rc == PD_OK)
		arrange(&x);
	if (rc == PD_OK && opts->format == PD_FMT_MAIL)
		rc = rep_actions_mail(&x, out, err);
	else if (rc == PD_OK && rep_is_sheet(opts))
		rc = write_sheet(&x, out, err);
	else if (rc == PD_OK && build(&x, &dm) != PD_OK)
		rc = pd_err_nomem(err);
	else if (rc == PD_OK)
		rc = pd_dm_write(&dm, opts->format, fm, out, err);
	pd_dm_free(&dm);
	for (size_t gi = 0; gi < x.ng; gi++) {
		pd_record_clear(&x.g[gi].person);
		free(x.g[gi].name);
		free(x.g[gi].key);
		free(x.g[gi].e);
	}
	free(x.g);
	free(x.e);
	rep_free(&x.p);
	pd_buf_free(&x.tmp);
	return rc;
}
