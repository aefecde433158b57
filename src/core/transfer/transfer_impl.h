/*
 * transfer_impl.h — what the import and export files share: the column
 * tables and header mapping (csv_columns.c), the import context
 * (import.c) and what every row handler uses (import_row.c), the per-kind
 * row handlers (import_dir.c, import_plan.c) and
 * the look-ups they use (import_refs.c).  Not part of the public API.
 */
#ifndef PLANDESK_TRANSFER_IMPL_H
#define PLANDESK_TRANSFER_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/transfer/columns.h"
#include "plandesk/transfer/csv.h"
#include "plandesk/records/record.h"
#include "plandesk/meetings/scale.h"
#include "plandesk/records/records.h"
#include "plandesk/transfer/transfer.h"
#include "plandesk/base/u64map.h"

/* --- columns (csv_columns.c, columns.h) ----------------------------------- */

/* Column numbers as columns.h gives them: a field's column is the field's
 * number, a column that is no field PD_COL_X(hook).  The cells of a row
 * are read into arrays of the *_N columns. */
enum { IC_PLAN = PD_ITEM_PLAN, IC_THEME = PD_ITEM_THEME, IC_REF = PD_ITEM_REF,
       IC_TITLE = PD_ITEM_TITLE, IC_DESCRIPTION = PD_ITEM_DESCRIPTION,
       IC_LEAD = PD_ITEM_LEAD, IC_TARGET = PD_ITEM_TARGET,
       IC_COMPLETED = PD_ITEM_COMPLETED, IC_STATUS = PD_ITEM_STATUS,
       IC_PARENT = PD_ITEM_PARENT, IC_N = PD_ITEM_NFIELDS };
enum { AC_PLAN = PD_COL_X(PD_X_PLAN), AC_ITEM = PD_ACTION_ITEM,
       AC_TEXT = PD_ACTION_TEXT, AC_OWNER = PD_ACTION_OWNER, AC_DUE = PD_ACTION_DUE,
       AC_STATE = PD_ACTION_STATE, AC_RAISED = PD_ACTION_RAISED,
       AC_CLOSED = PD_ACTION_CLOSED, AC_N = PD_COLS_MAX };
enum { UC_PLAN = PD_COL_X(PD_X_PLAN), UC_ITEM = PD_UPDATE_ITEM,
       UC_DATE = PD_UPDATE_DATE, UC_TEXT = PD_UPDATE_TEXT,
       UC_STATUS = PD_UPDATE_STATUS, UC_AUTHOR = PD_UPDATE_AUTHOR, UC_N = PD_COLS_MAX };
enum { MC_PLAN = PD_MEETING_PLAN, MC_DATE = PD_MEETING_DATE,
       MC_TITLE = PD_MEETING_TITLE, MC_LOCATION = PD_MEETING_LOCATION,
       MC_PRESENT = PD_MEETING_PRESENT, MC_APOLOGIES = PD_MEETING_APOLOGIES,
       MC_NEXT = PD_MEETING_NEXT, MC_N = PD_MEETING_NFIELDS };
/* People also take a name in parts, and a web page kept in the notes. */
enum { PC_FIRST = PD_COL_X(PD_X_FIRST), PC_MIDDLE = PD_COL_X(PD_X_MIDDLE),
       PC_LAST = PD_COL_X(PD_X_LAST), PC_WEB = PD_COL_X(PD_X_WEB),
       PC_N = PD_COLS_MAX };

/* --- the import context (import.c; the helpers in import_row.c) ----------- */

struct pd_dir;     /* people by folded name and initials (import_refs.c) */
struct pd_vcimp;    /* a vCard card's columns (import_vcard.c) */
struct pd_vcard_reader;

struct pd_deferred {
	uint64_t      item, plan;
	char         *parent;     /* the parent's ref */
	unsigned long line;
	int           field;
	bool          was_unchanged;
};

