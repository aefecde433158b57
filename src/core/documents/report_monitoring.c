/*
 * report_monitoring.c — the monitoring report: a business plan in the
 * shape partnerships keep it by hand, theme by theme, each priority with
 * its actions agreed, its latest update and the update's date, and its
 * status (report.h).
 *
 * A theme's table names the update's date in its head ("Update 3rd June
 * 2009") when every latest update in it has the same date, as monitoring
 * tables do; otherwise each update carries its own date.  Sub-items follow
 * their parent in the parent's theme; items with no theme come last.
 * One document for md/txt/html/docx/odt (a heading and a table per
 * theme), one sheet for csv/xlsx.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/meetings/track.h"
#include "report_impl.h"

struct mon {
	struct rep_plan              p;
	const struct pd_report_opts *o;
	const struct pd_formats     *fm;     /* the document module, or NULL */
	uint64_t                    *theme;  /* each item's theme (its top item's) */
	struct pd_buf                tmp;
};

/* The theme each row is shown under: a sub-item goes with its parent. */
static int themes_of_rows(struct mon *m)
{
	m->theme = calloc(m->p.n ? m->p.n : 1, sizeof *m->theme);
	if (!m->theme)
		return PD_ENOMEM;
	for (size_t i = 0; i < m->p.n; i++) {
		size_t par = m->p.items[i].parent;
		m->theme[i] = par != REP_NONE ? m->theme[par] :
			pd_get_ref(&m->p.items[i].r, PD_ITEM_THEME);
	}
	/* A theme that is not one of the plan's goes with the unthemed. */
	for (size_t i = 0; i < m->p.n; i++) {
		bool known = false;
		for (size_t t = 0; t < m->p.nthemes && !known; t++)
			known = m->p.themes[t].id == m->theme[i];
		if (!known)
			m->theme[i] = 0;
	}
	return PD_OK;
}

/* The date shared by every latest update under theme `th`, or NULL. */
static const char *common_date(const struct mon *m, uint64_t th)
{
	const char *common = NULL;

	for (size_t i = 0; i < m->p.n; i++) {
		const char *d;
		if (m->theme[i] != th ||
		    !(d = rep_latest_date(&m->p.items[i], m->p.sc)))
			continue;
		if (common && strcmp(common, d) != 0)
			return NULL;
		common = d;
	}
	return common;
}

/*
 * "Circulate the leaflet (KP, due 25th September 2009)"; a done one
 * "✓ Link to PCT — done 15th May 2009".  With `iso` (the sheet), the
 * dates as stored.
 */
static int action_text(const struct mon *m, const struct pd_record *a, bool iso,
		       struct pd_buf *b)
{
	const char *owner = pd_get_text(a, PD_ACTION_OWNER);
	char due[PD_DATE_TEXT_SIZE], closed[PD_DATE_TEXT_SIZE];
	bool done = pd_action_state(a) == PD_AS_DONE;
	int rc;

	pd_buf_reset(b);
	if (iso) {
		snprintf(due, sizeof due, "%s", pd_get_text(a, PD_ACTION_DUE));
		snprintf(closed, sizeof closed, "%s", pd_get_text(a, PD_ACTION_CLOSED));
	} else {
		rep_date(&m->p, pd_get_text(a, PD_ACTION_DUE), due);
		rep_date(&m->p, pd_get_text(a, PD_ACTION_CLOSED), closed);
	}
	if ((rc = pd_buf_printf(b, "%s%s", done ? "\xe2\x9c\x93 " : "",
				pd_get_text(a, PD_ACTION_TEXT))))
		return rc;
	if (*owner || (due[0] && !done))
		rc = pd_buf_printf(b, " (%s%s%s%s)", owner, *owner && due[0] && !done ? ", " : "",
				   due[0] && !done ? "due " : "", done ? "" : due);
	if (rc == PD_OK && done)
		rc = pd_buf_printf(b, " \xe2\x80\x94 done%s%s", closed[0] ? " " : "",
				   closed);
	return rc;
}

/*
 * An update of several lines is a list of points, as a monitoring
 * table's bulleted update cells are; one line stays a paragraph.
 */
static unsigned points(const char *text)
{
	size_t lines = 0;

	for (const char *s = text; *s; s++) {
		if (*s != '\n' && *s != ' ' && *s != '\t' && *s != '\r') {
			lines++;
			s += strcspn(s, "\n");
			if (!*s)
				break;
		}
	}
	return lines > 1 ? PD_DM_LIST : 0;
}

