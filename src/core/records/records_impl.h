/*
 * records_impl.h — a record's encoded value read and written with its
 * derived entries in step (records.c), and a legal hold (held.c), for the
 * record layer's other files (undo.c).  Internal to core.
 */
#ifndef PLANDESK_RECORDS_IMPL_H
#define PLANDESK_RECORDS_IMPL_H

#include "store/handles.h"

/* Read the stored value of (kind, id): `val` points into the database
 * until the next write.  Returns PD_OK, PD_NOTFOUND, or an LMDB error. */
int pd_raw_get(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	       MDB_val *val, struct pd_err *err);

/*
 * Replace the stored value of (kind, id) with `val` (NULL deletes), keeping
 * every index, unique key and search term in step with it, and journaling
 * the before-image when txn->journal is set.  `val` is taken as trusted
 * (already validated or a journal image).
 * Returns PD_OK, PD_ENOMEM, PD_EMAPFULL, PD_EDB (err filled).
 */
int pd_raw_set(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	       const MDB_val *val, struct pd_err *err);

/*
 * A legal hold (held.c): PD_OK when neither (kind, id) nor what it is
 * filed under (an update's item, the item's plan) is held; PD_EINVAL
 * with err naming the plan and its reason when one is.  Also PD_EDB,
 * PD_ECORRUPT.
 */
int pd_hold_refuse(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		   struct pd_err *err);

/*
 * The image `img` of (kind, id) that undo or redo is about to put back,
 * given the PD_F_KEPT fields (the hold) the record has now, re-encoded in
 * place.  Returns PD_OK, PD_ECORRUPT, PD_ENOMEM, PD_EDB.
 */
int pd_hold_keep(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		 struct pd_buf *img, struct pd_err *err);

#endif
