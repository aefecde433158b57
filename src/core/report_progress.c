/*
 * report_progress.c — the progress report: the committee's recommendation
 * tracker of seed 004, with a summary of the assessments, each item's
 * status history and the "may have slipped" flag (report.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report_impl.h"

#define MAX_LEVELS 16
#define ARROW " \xe2\x86\x92 "   /* " → " */

struct pg {
	struct rep_plan              p;
	const struct pd_report_opts *o;
	struct rep_out               out;
	bool                        *anc;     /* an ancestor has an assessment */
	bool                        *desc;    /* a descendant has one */
	const char                  *common;  /* the one date of all evidence */
	size_t                       count[MAX_LEVELS];
	size_t                       other;   /* codes not on the scale */
	size_t                       unassessed;
	struct pd_buf                tmp;
};

/* --- what goes in the cells ----------------------------------------------- */

/* True when update `u` of `it` is part of its evidence of progress. */
static bool is_evidence(const struct pg *g, const struct rep_item *it,
			const struct pd_record *u)
{
	const char *latest;
	struct pd_date d;

	if (!rep_is_note(u, g->p.sc))
		return false;
	if (g->o->since.y) {
		return pd_date_parse(pd_get_text(u, PD_UPDATE_DATE), &d, NULL) == PD_OK &&
		       pd_date_cmp(&d, &g->o->since) >= 0;
	}
	latest = rep_latest_date(it, g->p.sc);
	return latest && strcmp(latest, pd_get_text(u, PD_UPDATE_DATE)) == 0;
}

static size_t evidence_count(const struct pg *g, const struct rep_item *it)
{
	size_t n = 0;

	for (size_t i = 0; i < it->nupd; i++)
		n += is_evidence(g, it, &it->upd[i]);
	return n;
}

/* The title, then the description unless it already begins with it. */
static int rec_text(const struct pd_record *r, struct pd_buf *b)
{
	const char *t = pd_get_text(r, PD_ITEM_TITLE);
	const char *d = pd_get_text(r, PD_ITEM_DESCRIPTION);

	pd_buf_reset(b);
	if (strncmp(d, t, strlen(t)) != 0 || !*d) {
		if (pd_buf_puts(b, t) || (*d && pd_buf_putc(b, '\n')))
			return PD_ENOMEM;
	}
	return pd_buf_puts(b, d);
}

/* "2 → 3 on 29/06/2016; 3 → 1 on …" (ISO dates for CSV) into g->tmp. */
static int history(struct pg *g, const struct rep_item *it, bool iso)
{
	const char *prev = NULL;
	int rc = PD_OK;

	pd_buf_reset(&g->tmp);
	for (size_t i = 0; i < it->nupd && rc == PD_OK; i++) {
		const char *st = pd_get_text(&it->upd[i], PD_UPDATE_STATUS);
		const char *date = pd_get_text(&it->upd[i], PD_UPDATE_DATE);
		char uk[PD_DATE_UK_SIZE];

		if (!*st)
			continue;
		if (prev && strcasecmp(prev, st) != 0) {
			pd_date_uk(date, uk);
			rc = pd_buf_printf(&g->tmp, "%s%s" ARROW "%s on %s",
					   g->tmp.n ? "; " : "", prev, st,
					   iso || !uk[0] ? date : uk);
		}
		prev = st;
	}
	return rc;
}

/* Whether the assessment cell says "Not yet assessed". */
static bool unassessed(const struct pg *g, size_t i)
{
	return !*g->p.items[i].status && !g->anc[i] && !g->desc[i];
}

/* Count the assessments and find the common evidence date. */
static int tally(struct pg *g)
{
	bool mixed = false;

	g->anc = calloc(g->p.n ? g->p.n : 1, sizeof *g->anc);
	g->desc = calloc(g->p.n ? g->p.n : 1, sizeof *g->desc);
	if (!g->anc || !g->desc)
		return PD_ENOMEM;
	for (size_t i = 0; i < g->p.n; i++) {
		size_t par = g->p.items[i].parent;
		if (par != REP_NONE)
			g->anc[i] = g->anc[par] || *g->p.items[par].status;
	}
	for (size_t i = g->p.n; i-- > 0;) {
		size_t par = g->p.items[i].parent;
		if (par != REP_NONE && (*g->p.items[i].status || g->desc[i]))
			g->desc[par] = true;
	}
	for (size_t i = 0; i < g->p.n; i++) {
		const struct rep_item *it = &g->p.items[i];
		const char *latest = rep_latest_date(it, g->p.sc);

		if (*it->status && !g->anc[i]) {
			const struct pd_level *l = pd_scale_level(g->p.sc, it->status);
			if (l && l - g->p.sc->levels < MAX_LEVELS)
				g->count[l - g->p.sc->levels]++;
			else
				g->other++;
		}
		g->unassessed += unassessed(g, i);
		if (!g->o->since.y && latest) {
			if (!g->common)
				g->common = latest;
			else if (strcmp(g->common, latest) != 0)
				mixed = true;
		}
	}
	if (mixed)
		g->common = NULL;
	return PD_OK;
}

