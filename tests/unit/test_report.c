/*
 * test_report.c — the committee reports (report.h) and their document
 * helpers (doc.h), on fixture plans built through the core API:
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
#include "testdb.h"

#include <sys/stat.h>

#include "htmlcheck.h"
#include "plandesk/base/date.h"
#include "plandesk/documents/doc.h"
#include "plandesk/documents/report.h"

static uint64_t kp, dd;

/* --- fixtures ------------------------------------------------------------- */

static uint64_t add_plan(const char *ref, const char *title, const char *scale)
{
	struct pd_record r = make_plan(ref, title);

	pd_set_text(&r, PD_PLAN_SCALE, scale, (size_t)-1);
	return tdb_add(r);
}

static uint64_t add_theme(uint64_t plan, const char *name, int pos)
{
	struct pd_record r;

	pd_record_init(&r, PD_THEME);
	pd_set_ref(&r, PD_THEME_PLAN, plan);
	pd_set_text(&r, PD_THEME_NAME, name, (size_t)-1);
	pd_set_int(&r, PD_THEME_POSITION, pos);
	return tdb_add(r);
}

struct it {
	uint64_t    parent, theme;
	const char *desc, *lead, *target, *completed, *status;
	uint64_t    lead_person;
};

static uint64_t add_item(uint64_t plan, int pos, const char *ref, const char *title,
			 struct it o)
{
	struct pd_record r = make_item(plan, ref, title);
	struct pd_date d;

	pd_set_int(&r, PD_ITEM_POSITION, pos);
	pd_set_ref(&r, PD_ITEM_PARENT, o.parent);
	pd_set_ref(&r, PD_ITEM_THEME, o.theme);
	pd_set_ref(&r, PD_ITEM_LEAD_PERSON, o.lead_person);
	pd_set_text(&r, PD_ITEM_DESCRIPTION, o.desc, (size_t)-1);
	pd_set_text(&r, PD_ITEM_LEAD, o.lead, (size_t)-1);
	pd_set_text(&r, PD_ITEM_COMPLETED, o.completed, (size_t)-1);
	pd_set_text(&r, PD_ITEM_STATUS, o.status, (size_t)-1);
	if (o.target) {
		char iso[PD_DATE_ISO_SIZE];
		pd_set_text(&r, PD_ITEM_TARGET, o.target, (size_t)-1);
		if (pd_date_parse(o.target, &d, NULL) == PD_OK) {
			pd_date_iso(&d, iso);
			pd_set_text(&r, PD_ITEM_TARGET_DATE, iso, (size_t)-1);
		}
	}
	return tdb_add(r);
}

static void add_update(uint64_t item, const char *date, const char *text,
		       const char *status)
{
	struct pd_record r;

	pd_record_init(&r, PD_UPDATE);
	pd_set_ref(&r, PD_UPDATE_ITEM, item);
	pd_set_text(&r, PD_UPDATE_DATE, date, (size_t)-1);
	pd_set_text(&r, PD_UPDATE_TEXT, text, (size_t)-1);
	pd_set_text(&r, PD_UPDATE_STATUS, status, (size_t)-1);
	tdb_add(r);
}

struct act {
	const char *owner, *due, *state, *closed;
	uint64_t    who1, who2, raised;
};

static void add_action(uint64_t item, int pos, const char *text, struct act o)
{
	struct pd_record r;

	pd_record_init(&r, PD_ACTION);
	pd_set_ref(&r, PD_ACTION_ITEM, item);
	pd_set_int(&r, PD_ACTION_POSITION, pos);
	pd_set_text(&r, PD_ACTION_TEXT, text, (size_t)-1);
	pd_set_text(&r, PD_ACTION_OWNER, o.owner, (size_t)-1);
	pd_set_text(&r, PD_ACTION_DUE, o.due, (size_t)-1);
	pd_set_text(&r, PD_ACTION_STATE, o.state, (size_t)-1);
	pd_set_text(&r, PD_ACTION_CLOSED, o.closed, (size_t)-1);
	if (o.who1)
		pd_refs_add(&r, PD_ACTION_OWNERS, o.who1);
	if (o.who2)
		pd_refs_add(&r, PD_ACTION_OWNERS, o.who2);
	pd_set_ref(&r, PD_ACTION_RAISED, o.raised);
	tdb_add(r);
}

