/*
 * test_views.c — the views on an off-screen screen: the welcome screen,
 * the plans tree with status marks and overdue targets, an item's
 * timeline, ticking actions, forms, deleting with a question, undo with
 * its label, live refresh and help.
 */
#include "uitest.h"

#include "plandesk/meetings/track.h"

static uint64_t plan, item3, item4, item6;

/* A plan on the 1-4 scale with three items; item 3 has two updates and an
 * action. */
static void fixture(void)
{
	struct pd_record r;

	plan = tdb_add(make_plan("CSE", "Child Sexual Exploitation"));
	r = make_item(plan, "3", "Early help model");
	pd_set_text(&r, PD_ITEM_STATUS, "3", (size_t)-1);
	pd_set_text(&r, PD_ITEM_TARGET, "2015-08-01", (size_t)-1);
	pd_set_text(&r, PD_ITEM_TARGET_DATE, "2015-08-01", (size_t)-1);
	item3 = tdb_add(r);
	r = make_item(plan, "4", "Awareness raising");
	pd_set_text(&r, PD_ITEM_STATUS, "1", (size_t)-1);
	pd_set_text(&r, PD_ITEM_TARGET_DATE, "2015-08-01", (size_t)-1);
	pd_set_int(&r, PD_ITEM_POSITION, 1);
	item4 = tdb_add(r);
	r = make_item(plan, "6", "Night-time economy");
	pd_set_int(&r, PD_ITEM_POSITION, 2);
	item6 = tdb_add(r);

	pd_record_init(&r, PD_UPDATE);
	pd_set_ref(&r, PD_UPDATE_ITEM, item3);
	pd_set_text(&r, PD_UPDATE_DATE, "2016-03-30", (size_t)-1);
	pd_set_text(&r, PD_UPDATE_TEXT, "Older note", (size_t)-1);
	pd_set_text(&r, PD_UPDATE_STATUS, "2", (size_t)-1);
	tdb_add(r);
	pd_record_init(&r, PD_UPDATE);
	pd_set_ref(&r, PD_UPDATE_ITEM, item3);
	pd_set_text(&r, PD_UPDATE_DATE, "2016-06-29", (size_t)-1);
	pd_set_text(&r, PD_UPDATE_TEXT, "Newer note", (size_t)-1);
	pd_set_text(&r, PD_UPDATE_STATUS, "3", (size_t)-1);
	tdb_add(r);
	pd_record_init(&r, PD_ACTION);
	pd_set_ref(&r, PD_ACTION_ITEM, item3);
	pd_set_text(&r, PD_ACTION_TEXT, "KP to e-mail the organisation", (size_t)-1);
	pd_set_text(&r, PD_ACTION_OWNER, "KP", (size_t)-1);
	pd_set_text(&r, PD_ACTION_DUE, "2016-06-01", (size_t)-1);
	tdb_add(r);
}

static uint64_t first_action(void)
{
	struct pd_txn *txn;
	struct pd_cursor *cur;
	uint64_t id = 0;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_cursor_kind(txn, PD_ACTION, 0, &cur, NULL), PD_OK);
	pd_cursor_next(cur, &id, NULL);
	pd_cursor_close(cur);
	pd_txn_end(txn);
	return id;
}

TestSuite(views, .init = ut_setup, .fini = ut_teardown);

Test(views, an_empty_database_opens_on_the_welcome_screen)
{
	ut_start();
	ut_assert_shows("Welcome to plandesk");
	ut_assert_shows("add a plan");
	ut_assert_shows("import a CSV file");
	ut_assert_shows("try the demo database");
}

Test(views, the_demo_key_opens_the_demo_database_and_writes_nothing_here)
{
	ut.app.share_dir = NULL;
	ut_start();
	ut.app.share_dir = "/nonexistent-but-set";
	ut_key('D');
	cr_assert(ut.app.quit, "the client closes to open the demo database");
	cr_assert_eq(ut.app.exit_code, UI_EXIT_DEMO);
	cr_assert_eq(tdb_count(PD_PLAN) + tdb_count(PD_ORG) + tdb_count(PD_PERSON), 0,
		     "nothing written into the user's database");
}

