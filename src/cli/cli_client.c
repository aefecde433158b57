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

int cli_run_client(struct cli_ctx *ctx, const char *path)
{
	struct ui_opts o = { 0 };
	struct pd_store *st;
	char share[PATH_MAX];
	const char *saved = ctx->db_flag;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error(ctx, "the full-screen client needs a terminal "
			  "(see %s --help for the commands)", ctx->progname);
		return CLI_ERROR;
	}
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
