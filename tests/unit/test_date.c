/* test_date.c — parsing, formatting and arithmetic of dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "plandesk/base/date.h"

static struct pd_date
date(int y, int m, int d)
{
	struct pd_date	dt = { y, m, d };

	return dt;
}

static void
expect_parse(const char *s, int y, int m, int d)
{
	struct pd_date	got = { -1, -1, -1 };
	struct pd_err	err = { 0, "" };
	int		rc;

	rc = pd_date_parse(s, &got, &err);
	cr_expect_eq(rc, PD_OK, "parse(\"%s\") = %d: %s", s, rc, err.msg);
	cr_expect(got.y == y && got.m == m && got.d == d,
	    "parse(\"%s\") = %d-%d-%d, want %d-%d-%d", s, got.y, got.m, got.d,
	    y, m, d);
}

static void
expect_reject(const char *s, const char *msg)
{
	struct pd_date	got = { -1, -1, -1 };
	struct pd_err	err = { 0, "" };
	int		rc;

	rc = pd_date_parse(s, &got, &err);
	cr_expect_eq(rc, PD_EPARSE, "parse(\"%s\") = %d, want PD_EPARSE", s,
	    rc);
	cr_expect_eq(err.code, PD_EPARSE);
	cr_expect(got.y == -1 && got.m == -1 && got.d == -1,
	    "parse(\"%s\") wrote to out on failure", s);
	if (msg != NULL)
		cr_expect_str_eq(err.msg, msg, "parse(\"%s\"): %s", s, err.msg);
}

/* --- parsing ------------------------------------------------------- */

Test(parse, iso)
{
	expect_parse("2009-06-26", 2009, 6, 26);
	expect_parse("2009-6-2", 2009, 6, 2);
	expect_parse("2009-06", 2009, 6, 0);
	expect_parse("  2009-06-26\t\n", 2009, 6, 26);
	expect_parse("1970-01-01", 1970, 1, 1);
}

Test(parse, day_first_numeric)
{
	expect_parse("26/06/2009", 2009, 6, 26);
	expect_parse("26/6/2009", 2009, 6, 26);
	expect_parse("1/8/2015", 2015, 8, 1);
	expect_parse("26/06/09", 2009, 6, 26);
	expect_parse("01/08/15", 2015, 8, 1);
	expect_parse("19.03.16", 2016, 3, 19);
	expect_parse("19.03.2016", 2016, 3, 19);
	expect_parse("26-06-2009", 2009, 6, 26);
	expect_parse("06/2009", 2009, 6, 0);
}

Test(parse, two_digit_year_pivot)
{
	expect_parse("01/01/00", 2000, 1, 1);
	expect_parse("01/01/69", 2069, 1, 1);
	expect_parse("01/01/70", 1970, 1, 1);
	expect_parse("31/12/99", 1999, 12, 31);
	expect_parse("26-Jun-09", 2009, 6, 26);
	expect_parse("26-Jun-75", 1975, 6, 26);
}

Test(parse, words)
{
	expect_parse("26th June 2009", 2009, 6, 26);
	expect_parse("26 June 2009", 2009, 6, 26);
	expect_parse("1st Jun 2009", 2009, 6, 1);
	expect_parse("2nd Jul 2010", 2010, 7, 2);
	expect_parse("3rd June 2009", 2009, 6, 3);
	expect_parse("22nd December 2021", 2021, 12, 22);
	expect_parse("June 26, 2009", 2009, 6, 26);
	expect_parse("June 26 2009", 2009, 6, 26);
	expect_parse("June 26th, 2009", 2009, 6, 26);
	expect_parse("26th of June, 2009", 2009, 6, 26);
	expect_parse("26 Sept 2015", 2015, 9, 26);
	expect_parse("26 Sep. 2015", 2015, 9, 26);
	expect_parse("  26TH  JUNE   2009 ", 2009, 6, 26);
	expect_parse("26th june 2009", 2009, 6, 26);
	expect_parse("1 May 2020", 2020, 5, 1);
	expect_parse("26-jun-2009", 2009, 6, 26);
}

