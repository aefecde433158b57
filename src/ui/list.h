/*
 * list.h — the one virtual list widget.  It shows the rows of a data
 * source (ds.h) in columns, keeps a selection, scrolls, filters with `/`
 * (through the source) or finds with `/` and n/N, and handles the mouse.
 * It asks only for the rows on screen.  The selection is remembered by
 * record id, so it survives reloads when other rows come and go.
 */
#ifndef PLANDESK_UI_LIST_H
#define PLANDESK_UI_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ds.h"

struct app;

#define UI_COL_RIGHT 0x01u   /* right-aligned */
#define UI_COL_DROP  0x02u   /* left out when the screen is narrow */

struct ui_col {
	const char *head;   /* heading, or NULL */
	int         width;  /* columns; 0: takes what is left */
	unsigned    flags;
};

struct ui_list {
	struct ui_ds        *ds;        /* owned */
	const struct ui_col *cols;
	int                  ncols;
	bool                 header;    /* draw the column headings */
	int                  indent_col; /* the column indented by a row's depth */
	const char          *empty;     /* shown when there are no rows */
	size_t               top, sel;
	int                  sel_kind;  /* the selected record, kept across reloads */
	uint64_t             sel_id;
	int                  y, x, h, w;  /* where the rows were last drawn */
	struct ui_span       span;      /* as of the last draw */
	char                 query[256]; /* `/` text: the filter, or what n/N find */
	bool                 filtering; /* the source filters (vs. find) */
};

/* Set up `l` over `ds` (taking ownership) with columns `cols`. */
void ui_list_init(struct ui_list *l, struct ui_ds *ds,
		  const struct ui_col *cols, int ncols);
/* Free the source. */
void ui_list_free(struct ui_list *l);

/*
 * Draw the list in the rectangle (y, x, h, w) inside read transaction
 * `txn`; leaves the app's cursor on the selected row.
 */
void ui_list_draw(struct ui_list *l, struct app *a, struct pd_txn *txn,
		  int y, int x, int h, int w);

/*
 * Handle a movement, filter or find key.  Returns an enum ui_res:
 * UI_UNHANDLED when the key is not the list's.
 */
int ui_list_key(struct ui_list *l, struct app *a, int key);

/* The selected row into `out`.  PD_OK, PD_NOTFOUND (empty list), error. */
int ui_list_selected(struct ui_list *l, struct app *a, struct ui_row *out);

/*
 * The data changed: reset the source and find the selected record again
 * (by id; near its old place when it is gone).
 */
void ui_list_reload(struct ui_list *l, struct app *a);

/* Select the row showing (kind, id) if there is one; true when found. */
bool ui_list_select_id(struct ui_list *l, struct app *a, int kind, uint64_t id);

/* Apply `query` as the filter (or find text) now.  For `/` typing. */
void ui_list_set_query(struct ui_list *l, struct app *a, const char *query);

/* Start `/`: opens the prompt on the status line (instant filtering). */
int ui_list_start_query(struct ui_list *l, struct app *a);

#endif
