/*
 * report.h — the documents a partnership sends to its committees, built
 * from one plan:
 *
 *   progress    a recommendation tracker (the sample's CSE): for each
 *               item (its sub-items right under it) No., recommendation, link
 *               officer, anticipated completion and completion date, the
 *               evidence of progress (the updates since a date, or those
 *               of the latest date), the assessment ("1 – Fully
 *               achieved"), how the assessment moved ("2 → 3 on
 *               29/06/2016"), and a "may have slipped" flag; above the
 *               table, how many assessments are in each category.
 *   monitoring  a business plan's monitoring table (the sample's C3BP):
 *               theme by theme, each priority with its actions agreed, its latest
 *               update with that update's date, and its status.
 *   actions     open actions by owner with their due dates, overdue ones
 *               first in each owner's list and marked.
 *   retention   of no one plan (its REF is not used): the plans past their
 *               retention date, under a legal hold, and with none; the
 *               people not verified for opts->months months.
 *
 * Each report is built once as a document (docmodel.h) and written as
 * Markdown (readable in a terminal: the long rows of a tracker as a block
 * each), text, HTML, Word (.docx) or OpenDocument (.odt) — A4, landscape
 * for the two wide tables, headings in Heading styles, the header row on
 * every page, assessment and status cells shaded in their colour with
 * their text — or as a table of rows: CSV (ISO dates, through the csv.h
 * writer and so with its formula guard and its Excel form) or a
 * spreadsheet (.xlsx: text cells, real dates; sheet.h).
 *
 * Every document says under its title the date it is "as at" (today) and
 * the period its data covers ("updates of 3rd June 2009"), writes all its
 * dates in one style (opts->date_style), and leaves out a column that is
 * empty in every row.
 *
 * The actions report is also written as mail (PD_FMT_MAIL): for each owner
 * a plain text message with To: (their address from the directory),
 * Subject: and MIME headers, ready for `mutt -H -` or `sendmail -t`;
 * several messages come as an mbox ("From " lines), which `formail -s`
 * splits or mutt opens.  Owners with no address get no message (opts->warn
 * says so); no message at all is PD_NOTFOUND.  plandesk never sends mail.
 *
 * Definitions:
 *   - An item's assessment is its `status` (the latest assessment), or,
 *     when that is unset, the status of its latest update that has one.
 *   - May have slipped: the target date has passed (a month target once the
 *     month is over), the item has no completion date, and its assessment
 *     is neither "fully achieved" nor already one that says it slipped or
 *     failed ("slipped", "not achieved", amber, red) — those say it
 *     themselves.  So it flags items still reported on track (or not
 *     assessed at all) after their date.
 *   - Overdue action: open, with a due date before today (track.h).
 *   - The summary counts every row of the tracker by what its assessment
 *     cell shows — a level of the scale, another code ("Other"), "Not yet
 *     assessed", or, for an item with no assessment of its own, "See its
 *     parts" (its sub-items are assessed) or "See the item above" (its
 *     parent is) — so its total is the number of rows.
 *   - A completed action is shown done with its date ("✓ … — done 15th
 *     May 2009") among the actions agreed.
 *
 * "Today" never comes from the clock when the caller gives it (the
 * --today option; PLANDESK_TODAY through pd_date_today), so a report is
 * the same every time it is made from the same data.
 *
 * Core builds the document into a buffer (or a file); it never prints.
 */
#ifndef PLANDESK_REPORT_H
#define PLANDESK_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "plandesk/documents/confidential.h"
#include "plandesk/documents/format.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

enum pd_report_kind { PD_REPORT_PROGRESS, PD_REPORT_MONITORING, PD_REPORT_ACTIONS,
		      PD_REPORT_RETENTION };

struct pd_report_opts {
	enum pd_format format;   /* one of PD_FMTS_REPORT; the actions report
				    also PD_FMT_MAIL */
	/* How the documents write dates (CSV and .xlsx: ISO, real dates). */
	enum pd_date_style date_style;
	/* The date overdue and "may have slipped" are judged on, and the
	 * report's "as at" date; day precision.  y == 0: pd_date_today(). */
	struct pd_date today;
	/* progress: the evidence is every update on or after this date;
	 * y == 0: the updates of each item's latest update date. */
	struct pd_date since;
	/* actions: only this owner (initials, a name, or the owner as typed);
	 * NULL or "" for everybody. */
	const char    *owner;
	/* csv: a UTF-8 byte-order mark and CRLF line ends, for Excel. */
	bool           excel;
	/* actions: only those due on or before today + due_within days
	 * (overdue ones included, undated ones not) when due_limit is set. */
	bool           due_limit;
	int            due_within;
	/* mail: told of each owner left without a message (no address);
	 * may be NULL. */
	void         (*warn)(void *ctx, const char *msg);
	void          *warn_ctx;
	/* Entries marked confidential (an item with its sub-items, actions
	 * and updates; an action; an update) are left out, and a line under
	 * the title says how many; with `confidential` they are shown, each
	 * marked CONFIDENTIAL (confidential.h).  The numbers go to *count
	 * (may be NULL), so that a caller can say them beside a sheet or
	 * the mail, which have no place for the line. */
	bool           confidential;
	struct pd_conf_count *count;
	/* retention: people not verified for this many months (0: 12). */
	int            months;
};

/*
 * The report kind named `name` ("progress", "monitoring", "actions",
 * "retention").
 * Returns PD_OK, or PD_EINVAL for another name.
 */
int pd_report_kind_parse(const char *name, enum pd_report_kind *out);

/*
 * Append report `kind` of the plan whose ref is `ref` to `out`, as `opts`
 * says (NULL: Markdown, long dates, today from pd_date_today).  Reads the plan, its
 * themes, items, updates and actions, and the people and meetings they
 * name; nothing else.
 * Returns PD_OK; PD_NOTFOUND (no plan `ref`: err says so); PD_EINVAL (a
 * bad kind or format, PLANDESK_TODAY not a date); PD_ECORRUPT; PD_EDB;
 * PD_EIO (no clock); PD_ENOMEM.  On failure `out` may hold part of the
 * report.
 */
int pd_report(struct pd_txn *txn, enum pd_report_kind kind, const char *ref,
	      const struct pd_report_opts *opts, struct pd_buf *out,
	      struct pd_err *err);

/*
 * Make report `kind` of plan `ref` from one read transaction of `st` and
 * save it to the file at `path` (a new file of mode 0600, renamed into
 * place when complete; doc.h pd_doc_save).  With `opts` NULL the format
 * comes from the file's extension (format.h pd_format_choose; none:
 * Markdown), the dates are long and today is pd_date_today.
 * Returns the codes of pd_report; PD_EINVAL also for an extension of a
 * format reports are not written in (nothing is written); PD_EIO (cannot
 * write the file).
 */
int pd_report_write(struct pd_store *st, enum pd_report_kind kind,
		    const char *ref, const struct pd_report_opts *opts,
		    const char *path, struct pd_err *err);

#endif
