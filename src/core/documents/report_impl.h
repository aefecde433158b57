/*
 * report_impl.h — what the three reports share: a plan loaded with its
 * items in report order (each followed by its sub-items), their updates
 * and actions; status labels and dates in the report's style; the head of
 * a report document; a sheet (CSV or .xlsx) into a buffer.  Each report
 * builds one document (docmodel.h) for md, txt, html, docx and odt, and
 * one sheet for csv and xlsx.  Not part of the API.
 */
#ifndef PLANDESK_REPORT_IMPL_H
#define PLANDESK_REPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/transfer/csv.h"
#include "plandesk/base/date.h"
#include "plandesk/documents/docmodel.h"
#include "plandesk/documents/formats.h"
#include "plandesk/records/record.h"
#include "plandesk/documents/report.h"
#include "plandesk/meetings/scale.h"
#include "plandesk/documents/sheet.h"
#include "plandesk/records/records.h"

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
	enum pd_date_style     style;     /* how the document writes dates */
	struct rep_item       *items;    /* in report order */
	size_t                 n;
	struct pd_record      *themes;   /* in the plan's order */
	size_t                 nthemes;
	bool                   confidential;  /* show confidential entries */
	struct pd_conf_count   conf;     /* confidential entries left out or
					    shown (rep_load screens them) */
};

#define REP_UPDATES 0x01u
#define REP_ACTIONS 0x02u

/*
 * Load plan `ref` with its themes and items, and what `what` asks for,
 * the confidential entries left out or marked as o->confidential says
 * (confidential.h; the numbers in p->conf and *o->count): an item left
 * out counts as one where the report has a row per item (it reads the
 * updates), else as the actions it held.
 * Returns PD_OK, PD_NOTFOUND (err names the ref), PD_ECORRUPT, PD_EDB,
 * PD_ENOMEM.  rep_free is needed after success or failure.
 */
int  rep_load(struct pd_txn *txn, const char *ref, unsigned what,
	      const struct pd_report_opts *o, struct rep_plan *p,
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

/* A stored date in the report's style ("29th June 2016", "29/06/2016",
 * "2016-06-29"); "" for NULL or text that is not a date. */
const char *rep_date(const struct rep_plan *p, const char *iso,
		     char buf[static PD_DATE_TEXT_SIZE]);

/* An item's target as a report shows it: the date in the report's style,
 * or the text as typed ("Post completion of JSNA September 2015"). */
const char *rep_target(const struct rep_plan *p, const struct pd_record *item,
		       char buf[static PD_DATE_TEXT_SIZE]);

/* True when update `u` holds a note (not a status-only update). */
bool rep_is_note(const struct pd_record *u, const struct pd_scale *sc);

/* The date of the latest note of an item, or NULL when it has none. */
const char *rep_latest_date(const struct rep_item *it, const struct pd_scale *sc);

/* --- output ---------------------------------------------------------------- */

/*
 * The head of a report document: the plan's title; under it "<what> as
 * at <today>" and the period the data covers, from `first` to `last`
 * (ISO dates; NULL: none), e.g. "Progress as at 29th June 2016 · updates
 * of 29th June 2016"; the footer; the plan's partnership and what became
 * of confidential entries (pd_conf_note).  `period` names the dates and the word
 * before one date ("updates of", "actions raised on"); before two it
 * loses its last word ("updates from … to …").  Returns dm->rc.
 */
int  rep_titles(struct pd_dm *dm, const struct rep_plan *p, const char *what,
		const char *period, const char *first, const char *last);

/* A sheet (sheet.h) of the report's rows into `out`: CSV or .xlsx as
 * opts->format says (`fm`: the document module's table, for .xlsx).
 * Returns pd_sheet_open's codes. */
int  rep_sheet(struct pd_sheet **sh, const struct pd_report_opts *o,
	       const struct pd_formats *fm, const char *title, const struct pd_sheet_col *cols, size_t n,
	       struct pd_buf *out, struct pd_err *err);

/* True when the report is a sheet (csv, xlsx) rather than a document. */
bool rep_is_sheet(const struct pd_report_opts *o);

/* The reports (report_progress.c, report_monitoring.c, report_actions.c,
 * report_retention.c).  `fm`: the document module's table (formats.h)
 * when opts->format is one it writes, else NULL. */
int  rep_progress(struct pd_txn *txn, const char *ref,
		  const struct pd_report_opts *opts, const struct pd_formats *fm,
		  struct pd_buf *out, struct pd_err *err);
int  rep_monitoring(struct pd_txn *txn, const char *ref,
		    const struct pd_report_opts *opts, const struct pd_formats *fm,
		    struct pd_buf *out, struct pd_err *err);
int  rep_actions(struct pd_txn *txn, const char *ref,
		 const struct pd_report_opts *opts, const struct pd_formats *fm,
		 struct pd_buf *out, struct pd_err *err);
int  rep_retention(struct pd_txn *txn, const struct pd_report_opts *opts,
		   const struct pd_formats *fm, struct pd_buf *out,
		   struct pd_err *err);

#endif
