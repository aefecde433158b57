/*
 * cmd_log.c — `plandesk log [--since DATE] [--format md|csv|...]`:
 * the disclosure record (disclose.h): every file that left the database,
 * every purge, erasure and hold, oldest first, in local time.  The record
 * itself names files and reasons, not what was in them, so printing it is
 * not recorded.
 * Exit status: 0 written, 2 usage or data error.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "plandesk/base/date.h"
#include "cli.h"

/* Local midnight at the start of DATE, as seconds since the epoch. */
static int since_of(struct cli_ctx *ctx, const char *s, int64_t *out)
{
	struct pd_err err = { 0 };
	struct pd_date d;
	struct tm tm = { 0 };

	if (pd_date_parse(s, &d, &err) != PD_OK) {
		cli_error(ctx, "log: --since: %s", err.msg);
		return CLI_ERROR;
	}
	tm.tm_year = d.y - 1900;
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d ? d.d : 1;
	tm.tm_isdst = -1;
	*out = (int64_t)mktime(&tm);
	return CLI_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "since",  required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL;
	struct pd_buf doc = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct pd_store *st;
	enum pd_format fmt;
	int64_t since = 0;
	int c, status = CLI_OK;

	while ((c = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (since_of(ctx, optarg, &since) != CLI_OK)
				return CLI_ERROR;
			break;
		case 'f': format = optarg; break;
		default:  return cli_usage(ctx, &cmd_log);
		}
	}
	if (optind != argc)
		return cli_usage(ctx, &cmd_log);
	if (cli_choose_format(ctx, format, NULL, PD_FMTS_REPORT, PD_FMT_MD, &fmt) != CLI_OK)
		return CLI_ERROR;
	if (!(st = cli_open_store(ctx, true)))
		return CLI_ERROR;
	if (pd_disclosure_log(st, since, fmt, &doc, &err) != PD_OK) {
		cli_write_error(ctx, "log", NULL, fmt, &err);
		status = CLI_ERROR;
	}
	pd_store_close(st);
	if (status == CLI_OK)
		status = cli_print_doc(ctx, &doc, "the disclosure record");
	pd_buf_free(&doc);
	return status;
}

const struct cli_cmd cmd_log = {
	.name = "log",
	.usage = "[--since DATE] [--format md|csv|…]",
	.summary = "list the disclosure record: every file that left the database, "
		   "every purge, erasure and hold",
	.help = "Each entry: when, the command (the client's begin with ':'), what\n"
		"(its kind, plan, meeting, rows), the file and its format, whether\n"
		"confidential entries went into it (or how many were left out), the\n"
		"reason given with --reason, and the login that made it.\n"
		"Options:\n"
		"  --since DATE          only the entries made on or after DATE\n"
		"  -f, --format F        md (the default), txt, html, csv; docx, odt or xlsx\n"
		"                        to a file: plandesk log -f docx > log.docx\n",
	.run = run,
};
