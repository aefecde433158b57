/*
 * derived.h — the entries a record derives (index positions, its unique
 * key, search terms, its directory card), and the table of hooks through
 * which the record layer gets them (derived.c; internal to core).
 *
 * The record layer (records.c, undo.c, check.c) knows no kind of derived
 * entry.  Each kind comes from a provider, a const struct pd_derived_ops:
 * the indexes and unique keys from records/index.c (pd_index_derived),
 * the search terms and cards from directory/search_entries.c
 * (pd_search_derived).  The opener (directory/open.c) hands the store a
 * NULL-ended list of them, kept in struct pd_store; pd_raw_set asks each
 * provider for the old and the new value's entries, removes the ones
 * gone, puts the ones new, and tells each provider the value changed.
 */
#ifndef PLANDESK_RECORDS_DERIVED_H
#define PLANDESK_RECORDS_DERIVED_H

#include "store/handles.h"

/* One derived entry of a record: database, key and data. */
struct pd_entry {
	MDB_dbi  dbi;
	unsigned flags;      /* PD_ENTRY_* */
	size_t   koff, klen; /* in the entry list's buffer */
	size_t   doff, dlen;
};

/* One value a key (`unique`, `cards`): present only with this value; else
 * a DUPSORT pair. */
#define PD_ENTRY_UNIQUE 0x01u
/* Written through the transaction's queue (write_queue.h), in key order. */
#define PD_ENTRY_QUEUED 0x02u

/* A list of entries, their keys and data in one buffer. */
struct pd_entries {
	struct pd_entry *e;
	size_t           n, cap;
	struct pd_buf    buf;
};

/* Empty the list, keeping its memory. */
void pd_entries_reset(struct pd_entries *es);
/* Free what the list holds and zero it. */
void pd_entries_free(struct pd_entries *es);
/* Append entry (dbi, flags, k, d).  Returns PD_OK, PD_ENOMEM. */
int  pd_entries_add(struct pd_entries *es, MDB_dbi dbi, unsigned flags,
		    const void *k, size_t kn, const void *d, size_t dn);
/* Are entry i of `a` and entry j of `b` the same (database, key, data)? */
bool pd_entry_same(const struct pd_entries *a, size_t i,
		   const struct pd_entries *b, size_t j);
/* Is entry i of `es` among the entries of `in`? */
bool pd_entries_has(const struct pd_entries *es, size_t i,
		    const struct pd_entries *in);

/*
 * Remove from the database each entry of `olds` that `news` lacks (a
 * unique key only while it still holds the same value).  Returns PD_OK,
 * or the error of the write (err filled).
 */
int pd_entries_remove_stale(struct pd_txn *txn, const struct pd_entries *olds,
			    const struct pd_entries *news, struct pd_err *err);
/* Put each entry of `news` that `olds` lacks.  Returns as above. */
int pd_entries_put_new(struct pd_txn *txn, const struct pd_entries *news,
		       const struct pd_entries *olds, struct pd_err *err);

/* A provider of derived entries. */
struct pd_derived_ops {
	const char *name;   /* what it derives, for a reader: "indexes" */
	/*
	 * Append the entries record `r` derives to `out`.  Returns PD_OK,
	 * PD_ENOMEM, PD_EDB (err may be filled).
	 */
	int (*entries)(struct pd_txn *txn, const struct pd_record *r,
		       struct pd_entries *out, struct pd_err *err);
	/*
	 * May be NULL.  Called after record (kind, id) changed from `before`
	 * to `after` (encoded values; NULL: absent) and its own entries were
	 * put, for entries of other records that derive from it (a person's
	 * terms hold its organisation's name).  Returns PD_OK or an error
	 * (err filled).
	 */
	int (*changed)(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		       const MDB_val *before, const MDB_val *after,
		       struct pd_err *err);
};

/*
 * Every derived entry of record `r`, from each provider of the store in
 * turn, appended to `out`.  Returns PD_OK, or a provider's error (err:
 * "indexing: …").
 */
int pd_derived_entries(struct pd_txn *txn, const struct pd_record *r,
		       struct pd_entries *out, struct pd_err *err);

/* Tell each provider that (kind, id) changed (pd_derived_ops.changed).
 * Returns PD_OK or the first error. */
int pd_derived_changed(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		       const MDB_val *before, const MDB_val *after,
		       struct pd_err *err);

#endif
