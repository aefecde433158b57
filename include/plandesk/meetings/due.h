/*
 * due.h — the due date at the end of an action typed in a meeting:
 *
 *	KP to circulate the dates by 15 January
 *	DD to ring the school by Friday
 *	KP to draft the leaflet by the end of March
 *	Schools to reply by next meeting
 *
 * The parser is pure (no store).  It looks at the end of the line for
 * "by PHRASE" (or "due PHRASE"), where PHRASE is, in any case, with an
 * optional leading "the" and trailing full stop:
 *
 *	a date		any form pd_date_parse_noyear() reads: "15 January",
 *			"15th Jan", "15/01", "15/01/2027", "2027-01-15";
 *			without a year it is the next such date on or after
 *			the meeting (UK order: day, then month)
 *	today, tomorrow
 *	a weekday	"Friday", "Fri", "this Friday": the next one after
 *			the meeting's day; "next Friday": the one in the week
 *			after the meeting's week (weeks run Monday to Sunday)
 *	end of …	"end of March" (the next end of March on or after the
 *			meeting), "end of March 2027", "end of the month",
 *			"end of next month", "end of the week" (the Friday)
 *	next meeting	"next meeting", "the next meeting": the action is
 *			due at the next meeting, whose date may not be known
 *			yet (see pd_meeting_end)
 *
 * A phrase that is no date ("by the school", "by e-mail") leaves the line
 * alone.  One with the shape of a date that names no day ("by 31/02") is
 * PD_DUE_BAD with the reason, so the caller can say so and keep the text.
 */
#ifndef PLANDESK_DUE_H
#define PLANDESK_DUE_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/base/date.h"

enum pd_due_kind {
	PD_DUE_NONE,		/* no due phrase at the end of the line */
	PD_DUE_DATE,		/* a date: `date` */
	PD_DUE_NEXT_MEETING,	/* "by next meeting" */
	PD_DUE_BAD,		/* a date-shaped phrase naming no day: `why` */
};

/** What pd_due_parse() found. */
struct pd_due {
	enum pd_due_kind kind;
	/** The phrase in the line, from "by" to its end ("by 15 January"). */
	size_t		off, len;
	/** PD_DUE_DATE: the date, day precision. */
	struct pd_date date;
	/** PD_DUE_BAD: why, e.g. "February has at most 29 days". */
	char why[128];
};

/** @brief Find the due date at the end of a typed line.
 *
 * @param[in] s The line (UTF-8); need not be NUL-terminated.
 * @param[in] n Its length in bytes.
 * @param[in] from The meeting's date (day precision): dates without a
 *	year, weekdays and "end of" count from it.
 * @param[out] out Receives the result; always filled (kind PD_DUE_NONE
 *	when there is no phrase).
 * @return true when a phrase was found (kind is not PD_DUE_NONE).
 */
bool pd_due_parse(const char *s, size_t n, const struct pd_date *from,
		  struct pd_due *out);

#endif