Test(views, adding_a_plan_from_the_welcome_screen_shows_the_plans)
{
	ut_start();
	ut_key('a');
	ut_assert_shows("New plan");
	ut_type("C3BP");
	ut_key(UI_TAB);
	ut_type("Cluster 3 Business Plan");
	ut_key(UI_FN(KEY_F(10)));
	ut_assert_shows("Plans");
	ut_assert_shows("C3BP  Cluster 3 Business Plan");
	cr_assert_eq(tdb_count(PD_PLAN), 1);
}

Test(views, the_plans_tree_shows_status_marks_and_overdue)
{
	fixture();
	ut_start();
	/* One plan: shown open. */
	ut_assert_shows("CSE  Child Sexual Exploitation");
	ut_assert_shows("1 overdue");           /* item 3: slipped, target 2015 */
	ut_assert_shows("! ");
	ut_assert_shows("3 Early help model");
	ut_assert_shows("3 Slipped");
	ut_assert_shows("late 2015-08-01");       /* overdue in words too */
	cr_assert(!strstr(ut_line(ut_find("Awareness")), "late"),
		  "achieved items are not late:%s", ut_dump());
	ut_assert_shows("1 Fully achieved");
	cr_assert(strstr(ut_line(ut_find("Early help")), "✓") == NULL);
	cr_assert(strncmp(ut_line(ut_find("Awareness")), "✓", strlen("✓")) == 0,
		  "a text mark, not colour alone:%s", ut_dump());
	/* Collapse and expand with h and l. */
	ut_key('h');
	ut_assert_hides("Early help model");
	ut_key('l');
	ut_assert_shows("Early help model");
}

Test(views, an_item_shows_updates_newest_first_with_status_labels)
{
	int newer, older;

	fixture();
	ut_start();
	ut_key('j');
	ut_key(UI_ENTER);
	ut_assert_shows("Item 3 Early help model");
	newer = ut_find("Newer note");
	older = ut_find("Older note");
	cr_assert(newer > 0 && older > newer, "newest first:%s", ut_dump());
	cr_assert(strstr(ut_line(newer - 1), "2016-06-29"), "%s", ut_dump());
	cr_assert(strstr(ut_line(newer - 1), "Slipped"), "%s", ut_dump());
	cr_assert(strstr(ut_line(older - 1), "On track"), "%s", ut_dump());
	ut_assert_shows("KP to e-mail the organisation");
	ut_assert_shows("(overdue)");
	ut_key('q');
	ut_assert_shows("Plan / theme / item");
}

Test(views, x_ticks_an_action_done_and_u_undoes_it_by_name)
{
	struct pd_record a;
	uint64_t id;

	fixture();
	id = first_action();
	ut_start();
	ut_key('2');
	ut_assert_shows("KP to e-mail the organisation");
	cr_assert(strncmp(ut_line(ut_find("KP to e-mail")), "[!]", 3) == 0,
		  "overdue marked in words:%s", ut_dump());
	ut_key('x');
	cr_assert(strstr(ut_status(), "Done"), "%s", ut_status());
	ut_assert_hides("KP to e-mail the organisation");   /* open ones only */
	pd_record_init(&a, PD_ACTION);
	cr_assert_eq(tdb_get(PD_ACTION, id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_STATE), "done");
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_CLOSED), "2016-07-01");
	pd_record_clear(&a);
	ut_key('u');
	cr_assert(strstr(ut_status(), "Undone: tick done action “KP to e-mail the organisa"),
		  "%s", ut_status());
	ut_assert_shows("KP to e-mail the organisation");
	pd_record_init(&a, PD_ACTION);
	cr_assert_eq(tdb_get(PD_ACTION, id, &a), PD_OK);
	cr_assert(pd_action_state(&a) == PD_AS_OPEN);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_CLOSED), "");
	pd_record_clear(&a);
	ut_key(UI_CTRL('R'));
	cr_assert(strstr(ut_status(), "Redone"), "%s", ut_status());
}