Test(parse, month_precision)
{
	expect_parse("June 2009", 2009, 6, 0);
	expect_parse("Sept 2015", 2015, 9, 0);
	expect_parse("September 2015", 2015, 9, 0);
	expect_parse("sep 2015", 2015, 9, 0);
	expect_parse("Feb, 2024", 2024, 2, 0);
	expect_parse("DECEMBER 1999", 1999, 12, 0);
}

Test(parse, every_month_name)
{
	static const char *const full[12] = {
		"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November",
		"December"
	};
	char	buf[64];
	int	m;

	for (m = 1; m <= 12; m++) {
		snprintf(buf, sizeof buf, "1 %s 2001", full[m - 1]);
		expect_parse(buf, 2001, m, 1);
		snprintf(buf, sizeof buf, "1 %.3s 2001", full[m - 1]);
		expect_parse(buf, 2001, m, 1);
		snprintf(buf, sizeof buf, "%s 2001", full[m - 1]);
		expect_parse(buf, 2001, m, 0);
	}
}

Test(parse, leap_years)
{
	expect_parse("29/02/2024", 2024, 2, 29);
	expect_parse("29/02/2000", 2000, 2, 29);
	expect_parse("2016-02-29", 2016, 2, 29);
	expect_reject("29/02/2023",
	    "not a date: \"29/02/2023\" (February has 28 days in 2023)");
	expect_reject("29/02/1900",
	    "not a date: \"29/02/1900\" (February has 28 days in 1900)");
	expect_reject("30 February 2024",
	    "not a date: \"30 February 2024\" (February has 29 days in 2024)");
}

Test(parse, errors_with_messages)
{
	expect_reject("31/02/2009",
	    "not a date: \"31/02/2009\" (February has 28 days in 2009)");
	expect_reject("31/04/2009",
	    "not a date: \"31/04/2009\" (April has 30 days)");
	expect_reject("soon",
	    "not a date: \"soon\" (use YYYY-MM-DD, DD/MM/YYYY or "
	    "\"26 June 2009\")");
	expect_reject("  soon  ",
	    "not a date: \"soon\" (use YYYY-MM-DD, DD/MM/YYYY or "
	    "\"26 June 2009\")");
	expect_reject("15th May", "not a date: \"15th May\" (the year is missing)");
	expect_reject("May 15", "not a date: \"May 15\" (the year is missing)");
	expect_reject("June", "not a date: \"June\" (the year is missing)");
	expect_reject("2009-13-01",
	    "not a date: \"2009-13-01\" (there is no month 13)");
	expect_reject("13/13/2009",
	    "not a date: \"13/13/2009\" (there is no month 13)");
	expect_reject("00/06/2009",
	    "not a date: \"00/06/2009\" (there is no day 0)");
	expect_reject("2009-06-00",
	    "not a date: \"2009-06-00\" (there is no day 0)");
	expect_reject("0000-01-01",
	    "not a date: \"0000-01-01\" (there is no year 0)");
	expect_reject("", "not a date: \"\" (use YYYY-MM-DD, DD/MM/YYYY or "
	    "\"26 June 2009\")");
}

Test(parse, rejected_forms)
{
	static const char *const bad[] = {
		"   ", "2009", "20090626", "2009-06-26x", "2009-06-", "2009--06",
		"2009-006-01", "26/06", "26/06/2009/1", "26/06.2009",
		"26/06/209", "26/06/9", "123/06/2009", "26 June 09",
		"26st June 2009 extra", "26xx June 2009", "26 Junee 2009",
		"26 Ju 2009", "26 Janu 2009", "June 26,", "Smarch 2009",
		"June 20099", "26th", "-26/06/2009", "26 June, 2009, 1",
		"2009-06-26T10:00", "26/06/2009 10:00", "\xc3\xa9t\xc3\xa9",
		"2009/06/26",
	};
	size_t	i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_reject(bad[i], NULL);
}

