/*
 * transfer.h — importing records from CSV files and exporting them.
 *
 * KIND is one of orgs, people, plans, items, actions, updates, meetings,
 * each with the header its field table gives (columns.h) that export writes
 * and import accepts, in any order and case, along with the other headers
 * the table lists (Outlook's and Google Contacts' for people).
 *
 * Import is an upsert by natural key — organisation: name; person: e-mail,
 * else name and organisation; plan: ref; item: plan and ref; action: item
 * and text; update: item, date and text; meeting: plan and date (names and
 * refs compared folded, as the store's unique keys are).  A cell that is
 * empty leaves the stored value alone: import never erases.  A record
 * whose fields all come out the same is not written at all, so importing
 * a file twice changes nothing the second time.  One file is one write
 * transaction: any error rolls back everything and is reported as
 * "FILE:LINE:COL: what is wrong" (LINE where the bad record starts, COL the
 * 1-based field number; see csv.h).
 *
 * Export writes every record of a kind in a fixed order (organisations,
 * people and plans by id; items, actions, updates and meetings plan by plan
 * in the plan's order), references by their natural keys (organisation
 * name, plan ref, item ref, people's names joined by "; "), dates in ISO
 * form, and statuses as their codes.
 */
#ifndef PLANDESK_TRANSFER_H
#define PLANDESK_TRANSFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/transfer/columns.h"
#include "plandesk/transfer/csv.h"
#include "plandesk/documents/format.h"
#include "plandesk/records/record.h"
#include "plandesk/documents/sheet.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

/* How far an import or export has got, for a progress line. */
struct pd_progress {
	uint64_t rows;    /* records read or written so far */
	uint64_t done;    /* import: bytes read; export: records written */
	uint64_t total;   /* of the same unit; 0 when not known */
	bool     last;    /* the final report (everything is done) */
};

/* Called every few thousand records, and once more with `last` set. */
typedef void (*pd_progress_fn)(void *ctx, const struct pd_progress *p);

/* Called with each warning, a complete line without its newline. */
typedef void (*pd_warn_fn)(void *ctx, const char *msg);

/*
 * True when `kind` has a CSV form (themes have none); *n (may be NULL)
 * gets the number of columns export writes.  The columns: columns.h.
 */
bool pd_transfer_columns(enum pd_kind kind, size_t *n);

/* --- import -------------------------------------------------------------- */

enum pd_import_format {
	PD_IMPORT_AUTO,   /* people: a vCard file when its name ends .vcf or
			     .vcard or it begins BEGIN:VCARD; otherwise CSV */
	PD_IMPORT_CSV,
	PD_IMPORT_VCARD,  /* people only (vcard.h) */
};

struct pd_import_opts {
	enum pd_kind   kind;
	enum pd_import_format format;
	const char    *name;       /* the file's name in messages; NULL: "-" */
	int            delimiter;  /* 0 sniffs ',' ';' or tab */
	const char    *encoding;   /* NULL: UTF-8, else Windows-1252 with a warning;
				      vCard: the charset of values with no
				      CHARSET that are not UTF-8 */
	bool           dry_run;    /* check everything, write nothing */
	pd_warn_fn     warn;       /* may be NULL */
	pd_progress_fn progress;   /* may be NULL */
	void          *ctx;        /* passed to warn and progress */
};

struct pd_import_stats {
	size_t rows;            /* data records read */
	size_t added, updated, unchanged;
	size_t orgs_created;    /* people: organisations that did not exist */
	size_t themes_created;  /* items: themes that did not exist */
	size_t warnings;        /* warnings given (some may not have been shown) */
};

/*
 * Import the CSV file at `path` as records of opts->kind into `st`, in one
 * write (rolled back with opts->dry_run): a bulk write (PD_W_BULK,
 * store.h) when the input is pd_store_bulk_bytes or more.  Warnings go to
 * opts->warn: those about the file as a whole (the encoding fallback,
 * unknown columns) before any row is read; those about rows (a name that
 * matches nobody in the directory, a meeting date with no meeting) after
 * the write, at most 50 of them, then a count of the rest.  `stats` (may
 * be NULL) gets the counts, warnings of both sorts included.
 * Returns PD_OK; PD_EINVAL (a kind with no CSV form, a missing required
 * column, a value that is wrong: a bad date, status or state, an unknown
 * plan or item, a missing required value); PD_EPARSE (malformed CSV, input
 * the encoding cannot read); PD_ECONFLICT (a unique key taken by another
 * record); PD_EIO; PD_EREADONLY; PD_EDB; PD_ENOMEM.  The message in err
 * begins "FILE:LINE:COL: " whenever the problem has a place.
 */