/* "7 Fully achieved, 1 On track, 4 Slipped, 2 not yet assessed" */
static int summary_text(struct pg *g, struct pd_buf *b)
{
	int rc = PD_OK;

	for (int l = 0; l < g->p.sc->nlevels && l < MAX_LEVELS && rc == PD_OK; l++)
		if (g->count[l])
			rc = pd_buf_printf(b, "%s%zu %s", b->n ? ", " : "", g->count[l],
					   g->p.sc->levels[l].label);
	if (rc == PD_OK && g->other)
		rc = pd_buf_printf(b, "%s%zu other", b->n ? ", " : "", g->other);
	if (rc == PD_OK && g->unassessed)
		rc = pd_buf_printf(b, "%s%zu not yet assessed", b->n ? ", " : "",
				   g->unassessed);
	if (rc == PD_OK && !b->n)
		rc = pd_buf_puts(b, "no items");
	return rc;
}

/* "5, 5a, 5b" — the refs of the items that may have slipped. */
static int slipped_refs(struct pg *g, struct pd_buf *b)
{
	int rc = PD_OK;

	for (size_t i = 0; i < g->p.n && rc == PD_OK; i++)
		if (g->p.items[i].slipped)
			rc = pd_buf_printf(b, "%s%s", b->n ? ", " : "",
					   pd_get_text(&g->p.items[i].r, PD_ITEM_REF));
	return rc;
}

/* "Progress as at 29th June 2016. Evidence of progress: …" */
static int intro_text(struct pg *g, struct pd_buf *b)
{
	char today[PD_DATE_LONG_SIZE], since[PD_DATE_LONG_SIZE];
	int rc;

	pd_date_long(&g->p.today, today, sizeof today);
	rc = pd_buf_printf(b, "Plan %s: progress as at %s. Evidence of progress: ",
			   pd_get_text(&g->p.plan, PD_PLAN_REF), today);
	if (rc == PD_OK && g->o->since.y) {
		pd_date_long(&g->o->since, since, sizeof since);
		rc = pd_buf_printf(b, "the updates since %s.", since);
	} else if (rc == PD_OK) {
		rc = pd_buf_puts(b, "the latest update of each item.");
	}
	return rc;
}

/*
 * What an empty evidence cell says: "See 5." (the parent's evidence covers
 * it), "See 6a, 6b." (its sub-items have their own), else "No update." or
 * "No update since …".
 */
static int no_evidence(struct pg *g, size_t i, struct pd_buf *b)
{
	size_t par = g->p.items[i].parent;
	char since[PD_DATE_LONG_SIZE];
	int rc = PD_OK;

	pd_buf_reset(b);
	if (par != REP_NONE && evidence_count(g, &g->p.items[par]))
		return pd_buf_printf(b, "See %s.", pd_get_text(&g->p.items[par].r,
							      PD_ITEM_REF));
	for (size_t j = i + 1; j < g->p.n && rc == PD_OK; j++)
		if (g->p.items[j].parent == i && evidence_count(g, &g->p.items[j]))
			rc = pd_buf_printf(b, "%s%s", b->n ? ", " : "See ",
					   pd_get_text(&g->p.items[j].r, PD_ITEM_REF));
	if (rc != PD_OK || b->n)
		return rc == PD_OK ? pd_buf_putc(b, '.') : rc;
	if (g->o->since.y) {
		pd_date_long(&g->o->since, since, sizeof since);
		return pd_buf_printf(b, "No update since %s.", since);
	}
	return pd_buf_puts(b, "No update.");
}

/* --- CSV -------------------------------------------------------------------- */

static const char *const csv_cols[] = {
	"no", "parent", "recommendation", "link_officer", "anticipated_completion",
	"completion_date", "evidence", "assessment", "status_history",
	"may_have_slipped", NULL
};

