/*
 * cmd_report.c — `plandesk report progress|monitoring|actions|digest REF
 * [--format md|txt|html|docx|odt|csv|xlsx|mail] [--date-style long|short|iso]
 * [--since DATE] [--owner WHO] [--due-within DAYS] [--today DATE] [--excel]
 * [--confidential] [--reason TEXT] [-o FILE]`: a committee report of plan
 * REF (report.h); `digest` is the actions report as mail: a message per
 * owner, for `mutt -H -` or `sendmail -t`.  `plandesk report retention
 * [--months N]` takes no REF: what is kept past its time, or on hold.
 * Confidential entries are left out unless --confidential, and every
 * report is recorded in the disclosure record (disclose_out.h).
 *
 * The format defaults to Markdown, which reads well in a terminal; with
 * -o FILE and no --format, the file's extension chooses, and one that is
 * not a report format is an error before anything is written.  Word
 * (.docx) or OpenDocument (.odt) is what goes into a committee paper; CSV
 * and .xlsx hold the rows as data.  -o writes a new file of mode 0600 and
 * renames it into place when it is complete.  --today (or
 * PLANDESK_TODAY) is the date the report is "as at", and the one overdue
 * and "may have slipped" are judged on.  --since is for progress, --owner
 * for actions, --excel for CSV.
 * Exit status: 0 written, 1 no such plan, 2 usage or data error.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/protect/disclose_out.h"
#include "cli.h"

struct args {
	enum pd_report_kind   kind;
	const char           *ref, *out, *format, *style, *reason;
	bool                  digest;
	struct pd_report_opts o;
};

static const char options_help[] =
	"Reports:\n"
	"  progress     the recommendation tracker: evidence, assessments, history\n"
	"  monitoring   the business plan by theme: actions agreed, latest update, status\n"
	"  actions      open actions by owner, overdue first\n"
	"  digest       the actions report as one e-mail message per owner\n"
	"               (the same as actions --format mail)\n"
	"  retention    (no REF) plans past their retention date, under a legal\n"
	"               hold or with no date; people not verified for --months\n"
	"Options:\n"
	"  -f, --format F            md, txt, html, docx, odt, csv or xlsx (default md,\n"
	"                            or from -o's extension); actions also mail: a\n"
	"                            message per owner for mutt -H - or sendmail -t\n"
	"  -o, --output FILE         write FILE (mode 0600) instead of standard output\n"
	"      --date-style S        long (15th May 2009), short (15/05/2009) or iso\n"
	"      --since DATE          progress: the updates since DATE, not the latest\n"
	"      --owner WHO           actions: only WHO's (initials, a name, as typed)\n"
	"      --due-within DAYS     actions: only those due within DAYS (overdue too)\n"
	"      --today DATE          the report is as at DATE: overdue and slipped are\n"
	"                            judged on it (default today, or PLANDESK_TODAY)\n"
	"      --excel               csv: a byte-order mark and CRLF, for Excel\n"
	"      --months N            retention: people not verified for N months\n"
	"                            (default 12)\n"
	"      --confidential        include the entries marked confidential, each\n"
	"                            marked CONFIDENTIAL (left out by default)\n"
	"      --reason TEXT         why it is shared, kept in the disclosure record\n"
	"Every report is recorded (plandesk log).\n";

/* The usage line and the options, on stderr; returns CLI_ERROR. */
static int usage_error(struct cli_ctx *ctx)
{
	cli_usage(ctx, &cmd_report);
	fputs(options_help, stderr);
	return CLI_ERROR;
}

/* Parse DATE for option `name` into *d; `day` insists on a day. */
static int parse_date(struct cli_ctx *ctx, const char *name, const char *s,
		      bool day, struct pd_date *d)
{
	struct pd_err err = { 0 };

	if (pd_date_parse(s, d, &err) != PD_OK) {
		cli_error(ctx, "report: --%s: %s", name, err.msg);
		return CLI_ERROR;
	}
	if (day && d->d == 0) {
		cli_error(ctx, "report: --%s needs a day, not only a month: %s", name, s);
		return CLI_ERROR;
	}
	return CLI_OK;
}

