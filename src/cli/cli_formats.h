/*
 * cli_formats.h — the program's side of the document module
 * (plandesk/documents/formats.h): where plandesk-formats.so is, and
 * opening it the first time a command or the client writes docx, odt,
 * xlsx or ics.  cli_open_store hands every store the loader.
 */
#ifndef PLANDESK_CLI_FORMATS_H
#define PLANDESK_CLI_FORMATS_H

#include <stddef.h>

#include "plandesk/documents/formats.h"

/* The module's file name, in the folder cli_formats_path names. */
#define CLI_FORMATS_FILE "plandesk-formats.so"

/*
 * The loader and what it opened.  It lives in the program's context
 * (struct cli_ctx, on main's stack) for the whole run: the module, once
 * opened, is never closed, because the libraries it brought keep state
 * of their own (libxml2's, libical's) until the process ends.
 */
struct cli_formats {
	struct pd_formats_loader loader;   /* what the stores are handed */
	void                    *dl;       /* the module, once opened */
	const struct pd_formats *fm;       /* its table, checked */
};

/* Make `f` a loader that has opened nothing yet. */
void cli_formats_init(struct cli_formats *f);

/*
 * Where the module is: beside the program when the program is not the
 * one installed in BINDIR (the build tree, a VPATH build, make check in
 * make distcheck), else in PKGLIBDIR as configured.  Written to `buf`
 * (n bytes).  Returns 0, or -1 when the path does not fit.
 */
int cli_formats_path(char *buf, size_t n);

#endif