Test(parse, long_input_is_quoted_short)
{
	char		in[300];
	struct pd_date	d;
	struct pd_err	err;

	memset(in, 'x', sizeof in - 1);
	in[sizeof in - 1] = '\0';
	cr_assert_eq(pd_date_parse(in, &d, &err), PD_EPARSE);
	cr_expect_lt(strlen(err.msg), 200);
	cr_expect_not_null(strstr(err.msg, "xxx...\""), "%s", err.msg);
}

Test(parse, bad_arguments)
{
	struct pd_date	d;
	struct pd_err	err;

	cr_expect_eq(pd_date_parse(NULL, &d, &err), PD_EINVAL);
	cr_expect_eq(err.code, PD_EINVAL);
	cr_expect_eq(pd_date_parse("2009-06-26", NULL, NULL), PD_EINVAL);
	cr_expect_eq(pd_date_parse("soon", &d, NULL), PD_EPARSE);
}

/* --- validity and formatting -------------------------------------- */

Test(valid, ranges)
{
	struct pd_date	d;

	d = date(2009, 6, 26);	cr_expect(pd_date_valid(&d));
	d = date(2009, 6, 0);	cr_expect(pd_date_valid(&d));
	d = date(2024, 2, 29);	cr_expect(pd_date_valid(&d));
	d = date(2023, 2, 29);	cr_expect(!pd_date_valid(&d));
	d = date(2009, 13, 1);	cr_expect(!pd_date_valid(&d));
	d = date(2009, 0, 1);	cr_expect(!pd_date_valid(&d));
	d = date(2009, 6, -1);	cr_expect(!pd_date_valid(&d));
	d = date(0, 6, 1);	cr_expect(!pd_date_valid(&d));
	d = date(10000, 1, 1);	cr_expect(!pd_date_valid(&d));
	d = date(9999, 12, 31);	cr_expect(pd_date_valid(&d));
	cr_expect(!pd_date_valid(NULL));
}

Test(format, iso)
{
	char		buf[PD_DATE_ISO_SIZE];
	struct pd_date	d;

	d = date(2009, 6, 26);
	cr_expect_eq(pd_date_iso(&d, buf), 10);
	cr_expect_str_eq(buf, "2009-06-26");
	d = date(2009, 6, 0);
	cr_expect_eq(pd_date_iso(&d, buf), 7);
	cr_expect_str_eq(buf, "2009-06");
	d = date(987, 1, 2);
	cr_expect_eq(pd_date_iso(&d, buf), 10);
	cr_expect_str_eq(buf, "0987-01-02");
	d = date(2009, 2, 30);
	cr_expect_eq(pd_date_iso(&d, buf), 0);
	cr_expect_str_eq(buf, "");
}

Test(format, long_form)
{
	static const struct {
		int		 d;
		const char	*want;
	} days[] = {
		{ 1, "1st" }, { 2, "2nd" }, { 3, "3rd" }, { 4, "4th" },
		{ 11, "11th" }, { 12, "12th" }, { 13, "13th" }, { 21, "21st" },
		{ 22, "22nd" }, { 23, "23rd" }, { 26, "26th" }, { 30, "30th" },
		{ 31, "31st" },
	};
	char		buf[PD_DATE_LONG_SIZE], want[64];
	struct pd_date	d;
	size_t		i;

	d = date(2009, 6, 26);
	cr_expect_eq(pd_date_long(&d, buf, sizeof buf), 14);
	cr_expect_str_eq(buf, "26th June 2009");
	d = date(2009, 6, 0);
	cr_expect_eq(pd_date_long(&d, buf, sizeof buf), 9);
	cr_expect_str_eq(buf, "June 2009");
	for (i = 0; i < sizeof days / sizeof days[0]; i++) {
		d = date(2009, 12, days[i].d);
		snprintf(want, sizeof want, "%s December 2009", days[i].want);
		pd_date_long(&d, buf, sizeof buf);
		cr_expect_str_eq(buf, want);
	}
	/* The longest fits PD_DATE_LONG_SIZE. */
	d = date(9999, 9, 30);
	cr_expect_lt(pd_date_long(&d, buf, sizeof buf), PD_DATE_LONG_SIZE);
	cr_expect_str_eq(buf, "30th September 9999");
	/* Truncation reports the full length, as snprintf does. */
	d = date(2009, 6, 26);
	cr_expect_eq(pd_date_long(&d, buf, 5), 14);
	cr_expect_str_eq(buf, "26th");
	cr_expect_eq(pd_date_long(&d, NULL, 0), 14);
	d = date(2009, 2, 30);
	cr_expect_eq(pd_date_long(&d, buf, sizeof buf), 0);
	cr_expect_str_eq(buf, "");
}

