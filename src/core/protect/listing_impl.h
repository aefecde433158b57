/*
 * listing_impl.h — a listing written as a document's table or a sheet's
 * rows, one row of text cells at a time (listing.c): the disclosure
 * record (disclose_log.c) and the mentions of a person (mentions_doc.c).
 * Internal to core.
 */
#ifndef PLANDESK_LISTING_IMPL_H
#define PLANDESK_LISTING_IMPL_H

#include "plandesk/base/buf.h"
#include "plandesk/documents/docmodel.h"
#include "plandesk/documents/sheet.h"

/* Where the rows go: exactly one of the two is set. */
struct pd_listing {
	struct pd_dm    *dm;
	struct pd_sheet *sh;
};

/* Add a row of `n` cells.  Returns PD_OK, PD_ENOMEM, or the sheet's code. */
int pd_listing_row(const struct pd_listing *l, const char *const *cell, int n,
		   struct pd_err *err);

/* A sheet's sink appending to the pd_buf `ctx`.  PD_OK or PD_ENOMEM. */
int pd_listing_to_buf(void *ctx, const void *p, size_t n, struct pd_err *err);

#endif
