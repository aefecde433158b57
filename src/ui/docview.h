/*
 * docview.h — a view showing a document of lines built from the database
 * (an item's detail, a meeting, a directory card, the help screen) in the
 * list widget.  The document is rebuilt when the data changes or the
 * width changes (text is wrapped to the screen), keeping the selected line
 * by the record it shows.  Enter on a line that shows a record opens it.
 */
#ifndef PLANDESK_UI_DOCVIEW_H
#define PLANDESK_UI_DOCVIEW_H

#include <stdint.h>

#include "app.h"
#include "ds.h"
#include "list.h"

struct docview;

struct docview_spec {
	const char             *name;
	const struct ui_keymap *keys;    /* the view's own commands */
	const struct ui_col    *cols;    /* label/value columns; NULL: one */
	int                     ncols;
	/* Fill `doc` for width `w`.  PD_OK, or an error (shown). */
	int  (*build)(struct docview *dv, struct app *a, struct pd_txn *txn,
		      struct ui_doc *doc, int w);
	/* A command from `keys`, with the selected row.  enum ui_res;
	 * UI_UNHANDLED for the default (Enter opens the row's record). */
	int  (*cmd)(struct docview *dv, struct app *a, enum ui_cmd cmd,
		    const struct ui_row *sel);
};

struct docview {
	struct view                base;
	struct view_ops            ops;
	const struct docview_spec *spec;
	struct ui_list             list;
	struct ui_doc              doc;
	int                        kind;      /* the record shown */
	uint64_t                   id;
	const void                *about;     /* help: the view described */
	char                       title[192];
	int                        built_w;   /* width the doc was built for */
	bool                       gone;      /* the record no longer exists */
};

/*
 * A document view of record (kind, id) (`about`: what the help screen
 * describes, else NULL), built at once so its title is there for the
 * first frame.  NULL out of memory.
 */
struct view *docview_new(struct app *a, const struct docview_spec *spec,
			 int kind, uint64_t id, const void *about);

/* The spec of `v` when it is a document view, else NULL: how a kind of
 * document view (the welcome screen, the help) is told from others. */
const struct docview_spec *docview_spec(const struct view *v);

/* Select the line showing (kind, id) in document view `v`, if any. */
void docview_select(struct view *v, struct app *a, int kind, uint64_t id);

/*
 * Append `text` to `doc` wrapped to `w` columns (at spaces where it can),
 * one doc line per screen line, each showing (kind, id) at `depth`.
 * Returns 0 or -1 (out of memory).
 */
int ui_doc_wrap(struct ui_doc *doc, int role, int depth, int kind, uint64_t id,
		const char *text, int w);

#endif
