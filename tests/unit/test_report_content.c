/*
 * test_report_content.c — what the committee reports say, whatever the
 * golden files hold: counts, sub-items, history, slipped dates, themes,
 * owners, CSV, escaping, errors and writing the file.  Fixtures in
 * reporttest.h.
 */
#include "reporttest.h"

TestSuite(report, .init = setup, .fini = tdb_teardown);

/* --- helpers -------------------------------------------------------------- */

/* The CSV record of `doc` that begins with `start` (quoted line breaks and
 * all), or NULL. */
static const char *csv_line(const char *doc, const char *start, char *buf, size_t n)
{
	const char *p = doc;

	while (*p) {
		const char *e = p;
		for (bool q = false; *e && (q || *e != '\n'); e++)
			q ^= *e == '"';
		if (strncmp(p, start, strlen(start)) == 0) {
			snprintf(buf, n, "%.*s", (int)(e - p), p);
			return buf;
		}
		p = *e ? e + 1 : e;
	}
	return NULL;
}

/* --- what the reports say, whatever the golden files hold ------------------- */

Test(report, progress_summary_counts)
{
	char *md = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, REC_DAY);
	char *html = render(PD_REPORT_PROGRESS, "REC", PD_FMT_HTML, REC_DAY);
	const char *p, *rows;
	size_t n = 0;

	/* Every row by what its assessment cell shows: 5a its own (shared
	 * with 5), 4 its parts', 7 none, 8 its status-only update's. */
	cr_assert(strstr(md, "| 1 \xe2\x80\x93 Fully achieved | 2 |\n"
			 "| 2 \xe2\x80\x93 On track | 4 |\n"
			 "| 3 \xe2\x80\x93 Slipped | 2 |\n"
			 "| 4 \xe2\x80\x93 Not achieved | 1 |\n"
			 "| Not yet assessed | 1 |\n"
			 "| See its parts (its sub-items are assessed) | 1 |\n"
			 "| **Total (rows of the table)** | **11** |\n"), "%s", md);
	/* The total is the table's rows: one row heading each in Markdown, */
	for (p = strstr(md, "## Recommendations"); p && (p = strstr(p, "\n###")); p++)
		n++;
	cr_assert_eq(n, 11);
	/* and one <tr> each after the header row in HTML. */
	cr_assert(rows = strstr(html, "<th style=\"width: 5%\">No.</th>"));
	for (n = 0, p = rows; (p = strstr(p, "<tr")); p++)
		n++;
	cr_assert_eq(n, 11);
	cr_assert(strstr(html, "<td class=\"shade\" style=\"background: #FFD966\"><p>3 "
			 "\xe2\x80\x93 Slipped</p></td><td><p>2</p></td>"), "%s", html);
	cr_assert(strstr(md, "**Assessment of progress (Categories 1\xe2\x80\x93" "4):** 1 "
			 "\xe2\x80\x93 Fully achieved"));
	free(md);
	free(html);
}

Test(report, progress_sub_items_under_parent)
{
	char *csv = render(PD_REPORT_PROGRESS, "REC", PD_FMT_CSV, REC_DAY);
	const char *order[] = { "1,", "2,", "3,", "4,", "4a,4,", "4b,4,", "5,", "5a,5,",
				"6,", "7,", "8," };
	const char *p = strchr(csv, '\n') + 1;

	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		cr_assert(strncmp(p, order[i], strlen(order[i])) == 0,
			  "row %zu should start %s: %.20s", i, order[i], p);
		/* to the next row (quoted cells may hold line breaks) */
		for (bool q = false; *p && (q || *p != '\n'); p++)
			q ^= *p == '"';
		p++;
	}
	cr_assert_eq(*p, '\0');
	free(csv);
}

