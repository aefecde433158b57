/*
 * test_meeting_mode.c — meeting mode on an off-screen screen: attendance
 * by search-as-you-type, a note and an action each saved by Enter alone,
 * the status on an empty line only, Ctrl-T and Ctrl-X, Tab between items,
 * ending with the next date, :minutes, and the half-typed line kept when
 * the view goes away and offered back at the next start.
 */
#include "uitest.h"

#include "plandesk/meeting.h"
#include "plandesk/track.h"
#include "meeting_mode.h"

static uint64_t plan, item1, item2, kp, dd, meeting;

static void fixture(void)
{
	struct pd_meeting_spec spec;
	struct pd_record r;

	ut_setup();
	setenv("PLANDESK_TODAY", "2009-06-26", 1);
	setenv("PLANDESK_DRAFT_IDLE_MS", "0", 1);   /* keep drafts at every tick */
	plan = tdb_add(make_plan("C3P", "Cluster 3 partnership projects"));
	r = make_item(plan, "1", "Child protection training");
	pd_set_int(&r, PD_ITEM_POSITION, 1);
	item1 = tdb_add(r);
	r = make_item(plan, "2", "Who's who directory");
	pd_set_int(&r, PD_ITEM_POSITION, 2);
	item2 = tdb_add(r);
	kp = tdb_add(make_person("Karen Proctor", "KP", "kp@example.org", 0));
	dd = tdb_add(make_person("Diane Dawson", "DD", "dd@example.org", 0));
	spec = (struct pd_meeting_spec){ .plan = plan, .date = "2009-06-26" };
	cr_assert_eq(pd_meeting_start(tdb.st, &spec, &meeting, NULL, NULL), PD_OK);
}

static void teardown(void)
{
	unsetenv("PLANDESK_DRAFT_IDLE_MS");
	ut_teardown();
}

TestSuite(meeting_mode, .init = fixture, .fini = teardown);

/* Open meeting mode the way a user does: 3 Meetings, m. */
static void open_mode(void)
{
	ut_start();
	ut_key('3');
	ut_assert_shows("2009-06-26");
	ut_key('m');
}

static size_t count(enum pd_kind kind)
{
	return tdb_count(kind);
}

Test(meeting_mode, attendance_by_typing_then_notes_and_actions)
{
	struct pd_record m;

	open_mode();
	ut_assert_shows("Attendance: 0 present");
	ut_type("kar");
	ut_assert_shows("Karen Proctor (KP)");
	ut_key(UI_ENTER);
	ut_assert_shows("Karen Proctor (KP): present");
	ut_type("dian");
	ut_key(UI_CTRL('X'));
	ut_type("Jo Bloggs");
	ut_assert_shows("add \xe2\x80\x9cJo Bloggs\xe2\x80\x9d");
	ut_key(UI_ENTER);
	ut_assert_shows("Attendance: 2 present, 1 sent apologies");
	cr_assert_eq(tdb_get(PD_MEETING, meeting, &m), PD_OK);
	cr_assert_eq(pd_meeting_attendance(&m, kp), PD_ATTEND_PRESENT);
	cr_assert_eq(pd_meeting_attendance(&m, dd), PD_ATTEND_APOLOGIES);
	cr_assert_str_eq(pd_get_text(&m, PD_MEETING_PRESENT_OTHER), "Jo Bloggs");
	pd_record_clear(&m);

	ut_key(UI_TAB);
	ut_assert_shows("1. Child protection training");
	/* A note costs nothing but the text and Enter. */
	ut_type("Training booked for October");
	ut_key(UI_ENTER);
	ut_assert_shows("\xc2\xb7 Training booked for October");
	cr_assert_eq(count(PD_UPDATE), 1);
	/* An action with its owner is one typed line; the preview says so. */
	ut_type("KP to e-mail the course details");
	ut_assert_shows("Enter saves an action for KP");
	ut_key(UI_ENTER);
	ut_assert_shows("KP to e-mail the course details  \xe2\x80\x94 Karen Proctor");
	cr_assert_eq(count(PD_ACTION), 1);
	cr_assert_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, kp), 1, "owned by KP");
	/* Ctrl-T turns the selected (just typed) action into a note and back. */
	ut_key(UI_CTRL('T'));
	cr_assert_eq(count(PD_ACTION), 0);
	cr_assert_eq(count(PD_UPDATE), 2);
	ut_key(UI_CTRL('T'));
	cr_assert_eq(count(PD_ACTION), 1);
	/* Ctrl-X ticks it. */
	ut_key(UI_CTRL('X'));
	ut_assert_shows("[x] KP to e-mail");
}