static int csv_row(struct pg *g, size_t i)
{
	const struct rep_item *it = &g->p.items[i];
	struct rep_out *o = &g->out;
	struct pd_buf ev = PD_BUF_INIT;
	char label[96];
	const char *target = pd_is_set(&it->r, PD_ITEM_TARGET) ?
		pd_get_text(&it->r, PD_ITEM_TARGET) :
		pd_get_text(&it->r, PD_ITEM_TARGET_DATE);
	int rc = PD_OK;

	for (size_t k = 0; k < it->nupd && rc == PD_OK; k++)
		if (is_evidence(g, it, &it->upd[k]))
			rc = pd_buf_printf(&ev, "%s%s: %s", ev.n ? "\n\n" : "",
					   pd_get_text(&it->upd[k], PD_UPDATE_DATE),
					   pd_get_text(&it->upd[k], PD_UPDATE_TEXT));
	if (rc == PD_OK &&
	    !(rc = rep_csv(o, pd_get_text(&it->r, PD_ITEM_REF))) &&
	    !(rc = rep_csv(o, it->parent == REP_NONE ? "" :
			   pd_get_text(&g->p.items[it->parent].r, PD_ITEM_REF))) &&
	    !(rc = rec_text(&it->r, &g->tmp)) &&
	    !(rc = rep_csv(o, g->tmp.p)) &&
	    !(rc = rep_csv(o, pd_get_text(&it->r, PD_ITEM_LEAD))) &&
	    !(rc = rep_csv(o, target)) &&
	    !(rc = rep_csv(o, pd_get_text(&it->r, PD_ITEM_COMPLETED))) &&
	    !(rc = rep_csv(o, ev.p)) &&
	    !(rc = rep_csv(o, rep_status_label(g->p.sc, it->status, label,
					       sizeof label))) &&
	    !(rc = history(g, it, true)) &&
	    !(rc = rep_csv(o, g->tmp.p)) &&
	    !(rc = rep_csv(o, it->slipped ? "yes" : "")))
		rc = rep_csv_row(o);
	pd_buf_free(&ev);
	return rc;
}

static int write_csv(struct pg *g)
{
	int rc = rep_csv_header(&g->out, csv_cols);

	for (size_t i = 0; i < g->p.n && rc == PD_OK; i++)
		rc = csv_row(g, i);
	return rc;
}

/* --- HTML ------------------------------------------------------------------- */

static const char html_css[] =
	"table.summary { width: auto; }\n"
	"td.n, th.n { text-align: right; }\n"
	"tr.sub td.no { padding-left: 14pt; }\n"
	".hist { font-size: 9pt; }\n"
	".flag { font-weight: bold; }\n"
	".none { font-style: italic; color: #444; }\n"
	".date { font-weight: bold; }\n";

static int html_p(struct pg *g, const char *cls, const char *text)
{
	struct pd_buf *b = g->out.b;
	int rc = pd_buf_printf(b, "<p class=\"%s\">", cls);

	if (rc == PD_OK)
		rc = rep_html(&g->out, text);
	return rc == PD_OK ? pd_buf_puts(b, "</p>") : rc;
}

static int html_summary(struct pg *g)
{
	struct pd_buf *b = g->out.b;
	struct pd_buf refs = PD_BUF_INIT;
	size_t total = g->other + g->unassessed;
	char label[96];
	int rc;

	if ((rc = pd_buf_puts(b, "<p class=\"intro\">")) ||
	    (rc = intro_text(g, &g->tmp)) ||
	    (rc = rep_html(&g->out, g->tmp.p)) ||
	    (rc = pd_buf_puts(b, "</p>\n")) ||
	    (rc = pd_html_table(b, "summary")) ||
	    (rc = pd_buf_puts(b, "<thead><tr><th>Assessment of progress</th>"
			      "<th class=\"n\">Number</th></tr></thead>\n<tbody>\n")))
		return rc;
	for (int l = 0; l < g->p.sc->nlevels && l < MAX_LEVELS && rc == PD_OK; l++) {
		total += g->count[l];
		rc = pd_buf_printf(b, "<tr><td>%s</td><td class=\"n\">%zu</td></tr>\n",
				   rep_status_label(g->p.sc, g->p.sc->levels[l].code,
						    label, sizeof label), g->count[l]);
	}
	if (rc == PD_OK && g->other)
		rc = pd_buf_printf(b, "<tr><td>Other</td><td class=\"n\">%zu</td></tr>\n",
				   g->other);
	if (rc == PD_OK && g->unassessed)
		rc = pd_buf_printf(b, "<tr><td>Not yet assessed</td><td class=\"n\">%zu"
				   "</td></tr>\n", g->unassessed);
	if (rc == PD_OK)
		rc = pd_buf_printf(b, "<tr><th>Total</th><th class=\"n\">%zu</th></tr>\n"
				   "</tbody>\n</table>\n", total);
	if (rc == PD_OK)
		rc = slipped_refs(g, &refs);
	if (rc == PD_OK && refs.n &&
	    !(rc = pd_buf_puts(b, "<p class=\"flag\">May have slipped (target date "
			       "passed, not completed, not assessed as slipped): ")) &&
	    !(rc = rep_html(&g->out, refs.p)))
		rc = pd_buf_puts(b, ".</p>\n");
	pd_buf_free(&refs);
	return rc;
}

