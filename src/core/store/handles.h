/*
 * handles.h — the structures behind struct pd_store and struct pd_txn, and
 * the store's databases besides the record kinds and the indexes
 * (internal to core).  A file that reads or writes the LMDB databases
 * itself includes it; the functions over them are declared by the files
 * that define them (mdb_err.h, indexes.h, journal.h, store_impl.h, …).
 */
#ifndef PLANDESK_STORE_HANDLES_H
#define PLANDESK_STORE_HANDLES_H

#include <lmdb.h>
#include <sys/types.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/u64map.h"
#include "plandesk/store/store.h"

/* Derived databases besides the indexes of enum pd_index. */
enum {
	PD_DB_META, PD_DB_UNIQUE, PD_DB_TERMS, PD_DB_UNDO, PD_DB_REDO,
	PD_DB_DRAFTS, PD_DB_CARDS,
	PD_NDBS
};

struct pd_derived_ops;   /* records/derived.h */

struct pd_store {
	MDB_env *env;
	MDB_dbi  kind_dbi[PD_NKINDS];
	MDB_dbi  ix_dbi[PD_NINDEXES];
	MDB_dbi  dbi[PD_NDBS];
	size_t   map_size;
	bool     read_only;
	bool     has_cards;     /* false: schema 1 opened read-only (card.h) */
	bool     has_inner;     /* false: schema < 3 opened read-only (the
				 * inner keys of search_terms.h) */
	bool     has_shadow;    /* false: schema < 5 opened read-only (the
				 * shadowed keys of directory/search_terms.h) */
	bool     cards_packed;  /* false: schema 2 to 5 opened read-only (the
				 * fixed card layout of directory/card.h) */
	bool     terms_blocks;  /* `terms` is a table of posting blocks
				 * (store/postings.h); false: schema < 4,
				 * MDB_DUPSORT, opened read-only */
	unsigned reads;         /* read transactions open (pd_txn_read):
				 * store.c's reopen waits for none */
	uint64_t session;       /* drawn at open: tells this client's changes
				 * in the undo journal from others' */
	const struct pd_derived_ops *const *derived;
				/* NULL-ended: what a record derives, given
				 * by the opener (directory/open.c) */
	const struct pd_formats_loader *formats;
				/* how to reach the document module, given by
				 * the caller (pd_store_set_formats); NULL:
				 * none */
	char    *path;
	int      lockfd;        /* PATH-lock for the writer lock (wlock.h);
				 * -1: none (read-only, or a bulk copy) */
	unsigned wlock_depth;   /* pd_wlock_take calls not yet given back */
	dev_t    file_dev;      /* the file the environment has open */
	ino_t    file_ino;      /* (0: not known) */
	bool     bulk;          /* a bulk write's private copy (bulk.c):
				 * pd_txn_checkpoint commits */
	bool     committed;     /* a write of this store was committed */
	int      copy_fd;       /* the copy's file (bulk.c); -1: none */
	void    *map_lo;        /* the copy's map (pd_store_find_map); */
	size_t   map_len;       /* NULL: not found */
	size_t   bulk_bytes;    /* an import at least this large is a bulk
				 * write (pd_store_bulk_bytes) */
	unsigned checkpoint;    /* a bulk write commits every this many
				 * pd_txn_checkpoint calls (rows), its flush
				 * every 16 times as many entries */
	size_t   sort_bytes;    /* a write's queue in memory before a sorted
				 * run is spilled (0: write_queue.c's own) */
	char     why[320];      /* why the store had to be opened read-only */
	char     notice[400];   /* that, and that changes cannot be saved */
};

struct pd_txn {
	struct pd_store *st;
	MDB_txn *txn;
	bool     write;
	bool     journal;    /* record before-images (off while undoing) */
	bool     dirty;      /* something was written */
	bool     mapfull;    /* an LMDB call returned MDB_MAP_FULL */
	bool     renewed;    /* `terms` was made anew (pd_store_renew_terms) */
	uint64_t id_lo;      /* next id when the write began */
	uint64_t next_id;    /* next id to hand out */
	uint64_t seq;        /* this write's journal sequence number */
	unsigned rows;       /* pd_txn_checkpoint calls since it committed */
	int64_t  now;        /* the write's timestamp */
	char     label[160];
	struct pd_buf scratch;
	struct pd_write_queue *queue;  /* writes put in key order (write_queue.h) */
	/* What the directory keeps for the length of one write (in a write
	 * transaction only): an organisation's index words by its id
	 * (directory/search_terms.c), so that an import's people of a few
	 * thousand organisations do not each read and fold their
	 * organisation's name again.  A change to an organisation drops it
	 * (directory/search_entries.c); pd_txn_release frees it. */
	struct pd_u64map memo;         /* id -> offset in memo_buf */
	struct pd_buf    memo_buf;
};

#endif
