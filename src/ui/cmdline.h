/*
 * cmdline.h — the `:` command line.  The commands run the same core code
 * as the command-line program (transfer.h, pd_store_backup), showing
 * progress on the status line:
 *
 *	:import KIND FILE [--dry-run]   :export KIND FILE   :backup FILE
 *	:minutes [DATE] FILE (meeting_mode.h)
 *	:demo (load the sample data)    :help   :q
 */
#ifndef PLANDESK_UI_CMDLINE_H
#define PLANDESK_UI_CMDLINE_H

#include "app.h"

/* Open the `:` prompt. */
void ui_cmdline_start(struct app *a);

/*
 * Run one command line (without the ':'); the result is left as a
 * message.  Returns an enum ui_res (UI_QUIT for :q, UI_RELOAD after an
 * import, UI_PUSH for :help).
 */
int ui_cmdline_run(struct app *a, const char *line);

/*
 * Load the sample data (the sample CSV files of share/sample, in order) into the store, one
 * import per file.  Returns an enum ui_res.
 */
int ui_load_demo(struct app *a);

#endif
