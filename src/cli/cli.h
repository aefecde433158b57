/*
 * cli.h — the command line: one descriptor per subcommand, one file each
 * (cmd_*.c), gathered in the table in main.c.
 */
#ifndef PLANDESK_CLI_H
#define PLANDESK_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "cli_formats.h"
#include "plandesk/documents/format.h"
#include "plandesk/protect/disclose.h"
#include "plandesk/records/records.h"

/* Exit statuses, which scripts and tests rely on: 0 success, 1 nothing
 * found (lookup, check), 2 usage or data error. */
enum { CLI_OK = 0, CLI_NOTHING = 1, CLI_ERROR = 2 };

struct cli_ctx {
	const char *db_flag;   /* --db PATH, or NULL */
	const char *progname;
	/* Errors also go to stdout as one line (lookup --mutt: mutt shows
	 * the first line of the query's stdout, never its stderr). */
	bool        errors_to_stdout;
	/* The document module, opened when a command first writes docx,
	 * odt, xlsx or ics (cli_formats.h); every store is handed its
	 * loader. */
	struct cli_formats formats;
};

struct cli_cmd {
	const char *name;
	const char *usage;     /* arguments after the name */
	const char *summary;   /* one line for --help */
	/* What `COMMAND --help` prints after the usage line and the summary:
	 * the arguments and options, one a line (may be NULL). */
	const char *help;
	/* argv[0] is the subcommand's name; returns an exit status. */
	int (*run)(struct cli_ctx *ctx, int argc, char **argv);
};

extern const struct cli_cmd cmd_check;
extern const struct cli_cmd cmd_backup;
extern const struct cli_cmd cmd_restore;
extern const struct cli_cmd cmd_minutes;
extern const struct cli_cmd cmd_report;
extern const struct cli_cmd cmd_import;
extern const struct cli_cmd cmd_export;
extern const struct cli_cmd cmd_demo;
extern const struct cli_cmd cmd_lookup;
extern const struct cli_cmd cmd_add_email;
extern const struct cli_cmd cmd_log;
extern const struct cli_cmd cmd_hold;
extern const struct cli_cmd cmd_purge;
extern const struct cli_cmd cmd_mentions;
extern const struct cli_cmd cmd_forget;
extern const struct cli_cmd cmd_history;

/* Open the database named by --db / PLANDESK_DB / the default, handing it
 * the document module's loader (ctx->formats); print the error and return
 * NULL on failure. */
struct pd_store *cli_open_store(struct cli_ctx *ctx, bool read_only);

/*
 * The folder holding sample/ (the demo data; cli_demo.c): $PLANDESK_SHARE
 * if set, else the installed PKGDATADIR, else share/ beside the program
 * itself (so `./plandesk demo` works in the build tree before `make
 * install`).  The folder is written to `buf` (n bytes).  Returns `buf`, or
 * NULL when none of them holds sample/orgs.csv.
 */
const char *cli_share_dir(char *buf, size_t n);

/*
 * Run the full-screen client on the database at `path` (NULL: --db /
 * PLANDESK_DB / the default); `demo`: it is the demo database (the title
 * says so).  When the user asks for the demo from the client (D on the
 * welcome screen), the client opens again on the demo database
 * (cli_demo_path), never loading the demo into theirs.  Needs a terminal
 * on stdin and stdout.  Prints what goes wrong; returns the exit status.
 */
int cli_run_client(struct cli_ctx *ctx, const char *path, bool demo);

/*
 * Print the finished document `b` to standard output (once it has been
 * recorded: plandesk/protect/disclose_out.h).  `what` names it in the
 * message printed on failure.  Returns CLI_OK or CLI_ERROR.
 */
int cli_print_doc(struct cli_ctx *ctx, const struct pd_buf *b, const char *what);

/*
 * After a file left the database: say on stderr how many confidential
 * entries were left out of it (and that --confidential shows them), when
 * any were.
 */
void cli_conf_note(struct cli_ctx *ctx, const struct pd_disclosure *d);

/*
 * Ask `question` (" [y/N] " is added) on the terminal, for a change that
 * cannot be undone, unless `yes` (--yes) answers it.  Returns CLI_OK for
 * yes; CLI_NOTHING for no (it says nothing was changed); CLI_ERROR when
 * standard input is no terminal to ask on (it says to add --yes).
 */
int cli_confirm(struct cli_ctx *ctx, const char *question, bool yes);

/*
 * WHO of `cmd` (mentions, forget) as a subject (subject.h), saying on
 * stderr when no one in the directory has the name; a name two people
 * answer to is an error naming them.  Returns CLI_OK or CLI_ERROR.
 */
struct pd_subject;
int cli_subject(struct cli_ctx *ctx, struct pd_store *st, const char *cmd,
		const char *who, struct pd_subject *s);

/*
 * Check --reason TEXT: not empty, valid UTF-8, one line.  Prints what is
 * wrong; returns CLI_OK or CLI_ERROR.
 */
int cli_reason(struct cli_ctx *ctx, const char *reason);

/*
 * Choose the output format (format.h pd_format_choose: --format `name`,
 * else -o `path`'s extension, else `dflt`, within `set`) and refuse a
 * binary format (docx, odt, xlsx) meant for a terminal.  Prints what is
 * wrong; returns CLI_OK or CLI_ERROR.
 */
int cli_choose_format(struct cli_ctx *ctx, const char *name, const char *path,
		      unsigned set, enum pd_format dflt, enum pd_format *out);

/* --date-style NAME (NULL: long) into *out; prints what is wrong.
 * Returns CLI_OK or CLI_ERROR. */
int cli_date_style(struct cli_ctx *ctx, const char *name, enum pd_date_style *out);

/* Print "plandesk: " + message to stderr (and to stdout, on one line, when
 * ctx->errors_to_stdout). */
void cli_error(struct cli_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Print the failure `err` of writing format `fmt` to `path` (NULL:
 * standard output) after `what` ("export people"; NULL: nothing); when
 * the document module is wanting (PD_EMODULE), as "cannot write PATH:"
 * (or the format's name) and what is wrong with the module.
 */
void cli_write_error(struct cli_ctx *ctx, const char *what, const char *path,
		     enum pd_format fmt, const struct pd_err *err);

/* Print a subcommand's usage line to stderr and return CLI_ERROR. */
int cli_usage(struct cli_ctx *ctx, const struct cli_cmd *cmd);

/*
 * Hold SIGINT, SIGTERM, SIGHUP and SIGQUIT back (saving the old mask in
 * *saved) while a file is written through a temporary, so that Ctrl-C
 * cannot leave the temporary behind: a signal that came meanwhile takes
 * effect at cli_signals_release, once it is renamed or removed.
 */
void cli_signals_hold(sigset_t *saved);
void cli_signals_release(const sigset_t *saved);

#endif
