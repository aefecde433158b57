/* cmd_check.c — `plandesk check`: verify every record and index entry. */
#include <stdio.h>

#include "cli.h"
#include "plandesk/records/check.h"

static void report(void *ctx, const char *problem)
{
	(void)ctx;
	printf("%s\n", problem);
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct pd_store *st;
	struct pd_err err;
	size_t problems = 0;
	int rc;

	(void)argv;
	if (argc != 1)
		return cli_usage(ctx, &cmd_check);
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	rc = pd_check(st, report, NULL, &problems, &err);
	if (rc != PD_OK) {
		cli_error(ctx, "check: %s", err.msg);
	} else if (problems) {
		fprintf(stderr, "%s: %s: %zu problem%s found\n", ctx->progname,
			pd_store_file(st), problems, problems == 1 ? "" : "s");
	} else {
		printf("%s: no problems found\n", pd_store_file(st));
	}
	pd_store_close(st);
	return rc == PD_OK && !problems ? CLI_OK : CLI_ERROR;
}

const struct cli_cmd cmd_check = {
	.name = "check",
	.usage = "",
	.summary = "verify every record and index entry",
	.help = "Prints each problem found, one a line.  Exit status 0 when there\n"
		"are none, 2 otherwise.\n",
	.run = run,
};
