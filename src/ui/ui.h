/*
 * ui.h — the full-screen client's entry point, called by the command line
 * (`plandesk` with no subcommand, `plandesk demo`).
 */
#ifndef PLANDESK_UI_H
#define PLANDESK_UI_H

#include <stdbool.h>

#include "plandesk/records/records.h"

/* What ui_run returns besides 0 and 2: open the demo database instead. */
#define UI_EXIT_DEMO 3

struct ui_opts {
	const char *share_dir;  /* the folder holding sample/ (demo data); NULL: none */
	bool        mono;       /* force monochrome (also NO_COLOR, TERM=dumb) */
	bool        demo;       /* the store is the demo database: say so */
};

/*
 * Run the client on the open store `st` until the user quits.  Colours
 * follow NO_COLOR (set and not empty: none) and the terminal; marks and
 * rules are ASCII when the locale is not UTF-8 or PLANDESK_ASCII is set
 * and not empty.  PLANDESK_TODAY (date.h) fixes "today" for overdue.  Needs a
 * terminal on stdin and stdout; prints a message to stderr and returns 2
 * when there is none or curses cannot start (e.g. an unknown TERM).  The
 * store stays open (the caller closes it).  `o` may be NULL.
 * Returns 0 after a normal quit, 2 when the client could not run, and
 * UI_EXIT_DEMO (3) when the user asked for the demo database instead (the
 * caller opens the client again on it).
 */
int ui_run(struct pd_store *st, const struct ui_opts *o);

#endif