Test(views, the_form_checks_required_fields_and_dates)
{
	fixture();
	ut_start();
	ut_key('j');
	ut_key(UI_ENTER);
	ut_key('a');
	ut_key('a');          /* Add: a action */
	ut_assert_shows("New action");
	ut_key(UI_FN(KEY_F(10)));
	cr_assert(strstr(ut_status(), "Text: required"), "%s", ut_status());
	ut_type("DD to book the room");
	ut_key(UI_TAB);
	ut_type("DD");
	ut_key(UI_TAB);
	ut_type("31/02/2016");
	ut_key(UI_FN(KEY_F(10)));
	cr_assert(strstr(ut_status(), "Due:"), "%s", ut_status());
	cr_assert(strstr(ut_status(), "February"), "%s", ut_status());
	ut_assert_shows("New action");        /* still open: nothing lost */
	for (int i = 0; i < 10; i++)
		ut_key(127);
	ut_type("26th June 2016");
	ut_key(UI_FN(KEY_F(10)));
	cr_assert(strstr(ut_status(), "Saved: add action “DD to book the room”"), "%s", ut_status());
	ut_assert_shows("DD to book the room");
	ut_assert_shows("due 2016-06-26");
	cr_assert_eq(tdb_count(PD_ACTION), 2);
}

Test(views, escape_in_a_changed_form_asks_before_discarding)
{
	fixture();
	ut_start();
	ut_key('j');
	ut_key('e');
	ut_assert_shows("Edit item");
	ut_type(" (revised)");
	ut_key(UI_ESC);
	cr_assert(strstr(ut_status(), "Discard what you typed?"), "%s", ut_status());
	ut_key('n');
	ut_assert_shows("Edit item");
	ut_key(UI_ESC);
	ut_key('y');
	ut_assert_shows("Plan / theme / item");
	ut_assert_hides("(revised)");
}

Test(views, delete_asks_first_and_undo_brings_it_back)
{
	fixture();
	ut_start();
	ut_key('j');
	ut_key('j');
	ut_assert_shows("4 Awareness raising");
	ut_key('d');
	cr_assert(strstr(ut_status(), "Delete item “4 Awareness raising”?"), "%s", ut_status());
	ut_key('n');
	cr_assert(strstr(ut_status(), "Not deleted"), "%s", ut_status());
	cr_assert_eq(tdb_count(PD_ITEM), 3);
	ut_key('d');
	ut_key('y');
	cr_assert_eq(tdb_count(PD_ITEM), 2);
	ut_assert_hides("Awareness raising");
	ut_key('u');
	cr_assert(strstr(ut_status(), "Undone: delete item"), "%s", ut_status());
	ut_assert_shows("4 Awareness raising");
	cr_assert_eq(tdb_count(PD_ITEM), 3);
}

Test(views, another_writer_shows_up_on_the_next_tick_keeping_the_selection)
{
	fixture();
	ut_start();
	ut_key('j');
	ut_key('j');
	ut_assert_shows("4 Awareness raising");
	cr_assert(strstr(ut_line(getcury(stdscr)), "Awareness"), "%s", ut_dump());
	/* Written outside the client (as another process would). */
	struct pd_record r = make_item(plan, "2", "Inserted first");
	pd_set_int(&r, PD_ITEM_POSITION, -1);
	tdb_add(r);
	cr_assert(app_poll(&ut.app), "the change counter moved");
	app_draw(&ut.app);
	ut_assert_shows("2 Inserted first");
	cr_assert(strstr(ut_line(getcury(stdscr)), "Awareness"),
		  "selection kept by id:%s", ut_dump());
	cr_assert(!app_poll(&ut.app), "nothing new");
}

Test(views, help_lists_the_view_keys_and_the_shared_ones)
{
	fixture();
	ut_start();
	ut_key('?');
	ut_assert_shows("Help: plans");
	ut_assert_shows("set the item's status");
	ut_assert_shows("Moving around");
	ut_key('G');
	ut_assert_shows("Commands (:, then the command and Enter)");
	ut_key('-');   /* the shared keys are above the commands */
	ut_assert_shows("Ctrl-R");
	ut_key('q');
	ut_assert_shows("Plan / theme / item");
}

