/*
 * report_monitoring.c — the monitoring report: the business plan of seed
 * 001, theme by theme, each priority with its actions agreed, its latest
 * update and the update's date, and its status (report.h).
 *
 * A theme's table names the update's date in its head ("Update 3rd June
 * 2009") when every latest update in it has the same date, as the seed
 * does; otherwise each update carries its own date.  Sub-items follow
 * their parent in the parent's theme; items with no theme come last.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/track.h"
#include "report_impl.h"

struct mon {
	struct rep_plan              p;
	const struct pd_report_opts *o;
	struct rep_out               out;
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
 * "Circulate the leaflet (KP, due 25/09/2009)", "… — done 15/05/2009"; with
 * `iso` (CSV), the dates as stored.
 */
static int action_text(const struct pd_record *a, bool iso, struct pd_buf *b)
{
	const char *owner = pd_get_text(a, PD_ACTION_OWNER);
	char due[PD_DATE_UK_SIZE], closed[PD_DATE_UK_SIZE];
	int rc;

	pd_buf_reset(b);
	if (iso) {
		snprintf(due, sizeof due, "%s", pd_get_text(a, PD_ACTION_DUE));
		snprintf(closed, sizeof closed, "%s", pd_get_text(a, PD_ACTION_CLOSED));
	} else {
		pd_date_uk(pd_get_text(a, PD_ACTION_DUE), due);
		pd_date_uk(pd_get_text(a, PD_ACTION_CLOSED), closed);
	}
	if ((rc = pd_buf_puts(b, pd_get_text(a, PD_ACTION_TEXT))))
		return rc;
	if (*owner || due[0])
		rc = pd_buf_printf(b, " (%s%s%s%s)", owner, *owner && due[0] ? ", " : "",
				   due[0] ? "due " : "", due);
	if (rc == PD_OK && pd_action_state(a) == PD_AS_DONE)
		rc = pd_buf_printf(b, " \xe2\x80\x94 done%s%s", closed[0] ? " " : "",
				   closed);
	return rc;
}

/* The latest update's date for a cell ("3rd June 2009"), long form. */
static void long_date(const char *iso, char buf[static PD_DATE_LONG_SIZE])
{
	struct pd_date d;

	buf[0] = '\0';
	if (iso && pd_date_parse(iso, &d, NULL) == PD_OK)
		pd_date_long(&d, buf, PD_DATE_LONG_SIZE);
}

/*
 * An update of several lines is a list of points, as the seed's bulleted
 * update cells are; one line stays a paragraph.
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
	return lines > 1 ? PD_TEXT_LIST : 0;
}

/* "G – Green", and the flag. */
static int status_text(struct mon *m, const struct rep_item *it, struct pd_buf *b)
{
	char label[96];

	pd_buf_reset(b);
	rep_status_label(m->p.sc, it->status, label, sizeof label);
	if (pd_buf_puts(b, label))
		return PD_ENOMEM;
	if (it->slipped)
		return pd_buf_printf(b, "%sMay have slipped: target date passed",
				     label[0] ? "\n" : "");
	return PD_OK;
}

static const char *theme_name(const struct mon *m, uint64_t th)
{
	for (size_t t = 0; t < m->p.nthemes; t++)
		if (m->p.themes[t].id == th)
			return pd_get_text(&m->p.themes[t], PD_THEME_NAME);
	return m->p.nthemes ? "Other priorities" : "Priorities";
}

/* --- CSV -------------------------------------------------------------------- */

static const char *const csv_cols[] = {
	"theme", "no", "priority", "actions_agreed", "update_date", "update",
	"status", "may_have_slipped", NULL
};

