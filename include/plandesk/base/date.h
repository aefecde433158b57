/*
 * date.h — calendar dates (proleptic Gregorian, years 1 to 9999) at day or
 * month precision, parsed from the forms people type into spreadsheets
 * and minutes.
 */
#ifndef PLANDESK_DATE_H
#define PLANDESK_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/status.h"

/** A date.  `d` == 0 means month precision ("June 2009"). */
struct pd_date {
	int y;   /* 1 to 9999 */
	int m;   /* 1 to 12 */
	int d;   /* 1 to 31, or 0 for the whole month */
};

/** Buffer size for pd_date_iso(): "YYYY-MM-DD" and the NUL. */
#define PD_DATE_ISO_SIZE	11

/** Buffer size that always holds pd_date_long(): "30th September 9999". */
#define PD_DATE_LONG_SIZE	24

/** @brief Parse a date as people write it.
 *
 * Surrounding white space is ignored, and letters may be in any case.
 * Accepted forms:
 *	<ul>
 *	<li>ISO: "2009-06-26", and "2009-06" for a month.
 *	<li>Day first, with '/', '.' or '-' (the same one twice):
 *	    "26/06/2009", "26/6/2009", "19.03.2016", "19.03.16".  Two-digit
 *	    years 00-69 mean 2000-2069, and 70-99 mean 1970-1999.  "06/2009"
 *	    is a month.
 *	<li>Words: "26 June 2009", "26th June 2009", "1st Jun 2009",
 *	    "26th of June, 2009", "June 26, 2009", "June 26th 2009"; and for
 *	    a month "June 2009", "Sept 2015", "September 2015".  Month names
 *	    are full or abbreviated to 3 letters (or "Sept"), optionally with
 *	    a '.'; the year has 4 digits.
 *	</ul>
 * A date with no year ("15th May") is rejected as ambiguous.
 *
 * @param[in] s The NUL-terminated text.
 * @param[out] out Receives the date; untouched on failure.
 * @param[out] err Receives a message on failure, such as
 *	`not a date: "31/02/2009" (February has 28 days in 2009)`.  May be
 *	NULL.
 * @return A PD_* status code:
 *	<ul>
 *	<li>PD_OK - the date is in `*out`.
 *	<li>PD_EPARSE - `s` is not a date in one of the forms above, or names
 *	    a day that does not exist.
 *	<li>PD_EINVAL - `s` or `out` is NULL.
 *	</ul>
 */
int pd_date_parse(const char *s, struct pd_date *out, struct pd_err *err);

/** @brief Parse a date whose year may be left out, as a line typed in a
 * meeting says it ("by 15 January", "by 15/01").
 *
 * Accepts every form of pd_date_parse(), and also those forms with no
 * year: "15 January", "15th of Jan", "January 15th", "15/01", "15.1".
 *
 * @param[in] s The text (need not be NUL-terminated).
 * @param[in] n Its length in bytes.
 * @param[out] out Receives the date, with `y` 0 when no year was given
 *	(then `d` is a day that month has in some year: 29 February is
 *	accepted); untouched on failure.
 * @param[out] err Receives a message on failure.  May be NULL.
 * @return A PD_* status code:
 *	<ul>
 *	<li>PD_OK - the date is in `*out`.
 *	<li>PD_EPARSE - `s` is not a date in a known form.
 *	<li>PD_EINVAL - `s` has the form of a date but names a day that does
 *	    not exist ("31/02": err says "February has at most 29 days"),
 *	    or `s` or `out` is NULL.
 *	</ul>
 */
int pd_date_parse_noyear(const char *s, size_t n, struct pd_date *out,
			 struct pd_err *err);

/** @brief Tell whether a date exists.
 *
 * @param[in] d The date; NULL is not valid.
 * @return true if the year is 1 to 9999, the month 1 to 12, and the day 0
 *	(month precision) or a day of that month.
 */
bool pd_date_valid(const struct pd_date *d);

/** @brief Format a date as ISO 8601.
 *
 * @param[in] d The date.
 * @param[out] buf Receives "2009-06-26", or "2009-06" at month precision;
 *	an empty string if `d` is not valid.
 * @return The length written, without the NUL.
 */
size_t pd_date_iso(const struct pd_date *d, char buf[static PD_DATE_ISO_SIZE]);

/** @brief Format a date in words, for minutes.
 *
 * @param[in] d The date.
 * @param[out] buf Receives "26th June 2009", or "June 2009" at month
 *	precision; an empty string if `d` is not valid.  Truncated to fit, as
 *	snprintf does.  May be NULL if `n` is 0.
 * @param[in] n The size of `buf`; #PD_DATE_LONG_SIZE is always enough.
 * @return The length of the full text, without the NUL (as snprintf: if it
 *	is `n` or more, the text was truncated).
 */
size_t pd_date_long(const struct pd_date *d, char *buf, size_t n);

