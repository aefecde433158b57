/*
 * minutes.h — the minutes of a meeting as a document, in the shape
 * partnerships send out today (the sample's C3P meetings, share/sample):
 *
 *	the plan, the date (long form: "26th June 2009"), the place, who was
 *	present, who sent apologies;
 *	for each item of the plan in order: its ref and title (and lead),
 *	"Actions required" (the agreed actions), "Progress: <date>" (the
 *	notes of this meeting, to-dos ticked done at it, and the status
 *	given), "To do by next meeting" (actions raised at this meeting or
 *	carried forward and still open at it, with their owners);
 *	the open actions by person; the next meeting's date.
 *
 * "Open" is as things stood at the meeting: an action closed after the
 * meeting's date still counts as open in its minutes, so minutes printed
 * again later read the same.
 *
 * The minutes are built once as a document (docmodel.h) and written in
 * any of its formats: Markdown; plain text wrapped at 72 columns (for an
 * e-mail body); HTML that is self-contained and prints on A4; Word
 * (.docx) and OpenDocument (.odt) files with A4 pages, a footer with page
 * numbers, Heading styles and the table of each item as partnerships
 * lay it out.
 * Every date is written in one style (long by default).  An action done
 * by the meeting's date is shown done, with its date ("✓ … — done 15th
 * May 2009"), where it was listed; open actions with no owner are listed
 * under "No owner".
 * Core writes the document into a buffer; it never prints.
 */
#ifndef PLANDESK_MINUTES_H
#define PLANDESK_MINUTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "plandesk/documents/confidential.h"
#include "plandesk/documents/docmodel.h"
#include "plandesk/documents/format.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

struct pd_minutes_opts {
	enum pd_date_style date_style;   /* PD_DS_LONG by default (zeroed) */
	/* Entries marked confidential (an item with all it holds, an action,
	 * a note) are left out, and a line under the title says how many;
	 * with `confidential` they are shown, each marked CONFIDENTIAL
	 * (confidential.h). */
	bool               confidential;
	struct pd_conf_count *count;     /* gets the numbers; may be NULL */
};

/*
 * The meetings held on `iso` (a "YYYY-MM-DD" date), of any plan, in the
 * order created: *ids is malloc'd (free it; NULL when none), *n their
 * number.  Returns PD_OK (also when there are none), PD_ECORRUPT, PD_EDB,
 * PD_ENOMEM.
 */
int pd_meetings_on(struct pd_txn *txn, const char *iso, uint64_t **ids,
		   size_t *n, struct pd_err *err);

/*
 * Build the minutes of meeting `meeting` into `dm` (initialised by the
 * caller, who frees it).  `opts` may be NULL (long dates).  Reads the
 * meeting, its plan, the plan's items with their actions and updates, and
 * the people named; nothing else.
 * Returns PD_OK, PD_NOTFOUND (no such meeting), PD_ECORRUPT, PD_EDB,
 * PD_ENOMEM.
 */
int pd_minutes_doc(struct pd_txn *txn, uint64_t meeting,
		   const struct pd_minutes_opts *opts, struct pd_dm *dm,
		   struct pd_err *err);

/*
 * Append the minutes of meeting `meeting` in format `fmt` (one of
 * PD_FMTS_MINUTES) to `out`.  `opts` may be NULL.
 * Returns PD_OK, PD_NOTFOUND (no such meeting), PD_EINVAL (a format the
 * minutes are not written in), PD_ECORRUPT, PD_EDB, PD_ENOMEM, PD_EIO
 * (the zip or XML library failed).
 */
int pd_minutes(struct pd_txn *txn, uint64_t meeting, enum pd_format fmt,
	       const struct pd_minutes_opts *opts, struct pd_buf *out,
	       struct pd_err *err);

#endif
