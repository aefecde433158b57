/*
 * sheet.h — a table of rows written as CSV or as a spreadsheet (.xlsx),
 * row by row in constant memory, for exports and the reports' data.
 *
 * Each column has a kind, and the spreadsheet writes each cell as what it
 * is, never as what a spreadsheet might guess:
 *
 *	text    a text cell (a value beginning "=" is text, never a formula;
 *	        "07700 900123" and "+44 1632 960200" keep their zero and plus)
 *	note    a text cell that wraps (multi-line notes, descriptions)
 *	phone   a text cell
 *	date    a real date ("2009-06-26", shown 26/06/2009; "2015-09", shown
 *	        September 2015); anything that is not a date stays text
 *
 * The spreadsheet has a bold header row that stays in view (frozen), an
 * autofilter over the columns, and columns as wide as their contents
 * (within reason: long notes wrap).  CSV is csv.h's writer: a header row,
 * ISO dates, the formula guard (which leaves phone numbers alone), LF or
 * Excel's BOM and CRLF.
 *
 * The .xlsx file is made by libxlsxwriter in a private file (0600, in
 * $TMPDIR or /tmp) that is copied to the sink when complete and removed.
 */
#ifndef PLANDESK_SHEET_H
#define PLANDESK_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/transfer/csv.h"
#include "plandesk/documents/format.h"
#include "plandesk/base/status.h"

enum pd_col_kind { PD_COL_TEXT, PD_COL_NOTE, PD_COL_PHONE, PD_COL_DATE };

struct pd_sheet_col {
	const char      *name;
	enum pd_col_kind kind;
};

struct pd_sheet;

/*
 * Begin a sheet of `ncols` columns in format `fmt` (PD_FMT_CSV or
 * PD_FMT_XLSX) whose bytes go to `sink`; the header row is written.
 * `fm`: the document module's table (formats.h), which writes .xlsx;
 * may be NULL for CSV.
 * `title` names the worksheet (cut to 31 characters).  `excel`: CSV with
 * a byte-order mark and CRLF.  The columns must live until
 * pd_sheet_close.
 * Returns PD_OK; PD_EINVAL (another format); PD_EMODULE (.xlsx with `fm`
 * NULL); PD_EIO (the spreadsheet's private file cannot be made);
 * PD_ENOMEM.
 */
struct pd_formats;
int pd_sheet_open(struct pd_sheet **out, enum pd_format fmt,
		  const struct pd_formats *fm, const char *title,
		  const struct pd_sheet_col *cols, size_t ncols, bool excel,
		  pd_csv_sink sink, void *ctx, struct pd_err *err);

/*
 * The next cell of the current row: `n` bytes at `s` (pd_sheet_puts: a
 * NUL-terminated string; NULL is an empty cell).
 * Returns PD_OK; PD_EINVAL (more cells than columns; a value longer
 * than a spreadsheet cell holds, 32,767 characters); PD_EIO (the
 * spreadsheet library failed); PD_ENOMEM; or the sink's code.
 */
int pd_sheet_put(struct pd_sheet *sh, const char *s, size_t n, struct pd_err *err);
int pd_sheet_puts(struct pd_sheet *sh, const char *s, struct pd_err *err);

/* End the row.  Returns PD_OK; PD_EINVAL (more rows than a spreadsheet
 * holds, 1,048,576); PD_ENOMEM; or the sink's code. */
int pd_sheet_end_row(struct pd_sheet *sh, struct pd_err *err);

/*
 * Finish the sheet when `rc` is PD_OK (the file is completed and given to
 * the sink), else abandon it; free it either way.  Returns rc, or the
 * finishing's PD_EIO, PD_ENOMEM or sink code.  NULL is allowed.
 */
int pd_sheet_close(struct pd_sheet *sh, int rc, struct pd_err *err);

#endif