Test(report, progress_history_and_evidence)
{
	char *md = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, REC_DAY);
	char *csv = render(PD_REPORT_PROGRESS, "REC", PD_FMT_CSV, REC_DAY);
	char *shrt = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, (struct ro){
		.today = "2016-06-29", .style = PD_DS_SHORT });

	cr_assert(strstr(md, "*History:* 2 \xe2\x86\x92 3 on 29th June 2016\n"), "%s", md);
	cr_assert(strstr(md, "*History:* 2 \xe2\x86\x92 3 on 1st February 2016; "
			 "3 \xe2\x86\x92 4 on 29th June 2016\n"));
	cr_assert(strstr(shrt, "*History:* 2 \xe2\x86\x92 3 on 29/06/2016\n"));
	cr_assert(strstr(csv, "2 \xe2\x86\x92 3 on 2016-02-01; 3 \xe2\x86\x92 4 on 2016-06-29"));
	/* Only the latest evidence, and a status-only update is no evidence. */
	cr_assert_null(strstr(md, "Design under way."));
	cr_assert_null(strstr(md, "Status: On track"));
	cr_assert(strstr(md, "Checked in."));
	cr_assert(strstr(md, "*See 5.*"));
	cr_assert(strstr(md, "*See 4a, 4b.*"));
	cr_assert(strstr(md, "**Evidence of progress (29th June 2016):**"));
	free(md);
	free(csv);
	free(shrt);
}

Test(report, progress_since)
{
	char *md = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, (struct ro){
		.today = "2016-06-29", .since = "2016-01-01" });
	char *late = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, (struct ro){
		.today = "2016-06-29", .since = "2016-07-01" });

	cr_assert(strstr(md, "**30th March 2016**\n\nDesign under way."), "%s", md);
	cr_assert(strstr(md, "**1st February 2016**\n\nStalled."));
	cr_assert_null(strstr(md, "Started."));   /* 2015-12-01 */
	/* The period of the evidence, beside the date the report is as at. */
	cr_assert(strstr(md, "## Progress as at 29th June 2016 \xc2\xb7 updates from "
			 "1st February 2016 to 29th June 2016\n"), "%s", md);
	cr_assert(strstr(late, "*No update since 1st July 2016.*"));
	free(md);
	free(late);
}

/* The flag on fixed dates: a month target is only past once the month is
 * over; an assessment of slipped or not achieved needs no flag. */
Test(report, may_have_slipped_on_fixed_dates)
{
	char line[512];
	char *before = render(PD_REPORT_PROGRESS, "REC", PD_FMT_CSV,
			      (struct ro){ .today = "2015-09-30" });
	char *after = render(PD_REPORT_PROGRESS, "REC", PD_FMT_CSV,
			     (struct ro){ .today = "2015-10-01" });
	char *md = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, REC_DAY);

	cr_assert(csv_line(before, "2,", line, sizeof line));
	cr_assert_null(strstr(line, ",yes"), "%s", line);
	cr_assert(csv_line(after, "2,", line, sizeof line));
	cr_assert(strstr(line, ",yes"), "%s", line);
	/* 7: no assessment, target 2016-05-01 passed; 6: not achieved; 4a:
	 * slipped; 1: completed. */
	cr_assert(strstr(md, "**May have slipped (target date passed, not completed, "
			 "not assessed as slipped): 2, 7.**"), "%s", md);
	free(before);
	free(after);
	free(md);
}

Test(report, today_from_environment)
{
	char *env, *opt;

	setenv("PLANDESK_TODAY", "2015-10-01", 1);
	env = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, (struct ro){ 0 });
	opt = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, (struct ro){ .today = "2015-10-01" });
	cr_assert_str_eq(env, opt);
	cr_assert(strstr(env, "Progress as at 1st October 2015"));
	setenv("PLANDESK_TODAY", "not a date", 1);
	{
		struct pd_report_opts o = { .format = PD_FMT_MD };
		struct pd_buf b = PD_BUF_INIT;
		struct pd_err err = { 0 };
		struct pd_txn *txn;

		cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
		cr_assert_eq(pd_report(txn, PD_REPORT_PROGRESS, "REC", &o, &b, &err), PD_EINVAL);
		cr_assert(strstr(err.msg, "PLANDESK_TODAY"));
		pd_txn_end(txn);
		pd_buf_free(&b);
	}
	unsetenv("PLANDESK_TODAY");
	free(env);
	free(opt);
}

