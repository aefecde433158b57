/*
 * listing.c — a row of text cells into a document's table or a sheet
 * (listing_impl.h).
 */
#include "listing_impl.h"

int pd_listing_row(const struct pd_listing *l, const char *const *cell, int n,
		   struct pd_err *err)
{
	int rc = PD_OK;

	if (l->sh) {
		for (int c = 0; c < n && rc == PD_OK; c++)
			rc = pd_sheet_puts(l->sh, cell[c], err);
		return rc == PD_OK ? pd_sheet_end_row(l->sh, err) : rc;
	}
	pd_dm_row(l->dm, 0, 0);
	for (int c = 0; c < n; c++)
		pd_dm_cell_text(l->dm, PD_ST_NONE, cell[c]);
	return l->dm->rc == PD_OK ? PD_OK : pd_err_nomem(err);
}

int pd_listing_to_buf(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	return pd_buf_add(ctx, p, n) ? pd_err_nomem(err) : PD_OK;
}
