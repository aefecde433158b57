/*
 * cmd_minutes.c — `plandesk minutes [--plan REF] DATE
 * [--format md|txt|html|docx|odt] [--date-style long|short|iso]
 * [--confidential] [--reason TEXT] [-o FILE]`: the minutes of the meeting
 * held on DATE.
 *
 * --plan is needed only when meetings of several plans were held that day.
 * Without --format, -o FILE's extension (.md .txt .html .docx .odt)
 * chooses the format; otherwise Markdown.  An extension or format the
 * minutes are not written in is an error, before anything is written.  A
 * file written with -o is created 0600, as the database is (minutes name
 * people and their work with children), and renamed into place only when
 * complete.  Confidential entries are left out unless --confidential;
 * either way the minutes are recorded in the disclosure record, with the
 * reason given (disclose_out.h).
 * Exit status: 0 written, 1 no meeting that day, 2 usage or data error.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plandesk/base/date.h"
#include "plandesk/protect/disclose_out.h"
#include "cli.h"

struct opts {
	const char *plan, *format, *out, *date, *style, *reason;
	bool        confidential;
};

static int parse_args(struct cli_ctx *ctx, int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "plan",   required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "date-style", required_argument, NULL, 'd' },
		{ "confidential", no_argument,     NULL, 'c' },
		{ "reason", required_argument,     NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	while ((c = getopt_long(argc, argv, "p:f:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': o->plan = optarg; break;
		case 'f': o->format = optarg; break;
		case 'o': o->out = optarg; break;
		case 'd': o->style = optarg; break;
		case 'c': o->confidential = true; break;
		case 'r': o->reason = optarg; break;
		default:  return cli_usage(ctx, &cmd_minutes);
		}
	}
	if (optind != argc - 1)
		return cli_usage(ctx, &cmd_minutes);
	o->date = argv[optind];
	return cli_reason(ctx, o->reason);
}

/* The one meeting meant: exit status, *id set on CLI_OK. */
static int pick_meeting(struct cli_ctx *ctx, struct pd_txn *txn,
			const struct opts *o, const char *iso, const char *when,
			uint64_t *id)
{
	struct pd_err err = { 0 };
	struct pd_record m, p;
	uint64_t plan = 0, *ids, chosen_plan = 0;
	size_t n, plans = 0;
	int rc;

	*id = 0;
	if (o->plan && pd_find_plan(txn, o->plan, &plan) != PD_OK) {
		cli_error(ctx, "no plan with ref '%s'", o->plan);
		return CLI_ERROR;
	}
	if ((rc = pd_meetings_on(txn, iso, &ids, &n, &err)) != PD_OK) {
		cli_error(ctx, "%s", err.msg);
		return CLI_ERROR;
	}
	/* The first meeting of each plan that day; count the plans. */
	for (size_t i = 0; i < n; i++) {
		uint64_t mp;
		pd_record_init(&m, PD_MEETING);
		if (pd_get(txn, PD_MEETING, ids[i], &m, NULL) != PD_OK)
			continue;
		mp = pd_get_ref(&m, PD_MEETING_PLAN);
		pd_record_clear(&m);
		if (plan && mp != plan)
			continue;
		if (!*id) {
			*id = ids[i];
			chosen_plan = mp;
			plans = 1;
		} else if (mp != chosen_plan) {
			plans++;
		}
	}
	if (plans > 1) {
		fprintf(stderr, "%s: meetings of several plans were held on %s; "
			"choose one with --plan:\n", ctx->progname, when);
		for (size_t i = 0; i < n; i++) {
			pd_record_init(&m, PD_MEETING);
			pd_record_init(&p, PD_PLAN);
			if (pd_get(txn, PD_MEETING, ids[i], &m, NULL) == PD_OK &&
			    pd_get(txn, PD_PLAN, pd_get_ref(&m, PD_MEETING_PLAN), &p, NULL) == PD_OK)
				fprintf(stderr, "  %s\t%s\n", pd_get_text(&p, PD_PLAN_REF),
					pd_get_text(&p, PD_PLAN_TITLE));
			pd_record_clear(&m);
			pd_record_clear(&p);
		}
		free(ids);
		*id = 0;
		return CLI_ERROR;
	}
	free(ids);
	if (!*id) {
		if (o->plan)
			cli_error(ctx, "no meeting of %s on %s", o->plan, when);
		else
			cli_error(ctx, "no meeting on %s", when);
		return CLI_NOTHING;
	}
	return CLI_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct pd_err err = { 0 };
	struct pd_buf doc = PD_BUF_INIT;
	struct pd_store *st;
	struct pd_txn *txn;
	struct pd_minutes_opts mo = { 0 };
	struct pd_disclosure d = { .command = "minutes" };
	struct pd_date day;
	enum pd_format fmt;
	char iso[PD_DATE_ISO_SIZE], when[PD_DATE_LONG_SIZE];
	struct opts o;
	uint64_t id;
	int status;

	if ((status = parse_args(ctx, argc, argv, &o)) != CLI_OK ||
	    (status = cli_choose_format(ctx, o.format, o.out, PD_FMTS_MINUTES,
					PD_FMT_MD, &fmt)) != CLI_OK ||
	    (status = cli_date_style(ctx, o.style, &mo.date_style)) != CLI_OK)
		return status;
	if (pd_date_parse(o.date, &day, &err) != PD_OK) {
		cli_error(ctx, "%s", err.msg);
		return CLI_ERROR;
	}
	if (day.d == 0) {
		cli_error(ctx, "a meeting date needs a day, not only a month: %s", o.date);
		return CLI_ERROR;
	}
	pd_date_iso(&day, iso);
	pd_date_long(&day, when, sizeof when);
	/* Writable: the minutes are recorded as they leave. */
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	if (pd_txn_read(st, &txn, &err) != PD_OK) {
		cli_error(ctx, "%s", err.msg);
		pd_store_close(st);
		return CLI_ERROR;
	}
	status = pick_meeting(ctx, txn, &o, iso, when, &id);
	pd_txn_end(txn);
	mo.confidential = o.confidential;
	d.path = o.out;
	d.reason = o.reason;
	if (status == CLI_OK &&
	    pd_disclose_minutes(st, &d, id, fmt, &mo, &doc, &err) != PD_OK) {
		cli_write_error(ctx, NULL, o.out, fmt, &err);
		status = CLI_ERROR;
	}
	pd_store_close(st);
	if (status == CLI_OK && !o.out)
		status = cli_print_doc(ctx, &doc, "the minutes");
	if (status == CLI_OK)
		cli_conf_note(ctx, &d);
	pd_buf_free(&doc);
	return status;
}

const struct cli_cmd cmd_minutes = {
	.name = "minutes",
	.usage = "[--plan REF] DATE [--format md|txt|html|docx|odt] "
		 "[--date-style long|short|iso] [--confidential] [--reason TEXT] [-o FILE]",
	.summary = "write the minutes of the meeting held on DATE",
	.help = "Options:\n"
		"  --plan REF            the plan, when several met on DATE\n"
		"  -f, --format F        md, txt, html, docx or odt (default md, or from\n"
		"                        -o's extension; another extension is an error)\n"
		"  --date-style S        long (15th May 2009), short (15/05/2009) or iso\n"
		"  --confidential        include the entries marked confidential, each\n"
		"                        marked CONFIDENTIAL (left out by default)\n"
		"  --reason TEXT         why they are shared, kept in the disclosure record\n"
		"  -o, --output FILE     write FILE (mode 0600) instead of standard output\n"
		"Every copy of the minutes is recorded (plandesk log).\n",
	.run = run,
};
