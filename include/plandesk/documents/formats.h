/*
 * formats.h — the document module: the writers that need libzip, libxml2,
 * libxlsxwriter or libical (Word, OpenDocument, .xlsx, iCalendar), built
 * as plandesk-formats.so and opened with dlopen only when one of those
 * formats is written, so that every other command (a `lookup` from mutt)
 * starts without loading those libraries and what they bring.
 *
 * The module's one interface is its entry table, `struct pd_formats`,
 * exported as the symbol PD_FORMATS_SYMBOL (src/formats/module.c).  The
 * rest of the core reaches the writers only through the table: the
 * caller of a top-level function (the program, or a test) hands the
 * store a loader (pd_store_set_formats), and a function about to write
 * one of the module's formats asks for the table with pd_formats_for,
 * which calls the loader the first time.  The core never opens the
 * module itself: where it is installed is the program's business
 * (src/cli/formats_load.c), and tests link the writers in and hand over
 * the table directly.
 */
#ifndef PLANDESK_FORMATS_H
#define PLANDESK_FORMATS_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/status.h"
#include "plandesk/documents/format.h"

struct pd_dm;      /* docmodel.h */
struct pd_sheet;   /* sheet.h */
struct pd_cal;     /* transfer/calendar.h */
struct pd_store;

/*
 * The version of the table and of everything it passes: struct pd_dm,
 * struct pd_sheet (documents/sheet_impl.h), struct pd_cal, struct pd_buf
 * and struct pd_err.  Raise it when any of them changes shape, so that a
 * module left over from another build is refused rather than misread.
 */
#define PD_FORMATS_VERSION 1

/* The name of the table in the module, for dlsym. */
#define PD_FORMATS_SYMBOL "pd_formats_module"

struct pd_formats {
	/* PD_FORMATS_VERSION of the build that made the module, and the
	 * size of this struct there; both are checked before anything
	 * else is read. */
	unsigned version;
	unsigned size;

	/* A finished document as Word (.docx) or OpenDocument (.odt),
	 * appended to `out`.  Return PD_OK, PD_ENOMEM or PD_EIO (err says
	 * which library call failed). */
	int (*write_docx)(const struct pd_dm *dm, struct pd_buf *out,
			  struct pd_err *err);
	int (*write_odt)(const struct pd_dm *dm, struct pd_buf *out,
			 struct pd_err *err);

	/* The spreadsheet half of the sheet writer (sheet.h), as the
	 * pd_sheet_* calls that stand in front of them: begin (the header
	 * row), one cell, finish or abandon. */
	int (*xlsx_open)(struct pd_sheet *sh, const char *title, struct pd_err *err);
	int (*xlsx_put)(struct pd_sheet *sh, const char *s, size_t n,
			struct pd_err *err);
	int (*xlsx_close)(struct pd_sheet *sh, int rc, struct pd_err *err);

	/* A calendar (transfer/calendar.h) as one VCALENDAR, appended to
	 * `out`.  Returns PD_OK or PD_ENOMEM. */
	int (*write_ics)(const struct pd_cal *cal, struct pd_buf *out,
			 struct pd_err *err);
};

/* The module's table (src/formats/module.c); tests that link the
 * writers in use it directly. */
extern const struct pd_formats pd_formats_module;

/*
 * How the core gets the table: `load` is called (with `ctx`) the first
 * time a format of the module is written through the store, and again
 * after it failed.  It returns the table, checked for its version, or
 * NULL with err filled: PD_EMODULE and one line ("the document module
 * PATH is missing").
 */
struct pd_formats_loader {
	const struct pd_formats *(*load)(void *ctx, struct pd_err *err);
	void *ctx;
};

/* True for the formats only the module writes: docx, odt, xlsx, ics. */
bool pd_format_in_module(enum pd_format f);

/*
 * The table to write `fmt` with, through `st`'s loader: *out is NULL for
 * a format the core writes itself (nothing is loaded then).
 * Returns PD_OK; PD_EMODULE with the loader's line ("the document module
 * … is missing"), also when the store was given no loader.
 */
int pd_formats_for(struct pd_store *st, enum pd_format fmt,
		   const struct pd_formats **out, struct pd_err *err);

#endif
