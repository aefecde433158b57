/*
 * test_retention.c — legal holds and purges on a real store: a hold
 * stops deletes, purges and undo from destroying anything of its plan,
 * undo never lifts it; a purge removes the plan whole in one write that
 * cannot be undone, leaves `check` clean and no copy in the journal; each
 * is recorded; and the retention report lists what is due, held, undated
 * and unverified.
 */
#include "testdb.h"
#include "rawdb.h"

#include "plandesk/documents/report.h"
#include "plandesk/meetings/meeting.h"
#include "plandesk/protect/retention.h"
#include "plandesk/records/check.h"

TestSuite(retention, .init = tdb_setup, .fini = tdb_teardown);

static uint64_t plan, item, sub, action, update, meeting;

/* Plan CSE: an item with a sub-item, an action, an update and a meeting. */
static void cse(void)
{
	struct pd_meeting_spec ms = { .date = "2016-06-29" };
	struct pd_record r;

	plan = tdb_add(make_plan("CSE", "Child sexual exploitation"));
	item = tdb_add(make_item(plan, "1", "Training"));
	r = make_item(plan, "1a", "Schools");
	pd_set_ref(&r, PD_ITEM_PARENT, item);
	sub = tdb_add(r);
	pd_record_init(&r, PD_ACTION);
	pd_set_ref(&r, PD_ACTION_ITEM, sub);
	pd_set_text(&r, PD_ACTION_TEXT, "KP to book the hall", (size_t)-1);
	action = tdb_add(r);
	pd_record_init(&r, PD_UPDATE);
	pd_set_ref(&r, PD_UPDATE_ITEM, item);
	pd_set_text(&r, PD_UPDATE_DATE, "2016-06-29", (size_t)-1);
	pd_set_text(&r, PD_UPDATE_TEXT, "Delivered to 40 staff.", (size_t)-1);
	update = tdb_add(r);
	ms.plan = plan;
	cr_assert_eq(pd_meeting_start(tdb.st, &ms, &meeting, NULL, NULL), PD_OK);
	cr_assert_eq(pd_draft_open(tdb.st, meeting, item, NULL), PD_OK);
}

static void hold(const char *reason)
{
	struct pd_disclosure d = { .command = "hold", .reason = reason };
	struct pd_err err = { 0 };

	cr_assert_eq(pd_hold(tdb.st, plan, reason, &d, &err), PD_OK, "%s", err.msg);
}

static char *hold_of(void)
{
	struct pd_record p;
	char *s;

	cr_assert_eq(tdb_get(PD_PLAN, plan, &p), PD_OK);
	s = strdup(pd_get_text(&p, PD_PLAN_HOLD));
	pd_record_clear(&p);
	return s;
}

static size_t entries;

static int count_entry(void *ctx, const struct pd_disclosure *d)
{
	(void)ctx; (void)d;
	entries++;
	return PD_OK;
}

static size_t recorded(void)
{
	entries = 0;
	cr_assert_eq(pd_disclosure_each(tdb.st, 0, count_entry, NULL, NULL), PD_OK);
	return entries;
}

