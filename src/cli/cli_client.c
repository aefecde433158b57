/*
 * cli_client.c — starting the full-screen client from the command line
 * (`plandesk`, `plandesk demo`), and opening the demo when it asks for it.
 */
#include <limits.h>
#include <unistd.h>

#include "cli.h"
#include "cli_transfer.h"
#include "../ui/ui.h"

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
