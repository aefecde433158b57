/*
 * report_impl.h — what the three reports share: a plan loaded with its
 * items in report order (each followed by its sub-items), their updates
 * and actions; status labels; the output (a buffer, or the CSV writer
 * into it).  Not part of the API.
 */
#ifndef PLANDESK_REPORT_IMPL_H
#define PLANDESK_REPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/buf.h"
#include "plandesk/csv.h"
#include "plandesk/date.h"
#include "plandesk/doc.h"
#include "plandesk/record.h"
#include "plandesk/report.h"
#include "plandesk/scale.h"
#include "plandesk/store.h"

#define REP_NONE ((size_t)-1)

struct rep_item {
	struct pd_record  r;         /* the item; an empty lead is filled in
					from the lead person's name */
	int               depth;     /* 0 at the top, 1 for a sub-item, … */
	size_t            parent;    /* the parent's index, or REP_NONE */
	struct pd_record *upd;       /* updates, oldest first (REP_UPDATES) */
	size_t            nupd;
	struct pd_record *act;       /* actions in order (REP_ACTIONS); an
					empty owner is filled in from the
					owners' names */
	size_t            nact;
	const char       *status;    /* the assessment's code; "" for none */
	bool              slipped;   /* may have slipped (report.h) */
};

struct rep_plan {
	struct pd_record       plan;
	const struct pd_scale *sc;
	struct pd_date         today;
	struct rep_item       *items;    /* in report order */
	size_t                 n;
	struct pd_record      *themes;   /* in the plan's order */
	size_t                 nthemes;
};

#define REP_UPDATES 0x01u
#define REP_ACTIONS 0x02u

/*
 * Load plan `ref` with its themes and items, and what `what` asks for.
 * Returns PD_OK, PD_NOTFOUND (err names the ref), PD_ECORRUPT, PD_EDB,
 * PD_ENOMEM.  rep_free is needed after success or failure.
 */
int  rep_load(struct pd_txn *txn, const char *ref, unsigned what,
	      const struct pd_date *today, struct rep_plan *p,
	      struct pd_err *err);
void rep_free(struct rep_plan *p);

/* Read records of `kind` under `parent` in index `ix` into a new array. */
int  rep_read_index(struct pd_txn *txn, enum pd_index ix, enum pd_kind kind,
		    uint64_t parent, struct pd_record **out, size_t *n,
		    struct pd_err *err);
void rep_free_records(struct pd_record *r, size_t n);

/* "1 – Fully achieved"; the code alone when it is not on the scale; "" for
 * no status.  Written into buf (n bytes). */
const char *rep_status_label(const struct pd_scale *sc, const char *code,
			     char *buf, size_t n);

/* The scale's categories for a column head: "1–4", or "G/A/R". */
void rep_scale_range(const struct pd_scale *sc, char *buf, size_t n);

/* The kind of an assessment code on the scale (PD_ST_NONE for none). */
enum pd_status_kind rep_status_kind(const struct pd_scale *sc, const char *code);

/* An item's target as a report shows it: "01/08/2015", "September 2015",
 * or the text as typed ("Post completion of JSNA September 2015"). */
const char *rep_target(const struct pd_record *item,
		       char buf[static PD_DATE_UK_SIZE]);

/* True when update `u` holds a note (not a status-only update). */
bool rep_is_note(const struct pd_record *u, const struct pd_scale *sc);

/* The date of the latest note of an item, or NULL when it has none. */
const char *rep_latest_date(const struct rep_item *it, const struct pd_scale *sc);

/* --- output --------------------------------------------------------------- */

struct rep_out {
	enum pd_report_format fmt;
	struct pd_buf        *b;
	struct pd_csv_writer  csv;   /* fmt == PD_RF_CSV */
	struct pd_err        *err;
};

void rep_out_init(struct rep_out *o, enum pd_report_format fmt, bool excel,
		  struct pd_buf *b, struct pd_err *err);
/* End the output of a report that returned `rc`: flush the CSV writer (when
 * rc is PD_OK) and free it.  Returns rc, or the flush's PD_ENOMEM. */
int  rep_out_finish(struct rep_out *o, int rc);

/* CSV: one field, one row (PD_OK, PD_ENOMEM). */
int  rep_csv(struct rep_out *o, const char *s);
int  rep_csv_row(struct rep_out *o);
/* CSV: a whole header row from a NULL-terminated list. */
int  rep_csv_header(struct rep_out *o, const char *const *cols);

/* HTML / Markdown text of a NUL-terminated string (escaped). */
int  rep_html(struct rep_out *o, const char *s);
int  rep_md(struct rep_out *o, const char *s);
/* Markdown on one line (headings, table cells): line breaks become spaces. */
int  rep_md_line(struct rep_out *o, const char *s);

/* The reports (report_progress.c, report_monitoring.c, report_actions.c). */
int  rep_progress(struct pd_txn *txn, const char *ref,
		  const struct pd_report_opts *opts, struct pd_buf *out,
		  struct pd_err *err);
int  rep_monitoring(struct pd_txn *txn, const char *ref,
		    const struct pd_report_opts *opts, struct pd_buf *out,
		    struct pd_err *err);
int  rep_actions(struct pd_txn *txn, const char *ref,
		 const struct pd_report_opts *opts, struct pd_buf *out,
		 struct pd_err *err);

#endif
