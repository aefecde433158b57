/*
 * test_meeting_mode.c — meeting mode on an off-screen screen: attendance
 * by search-as-you-type, a note and an action each saved by Enter alone,
 * typing that is only typing (digits, ?, :), the status on Alt-digits and
 * the Esc menu, due dates read from the line, editing a typed line,
 * Ctrl-T and Ctrl-X, each item's own line, ending with the next date,
 * :minutes, the directory and back, the meeting left open and offered
 * back, and every question and key bar whole at 80 columns.
 */
#include "uitest.h"

#include "plandesk/meetings/meeting.h"
#include "plandesk/meetings/track.h"
#include "plandesk/directory/open.h"
#include "meeting_mode.h"
#include "meeting_mode_impl.h"

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
	/* Apologies from someone not in the directory count everywhere. */
	ut_type("Iftihar");
	ut_key(UI_CTRL('X'));
	ut_assert_shows("Attendance: 2 present, 2 sent apologies");
	ut_key(UI_ESC);
	ut_key('l');
	ut_assert_shows("2, 2 apol.");   /* the Meetings list agrees */
	ut_key('m');
	ut_assert_shows("Attendance: 2 present, 2 sent apologies");

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

static const char *item_status(uint64_t item)
{
	static char buf[16];
	struct pd_record it;

	cr_assert_eq(tdb_get(PD_ITEM, item, &it), PD_OK);
	snprintf(buf, sizeof buf, "%s", pd_get_text(&it, PD_ITEM_STATUS));
	pd_record_clear(&it);
	return buf;
}

Test(meeting_mode, typing_is_only_typing)
{
	struct pd_agenda ag;
	struct pd_txn *txn;

	open_mode();
	ut_key(UI_TAB);
	/* A note that begins with digits keeps them and sets no status. */
	ut_type("12 youth workers trained");
	ut_assert_shows("> 12 youth workers trained");
	ut_key(UI_ENTER);
	ut_type("2 schools still to reply");
	ut_key(UI_ENTER);
	/* Other keys that are commands elsewhere are text here too. */
	ut_type("? q u : m 1-4 all typed");
	ut_assert_shows("> ? q u : m 1-4 all typed");
	ut_key(UI_ENTER);
	cr_assert_str_eq(item_status(item1), "", "no digit set a status");
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_agenda_load(txn, meeting, item1, &ag, NULL), PD_OK);
	pd_txn_end(txn);
	cr_assert_eq(ag.notes.n, 3);
	cr_assert_str_eq(pd_get_text(&ag.notes.r[0], PD_UPDATE_TEXT), "12 youth workers trained");
	cr_assert_str_eq(pd_get_text(&ag.notes.r[1], PD_UPDATE_TEXT), "2 schools still to reply");
	cr_assert_str_eq(pd_get_text(&ag.notes.r[2], PD_UPDATE_TEXT), "? q u : m 1-4 all typed");
	pd_agenda_free(&ag);
	ut_assert_shows("Meeting C3P");   /* still in meeting mode, nothing quit */
}

Test(meeting_mode, alt_digits_set_the_status_and_the_screen_says_what_they_mean)
{
	open_mode();
	ut_key(UI_TAB);
	ut_assert_shows("Status: none yet");
	ut_assert_shows("Alt-1 Fully achieved  Alt-2 On track  Alt-3 Slipped  Alt-4 Not achieved");
	ut_type("half a line");
	ut_key(UI_ALT('2'));
	ut_assert_shows("Status: ~ 2 On track");
	ut_assert_shows("Status of this item: 2 On track  (Ctrl-_ undoes)");
	ut_assert_shows("> half a line");   /* the line is untouched */
	cr_assert_str_eq(item_status(item1), "2");
	/* It can be undone, with the meeting's own undo key. */
	ut_key(UI_CTRL('_'));
	cr_assert_str_eq(item_status(item1), "");
	ut_assert_shows("Ctrl-R redoes it");
	ut_key(UI_CTRL('R'));
	cr_assert_str_eq(item_status(item1), "2");
	ut_assert_shows("(Ctrl-_ undoes it again)");
	/* Esc then a digit pressed slowly: the Esc menu takes the digit. */
	ut_key(UI_ESC);
	ut_assert_shows("1-4 status  0 none  e end meeting  l leave it open  Esc stay");
	ut_key('3');
	cr_assert_str_eq(item_status(item1), "3");
	ut_key(UI_ALT('0'));
	cr_assert_str_eq(item_status(item1), "");
	ut_assert_shows("> half a line");
}

Test(meeting_mode, a_rag_plan_shows_its_own_scale)
{
	struct pd_record p;

	cr_assert_eq(tdb_get(PD_PLAN, plan, &p), PD_OK);
	pd_record_clear(&p);
	tdb_set_text(PD_PLAN, plan, PD_PLAN_SCALE, "rag");
	open_mode();
	ut_key(UI_TAB);
	ut_assert_shows("Alt-1 Green  Alt-2 Amber  Alt-3 Red");
	ut_key(UI_ALT('4'));
	ut_assert_shows("This plan's scale has 3 levels");
	ut_key(UI_ALT('2'));
	cr_assert_str_eq(item_status(item1), "A");
	ut_key(UI_ESC);
	ut_assert_shows("1-3 status");
	ut_key(UI_ESC);
}