static const char *theme_name(const struct mon *m, uint64_t th)
{
	for (size_t t = 0; t < m->p.nthemes; t++)
		if (m->p.themes[t].id == th)
			return pd_get_text(&m->p.themes[t], PD_THEME_NAME);
	return m->p.nthemes ? "Other priorities" : "Priorities";
}

/* The first and last date of the latest updates shown. */
static void period(const struct mon *m, const char **first, const char **last)
{
	*first = *last = NULL;
	for (size_t i = 0; i < m->p.n; i++) {
		const char *d = rep_latest_date(&m->p.items[i], m->p.sc);
		if (!d)
			continue;
		if (!*first || strcmp(d, *first) < 0)
			*first = d;
		if (!*last || strcmp(d, *last) > 0)
			*last = d;
	}
}

/* --- the sheet: one row per priority, ISO dates ------------------------------ */

static const struct pd_sheet_col sheet_cols[] = {
	{ "theme", PD_COL_TEXT }, { "no", PD_COL_TEXT }, { "priority", PD_COL_NOTE },
	{ "actions_agreed", PD_COL_NOTE }, { "update_date", PD_COL_DATE },
	{ "update", PD_COL_NOTE }, { "status", PD_COL_TEXT },
	{ "may_have_slipped", PD_COL_TEXT },
};

static int sheet_item(struct mon *m, struct pd_sheet *sh, size_t i, struct pd_err *err)
{
	const struct rep_item *it = &m->p.items[i];
	const char *latest = rep_latest_date(it, m->p.sc);
	struct pd_buf acts = PD_BUF_INIT, upd = PD_BUF_INIT;
	char label[96];
	int rc = PD_OK;

	for (size_t k = 0; k < it->nact && rc == PD_OK; k++) {
		if (pd_action_state(&it->act[k]) == PD_AS_DROPPED)
			continue;
		if (!(rc = action_text(m, &it->act[k], true, &m->tmp)))
			rc = pd_buf_printf(&acts, "%s%s", acts.n ? "\n" : "", m->tmp.p);
	}
	for (size_t k = 0; latest && k < it->nupd && rc == PD_OK; k++)
		if (rep_is_note(&it->upd[k], m->p.sc) &&
		    strcmp(pd_get_text(&it->upd[k], PD_UPDATE_DATE), latest) == 0)
			rc = pd_buf_printf(&upd, "%s%s", upd.n ? "\n" : "",
					   pd_get_text(&it->upd[k], PD_UPDATE_TEXT));
	if (rc != PD_OK)
		rc = pd_err_nomem(err);
	if (rc == PD_OK &&
	    !(rc = pd_sheet_puts(sh, theme_name(m, m->theme[i]), err)) &&
	    !(rc = pd_sheet_puts(sh, pd_get_text(&it->r, PD_ITEM_REF), err)) &&
	    !(rc = pd_sheet_puts(sh, pd_get_text(&it->r, PD_ITEM_TITLE), err)) &&
	    !(rc = pd_sheet_puts(sh, acts.p, err)) &&
	    !(rc = pd_sheet_puts(sh, latest, err)) &&
	    !(rc = pd_sheet_puts(sh, upd.p, err)) &&
	    !(rc = pd_sheet_puts(sh, rep_status_label(m->p.sc, it->status, label,
						       sizeof label), err)) &&
	    !(rc = pd_sheet_puts(sh, it->slipped ? "yes" : "", err)))
		rc = pd_sheet_end_row(sh, err);
	pd_buf_free(&acts);
	pd_buf_free(&upd);
	return rc;
}

static int write_sheet(struct mon *m, struct pd_buf *out, struct pd_err *err)
{
	struct pd_sheet *sh;
	int rc = rep_sheet(&sh, m->o, m->fm, "Monitoring", sheet_cols,
			   sizeof sheet_cols / sizeof sheet_cols[0], out, err);

	for (size_t t = 0; t <= m->p.nthemes && rc == PD_OK; t++) {
		uint64_t th = t < m->p.nthemes ? m->p.themes[t].id : 0;
		for (size_t i = 0; i < m->p.n && rc == PD_OK; i++)
			if (m->theme[i] == th)
				rc = sheet_item(m, sh, i, err);
	}
	return pd_sheet_close(sh, rc, err);
}

/* --- the document: a heading and a table per theme ----------------------------- */

