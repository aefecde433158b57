/*
 * cmd_demo.c — `plandesk demo`: the demo database, built once from the
 * sample data in share/sample.  Until the full-screen client exists it
 * says where the database is; cli_demo_path() is what the client will
 * call.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_transfer.h"

/* The order matters: each file refers to what the earlier ones hold. */
static const struct { const char *file; enum pd_kind kind; } samples[] = {
	{ "orgs.csv",     PD_ORG },
	{ "people.csv",   PD_PERSON },
	{ "plans.csv",    PD_PLAN },
	{ "items.csv",    PD_ITEM },
	{ "meetings.csv", PD_MEETING },
	{ "actions.csv",  PD_ACTION },
	{ "updates.csv",  PD_UPDATE },
};

/* Remove a half-built database and its lock file. */
static void remove_db(const char *path)
{
	char lock[4400];

	unlink(path);
	if (snprintf(lock, sizeof lock, "%s-lock", path) < (int)sizeof lock)
		unlink(lock);
}

/* Import every sample file into the database at `path`. */
static int build(struct cli_ctx *ctx, const char *path, const char *dir)
{
	/* No warnings: the samples name a few groups ("Schools") on purpose. */
	struct pd_import_opts io = { .warn = NULL };
	struct pd_store *st;
	struct pd_err err;
	char file[4200];
	int rc = PD_OK;

	if (pd_store_open(path, NULL, &st, &err) != PD_OK) {
		cli_error(ctx, "%s", err.msg);
		return CLI_ERROR;
	}
	for (size_t i = 0; i < sizeof samples / sizeof samples[0] && rc == PD_OK; i++) {
		if (snprintf(file, sizeof file, "%s/%s", dir, samples[i].file) >= (int)sizeof file) {
			cli_error(ctx, "demo: path too long");
			rc = PD_EINVAL;
			break;
		}
		io.kind = samples[i].kind;
		io.name = file;
		if ((rc = pd_import_file(st, file, &io, NULL, &err)) != PD_OK)
			cli_error(ctx, "demo: %s", err.msg);
	}
	pd_store_close(st);
	return rc == PD_OK ? CLI_OK : CLI_ERROR;
}

int cli_demo_path(struct cli_ctx *ctx, char *path, size_t n)
{
	const char *share = getenv("PLANDESK_SHARE");
	char dir[4096], tmp[4200];
	struct pd_err err;
	struct stat sb;

	if (pd_store_path(NULL, "demo.db", path, n, &err) != PD_OK) {
		cli_error(ctx, "%s", err.msg);
		return CLI_ERROR;
	}
	if (stat(path, &sb) == 0)
		return CLI_OK;
	if (snprintf(dir, sizeof dir, "%s/sample", share && *share ? share : PKGDATADIR)
	    >= (int)sizeof dir || snprintf(tmp, sizeof tmp, "%s.new", path) >= (int)sizeof tmp) {
		cli_error(ctx, "demo: path too long");
		return CLI_ERROR;
	}
	remove_db(tmp);
	if (build(ctx, tmp, dir) != CLI_OK) {
		remove_db(tmp);
		return CLI_ERROR;
	}
	if (rename(tmp, path) != 0) {
		cli_error(ctx, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
		remove_db(tmp);
		return CLI_ERROR;
	}
	remove_db(tmp);   /* only its lock file is left */
	return CLI_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	char path[4096];

	(void)argv;
	if (argc != 1)
		return cli_usage(ctx, &cmd_demo);
	if (cli_demo_path(ctx, path, sizeof path) != CLI_OK)
		return CLI_ERROR;
	printf("demo database: %s\n", path);
	printf("(open it with: %s --db %s)\n", ctx->progname, path);
	return CLI_OK;
}

const struct cli_cmd cmd_demo = {
	.name = "demo",
	.usage = "",
	.summary = "build (once) and show the demo database",
	.run = run,
};