struct pd_imp {
	/* fixed for the whole import */
	const struct pd_import_opts *o;
	const char          *name;
	struct pd_csv_reader *rd;       /* a CSV file, or */
	struct pd_vcard_reader *vc;     /* a vCard file */
	struct pd_vcimp     *vci;
	bool                 by_line;   /* messages say FILE:LINE (of field_line) */
	unsigned long        field_line[PD_COLS_MAX];
	struct pd_colmap     map;
	size_t               file_warnings;  /* given before the write */
	/* reset at the start of each try of the write */
	struct pd_txn       *txn;
	struct pd_err       *err;
	struct pd_import_stats st;
	struct pd_csv_row    row;
	struct pd_buf        warnings;  /* the first messages, NUL-separated */
	size_t               nshown;
	struct pd_dir       *dir;
	/* People by the hash of folded name + organisation (import_refs.c),
	 * each map built on first use: [0] every person, for a row without an
	 * address; [1] those without one, the only ones a row with an
	 * address may match by name (a large import, every row with an
	 * address, builds only [1], and finds it empty). */
	struct pd_u64map     people[2];
	bool                 people_ready[2];
	struct pd_u64map     orgs;      /* organisations by name as typed
					   (import_dir.c) */
	struct pd_deferred  *defer;
	size_t               ndefer, capdefer;
	uint64_t             plan_id;   /* the last plan looked up */
	char                *plan_ref;
	const struct pd_scale *scale;
	struct pd_record     cur, old;
	struct pd_buf        tmp, tmp2;
};