Test(report, monitoring_by_theme)
{
	char *md = render(PD_REPORT_MONITORING, "BP", PD_FMT_MD, BP_DAY);
	char *html = render(PD_REPORT_MONITORING, "BP", PD_FMT_HTML, BP_DAY);
	const char *healthy = strstr(md, "## Be Healthy"), *safe = strstr(md, "## Be Safe");
	const char *other = strstr(md, "## Other priorities");

	cr_assert(healthy && safe && other && healthy < safe && safe < other);
	/* The heading's date is the day it is as at, and says so; the
	 * updates' own dates are beside it. */
	cr_assert(strstr(md, "## Monitoring as at 30th June 2009 \xc2\xb7 updates from "
			 "3rd June 2009 to 26th June 2009\n"), "%s", md);
	/* A theme whose updates share a date names it in its head, as the
	 * business plans' monitoring tables do. */
	cr_assert(strstr(html, "<th style=\"width: 30%\">Update 3rd June 2009</th>"), "%s", html);
	cr_assert(strstr(html, "<th style=\"width: 30%\">Latest update</th>"));
	cr_assert(strstr(html, "<p><b>26th June 2009</b></p><p>Group training agreed.</p>"));
	cr_assert(strstr(md, "- Develop case studies (KP, due 25th September 2009)\n"));
	/* A completed action: done, with its date, among the actions agreed. */
	cr_assert(strstr(md, "- \xe2\x9c\x93 Link to PCT \xe2\x80\x94 done 15th May 2009\n"));
	cr_assert_null(strstr(md, "dropped"));
	/* An update of several lines is a list of points. */
	cr_assert(strstr(md, "**Update 3rd June 2009:**\n\n- Link to PCT staff.\n- Submission to AIT.\n"));
	/* The sub-item stays with its parent's theme. */
	cr_assert(strstr(md, "#### BS2a") > safe && strstr(md, "#### BS2a") < other);
	/* BS1 is green but past its date; BH2 is amber: it says so itself. */
	cr_assert(strstr(md, "**Status:**\n\nG \xe2\x80\x93 Green\n\n"
			 "**May have slipped: target date passed**\n"), "%s", md);
	cr_assert(strstr(md, "**Status:** A \xe2\x80\x93 Amber\n"));
	/* Status cells are shaded in their colour, with their text. */
	cr_assert(strstr(html, "style=\"background: #FFD966\"><p>A \xe2\x80\x93 Amber</p>"));
	free(md);
	free(html);
}

Test(report, actions_by_owner_overdue_first)
{
	char *md = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_MD, ACT_DAY);
	const char *kp_h = strstr(md, "## Karen Proctor (KP)");
	const char *a1 = strstr(md, "| **25th September 2009 (overdue)** | 1. Project one | "
				"KP to adjust");
	const char *a2 = kp_h ? strstr(kp_h, "| 15th October 2009 | 2. Project two | KP and DD") : NULL;
	const char *a8 = strstr(md, "|  | 1. Project one | KP to type up a crib sheet");

	cr_assert(strstr(md, "Plan ACT: 6 open actions as at 1st October 2009, 3 overdue."));
	cr_assert(kp_h && a1 && a2 && a8 && kp_h < a1 && a1 < a2 && a2 < a8, "%s", md);
	/* Two owners: under both; a typed owner; nobody, last. */
	cr_assert(strstr(md, "## Diane Dawson (DD)\n\n| Due | Item | Action | Raised |\n"
			 "|---|---|---|---|\n| 15th October 2009 | 2. Project two | KP and DD to "
			 "visit the school | 26th June 2009 |\n"), "%s", md);
	cr_assert(strstr(md, "## Schools\n"));
	cr_assert(strstr(md, "## No owner\n") > strstr(md, "## Zo\xc3\xab Ashworth"));
	cr_assert_null(strstr(md, "A done action"));
	cr_assert_null(strstr(md, "A dropped action"));
	free(md);
}

Test(report, actions_overdue_on_fixed_dates)
{
	char line[512];
	char *on = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_CSV, (struct ro){ .today = "2009-09-25" });
	char *after = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_CSV, (struct ro){ .today = "2009-09-26" });

	/* Due today is not overdue yet. */
	cr_assert(csv_line(on, "Karen Proctor (KP),2009-09-25,", line, sizeof line));
	cr_assert(strstr(line, "2009-09-25,,1,"), "%s", line);
	cr_assert(csv_line(after, "Karen Proctor (KP),2009-09-25,", line, sizeof line));
	cr_assert(strstr(line, "2009-09-25,yes,1,"), "%s", line);
	free(on);
	free(after);
}

