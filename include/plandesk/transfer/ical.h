/*
 * ical.h — meetings and actions as iCalendar (RFC 5545), for the
 * officer's calendar: Outlook, Thunderbird, a phone, calcurse.  Built
 * with libical, which escapes the text, folds lines at 75 octets and ends
 * them with CRLF.
 *
 * Meetings: every meeting is an all-day VEVENT on its date (plandesk
 * keeps no times): SUMMARY the meeting's title, else "PLAN meeting";
 * LOCATION; DESCRIPTION the plan and who came and who sent apologies;
 * an ATTENDEE (mailto:, CN the name) for each of those people with an
 * e-mail address in the directory, PARTSTAT ACCEPTED or DECLINED.  Per
 * plan, the next meeting its latest meeting planned (`next`), unless a
 * meeting on that date is already recorded, is a TENTATIVE VEVENT with
 * the latest meeting's place and people (NEEDS-ACTION).
 *
 * Actions: every action is a VTODO: SUMMARY its text on one line;
 * DESCRIPTION the whole text, the item and plan, the owner as typed and
 * the meeting that raised it; DUE its due date (a month-only date: the
 * month's last day); STATUS NEEDS-ACTION, COMPLETED (with COMPLETED, the
 * day it was closed) or CANCELLED (dropped); an ATTENDEE for each owner
 * with an e-mail address.  Closed actions are written too, so importing
 * a newer file marks done in the calendar what is done here.
 *
 * UIDs are made from the record's id and creation time ("plandesk-
 * meeting-1245..-42"; the next meeting's from its plan's), so importing a
 * newer file updates the calendar's entries rather than adding copies;
 * LAST-MODIFIED is the record's update time and DTSTAMP the time of the
 * export.  Meetings and actions dated only by a month (and a next meeting
 * so dated) cannot be placed on a day and are left out (counted).
 */
#ifndef PLANDESK_ICAL_H
#define PLANDESK_ICAL_H

#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/records/record.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

struct pd_ical_opts {
	/* Actions: only those of this owner (initials, a name, or the owner
	 * as typed, as report.h's --owner); NULL or "" for all. */
	const char *owner;
	/* DTSTAMP, seconds since the epoch (UTC); 0: the clock. */
	int64_t     now;
};

struct pd_ical_stats {
	size_t written;    /* VEVENTs or VTODOs */
	size_t undated;    /* left out: dated only by a month */
};

/** @brief Append the meetings (kind PD_MEETING) or the actions
 * (PD_ACTION) as one VCALENDAR.
 *
 * @param[in] txn A read transaction.
 * @param[in] kind PD_MEETING or PD_ACTION.
 * @param[in] opts Options, or NULL.
 * @param[out] out Receives the calendar (appended).
 * @param[out] stats Receives the counts.  May be NULL.
 * @param[out] err Receives a message on failure.  May be NULL.
 * @return PD_OK; PD_EINVAL (another kind; `owner` on meetings);
 *	PD_ECORRUPT; PD_EDB; PD_ENOMEM.
 */
int pd_export_ical(struct pd_txn *txn, enum pd_kind kind,
		   const struct pd_ical_opts *opts, struct pd_buf *out,
		   struct pd_ical_stats *stats, struct pd_err *err);

#endif
