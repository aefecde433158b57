/*
 * journal.h — the undo journal's log (journal.c; internal to core): what
 * a write leaves in `undo`, read and moved by undo and redo
 * (records/undo.c).  The layout is in journal.c.
 */
#ifndef PLANDESK_STORE_JOURNAL_H
#define PLANDESK_STORE_JOURNAL_H

#include "handles.h"

/* A journal header, decoded. */
struct pd_journal_header {
	int64_t  time;
	uint64_t lo, hi, session;   /* ids [lo, hi) the write created; who */
	char     label[160];
};

/* Record the before-image of (kind, id) (NULL: it was absent) unless
 * already done in this write.  Returns PD_OK, or an LMDB error mapped. */
int pd_journal_before(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		      const MDB_val *before, struct pd_err *err);

/* Write this write's journal header, clear `redo` and trim the oldest
 * entries past PD_UNDO_MAX (at commit; nothing when txn->journal is off).
 * Returns PD_OK, or an LMDB error mapped. */
int pd_journal_commit(struct pd_txn *txn, struct pd_err *err);

/* The sequence number the next journal entry will take.  Returns PD_OK,
 * or the error of reading the journal. */
int pd_journal_next_seq(struct pd_txn *txn, uint64_t *seq, struct pd_err *err);

/* The newest (first: the oldest) entry's number in `dbi` (undo or redo);
 * 0 when it is empty.  Returns PD_OK, or an LMDB error mapped. */
int pd_journal_last(struct pd_txn *txn, MDB_dbi dbi, uint64_t *seq, bool first);

/*
 * Put op (kind, id) of entry `seq` in `dbi`: kind(1) + `image` (NULL: the
 * record was absent).  `flags` MDB_NOOVERWRITE keeps an op already there.
 * Returns PD_OK, or an LMDB error mapped.
 */
int pd_journal_put_op(struct pd_txn *txn, MDB_dbi dbi, uint64_t seq,
		      enum pd_kind kind, uint64_t id, const MDB_val *image,
		      unsigned flags, struct pd_err *err);

/* Write header `h` of entry `seq` in `dbi`.  Returns PD_OK, or an LMDB
 * error mapped. */
int pd_journal_put_header(struct pd_txn *txn, MDB_dbi dbi, uint64_t seq,
			  const struct pd_journal_header *h, struct pd_err *err);

/* Decode header `d` into `h`; false when it is too short to be one. */
bool pd_journal_get_header(const MDB_val *d, struct pd_journal_header *h);

/* Delete every key of entry `seq` in `dbi`.  Returns PD_OK, or an LMDB
 * error mapped. */
int pd_journal_drop(struct pd_txn *txn, MDB_dbi dbi, uint64_t seq,
		    struct pd_err *err);

#endif