static int csv_item(struct mon *m, size_t i)
{
	const struct rep_item *it = &m->p.items[i];
	const char *latest = rep_latest_date(it, m->p.sc);
	struct rep_out *o = &m->out;
	struct pd_buf acts = PD_BUF_INIT, upd = PD_BUF_INIT;
	char label[96];
	int rc = PD_OK;

	for (size_t k = 0; k < it->nact && rc == PD_OK; k++) {
		if (pd_action_state(&it->act[k]) == PD_AS_DROPPED)
			continue;
		if (!(rc = action_text(&it->act[k], true, &m->tmp)))
			rc = pd_buf_printf(&acts, "%s%s", acts.n ? "\n" : "", m->tmp.p);
	}
	for (size_t k = 0; latest && k < it->nupd && rc == PD_OK; k++)
		if (rep_is_note(&it->upd[k], m->p.sc) &&
		    strcmp(pd_get_text(&it->upd[k], PD_UPDATE_DATE), latest) == 0)
			rc = pd_buf_printf(&upd, "%s%s", upd.n ? "\n" : "",
					   pd_get_text(&it->upd[k], PD_UPDATE_TEXT));
	if (rc == PD_OK &&
	    !(rc = rep_csv(o, theme_name(m, m->theme[i]))) &&
	    !(rc = rep_csv(o, pd_get_text(&it->r, PD_ITEM_REF))) &&
	    !(rc = rep_csv(o, pd_get_text(&it->r, PD_ITEM_TITLE))) &&
	    !(rc = rep_csv(o, acts.p)) &&
	    !(rc = rep_csv(o, latest)) &&
	    !(rc = rep_csv(o, upd.p)) &&
	    !(rc = rep_csv(o, rep_status_label(m->p.sc, it->status, label,
					       sizeof label))) &&
	    !(rc = rep_csv(o, it->slipped ? "yes" : "")))
		rc = rep_csv_row(o);
	pd_buf_free(&acts);
	pd_buf_free(&upd);
	return rc;
}

/* --- HTML and Markdown -------------------------------------------------- */

static const char html_css[] =
	"td.no { white-space: nowrap; }\n"
	"tr.sub td.no { padding-left: 14pt; }\n"
	".flag { font-weight: bold; }\n"
	".date { font-weight: bold; }\n";

static int html_item(struct mon *m, size_t i, const char *common)
{
	const struct rep_item *it = &m->p.items[i];
	const char *latest = rep_latest_date(it, m->p.sc);
	struct pd_buf *b = m->out.b;
	const char *title = pd_get_text(&it->r, PD_ITEM_TITLE);
	const char *desc = pd_get_text(&it->r, PD_ITEM_DESCRIPTION);
	char date[PD_DATE_LONG_SIZE], label[96];
	bool list = false;
	int rc;

	if ((rc = pd_buf_puts(b, it->depth ? "<tr class=\"sub\"><td class=\"no\">" :
			      "<tr><td class=\"no\">")) ||
	    (rc = rep_html(&m->out, pd_get_text(&it->r, PD_ITEM_REF))) ||
	    (rc = pd_buf_puts(b, "</td>\n<td><p>")) ||
	    (rc = rep_html(&m->out, title)) ||
	    (rc = pd_buf_puts(b, "</p>")) ||
	    (rc = pd_html_text(b, desc, strlen(desc), 0)) ||
	    (rc = pd_buf_puts(b, "</td>\n<td>")))
		return rc;
	for (size_t k = 0; k < it->nact && rc == PD_OK; k++) {
		if (pd_action_state(&it->act[k]) == PD_AS_DROPPED)
			continue;
		if (!list && (rc = pd_buf_puts(b, "<ul>")))
			return rc;
		list = true;
		if (!(rc = action_text(&it->act[k], false, &m->tmp)) &&
		    !(rc = pd_buf_puts(b, "<li>")) && !(rc = rep_html(&m->out, m->tmp.p)))
			rc = pd_buf_puts(b, "</li>");
	}
	if (rc || (list && (rc = pd_buf_puts(b, "</ul>"))) ||
	    (rc = pd_buf_puts(b, "</td>\n<td>")))
		return rc;
	if (latest && !common) {
		long_date(latest, date);
		if (!(rc = pd_buf_puts(b, "<p class=\"date\">")) &&
		    !(rc = rep_html(&m->out, date)))
			rc = pd_buf_puts(b, "</p>");
	}
	for (size_t k = 0; latest && k < it->nupd && rc == PD_OK; k++) {
		const char *text = pd_get_text(&it->upd[k], PD_UPDATE_TEXT);
		if (rep_is_note(&it->upd[k], m->p.sc) &&
		    strcmp(pd_get_text(&it->upd[k], PD_UPDATE_DATE), latest) == 0)
			rc = pd_html_text(b, text, strlen(text), points(text));
	}
	if (rc || (rc = pd_buf_puts(b, "</td>\n<td>")))
		return rc;
	if (*it->status &&
	    ((rc = pd_buf_puts(b, "<p>")) ||
	     (rc = rep_html(&m->out, rep_status_label(m->p.sc, it->status, label,
						       sizeof label))) ||
	     (rc = pd_buf_puts(b, "</p>"))))
		return rc;
	if (it->slipped &&
	    (rc = pd_buf_puts(b, "<p class=\"flag\">May have slipped: target date passed</p>")))
		return rc;
	return pd_buf_puts(b, "</td></tr>\n");
}