Test(format, round_trip)
{
	char		buf[PD_DATE_LONG_SIZE];
	struct pd_date	d = date(1999, 12, 25), back;

	pd_date_long(&d, buf, sizeof buf);
	cr_assert_eq(pd_date_parse(buf, &back, NULL), PD_OK);
	cr_expect_eq(pd_date_cmp(&d, &back), 0);
	pd_date_iso(&d, buf);
	cr_assert_eq(pd_date_parse(buf, &back, NULL), PD_OK);
	cr_expect_eq(pd_date_cmp(&d, &back), 0);
	d.d = 0;
	pd_date_long(&d, buf, sizeof buf);
	cr_assert_eq(pd_date_parse(buf, &back, NULL), PD_OK);
	cr_expect_eq(pd_date_cmp(&d, &back), 0);
}

/* --- comparison ---------------------------------------------------- */

Test(cmp, ordering)
{
	struct pd_date	a, b;

	a = date(2009, 6, 26); b = date(2009, 6, 26);
	cr_expect_eq(pd_date_cmp(&a, &b), 0);
	a = date(2009, 6, 25);
	cr_expect_lt(pd_date_cmp(&a, &b), 0);
	cr_expect_gt(pd_date_cmp(&b, &a), 0);
	a = date(2008, 12, 31); b = date(2009, 1, 1);
	cr_expect_lt(pd_date_cmp(&a, &b), 0);
	a = date(2009, 5, 31); b = date(2009, 6, 1);
	cr_expect_lt(pd_date_cmp(&a, &b), 0);
	/* Month precision sorts before the 1st and after the month before. */
	a = date(2009, 6, 0); b = date(2009, 6, 1);
	cr_expect_lt(pd_date_cmp(&a, &b), 0);
	b = date(2009, 5, 31);
	cr_expect_gt(pd_date_cmp(&a, &b), 0);
	b = date(2009, 6, 0);
	cr_expect_eq(pd_date_cmp(&a, &b), 0);
}

/* --- arithmetic ---------------------------------------------------- */

static void
expect_months(struct pd_date d, int months, int y, int m, int day)
{
	struct pd_date	in = d;

	pd_date_add_months(&d, months);
	cr_expect(d.y == y && d.m == m && d.d == day,
	    "%d-%d-%d + %d months = %d-%d-%d, want %d-%d-%d", in.y, in.m,
	    in.d, months, d.y, d.m, d.d, y, m, day);
}

Test(arith, add_months_clamps_the_day)
{
	expect_months(date(2023, 1, 31), 1, 2023, 2, 28);
	expect_months(date(2024, 1, 31), 1, 2024, 2, 29);
	expect_months(date(2024, 3, 31), -1, 2024, 2, 29);
	expect_months(date(2009, 5, 31), 1, 2009, 6, 30);
	expect_months(date(2009, 1, 15), 1, 2009, 2, 15);
	expect_months(date(2009, 11, 30), 3, 2010, 2, 28);
	expect_months(date(2009, 1, 31), -1, 2008, 12, 31);
	expect_months(date(2009, 6, 26), 12, 2010, 6, 26);
	expect_months(date(2009, 6, 26), -30, 2006, 12, 26);
	expect_months(date(2009, 6, 26), 0, 2009, 6, 26);
	expect_months(date(2009, 6, 0), 7, 2010, 1, 0);
	expect_months(date(9999, 12, 31), 1, 9999, 12, 31);
	expect_months(date(1, 1, 1), -1, 1, 1, 1);
	expect_months(date(2009, 2, 30), 1, 2009, 2, 30);	/* invalid */
}

