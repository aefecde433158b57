/*
 * report_retention.c — the retention report (report.h): what the
 * partnership keeps past its time, and what it must keep: plans past
 * their retention date, plans under a legal hold, plans with no
 * retention date, and people whose directory entry has not been verified
 * for opts->months months (or ever).  One document with a section each,
 * or one sheet with a row each, its list named in the first column.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "report_impl.h"

enum { L_PAST, L_HELD, L_UNDATED, L_UNVERIFIED, NLISTS };

static const struct {
	const char *heading, *sheet, *none;
} lists[NLISTS] = {
	[L_PAST]       = { "Plans past their retention date", "past retention date",
			   "No plan is past its retention date." },
	[L_HELD]       = { "Plans under a legal hold", "legal hold",
			   "No plan is under a legal hold." },
	[L_UNDATED]    = { "Plans with no retention date", "no retention date",
			   "Every plan has a retention date." },
	[L_UNVERIFIED] = { NULL, "not verified", NULL },
};

/* A row: the list it is in, then four cells. */
struct row {
	int   list;
	char *cell[4];
};

struct ret {
	const struct pd_report_opts *o;
	const struct pd_formats     *fm;       /* the document module, or NULL */
	struct pd_date               cutoff;   /* verified before: unverified */
	int                          months;
	struct row                  *rows;
	size_t                       n, cap;
};

static int add(struct ret *r, int list, const char *a, const char *b,
	       const char *c, const char *d)
{
	const char *in[4] = { a, b, c, d };
	struct row *row;

	if (pd_grow(&r->rows, &r->cap, r->n + 1, sizeof *r->rows, 32))
		return PD_ENOMEM;
	row = &r->rows[r->n];
	row->list = list;
	for (int i = 0; i < 4; i++)
		if (!(row->cell[i] = strdup(in[i] ? in[i] : ""))) {
			while (i--)
				free(row->cell[i]);
			return PD_ENOMEM;
		}
	r->n++;
	return PD_OK;
}

static void rows_free(struct ret *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (int c = 0; c < 4; c++)
			free(r->rows[i].cell[c]);
	free(r->rows);
}

/* Is the date `iso` over by `today`?  A month is over when it has ended. */
static bool passed(const char *iso, const struct pd_date *today)
{
	struct pd_date d;

	if (pd_date_parse(iso, &d, NULL) != PD_OK)
		return false;
	if (d.d == 0)
		return d.y * 12 + d.m < today->y * 12 + today->m;
	return pd_date_cmp(&d, today) < 0;
}

static int plans(struct pd_txn *txn, struct ret *r, struct pd_err *err)
{
	struct pd_cursor *cur;
	struct pd_record p;
	uint64_t id;
	int rc;

	if ((rc = pd_cursor_kind(txn, PD_PLAN, 0, &cur, err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &id, err)) == PD_OK) {
		const char *ref, *title, *until, *hold;

		if ((rc = pd_get(txn, PD_PLAN, id, &p, err)) != PD_OK)
			break;
		ref = pd_get_text(&p, PD_PLAN_REF);
		title = pd_get_text(&p, PD_PLAN_TITLE);
		until = pd_get_text(&p, PD_PLAN_RETAIN);
		hold = pd_get_text(&p, PD_PLAN_HOLD);
		if ((*until && passed(until, &r->o->today) &&
		     add(r, L_PAST, ref, title, until, *hold ? "held: may not be purged" :
			 "may be purged")) ||
		    (*hold && add(r, L_HELD, ref, title, until, hold)) ||
		    (!*until && add(r, L_UNDATED, ref, title, NULL, *hold ? "held" : NULL)))
			rc = pd_err_nomem(err);
		pd_record_clear(&p);
		if (rc != PD_OK)
			break;
	}
	pd_cursor_close(cur);
	return rc == PD_NOTFOUND ? PD_OK : rc;
}

static int people(struct pd_txn *txn, struct ret *r, struct pd_err *err)
{
	struct pd_cursor *cur;
	struct pd_record p, org;
	struct pd_date d;
	uint64_t id;
	int rc;

	if ((rc = pd_cursor_kind(txn, PD_PERSON, 0, &cur, err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &id, err)) == PD_OK) {
		const char *v;
		bool stale;

		if ((rc = pd_get(txn, PD_PERSON, id, &p, err)) != PD_OK)
			break;
		v = pd_get_text(&p, PD_PERSON_VERIFIED);
		stale = !*v || pd_date_parse(v, &d, NULL) != PD_OK ||
			pd_date_cmp(&d, &r->cutoff) < 0;
		pd_record_init(&org, PD_ORG);
		if (pd_get_ref(&p, PD_PERSON_ORG))
			pd_get(txn, PD_ORG, pd_get_ref(&p, PD_PERSON_ORG), &org, NULL);
		if (stale && add(r, L_UNVERIFIED, pd_get_text(&p, PD_PERSON_NAME),
				 pd_get_text(&org, PD_ORG_NAME), v, *v ? NULL : "never"))
			rc = pd_err_nomem(err);
		pd_record_clear(&org);
		pd_record_clear(&p);
		if (rc != PD_OK)
			break;
	}
	pd_cursor_close(cur);
	return rc == PD_NOTFOUND ? PD_OK : rc;
}

