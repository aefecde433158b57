/*
 * report_progress.c — the progress report: a committee's recommendation
 * tracker (as the sample's CSE plan, share/sample), with a summary of the
 * assessments, each item's
 * status history and the "may have slipped" flag (report.h).  One
 * document for md/txt/html/docx/odt, one sheet for csv/xlsx.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report_impl.h"

#define MAX_LEVELS 16
#define ARROW " \xe2\x86\x92 "   /* " → " */

/* What a row's assessment cell shows, besides a level of the scale. */
enum { CAT_OTHER = MAX_LEVELS, CAT_NONE, CAT_PARTS, CAT_PARENT, NCATS };

struct pg {
	struct rep_plan              p;
	const struct pd_report_opts *o;
	const struct pd_formats     *fm;      /* the document module, or NULL */
	bool                        *anc;     /* an ancestor has an assessment */
	bool                        *desc;    /* a descendant has one */
	const char                  *common;  /* the one date of all evidence */
	const char                  *first, *last;   /* the evidence's period */
	size_t                       count[NCATS];   /* rows by what they show */
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

/* "2 → 3 on 29th June 2016; 3 → 1 on …" (ISO dates with `iso`) into g->tmp. */
static int history(struct pg *g, const struct rep_item *it, bool iso)
{
	const char *prev = NULL;
	int rc = PD_OK;

	pd_buf_reset(&g->tmp);
	for (size_t i = 0; i < it->nupd && rc == PD_OK; i++) {
		const char *st = pd_get_text(&it->upd[i], PD_UPDATE_STATUS);
		const char *date = pd_get_text(&it->upd[i], PD_UPDATE_DATE);
		char when[PD_DATE_TEXT_SIZE];

		if (!*st)
			continue;
		if (prev && strcasecmp(prev, st) != 0) {
			rep_date(&g->p, date, when);
			rc = pd_buf_printf(&g->tmp, "%s%s" ARROW "%s on %s",
					   g->tmp.n ? "; " : "", prev, st,
					   iso || !when[0] ? date : when);
		}
		prev = st;
	}
	return rc;
}

/* What row i's assessment cell shows: a level's index, or a CAT_*. */
static size_t category(const struct pg *g, size_t i)
{
	const char *st = g->p.items[i].status;
	const struct pd_level *l;

	if (*st) {
		l = pd_scale_level(g->p.sc, st);
		return l && l - g->p.sc->levels < MAX_LEVELS ?
		       (size_t)(l - g->p.sc->levels) : CAT_OTHER;
	}
	return g->desc[i] ? CAT_PARTS : g->anc[i] ? CAT_PARENT : CAT_NONE;
}

/* Count the rows by what they show; find the evidence's dates. */
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

		g->count[category(g, i)]++;
		for (size_t k = 0; k < it->nupd; k++) {
			const char *d = pd_get_text(&it->upd[k], PD_UPDATE_DATE);
			if (!is_evidence(g, it, &it->upd[k]))
				continue;
			if (!g->first || strcmp(d, g->first) < 0)
				g->first = d;
			if (!g->last || strcmp(d, g->last) > 0)
				g->last = d;
		}
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

/*
 * What an empty evidence cell says: "See 5." (the parent's evidence covers
 * it), "See 6a, 6b." (its sub-items have their own), else "No update." or
 * "No update since …".
 */
static int no_evidence(struct pg *g, size_t i, struct pd_buf *b)
{
	size_t par = g->p.items[i].parent;
	char since[PD_DATE_TEXT_SIZE];
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
		pd_date_styled(&g->o->since, g->p.style, since, sizeof since);
		return pd_buf_printf(b, "No update since %s.", since);
	}
	return pd_buf_puts(b, "No update.");
}

