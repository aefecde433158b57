/*
 * cli_client.c — starting the full-screen client from the command line
 * (`plandesk`, `plandesk demo`), and finding the sample data it offers.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_transfer.h"
#include "../ui/ui.h"

/* Does `dir`/sample hold the demo data? */
static bool has_sample(const char *dir)
{
	char file[PATH_MAX + 32];

	if (snprintf(file, sizeof file, "%s/sample/orgs.csv", dir) >= (int)sizeof file)
		return false;
	return access(file, R_OK) == 0;
}

const char *cli_share_dir(char *buf, size_t n)
{
	const char *env = getenv("PLANDESK_SHARE");
	char exe[PATH_MAX];
	ssize_t len;
	char *slash;

	if (env && *env) {
		snprintf(buf, n, "%s", env);
		return has_sample(buf) ? buf : NULL;
	}
	if (has_sample(PKGDATADIR) && (size_t)snprintf(buf, n, "%s", PKGDATADIR) < n)
		return buf;
	/* Not installed: share/ next to the program, as in the build tree. */
	if ((len = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return NULL;
	exe[len] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return NULL;
	*slash = '\0';
	if ((size_t)snprintf(buf, n, "%s/share", exe) < n && has_sample(buf))
		return buf;
	return NULL;
}

/* The client on the store at `path` (NULL: the usual one); its ui_run status. */
static int run_on(struct cli_ctx *ctx, const char *path, bool demo)
{
	struct ui_opts o = { .demo = demo };
	struct pd_store *st;
	char share[PATH_MAX];
	const char *saved = ctx->db_flag;
	int rc;

	if (path)
		ctx->db_flag = path;
	st = cli_open_store(ctx, false);
	ctx->db_flag = saved;
	if (!st)
		return CLI_ERROR;
	o.share_dir = cli_share_dir(share, sizeof share);
	rc = ui_run(st, &o);
	pd_store_close(st);
	return rc;
}

int cli_run_client(struct cli_ctx *ctx, const char *path, bool demo)
{
	char demo_db[4096];
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error(ctx, "the full-screen client needs a terminal "
			  "(see %s --help for the commands)", ctx->progname);
		return CLI_ERROR;
	}
	rc = run_on(ctx, path, demo);
	/* D on the welcome screen: the demo database, never the user's. */
	if (rc == UI_EXIT_DEMO && !demo) {
		/* The usual demo file, whatever --db named: that is theirs. */
		const char *flag = ctx->db_flag;
		ctx->db_flag = NULL;
		rc = cli_demo_path(ctx, demo_db, sizeof demo_db);
		ctx->db_flag = flag;
		if (rc != CLI_OK)
			return CLI_ERROR;
		rc = run_on(ctx, demo_db, true);
	}
	return rc == UI_EXIT_DEMO ? CLI_OK : rc;
}
