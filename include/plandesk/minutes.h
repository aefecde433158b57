/*
 * minutes.h — the minutes of a meeting as a document, in the shape
 * partnerships send out today (seed 000):
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
 * Formats: Markdown; plain text wrapped at 72 columns (for an e-mail
 * body); HTML that is self-contained (inline CSS, no scripts, no external
 * files), well-formed (it parses as XML), prints on A4, and opens in Word
 * and LibreOffice with bordered tables like the hand-made minutes.
 * Core writes the document into a buffer; it never prints.
 */
#ifndef PLANDESK_MINUTES_H
#define PLANDESK_MINUTES_H

#include <stddef.h>
#include <stdint.h>

#include "plandesk/buf.h"
#include "plandesk/status.h"
#include "plandesk/store.h"

enum pd_doc_format { PD_DOC_MD, PD_DOC_TXT, PD_DOC_HTML };

/*
 * The format named `name` ("md", "markdown", "txt", "text", "html").
 * Returns PD_OK, or PD_EINVAL for another name.
 */
int pd_doc_format_parse(const char *name, enum pd_doc_format *out);

/*
 * The meetings held on `iso` (a "YYYY-MM-DD" date), of any plan, in the
 * order created: *ids is malloc'd (free it; NULL when none), *n their
 * number.  Returns PD_OK (also when there are none), PD_ECORRUPT, PD_EDB,
 * PD_ENOMEM.
 */
int pd_meetings_on(struct pd_txn *txn, const char *iso, uint64_t **ids,
		   size_t *n, struct pd_err *err);

/*
 * Append the minutes of meeting `meeting` in format `fmt` to `out`.
 * Reads the meeting, its plan, the plan's items with their actions and
 * updates, and the people named; nothing else.
 * Returns PD_OK, PD_NOTFOUND (no such meeting), PD_EINVAL (bad format),
 * PD_ECORRUPT, PD_EDB, PD_ENOMEM.
 */
int pd_minutes(struct pd_txn *txn, uint64_t meeting, enum pd_doc_format fmt,
	       struct pd_buf *out, struct pd_err *err);

#endif
