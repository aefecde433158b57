/*
 * cli_transfer.c — what `import` and `export` share besides the progress
 * line (progress.c): the kind named on the command line, and the end.
 */
#include "cli_transfer.h"

int cli_transfer_kind(struct cli_ctx *ctx, const char *name, enum pd_kind *kind)
{
	size_t n;

	if (pd_kind_from_name(name, kind) != PD_OK ||
	    !pd_transfer_columns(*kind, &n)) {
		cli_error(ctx, "unknown kind '%s' (use orgs, people, plans, items, "
			  "actions, updates or meetings)", name);
		return CLI_ERROR;
	}
	return CLI_OK;
}

int cli_transfer_done(struct cli_progress *p, struct pd_store *st, int rc)
{
	cli_progress_clear(p);
	pd_store_close(st);
	return rc == PD_OK ? CLI_OK : CLI_ERROR;
}
