/*
 * cmd_export.c — `plandesk export KIND [-o FILE]
 * [--format csv|xlsx|vcf|ics] [--excel] [--vcard 3|4] [--owner WHO]
 * [--reason TEXT]`: every record of a kind as CSV or a spreadsheet, people
 * as vCards, meetings and actions as iCalendar (export_formats.c), to
 * standard output or (atomically, mode 0600) a file.  Without --format,
 * -o FILE's extension chooses (.csv .xlsx .vcf .ics; none: CSV); another
 * is an error, before anything is written.  Every export is recorded in
 * the disclosure record (disclose_out.h), with its reason.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli_transfer.h"
#include "plandesk/protect/disclose_out.h"

static int to_stdout(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	(void)ctx;
	if (fwrite(p, 1, n, stdout) != n)
		return pd_err_set(err, PD_EIO, "cannot write to standard output: %s",
				  strerror(errno));
	return PD_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "excel",  no_argument,       NULL, 'x' },
		{ "format", required_argument, NULL, 'f' },
		{ "vcard",  required_argument, NULL, 'v' },
		{ "owner",  required_argument, NULL, 'w' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct pd_disclosure d = { .command = "export" };
	char command[64], what[64];
	const char *format = NULL, *owner = NULL;
	int version = 30;
	struct pd_export_opts eo = { 0 };
	struct cli_progress prog;
	const char *out = NULL;
	struct pd_store *st;
	struct pd_err err;
	size_t rows;
	int c, rc, status;

	while ((c = getopt_long(argc, argv, "o:f:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'x':
			eo.excel = true;
			break;
		case 'v':
			if (strcmp(optarg, "3") && strcmp(optarg, "4") &&
			    strcmp(optarg, "3.0") && strcmp(optarg, "4.0")) {
				cli_error(ctx, "export: --vcard takes 3 or 4, not '%s'", optarg);
				return CLI_ERROR;
			}
			version = optarg[0] == '4' ? 40 : 30;
			break;
		case 'w':
			owner = optarg;
			break;
		case 'r':
			d.reason = optarg;
			break;
		default:
			return cli_usage(ctx, &cmd_export);
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, &cmd_export);
	if (cli_transfer_kind(ctx, argv[optind], &eo.kind) != CLI_OK ||
	    cli_reason(ctx, d.reason) != CLI_OK)
		return CLI_ERROR;
	snprintf(command, sizeof command, "export %s", pd_kind_info(eo.kind)->plural);
	d.command = command;
	d.path = out;
	if (cli_choose_format(ctx, format, out, PD_FMTS_EXPORT, PD_FMT_CSV,
			      &eo.format) != CLI_OK)
		return CLI_ERROR;
	if (eo.excel && eo.format != PD_FMT_CSV) {
		cli_error(ctx, "export: --excel is for CSV (a spreadsheet needs no such help)");
		return CLI_ERROR;
	}
	if (owner && eo.format != PD_FMT_ICS) {
		cli_error(ctx, "export: --owner is for actions as iCalendar");
		return CLI_ERROR;
	}
	if (eo.format == PD_FMT_VCF)
		return cli_export_vcards(ctx, eo.kind, &d, version);
	if (eo.format == PD_FMT_ICS)
		return cli_export_ical(ctx, eo.kind, &d, owner);
	cli_progress_init(&prog, out ? out : pd_kind_info(eo.kind)->plural);
	eo.progress = cli_progress_cb;
	eo.ctx = &prog;
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	rc = pd_disclose_export(st, &d, &eo, to_stdout, NULL, &err);
	if (rc == PD_OK && !out && fflush(stdout) != 0)
		rc = pd_err_set(&err, PD_EIO, "cannot write to standard output: %s",
				strerror(errno));
	rows = (size_t)d.rows;
	status = cli_transfer_done(&prog, st, rc);
	snprintf(what, sizeof what, "export %s", pd_kind_info(eo.kind)->plural);
	if (rc != PD_OK)
		cli_write_error(ctx, what, out, eo.format, &err);
	else if (out)
		fprintf(stderr, "%s: %zu %s exported\n", out, rows,
			rows == 1 ? pd_kind_info(eo.kind)->label : pd_kind_info(eo.kind)->plural);
	return status;
}

const struct cli_cmd cmd_export = {
	.name = "export",
	.usage = "KIND [-o FILE] [--format csv|xlsx|vcf|ics] [--excel] [--vcard 3|4] "
		 "[--owner WHO] [--reason TEXT]",
	.summary = "write every record of a kind as CSV, a spreadsheet, vCards or iCalendar",
	.help = CLI_KINDS_HELP
		"Options:\n"
		"  -o, --output FILE     write FILE (mode 0600) instead of standard output\n"
		"  -f, --format F        csv, xlsx, vcf or ics (default csv, or from -o's\n"
		"                        extension; another extension is an error)\n"
		"  --excel               csv: a byte-order mark and CRLF line ends, for Excel\n"
		"  --vcard 3|4           vcf (people): vCard 3.0 (the default) or 4.0\n"
		"  --owner WHO           ics (actions): only WHO's actions\n"
		"  --reason TEXT         why it is shared, kept in the disclosure record\n"
		"xlsx: text cells (phone numbers keep their zeros), real dates.\n"
		"vcf: people.  ics: meetings (events, the next planned one too) and\n"
		"actions (to-dos with their due dates, owners and states).\n"
		"Every record goes out, those marked confidential too (the CSV's\n"
		"confidential column says which).  Every export is recorded (plandesk log).\n",
	.run = run,
};
