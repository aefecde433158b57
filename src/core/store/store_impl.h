/*
 * store_impl.h — what the store's own files share: the structures behind
 * pd_store/pd_txn, the database handles, and the index and journal
 * internals.  Not part of the public API.
 */
#ifndef PLANDESK_STORE_IMPL_H
#define PLANDESK_STORE_IMPL_H

#include <lmdb.h>

#include "plandesk/base/buf.h"
#include "plandesk/store/store.h"

/* Derived databases besides the indexes of enum pd_index. */
enum {
	PD_DB_META, PD_DB_UNIQUE, PD_DB_TERMS, PD_DB_UNDO, PD_DB_REDO,
	PD_DB_DRAFTS, PD_DB_CARDS,
	PD_NDBS
};

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
	uint64_t session;       /* drawn at open: tells this client's changes
				 * in the undo journal from others' */
	char    *path;
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
	uint64_t id_lo;      /* next id when the write began */
	uint64_t next_id;    /* next id to hand out */
	uint64_t seq;        /* this write's journal sequence number */
	int64_t  now;        /* the write's timestamp */
	char     label[160];
	struct pd_buf scratch;
	struct pd_term_batch *terms;  /* queued `terms` writes (term_batch.c) */
};

/* Map an LMDB return code to a pd status (noting MAP_FULL in txn). */
int pd_mdb_err(struct pd_txn *txn, int rc, struct pd_err *err,
	       const char *what);

/* mkdir -p for the folder holding `path`, each folder made 0700 (a new
 * database's, a restored one's).  Returns PD_OK, PD_EINVAL, PD_EIO. */
int pd_make_parent_dirs(const char *path, struct pd_err *err);

/* Read/write the raw encoded value of (kind, id); NULL txn->scratch use. */
int pd_raw_get(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	       MDB_val *val, struct pd_err *err);

/*
 * Replace the stored value of (kind, id) with `val` (NULL deletes), keeping
 * every index, unique key and search term in step with it, and journaling
 * the before-image when txn->journal is set.  `val` is taken as trusted
 * (already validated or a journal image).
 */
int pd_raw_set(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	       const MDB_val *val, struct pd_err *err);

/* --- term_batch.c: `terms` and `cards` writes queued, put in key order -- */

/*
 * Queue a put (put true) or delete of the pair (k, d) in `terms`, or with
 * `card` of key k in `cards` (d its value; ignored by a delete); the queue
 * is applied when full and by pd_terms_flush.  Returns PD_OK, PD_ENOMEM,
 * PD_EINVAL (a key or data too long), or what a flush returns.
 */
int  pd_terms_queue(struct pd_txn *txn, bool card, bool put, const MDB_val *k,
		    const MDB_val *d, struct pd_err *err);

/* Apply the queued writes: before a commit, and before `terms` or `cards`
 * is read in a write transaction.  Returns PD_OK or the LMDB error mapped. */
int  pd_terms_flush(struct pd_txn *txn, struct pd_err *err);

/* Drop the queue (the transaction ends). */
void pd_term_batch_free(struct pd_txn *txn);

/* --- index.c ------------------------------------------------------------ */

/* One derived entry of a record: database, key and data. */
struct pd_entry {
	MDB_dbi  dbi;
	bool     unique;     /* one value a key (`unique`, `cards`): present only
	                        with this value; else a DUPSORT pair */
	size_t   koff, klen; /* in the entry list's buffer */
	size_t   doff, dlen;
};

struct pd_entries {
	struct pd_entry *e;
	size_t           n, cap;
	struct pd_buf    buf;
};

void pd_entries_reset(struct pd_entries *es);
void pd_entries_free(struct pd_entries *es);
int  pd_entries_add(struct pd_entries *es, MDB_dbi dbi, bool unique,
		    const void *k, size_t kn, const void *d, size_t dn);

/* Every derived entry of record `r` (indexes, unique keys, search terms). */
int pd_index_entries(struct pd_txn *txn, const struct pd_record *r,
		     struct pd_entries *out, struct pd_err *err);

/* Unique key bytes of `r` into `key` (empty when it has none). */
int pd_unique_key(const struct pd_record *r, struct pd_buf *key);

/* The id whose unique key is `key`; PD_NOTFOUND when none. */
int pd_unique_lookup(struct pd_txn *txn, const struct pd_buf *key,
		     uint64_t *id);

/* Index definitions, shared with check.c. */
struct pd_ixdef {
	const char  *db;
	enum pd_kind kind;
	int          parent;  /* field holding the parent (REF or REFS); -1: key 0 */
	int          sort;    /* INT or DATE field sorting the entries; -1: none */
};
const struct pd_ixdef *pd_ixdef(enum pd_index ix);
/* Bytes of an index entry's data: sort key + 8-byte id. */
size_t pd_ix_datalen(enum pd_index ix);

/* --- journal.c ------------------------------------------------------------ */

/* Record the before-image of (kind, id) unless already done in this write. */
int pd_journal_before(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		      const MDB_val *before, struct pd_err *err);
/* Write this write's journal header and trim old entries (at commit). */
int pd_journal_commit(struct pd_txn *txn, struct pd_err *err);
/* The sequence number the next journal entry will take. */
int pd_journal_next_seq(struct pd_txn *txn, uint64_t *seq, struct pd_err *err);

/* --- meta --------------------------------------------------------------- */
int pd_meta_get_u64(struct pd_txn *txn, const char *key, uint64_t *v);
int pd_meta_put_u64(struct pd_txn *txn, const char *key, uint64_t v,
		    struct pd_err *err);

#endif
