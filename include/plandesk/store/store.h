/*
 * store.h — the LMDB store: one environment in one file, transactions,
 * the write loop, cursors over kinds and indexes, backup.  Records are
 * read and written through plandesk/records/records.h, undone through
 * plandesk/records/undo.h; a store is opened by pd_store_open
 * (plandesk/directory/open.h).
 *
 * Layout (HACKING.md has the full table): one named database per record
 * kind keyed by the 8-byte big-endian id; MDB_DUPSORT index databases;
 * `unique` (natural keys → id); `meta` (schema version, id counter, change
 * counter); `undo` and `redo` (the journal); `terms` and `cards` (the
 * directory search).
 *
 * Every user action is one write transaction (pd_store_write): committed
 * means saved.  Reads happen in read transactions (pd_txn_read), which see
 * one consistent snapshot and never block a writer in another process.
 */
#ifndef PLANDESK_STORE_H
#define PLANDESK_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/records/record.h"
#include "plandesk/base/status.h"

#define PD_SCHEMA_VERSION 7        /* 2: `cards`; 3: inner keys in `terms`;
				      4: `terms` in posting blocks;
				      5: shadowed keys in `terms`;
				      6: `cards` packed;
				      7: records in codec version 2 */
#define PD_UNDO_MAX 500            /* journal entries kept */
#define PD_DEFAULT_MAP (64u << 20) /* initial map size; grows on demand */

struct pd_store;
struct pd_txn;
struct pd_cursor;

/* How pd_store_open (plandesk/directory/open.h) opens a database. */
struct pd_open_opts {
	size_t map_size;   /* initial map size in bytes; 0 = PD_DEFAULT_MAP */
	bool   read_only;  /* open without writing anything */
	size_t sort_bytes; /* queued index writes held in memory before a
			      sorted run goes to a temporary file; 0 =
			      $PLANDESK_SORT_BYTES, else 32 MiB */
	size_t bulk_bytes; /* an import of at least this many bytes is a bulk
			      write (PD_W_BULK); 0 = $PLANDESK_BULK_BYTES,
			      else PD_BULK_BYTES */
};

#define PD_BULK_BYTES (32u << 20)

/*
 * Work out the database path: `db_flag` (--db) if not NULL, else
 * $PLANDESK_DB, else $XDG_DATA_HOME/plandesk/plandesk.db, else
 * $HOME/.local/share/plandesk/plandesk.db.  `name` replaces "plandesk.db"
 * in the default (NULL for the default; "demo.db" for the demo).
 * Returns PD_OK, PD_EINVAL (no HOME, path too long for `n`).
 */
int pd_store_path(const char *db_flag, const char *name, char *buf, size_t n,
		  struct pd_err *err);

/* Close the store.  No transaction may be open.  NULL is allowed. */
void pd_store_close(struct pd_store *st);

/* The path the store was opened with. */
const char *pd_store_file(const struct pd_store *st);

/*
 * Why the store was opened read-only although writing was asked for (the
 * file or its directory is not writable), or NULL.  Show it to the user.
 */
const char *pd_store_notice(const struct pd_store *st);

/* True when opened read-only. */
bool pd_store_is_read_only(const struct pd_store *st);

/* The current map size in bytes (grows when a write fills it). */
size_t pd_store_map_size(const struct pd_store *st);

/*
 * The change counter: it moves on every committed write by any process
 * (undo and redo too; not drafts), so a client polls it to notice another
 * process's writes.
 * Returns PD_OK, PD_EDB.
 */
int pd_store_changes(struct pd_store *st, uint64_t *out, struct pd_err *err);

/*
 * Write a compact copy of the database to `dest` (created 0600 under a
 * temporary name, then renamed into place; a device or a pipe is written
 * in place).
 * Returns PD_OK, PD_EINVAL (a path too long), PD_EIO.
 */
int pd_store_backup(struct pd_store *st, const char *dest, struct pd_err *err);

/*
 * Go on with the file the path names now, should a bulk write in another
 * process have replaced it (PD_W_BULK): every transaction does this as it
 * begins; code that copies the environment without one (a backup) calls
 * it first.  Nothing while a read of this process still uses the old file.
 */
void pd_store_current(struct pd_store *st);

/* --- transactions ------------------------------------------------------- */

/* Begin a read transaction.  End it with pd_txn_end.  PD_OK, PD_EDB, PD_ENOMEM. */
int pd_txn_read(struct pd_store *st, struct pd_txn **out, struct pd_err *err);

/* End a read transaction (or abort a write one).  NULL is allowed. */
void pd_txn_end(struct pd_txn *txn);

/* The store a transaction belongs to. */
struct pd_store *pd_txn_store(struct pd_txn *txn);

/*
 * Hand the store the loader of the document module (documents/formats.h),
 * which the writers of docx, odt, xlsx and ics call through
 * pd_formats_for when they first need it; `l` (NULL: none) must outlive
 * the store.  The store only keeps it for them: every command that
 * writes a document has the store.
 */
struct pd_formats_loader;
void pd_store_set_formats(struct pd_store *st, const struct pd_formats_loader *l);
const struct pd_formats_loader *pd_store_formats(const struct pd_store *st);

/*
 * The body of a write: called inside a write transaction; returns PD_OK to
 * commit, anything else to roll everything back.  It may be called more
 * than once (after the map is grown), so it must start from scratch each
 * time and have no effect outside the transaction it cannot repeat.
 */
typedef int (*pd_write_fn)(struct pd_txn *txn, void *ctx, struct pd_err *err);

