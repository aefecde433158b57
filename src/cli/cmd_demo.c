/*
 * cmd_demo.c — `plandesk demo`: the demo database (cli_demo.c builds it
 * the first time) opened in the full-screen client.  Run without a
 * terminal (from a script) it only says where it is.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli_transfer.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	char path[4096];

	(void)argv;
	if (argc != 1)
		return cli_usage(ctx, &cmd_demo);
	if (cli_demo_path(ctx, path, sizeof path) != CLI_OK)
		return CLI_ERROR;
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return cli_run_client(ctx, path, true);
	/* Not on a terminal (a script): say where the database is. */
	printf("demo database: %s\n", path);
	printf("(open it with: %s --db %s)\n", ctx->progname, path);
	return CLI_OK;
}

const struct cli_cmd cmd_demo = {
	.name = "demo",
	.usage = "",
	.summary = "open the client on the demo database (built once)",
	.help = "The demo database (demo.db beside the default database) is built\n"
		"from the sample data the first time and reused after that.\n",
	.run = run,
};