/* Fail with "FILE:LINE:FIELD: " and the message; returns `code`. */
int pd_imp_fail(struct pd_imp *imp, int field, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Prefix the message already in imp->err with the place and `what` (the
 * column's name, may be NULL); returns `code`. */
int pd_imp_place(struct pd_imp *imp, int field, int code, const char *what);

/* Record a warning "FILE:LINE:FIELD: warning: ..." (field 0: no place). */
void pd_imp_warn(struct pd_imp *imp, int field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Record a warning already formatted as a whole line. */
void pd_imp_warn_line(struct pd_imp *imp, const char *line);

/*
 * Store imp->cur unless it has the same fields as imp->old (when imp->cur
 * is an existing record), counting added / updated / unchanged.
 * *changed (may be NULL) tells whether anything was written.
 */
int pd_imp_store(struct pd_imp *imp, bool existing, bool *changed);

/* Start imp->cur as a copy of record (kind, id), or empty when id is 0;
 * imp->old keeps the stored version for the comparison. */
int pd_imp_begin(struct pd_imp *imp, enum pd_kind kind, uint64_t id);

/* Set every text and date field of imp->cur that the kind's table gives a
 * column from its cell (cells[field]; pd_cells_to_record), an empty cell
 * leaving the field as it was.  A date that does not read is an error
 * placed at its cell.  Returns PD_OK, PD_EINVAL, PD_ENOMEM. */
int pd_imp_fields(struct pd_imp *imp, const struct pd_kind_info *ki,
		  const struct pd_cell *c);

/* Set TEXT field f from a cell unless the cell is empty. */
int pd_imp_text(struct pd_imp *imp, int f, const struct pd_cell *c);

/* Set DATE field f from a cell (any form pd_date_parse takes) unless empty;
 * a value that is not a date is an error placed at the cell. */
int pd_imp_date(struct pd_imp *imp, int f, const struct pd_cell *c,
		const char *colname);

/* The plan with `ref` (cached); an unknown plan is an error at `c`. */
int pd_imp_plan(struct pd_imp *imp, const struct pd_cell *c, uint64_t *id);

/* The item `ref` of `plan`; an unknown item is an error at `c`. */
int pd_imp_item(struct pd_imp *imp, uint64_t plan, const struct pd_cell *c,
		uint64_t *id);

/* Free the organisation names remembered by the people import. */
void pd_imp_orgs_free(struct pd_imp *imp);

/* Per-kind row handlers: read imp->row, upsert one record. */
int pd_imp_org(struct pd_imp *imp);
int pd_imp_person(struct pd_imp *imp);
int pd_imp_plan_row(struct pd_imp *imp);
int pd_imp_item_row(struct pd_imp *imp);
int pd_imp_action_row(struct pd_imp *imp);
int pd_imp_update_row(struct pd_imp *imp);
int pd_imp_meeting_row(struct pd_imp *imp);
/* After the last row: resolve the parents that came later in the file. */
int pd_imp_item_parents(struct pd_imp *imp);

/* --- vCard files (import_vcard.c) ---------------------------------------- */

/* Set imp->map to the people columns as they are (column i is column i),
 * and messages to FILE:LINE.  PD_OK or PD_ENOMEM. */
int pd_imp_vcard_start(struct pd_imp *imp);

/* Forget what a previous try of the write gathered (the warnings). */
void pd_imp_vcard_reset(struct pd_imp *imp);

/*
 * Read the next card of imp->vc into imp->row (and imp->field_line).
 * Returns PD_OK; PD_NOTFOUND at the end; PD_EPARSE, PD_EINVAL (a broken
 * file, a card with no name: "FILE:LINE: " message); PD_ENOMEM.
 */
int pd_imp_vcard_next(struct pd_imp *imp);

/* Add the file's warnings (properties ignored, a charset guessed). */
void pd_imp_vcard_warnings(struct pd_imp *imp);

void pd_imp_vcard_free(struct pd_imp *imp);

/* --- look-ups (import_refs.c) -------------------------------------------- */

/* Free the directory and key map built during a try. */
void pd_imp_refs_free(struct pd_imp *imp);

/*
 * The person named or initialled `s` (folded, exact), from a directory
 * built on first use.  Returns PD_OK with *id, PD_NOTFOUND (nobody, or
 * *ambiguous set when several match), PD_ENOMEM, PD_EDB.
 */
int pd_imp_person_named(struct pd_imp *imp, const char *s, size_t n,
			uint64_t *id, bool *ambiguous);

/*
 * Split a list of names or initials (separated by ';', or '/' inside a
 * part that names nobody as a whole) into the people it names, added to
 * REFS field `refs` of imp->cur, and the rest, joined by "; " into
 * `other` (which may be NULL).  Each unmatched name is a warning at `c`.
 */
int pd_imp_people_list(struct pd_imp *imp, const struct pd_cell *c, int refs,
		       struct pd_buf *other);

/*
 * The person with folded `name` in organisation `org` (0: none) by the
 * key map built on first use; PD_NOTFOUND when there is none.  With
 * `no_email`, only someone without an e-mail address matches.
 */
int pd_imp_person_by_name(struct pd_imp *imp, const char *name, uint64_t org,
			  bool no_email, uint64_t *id);

/* Note that person `id` now has `name` and `org`, and an e-mail address
 * or not (after storing it). */
int pd_imp_person_keyed(struct pd_imp *imp, const char *name, uint64_t org,
			bool has_email, uint64_t id);

/* The theme called `name` in `plan`, created when absent. */
int pd_imp_theme(struct pd_imp *imp, uint64_t plan, const struct pd_cell *c,
		 uint64_t *id);

/* The meeting of `plan` on ISO `date`; PD_NOTFOUND when none. */
int pd_imp_meeting_on(struct pd_imp *imp, uint64_t plan, const char *date,
		      uint64_t *id);

/* The child of `parent` in `ix` whose TEXT/DATE fields f1 (and f2 when
 * >= 0) equal v1 (and v2); PD_NOTFOUND when none. */
int pd_imp_child_with(struct pd_imp *imp, enum pd_index ix, uint64_t parent,
		      int f1, const char *v1, int f2, const char *v2,
		      uint64_t *id);

#endif
