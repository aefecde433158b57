/*
 * test_due.c — the due date at the end of an action typed in a meeting:
 * every phrase form, counted from the meeting's date, and the phrases
 * that are no date or name no day.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "plandesk/meetings/due.h"

/* Monday 7 December 2026, and Friday 26 June 2009 (a meeting of the
 * sample's C3P). */
static const struct pd_date monday = { 2026, 12, 7 };
static const struct pd_date friday = { 2009, 6, 26 };

static struct pd_due due;

/* The ISO due date of `line` at a meeting on `from`, or "none"/"next"/"bad". */
static const char *due_of(const char *line, const struct pd_date *from)
{
	static char buf[32];

	pd_due_parse(line, strlen(line), from, &due);
	switch (due.kind) {
	case PD_DUE_NONE: return "none";
	case PD_DUE_NEXT_MEETING: return "next";
	case PD_DUE_BAD: return "bad";
	case PD_DUE_DATE: break;
	}
	pd_date_iso(&due.date, buf);
	return buf;
}

#define EXPECT(line, from, want) \
	cr_expect_str_eq(due_of(line, from), want, "\"%s\"", line)

Test(due, a_date_without_a_year_is_the_next_one_on_or_after_the_meeting)
{
	EXPECT("KP to circulate the dates by 15 January", &monday, "2027-01-15");
	EXPECT("KP to circulate the dates by 15th January", &monday, "2027-01-15");
	EXPECT("KP to circulate the dates by 15th of Jan", &monday, "2027-01-15");
	EXPECT("KP to circulate the dates by January 15th", &monday, "2027-01-15");
	EXPECT("KP to send it by 20 December", &monday, "2026-12-20");
	EXPECT("KP to send it by 7 December", &monday, "2026-12-07");
	EXPECT("KP to send it by 6 December", &monday, "2027-12-06");
	EXPECT("DD to reply by 15/01", &monday, "2027-01-15");
	EXPECT("DD to reply by 1/2", &monday, "2027-02-01");
	EXPECT("DD to reply by 15.01.", &monday, "2027-01-15");
}

Test(due, a_date_with_its_year)
{
	EXPECT("KP to circulate the dates by 15/01/2027", &monday, "2027-01-15");
	EXPECT("KP to circulate the dates by 15/01/27", &monday, "2027-01-15");
	EXPECT("KP to circulate the dates by 2027-01-15", &monday, "2027-01-15");
	EXPECT("KP to circulate the dates by 15 January 2027.", &monday, "2027-01-15");
	/* A date before the meeting is still the date typed. */
	EXPECT("KP to circulate the dates by 15/01/2020", &monday, "2020-01-15");
}

Test(due, weekdays_count_from_the_meeting)
{
	EXPECT("DD to ring the school by Friday", &monday, "2026-12-11");
	EXPECT("DD to ring the school by fri", &monday, "2026-12-11");
	EXPECT("DD to ring the school by this Friday", &monday, "2026-12-11");
	EXPECT("DD to ring the school by next Friday", &monday, "2026-12-18");
	EXPECT("DD to ring the school by Monday", &monday, "2026-12-14");
	/* Said on a Friday, "by Friday" is a week later. */
	EXPECT("DD to ring the school by Friday", &friday, "2009-07-03");
	EXPECT("DD to ring the school by next Monday", &friday, "2009-06-29");
	EXPECT("DD to ring the school by tomorrow", &friday, "2009-06-27");
	EXPECT("DD to ring the school by today", &friday, "2009-06-26");
}

Test(due, the_end_of_a_month_or_the_week)
{
	EXPECT("KP to draft the leaflet by the end of March", &monday, "2027-03-31");
	EXPECT("KP to draft the leaflet by end of March", &monday, "2027-03-31");
	EXPECT("KP to draft the leaflet by the end of February", &monday, "2027-02-28");
	EXPECT("KP to draft the leaflet by the end of December", &monday, "2026-12-31");
	EXPECT("KP to draft the leaflet by the end of March 2028", &monday, "2028-03-31");
	EXPECT("KP to draft the leaflet by the end of the month", &monday, "2026-12-31");
	EXPECT("KP to draft the leaflet by the end of next month", &monday, "2027-01-31");
	EXPECT("KP to draft the leaflet by the end of the week", &monday, "2026-12-11");
	EXPECT("KP to draft the leaflet by the 15th", &monday, "2026-12-15");
	EXPECT("KP to draft the leaflet by the 1st", &monday, "2027-01-01");
}

Test(due, next_meeting)
{
	EXPECT("Schools to reply by next meeting", &monday, "next");
	EXPECT("Schools to reply by the next meeting.", &monday, "next");
	EXPECT("Schools to reply BY THE NEXT MEETING", &monday, "next");
}

Test(due, the_phrase_is_found_in_the_line)
{
	const char *line = "KP to sort the list by date by Friday.";

	cr_assert_str_eq(due_of(line, &monday), "2026-12-11");
	cr_assert_eq(due.off, strlen("KP to sort the list by date "));
	cr_assert_eq(due.len, strlen("by Friday"));
	line = "KP to reply due 15 January";
	cr_assert_str_eq(due_of(line, &monday), "2027-01-15");
	cr_assert_eq(due.off, strlen("KP to reply "));
}

Test(due, phrases_that_are_no_date_leave_the_line_alone)
{
	EXPECT("KP to drop the forms by the school", &monday, "none");
	EXPECT("KP to send it by e-mail", &monday, "none");
	EXPECT("KP to cut waiting times by 10", &monday, "none");
	EXPECT("KP to cut waiting times by 50%", &monday, "none");
	EXPECT("KP to look into it by June", &monday, "none");
	EXPECT("KP to look into it by next week", &monday, "none");
	EXPECT("KP to go by bus", &monday, "none");
	EXPECT("KP to send it by 15 January to all schools", &monday, "none");
	EXPECT("Nearby schools", &monday, "none");
	EXPECT("by", &monday, "none");
	EXPECT("", &monday, "none");
	cr_assert_eq(due.off, 0);
	cr_assert_eq(due.len, 0);
}

Test(due, a_date_that_names_no_day_is_bad_with_the_reason)
{
	EXPECT("KP to reply by 31/02", &monday, "bad");
	cr_expect(strstr(due.why, "February has at most 29 days"), "why: %s", due.why);
	EXPECT("KP to reply by 31 April", &monday, "bad");
	cr_expect(strstr(due.why, "April has 30 days"), "why: %s", due.why);
	EXPECT("KP to reply by 29/02/2027", &monday, "bad");
	cr_expect(strstr(due.why, "February has 28 days in 2027"), "why: %s", due.why);
	EXPECT("KP to reply by 15/13", &monday, "bad");
	/* 29 February without a year: the next one there is. */
	EXPECT("KP to reply by 29/02", &monday, "2028-02-29");
}

Test(due, no_meeting_date_no_phrase)
{
	const struct pd_date month = { 2026, 12, 0 };

	cr_assert_not(pd_due_parse("KP to reply by Friday", 21, &month, &due));
	cr_assert_not(pd_due_parse("KP to reply by Friday", 21, NULL, &due));
	cr_assert_eq(due.kind, PD_DUE_NONE);
}