Test(meeting_mode, digits_set_the_status_only_on_an_empty_line)
{
	struct pd_record it;
	struct pd_agenda ag;
	struct pd_txn *txn;

	open_mode();
	ut_key(UI_TAB);
	ut_key('2');
	ut_assert_shows("2 On track");
	cr_assert_eq(tdb_get(PD_ITEM, item1, &it), PD_OK);
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_STATUS), "2");
	pd_record_clear(&it);
	/* In the middle of a line a digit is text. */
	ut_type("Met 3 schools");
	ut_key(UI_ENTER);
	cr_assert_eq(tdb_get(PD_ITEM, item1, &it), PD_OK);
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_STATUS), "2");
	pd_record_clear(&it);
	/* A space first lets a note begin with a digit; it is not kept. */
	ut_type(" 4 new staff trained");
	ut_key(UI_ENTER);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_agenda_load(txn, meeting, item1, &ag, NULL), PD_OK);
	pd_txn_end(txn);
	cr_assert_eq(ag.notes.n, 2, "the status-only update took the first note");
	cr_assert_str_eq(pd_get_text(&ag.notes.r[0], PD_UPDATE_TEXT), "Met 3 schools");
	cr_assert_str_eq(pd_get_text(&ag.notes.r[1], PD_UPDATE_TEXT), "4 new staff trained");
	cr_assert_str_eq(ag.status, "2");
	pd_agenda_free(&ag);
	/* 0 clears. */
	ut_key('0');
	cr_assert_eq(tdb_get(PD_ITEM, item1, &it), PD_OK);
	cr_assert_not(pd_is_set(&it, PD_ITEM_STATUS));
	pd_record_clear(&it);
}

Test(meeting_mode, tab_walks_the_agenda_and_ctrl_g_jumps)
{
	open_mode();
	ut_key(UI_TAB);
	ut_assert_shows("item 1 of 2");
	ut_key(UI_TAB);
	ut_assert_shows("2. Who's who directory");
	ut_key(UI_TAB);
	ut_assert_shows("last item");
	ut_key(UI_FN(KEY_BTAB));
	ut_assert_shows("1. Child protection training");
	ut_key(UI_FN(KEY_BTAB));
	ut_assert_shows("Attendance:");
	ut_key(UI_CTRL('G'));
	ut_type("2");
	ut_key(UI_ENTER);
	ut_assert_shows("2. Who's who directory");
	/* Text typed so far stays in the line when moving. */
	ut_type("half");
	ut_key(UI_FN(KEY_PPAGE));
	ut_assert_shows("> half");
}

Test(meeting_mode, a_to_do_from_the_last_meeting_is_ticked)
{
	struct pd_meeting_spec spec = { .plan = plan, .date = "2009-05-15" };
	struct pd_recorded r;
	struct pd_record a;
	uint64_t m1;

	cr_assert_eq(pd_meeting_start(tdb.st, &spec, &m1, NULL, NULL), PD_OK);
	cr_assert_eq(pd_meeting_record(tdb.st, m1, item1, "DD to ask Homestart", &r, NULL),
		     PD_OK);
	cr_assert_eq(pd_meeting_record(tdb.st, m1, item1, "Plan for November", NULL, NULL),
		     PD_OK);
	pd_meeting_attend(tdb.st, meeting, kp, PD_ATTEND_PRESENT, NULL);
	open_mode();   /* someone is recorded: straight to item 1 */
	ut_assert_shows("Last meeting, 15th May 2009");
	ut_assert_shows("\xc2\xb7 Plan for November");
	ut_assert_shows("[ ] DD to ask Homestart");
	ut_key(UI_CTRL('X'));   /* the first open to-do is selected */
	ut_assert_shows("[x] DD to ask Homestart");
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_STATE), "done");
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_CLOSED), "2009-06-26");
	pd_record_clear(&a);
}

