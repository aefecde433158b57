/*
 * ds.h — data sources: what the list widget asks for the rows it shows.
 *
 * A list never holds a table.  It asks its source how many rows there are
 * (or, for a source that finds its rows as it reads, whether there are at
 * least `want`), then for the rows on screen one by one.  Every call gets
 * the read transaction of the current draw or key; a source may keep ids
 * and positions between calls, never a transaction or a cursor.
 */
#ifndef PLANDESK_UI_DS_H
#define PLANDESK_UI_DS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/records/record.h"
#include "plandesk/store/scan.h"
#include "plandesk/records/records.h"

#define UI_MAXCELLS 6
#define UI_CELL     320

struct ui_row {
	uint64_t id;                      /* the record shown; 0 for a heading */
	int      kind;                    /* its enum pd_kind, or -1 */
	int      role;                    /* enum ui_role of the row */
	int      depth;                   /* indentation of the first cell */
	int      ncells;
	int      cell_role[UI_MAXCELLS];  /* 0: the row's role */
	char     cell[UI_MAXCELLS][UI_CELL];
};

/* Clear `r` to an empty row. */
void ui_row_clear(struct ui_row *r);
/* printf into cell `c` (c < UI_MAXCELLS; ncells grows to c+1). */
void ui_row_set(struct ui_row *r, int c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Copy text into cell `c`, cut at a character boundary to fit. */
void ui_row_text(struct ui_row *r, int c, const char *s);

struct ui_span {
	size_t n;      /* rows known: min(want, all rows) */
	bool   all;    /* n is every row */
	size_t total;  /* the number of rows when known without reading them; 0: unknown */
};

struct ui_ds;

struct ui_ds_ops {
	/* Make rows [0, want) known where they exist.  PD_OK or an error code. */
	int (*span)(struct ui_ds *ds, struct pd_txn *txn, size_t want,
		    struct ui_span *out, struct pd_err *err);
	/* Fill row i (i < a span's n).  PD_OK, PD_NOTFOUND (gone), error. */
	int (*row)(struct ui_ds *ds, struct pd_txn *txn, size_t i,
		   struct ui_row *out, struct pd_err *err);
	/* The index of the row showing record (kind, id), looking near `hint`
	 * first.  PD_OK, PD_NOTFOUND. */
	int (*find)(struct ui_ds *ds, struct pd_txn *txn, int kind, uint64_t id,
		    size_t hint, size_t *out);
	/* Show only rows matching `query` ("" for all).  NULL when the source
	 * cannot filter (the list then finds matches with n/N instead). */
	int (*filter)(struct ui_ds *ds, struct pd_txn *txn, const char *query,
		      struct pd_err *err);
	/* The data changed: forget what was read. */
	void (*reset)(struct ui_ds *ds);
	void (*free)(struct ui_ds *ds);
};

struct ui_ds {
	const struct ui_ds_ops *ops;
};

/* --- a source that reads ids progressively (ds_scan.c) ------------------ */

/*
 * Decides whether record `r` (kind `kind`, decoded) is shown; NULL keeps
 * every record without decoding it.
 */
typedef bool (*ui_keep_fn)(void *ctx, struct pd_txn *txn, const struct pd_record *r);
/* Formats record `r` into `row` (id, kind already set). */
typedef void (*ui_fmt_fn)(void *ctx, struct pd_txn *txn, const struct pd_record *r,
			  struct ui_row *row);

/* Writes the sort key of record `r` (compared with strcmp) into key. */
typedef void (*ui_sortkey_fn)(void *ctx, struct pd_txn *txn,
			      const struct pd_record *r, char *key, size_t n);

#define UI_SCAN_MAX 3

/*
 * A source over up to UI_SCAN_MAX scans shown one after the other (orgs,
 * then people).  Rows are the records the scans yield that `keep` accepts
 * (all when NULL) and, when filtered, whose formatted text matches every
 * word of the query.  Ids are read a batch at a time as rows are asked
 * for, so the first screen of a million records costs one batch.
 * Returns NULL out of memory.
 */
struct ui_ds *ui_ds_scan_new(const struct pd_scan *scans, int nscans,
			     ui_keep_fn keep, ui_fmt_fn fmt, void *ctx);

/*
 * Sort the rows of a scan source by `fn` (NULL: the scans' own order).
 * Sorting needs every row, so the source then reads them all, once per
 * reload: for grouping a filtered list on request, not for a million rows.
 */
void ui_ds_scan_sort(struct ui_ds *ds, ui_sortkey_fn fn);

/* --- a source over rows held in memory (ds_doc.c) ----------------------- */

/*
 * A document: lines built by a view (a detail card, the help screen).
 * Each line has cells separated by '\t', a role, an indentation and the
 * record it shows (kind -1 / id 0 for none).
 */
struct ui_doc_line {
	char    *text;
	int      role;
	int      depth;
	int      kind;
	uint64_t id;
	int      mark_role;   /* role of the first cell, 0: the line's */
};

struct ui_doc {
	struct ui_doc_line *l;
	size_t n, cap;
};

/* Append a line; printf-style text.  Returns 0 or -1 (out of memory). */
int ui_doc_add(struct ui_doc *d, int role, int depth, int kind, uint64_t id,
	       const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Free every line. */
void ui_doc_clear(struct ui_doc *d);

/* A source showing `doc` (not owned; the view rebuilds it). */
struct ui_ds *ui_ds_doc_new(struct ui_doc *doc);

/* Does folded `hay` contain every word of folded `query` (as a substring)? */
bool ui_match_words(const char *hay, const char *query);

#endif