static int html_head(struct pg *g)
{
	struct pd_buf *b = g->out.b;
	char range[32], uk[PD_DATE_UK_SIZE], since[PD_DATE_UK_SIZE];
	int rc;

	rep_scale_range(g->p.sc, range, sizeof range);
	if ((rc = pd_html_table(b, "progress")) ||
	    (rc = pd_buf_puts(b, "<thead><tr><th style=\"width: 5%\">No.</th>"
			      "<th style=\"width: 24%\">Recommendation</th>"
			      "<th style=\"width: 12%\">Link Officer</th>"
			      "<th style=\"width: 11%\">Anticipated Completion Date / "
			      "Completion Date</th>"
			      "<th style=\"width: 36%\">Evidence of progress")))
		return rc;
	if (g->o->since.y) {
		pd_date_uk(pd_date_iso(&g->o->since, uk) ? uk : "", since);
		rc = pd_buf_printf(b, " since %s", since);
	} else if (g->common) {
		pd_date_uk(g->common, uk);
		rc = pd_buf_printf(b, " (%s)", uk);
	}
	if (rc == PD_OK)
		rc = pd_buf_puts(b, "</th><th style=\"width: 12%\">Assessment of progress"
				 " (Categories ");
	if (rc == PD_OK)
		rc = rep_html(&g->out, range);
	return rc == PD_OK ? pd_buf_puts(b, ")</th></tr></thead>\n<tbody>\n") : rc;
}

static int html_evidence(struct pg *g, size_t i)
{
	const struct rep_item *it = &g->p.items[i];
	struct pd_buf *b = g->out.b;
	char uk[PD_DATE_UK_SIZE];
	size_t shown = 0;
	int rc = PD_OK;

	for (size_t k = 0; k < it->nupd && rc == PD_OK; k++) {
		const char *text = pd_get_text(&it->upd[k], PD_UPDATE_TEXT);
		if (!is_evidence(g, it, &it->upd[k]))
			continue;
		shown++;
		if (!g->common) {
			pd_date_uk(pd_get_text(&it->upd[k], PD_UPDATE_DATE), uk);
			rc = html_p(g, "date", uk);
		}
		if (rc == PD_OK)
			rc = pd_html_text(b, text, strlen(text), 0);
	}
	if (rc == PD_OK && !shown && (rc = no_evidence(g, i, &g->tmp)) == PD_OK)
		rc = html_p(g, "none", g->tmp.p);
	return rc;
}

