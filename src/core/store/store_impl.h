/*
 * store_impl.h — what the store's own files share: the index and journal
 * internals (the structures are in handles.h).  Not part of the public
 * API.
 */
#ifndef PLANDESK_STORE_IMPL_H
#define PLANDESK_STORE_IMPL_H

#include "handles.h"
#include "indexes.h"
#include "mdb_err.h"
#include "write_queue.h"

/* mkdir -p for the folder holding `path`, each folder made 0700 (a new
 * database's, a restored one's).  Returns PD_OK, PD_EINVAL, PD_EIO. */
int pd_make_parent_dirs(const char *path, struct pd_err *err);

/* --- index.c ------------------------------------------------------------ */

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

struct pd_entries {
	struct pd_entry *e;
	size_t           n, cap;
	struct pd_buf    buf;
};

void pd_entries_reset(struct pd_entries *es);
void pd_entries_free(struct pd_entries *es);
int  pd_entries_add(struct pd_entries *es, MDB_dbi dbi, unsigned flags,
		    const void *k, size_t kn, const void *d, size_t dn);

/* Every derived entry of record `r` (indexes, unique keys, search terms). */
int pd_index_entries(struct pd_txn *txn, const struct pd_record *r,
		     struct pd_entries *out, struct pd_err *err);

/* Unique key bytes of `r` into `key` (empty when it has none). */
int pd_unique_key(const struct pd_record *r, struct pd_buf *key);

/* The id whose unique key is `key`; PD_NOTFOUND when none. */
int pd_unique_lookup(struct pd_txn *txn, const struct pd_buf *key,
		     uint64_t *id);

/* --- meta --------------------------------------------------------------- */
int pd_meta_get_u64(struct pd_txn *txn, const char *key, uint64_t *v);
int pd_meta_put_u64(struct pd_txn *txn, const char *key, uint64_t v,
		    struct pd_err *err);

#endif