static int html_theme(struct mon *m, uint64_t th)
{
	const char *common = common_date(m, th);
	struct pd_buf *b = m->out.b;
	char date[PD_DATE_LONG_SIZE];
	int rc;

	long_date(common, date);
	if ((rc = pd_html_table(b, "monitoring")) ||
	    (rc = pd_buf_puts(b, "<thead><tr><th colspan=\"2\" style=\"width: 30%\">")) ||
	    (rc = rep_html(&m->out, theme_name(m, th))) ||
	    (rc = pd_buf_puts(b, "</th><th style=\"width: 30%\">Actions agreed</th>"
			      "<th style=\"width: 30%\">")) ||
	    (rc = pd_buf_printf(b, "%s%s", common ? "Update " : "Latest update", date)) ||
	    (rc = pd_buf_puts(b, "</th><th style=\"width: 10%\">Status</th></tr>"
			      "</thead>\n<tbody>\n")))
		return rc;
	for (size_t i = 0; i < m->p.n && rc == PD_OK; i++)
		if (m->theme[i] == th)
			rc = html_item(m, i, common);
	return rc == PD_OK ? pd_buf_puts(b, "</tbody>\n</table>\n") : rc;
}

static int md_item(struct mon *m, size_t i)
{
	const struct rep_item *it = &m->p.items[i];
	const char *latest = rep_latest_date(it, m->p.sc);
	const char *desc = pd_get_text(&it->r, PD_ITEM_DESCRIPTION);
	struct pd_buf *b = m->out.b;
	char date[PD_DATE_LONG_SIZE];
	bool any = false;
	int level = it->depth + 3 > 6 ? 6 : it->depth + 3;
	int rc;

	if ((rc = pd_buf_printf(b, "\n%.*s ", level, "######")) ||
	    (rc = rep_md_line(&m->out, pd_get_text(&it->r, PD_ITEM_REF))) ||
	    (rc = pd_buf_puts(b, "\n\n")) ||
	    (rc = rep_md_line(&m->out, pd_get_text(&it->r, PD_ITEM_TITLE))) ||
	    (rc = pd_buf_puts(b, "\n")))
		return rc;
	if (*desc && ((rc = pd_buf_putc(b, '\n')) || (rc = pd_md_text(b, desc, strlen(desc), 0))))
		return rc;
	for (size_t k = 0; k < it->nact && rc == PD_OK; k++) {
		if (pd_action_state(&it->act[k]) == PD_AS_DROPPED)
			continue;
		if (!any && (rc = pd_buf_puts(b, "\n**Actions agreed:**\n\n")))
			return rc;
		any = true;
		if (!(rc = action_text(&it->act[k], false, &m->tmp)) &&
		    !(rc = pd_buf_puts(b, "- ")) && !(rc = rep_md_line(&m->out, m->tmp.p)))
			rc = pd_buf_putc(b, '\n');
	}
	if (rc == PD_OK && latest) {
		long_date(latest, date);
		rc = pd_buf_printf(b, "\n**Update %s:**\n", date);
	}
	for (size_t k = 0; latest && k < it->nupd && rc == PD_OK; k++) {
		const char *text = pd_get_text(&it->upd[k], PD_UPDATE_TEXT);
		if (rep_is_note(&it->upd[k], m->p.sc) &&
		    strcmp(pd_get_text(&it->upd[k], PD_UPDATE_DATE), latest) == 0 &&
		    !(rc = pd_buf_putc(b, '\n')))
			rc = pd_md_text(b, text, strlen(text), points(text));
	}
	if (rc || (rc = status_text(m, it, &m->tmp)) || !m->tmp.n)
		return rc;
	if ((rc = pd_buf_puts(b, "\n**Status:** ")) || (rc = rep_md(&m->out, m->tmp.p)))
		return rc;
	return pd_buf_putc(b, '\n');
}

