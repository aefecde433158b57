/*
 * cmd_export.c — `plandesk export KIND [-o FILE] [--excel]`: every record
 * of a kind as CSV, to standard output or (atomically, mode 0600) a file.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli_transfer.h"

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
		{ NULL, 0, NULL, 0 },
	};
	struct pd_export_opts eo = { 0 };
	struct cli_progress prog;
	const char *out = NULL;
	struct pd_store *st;
	struct pd_err err;
	size_t rows, n;
	int c, rc;

	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'x':
			eo.excel = true;
			break;
		default:
			return cli_usage(ctx, &cmd_export);
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, &cmd_export);
	if (pd_kind_from_name(argv[optind], &eo.kind) != PD_OK ||
	    !pd_transfer_columns(eo.kind, &n)) {
		cli_error(ctx, "unknown kind '%s' (use orgs, people, plans, items, "
			  "actions, updates or meetings)", argv[optind]);
		return CLI_ERROR;
	}
	cli_progress_init(&prog, out ? out : pd_kind_info(eo.kind)->plural);
	eo.progress = cli_progress_cb;
	eo.ctx = &prog;
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	if (out) {
		rc = pd_export_file(st, &eo, out, &rows, &err);
	} else {
		rc = pd_export(st, &eo, to_stdout, NULL, &rows, &err);
		if (rc == PD_OK && fflush(stdout) != 0)
			rc = pd_err_set(&err, PD_EIO, "cannot write to standard output: %s",
					strerror(errno));
	}
	cli_progress_clear(&prog);
	if (rc != PD_OK)
		cli_error(ctx, "export %s: %s", pd_kind_info(eo.kind)->plural, err.msg);
	else if (out)
		fprintf(stderr, "%s: %zu %s exported\n", out, rows,
			rows == 1 ? pd_kind_info(eo.kind)->label : pd_kind_info(eo.kind)->plural);
	pd_store_close(st);
	return rc == PD_OK ? CLI_OK : CLI_ERROR;
}

const struct cli_cmd cmd_export = {
	.name = "export",
	.usage = "KIND [-o FILE] [--excel]",
	.summary = "write every record of a kind as CSV",
	.help = "KIND is orgs, people, plans, items, actions, updates or meetings.\n"
		"Options:\n"
		"  -o, --output FILE     write FILE (mode 0600) instead of standard output\n"
		"  --excel               a byte-order mark and CRLF line ends, for Excel\n",
	.run = run,
};