static int html_row(struct pg *g, size_t i)
{
	const struct rep_item *it = &g->p.items[i];
	struct pd_buf *b = g->out.b;
	char uk[PD_DATE_UK_SIZE], label[96];
	const char *target = rep_target(&it->r, uk);
	int rc;

	if ((rc = pd_buf_puts(b, it->depth ? "<tr class=\"sub\"><td class=\"no\">" :
			      "<tr><td class=\"no\">")) ||
	    (rc = rep_html(&g->out, pd_get_text(&it->r, PD_ITEM_REF))) ||
	    (rc = pd_buf_puts(b, "</td>\n<td>")) ||
	    (rc = rec_text(&it->r, &g->tmp)) ||
	    (rc = pd_html_text(b, g->tmp.p, g->tmp.n, 0)) ||
	    (rc = pd_buf_puts(b, "</td>\n<td>")) ||
	    (rc = rep_html(&g->out, pd_get_text(&it->r, PD_ITEM_LEAD))) ||
	    (rc = pd_buf_puts(b, "</td>\n<td>")))
		return rc;
	if (*target && (rc = html_p(g, "target", target)))
		return rc;
	if (pd_is_set(&it->r, PD_ITEM_COMPLETED)) {
		pd_date_uk(pd_get_text(&it->r, PD_ITEM_COMPLETED), uk);
		if ((rc = pd_buf_puts(b, "<p class=\"done\">Completed ")) ||
		    (rc = rep_html(&g->out, uk[0] ? uk :
				   pd_get_text(&it->r, PD_ITEM_COMPLETED))) ||
		    (rc = pd_buf_puts(b, "</p>")))
			return rc;
	}
	if ((rc = pd_buf_puts(b, "</td>\n<td>")) ||
	    (rc = html_evidence(g, i)) ||
	    (rc = pd_buf_puts(b, "</td>\n<td>")))
		return rc;
	if (*it->status)
		rc = html_p(g, "st", rep_status_label(g->p.sc, it->status, label,
						       sizeof label));
	else if (unassessed(g, i))
		rc = html_p(g, "none", "Not yet assessed");
	if (rc == PD_OK && (rc = history(g, it, false)) == PD_OK && g->tmp.n) {
		if (!(rc = pd_buf_puts(b, "<p class=\"hist\">History: ")) &&
		    !(rc = rep_html(&g->out, g->tmp.p)))
			rc = pd_buf_puts(b, "</p>");
	}
	if (rc == PD_OK && it->slipped)
		rc = html_p(g, "flag", "May have slipped: target date passed");
	return rc == PD_OK ? pd_buf_puts(b, "</td></tr>\n") : rc;
}

static int write_html(struct pg *g)
{
	const char *title = pd_get_text(&g->p.plan, PD_PLAN_TITLE);
	struct pd_buf *b = g->out.b;
	int rc;

	if ((rc = pd_html_begin(b, title, PD_HTML_LANDSCAPE, html_css)) ||
	    (rc = pd_buf_puts(b, "<h1>")) ||
	    (rc = rep_html(&g->out, title)) ||
	    (rc = pd_buf_puts(b, "</h1>\n")) ||
	    (rc = html_summary(g)) ||
	    (rc = html_head(g)))
		return rc;
	for (size_t i = 0; i < g->p.n && rc == PD_OK; i++)
		rc = html_row(g, i);
	if (rc == PD_OK)
		rc = pd_buf_puts(b, "</tbody>\n</table>\n");
	return rc == PD_OK ? pd_html_end(b) : rc;
}

/* --- Markdown --------------------------------------------------------------- */

/* "- **Label:** value\n" when value is not empty. */
static int md_field(struct pg *g, const char *label, const char *value)
{
	int rc;

	if (!value || !*value)
		return PD_OK;
	if ((rc = pd_buf_printf(g->out.b, "- **%s:** ", label)) ||
	    (rc = rep_md_line(&g->out, value)))
		return rc;
	return pd_buf_putc(g->out.b, '\n');
}

static int md_evidence(struct pg *g, size_t i)
{
	const struct rep_item *it = &g->p.items[i];
	struct pd_buf *b = g->out.b;
	char uk[PD_DATE_UK_SIZE];
	size_t shown = 0;
	int rc;

	if (g->common) {
		pd_date_uk(g->common, uk);
		rc = pd_buf_printf(b, "\n**Evidence of progress (%s):**\n", uk);
	} else {
		rc = pd_buf_puts(b, "\n**Evidence of progress:**\n");
	}
	for (size_t k = 0; k < it->nupd && rc == PD_OK; k++) {
		const char *text = pd_get_text(&it->upd[k], PD_UPDATE_TEXT);
		if (!is_evidence(g, it, &it->upd[k]))
			continue;
		shown++;
		if (!g->common) {
			pd_date_uk(pd_get_text(&it->upd[k], PD_UPDATE_DATE), uk);
			rc = pd_buf_printf(b, "\n*%s*\n", uk);
		}
		if (rc == PD_OK)
			rc = pd_buf_putc(b, '\n');
		if (rc == PD_OK)
			rc = pd_md_text(b, text, strlen(text), 0);
	}
	if (rc == PD_OK && !shown && (rc = no_evidence(g, i, &g->tmp)) == PD_OK &&
	    !(rc = pd_buf_puts(b, "\n*")) && !(rc = rep_md(&g->out, g->tmp.p)))
		rc = pd_buf_puts(b, "*\n");
	return rc;
}

