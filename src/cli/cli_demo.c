/*
 * cli_demo.c — the demo database: found, or built once from the sample
 * data in share/sample (cli_share_dir finds that folder).  Used by
 * `plandesk demo` (cmd_demo.c) and by the client's D on the welcome screen
 * (cli_client.c).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_transfer.h"
#include "plandesk/directory/open.h"

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
	size_t nkinds;
	const enum pd_kind *order = pd_import_order(&nkinds);

	for (size_t i = 0; i < nkinds && rc == PD_OK; i++) {
		if (snprintf(file, sizeof file, "%s/sample/%s.csv", dir,
			     pd_kind_info(order[i])->plural) >= (int)sizeof file) {
			cli_error(ctx, "demo: path too long");
			rc = PD_EINVAL;
			break;
		}
		io.kind = order[i];
		io.name = file;
		if ((rc = pd_import_file(st, file, &io, NULL, &err)) != PD_OK)
			cli_error(ctx, "demo: %s", err.msg);
	}
	pd_store_close(st);
	return rc == PD_OK ? CLI_OK : CLI_ERROR;
}

int cli_demo_path(struct cli_ctx *ctx, char *path, size_t n)
{
	char dir[4096], tmp[4200];
	struct pd_err err;
	struct stat sb;

	/* --db is honoured (a demo somewhere else); $PLANDESK_DB is not: it
	 * names the user's real database. */
	if (pd_store_path(ctx->db_flag, "demo.db", path, n, &err) != PD_OK) {
		cli_error(ctx, "%s", err.msg);
		return CLI_ERROR;
	}
	if (stat(path, &sb) == 0)
		return CLI_OK;
	if (!cli_share_dir(dir, sizeof dir)) {
		const char *env = getenv("PLANDESK_SHARE");

		cli_error(ctx, "demo: cannot read %s/sample/orgs.csv: the sample data "
			  "is not there%s", env && *env ? env : PKGDATADIR,
			  env && *env ? "" : " (set PLANDESK_SHARE to the folder that holds sample/)");
		return CLI_ERROR;
	}
	if (snprintf(tmp, sizeof tmp, "%s.new", path) >= (int)sizeof tmp) {
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