/* "See 4a, 4b." / "See 5." for a row assessed through others. */
static int see_others(struct pg *g, size_t i, struct pd_buf *b)
{
	int rc = PD_OK;

	pd_buf_reset(b);
	if (category(g, i) == CAT_PARENT)
		return pd_buf_printf(b, "See %s.", pd_get_text(&g->p.items[g->p.items[i].parent].r,
							      PD_ITEM_REF));
	for (size_t j = i + 1; j < g->p.n && rc == PD_OK; j++)
		if (g->p.items[j].parent == i && (*g->p.items[j].status || g->desc[j]))
			rc = pd_buf_printf(b, "%s%s", b->n ? ", " : "See ",
					   pd_get_text(&g->p.items[j].r, PD_ITEM_REF));
	return rc == PD_OK ? pd_buf_putc(b, '.') : rc;
}

/* --- the sheet: one row per item, ISO dates -------------------------------- */

static const struct pd_sheet_col sheet_cols[] = {
	{ "no", PD_COL_TEXT }, { "parent", PD_COL_TEXT },
	{ "recommendation", PD_COL_NOTE }, { "link_officer", PD_COL_TEXT },
	{ "anticipated_completion", PD_COL_DATE }, { "completion_date", PD_COL_DATE },
	{ "evidence", PD_COL_NOTE }, { "assessment", PD_COL_TEXT },
	{ "status_history", PD_COL_NOTE }, { "may_have_slipped", PD_COL_TEXT },
};

static int sheet_row(struct pg *g, struct pd_sheet *sh, size_t i, struct pd_err *err)
{
	const struct rep_item *it = &g->p.items[i];
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
	if (rc != PD_OK)
		rc = pd_err_nomem(err);
	if (rc == PD_OK &&
	    !(rc = pd_sheet_puts(sh, pd_get_text(&it->r, PD_ITEM_REF), err)) &&
	    !(rc = pd_sheet_puts(sh, it->parent == REP_NONE ? "" :
				 pd_get_text(&g->p.items[it->parent].r, PD_ITEM_REF), err)) &&
	    !(rc = rec_text(&it->r, &g->tmp) ? pd_err_nomem(err) :
	      pd_sheet_puts(sh, g->tmp.p, err)) &&
	    !(rc = pd_sheet_puts(sh, pd_get_text(&it->r, PD_ITEM_LEAD), err)) &&
	    !(rc = pd_sheet_puts(sh, target, err)) &&
	    !(rc = pd_sheet_puts(sh, pd_get_text(&it->r, PD_ITEM_COMPLETED), err)) &&
	    !(rc = pd_sheet_puts(sh, ev.p, err)) &&
	    !(rc = pd_sheet_puts(sh, rep_status_label(g->p.sc, it->status, label,
						       sizeof label), err)) &&
	    !(rc = history(g, it, true) ? pd_err_nomem(err) :
	      pd_sheet_puts(sh, g->tmp.p, err)) &&
	    !(rc = pd_sheet_puts(sh, it->slipped ? "yes" : "", err)))
		rc = pd_sheet_end_row(sh, err);
	pd_buf_free(&ev);
	return rc;
}

static int write_sheet(struct pg *g, struct pd_buf *out, struct pd_err *err)
{
	struct pd_sheet *sh;
	int rc = rep_sheet(&sh, g->o, g->fm, "Progress", sheet_cols,
			   sizeof sheet_cols / sizeof sheet_cols[0], out, err);

	for (size_t i = 0; i < g->p.n && rc == PD_OK; i++)
		rc = sheet_row(g, sh, i, err);
	return pd_sheet_close(sh, rc, err);
}

/* --- the document -------------------------------------------------------------- */

static const char *const cat_labels[] = {
	[CAT_OTHER] = "Other", [CAT_NONE] = "Not yet assessed",
	[CAT_PARTS] = "See its parts (its sub-items are assessed)",
	[CAT_PARENT] = "See the item above (its parent is assessed)",
};

/* The summary: how many rows show each assessment; its total is the
 * number of rows of the table below. */
