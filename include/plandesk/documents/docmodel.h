/*
 * docmodel.h — a document built once and written in any format.
 *
 * The minutes and the reports are built into this small model — a title,
 * headings, paragraphs, bulleted lists, tables whose cells hold
 * paragraphs and lists and may be shaded by a status — and one writer per
 * format turns it into Markdown, text, HTML, Word (.docx) or OpenDocument
 * (.odt).  So what a document says is decided in one place, and each
 * format decides only how it looks:
 *
 *	- Markdown and text show a table of short cells as lines, and other
 *	  tables as a block per row (a row-naming first column becomes the
 *	  row's heading, the other cells "Header: content");
 *	- HTML, Word and OpenDocument show every table as a table, with
 *	  its header row repeated on each page, rows that may break across
 *	  pages, and shaded cells that keep their text (colour is never the
 *	  only signal);
 *	- Word and OpenDocument give the pages a footer with the page
 *	  numbers, and the headings the built-in heading styles (Heading 1–3),
 *	  so a navigation pane and a table of contents find them.
 *
 * Building: each call adds to the document, or to the table cell begun
 * last.  A failure (only ever PD_ENOMEM) is kept in dm->rc and makes later
 * calls do nothing, so a builder checks once at the end.  Text is copied
 * and made safe for every format on the way in: bytes that are not UTF-8
 * become U+FFFD, tabs become spaces, and control characters other than the
 * line feed (a line break) are dropped.
 */
#ifndef PLANDESK_DOCMODEL_H
#define PLANDESK_DOCMODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "plandesk/documents/format.h"
#include "plandesk/meetings/scale.h"
#include "plandesk/base/status.h"

/* A run of text in one style; "\n" in it is a line break. */
#define PD_DM_BOLD   0x01u
#define PD_DM_ITALIC 0x02u

struct pd_dm_run {
	char     *text;
	unsigned  style;
};

enum pd_dm_kind { PD_DM_HEADING, PD_DM_PARA, PD_DM_ITEM, PD_DM_TABLE };

/* What a paragraph or list item is, for the formats that show it. */
#define PD_DM_NOTE 0x01u   /* stands in for missing content ("No update.") */
#define PD_DM_FLAG 0x02u   /* a warning ("May have slipped: …") */
#define PD_DM_DONE 0x04u   /* a completed action ("✓ … — done 15th May 2009") */

struct pd_dm_table;

struct pd_dm_block {
	enum pd_dm_kind     kind;
	int                 level;   /* heading 1–3; list item 1–2 */
	unsigned            role;    /* PD_DM_NOTE, PD_DM_FLAG, PD_DM_DONE */
	struct pd_dm_run   *runs;
	size_t              nruns;
	struct pd_dm_table *table;   /* PD_DM_TABLE */
};

struct pd_dm_blocks {
	struct pd_dm_block *v;
	size_t              n, cap;
};

struct pd_dm_cell {
	struct pd_dm_blocks body;
	enum pd_status_kind shade;   /* PD_ST_NONE: not shaded */
};

/* A row that is one cell across the table, naming the rows after it. */
#define PD_DM_ROW_GROUP 0x01u

struct pd_dm_row {
	unsigned           flags;
	int                depth;    /* 0, or 1 for a sub-item (indented) … */
	struct pd_dm_cell *cells;    /* one per column (one for a group row) */
	size_t             ncells;
};

struct pd_dm_col {
	char    *head;
	unsigned width;   /* share of the table's width, per cent */
};

/* Kinds of table. */
#define PD_DM_T_FIELDS  0x01u  /* label | value rows and no header: a title block */
#define PD_DM_T_COMPACT 0x02u  /* short cells: Markdown and text write a line a row */
#define PD_DM_T_ROWHEAD 0x04u  /* column 0 names its row (a heading in md and txt) */

struct pd_dm_table {
	unsigned          flags;
	int               level;   /* the level of the row headings in md and txt */
	struct pd_dm_col *cols;
	size_t            ncols;
	struct pd_dm_row *rows;
	size_t            nrows, caprows;
};

