/*
 * index.h — the index positions and the unique key a record derives
 * (index.c; internal to core): the provider pd_index_derived, and the
 * unique keys that pd_put checks and the pd_find_* functions look up.
 */
#ifndef PLANDESK_RECORDS_INDEX_H
#define PLANDESK_RECORDS_INDEX_H

#include "derived.h"

/* The provider of the index entries (store/indexes.h) and unique keys. */
extern const struct pd_derived_ops pd_index_derived;

/* The unique key of `r` into `key` (reset first; empty when it has none):
 * a tag, then the folded ref, name or e-mail.  Returns PD_OK, PD_ENOMEM. */
int pd_unique_key(const struct pd_record *r, struct pd_buf *key);

/* The id whose unique key is `key`.  Returns PD_OK, PD_NOTFOUND (none, or
 * `key` empty), PD_ECORRUPT. */
int pd_unique_lookup(struct pd_txn *txn, const struct pd_buf *key,
		     uint64_t *id);

#endif