static void summary(struct pg *g, struct pd_dm *dm)
{
	char label[96], n[24];
	size_t total = 0;

	pd_dm_heading(dm, 1, "Summary of assessments");
	pd_dm_table(dm, PD_DM_T_COMPACT, 2);
	pd_dm_col(dm, "Assessment of progress", 75);
	pd_dm_col(dm, "Number", 25);
	for (size_t c = 0; c < NCATS; c++) {
		bool level = c < (size_t)g->p.sc->nlevels && c < MAX_LEVELS;
		if (!level && (c < CAT_OTHER || !g->count[c]))
			continue;
		total += g->count[c];
		pd_dm_row(dm, 0, 0);
		pd_dm_cell_text(dm, level ? g->p.sc->levels[c].kind : PD_ST_NONE,
				level ? rep_status_label(g->p.sc, g->p.sc->levels[c].code,
							 label, sizeof label) : cat_labels[c]);
		snprintf(n, sizeof n, "%zu", g->count[c]);
		pd_dm_cell_text(dm, PD_ST_NONE, n);
	}
	pd_dm_row(dm, 0, 0);
	pd_dm_cell(dm, PD_ST_NONE);
	pd_dm_para(dm, 0, "");
	pd_dm_run(dm, PD_DM_BOLD, "Total (rows of the table)");
	snprintf(n, sizeof n, "%zu", total);
	pd_dm_cell(dm, PD_ST_NONE);
	pd_dm_para(dm, 0, "");
	pd_dm_run(dm, PD_DM_BOLD, n);
	pd_dm_table_end(dm);
}

static void evidence_cell(struct pg *g, struct pd_dm *dm, size_t i)
{
	const struct rep_item *it = &g->p.items[i];
	char when[PD_DATE_TEXT_SIZE];
	size_t shown = 0;

	pd_dm_cell(dm, PD_ST_NONE);
	for (size_t k = 0; k < it->nupd; k++) {
		if (!is_evidence(g, it, &it->upd[k]))
			continue;
		shown++;
		if (!g->common) {
			pd_dm_para(dm, 0, "");
			pd_dm_run(dm, PD_DM_BOLD, rep_date(&g->p, pd_get_text(&it->upd[k],
								      PD_UPDATE_DATE), when));
		}
		pd_dm_text(dm, pd_get_text(&it->upd[k], PD_UPDATE_TEXT), 0);
	}
	if (!shown && no_evidence(g, i, &g->tmp) == PD_OK)
		pd_dm_para(dm, PD_DM_NOTE, g->tmp.p);
}

static void assessment_cell(struct pg *g, struct pd_dm *dm, size_t i)
{
	const struct rep_item *it = &g->p.items[i];
	size_t cat = category(g, i);
	char label[96];

	pd_dm_cell(dm, rep_status_kind(g->p.sc, it->status));
	if (*it->status)
		pd_dm_para(dm, 0, rep_status_label(g->p.sc, it->status, label, sizeof label));
	else if (cat == CAT_NONE)
		pd_dm_para(dm, PD_DM_NOTE, "Not yet assessed");
	else if (see_others(g, i, &g->tmp) == PD_OK)
		pd_dm_para(dm, PD_DM_NOTE, g->tmp.p);
	if (history(g, it, false) == PD_OK && g->tmp.n) {
		pd_dm_para(dm, 0, "");
		pd_dm_run(dm, PD_DM_ITALIC, "History: ");
		pd_dm_run(dm, 0, g->tmp.p);
	}
	if (it->slipped)
		pd_dm_para(dm, PD_DM_FLAG, "May have slipped: target date passed");
}

static void row(struct pg *g, struct pd_dm *dm, size_t i)
{
	const struct rep_item *it = &g->p.items[i];
	char target[PD_DATE_TEXT_SIZE], done[PD_DATE_TEXT_SIZE], text[PD_DATE_TEXT_SIZE + 16];
	const char *t = rep_target(&g->p, &it->r, target);

	pd_dm_row(dm, 0, it->depth);
	pd_dm_cell_text(dm, PD_ST_NONE, pd_get_text(&it->r, PD_ITEM_REF));
	pd_dm_cell(dm, PD_ST_NONE);
	if (rec_text(&it->r, &g->tmp) == PD_OK)
		pd_dm_text(dm, g->tmp.p, 0);
	pd_dm_cell_text(dm, PD_ST_NONE, pd_get_text(&it->r, PD_ITEM_LEAD));
	pd_dm_cell(dm, PD_ST_NONE);
	if (*t)
		pd_dm_para(dm, 0, t);
	if (pd_is_set(&it->r, PD_ITEM_COMPLETED)) {
		const char *c = pd_get_text(&it->r, PD_ITEM_COMPLETED);
		snprintf(text, sizeof text, "Completed %s", rep_date(&g->p, c, done)[0] ? done : c);
		pd_dm_para(dm, 0, text);
	}
	evidence_cell(g, dm, i);
	assessment_cell(g, dm, i);
}

