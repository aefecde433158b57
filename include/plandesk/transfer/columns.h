/*
 * columns.h — a kind's CSV columns, read from its field table (schema.h):
 * the header export writes, a file's header mapped onto them, and a row's
 * cells as the record's fields.  Every function takes the kind table, so
 * a table built at run time (a copy of a kind with a field more) works
 * as the built-in ones do.
 *
 * A column is numbered by what it holds: field f is column f, and a column
 * that is no field (struct pd_xcol) is PD_COL_X(its hook), so the numbers
 * do not move when a field is added.
 *
 * Header names are compared ignoring case, spaces and underscores, so
 * "E-mail Address", "e-mail address" and "E-mailAddress" are one name.
 */
#ifndef PLANDESK_COLUMNS_H
#define PLANDESK_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/status.h"
#include "plandesk/documents/sheet.h"
#include "plandesk/records/record.h"
#include "plandesk/transfer/csv.h"

#define PD_COL_X(hook) (PD_MAX_FIELDS + (hook))
#define PD_COLS_MAX    PD_COL_X(PD_X_N)
#define PD_SRCS_MAX    6    /* file columns feeding one column */

struct pd_col {
	const char      *name;      /* the header */
	const char *const *aliases; /* other headers, and Google's multi-valued */
	const char *const *multi;   /*   ones (pd_field); NULL: none */
	int              id;        /* field number, or PD_COL_X(hook) */
	bool             required;  /* a file without it is refused */
	bool             exported;  /* export writes it; else import only */
	enum pd_col_kind kind;      /* what a spreadsheet makes of it */
};

/*
 * The columns of `ki` into `out` (room for PD_COLS_MAX; NULL only counts
 * them): those export
 * writes, in its order (the xcols it writes, then the fields' columns in
 * field order), then with `all` those import reads as well.  Returns
 * their number; 0 for a kind with no CSV form (themes).
 */
size_t pd_columns(const struct pd_kind_info *ki, bool all, struct pd_col *out);

struct pd_colsrc {
	int  idx;    /* 0-based column of the file */
	int  rank;   /* 0 the column's own header, then its aliases': lower wins */
	bool multi;  /* Google's "a ::: b" multi-value column */
};

struct pd_colmap {
	enum pd_kind     kind;
	const struct pd_kind_info *ki;          /* NULL: pd_kind_info(kind) */
	int              ncols;                 /* columns are numbered below */
	int              nsrc[PD_COLS_MAX];
	struct pd_colsrc src[PD_COLS_MAX][PD_SRCS_MAX];
	size_t           nfile;                 /* columns in the header */
	struct pd_buf    unknown;               /* "a, b, c": columns ignored */
	size_t           nunknown;
	bool             raw;                   /* values are not CSV: no
						   formula guard to remove */
};

/* The kind table `map` reads (map->ki, else the built-in one). */
const struct pd_kind_info *pd_colmap_kind(const struct pd_colmap *map);

/*
 * Map the header row onto the columns of `map`'s kind (map->kind, and
 * map->ki when not the built-in table, set by the caller).  A header that
 * names no column is counted in map->nunknown and listed in map->unknown.
 * Returns PD_OK, PD_EINVAL (a kind with no CSV form; a required column
 * missing: message without a place), PD_ENOMEM.
 */
int pd_colmap_build(struct pd_colmap *map, const struct pd_csv_row *header,
		    struct pd_err *err);

void pd_colmap_free(struct pd_colmap *map);

/* A column's value in a row: the first non-empty source, unguarded. */
struct pd_cell {
	const char *s;     /* NUL-terminated; "" when empty */
	size_t      n;
	int         field; /* 1-based file column it came from (1 if none) */
	bool        multi;
};

void pd_cell_get(const struct pd_colmap *map, const struct pd_csv_row *row,
		 int col, struct pd_cell *out);

/* Every column's cell of `row`: cells[col] for col < PD_COLS_MAX. */
void pd_cells_get(const struct pd_colmap *map, const struct pd_csv_row *row,
		  struct pd_cell *cells);

/*
 * Set each text and date field of `r` that `ki` gives a column from its
 * cell (cells[field]), leaving a field whose cell is empty as it was: an
 * import never erases.  A date is stored ISO; a yes/no field (PD_F_YESNO)
 * is set by yes, y, true, 1 or x and unset by no, n, false or 0, in any
 * case.  Links, lists and what a kind's hooks do (a person's name in
 * parts, the notes) are the importer's.  Returns PD_OK; PD_EINVAL (a date
 * that does not read, a yes/no that is neither: *bad gets the field, err
 * says why); PD_ENOMEM.
 */
int pd_cells_to_record(const struct pd_kind_info *ki, const struct pd_cell *cells,
		       struct pd_record *r, int *bad, struct pd_err *err);

#endif
