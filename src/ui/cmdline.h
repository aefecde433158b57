/*
 * cmdline.h — the `:` command line.  The commands run the same core code
 * as the command-line program (transfer.h, pd_store_backup), showing
 * progress on the status line:
 *
 *	:import KIND FILE [--dry-run]   :export KIND FILE   :backup FILE
 *	:minutes [DATE] FILE (meeting_mode.h)
 *	:demo (open the demo database)  :help   :q  :q! (quit without asking)
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
 * Open the demo database instead of this one (the welcome screen's D,
 * :demo): the client ends with UI_EXIT_DEMO and the command line opens it
 * on the demo, as `plandesk demo` does.  Returns an enum ui_res.
 */
int ui_open_demo(struct app *a);

#endif