Test(meeting_mode, end_with_the_next_date_then_minutes)
{
	char path[256];
	FILE *f;
	char buf[8192];
	size_t n;

	open_mode();
	ut_key(UI_TAB);
	ut_type("KP to adjust and e-mail organisation");
	ut_key(UI_ENTER);
	ut_key(UI_FN(KEY_F(10)));
	ut_assert_shows("Next meeting (date, or empty):");
	ut_type("18/09/2009");
	ut_key(UI_ENTER);
	ut_assert_shows("has ended");
	ut_assert_shows("1 new action, due 18th September 2009");
	snprintf(path, sizeof path, "%s/min.html", tdb.dir);
	ut_key(':');
	ut_type("minutes ");
	ut_type(path);
	ut_key(UI_ENTER);
	ut_assert_shows("Minutes written to");
	cr_assert_not_null(f = fopen(path, "r"));
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	cr_assert(strstr(buf, "<li>KP to adjust and e-mail organisation</li>"), "%s", buf);
	cr_assert(strstr(buf, "18th September 2009"));
}

/* The line kept for `item` ("" none), and the item on screen. */
static const char *kept(uint64_t item, uint64_t *on)
{
	static char buf[512];
	struct pd_draft d;

	buf[0] = '\0';
	if (pd_draft_load(tdb.st, meeting, &d, NULL) != PD_OK)
		return buf;
	for (size_t i = 0; i < d.n; i++)
		if (d.lines[i].item == item)
			snprintf(buf, sizeof buf, "%s", d.lines[i].text);
	if (on)
		*on = d.item;
	pd_draft_free(&d);
	return buf;
}

Test(meeting_mode, the_half_typed_line_is_kept_and_offered_back)
{
	open_mode();
	ut_key(UI_TAB);
	ut_key(UI_TAB);
	ut_type("KP to adj");
	app_poll(&ut.app);   /* an idle tick (idle time 0 in this test) */
	cr_assert_str_eq(kept(item2, NULL), "KP to adj");
	ut_type("ust");
	/* The program stops (SIGHUP ends the loop, then the views are freed). */
	app_free(&ut.app);
	ut.started = false;
	cr_assert_str_eq(kept(item2, NULL), "KP to adjust");
	/* The next start goes straight back to it. */
	ut_start();
	ut_assert_shows("The line you were typing is back");
	ut_assert_shows("> KP to adjust");
	ut_assert_shows("2. Who's who directory");
	ut_type(" and e-mail organisation");
	ut_key(UI_ENTER);
	cr_assert_str_eq(kept(item2, NULL), "");
	cr_assert_eq(count(PD_ACTION), 1);
}

Test(meeting_mode, help_lists_the_meeting_keys)
{
	open_mode();
	ut_key(UI_TAB);
	ut_key('?');
	ut_assert_shows("Meeting mode");
	ut_assert_shows("turn the selected note into an action, or back");
	ut_assert_shows("Ctrl-T");
	ut_assert_shows("F10");
	ut_key(UI_ESC);
	/* In the middle of a line, ? is text. */
	ut_type("Any questions?");
	ut_assert_shows("> Any questions?");
}

Test(meeting_mode, fits_80x24_and_says_when_too_small)
{
	open_mode();
	ut_key(UI_TAB);
	ut_assert_shows("> ");
	ut_resize(8, 30);
	ut_assert_shows("Terminal too small");
	ut_resize(24, 80);
	ut_assert_shows("1. Child protection training");
}
