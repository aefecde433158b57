/*
 * cmd_mentions.c — `plandesk mentions WHO [--format md|csv|docx|…]
 * [--reason TEXT] [-o FILE]`: a subject access request's answer, every
 * record that names a person (subject.h), recorded in the disclosure
 * record as it leaves.
 * Exit status: 0 written (also when no record names them: the document
 * says so), 2 usage or data error (a name two people answer to).
 */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "plandesk/protect/subject.h"

/* WHO resolved, or the error said.  Returns CLI_OK or CLI_ERROR. */
int cli_subject(struct cli_ctx *ctx, struct pd_store *st, const char *cmd,
		const char *who, struct pd_subject *s)
{
	struct pd_err err = { 0 };
	struct pd_txn *txn;
	int rc;

	if ((rc = pd_txn_read(st, &txn, &err)) == PD_OK) {
		rc = pd_subject_find(txn, who, s, &err);
		pd_txn_end(txn);
	}
	if (rc != PD_OK) {
		cli_error(ctx, "%s: %s; nothing was %s", cmd, err.msg,
			  cmd[0] == 'f' ? "changed" : "written");
		return CLI_ERROR;
	}
	if (!s->person)
		fprintf(stderr, "plandesk: %s: no one in the directory is called \"%s\": "
			"looking for the name as given\n", cmd, who);
	return CLI_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct pd_disclosure d = { .command = "mentions" };
	const char *format = NULL;
	struct pd_buf doc = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct pd_subject s;
	struct pd_store *st;
	enum pd_format fmt;
	int c, status;

	while ((c = getopt_long(argc, argv, "f:o:", opts, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': d.path = optarg; break;
		case 'r': d.reason = optarg; break;
		default:  return cli_usage(ctx, &cmd_mentions);
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, &cmd_mentions);
	if (cli_reason(ctx, d.reason) != CLI_OK ||
	    cli_choose_format(ctx, format, d.path, PD_FMTS_REPORT, PD_FMT_MD, &fmt) != CLI_OK)
		return CLI_ERROR;
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	if ((status = cli_subject(ctx, st, "mentions", argv[optind], &s)) == CLI_OK &&
	    pd_disclose_mentions(st, &d, &s, fmt, &doc, &err) != PD_OK) {
		cli_write_error(ctx, "mentions", d.path, fmt, &err);
		status = CLI_ERROR;
	}
	pd_store_close(st);
	if (status == CLI_OK && !d.path)
		status = cli_print_doc(ctx, &doc, "the mentions");
	if (status == CLI_OK)
		fprintf(stderr, "plandesk: mentions: %llu mention%s of %s (recorded)\n",
			(unsigned long long)d.rows, d.rows == 1 ? "" : "s", s.name);
	pd_buf_free(&doc);
	return status;
}

const struct cli_cmd cmd_mentions = {
	.name = "mentions",
	.usage = "WHO [--format md|csv|docx|…] [--reason TEXT] [-o FILE]",
	.summary = "list every record that names a person (a subject access request)",
	.help = "WHO is a name or initials as the directory has them (or, for someone\n"
		"not in it, the name as written).  Lists their directory entry, every\n"
		"link to it (owner, lead, present, apologies), their name in owners,\n"
		"leads, authors and attendance kept as text, and in free text (titles,\n"
		"descriptions, notes): the whole name in any case, the initials as\n"
		"written.  Recorded in the disclosure record (plandesk log).\n"
		"Options:\n"
		"  -f, --format F        md (the default), txt, html, csv; docx, odt or\n"
		"                        xlsx with -o\n"
		"  -o, --output FILE     write to FILE (0600) instead of standard output\n"
		"  --reason TEXT         why (the request), kept in the disclosure record\n",
	.run = run,
};