int pd_import_file(struct pd_store *st, const char *path,
		   const struct pd_import_opts *opts, struct pd_import_stats *stats,
		   struct pd_err *err);

/* pd_import_file for `n` bytes at `data` (the fuzzer's entry). */
int pd_import_mem(struct pd_store *st, const void *data, size_t n,
		  const struct pd_import_opts *opts, struct pd_import_stats *stats,
		  struct pd_err *err);

/*
 * The kinds in an order in which every file's references are already
 * there when it is imported: orgs, people, plans, items, meetings,
 * actions, updates.  The sample data (share/sample/KIND.csv, KIND the
 * plural name) is imported in this order.  *n gets the count.
 */
const enum pd_kind *pd_import_order(size_t *n);

/* --- export -------------------------------------------------------------- */

struct pd_export_opts {
	enum pd_kind   kind;
	/* PD_FMT_CSV or PD_FMT_XLSX (sheet.h: typed text and date cells).
	 * Any other value, as in a zeroed struct, is unset: CSV for
	 * pd_export, the file's extension for pd_export_file. */
	enum pd_format format;
	bool           excel;      /* CSV: UTF-8 byte-order mark and CRLF */
	pd_progress_fn progress;   /* may be NULL */
	void          *ctx;
};

/*
 * Write every record of opts->kind as CSV or a spreadsheet, header first,
 * to `sink`, from one read transaction (one consistent snapshot).  *rows
 * (may be NULL) gets the number of records written.
 * Returns PD_OK; PD_EINVAL (a kind with no CSV form; for a spreadsheet,
 * more rows or a longer cell than it holds); PD_ECORRUPT (a record that
 * does not decode); PD_EDB; PD_EIO (the spreadsheet's private file);
 * PD_ENOMEM; or the sink's code.
 */
int pd_export(struct pd_store *st, const struct pd_export_opts *opts,
	      pd_csv_sink sink, void *sink_ctx, size_t *rows, struct pd_err *err);

/*
 * Records as rows of the exported columns of kind table `ki` (columns.h),
 * the writer pd_export uses: a sheet whose header row is written when
 * opened; each record a row, read through `txn` for the natural keys of
 * what it links to.  pd_rows_open returns PD_OK; PD_EINVAL (a kind with
 * no CSV form; another format); PD_EIO; PD_ENOMEM; or the sink's code.
 */
struct pd_rows;
int pd_rows_open(struct pd_rows **out, struct pd_txn *txn,
		 const struct pd_kind_info *ki, enum pd_format fmt, bool excel,
		 pd_csv_sink sink, void *ctx, struct pd_err *err);

/*
 * Write record `r` (of w's kind) as a row; `plan` is the plan its item
 * belongs to, for an action's or update's "plan" column (else unused).
 * Returns the codes of pd_sheet_put and pd_sheet_end_row (sheet.h).
 */
int pd_rows_put(struct pd_rows *w, const struct pd_record *r, uint64_t plan,
		struct pd_err *err);

/* Finish the sheet when `rc` is PD_OK, else abandon it, and free `w`
 * (NULL is allowed).  Returns rc or finishing's error (pd_sheet_close). */
int pd_rows_close(struct pd_rows *w, int rc, struct pd_err *err);

/*
 * pd_export into the file at `path`: written to a temporary file (mode
 * 0600) in the same directory and renamed into place only when complete,
 * so a failed export leaves any old file as it was (a device or a pipe,
 * such as /dev/stdout, is written in place).  With opts->format unset the
 * extension chooses: .xlsx a spreadsheet, .csv or none CSV.
 * Returns the codes of pd_export; PD_EINVAL (an extension of another
 * format: nothing is written, and err lists the formats); PD_EIO (cannot
 * create, write or rename).
 */
int pd_export_file(struct pd_store *st, const struct pd_export_opts *opts,
		   const char *path, size_t *rows, struct pd_err *err);

#endif
