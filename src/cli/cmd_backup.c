/* cmd_backup.c — `plandesk backup FILE`: a compact copy, created 0600. */
#include <stdio.h>

#include "cli.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct pd_store *st;
	struct pd_err err;
	int rc;

	if (argc != 2)
		return cli_usage(ctx, &cmd_backup);
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	rc = pd_store_backup(st, argv[1], &err);
	if (rc != PD_OK)
		cli_error(ctx, "%s", err.msg);
	pd_store_close(st);
	return rc == PD_OK ? CLI_OK : CLI_ERROR;
}

const struct cli_cmd cmd_backup = {
	.name = "backup",
	.usage = "FILE",
	.summary = "write a compact copy of the database to FILE (mode 0600)",
	.help = "FILE is created mode 0600 under a temporary name and renamed into\n"
		"place when complete; a device or a pipe is written in place.\n",
	.run = run,
};