struct pd_dm {
	char               *title;      /* first line, and the file's title */
	char               *subtitle;   /* under the title; NULL: none */
	char               *footer;     /* beside the page numbers; NULL: none */
	bool                landscape;  /* A4 landscape (wide tables) */
	struct pd_date      date;       /* the document's date, for its
					   metadata; y == 0: none */
	struct pd_dm_blocks body;
	/* while building */
	struct pd_dm_blocks *cur;       /* where blocks go: body or a cell */
	struct pd_dm_table  *table;     /* the table being built, or NULL */
	int                  rc;        /* the first failure, or PD_OK */
};

/* Start an empty document.  Free it with pd_dm_free. */
void pd_dm_init(struct pd_dm *dm);

/* Free everything the document holds; it may be initialised again. */
void pd_dm_free(struct pd_dm *dm);

/*
 * Set the title, the subtitle (may be NULL) and the footer text (may be
 * NULL).  Returns dm->rc: PD_OK or PD_ENOMEM.
 */
int pd_dm_titles(struct pd_dm *dm, const char *title, const char *subtitle,
		 const char *footer);

/* A heading of level 1–3.  Returns dm->rc. */
int pd_dm_heading(struct pd_dm *dm, int level, const char *text);

/* A paragraph of one run of plain text, with role `role` (0 or
 * PD_DM_NOTE, …).  Returns dm->rc. */
int pd_dm_para(struct pd_dm *dm, unsigned role, const char *text);

/* A paragraph "Label: value" with the label in bold.  Returns dm->rc. */
int pd_dm_field(struct pd_dm *dm, const char *label, const char *value);

/*
 * A list item at `level` (1 or 2).  The lines of `text` that begin with
 * a bullet ("- ", "* ", "• ", "· " …) become items of the next level (the
 * sub-points of a note); its other lines stay in the item, broken.
 * Returns dm->rc.
 */
int pd_dm_item(struct pd_dm *dm, int level, unsigned role, const char *text);

/* Flag for pd_dm_text: every line is a list item (the points of an update). */
#define PD_DM_LIST 0x01u

/*
 * Multi-line text as people type it into a cell: each non-blank line is a
 * paragraph, a run of bulleted lines a list (bullets removed).  With
 * PD_DM_LIST every line is an item, and bulleted lines under one are its
 * sub-points.  Blank text adds nothing.  Returns dm->rc.
 */
int pd_dm_text(struct pd_dm *dm, const char *text, unsigned flags);

/*
 * Add a run of `style` (PD_DM_BOLD, PD_DM_ITALIC) to the paragraph or item
 * added last in the current place.  Returns dm->rc (PD_EINVAL when there
 * is none).
 */
int pd_dm_run(struct pd_dm *dm, unsigned style, const char *text);

/*
 * Begin a table of kind `flags` (PD_DM_T_*) whose row headings in plain
 * text are at heading level `level`.  Then pd_dm_col for each column,
 * then rows of cells, then pd_dm_table_end.  Returns dm->rc.
 */
int pd_dm_table(struct pd_dm *dm, unsigned flags, int level);

/* A column headed `head`, taking `width` per cent of the width. */
int pd_dm_col(struct pd_dm *dm, const char *head, unsigned width);

/* Begin a row (PD_DM_ROW_GROUP: one cell across); `depth` > 0 indents it. */
int pd_dm_row(struct pd_dm *dm, unsigned flags, int depth);

/* Begin the next cell of the row; what is added next goes into it. */
int pd_dm_cell(struct pd_dm *dm, enum pd_status_kind shade);

/* pd_dm_cell holding one paragraph of `text` (nothing when it is NULL
 * or empty). */
int pd_dm_cell_text(struct pd_dm *dm, enum pd_status_kind shade,
		    const char *text);

/*
 * End the table: a column that is empty in every row is left out (the
 * others share its width); what is added next goes into the document.
 * Returns dm->rc.
 */
int pd_dm_table_end(struct pd_dm *dm);

/*
 * Write the document in format `fmt` (md, txt, html, docx or odt) to the
 * end of `out`.  `fm`: the document module's table (formats.h), which
 * writes docx and odt; may be NULL for the other formats.
 * Returns PD_OK; PD_EINVAL (a format the model is not written in, or a
 * document that failed to build); PD_EMODULE (docx or odt with `fm`
 * NULL); PD_ENOMEM; PD_EIO (the zip library or the XML writer failed:
 * err says which).
 */
struct pd_formats;
int pd_dm_write(const struct pd_dm *dm, enum pd_format fmt,
		const struct pd_formats *fm, struct pd_buf *out, struct pd_err *err);

#endif