Test(views, status_is_set_with_one_key)
{
	struct pd_record it;

	fixture();
	ut_start();
	ut_key('j');
	ut_key('j');
	ut_key('j');
	ut_key('s');
	cr_assert(strstr(ut_status(), "2 On track"), "%s", ut_status());
	ut_key('2');
	pd_record_init(&it, PD_ITEM);
	cr_assert_eq(tdb_get(PD_ITEM, item6, &it), PD_OK);
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_STATUS), "2");
	pd_record_clear(&it);
	ut_assert_shows("2 On track");
	(void)item4;
}

Test(views, tab_and_numbers_switch_the_top_views)
{
	fixture();
	ut_start();
	ut_key(UI_TAB);
	ut_assert_shows("Actions: open");
	ut_key(UI_TAB);
	ut_assert_shows("Meetings, newest first");
	ut_key('4');
	ut_assert_shows("Directory");
	ut_key('1');
	ut_assert_shows("Plan / theme / item");
	ut_key('q');
	cr_assert(ut.app.quit, "q at a top view quits");
}

Test(views, the_command_line_reports_unknown_commands)
{
	fixture();
	ut_start();
	ut_key(':');
	ut_type("frob");
	ut_key(UI_ENTER);
	cr_assert(strstr(ut_status(), "Unknown command :frob"), "%s", ut_status());
	ut_key(':');
	ut_type("import people /nonexistent/x.csv");
	ut_key(UI_ENTER);
	cr_assert(strstr(ut_status(), "Nothing imported"), "%s", ut_status());
	ut_key(':');
	ut_type("q");
	ut_key(UI_ENTER);
	cr_assert(ut.app.quit);
}

Test(views, without_utf8_the_marks_are_ascii)
{
	fixture();
	setenv("PLANDESK_ASCII", "1", 1);
	ut_start();
	cr_assert(strncmp(ut_line(ut_find("Awareness")), "+", 1) == 0, "%s", ut_dump());
	cr_assert(strncmp(ut_line(ut_find("Early help")), "!", 1) == 0, "%s", ut_dump());
	cr_assert(strncmp(ut_line(ut_find("Night-time")), ".", 1) == 0, "%s", ut_dump());
	ut_assert_shows("- CSE");   /* an expanded plan */
	unsetenv("PLANDESK_ASCII");
}

Test(views, find_in_plans_reaches_items_of_collapsed_plans)
{
	fixture();
	tdb_add(make_plan("ZZZ", "Another plan"));
	ut_start();
	ut_assert_hides("Night-time economy");   /* two plans: all collapsed */
	ut_key('/');
	ut_type("night");
	ut_key(UI_ENTER);
	cr_assert(strstr(ut_line(getcury(stdscr)), "6 Night-time economy"), "%s", ut_dump());
	ut_key(UI_ENTER);
	ut_assert_shows("Item 6 Night-time economy");
}

static void action(uint64_t item, const char *text, const char *owner, const char *due)
{
	struct pd_record r;

	pd_record_init(&r, PD_ACTION);
	pd_set_ref(&r, PD_ACTION_ITEM, item);
	pd_set_text(&r, PD_ACTION_TEXT, text, (size_t)-1);
	pd_set_text(&r, PD_ACTION_OWNER, owner, (size_t)-1);
	pd_set_text(&r, PD_ACTION_DUE, due, (size_t)-1);
	tdb_add(r);
}

