/*
 * test_report.c — the committee reports (report.h) compared with golden
 * files, and their document helpers (doc.h).  The fixture plans
 * (reporttest.h) are built through the core API:
 *
 *   REC  a recommendation tracker shaped like the sample's CSE (sub-items,
 *        status history, a month target, free-text target, status-only
 *        update)
 *   BP   a business plan shaped like the sample's C3BP (two themes, a
 *        sub-item, an unthemed priority, RAG statuses)
 *   ACT  actions with linked owners, a typed owner, two owners, no owner
 *
 * Every report in every format is compared byte for byte with a golden
 * file in tests/data/reports/; "today" is always fixed.  After an intended
 * change, rewrite the golden files and review the difference:
 *
 *	PLANDESK_UPDATE_GOLDEN=1 TESTS_DATA=$srcdir/tests/data ./tests/unit/test_report
 *	git diff tests/data/reports
 *
 * (UPDATE_GOLDEN=1 works too.)
 */
#include "reporttest.h"

TestSuite(report, .init = setup, .fini = tdb_teardown);

/* --- helpers -------------------------------------------------------------- */

/* Compare `doc` with tests/data/reports/`name` (or rewrite it). */
static void golden(const char *doc, const char *name)
{
	const char *dir = getenv("TESTS_DATA");
	char path[512];
	char *want;

	snprintf(path, sizeof path, "%s/reports/%s", dir ? dir : "tests/data", name);
	if (getenv("PLANDESK_UPDATE_GOLDEN") || getenv("UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "wb");
		cr_assert_not_null(f, "cannot write %s", path);
		fputs(doc, f);
		cr_assert_eq(fclose(f), 0);
	}
	want = slurp(path);
	cr_assert_not_null(want, "no golden file %s", path);
	if (strcmp(doc, want) != 0) {
		const char *a = doc, *b = want;
		int line = 1;
		while (*a && *a == *b) {
			line += *a == '\n';
			a++;
			b++;
		}
		cr_assert_fail("%s differs at line %d:\n got: %.80s\nwant: %.80s", name,
			       line, a, b);
	}
	free(want);
}

static void assert_wellformed(const char *doc, const char *what, bool table)
{
	char why[160];
	const char *bad = html_wellformed(doc, why, sizeof why);

	cr_assert_null(bad, "%s is not well-formed: %s", what, bad ? bad : "");
	cr_assert(strstr(doc, "@page { size: A4"), "%s: no A4 page", what);
	cr_assert(!table || (strstr(doc, "<table ") && strstr(doc, "border=\"1\"")),
		  "%s: no bordered table", what);
	cr_assert_null(strstr(doc, "<script"), "%s: a script", what);
	cr_assert_null(strstr(doc, "<link"), "%s: an external file", what);
}

/* --- golden files ----------------------------------------------------------- */

Test(report, progress_golden)
{
	char *md = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, REC_DAY);
	char *csv = render(PD_REPORT_PROGRESS, "REC", PD_FMT_CSV, REC_DAY);
	char *html = render(PD_REPORT_PROGRESS, "REC", PD_FMT_HTML, REC_DAY);
	char *since = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, (struct ro){
		.today = "2016-06-29", .since = "2016-01-01" });

	golden(md, "progress.md.golden");
	golden(csv, "progress.csv.golden");
	golden(html, "progress.html.golden");
	golden(since, "progress_since.md.golden");
	assert_wellformed(html, "progress.html", true);
	free(md);
	free(csv);
	free(html);
	free(since);
}

Test(report, monitoring_golden)
{
	char *md = render(PD_REPORT_MONITORING, "BP", PD_FMT_MD, BP_DAY);
	char *csv = render(PD_REPORT_MONITORING, "BP", PD_FMT_CSV, BP_DAY);
	char *html = render(PD_REPORT_MONITORING, "BP", PD_FMT_HTML, BP_DAY);

	golden(md, "monitoring.md.golden");
	golden(csv, "monitoring.csv.golden");
	golden(html, "monitoring.html.golden");
	assert_wellformed(html, "monitoring.html", true);
	free(md);
	free(csv);
	free(html);
}

Test(report, actions_golden)
{
	char *md = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_MD, ACT_DAY);
	char *csv = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_CSV, ACT_DAY);
	char *html = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_HTML, ACT_DAY);
	char *mine = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_MD, (struct ro){
		.today = "2009-10-01", .owner = "KP" });

	golden(md, "actions.md.golden");
	golden(csv, "actions.csv.golden");
	golden(html, "actions.html.golden");
	golden(mine, "actions_owner.md.golden");
	assert_wellformed(html, "actions.html", true);
	free(md);
	free(csv);
	free(html);
	free(mine);
}

/* Every report of every plan is well-formed HTML, even the ones that do
 * not suit the plan (a tracker of a business plan, …). */
Test(report, every_html_wellformed)
{
	static const char *const refs[] = { "REC", "BP", "ACT" };
	static const enum pd_report_kind kinds[] = {
		PD_REPORT_PROGRESS, PD_REPORT_MONITORING, PD_REPORT_ACTIONS };

	for (size_t r = 0; r < 3; r++) {
		for (size_t k = 0; k < 3; k++) {
			char what[64];
			char *html = render(kinds[k], refs[r], PD_FMT_HTML, REC_DAY);
			snprintf(what, sizeof what, "report %zu of %s", k, refs[r]);
			assert_wellformed(html, what, false);
			free(html);
		}
	}
}

/* --- doc.h ---------------------------------------------------------------- */

Test(doc, html_escape)
{
	struct pd_buf b = PD_BUF_INIT;
	const char in[] = "a<b>&\"c\"\n\x01\tz \xff\xef\xbf\xbd";

	cr_assert_eq(pd_html_escape(&b, in, sizeof in - 1), PD_OK);
	cr_assert_str_eq(b.p, "a&lt;b&gt;&amp;&quot;c&quot;<br /> z \xef\xbf\xbd\xef\xbf\xbd");
	pd_buf_free(&b);
}

Test(doc, md_escape)
{
	struct pd_buf b = PD_BUF_INIT;
	const char in[] = "1. *x* _y_ [z](u) <h> | #5 a&amp; b & c\n- d\n+ e\n==\n42) f";

	cr_assert_eq(pd_md_escape(&b, in, sizeof in - 1), PD_OK);
	cr_assert_str_eq(b.p, "1\\. \\*x\\* \\_y\\_ \\[z\\](u) \\<h\\> \\| \\#5 a\\&amp; b & c  \n"
			 "\\- d  \n\\+ e  \n\\==  \n42\\) f");
	pd_buf_free(&b);
}

Test(doc, wellformed_checker_catches_faults)
{
	char why[160];

	cr_assert_null(html_wellformed("<!DOCTYPE html>\n<html><p a=\"1\">x<br /></p></html>\n",
				       why, sizeof why));
	cr_assert_not_null(html_wellformed("<html><p>x</html>", why, sizeof why));
	cr_assert_not_null(html_wellformed("<html><br></html>", why, sizeof why));
	cr_assert_not_null(html_wellformed("<html>a & b</html>", why, sizeof why));
	cr_assert_not_null(html_wellformed("<html><p a=1>x</p></html>", why, sizeof why));
	cr_assert_not_null(html_wellformed("<html></html><html></html>", why, sizeof why));
}
