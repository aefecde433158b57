/*
 * disclose_log.c — the disclosure record as a document or a sheet
 * (disclose.h pd_disclosure_log): what `plandesk log` prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plandesk/documents/docmodel.h"
#include "plandesk/documents/formats.h"
#include "plandesk/documents/sheet.h"
#include "plandesk/protect/disclose.h"
#include "listing_impl.h"

enum { C_WHEN, C_COMMAND, C_WHAT, C_PLAN, C_MEETING, C_ROWS, C_FILE, C_FORMAT,
       C_CONF, C_REASON, C_BY, NCOLS };

static const struct pd_sheet_col cols[NCOLS] = {
	[C_WHEN]    = { "when", PD_COL_TEXT },
	[C_COMMAND] = { "command", PD_COL_TEXT },
	[C_WHAT]    = { "what", PD_COL_TEXT },
	[C_PLAN]    = { "plan", PD_COL_TEXT },
	[C_MEETING] = { "meeting", PD_COL_DATE },
	[C_ROWS]    = { "rows", PD_COL_TEXT },
	[C_FILE]    = { "file", PD_COL_TEXT },
	[C_FORMAT]  = { "format", PD_COL_TEXT },
	[C_CONF]    = { "confidential", PD_COL_TEXT },
	[C_REASON]  = { "reason", PD_COL_NOTE },
	[C_BY]      = { "by", PD_COL_TEXT },
};

/* The document's column heads, and their shares of the width. */
static const struct { const char *head; unsigned width; } heads[NCOLS] = {
	[C_WHEN] = { "When", 11 }, [C_COMMAND] = { "Command", 10 },
	[C_WHAT] = { "What", 9 }, [C_PLAN] = { "Plan", 5 },
	[C_MEETING] = { "Meeting", 8 }, [C_ROWS] = { "Rows", 5 },
	[C_FILE] = { "File", 18 }, [C_FORMAT] = { "Format", 6 },
	[C_CONF] = { "Confidential", 9 }, [C_REASON] = { "Reason", 12 },
	[C_BY] = { "By", 7 },
};

#define CELL 4200   /* a path, and a little */

struct logw {
	struct pd_listing l;   /* a document or a sheet */
	struct pd_err   *err;
	size_t           n;
	char           (*cell)[CELL];   /* NCOLS of them */
};

/* An entry's cells as text. */
static void cells(const struct pd_disclosure *d, char cell[NCOLS][CELL])
{
	time_t t = (time_t)d->time;
	struct tm tm;

	if (localtime_r(&t, &tm))
		strftime(cell[C_WHEN], sizeof cell[C_WHEN], "%Y-%m-%d %H:%M", &tm);
	else
		snprintf(cell[C_WHEN], sizeof cell[C_WHEN], "%lld", (long long)d->time);
	snprintf(cell[C_COMMAND], sizeof cell[C_COMMAND], "%s", d->command ? d->command : "");
	snprintf(cell[C_WHAT], sizeof cell[C_WHAT], "%s", d->what ? d->what : "");
	snprintf(cell[C_PLAN], sizeof cell[C_PLAN], "%s", d->plan ? d->plan : "");
	snprintf(cell[C_MEETING], sizeof cell[C_MEETING], "%s", d->meeting ? d->meeting : "");
	if (d->rows)
		snprintf(cell[C_ROWS], sizeof cell[C_ROWS], "%llu", (unsigned long long)d->rows);
	else
		cell[C_ROWS][0] = '\0';
	snprintf(cell[C_FILE], sizeof cell[C_FILE], "%s", d->path ? d->path :
		 d->format ? "(standard output)" : "");
	snprintf(cell[C_FORMAT], sizeof cell[C_FORMAT], "%s", d->format ? d->format : "");
	pd_disclosure_conf_text(d, cell[C_CONF], sizeof cell[C_CONF]);
	snprintf(cell[C_REASON], sizeof cell[C_REASON], "%s", d->reason ? d->reason : "");
	snprintf(cell[C_BY], sizeof cell[C_BY], "%s", d->user ? d->user : "");
}

static int one(void *ctx, const struct pd_disclosure *d)
{
	struct logw *w = ctx;
	char (*cell)[CELL] = w->cell;
	const char *row[NCOLS];

	cells(d, cell);
	for (int c = 0; c < NCOLS; c++)
		row[c] = cell[c];
	w->n++;
	return pd_listing_row(&w->l, row, NCOLS, w->err);
}

int pd_disclosure_log(struct pd_store *st, int64_t since, enum pd_format fmt,
		      struct pd_buf *out, struct pd_err *err)
{
	struct logw w = { .err = err };
	const struct pd_formats *fm;
	struct pd_dm dm;
	int rc;

	if (fmt != PD_FMT_CSV && fmt != PD_FMT_XLSX &&
	    !(PD_FMTS_DOCUMENT & PD_FMT_BIT(fmt)))
		return pd_err_set(err, PD_EINVAL, "the disclosure record is not "
				  "written as %s", pd_format_name(fmt));
	if ((rc = pd_formats_for(st, fmt, &fm, err)) != PD_OK)
		return rc;
	if (!(w.cell = malloc(NCOLS * sizeof *w.cell)))
		return pd_err_nomem(err);
	if (fmt == PD_FMT_CSV || fmt == PD_FMT_XLSX) {
		rc = pd_sheet_open(&w.l.sh, fmt, fm, "disclosures", cols, NCOLS, false,
				   pd_listing_to_buf, out, err);
		if (rc == PD_OK)
			rc = pd_disclosure_each(st, since, one, &w, err);
		if (w.l.sh)
			rc = pd_sheet_close(w.l.sh, rc, err);
		free(w.cell);
		return rc;
	}
	pd_dm_init(&dm);
	w.l.dm = &dm;
	pd_dm_titles(&dm, "Disclosure record", since ? "Entries since the date given"
		     : "Every file that left the database, and every purge, "
		       "erasure and hold", "plandesk disclosure record");
	dm.landscape = true;
	pd_dm_table(&dm, PD_DM_T_ROWHEAD, 2);
	for (int c = 0; c < NCOLS; c++)
		pd_dm_col(&dm, heads[c].head, heads[c].width);
	rc = pd_disclosure_each(st, since, one, &w, err);
	pd_dm_table_end(&dm);
	if (rc == PD_OK && !w.n)
		pd_dm_para(&dm, PD_DM_NOTE, "Nothing has been recorded.");
	if (rc == PD_OK)
		rc = pd_dm_write(&dm, fmt, fm, out, err);
	pd_dm_free(&dm);
	free(w.cell);
	return rc;
}