Test(views, actions_filter_by_owner_and_overdue_and_group_by_owner)
{
	fixture();
	action(item4, "ZZ book the hall", "ZZ", "2016-09-01");
	action(item6, "AB send the minutes", "AB", "2016-08-01");
	action(item6, "ZZ chase the police", "ZZ", "2016-05-01");
	ut_start();
	ut_key('2');
	cr_assert(strstr(ut_status(), "1/4"), "%s", ut_status());
	ut_key('o');
	ut_type("zz");
	ut_key(UI_ENTER);
	ut_assert_shows("owner zz");
	ut_assert_shows("ZZ book the hall");
	ut_assert_shows("ZZ chase the police");
	ut_assert_hides("AB send the minutes");
	ut_key('!');
	ut_assert_shows("ZZ chase the police");   /* due in May: overdue */
	ut_assert_hides("ZZ book the hall");
	ut_key('!');
	ut_key('o');
	ut_key(UI_CTRL('U'));
	ut_key(UI_ENTER);
	ut_key('s');
	ut_assert_shows("by owner");
	cr_assert(ut_find("AB send") < ut_find("KP to e-mail") &&
		  ut_find("KP to e-mail") < ut_find("ZZ chase") &&
		  ut_find("ZZ chase") < ut_find("ZZ book"), "owner, then due:%s", ut_dump());
	ut_key('s');
	ut_assert_shows("by due date");
	cr_assert(ut_find("ZZ chase") < ut_find("KP to e-mail") &&
		  ut_find("KP to e-mail") < ut_find("AB send") &&
		  ut_find("AB send") < ut_find("ZZ book"), "by due:%s", ut_dump());
}

Test(views, colon_commands_come_from_one_table)
{
	char path[256], cmd[300];
	struct stat sb;

	fixture();
	ut_start();
	snprintf(path, sizeof path, "%s/cse.docx", tdb.dir);
	snprintf(cmd, sizeof cmd, "report progress CSE %s", path);
	ut_key(':');
	ut_type(cmd);
	ut_key(UI_ENTER);
	ut_assert_shows("The progress report of CSE written to");
	cr_assert_eq(stat(path, &sb), 0, ":report wrote the file");
	cr_assert_eq(sb.st_mode & 0777, 0600);
	/* A wrong number of arguments shows the usage from the table. */
	ut_key(':');
	ut_type("report progress");
	ut_key(UI_ENTER);
	ut_assert_shows("Usage: :report KIND PLAN FILE");
	ut_key(':');
	ut_type("frobnicate");
	ut_key(UI_ENTER);
	ut_assert_shows("Unknown command :frobnicate (:import :export :minutes :report");
	/* The help lists them. */
	ut_key('?');
	for (int i = 0; i < 8; i++)
		ut_key(UI_FN(KEY_NPAGE));
	ut_assert_shows(":report KIND PLAN FILE");
}

/* Every key bar of every table fits 80 columns with whole hints, and a
 * question about a long title keeps its answer keys. */
Test(views, key_bars_and_questions_fit_80_columns)
{
	struct pd_record r;
	uint64_t id;
	int bars = 0;

	for (const struct ui_keymap *const *k = ui_keymaps_all; *k; k++) {
		struct ui_bar_hint h[16];
		int n, w = 0;

		if (!(*k)->bar)
			continue;
		bars++;
		n = ui_keymap_bar(*k, 80 - 8, h, 16);   /* the position takes 8 */
		cr_assert_geq(n, 3, "%s: at least three hints at 80 columns", (*k)->title);
		for (int i = 0; i < n; i++)
			w += (i ? 2 : 0) + (int)strlen(h[i].key) + 1 + (int)strlen(h[i].label);
		cr_assert_leq(w, 80 - 8, "%s: %d columns", (*k)->title, w);
	}
	cr_assert_geq(bars, 5);
	fixture();
	r = make_item(plan, "7", "A recommendation whose title goes on and on, as the "
		      "committee's own recommendations do, well past eighty columns");
	id = tdb_add(r);
	(void)id;
	ut_start();
	ut_key('G');
	ut_key('d');
	cr_assert(strstr(ut_status(), "(y/N)"), "the answer keys stay: [%s]", ut_status());
	cr_assert(strstr(ut_status(), "Delete item"), "[%s]", ut_status());
	ut_key('n');
	cr_assert_eq(tdb_count(PD_ITEM), 4, "n keeps it");
}
