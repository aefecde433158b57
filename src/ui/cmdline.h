/*
 * cmdline.h — the `:` command line.  The commands run the same core code
 * as the command-line program (transfer.h, pd_store_backup), showing
 * progress on the status line:
 *
 *	:import KIND FILE [--dry-run]   :export KIND FILE   :backup FILE
 *	:minutes [DATE] FILE (meeting_mode.h)   :report KIND PLAN FILE
 *	:demo (open the demo database)  :help   :q  :q! (quit without asking)
 * each a descriptor in one table (ui_commands).
 */
#ifndef PLANDESK_UI_CMDLINE_H
#define PLANDESK_UI_CMDLINE_H

#include "app.h"

/* A `:` command: like the command line's descriptors (src/cli/cli.h). */
struct ui_command {
	const char *name;
	const char *alias;               /* another name ("q"), or NULL */
	int         min_args, max_args;  /* after the name */
	const char *usage;               /* the arguments: "KIND FILE" */
	const char *help;                /* one line for the help; NULL: not listed */
	/* argv[0] is the name as typed; an enum ui_res, or -1 for the usage. */
	int (*run)(struct app *a, int argc, char **argv);
};

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
 * Open the demo database instead of this one (the welcome screen's D,
 * :demo): the client ends with UI_EXIT_DEMO and the command line opens it
 * on the demo, as `plandesk demo` does.  Returns an enum ui_res.
 */
int ui_open_demo(struct app *a);

#endif
