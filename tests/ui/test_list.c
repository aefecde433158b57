/*
 * test_list.c — the virtual list on an off-screen screen: scrolling keys,
 * filtering through the search index, wide characters cut by display
 * columns, resizing, the too-small message and the hardware cursor.
 */
#include "uitest.h"

/* n people "Person 000".. in one write; the 7th is named in Japanese. */
struct bulk { int n; };

static int bulk_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct bulk *b = ctx;
	int rc = PD_OK;

	for (int i = 0; i < b->n && rc == PD_OK; i++) {
		struct pd_record r;
		char name[64];

		if (i == 7)
			snprintf(name, sizeof name, "山田太郎山田太郎山田太郎山田太郎");
		else
			snprintf(name, sizeof name, "Person %03d", i);
		r = make_person(name, NULL, NULL, 0);
		pd_set_text(&r, PD_PERSON_ROLE, i % 2 ? "Teacher" : "Nurse", (size_t)-1);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

static void people(int n)
{
	struct bulk b = { n };
	struct pd_err err = { 0 };

	cr_assert_eq(tdb_write(bulk_body, &b, &err), PD_OK, "%s", err.msg);
}

static void directory(void)
{
	people(300);
	ut_start();
	ut_key('4');
}

TestSuite(list, .init = ut_setup, .fini = ut_teardown);

Test(list, opens_on_the_first_rows)
{
	directory();
	ut_assert_shows("Person 000");
	cr_assert(strstr(ut_line(2), "Person 000"), "first row under the header:%s", ut_dump());
	ut_assert_hides("Person 100");
	cr_assert(strstr(ut_status(), "1/300"), "position: %s", ut_status());
}

Test(list, j_and_k_move_the_selection_and_the_cursor_follows)
{
	directory();
	ut_key('j');
	ut_key('j');
	cr_assert(strstr(ut_status(), "3/300"), "%s", ut_status());
	cr_assert_eq(getcury(stdscr), 4, "hardware cursor on the selected row: %d %d",
		     getcury(stdscr), ut.app.cur_y);
	ut_key('k');
	cr_assert(strstr(ut_status(), "2/300"), "%s", ut_status());
	cr_assert_eq(getcury(stdscr), 3);
	ut_key('k');
	ut_key('k');   /* stays on the first row */
	cr_assert(strstr(ut_status(), "1/300"), "%s", ut_status());
}

Test(list, page_down_shows_the_next_page)
{
	int rows = 24 - 3;   /* title, header, status line */

	directory();
	ut_key(UI_FN(KEY_NPAGE));
	cr_assert(strstr(ut_status(), "22/300"), "%s", ut_status());
	ut_assert_hides("Person 000");
	ut_assert_shows("Person 021");
	cr_assert(strstr(ut_line(2), "Person 021"), "%s", ut_dump());
	ut_key(UI_FN(KEY_PPAGE));
	cr_assert(strstr(ut_line(2), "Person 000"), "%s", ut_dump());
	(void)rows;
}

Test(list, G_goes_to_the_end_and_g_back)
{
	directory();
	ut_key('G');
	cr_assert(strstr(ut_status(), "300/300"), "%s", ut_status());
	ut_assert_shows("Person 299");
	cr_assert(strstr(ut_line(22), "Person 299"), "last row at the bottom:%s", ut_dump());
	cr_assert_eq(getcury(stdscr), 22);
	ut_key('j');   /* nothing below */
	cr_assert(strstr(ut_status(), "300/300"), "%s", ut_status());
	ut_key('g');
	cr_assert(strstr(ut_status(), "1/300"), "%s", ut_status());
	ut_assert_shows("Person 000");
}

Test(list, slash_filters_as_you_type_and_escape_clears)
{
	directory();
	ut_key('/');
	ut_type("person 01");
	/* Person 010 .. 019 match (word prefix "01") */
	ut_assert_shows("Person 010");
	ut_assert_shows("Person 019");
	ut_assert_hides("Person 000");
	ut_assert_hides("Person 020");
	cr_assert(strstr(ut_status(), "Filter: person 01"), "%s", ut_status());
	ut_key(UI_ENTER);
	ut_assert_shows("matching \"person 01\"");
	ut_key('j');
	ut_key('/');
	ut_key(UI_ESC);
	/* The selected person stays selected, on the same screen row, after
	 * the filter is cleared. */
	cr_assert(strstr(ut_status(), "12/300"), "%s", ut_status());
	cr_assert_eq(getcury(stdscr), 3);
	cr_assert(strstr(ut_line(3), "Person 011"), "%s", ut_dump());
	cr_assert(strstr(ut_line(2), "Person 010"), "%s", ut_dump());
}

Test(list, a_filter_with_no_match_says_so)
{
	directory();
	ut_key('/');
	ut_type("zzzz");
	ut_assert_shows("Nothing here");
	ut_key(UI_ENTER);
	cr_assert(strstr(ut_status(), "0/0"), "%s", ut_status());
}

Test(list, wide_characters_are_cut_by_display_columns)
{
	const char *line;
	int y;

	directory();
	y = ut_find("山田");
	cr_assert_geq(y, 0, "%s", ut_dump());
	line = ut_line(y);
	/* At 80 columns the short roles and the empty columns leave the
	 * name the room it needs: the whole name, then the role. */
	cr_assert(strncmp(line, "山田太郎山田太郎山田太郎山田太郎 ",
			  strlen("山田太郎山田太郎山田太郎山田太郎 ")) == 0, "whole: [%s]", line);
	cr_assert(strstr(line, "Teacher"), "role column intact: [%s]", line);
	/* At 41 columns the name keeps its 24 and the role takes the 16
	 * left: the name is cut at 24 columns, 12 wide characters, never
	 * half of one. */
	ut_resize(24, 41);
	y = ut_find("山田");
	cr_assert_geq(y, 0, "%s", ut_dump());
	line = ut_line(y);
	cr_assert(strncmp(line, "山田太郎山田太郎山田太郎 Teacher",
			  strlen("山田太郎山田太郎山田太郎 Teacher")) == 0,
		  "cut at 24 columns: [%s]", line);
	cr_assert(strstr(line, "Teacher"), "role column intact: [%s]", line);
	cr_assert_eq(ut_find("\xef\xbf\xbd"), -1, "no replacement characters:%s", ut_dump());
}

Test(list, columns_share_the_width_by_what_they_hold)
{
	const char *head;

	directory();
	/* No organisation or phone on any row: those columns keep only
	 * their headings' width; the role column needs 19, and what is
	 * left goes back to the names. */
	head = ut_line(1);
	cr_assert(strstr(head, "Organisation Phone"), "packed by content: [%s]", head);
	cr_assert(strncmp(head + 80 - strlen("Organisation Phone"), "Organisation Phone",
			  strlen("Organisation Phone")) == 0, "at the right edge: [%s]", head);
	cr_assert(strncmp(head, "Name", 4) == 0 && strstr(head, "Role / what it does"),
		  "[%s]", head);
}

Test(list, a_list_scrolled_down_shows_there_is_more_above)
{
	directory();
	ut_assert_hides("\xe2\x96\xb2");   /* ▲: nothing above the first row */
	cr_assert(strstr(ut_line(LINES - 2), "\xe2\x96\xbc"), "▼ more below: [%s]",
		  ut_line(LINES - 2));
	ut_key(UI_FN(KEY_NPAGE));
	cr_assert(strstr(ut_line(2), "\xe2\x96\xb2"), "▲ more above: [%s]", ut_line(2));
	ut_key('G');
	cr_assert_not(strstr(ut_line(LINES - 2), "\xe2\x96\xbc"), "nothing below the last: [%s]",
		      ut_line(LINES - 2));
}

Test(list, resize_redraws_at_the_new_size)
{
	directory();
	ut_key('j');
	ut_resize(12, 40);
	cr_assert_eq(COLS, 40);
	ut_assert_shows("Person 001");
	cr_assert(strstr(ut_status(), "2/300"), "selection kept: %s", ut_status());
	/* At 40 columns the droppable columns go: no phone heading. */
	ut_assert_hides("Phone");
	ut_key(UI_FN(KEY_NPAGE));
	cr_assert(strstr(ut_status(), "11/300"), "a page is 9 rows now: %s", ut_status());
	ut_resize(24, 80);
	ut_assert_shows("Organisation");
}

Test(list, a_tiny_terminal_gets_a_message_and_keys_wait)
{
	directory();
	ut_resize(8, 30);
	ut_assert_shows("Terminal too small");
	ut_assert_shows("need 40x10");
	ut_key('j');   /* ignored, nothing crashes */
	ut_resize(3, 10);
	ut_resize(24, 80);
	ut_assert_shows("Person 000");
	cr_assert(strstr(ut_status(), "1/300"), "%s", ut_status());
}

Test(list, n_finds_the_next_match_in_a_document)
{
	directory();
	ut_key('/');
	ut_type("person 02");
	ut_key(UI_ENTER);
	ut_key(UI_ENTER);   /* open the card of Person 020 */
	ut_assert_shows("Person 020");
	ut_assert_shows("Role");
	ut_key('/');
	ut_type("role");
	ut_key(UI_ENTER);
	cr_assert(strstr(ut_line(getcury(stdscr)), "Role"), "find selects the line:%s", ut_dump());
	ut_key('q');
	ut_assert_shows("matching \"person 02\"");
}

Test(list, a_click_selects_and_the_wheel_scrolls)
{
	MEVENT ev = { .id = 0, .x = 5, .y = 6, .z = 0, .bstate = BUTTON1_CLICKED };

	directory();
	cr_assert_eq(ungetmouse(&ev), OK);
	ut_key(UI_FN(KEY_MOUSE));
	cr_assert(strstr(ut_status(), "5/300"), "row 6 is the 5th person: %s", ut_status());
	cr_assert_eq(getcury(stdscr), 6);
#ifdef BUTTON5_PRESSED
	ev.bstate = BUTTON5_PRESSED;
	cr_assert_eq(ungetmouse(&ev), OK);
	ut_key(UI_FN(KEY_MOUSE));
	cr_assert(strstr(ut_line(2), "Person 003"), "scrolled by 3:%s", ut_dump());
	cr_assert(strstr(ut_status(), "5/300"), "selection kept while on screen: %s", ut_status());
#endif
}

Test(list, paging_up_from_the_end_meets_the_rows_from_the_start)
{
	char want[32];

	directory();
	ut_key('G');
	/* Up a page at a time from the end (read backwards) … */
	for (int page = 0; page < 6; page++)
		ut_key(UI_FN(KEY_PPAGE));
	/* … then down row by row from the start (read forwards) past where
	 * the two meet: every row in order, none twice or missing. */
	ut_key('g');
	for (int i = 0; i < 300; i++) {
		if (i == 7)
			snprintf(want, sizeof want, "山田");
		else
			snprintf(want, sizeof want, "Person %03d", i);
		cr_assert(strstr(ut_line(getcury(stdscr)), want), "row %d:%s", i, ut_dump());
		ut_key('j');
	}
	ut_key('G');
	for (int i = 299; i >= 100; i--) {
		snprintf(want, sizeof want, "Person %03d", i);
		cr_assert(strstr(ut_line(getcury(stdscr)), want), "row %d:%s", i, ut_dump());
		ut_key('k');
	}
}
