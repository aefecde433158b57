/*
 * mdb_err.h — LMDB's return codes as plandesk statuses (mdb_err.c;
 * internal to core).
 */
#ifndef PLANDESK_STORE_MDB_ERR_H
#define PLANDESK_STORE_MDB_ERR_H

#include <stdbool.h>

#include "plandesk/base/status.h"

struct pd_store;
struct pd_txn;

/*
 * Map LMDB code `rc` to a status, filling `err` (may be NULL) with `what`
 * and the reason; MDB_MAP_FULL is noted in `txn` (may be NULL) so the
 * write is retried on a larger map.  Returns PD_OK (MDB_SUCCESS),
 * PD_NOTFOUND (MDB_NOTFOUND; err untouched), PD_EMAPFULL, PD_ECORRUPT,
 * PD_EREADONLY, PD_EIO (in a write: pd_mdb_save_err's message), PD_ENOMEM,
 * PD_EDB.
 */
int pd_mdb_err(struct pd_txn *txn, int rc, struct pd_err *err,
	       const char *what);

/* Is `rc` (an errno) a failure to write the file: a full disk or quota,
 * the file-size limit, an I/O error? */
bool pd_mdb_io_error(int rc);

/*
 * A write to the file of `st` failed with `rc` (pd_mdb_io_error): say why
 * (the file-size limit, the quota, a full disk, or rc's text) and that
 * nothing was changed.  Returns PD_EIO.
 */
int pd_mdb_save_err(const struct pd_store *st, int rc, struct pd_err *err);

#endif