Test(retention, a_hold_stops_deletes_and_undo_never_lifts_it)
{
	struct pd_disclosure d = { .command = "hold --lift" };
	struct pd_err err = { 0 };
	size_t nundo, nredo;
	char *s;

	cse();
	tdb_set_text(PD_PLAN, plan, PD_PLAN_TITLE, "CSE (renamed)");
	hold("IICSA direction");
	cr_assert_eq(recorded(), 1);
	cr_assert_eq(pd_store_history(tdb.st, &nundo, &nredo, NULL, 0, NULL), PD_OK);
	/* Nothing of the plan can be deleted: the plan, a sub-item's action. */
	cr_assert_eq(tdb_del(PD_PLAN, plan, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "plan CSE is under a legal hold (IICSA direction): "
			 "nothing of it may be deleted until the hold is lifted");
	cr_assert_eq(tdb_del(PD_ACTION, action, &err), PD_EINVAL);
	cr_assert(strstr(err.msg, "plan CSE is under a legal hold"), "%s", err.msg);
	cr_assert(tdb_count(PD_ACTION) == 1 && tdb_count(PD_ITEM) == 2);
	/* Undoing the rename before the hold puts the old title back, and
	 * keeps the hold. */
	tdb_undo();
	s = hold_of();
	cr_assert_str_eq(s, "IICSA direction");
	free(s);
	/* Undoing the meeting's start would delete it: refused whole. */
	cr_assert_eq(pd_store_undo(tdb.st, NULL, 0, &err), PD_EINVAL);
	cr_assert(strstr(err.msg, "under a legal hold"), "%s", err.msg);
	cr_assert_eq(tdb_count(PD_MEETING), 1);
	/* Lifted: it is recorded, and deletes work again. */
	cr_assert_eq(pd_hold(tdb.st, plan, NULL, &d, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_hold(tdb.st, plan, NULL, &d, &err), PD_EEMPTY);
	cr_assert_eq(recorded(), 2);
	cr_assert_eq(tdb_del(PD_ACTION, action, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_hold(tdb.st, plan, "", &d, &err), PD_EINVAL);
	cr_assert_eq(pd_hold(tdb.st, plan, "two\nlines", &d, &err), PD_EINVAL);
}

/* What an undo journal key holds for `id` in entry `seq` (raw). */
static bool journal_mentions(uint64_t id)
{
	struct raw raw;
	MDB_cursor *c;
	MDB_val k, v;
	bool found = false;
	int rc;

	raw_begin(&raw);
	cr_assert_eq(mdb_cursor_open(raw.txn, raw_dbi(&raw, "undo", 0), &c), 0);
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT))
		if (k.mv_size == 16 && pd_get_be64((unsigned char *)k.mv_data + 8) == id)
			found = true;
	mdb_cursor_close(c);
	raw_commit(&raw);
	return found;
}

Test(retention, a_purge_removes_the_plan_whole_and_for_good)
{
	struct pd_disclosure d = { .command = "purge", .reason = "kept six years" };
	struct pd_purge_counts c;
	struct pd_err err = { 0 };
	struct pd_record p;
	struct pd_txn *txn;
	uint64_t other = tdb_add(make_plan("C3P", "Another plan")), gone;
	size_t problems = 9, nundo, nredo;

	cse();
	/* An item deleted earlier is in the journal only. */
	gone = tdb_add(make_item(plan, "9", "Deleted last week"));
	cr_assert_eq(tdb_del(PD_ITEM, gone, &err), PD_OK);
	tdb_set_text(PD_UPDATE, update, PD_UPDATE_TEXT, "Delivered to 41 staff.");
	cr_assert(journal_mentions(update) && journal_mentions(gone));
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_purge_count(txn, plan, &c, &err), PD_OK, "%s", err.msg);
	pd_txn_end(txn);
	cr_assert(c.items == 2 && c.actions == 1 && c.updates == 1 && c.meetings == 1 &&
		  c.themes == 0, "%zu %zu %zu %zu", c.items, c.actions, c.updates, c.meetings);
	hold("inspection");
	cr_assert_eq(pd_purge(tdb.st, plan, &d, &c, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "plan CSE is under a legal hold (inspection); "
			 "nothing was removed");
	cr_assert_eq(tdb_count(PD_ITEM), 2);
	d.command = "hold --lift";
	cr_assert_eq(pd_hold(tdb.st, plan, NULL, &d, &err), PD_OK);
	d.command = "purge";
	cr_assert_eq(pd_purge(tdb.st, plan, &d, &c, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(d.rows, 6, "the plan, two items, an action, an update, a meeting");
	cr_assert(tdb_count(PD_PLAN) == 1 && tdb_count(PD_ITEM) == 0 &&
		  tdb_count(PD_ACTION) == 0 && tdb_count(PD_UPDATE) == 0 &&
		  tdb_count(PD_MEETING) == 0);
	cr_assert_eq(tdb_get(PD_PLAN, other, &p), PD_OK, "the other plan is whole");
	pd_record_clear(&p);
	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &problems, NULL), PD_OK);
	cr_assert_eq(problems, 0);
	cr_assert_eq(pd_draft_find(tdb.st, &gone, NULL), PD_NOTFOUND, "its meeting's drafts");
	cr_assert_eq(recorded(), 3);
	/* No undo step of its own, and no copy left for undo to bring back. */
	cr_assert(!journal_mentions(update) && !journal_mentions(item) &&
		  !journal_mentions(gone), "the journal keeps nothing of it");
	cr_assert_eq(pd_store_history(tdb.st, &nundo, &nredo, NULL, 0, NULL), PD_OK);
	cr_assert_eq(nredo, 0);
	while (pd_store_undo(tdb.st, NULL, 0, NULL) == PD_OK)
		;
	cr_assert(tdb_count(PD_ITEM) == 0 && tdb_count(PD_UPDATE) == 0,
		  "undoing everything brings none of it back");
	cr_assert_eq(pd_purge(tdb.st, plan, &d, &c, &err), PD_NOTFOUND);
}

static char *retention(enum pd_format fmt)
{
	struct pd_report_opts o = { .format = fmt, .today = { 2027, 1, 10 }, .months = 12 };
	struct pd_buf b = PD_BUF_INIT;
	struct pd_txn *txn;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_report(txn, PD_REPORT_RETENTION, NULL, &o, &b, &err), PD_OK,
		     "%s", err.msg);
	pd_txn_end(txn);
	pd_buf_putc(&b, '\0');
	return b.p;
}

