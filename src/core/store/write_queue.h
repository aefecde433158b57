/*
 * write_queue.h — writes of a write transaction queued and put in key
 * order before it commits (write_queue.c; internal to core).  The search
 * terms and the cards go through it (a derived entry marked
 * PD_ENTRY_QUEUED): put one by one at random places, a large import's
 * dirty pages would spill over and over.
 */
#ifndef PLANDESK_STORE_WRITE_QUEUE_H
#define PLANDESK_STORE_WRITE_QUEUE_H

#include "handles.h"

/*
 * Queue a put (`put` true) or a delete of key k in database `dbi`: with
 * `unique`, a database of one value a key (d is the value; a delete takes
 * the key whatever its value), else the DUPSORT pair (k, d).  The last
 * operation on a key (unique) or pair wins.  The queue is applied when
 * full and by pd_txn_flush.
 * Returns PD_OK, PD_EINVAL (a key or value too long), PD_ENOMEM, or what
 * a flush returns.
 */
int pd_txn_queue(struct pd_txn *txn, MDB_dbi dbi, bool unique, bool put,
		 const MDB_val *k, const MDB_val *d, struct pd_err *err);

/* Apply the queued writes: before a commit (pd_store_write does), and
 * before a queued database is read in a write transaction.  Returns PD_OK
 * or the LMDB error mapped. */
int pd_txn_flush(struct pd_txn *txn, struct pd_err *err);

/*
 * Does a read of `dbi` in a write transaction go through
 * pd_txn_unique_get rather than apply the queue?  (`unique`: an import
 * reads it on every row.)
 */
bool pd_txn_reads_queued(const struct pd_txn *txn, MDB_dbi dbi);

/*
 * Key k of `dbi` (a database of one value a key) as this transaction's
 * queued operations leave it: the value they put, none if they delete
 * it, else what the database holds (in a read transaction, always that).
 * *v is valid until the next write.  Returns an LMDB code: MDB_SUCCESS,
 * MDB_NOTFOUND, or what mdb_get returns.
 */
int pd_txn_unique_get(struct pd_txn *txn, MDB_dbi dbi, const MDB_val *k, MDB_val *v);

/* Drop the queue (the transaction ends). */
void pd_txn_queue_free(struct pd_txn *txn);

#endif