/** How a document writes its dates; one style per document. */
enum pd_date_style {
	PD_DS_LONG,	/* "15th May 2009", "September 2015" (the default) */
	PD_DS_SHORT,	/* "15/05/2009", "09/2015" */
	PD_DS_ISO	/* "2009-05-15", "2015-09" */
};

/** Buffer size that always holds pd_date_styled(). */
#define PD_DATE_TEXT_SIZE	PD_DATE_LONG_SIZE

/** @brief Name a date style.
 *
 * @param[in] name "long", "short" or "iso" (any case).
 * @param[out] out Receives the style; untouched on failure.
 * @return PD_OK, or PD_EINVAL for another name (or NULL).
 */
int pd_date_style_parse(const char *name, enum pd_date_style *out);

/** @brief Format a date in a style.
 *
 * @param[in] d The date.
 * @param[in] style The style.
 * @param[out] buf Receives the text; an empty string if `d` is not valid.
 * @param[in] n The size of `buf`; #PD_DATE_TEXT_SIZE is always enough.
 * @return The length of the full text, without the NUL (as snprintf).
 */
size_t pd_date_styled(const struct pd_date *d, enum pd_date_style style,
		      char *buf, size_t n);

/** @brief Format stored date text in a style.
 *
 * @param[in] text A stored date ("2009-05-15", "2015-09"), or any text.
 * @param[in] style The style.
 * @param[out] buf Receives the date in `style`, or "" when `text` is NULL
 *	or not a date (a target such as "Post completion of JSNA").
 * @return The length written, without the NUL.
 */
size_t pd_date_text(const char *text, enum pd_date_style style,
		    char buf[static PD_DATE_TEXT_SIZE]);

/** @brief Compare two dates.
 *
 * A month-precision date sorts just before the 1st of that month.
 *
 * @param[in] a The first date.
 * @param[in] b The second date.
 * @return < 0, 0 or > 0 as `a` is before, the same as, or after `b`.
 */
int pd_date_cmp(const struct pd_date *a, const struct pd_date *b);

/** @brief Get today's date.
 *
 * Today in UTC, unless the environment variable PLANDESK_TODAY is set and
 * not empty: then the day-precision date it holds (in any form that
 * pd_date_parse() accepts), so that tests never depend on the clock.
 *
 * @param[out] out Receives the date.
 * @return A PD_* status code:
 *	<ul>
 *	<li>PD_OK - the date is in `*out`.
 *	<li>PD_EINVAL - `out` is NULL, or PLANDESK_TODAY is set but is not a
 *	    date with a day.
 *	<li>PD_EIO - the system clock could not be read.
 *	</ul>
 */
int pd_date_today(struct pd_date *out);

/** @brief Move a date by a number of days.
 *
 * A month-precision date counts as the 1st of its month, and the result
 * has day precision.  The result is kept within years 1 to 9999.  Nothing
 * happens if `d` is NULL or not valid.
 *
 * @param[in,out] d The date.
 * @param[in] days The days to add; may be negative.
 */
void pd_date_add_days(struct pd_date *d, int days);

/** @brief Move a date by a number of months.
 *
 * The day is clamped to the end of the new month: 31 January + 1 month is
 * 28 (or 29) February.  Month precision stays month precision.  The result
 * is kept within years 1 to 9999.  Nothing happens if `d` is NULL or not
 * valid.
 *
 * @param[in,out] d The date.
 * @param[in] months The months to add; may be negative.
 */
void pd_date_add_months(struct pd_date *d, int months);

/** @brief Count the days since 1970-01-01.
 *
 * @param[in] d The date; month precision counts as the 1st of the month.
 * @return The number of days, negative before 1970; 0 if `d` is NULL or
 *	not valid.
 */
long pd_date_days(const struct pd_date *d);

/** Bytes pd_date_unpack writes at most ("YYYY-MM-DD"; no NUL). */
#define PD_DATE_PACKED_TEXT	10

/** @brief A stored date's text as one number (date_pack.c).
 *
 * For a record's date field and a directory card's verified date: the
 * text "YYYY-MM" or "YYYY-MM-DD" (month 01 to 12, day 01 to 31; no
 * calendar is asked, so "2025-02-30" packs too and `check` still reports
 * it) is (year × 12 + month − 1) × 32 + day, day 0 for a month: three
 * bytes for any year to 9999, against seven or ten.
 *
 * @param[in] s The text, `n` bytes (not NUL-terminated).
 * @param[out] x Receives the number when the text packs.
 * @return true when it does; false for any other text.
 */
bool pd_date_pack(const char *s, size_t n, uint64_t *x);

/** @brief Spell a packed date back: exactly the text pd_date_pack took.
 *
 * @param[in] x The number.
 * @param[out] out Receives the text, without a NUL.
 * @return Its length, 7 or 10; 0 when x is no packed date (a year past
 *	9999).
 */
size_t pd_date_unpack(uint64_t x, char out[static PD_DATE_PACKED_TEXT]);

#endif
