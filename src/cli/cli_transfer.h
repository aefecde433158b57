/*
 * cli_transfer.h — what import, export and demo share on the command
 * line: the kind named, the progress line, and building the demo
 * database.
 */
#ifndef PLANDESK_CLI_TRANSFER_H
#define PLANDESK_CLI_TRANSFER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "cli.h"
#include "plandesk/transfer/transfer.h"

/* A progress line on stderr, drawn only when stderr is a terminal and the
 * work has taken more than half a second. */
struct cli_progress {
	const char     *what;     /* the file, or the kind */
	bool            tty;
	bool            shown;    /* a line is on the screen */
	struct timespec start, last;
};

/* Start a progress line about `what`. */
void cli_progress_init(struct cli_progress *p, const char *what);

/* A pd_progress_fn: ctx is a struct cli_progress. */
void cli_progress_cb(void *ctx, const struct pd_progress *pr);

/* Clear the progress line if one is shown (before printing anything). */
void cli_progress_clear(struct cli_progress *p);

/* A pd_warn_fn printing the warning on stderr; ctx is a struct
 * cli_progress (its line is cleared first). */
void cli_progress_warn(void *ctx, const char *msg);

/* The first line of import's and export's help: the kinds KIND names. */
#define CLI_KINDS_HELP \
	"KIND is orgs, people, plans, items, actions, updates or meetings.\n"

/*
 * The kind `name` names on the command line ("people"), when it has a
 * CSV form (pd_transfer_columns); else prints which kinds there are.
 * Returns CLI_OK or CLI_ERROR.
 */
int cli_transfer_kind(struct cli_ctx *ctx, const char *name, enum pd_kind *kind);

/*
 * The end of an import or an export that returned `rc`: the progress
 * line cleared and the store closed (before the summary or the error is
 * printed).  Returns the exit status: CLI_OK when rc is PD_OK, else
 * CLI_ERROR.
 */
int cli_transfer_done(struct cli_progress *p, struct pd_store *st, int rc);

/*
 * The demo database, built from the sample data the first time: the
 * sample CSV files (orgs, people, plans, items, meetings, actions, updates)
 * from cli_share_dir()/sample (cli.h) are imported into
 * pd_store_path(--db, "demo.db") — built under a temporary name and
 * renamed, so a failed build leaves nothing behind.  `path` (n bytes) gets
 * its path.  Prints what goes wrong; returns CLI_OK or CLI_ERROR.
 */
int cli_demo_path(struct cli_ctx *ctx, char *path, size_t n);

/*
 * export_formats.c: every person as a vCard of `version` (30 or 40), to
 * the file d->path or (NULL) standard output, recorded as `d` says
 * (disclose.h: the command and the reason).  Prints what goes wrong;
 * returns the exit status.
 */
int cli_export_vcards(struct cli_ctx *ctx, enum pd_kind kind,
		      struct pd_disclosure *d, int version);

/* export_formats.c: meetings or actions as iCalendar (ical.h), actions
 * only of `owner` when not NULL; as cli_export_vcards.  Returns the exit
 * status. */
int cli_export_ical(struct cli_ctx *ctx, enum pd_kind kind,
		    struct pd_disclosure *d, const char *owner);

#endif
