/*
 * reporttest.h — the fixture plans REC, BP and ACT (see test_report.c) and
 * the helpers shared by the test_report*.c programs.
 */
#ifndef REPORTTEST_H
#define REPORTTEST_H

#include "testdb.h"

#include <sys/stat.h>

#include "htmlcheck.h"
#include "plandesk/base/date.h"
#include "plandesk/documents/doc.h"
#include "plandesk/documents/report.h"

static uint64_t kp, dd;

/* --- fixtures ------------------------------------------------------------- */

static inline uint64_t add_plan(const char *ref, const char *title, const char *scale)
{
	struct pd_record r = make_plan(ref, title);

	pd_set_text(&r, PD_PLAN_SCALE, scale, (size_t)-1);
	return tdb_add(r);
}

static inline uint64_t add_theme(uint64_t plan, const char *name, int pos)
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

static inline uint64_t add_item(uint64_t plan, int pos, const char *ref, const char *title,
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

static inline void add_update(uint64_t item, const char *date, const char *text,
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

static inline void add_action(uint64_t item, int pos, const char *text, struct act o)
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
static inline void fixture_rec(void)
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
static inline void fixture_bp(void)
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
static inline void fixture_act(void)
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

static inline void setup(void)
{
	tdb_setup();
	unsetenv("PLANDESK_TODAY");
	kp = tdb_add(make_person("Karen Proctor", "KP", "kp@example.org", 0));
	dd = tdb_add(make_person("Diane Dawson", "DD", "dd@example.org", 0));
	fixture_rec();
	fixture_bp();
	fixture_act();
}

/* --- helpers -------------------------------------------------------------- */

struct ro {
	const char        *today, *since, *owner;
	bool               excel;
	enum pd_date_style style;
};

/* The report as a malloc'd string; asserts success. */
static inline char *render(enum pd_report_kind k, const char *ref, enum pd_format f,
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

static inline char *slurp(const char *path)
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

#define REC_DAY  (struct ro){ .today = "2016-06-29" }
#define BP_DAY   (struct ro){ .today = "2009-06-30" }
#define ACT_DAY  (struct ro){ .today = "2009-10-01" }

#endif