#define PD_W_DRY_RUN 0x01u  /* run every check, then roll back */
/*
 * Auxiliary data only (meeting drafts): no undo journal entry, the redo
 * list is kept and the change counter does not move.  The write must not
 * change records (pd_put/pd_del would go unjournaled).
 */
#define PD_W_NO_JOURNAL 0x02u

/*
 * A large write (an import of many rows): built in a private copy of the
 * database, beside it, which `fn` commits in pieces (pd_txn_checkpoint) so
 * that memory stays bounded however much it writes; once `fn` and the
 * commit succeeded, the copy is renamed over the file, whole.  Until then
 * the database is as it was, for this process and others, and so it stays
 * when anything fails or the process is killed (the copy, unnamed, goes
 * with it).  Other processes' writes wait meanwhile; their reads go on
 * and see the new file at their next transaction.  The copy needs the
 * database's size again on the disk.  Where a copy cannot stand in for
 * the file (another owner, a second hard link, a folder that cannot hold
 * an unnamed file), the write is one transaction as without the flag.
 */
#define PD_W_BULK 0x04u

/*
 * Called once a row by a bulk write's body: every so many calls (16,384,
 * or $PLANDESK_CHECKPOINT for the tests), what `txn` holds so far is
 * committed to the private copy and the write goes on in a new
 * transaction (its queued entries stay queued); outside a bulk write,
 * nothing.  The body must hold no cursor or value read from the database
 * across it.  Returns PD_OK, or as pd_store_write (PD_EMAPFULL: the write
 * is tried again on a larger map).
 */
int pd_txn_checkpoint(struct pd_txn *txn, struct pd_err *err);

/* The size from which an import is a bulk write (pd_open_opts.bulk_bytes). */
size_t pd_store_bulk_bytes(const struct pd_store *st);

/*
 * Run `fn` in one write transaction and commit it, recording what it
 * changed in the undo journal under `label` ("add action", "import
 * people.csv").  On MDB_MAP_FULL the transaction is aborted, the map
 * doubled and `fn` run again.  Waits while another process writes.
 * Returns fn's code when it fails; otherwise PD_OK, PD_EREADONLY, PD_EDB,
 * PD_EIO (the file could not be written: disk full, the file-size limit,
 * named in err as "cannot save to PATH: …; nothing was changed"),
 * PD_ENOMEM.
 */
int pd_store_write(struct pd_store *st, const char *label, unsigned flags,
		   pd_write_fn fn, void *ctx, struct pd_err *err);

/* Replace the journal label of the running write (e.g. with a count). */
void pd_txn_set_label(struct pd_txn *txn, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* --- iteration ---------------------------------------------------------- */

enum pd_index {
	PD_IX_THEMES_BY_PLAN,    /* plan → themes by position */
	PD_IX_ITEMS_BY_PLAN,     /* plan → items by position */
	PD_IX_ITEMS_BY_PARENT,   /* item → sub-items by position */
	PD_IX_ACTIONS_BY_ITEM,   /* item → actions by position */
	PD_IX_ACTIONS_BY_OWNER,  /* person → actions by due date */
	PD_IX_UPDATES_BY_ITEM,   /* item → updates by date */
	PD_IX_PEOPLE_BY_ORG,     /* org → people by id */
	PD_IX_MEETINGS_BY_PLAN,  /* plan → meetings by date */
	PD_IX_MEETINGS_BY_DATE,  /* all meetings by date (parent 0) */
	PD_NINDEXES
};

#define PD_CUR_REVERSE 0x01u  /* newest / last first */

/*
 * Open a cursor over every record of `kind` in id order (creation order).
 * Returns PD_OK, PD_EDB, PD_ENOMEM.
 */
int pd_cursor_kind(struct pd_txn *txn, enum pd_kind kind, unsigned flags,
		   struct pd_cursor **out, struct pd_err *err);

/*
 * Open a cursor over the records indexed under `parent` in index `ix`, in
 * the index's order.  Returns PD_OK, PD_EDB, PD_ENOMEM.
 */
int pd_cursor_index(struct pd_txn *txn, enum pd_index ix, uint64_t parent,
		    unsigned flags, struct pd_cursor **out, struct pd_err *err);

/*
 * Step to the next record; *id gets its id.  Returns PD_OK, PD_NOTFOUND at
 * the end, PD_ECORRUPT (a malformed index entry), PD_EDB.
 */
int pd_cursor_next(struct pd_cursor *cur, uint64_t *id, struct pd_err *err);

/* Close a cursor (before its transaction ends).  NULL is allowed. */
void pd_cursor_close(struct pd_cursor *cur);

/* Number of records of `kind`.  PD_OK, PD_EDB. */
int pd_count_kind(struct pd_txn *txn, enum pd_kind kind, size_t *out);

/* Number of entries under `parent` in `ix`.  PD_OK, PD_EDB. */
int pd_count_index(struct pd_txn *txn, enum pd_index ix, uint64_t parent,
		   size_t *out);

/*
 * The ids under `parent` in index `ix`, in the index's order, read in one
 * go: *ids (malloc'd, the caller frees; NULL when there are none) and *n.
 * For changing what is listed, since a cursor must not see its own
 * deletes.  Returns PD_OK, PD_ENOMEM, PD_ECORRUPT, PD_EDB; on error *ids
 * is NULL and *n is 0.
 */
int pd_index_ids(struct pd_txn *txn, enum pd_index ix, uint64_t parent,
		 uint64_t **ids, size_t *n, struct pd_err *err);

#endif