Test(retention, the_report_lists_what_is_due_held_undated_and_unverified)
{
	struct pd_record r;
	char *s;

	r = make_plan("OLD", "Done with");
	pd_set_text(&r, PD_PLAN_RETAIN, "2026-12-31", (size_t)-1);
	tdb_add(r);
	r = make_plan("MONTH", "Kept to a month");
	pd_set_text(&r, PD_PLAN_RETAIN, "2027-01", (size_t)-1);
	tdb_add(r);
	r = make_plan("KEEP", "Kept longer");
	pd_set_text(&r, PD_PLAN_RETAIN, "2030-01-01", (size_t)-1);
	tdb_add(r);
	cse();
	hold("IICSA direction");
	r = make_person("Kath Pike", "KP", "kp@example.org", 0);
	pd_set_text(&r, PD_PERSON_VERIFIED, "2025-06-01", (size_t)-1);
	tdb_add(r);
	r = make_person("Dave Dean", "DD", "dd@example.org", 0);
	pd_set_text(&r, PD_PERSON_VERIFIED, "2026-06-01", (size_t)-1);
	tdb_add(r);
	tdb_add(make_person("Ann Other", NULL, NULL, 0));
	s = retention(PD_FMT_MD);
	cr_assert(strstr(s, "## Plans past their retention date\n\n| Plan | Title | Retain "
			 "until | Note |\n|---|---|---|---|\n| OLD | Done with | 31st December "
			 "2026 | may be purged |\n\n"), "%s", s);
	cr_assert(strstr(s, "| CSE | Child sexual exploitation | IICSA direction |"), "%s", s);
	cr_assert(strstr(s, "## Plans with no retention date\n"), "%s", s);
	cr_assert(strstr(s, "| CSE | Child sexual exploitation | held |"), "%s", s);
	cr_assert(strstr(s, "## People not verified for 12 months"), "%s", s);
	cr_assert(strstr(s, "| Kath Pike | 1st June 2025 |  |"), "no organisation column: %s", s);
	cr_assert(strstr(s, "| Ann Other |  | never |"), "%s", s);
	cr_assert(!strstr(s, "Dave Dean") && !strstr(s, "KEEP") && !strstr(s, "MONTH"), "%s", s);
	free(s);
	s = retention(PD_FMT_CSV);
	cr_assert(strstr(s, "list,ref or name,title or organisation,date,note\n"
			 "past retention date,OLD,Done with,2026-12-31,may be purged\n"), "%s", s);
	cr_assert(strstr(s, "legal hold,CSE,Child sexual exploitation,,IICSA direction\n"), "%s", s);
	cr_assert(strstr(s, "not verified,Ann Other,,,never\n"), "%s", s);
	free(s);
}