static void item_row(struct mon *m, struct pd_dm *dm, size_t i, const char *common)
{
	const struct rep_item *it = &m->p.items[i];
	const char *latest = rep_latest_date(it, m->p.sc);
	char when[PD_DATE_TEXT_SIZE], label[96];

	pd_dm_row(dm, 0, it->depth);
	pd_dm_cell_text(dm, PD_ST_NONE, pd_get_text(&it->r, PD_ITEM_REF));
	pd_dm_cell(dm, PD_ST_NONE);
	pd_dm_para(dm, 0, pd_get_text(&it->r, PD_ITEM_TITLE));
	pd_dm_text(dm, pd_get_text(&it->r, PD_ITEM_DESCRIPTION), 0);
	pd_dm_cell(dm, PD_ST_NONE);
	for (size_t k = 0; k < it->nact; k++) {
		bool done = pd_action_state(&it->act[k]) == PD_AS_DONE;
		if (pd_action_state(&it->act[k]) == PD_AS_DROPPED ||
		    action_text(m, &it->act[k], false, &m->tmp) != PD_OK)
			continue;
		pd_dm_item(dm, 1, done ? PD_DM_DONE : 0, m->tmp.p);
	}
	pd_dm_cell(dm, PD_ST_NONE);
	if (latest && !common) {
		pd_dm_para(dm, 0, "");
		pd_dm_run(dm, PD_DM_BOLD, rep_date(&m->p, latest, when));
	}
	for (size_t k = 0; latest && k < it->nupd; k++) {
		const char *text = pd_get_text(&it->upd[k], PD_UPDATE_TEXT);
		if (rep_is_note(&it->upd[k], m->p.sc) &&
		    strcmp(pd_get_text(&it->upd[k], PD_UPDATE_DATE), latest) == 0)
			pd_dm_text(dm, text, points(text));
	}
	pd_dm_cell(dm, rep_status_kind(m->p.sc, it->status));
	if (*it->status)
		pd_dm_para(dm, 0, rep_status_label(m->p.sc, it->status, label, sizeof label));
	if (it->slipped)
		pd_dm_para(dm, PD_DM_FLAG, "May have slipped: target date passed");
}

static void theme(struct mon *m, struct pd_dm *dm, uint64_t th)
{
	const char *common = common_date(m, th);
	char when[PD_DATE_TEXT_SIZE], head[64];

	pd_dm_heading(dm, 1, theme_name(m, th));
	pd_dm_table(dm, PD_DM_T_ROWHEAD, 2);
	pd_dm_col(dm, "No.", 7);
	pd_dm_col(dm, "Priority", 25);
	pd_dm_col(dm, "Actions agreed", 28);
	if (common)
		snprintf(head, sizeof head, "Update %s", rep_date(&m->p, common, when));
	else
		snprintf(head, sizeof head, "Latest update");
	pd_dm_col(dm, head, 30);
	pd_dm_col(dm, "Status", 10);
	for (size_t i = 0; i < m->p.n; i++)
		if (m->theme[i] == th)
			item_row(m, dm, i, common);
	pd_dm_table_end(dm);
}

static int build(struct mon *m, struct pd_dm *dm)
{
	const char *first, *last;

	period(m, &first, &last);
	rep_titles(dm, &m->p, "Monitoring", "updates of", first, last);
	dm->landscape = true;
	/* Each theme of the plan with items, then the unthemed. */
	for (size_t t = 0; t <= m->p.nthemes; t++) {
		uint64_t th = t < m->p.nthemes ? m->p.themes[t].id : 0;
		bool any = false;
		for (size_t i = 0; i < m->p.n && !any; i++)
			any = m->theme[i] == th;
		if (any)
			theme(m, dm, th);
	}
	return dm->rc;
}

int rep_monitoring(struct pd_txn *txn, const char *ref,
		   const struct pd_report_opts *opts, const struct pd_formats *fm,
		   struct pd_buf *out, struct pd_err *err)
{
	struct mon m = { .o = opts, .fm = fm };
	struct pd_dm dm;
	int rc;

	pd_dm_init(&dm);
	rc = rep_load(txn, ref, REP_UPDATES | REP_ACTIONS, opts, &m.p, err);
	if (rc == PD_OK && themes_of_rows(&m) != PD_OK)
		rc = pd_err_nomem(err);
	if (rc == PD_OK && rep_is_sheet(opts))
		rc = write_sheet(&m, out, err);
	else if (rc == PD_OK && build(&m, &dm) != PD_OK)
		rc = pd_err_nomem(err);
	else if (rc == PD_OK)
		rc = pd_dm_write(&dm, opts->format, fm, out, err);
	pd_dm_free(&dm);
	rep_free(&m.p);
	free(m.theme);
	pd_buf_free(&m.tmp);
	return rc;
}