Test(report, actions_one_owner)
{
	char *byname = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_MD, (struct ro){
		.today = "2009-10-01", .owner = "karen proctor" });
	char *typed = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_CSV, (struct ro){
		.today = "2009-10-01", .owner = "schools" });
	char *nobody = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_MD, (struct ro){
		.today = "2009-10-01", .owner = "Nobody Here" });

	cr_assert(strstr(byname, "3 open actions of karen proctor as at 1st October 2009, 1 overdue."));
	cr_assert_null(strstr(byname, "## Diane Dawson"));
	cr_assert_str_eq(typed, "owner,due,overdue,item,item_title,action,raised\n"
			 "Schools,2009-09-01,yes,1,Project one,Schools to look at attendance data,\n");
	cr_assert(strstr(nobody, "0 open actions of Nobody Here"));
	free(byname);
	free(typed);
	free(nobody);
}

/* CSV goes through the csv.h writer: formula guard, quoting, Excel form. */
Test(report, csv_export_rules)
{
	char *csv = render(PD_REPORT_PROGRESS, "REC", PD_FMT_CSV, REC_DAY);
	char *acts = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_CSV, ACT_DAY);
	char *xl = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_CSV, (struct ro){
		.today = "2009-10-01", .excel = true });

	cr_assert(strstr(csv, ",2016-06-29: =SUM(A1) progressing | slowly *now*,"));
	cr_assert(strstr(acts, ",'+44 line to be checked,"), "%s", acts);
	cr_assert_eq(memcmp(xl, "\xef\xbb\xbfowner,due,", 13), 0);
	cr_assert(strstr(xl, "raised\r\n"));
	cr_assert_null(strstr(acts, "\r"));
	free(csv);
	free(acts);
	free(xl);
}

Test(report, escaping_in_documents)
{
	char *md = render(PD_REPORT_PROGRESS, "REC", PD_FMT_MD, REC_DAY);
	char *html = render(PD_REPORT_PROGRESS, "REC", PD_FMT_HTML, REC_DAY);

	cr_assert(strstr(html, "Raise awareness in schools &amp; with parents &lt;safely&gt;."));
	cr_assert(strstr(md, "Raise awareness in schools & with parents \\<safely\\>."));
	cr_assert(strstr(md, "=SUM(A1) progressing \\| slowly \\*now\\*"));
	/* The lead person's name stands in for an empty lead. */
	cr_assert(strstr(md, "**Link Officer:** Karen Proctor\n"));
	/* A description that repeats the title is shown once, its list kept. */
	cr_assert(strstr(html, "<td><p>Training strategy to:</p><ul><li>Map provision</li>"
			 "<li>Identify gaps</li></ul></td>"), "%s", html);
	free(md);
	free(html);
}

