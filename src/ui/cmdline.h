/*
 * cmdline.h — the `:` command line.  The commands run the same core code
 * as the command-line program (transfer.h, disclose_out.h), showing
 * progress on the status line:
 *
 *	:import KIND FILE [--dry-run]   :export KIND FILE   :backup FILE
 *	:minutes [DATE] FILE (meeting_mode.h)   :report KIND PLAN FILE
 *	:log (the disclosure record)   :demo (open the demo database)
 *	:help   :q  :q! (quit without asking)
 * each a descriptor in one table (ui_commands).  A file that leaves the
 * database is recorded with the command's name (":export people") and
 * its --reason.
 */
#ifndef PLANDESK_UI_CMDLINE_H
#define PLANDESK_UI_CMDLINE_H

#include "plandesk/protect/disclose.h"
#include "app.h"
#include "command.h"

/* The commands, ending with one whose name is NULL (help and man page). */
const struct ui_command *ui_commands(void);

/* Open the `:` prompt. */
void ui_cmdline_start(struct app *a);

/*
 * Run one command line (without the ':'); the result is left as a
 * message.  Returns an enum ui_res (UI_QUIT for :q, UI_RELOAD after an
 * import, UI_PUSH for :help).
 */
int ui_cmdline_run(struct app *a, const char *line);

/*
 * Say on the status line that `what` was written to `file` (then `tail`,
 * " (Word)") and recorded, and how many confidential entries were left
 * out of it or put in.
 */
void ui_disclosed_msg(struct app *a, const char *what, const char *file,
		      const char *tail, const struct pd_disclosure *d);

/*
 * Open the demo database instead of this one (the welcome screen's D,
 * :demo): the client ends with UI_EXIT_DEMO and the command line opens it
 * on the demo, as `plandesk demo` does.  Returns an enum ui_res.
 */
int ui_open_demo(struct app *a);

#endif
