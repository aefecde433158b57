/*
 * search_entries.h — the search terms and cards a record derives
 * (search_entries.c; internal to core).
 */
#ifndef PLANDESK_SEARCH_ENTRIES_H
#define PLANDESK_SEARCH_ENTRIES_H

#include "records/derived.h"

/* The provider of the `terms` and `cards` entries (records/derived.h). */
extern const struct pd_derived_ops pd_search_derived;

/*
 * Append the entries `r` derives in `terms` (its inner keys only on a
 * store that has them), and its card in `cards` (card.h; not on a store
 * opened without them), to `out`; a kind other than a person or an
 * organisation has none.  Returns PD_OK, PD_ENOMEM, PD_EDB (err filled).
 */
int pd_search_entries(struct pd_txn *txn, const struct pd_record *r,
		      struct pd_entries *out, struct pd_err *err);

#endif