Test(report, errors)
{
	struct pd_report_opts o = { .format = PD_FMT_MD, .today = { 2016, 6, 29 } };
	struct pd_buf b = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct pd_txn *txn;
	enum pd_report_kind k;
	enum pd_format f;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_report(txn, PD_REPORT_PROGRESS, "NOPE", &o, &b, &err), PD_NOTFOUND);
	cr_assert_str_eq(err.msg, "no plan \"NOPE\"");
	o.today.d = 0;
	cr_assert_eq(pd_report(txn, PD_REPORT_PROGRESS, "REC", &o, &b, &err), PD_EINVAL);
	pd_txn_end(txn);
	pd_buf_free(&b);
	cr_assert_eq(pd_report_kind_parse("Monitoring", &k), PD_OK);
	cr_assert_eq(k, PD_REPORT_MONITORING);
	cr_assert_eq(pd_report_kind_parse("minutes", &k), PD_EINVAL);
	cr_assert_eq(pd_format_choose("HTML", NULL, PD_FMTS_REPORT, PD_FMT_MD, &f, &err), PD_OK);
	cr_assert_eq(f, PD_FMT_HTML);
	cr_assert_eq(pd_format_choose("pdf", NULL, PD_FMTS_REPORT, PD_FMT_MD, &f, &err),
		     PD_EINVAL);
	cr_assert(strstr(err.msg, "md, txt, html, csv, docx, odt or xlsx"), "%s", err.msg);
	cr_assert_eq(pd_format_choose(NULL, "/tmp/x.y/report.htm", PD_FMTS_REPORT, PD_FMT_MD,
				      &f, &err), PD_OK);
	cr_assert_eq(f, PD_FMT_HTML);
	cr_assert_eq(pd_format_choose(NULL, "report.XLSX", PD_FMTS_REPORT, PD_FMT_MD, &f, &err),
		     PD_OK);
	cr_assert_eq(f, PD_FMT_XLSX);
	cr_assert_eq(pd_format_choose(NULL, "/tmp/x.html/report", PD_FMTS_REPORT, PD_FMT_MD,
				      &f, &err), PD_OK);
	cr_assert_eq(f, PD_FMT_MD);
	/* An extension of no format, or of one the command does not write. */
	cr_assert_eq(pd_format_choose(NULL, "report.pdf", PD_FMTS_REPORT, PD_FMT_MD, &f, &err),
		     PD_EINVAL);
	cr_assert_eq(pd_format_choose(NULL, "m.xlsx", PD_FMTS_MINUTES, PD_FMT_MD, &f, &err),
		     PD_EINVAL);
	cr_assert(strstr(err.msg, "md, txt, html, docx or odt"), "%s", err.msg);
}

/* The client's one call: a file of mode 0600 holding the same report. */
Test(report, write_file)
{
	struct pd_report_opts o = { .format = PD_FMT_HTML, .today = { 2016, 6, 29 } };
	struct pd_err err = { 0 };
	struct stat sb;
	char path[160], bad[200];
	char *want = render(PD_REPORT_PROGRESS, "REC", PD_FMT_HTML, REC_DAY), *got;

	snprintf(path, sizeof path, "%s/progress.html", tdb.dir);
	cr_assert_eq(pd_report_write(tdb.st, PD_REPORT_PROGRESS, "REC", &o, path, &err),
		     PD_OK, "%s", err.msg);
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	got = slurp(path);
	cr_assert_str_eq(got, want);
	free(got);
	/* A failed report leaves the old file alone. */
	cr_assert_eq(pd_report_write(tdb.st, PD_REPORT_PROGRESS, "NOPE", &o, path, &err),
		     PD_NOTFOUND);
	got = slurp(path);
	cr_assert_str_eq(got, want);
	free(got);
	snprintf(bad, sizeof bad, "%s/no/such/dir/x.html", tdb.dir);
	cr_assert_eq(pd_report_write(tdb.st, PD_REPORT_PROGRESS, "REC", &o, bad, &err),
		     PD_EIO);
	cr_assert(strstr(err.msg, "cannot create"));
	free(want);
}

/* With no options the file's extension chooses the format, and today comes
 * from PLANDESK_TODAY — what the client's ":report actions ACT x.csv" does. */
Test(report, write_file_default_options)
{
	struct pd_err err = { 0 };
	char path[160];
	char *want = render(PD_REPORT_ACTIONS, "ACT", PD_FMT_CSV, ACT_DAY), *got;

	snprintf(path, sizeof path, "%s/actions.csv", tdb.dir);
	setenv("PLANDESK_TODAY", "2009-10-01", 1);
	cr_assert_eq(pd_report_write(tdb.st, PD_REPORT_ACTIONS, "ACT", NULL, path, &err),
		     PD_OK, "%s", err.msg);
	unsetenv("PLANDESK_TODAY");
	got = slurp(path);
	cr_assert_str_eq(got, want);
	free(got);
	free(want);
}

/* With no options an extension of no report format is an error, and
 * nothing is written. */
Test(report, write_file_unknown_extension)
{
	struct pd_err err = { 0 };
	char path[160];
	struct stat sb;

	snprintf(path, sizeof path, "%s/actions.pdf", tdb.dir);
	cr_assert_eq(pd_report_write(tdb.st, PD_REPORT_ACTIONS, "ACT", NULL, path, &err),
		     PD_EINVAL);
	cr_assert(strstr(err.msg, "md, txt, html, csv, docx, odt or xlsx"), "%s", err.msg);
	cr_assert_neq(stat(path, &sb), 0);
}