static void
expect_days(struct pd_date d, int days, int y, int m, int day)
{
	struct pd_date	in = d;

	pd_date_add_days(&d, days);
	cr_expect(d.y == y && d.m == m && d.d == day,
	    "%d-%d-%d + %d days = %d-%d-%d, want %d-%d-%d", in.y, in.m, in.d,
	    days, d.y, d.m, d.d, y, m, day);
}

Test(arith, add_days)
{
	expect_days(date(2009, 6, 26), 1, 2009, 6, 27);
	expect_days(date(2009, 6, 30), 1, 2009, 7, 1);
	expect_days(date(2009, 12, 31), 1, 2010, 1, 1);
	expect_days(date(2010, 1, 1), -1, 2009, 12, 31);
	expect_days(date(2024, 2, 28), 1, 2024, 2, 29);
	expect_days(date(2023, 2, 28), 1, 2023, 3, 1);
	expect_days(date(2000, 2, 28), 1, 2000, 2, 29);
	expect_days(date(1900, 2, 28), 1, 1900, 3, 1);
	expect_days(date(2009, 6, 26), 365, 2010, 6, 26);
	expect_days(date(2009, 6, 26), -3650, 1999, 6, 29);
	expect_days(date(2009, 6, 0), 1, 2009, 6, 2);
	expect_days(date(9999, 12, 30), 100, 9999, 12, 31);
	expect_days(date(1, 1, 2), -100, 1, 1, 1);
}

Test(arith, days_since_epoch)
{
	struct pd_date	d;

	d = date(1970, 1, 1);	cr_expect_eq(pd_date_days(&d), 0);
	d = date(1970, 1, 2);	cr_expect_eq(pd_date_days(&d), 1);
	d = date(1969, 12, 31);	cr_expect_eq(pd_date_days(&d), -1);
	d = date(2000, 3, 1);	cr_expect_eq(pd_date_days(&d), 11017);
	d = date(2009, 6, 26);	cr_expect_eq(pd_date_days(&d), 14421);
	d = date(2009, 6, 0);	cr_expect_eq(pd_date_days(&d), 14396);
	d = date(1, 1, 1);	cr_expect_eq(pd_date_days(&d), -719162);
	d = date(2009, 2, 30);	cr_expect_eq(pd_date_days(&d), 0);
}

Test(arith, walk_every_day_matches_the_calendar)
{
	/* Walk day by day from 1600 to 2400 by hand and compare. */
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	struct pd_date	walk = date(1600, 1, 1), d;
	long		z;
	int		leap, dim;

	z = pd_date_days(&walk);
	while (walk.y < 2400) {
		d = date(1600, 1, 1);
		pd_date_add_days(&d, (int)(z - pd_date_days(&d)));
		cr_assert(d.y == walk.y && d.m == walk.m && d.d == walk.d,
		    "day %ld: %d-%d-%d, want %d-%d-%d", z, d.y, d.m, d.d,
		    walk.y, walk.m, walk.d);
		cr_assert_eq(pd_date_days(&walk), z);
		leap = (walk.y % 4 == 0 && walk.y % 100 != 0) ||
		    walk.y % 400 == 0;
		dim = mdays[walk.m - 1] + (walk.m == 2 && leap);
		if (++walk.d > dim) {
			walk.d = 1;
			if (++walk.m > 12) {
				walk.m = 1;
				walk.y++;
			}
		}
		z++;
	}
}

