/*
 * scan.h — resumable scans: read the ids of a kind or of an index a batch
 * at a time, each batch in whatever read transaction the caller has open.
 *
 * A pd_store cursor lives inside one transaction.  A screen that shows a
 * million people must not keep a read transaction open while the user
 * thinks (a writer in this process may need to grow the map), nor start
 * again from the first record for every page.  A pd_scan remembers where it
 * stopped as plain bytes, so the next batch, in a new transaction, seeks
 * straight there (one B-tree descent) and carries on.
 */
#ifndef PLANDESK_SCAN_H
#define PLANDESK_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/records/record.h"
#include "plandesk/base/status.h"
#include "plandesk/store/store.h"

struct pd_scan {
	int           ix;        /* enum pd_index, or -1 for a kind's records */
	enum pd_kind  kind;      /* the kind of the ids yielded */
	uint64_t      parent;    /* index scans: the parent key */
	bool          reverse;   /* PD_CUR_REVERSE given */
	bool          started;   /* `pos` holds the last entry yielded */
	bool          done;      /* the end was reached */
	size_t        poslen;
	unsigned char pos[32];   /* the last entry yielded (key or index data) */
};

/*
 * Start a scan over every record of `kind` in id order (flags:
 * PD_CUR_REVERSE for newest first).  Cannot fail for a valid kind.
 * Returns PD_OK, PD_EINVAL (kind out of range).
 */
int pd_scan_kind(struct pd_scan *s, enum pd_kind kind, unsigned flags);

/*
 * Start a scan over the entries of index `ix` under `parent`, in the
 * index's order (PD_CUR_REVERSE for last first).
 * Returns PD_OK, PD_EINVAL (ix out of range).
 */
int pd_scan_index(struct pd_scan *s, enum pd_index ix, uint64_t parent,
		  unsigned flags);

/* Forget the position: the next batch starts from the beginning again. */
void pd_scan_rewind(struct pd_scan *s);

/*
 * Read up to `max` further ids into `ids`; *got gets how many.  When the
 * scan reaches its end s->done is set (and later calls yield nothing).
 * An entry deleted since the last batch is simply not seen; the scan goes
 * on from the next entry after the remembered position.
 * Returns PD_OK (also at the end), PD_ECORRUPT (a malformed entry),
 * PD_EDB, PD_ENOMEM.
 */
int pd_scan_next(struct pd_txn *txn, struct pd_scan *s, uint64_t *ids,
		 size_t max, size_t *got, struct pd_err *err);

#endif