static int sheet(struct ret *r, struct pd_buf *out, struct pd_err *err)
{
	static const struct pd_sheet_col cols[] = {
		{ "list", PD_COL_TEXT }, { "ref or name", PD_COL_TEXT },
		{ "title or organisation", PD_COL_TEXT }, { "date", PD_COL_DATE },
		{ "note", PD_COL_TEXT },
	};
	struct pd_sheet *sh = NULL;
	int rc = rep_sheet(&sh, r->o, r->fm, "Retention", cols, 5, out, err);

	for (size_t i = 0; i < r->n && rc == PD_OK; i++) {
		rc = pd_sheet_puts(sh, lists[r->rows[i].list].sheet, err);
		for (int c = 0; c < 4 && rc == PD_OK; c++)
			rc = pd_sheet_puts(sh, r->rows[i].cell[c], err);
		if (rc == PD_OK)
			rc = pd_sheet_end_row(sh, err);
	}
	return pd_sheet_close(sh, rc, err);
}

static void section(struct pd_dm *dm, struct ret *r, int list)
{
	static const char *const heads[NLISTS][4] = {
		[L_PAST]       = { "Plan", "Title", "Retain until", "Note" },
		[L_HELD]       = { "Plan", "Title", "Retain until", "Reason for the hold" },
		[L_UNDATED]    = { "Plan", "Title", "", "Note" },
		[L_UNVERIFIED] = { "Name", "Organisation", "Verified", "Note" },
	};
	static const unsigned widths[4] = { 12, 40, 16, 32 };
	char heading[96], none[96], date[PD_DATE_TEXT_SIZE];
	size_t n = 0;

	for (size_t i = 0; i < r->n; i++)
		n += r->rows[i].list == list;
	if (list == L_UNVERIFIED) {
		snprintf(heading, sizeof heading, "People not verified for %d months",
			 r->months);
		snprintf(none, sizeof none, "Everyone was verified in the last %d months.",
			 r->months);
	}
	pd_dm_heading(dm, 1, list == L_UNVERIFIED ? heading : lists[list].heading);
	if (!n) {
		pd_dm_para(dm, PD_DM_NOTE, list == L_UNVERIFIED ? none : lists[list].none);
		return;
	}
	pd_dm_table(dm, PD_DM_T_COMPACT, 2);
	for (int c = 0; c < 4; c++)
		pd_dm_col(dm, heads[list][c], widths[c]);
	for (size_t i = 0; i < r->n; i++) {
		const struct row *row = &r->rows[i];
		if (row->list != list)
			continue;
		pd_dm_row(dm, 0, 0);
		pd_dm_cell_text(dm, PD_ST_NONE, row->cell[0]);
		pd_dm_cell_text(dm, PD_ST_NONE, row->cell[1]);
		pd_date_text(row->cell[2], r->o->date_style, date);
		pd_dm_cell_text(dm, PD_ST_NONE, date);
		pd_dm_cell_text(dm, PD_ST_NONE, row->cell[3]);
	}
	pd_dm_table_end(dm);
}

static int document(struct ret *r, struct pd_buf *out, struct pd_err *err)
{
	char today[PD_DATE_TEXT_SIZE], sub[160];
	struct pd_dm dm;
	int rc;

	pd_date_styled(&r->o->today, r->o->date_style, today, sizeof today);
	snprintf(sub, sizeof sub, "As at %s", today);
	pd_dm_init(&dm);
	pd_dm_titles(&dm, "Retention and legal holds", sub, sub);
	dm.date = r->o->today;
	for (int l = 0; l < NLISTS; l++)
		section(&dm, r, l);
	rc = pd_dm_write(&dm, r->o->format, r->fm, out, err);
	pd_dm_free(&dm);
	return rc;
}

int rep_retention(struct pd_txn *txn, const struct pd_report_opts *opts,
		  const struct pd_formats *fm, struct pd_buf *out, struct pd_err *err)
{
	struct ret r = { .o = opts, .fm = fm, .cutoff = opts->today,
			 .months = opts->months > 0 ? opts->months : 12 };
	int rc;

	pd_date_add_months(&r.cutoff, -r.months);
	if ((rc = plans(txn, &r, err)) == PD_OK && (rc = people(txn, &r, err)) == PD_OK)
		rc = rep_is_sheet(opts) ? sheet(&r, out, err) : document(&r, out, err);
	rows_free(&r);
	return rc;
}