Test(meeting_mode, dates_at_the_end_of_an_action_are_its_due_date)
{
	struct pd_record a;
	struct pd_recorded r;

	open_mode();
	ut_key(UI_TAB);
	ut_type("KP to circulate the dates by 15 July");
	ut_assert_shows("Enter saves an action for KP, due 15th July 2009");
	ut_key(UI_ENTER);
	ut_assert_shows("Action saved, due 15th July 2009");
	ut_assert_shows("KP to circulate the dates by 15 July  \xe2\x80\x94 Karen Proctor "
			"\xc2\xb7 due 15th July 2009");
	ut_type("KP to reply by 31/02");
	ut_assert_shows("the date is not a day");
	ut_key(UI_ENTER);
	ut_assert_shows("is no day");
	cr_assert_eq(count(PD_ACTION), 2);
	/* The latest typed line is selected; check what was stored. */
	r.kind = PD_ACTION;
	cr_assert_eq(pd_meeting_record(tdb.st, meeting, item1, "DD to ring by Friday", &r, NULL),
		     PD_OK);
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_DUE), "2009-07-03");
	pd_record_clear(&a);
}

Test(meeting_mode, a_typed_line_is_edited_in_the_entry_line)
{
	struct pd_record a;
	uint64_t id;

	open_mode();
	ut_key(UI_TAB);
	ut_type("KP to invite the school nurse");
	ut_key(UI_ENTER);
	id = ut.app.meeting ? ((struct mm_view *)ut.app.meeting)->sel_id : 0;
	cr_assert(id);
	ut_key(UI_FN(KEY_F(2)));
	ut_assert_shows("edit> KP to invite the school nurse");
	/* Ctrl-U clears, then the right owner and a date. */
	ut_key(UI_CTRL('U'));
	ut_type("DD to invite the school nurse by 1 July");
	ut_assert_shows("Enter changes it to an action for DD, due 1st July 2009");
	ut_key(UI_ENTER);
	ut_assert_shows("Action changed, due 1st July 2009");
	cr_assert_eq(count(PD_ACTION), 1, "the same action, not a second one");
	cr_assert_eq(tdb_get(PD_ACTION, id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_TEXT), "DD to invite the school nurse by 1 July");
	cr_assert_eq(pd_refs_at(&a, PD_ACTION_OWNERS, 0), dd);
	pd_record_clear(&a);
	/* One undo gives the old line back. */
	ut_key(UI_CTRL('_'));
	cr_assert_eq(tdb_get(PD_ACTION, id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_TEXT), "KP to invite the school nurse");
	pd_record_clear(&a);
	/* Esc while editing leaves it as it was. */
	ut_key(UI_FN(KEY_F(2)));
	ut_type(" and more");
	ut_key(UI_ESC);
	ut_assert_shows("Not changed");
	ut_assert_hides("edit>");
	cr_assert_eq(tdb_get(PD_ACTION, id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_TEXT), "KP to invite the school nurse");
	pd_record_clear(&a);
	/* Readline's Alt keys edit the line; they neither cancel an edit
	 * nor open the Esc menu. */
	ut_key(UI_FN(KEY_F(2)));
	ut_key(UI_ALT('b'));
	ut_key(UI_ALT('d'));
	ut_type("midwife");
	ut_assert_shows("edit> KP to invite the school midwife");
	ut_key(UI_ALT('f'));
	ut_key(UI_ENTER);
	cr_assert_eq(tdb_get(PD_ACTION, id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_TEXT), "KP to invite the school midwife");
	pd_record_clear(&a);
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
	/* Each item keeps its own line: moving never carries it along. */
	ut_type("half");
	ut_key(UI_FN(KEY_PPAGE));
	ut_assert_shows("1. Child protection training");
	ut_assert_hides("> half");
	ut_assert_shows("A line is half-typed on item 2");
	ut_type("other");
	ut_key(UI_TAB);
	ut_assert_shows("> half");
	ut_key(UI_ENTER);
	ut_key(UI_FN(KEY_BTAB));
	ut_assert_shows("> other");
	cr_assert_eq(count(PD_UPDATE), 1, "only the line Enter was pressed on is saved");
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
	ut_assert_shows("1 new action, 0 to-dos ticked done");
	ut_assert_shows("1 due at the next meeting (18th September 2009)");
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

Test(meeting_mode, the_meeting_left_open_is_offered_back_with_its_lines)
{
	uint64_t on = 0;

	open_mode();
	ut_key(UI_TAB);
	ut_key(UI_TAB);
	ut_type("KP to adj");
	app_poll(&ut.app);   /* an idle tick (idle time 0 in this test) */
	cr_assert_str_eq(kept(item2, &on), "KP to adj");
	cr_assert_eq(on, item2);
	ut_type("ust");
	/* The program stops (SIGHUP ends the loop, then the views are freed). */
	app_free(&ut.app);
	ut.started = false;
	cr_assert_str_eq(kept(item2, NULL), "KP to adjust");
	/* The next start asks first: no key goes into the line unasked. */
	ut_start();
	ut_assert_shows("Back to meeting C3P of 26/06/2009 (a line half-typed)?");
	ut_assert_shows("Enter yes  Esc no");
	ut_key(UI_ENTER);
	ut_assert_shows("> KP to adjust");
	ut_assert_shows("2. Who's who directory");
	ut_type(" and e-mail organisation");
	ut_key(UI_ENTER);
	cr_assert_str_eq(kept(item2, NULL), "");
	cr_assert_eq(count(PD_ACTION), 1);
}

Test(meeting_mode, not_now_keeps_it_open_and_m_returns)
{
	open_mode();
	ut_key(UI_TAB);
	ut_type("KP to");
	app_free(&ut.app);
	ut.started = false;
	ut_start();
	ut_assert_shows("Back to meeting C3P");
	ut_key('j');   /* not the answer: not now, and not typed anywhere */
	ut_assert_shows("Meeting C3P open");
	ut_assert_shows("m returns");
	ut_key('q');
	ut_assert_shows("Meeting C3P is still open");
	ut_assert_shows("(y/N)");
	ut_key('n');
	cr_assert_not(ut.app.quit);
	ut_key('m');
	ut_assert_shows("> KP to");
	ut_assert_shows("1. Child protection training");
}

Test(meeting_mode, the_directory_and_back_with_the_line_as_it_was)
{
	open_mode();
	ut_key(UI_TAB);
	ut_key(UI_TAB);
	ut_type("DD to ring the");
	ut_key(UI_CTRL('F'));
	ut_assert_shows("Directory lookup");
	ut_assert_shows("Meeting C3P open");
	ut_type("kar");
	ut_assert_shows("Karen Proctor");
	ut_key(UI_ENTER);   /* her card */
	ut_assert_shows("kp@example.org");
	ut_key(UI_ESC);     /* straight back to the meeting */
	ut_assert_shows("2. Who's who directory");
	ut_assert_shows("> DD to ring the");
	ut_assert_hides("Meeting C3P open");
	/* q in the lookup is a letter of the search. */
	ut_key(UI_CTRL('F'));
	ut_type("q");
	ut_assert_shows("Find: q");
	ut_key(UI_ESC);
	ut_assert_shows("> DD to ring the");
}

Test(meeting_mode, undo_of_another_clients_change_asks_first)
{
	struct pd_store *other;
	struct pd_err err = { 0 };
	struct pd_recorded r;

	open_mode();
	ut_key(UI_TAB);
	cr_assert_eq(pd_store_open(tdb.path, NULL, &other, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_meeting_record(other, meeting, item1, "Typed in the other window", &r,
				       &err), PD_OK);
	app_poll(&ut.app);
	app_draw(&ut.app);
	ut_assert_shows("Typed in the other window");   /* seen here */
	ut_key(UI_CTRL('_'));
	ut_assert_shows("made in another window or session");
	ut_assert_shows("(y/N)");
	ut_key('n');
	cr_assert_eq(count(PD_UPDATE), 1, "nothing undone");
	ut_key(UI_CTRL('_'));
	ut_key('y');
	cr_assert_eq(count(PD_UPDATE), 0);
	pd_store_close(other);
}

Test(meeting_mode, help_lists_the_meeting_keys)
{
	open_mode();
	ut_key(UI_TAB);
	ut_key(UI_FN(KEY_F(1)));
	ut_assert_shows("During the meeting");
	ut_assert_shows("turn the selected note into an action, or back");
	ut_assert_shows("Ctrl-T");
	ut_assert_shows("F10");
	ut_assert_shows("Alt-1 Alt-2 Alt-3 Alt-4 Alt-0");
	/* No key listed that types instead here. */
	ut_assert_hides("  u  ");
	ut_key(UI_ESC);
	/* ? is text. */
	ut_type("Any questions?");
	ut_assert_shows("> Any questions?");
}

/* Every key bar of meeting mode ends with a whole hint at 80 columns. */
Test(meeting_mode, questions_and_key_bars_fit_80_columns)
{
	const char *bar;

	open_mode();
	bar = ut_line(LINES - 1);
	cr_assert(strstr(bar, "Enter present"), "attendance bar: [%s]", bar);
	ut_key(UI_TAB);
	bar = ut_line(LINES - 1);
	cr_assert(strstr(bar, "Enter save  Tab next"), "agenda bar: [%s]", bar);
	cr_assert(strstr(bar, "Esc more"), "cut at a whole hint: [%s]", bar);
	/* The delete question of a long title keeps its (y/N). */
	ut_key(UI_ESC);
	cr_assert(strstr(ut_line(LINES - 1), "Esc stay"), "[%s]", ut_line(LINES - 1));
	ut_key(UI_ESC);
	ut_key(UI_FN(KEY_F(10)));
	ut_key(UI_ENTER);
	ut_key(UI_CTRL('L'));   /* the message gives way to the bar */
	bar = ut_line(LINES - 1);
	cr_assert(strstr(bar, "Enter agenda  q leave"), "summary bar: [%s]", bar);
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