static int parse_args(struct cli_ctx *ctx, int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "since",  required_argument, NULL, 's' },
		{ "owner",  required_argument, NULL, 'w' },
		{ "due-within", required_argument, NULL, 'D' },
		{ "today",  required_argument, NULL, 't' },
		{ "excel",  no_argument,       NULL, 'x' },
		{ "output", required_argument, NULL, 'o' },
		{ "date-style", required_argument, NULL, 'd' },
		{ "confidential", no_argument,     NULL, 'c' },
		{ "reason", required_argument,     NULL, 'r' },
		{ "months", required_argument,     NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	const char *since = NULL, *today = NULL;
	bool digest = false;
	char *end;
	long days;
	int c, args;

	memset(a, 0, sizeof *a);
	while ((c = getopt_long(argc, argv, "f:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': a->format = optarg; break;
		case 's': since = optarg; break;
		case 'w': a->o.owner = optarg; break;
		case 't': today = optarg; break;
		case 'x': a->o.excel = true; break;
		case 'D':
			days = strtol(optarg, &end, 10);
			if (!*optarg || *end || days < 0 || days > 36500) {
				cli_error(ctx, "report: --due-within wants a number of days, "
					  "not '%s'", optarg);
				return CLI_ERROR;
			}
			a->o.due_limit = true;
			a->o.due_within = (int)days;
			break;
		case 'o': a->out = optarg; break;
		case 'd': a->style = optarg; break;
		case 'c': a->o.confidential = true; break;
		case 'r': a->reason = optarg; break;
		case 'm':
			days = strtol(optarg, &end, 10);
			if (!*optarg || *end || days < 1 || days > 1200) {
				cli_error(ctx, "report: --months wants a number of months, "
					  "not '%s'", optarg);
				return CLI_ERROR;
			}
			a->o.months = (int)days;
			break;
		default:  return usage_error(ctx);
		}
	}
	/* The retention report is of no one plan: it takes no REF. */
	args = optind < argc && strcmp(argv[optind], "retention") == 0 ? 1 : 2;
	if (optind != argc - args)
		return usage_error(ctx);
	if (strcmp(argv[optind], "digest") == 0) {
		digest = true;
		a->kind = PD_REPORT_ACTIONS;
	} else if (pd_report_kind_parse(argv[optind], &a->kind) != PD_OK) {
		cli_error(ctx, "report: unknown report '%s' (use progress, monitoring, "
			  "actions, digest or retention)", argv[optind]);
		return CLI_ERROR;
	}
	a->ref = args == 2 ? argv[optind + 1] : NULL;
	a->digest = digest;
	if (cli_reason(ctx, a->reason) != CLI_OK)
		return CLI_ERROR;
	if (digest && a->format && strcmp(a->format, "mail") != 0) {
		cli_error(ctx, "report: a digest is mail (--format mail)");
		return CLI_ERROR;
	}
	if (cli_choose_format(ctx, digest ? "mail" : a->format, a->out,
			      a->kind == PD_REPORT_ACTIONS ? PD_FMTS_REPORT_ACTIONS : PD_FMTS_REPORT,
			      PD_FMT_MD, &a->o.format) != CLI_OK ||
	    cli_date_style(ctx, a->style, &a->o.date_style) != CLI_OK)
		return CLI_ERROR;
	if (since && a->kind != PD_REPORT_PROGRESS) {
		cli_error(ctx, "report: --since is for the progress report");
		return CLI_ERROR;
	}
	if (a->o.months && a->kind != PD_REPORT_RETENTION) {
		cli_error(ctx, "report: --months is for the retention report");
		return CLI_ERROR;
	}
	if (a->o.due_limit && a->kind != PD_REPORT_ACTIONS) {
		cli_error(ctx, "report: --due-within is for the actions report");
		return CLI_ERROR;
	}
	if (a->o.owner && a->kind != PD_REPORT_ACTIONS) {
		cli_error(ctx, "report: --owner is for the actions report");
		return CLI_ERROR;
	}
	if (a->o.excel && a->o.format != PD_FMT_CSV) {
		cli_error(ctx, "report: --excel is for --format csv");
		return CLI_ERROR;
	}
	if (since && parse_date(ctx, "since", since, false, &a->o.since) != CLI_OK)
		return CLI_ERROR;
	if (today && parse_date(ctx, "today", today, true, &a->o.today) != CLI_OK)
		return CLI_ERROR;
	if (!today && pd_date_today(&a->o.today) != PD_OK) {
		cli_error(ctx, "report: cannot tell today's date (is PLANDESK_TODAY a date?)");
		return CLI_ERROR;
	}
	return CLI_OK;
}

/* A digest's owner with no address: said on stderr. */
static void warn(void *ctx, const char *msg)
{
	fprintf(stderr, "%s: note: %s\n", ((struct cli_ctx *)ctx)->progname, msg);
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct pd_err err = { 0 };
	struct pd_buf doc = PD_BUF_INIT;
	struct pd_disclosure d = { 0 };
	struct pd_store *st;
	struct args a;
	char command[64];
	int rc, status;

	if ((status = parse_args(ctx, argc, argv, &a)) != CLI_OK)
		return status;
	a.o.warn = warn;
	a.o.warn_ctx = ctx;
	snprintf(command, sizeof command, "%s%s", a.digest ? "digest" : "report ",
		 a.digest ? "" : argv[optind]);
	d.command = command;
	d.path = a.out;
	d.reason = a.reason;
	/* Writable: the report is recorded as it leaves. */
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	rc = pd_disclose_report(st, &d, a.kind, a.ref, &a.o, &doc, &err);
	pd_store_close(st);
	if (rc == PD_EMODULE) {
		cli_write_error(ctx, "report", a.out, a.o.format, &err);
		status = CLI_ERROR;
	} else if (rc != PD_OK) {
		cli_error(ctx, "report: %s", err.msg[0] ? err.msg : pd_strerror(rc));
		status = rc == PD_NOTFOUND ? CLI_NOTHING : CLI_ERROR;
	} else if (!a.out) {
		status = cli_print_doc(ctx, &doc, "the report");
	}
	if (status == CLI_OK)
		cli_conf_note(ctx, &d);
	pd_buf_free(&doc);
	return status;
}

const struct cli_cmd cmd_report = {
	.name    = "report",
	.usage   = "KIND REF [--format F] [-o FILE] [...]",
	.summary = "progress, monitoring or actions report of plan REF; "
		   "retention (report --help)",
	.help    = options_help,
	.run     = run,
};