/* Plan REC: a committee's recommendation tracker (as the sample's CSE). */
static void fixture_rec(void)
{
	uint64_t p = add_plan("REC", "Progress Update \xe2\x80\x93 Test Committee", "1-4");
	uint64_t i1, i2, i3, i4, i4a, i4b, i5, i6, i8;

	i1 = add_item(p, 1, "1", "Review the membership of the group.", (struct it){
		.lead = "Chair of VEMT", .target = "2015-08-01",
		.completed = "2015-09-03", .status = "1" });
	add_update(i1, "2016-06-29", "Achieved. Membership increased.", "1");
	i2 = add_item(p, 2, "2", "Raise awareness in schools & with parents <safely>.",
		      (struct it){ .lead_person = kp, .target = "2015-09", .status = "2" });
	add_update(i2, "2016-06-29", "On track.\nSchools briefed.\n"
		   "- Chelsea\xe2\x80\x99s Choice booked\n- Audit tool circulated", "2");
	i3 = add_item(p, 3, "3", "Develop early support services.", (struct it){
		.lead = "Chair of CYPHWCG",
		.target = "Post completion of JSNA September 2015", .status = "3" });
	add_update(i3, "2016-03-30", "Design under way.", "2");
	add_update(i3, "2016-06-29", "Delayed by the JSNA.", "3");
	i4 = add_item(p, 4, "4", "Training strategy", (struct it){
		.desc = "Training strategy to:\n- Map provision\n- Identify gaps" });
	i4a = add_item(p, 5, "4a", "Map provision", (struct it){ .parent = i4,
		.lead = "Training Group", .target = "2015-11-01", .status = "3" });
	add_update(i4a, "2016-06-29", "=SUM(A1) progressing | slowly *now*", "3");
	i4b = add_item(p, 6, "4b", "Mandatory training", (struct it){ .parent = i4,
		.lead = "Head of Democratic Services", .completed = "2015-05-19",
		.status = "1" });
	add_update(i4b, "2016-06-29", "Achieved.", "1");
	i5 = add_item(p, 7, "5", "Parent with a shared assessment", (struct it){
		.target = "2017-01-01", .status = "2" });
	add_update(i5, "2016-06-29", "On track overall.", "2");
	add_item(p, 8, "5a", "Part a", (struct it){ .parent = i5,
		.lead = "Head of Schools", .status = "2" });
	i6 = add_item(p, 9, "6", "Not achieved item", (struct it){
		.target = "2016-01-01", .status = "4" });
	add_update(i6, "2015-12-01", "Started.", "2");
	add_update(i6, "2016-02-01", "Stalled.", "3");
	add_update(i6, "2016-06-29", "Abandoned.", "4");
	add_item(p, 10, "7", "New item not yet assessed", (struct it){
		.target = "2016-05-01" });
	i8 = add_item(p, 11, "8", "Assessed by a status-only update", (struct it){ 0 });
	add_update(i8, "2016-06-29", "Status: On track", "2");
	add_update(i8, "2016-06-29", "Checked in.", NULL);
}

/* Plan BP: a business plan monitored by theme (as the sample's C3BP). */
static void fixture_bp(void)
{
	uint64_t p = add_plan("BP", "Test Business Plan 2009 \xe2\x80\x93 2011", "rag");
	uint64_t bh = add_theme(p, "Be Healthy", 1), bs = add_theme(p, "Be Safe", 2);
	uint64_t bh1, bh2, bs1, bs2, bs2a;

	bh1 = add_item(p, 1, "BH1", "Improve parental fitness", (struct it){
		.theme = bh, .status = "G" });
	add_action(bh1, 1, "Develop case studies", (struct act){ .owner = "KP",
		   .due = "2009-09-25" });
	add_action(bh1, 2, "Link to PCT", (struct act){ .state = "done",
		   .closed = "2009-05-15" });
	add_action(bh1, 3, "An action that was dropped", (struct act){ .state = "dropped" });
	add_update(bh1, "2009-06-03", "Link to PCT staff.\nSubmission to AIT.", "G");
	bh2 = add_item(p, 2, "BH2", "Sexual health advice", (struct it){ .theme = bh,
		.target = "2009-05-01", .status = "A" });
	add_update(bh2, "2009-06-03", "2 MAC places in development.", NULL);
	bs1 = add_item(p, 3, "BS1", "Level 1 child protection training", (struct it){
		.theme = bs, .target = "2009-06-01", .status = "G" });
	add_update(bs1, "2009-05-15", "Course registered.", NULL);
	add_update(bs1, "2009-06-26", "Group training agreed.", NULL);
	bs2 = add_item(p, 4, "BS2", "Who\xe2\x80\x99s who directory", (struct it){ .theme = bs });
	add_update(bs2, "2009-06-03", "Directory link discussed.", NULL);
	bs2a = add_item(p, 5, "BS2a", "Directory template", (struct it){ .parent = bs2 });
	add_action(bs2a, 1, "Send the template", (struct act){ .owner = "DD" });
	add_item(p, 6, "X1", "Unthemed priority", (struct it){ 0 });
}