/* --- today --------------------------------------------------------- */

Test(today, from_environment)
{
	struct pd_date	d;

	cr_assert_eq(setenv("PLANDESK_TODAY", "2009-06-26", 1), 0);
	cr_expect_eq(pd_date_today(&d), PD_OK);
	cr_expect(d.y == 2009 && d.m == 6 && d.d == 26);
	cr_assert_eq(setenv("PLANDESK_TODAY", " 1st Jun 2010 ", 1), 0);
	cr_expect_eq(pd_date_today(&d), PD_OK);
	cr_expect(d.y == 2010 && d.m == 6 && d.d == 1);
}

Test(today, unparseable_environment)
{
	struct pd_date	d = date(1, 2, 3);

	cr_assert_eq(setenv("PLANDESK_TODAY", "soon", 1), 0);
	cr_expect_eq(pd_date_today(&d), PD_EINVAL);
	cr_assert_eq(setenv("PLANDESK_TODAY", "31/02/2009", 1), 0);
	cr_expect_eq(pd_date_today(&d), PD_EINVAL);
	cr_assert_eq(setenv("PLANDESK_TODAY", "June 2009", 1), 0);
	cr_expect_eq(pd_date_today(&d), PD_EINVAL);	/* no day */
	cr_expect(d.y == 1 && d.m == 2 && d.d == 3);
	cr_expect_eq(pd_date_today(NULL), PD_EINVAL);
}

Test(today, from_the_clock)
{
	struct pd_date	d;

	cr_assert_eq(unsetenv("PLANDESK_TODAY"), 0);
	cr_assert_eq(pd_date_today(&d), PD_OK);
	cr_expect(pd_date_valid(&d));
	cr_expect(d.d != 0);
	cr_expect_geq(d.y, 2024);
	cr_assert_eq(setenv("PLANDESK_TODAY", "", 1), 0);
	cr_assert_eq(pd_date_today(&d), PD_OK);	/* empty: the clock */
	cr_expect_geq(d.y, 2024);
}

/* --- styles: one per document ------------------------------------------- */

Test(style, three_styles)
{
	struct pd_date day = { 2009, 5, 15 }, month = { 2015, 9, 0 };
	enum pd_date_style st;
	char buf[PD_DATE_TEXT_SIZE];

	pd_date_styled(&day, PD_DS_LONG, buf, sizeof buf);
	cr_assert_str_eq(buf, "15th May 2009");
	pd_date_styled(&day, PD_DS_SHORT, buf, sizeof buf);
	cr_assert_str_eq(buf, "15/05/2009");
	pd_date_styled(&day, PD_DS_ISO, buf, sizeof buf);
	cr_assert_str_eq(buf, "2009-05-15");
	pd_date_styled(&month, PD_DS_LONG, buf, sizeof buf);
	cr_assert_str_eq(buf, "September 2015");
	pd_date_styled(&month, PD_DS_SHORT, buf, sizeof buf);
	cr_assert_str_eq(buf, "09/2015");
	pd_date_styled(&month, PD_DS_ISO, buf, sizeof buf);
	cr_assert_str_eq(buf, "2015-09");
	cr_assert_eq(pd_date_text("2016-06-29", PD_DS_SHORT, buf), 10);
	cr_assert_str_eq(buf, "29/06/2016");
	cr_assert_eq(pd_date_text("Post completion of JSNA", PD_DS_LONG, buf), 0);
	cr_assert_str_eq(buf, "");
	cr_assert_eq(pd_date_text(NULL, PD_DS_ISO, buf), 0);
	cr_assert_eq(pd_date_style_parse("Short", &st), PD_OK);
	cr_assert_eq(st, PD_DS_SHORT);
	cr_assert_eq(pd_date_style_parse("iso", &st), PD_OK);
	cr_assert_eq(st, PD_DS_ISO);
	cr_assert_eq(pd_date_style_parse("medium", &st), PD_EINVAL);
}
