/*
 * store_impl.h — what store.c gives the files above it: opening the
 * environment without the upgrade, the folders of a new file, the `meta`
 * values.  (The structures are in handles.h.)  Not part of the public
 * API.
 */
#ifndef PLANDESK_STORE_IMPL_H
#define PLANDESK_STORE_IMPL_H

#include "handles.h"

/*
 * Open the database file at `path` as pd_store_open says (plandesk/
 * directory/open.h), with `derived` (NULL-ended, kept by the store) the
 * providers of what a record derives, but without upgrading it: an older
 * schema, when opened writable, is for the caller to upgrade.
 * *schema gets the file's schema version (0: a new file).  Returns as
 * pd_store_open.
 */
int pd_store_open_env(const char *path, const struct pd_open_opts *opts,
		      const struct pd_derived_ops *const *derived,
		      uint64_t *schema, struct pd_store **out,
		      struct pd_err *err);

/*
 * Drop `terms` and make it anew, empty, in the block layout (postings.h):
 * for the upgrade of a file whose table is an older layout.  The store's
 * handle follows; when the write rolls back, pd_store_write gives it the
 * table as it was again.  Returns PD_OK, or an LMDB error mapped.
 */
int pd_store_renew_terms(struct pd_txn *txn, struct pd_err *err);

/* mkdir -p for the folder holding `path`, each folder made 0700 (a new
 * database's, a restored one's).  Returns PD_OK, PD_EINVAL, PD_EIO. */
int pd_make_parent_dirs(const char *path, struct pd_err *err);

/* The u64 `meta` value `key` (schema, next_id, changes); *v 0 when absent.
 * Returns PD_OK, PD_NOTFOUND, PD_ECORRUPT (not 8 bytes). */
int pd_meta_get_u64(struct pd_txn *txn, const char *key, uint64_t *v);
/* Set it.  Returns PD_OK, or an LMDB error mapped. */
int pd_meta_put_u64(struct pd_txn *txn, const char *key, uint64_t v,
		    struct pd_err *err);

/*
 * Begin an LMDB transaction (flags 0 or MDB_RDONLY), adopting a map
 * another process grew (even while this one opens: a second import waits
 * for the first's write and then finds the map larger).  Returns LMDB's
 * code, for pd_mdb_err.
 */
int pd_store_begin(struct pd_store *st, unsigned flags, MDB_txn **txn);

/*
 * Open the database copied into `fd` (bulk.c) as a store of its own, like
 * `st` but without a lock file or syncs, on a map of `map_size` bytes; it
 * takes `fd` when it succeeds.  Returns PD_OK, PD_EIO (err says why:
 * pd_mdb_save_err for a full disk), PD_ENOMEM, or as pd_store_open.
 */
int pd_store_open_copy(const struct pd_store *st, int fd, size_t map_size,
		       struct pd_store **out, struct pd_err *err);

/*
 * Run `fn` in write transactions of `st` — one, or in a bulk copy one a
 * pd_txn_checkpoint — as pd_store_write says, without the writer lock
 * (the caller holds it) or the retry on a larger map.  Returns as
 * pd_store_write, and PD_EMAPFULL.
 */
int pd_store_write_once(struct pd_store *st, const char *label, unsigned flags,
			pd_write_fn fn, void *ctx, struct pd_err *err);

/*
 * A bulk write (PD_W_BULK; bulk.c) of `fn` under the writer lock, which
 * the caller holds.  *done false: the file cannot be replaced by a copy
 * (nothing was done; write it in one transaction).  Returns as
 * pd_store_write.
 */
int pd_bulk_write(struct pd_store *st, const char *label, unsigned flags,
		  pd_write_fn fn, void *ctx, bool *done, struct pd_err *err);

/*
 * A bulk copy's pages read through the map since the last call are let go
 * from this process (they stay in the page cache): what a checkpoint
 * committed is read back only where the write goes on, and otherwise the
 * pages read would pile up, counted in the process's memory.  Nothing
 * for any other store, or where the map cannot be found.
 */
void pd_store_unmap_read(struct pd_store *st);

/* Find the map of bulk copy `st` for pd_store_unmap_read (checkpoint.c
 * says how); not found, nothing is let go. */
void pd_store_find_map(struct pd_store *st);

/*
 * Commit `txn` and begin the next write transaction in its place (a bulk
 * write's checkpoint).  Returns an LMDB code; on failure txn->txn is NULL.
 */
int pd_txn_renew(struct pd_txn *txn);

/* Free what transaction `txn` holds besides its LMDB transaction: the
 * scratch buffer, the write queue, the memo (handles.h). */
void pd_txn_release(struct pd_txn *txn);

/* `terms` as the file has it, after a write that renewed it rolled back
 * (LMDB closed the handle the write made). */
void pd_store_reopen_terms(struct pd_store *st);

#endif