/* Plan ACT: open actions with every kind of owner. */
static void fixture_act(void)
{
	uint64_t p = add_plan("ACT", "Test Partnership Projects", "1-4");
	uint64_t zoe = tdb_add(make_person("Zo\xc3\xab Ashworth", NULL, NULL, 0));
	uint64_t i1 = add_item(p, 1, "1", "Project one", (struct it){ 0 });
	uint64_t i2 = add_item(p, 2, "2", "Project two", (struct it){ 0 });
	struct pd_record m;
	uint64_t mid;

	pd_record_init(&m, PD_MEETING);
	pd_set_ref(&m, PD_MEETING_PLAN, p);
	pd_set_text(&m, PD_MEETING_DATE, "2009-06-26", (size_t)-1);
	mid = tdb_add(m);
	add_action(i1, 1, "KP to adjust and e-mail organisation", (struct act){
		.owner = "KP", .who1 = kp, .due = "2009-09-25", .raised = mid });
	add_action(i2, 1, "KP and DD to visit the school", (struct act){
		.owner = "KP; DD", .who1 = kp, .who2 = dd, .due = "2009-10-15",
		.raised = mid });
	add_action(i1, 2, "Schools to look at attendance data", (struct act){
		.owner = "Schools", .due = "2009-09-01" });
	add_action(i2, 2, "Circulate the leaflet", (struct act){ 0 });
	add_action(i1, 3, "A done action", (struct act){ .who1 = kp, .state = "done" });
	add_action(i2, 3, "A dropped action", (struct act){ .who1 = dd, .state = "dropped" });
	add_action(i2, 4, "+44 line to be checked", (struct act){ .who1 = zoe,
		.due = "2009-08-01" });
	add_action(i1, 4, "KP to type up a crib sheet", (struct act){ .who1 = kp });
}

static void setup(void)
{
	tdb_setup();
	unsetenv("PLANDESK_TODAY");
	kp = tdb_add(make_person("Karen Proctor", "KP", "kp@example.org", 0));
	dd = tdb_add(make_person("Diane Dawson", "DD", "dd@example.org", 0));
	fixture_rec();
	fixture_bp();
	fixture_act();
}

TestSuite(report, .init = setup, .fini = tdb_teardown);

/* --- helpers -------------------------------------------------------------- */

struct ro {
	const char        *today, *since, *owner;
	bool               excel;
	enum pd_date_style style;
};

/* The report as a malloc'd string; asserts success. */
static char *render(enum pd_report_kind k, const char *ref, enum pd_format f,
		    struct ro o)
{
	struct pd_report_opts opts = { .format = f, .owner = o.owner, .excel = o.excel,
				       .date_style = o.style };
	struct pd_buf b = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct pd_txn *txn;
	int rc;

	if (o.today)
		cr_assert_eq(pd_date_parse(o.today, &opts.today, NULL), PD_OK);
	if (o.since)
		cr_assert_eq(pd_date_parse(o.since, &opts.since, NULL), PD_OK);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_report(txn, k, ref, &opts, &b, &err);
	pd_txn_end(txn);
	cr_assert_eq(rc, PD_OK, "pd_report %s: %d %s", ref, rc, err.msg);
	cr_assert_not_null(b.p);
	return b.p;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			p = realloc(p, cap + 1);
			cr_assert_not_null(p);
		}
		got = fread(p + n, 1, cap - n, f);
		n += got;
	} while (got);
	fclose(f);
	p[n] = '\0';
	return p;
}

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

#define REC_DAY  (struct ro){ .today = "2016-06-29" }
#define BP_DAY   (struct ro){ .today = "2009-06-30" }
#define ACT_DAY  (struct ro){ .today = "2009-10-01" }

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