static int build(struct pg *g, struct pd_dm *dm)
{
	char range[32], when[PD_DATE_TEXT_SIZE], head[96];
	struct pd_buf line = PD_BUF_INIT;

	rep_titles(dm, &g->p, "Progress", "updates of",
		   g->first, g->last);
	dm->landscape = true;
	if (g->o->since.y) {
		pd_date_styled(&g->o->since, g->p.style, when, sizeof when);
		pd_buf_printf(&line, "Evidence of progress: the updates since %s.", when);
	} else {
		pd_buf_puts(&line, "Evidence of progress: the latest update of each item.");
	}
	pd_dm_para(dm, 0, line.p ? line.p : "");
	summary(g, dm);
	pd_buf_reset(&line);
	if (slipped_refs(g, &line) == PD_OK && line.n) {
		pd_dm_para(dm, PD_DM_FLAG, "May have slipped");
		pd_dm_run(dm, 0, " (target date passed, not completed, not assessed as "
			  "slipped): ");
		pd_dm_run(dm, 0, line.p);
		pd_dm_run(dm, 0, ".");
	}
	pd_buf_reset(&line);
	for (int l = 0; l < g->p.sc->nlevels; l++)
		pd_buf_printf(&line, "%s%s %s", l ? ", " : "", g->p.sc->levels[l].code,
			      g->p.sc->levels[l].label);
	pd_dm_para(dm, 0, "Assessment categories: ");
	pd_dm_run(dm, 0, line.p ? line.p : "");
	pd_dm_run(dm, 0, ".");
	pd_buf_free(&line);

	pd_dm_heading(dm, 1, "Recommendations");
	pd_dm_table(dm, PD_DM_T_ROWHEAD, 2);
	pd_dm_col(dm, "No.", 5);
	pd_dm_col(dm, "Recommendation", 24);
	pd_dm_col(dm, "Link Officer", 12);
	pd_dm_col(dm, "Anticipated Completion Date / Completion Date", 11);
	if (g->o->since.y)
		snprintf(head, sizeof head, "Evidence of progress since %s", when);
	else if (g->common)
		snprintf(head, sizeof head, "Evidence of progress (%s)",
			 rep_date(&g->p, g->common, when));
	else
		snprintf(head, sizeof head, "Evidence of progress");
	pd_dm_col(dm, head, 36);
	rep_scale_range(g->p.sc, range, sizeof range);
	snprintf(head, sizeof head, "Assessment of progress (Categories %s)", range);
	pd_dm_col(dm, head, 12);
	for (size_t i = 0; i < g->p.n; i++)
		row(g, dm, i);
	pd_dm_table_end(dm);
	return dm->rc;
}

int rep_progress(struct pd_txn *txn, const char *ref,
		 const struct pd_report_opts *opts, const struct pd_formats *fm,
		 struct pd_buf *out, struct pd_err *err)
{
	struct pg g = { .o = opts, .fm = fm };
	struct pd_dm dm;
	int rc;

	pd_dm_init(&dm);
	rc = rep_load(txn, ref, REP_UPDATES, opts, &g.p, err);
	if (rc == PD_OK && (rc = tally(&g)) != PD_OK)
		rc = pd_err_nomem(err);
	if (rc == PD_OK && rep_is_sheet(opts))
		rc = write_sheet(&g, out, err);
	else if (rc == PD_OK && (rc = build(&g, &dm)) != PD_OK)
		rc = pd_err_nomem(err);
	else if (rc == PD_OK)
		rc = pd_dm_write(&dm, opts->format, fm, out, err);
	pd_dm_free(&dm);
	rep_free(&g.p);
	free(g.anc);
	free(g.desc);
	pd_buf_free(&g.tmp);
	return rc;
}