static int md_item(struct pg *g, size_t i)
{
	const struct rep_item *it = &g->p.items[i];
	struct pd_buf *b = g->out.b;
	char uk[PD_DATE_UK_SIZE], done[PD_DATE_UK_SIZE], label[96];
	int level = it->depth + 2 > 6 ? 6 : it->depth + 2;
	size_t mark;
	int rc;

	pd_date_uk(pd_get_text(&it->r, PD_ITEM_COMPLETED), done);
	if ((rc = pd_buf_printf(b, "\n%.*s ", level, "######")) ||
	    (rc = rep_md_line(&g->out, pd_get_text(&it->r, PD_ITEM_REF))) ||
	    (rc = pd_buf_puts(b, "\n\n")) ||
	    (rc = rec_text(&it->r, &g->tmp)) ||
	    (rc = pd_md_text(b, g->tmp.p, g->tmp.n, 0)) ||
	    (rc = pd_buf_putc(b, '\n')))
		return rc;
	mark = b->n;
	if ((rc = md_field(g, "Link officer", pd_get_text(&it->r, PD_ITEM_LEAD))) ||
	    (rc = md_field(g, "Anticipated completion", rep_target(&it->r, uk))) ||
	    (rc = md_field(g, "Completion date", done[0] ? done :
			   pd_get_text(&it->r, PD_ITEM_COMPLETED))) ||
	    (rc = md_field(g, "Assessment", *it->status ?
			   rep_status_label(g->p.sc, it->status, label, sizeof label) :
			   unassessed(g, i) ? "Not yet assessed" : "")) ||
	    (rc = history(g, it, false)) ||
	    (rc = md_field(g, "Status history", g->tmp.p)) ||
	    (rc = md_field(g, "May have slipped", it->slipped ?
			   "target date passed, not completed" : "")))
		return rc;
	/* No fields: the blank line after the text is enough. */
	if (b->n == mark)
		b->p[--b->n] = '\0';
	return md_evidence(g, i);
}

static int write_md(struct pg *g)
{
	struct pd_buf *b = g->out.b;
	struct pd_buf line = PD_BUF_INIT;
	int rc;

	if ((rc = pd_buf_puts(b, "# ")) ||
	    (rc = rep_md_line(&g->out, pd_get_text(&g->p.plan, PD_PLAN_TITLE))) ||
	    (rc = pd_buf_puts(b, "\n\n")) ||
	    (rc = intro_text(g, &line)) ||
	    (rc = rep_md(&g->out, line.p)) ||
	    (rc = pd_buf_puts(b, "\n\n**Summary of assessments:** ")))
		goto out;
	pd_buf_reset(&line);
	if ((rc = summary_text(g, &line)) || (rc = rep_md(&g->out, line.p)) ||
	    (rc = pd_buf_puts(b, ".\n")))
		goto out;
	pd_buf_reset(&line);
	if ((rc = slipped_refs(g, &line)))
		goto out;
	if (line.n && ((rc = pd_buf_puts(b, "\n**May have slipped** (target date passed, "
					 "not completed, not assessed as slipped): ")) ||
		       (rc = rep_md(&g->out, line.p)) || (rc = pd_buf_puts(b, ".\n"))))
		goto out;
	pd_buf_reset(&line);
	for (int l = 0; l < g->p.sc->nlevels && rc == PD_OK; l++)
		rc = pd_buf_printf(&line, "%s%s %s", l ? ", " : "",
				   g->p.sc->levels[l].code, g->p.sc->levels[l].label);
	if (rc || (rc = pd_buf_puts(b, "\nAssessment categories: ")) ||
	    (rc = rep_md(&g->out, line.p)) || (rc = pd_buf_puts(b, ".\n")))
		goto out;
	for (size_t i = 0; i < g->p.n && rc == PD_OK; i++)
		rc = md_item(g, i);
out:
	pd_buf_free(&line);
	return rc;
}

int rep_progress(struct pd_txn *txn, const char *ref,
		 const struct pd_report_opts *opts, struct pd_buf *out,
		 struct pd_err *err)
{
	struct pg g;
	int rc;

	memset(&g, 0, sizeof g);
	g.o = opts;
	rep_out_init(&g.out, opts->format, opts->excel, out, err);
	rc = rep_load(txn, ref, REP_UPDATES, &opts->today, &g.p, err);
	if (rc == PD_OK)
		rc = tally(&g);
	if (rc == PD_OK) {
		switch (opts->format) {
		case PD_RF_CSV:  rc = write_csv(&g); break;
		case PD_RF_HTML: rc = write_html(&g); break;
		default:         rc = write_md(&g); break;
		}
	}
	rc = rep_out_finish(&g.out, rc);
	rep_free(&g.p);
	free(g.anc);
	free(g.desc);
	pd_buf_free(&g.tmp);
	return rc;
}