static int md_theme(struct mon *m, uint64_t th)
{
	int rc;

	if ((rc = pd_buf_puts(m->out.b, "\n## ")) ||
	    (rc = rep_md_line(&m->out, theme_name(m, th))) ||
	    (rc = pd_buf_putc(m->out.b, '\n')))
		return rc;
	for (size_t i = 0; i < m->p.n && rc == PD_OK; i++)
		if (m->theme[i] == th)
			rc = md_item(m, i);
	return rc;
}

/* Run `fn` for each theme of the plan with items, then the unthemed. */
static int each_theme(struct mon *m, int (*fn)(struct mon *, uint64_t))
{
	int rc = PD_OK;

	for (size_t t = 0; t <= m->p.nthemes && rc == PD_OK; t++) {
		uint64_t th = t < m->p.nthemes ? m->p.themes[t].id : 0;
		bool any = false;
		for (size_t i = 0; i < m->p.n && !any; i++)
			any = m->theme[i] == th;
		if (any)
			rc = fn(m, th);
	}
	return rc;
}

static int write_head(struct mon *m)
{
	const char *title = pd_get_text(&m->p.plan, PD_PLAN_TITLE);
	struct pd_date month = m->p.today;
	char when[PD_DATE_LONG_SIZE];
	struct pd_buf *b = m->out.b;
	int rc;

	month.d = 0;
	pd_date_long(&month, when, sizeof when);
	if (m->out.fmt == PD_RF_MD) {
		if ((rc = pd_buf_puts(b, "# ")) || (rc = rep_md_line(&m->out, title)))
			return rc;
		if ((rc = pd_buf_printf(b, "\n\nMonitoring \xe2\x80\x93 %s (plan ", when)) ||
		    (rc = rep_md_line(&m->out, pd_get_text(&m->p.plan, PD_PLAN_REF))))
			return rc;
		return pd_buf_puts(b, ")\n");
	}
	if ((rc = pd_html_begin(b, title, PD_HTML_LANDSCAPE, html_css)) ||
	    (rc = pd_buf_puts(b, "<h1>")) || (rc = rep_html(&m->out, title)) ||
	    (rc = pd_buf_printf(b, "</h1>\n<h2>Monitoring \xe2\x80\x93 %s</h2>\n<p>Plan ",
				when)) ||
	    (rc = rep_html(&m->out, pd_get_text(&m->p.plan, PD_PLAN_REF))) ||
	    (rc = pd_buf_puts(b, ".</p>\n")))
		return rc;
	return PD_OK;
}

int rep_monitoring(struct pd_txn *txn, const char *ref,
		   const struct pd_report_opts *opts, struct pd_buf *out,
		   struct pd_err *err)
{
	struct mon m;
	int rc;

	memset(&m, 0, sizeof m);
	m.o = opts;
	rep_out_init(&m.out, opts->format, opts->excel, out, err);
	rc = rep_load(txn, ref, REP_UPDATES | REP_ACTIONS, &opts->today, &m.p, err);
	if (rc == PD_OK)
		rc = themes_of_rows(&m);
	if (rc == PD_OK && opts->format == PD_RF_CSV) {
		rc = rep_csv_header(&m.out, csv_cols);
		for (size_t t = 0; t <= m.p.nthemes && rc == PD_OK; t++) {
			uint64_t th = t < m.p.nthemes ? m.p.themes[t].id : 0;
			for (size_t i = 0; i < m.p.n && rc == PD_OK; i++)
				if (m.theme[i] == th)
					rc = csv_item(&m, i);
		}
	} else if (rc == PD_OK) {
		rc = write_head(&m);
		if (rc == PD_OK)
			rc = each_theme(&m, opts->format == PD_RF_HTML ? html_theme : md_theme);
		if (rc == PD_OK && opts->format == PD_RF_HTML)
			rc = pd_html_end(out);
	}
	rc = rep_out_finish(&m.out, rc);
	rep_free(&m.p);
	free(m.theme);
	pd_buf_free(&m.tmp);
	return rc;
}
