/*
 * retention.h — how long a plan is kept: its retention date (the field
 * `retain until`), a legal hold with its reason (the field `hold`), and
 * purging a plan whose time has come.
 *
 * A hold keeps the plan whole: nothing of it can be deleted (pd_del,
 * undo and redo refuse) or purged until it is lifted, and undo never
 * lifts it.  Placing, changing and lifting a hold, and a purge, are each
 * one write that leaves no undo step and is recorded in the disclosure
 * record (disclose.h) with its reason.  A purge also drops every copy of
 * what it removed from the undo journal, so nothing of it can come back.
 */
#ifndef PLANDESK_RETENTION_H
#define PLANDESK_RETENTION_H

#include <stddef.h>
#include <stdint.h>

#include "plandesk/protect/disclose.h"

/*
 * Place a hold on plan `plan` for `reason` (replacing the reason of a
 * hold already placed), or, with `reason` NULL, lift it.  `d` gives the
 * command and the reason recorded (for a lift, why it is lifted); the
 * rest is filled.
 * Returns PD_OK; PD_NOTFOUND (no such plan); PD_EEMPTY (lifting a hold
 * that is not there); PD_EINVAL (an empty or multi-line reason);
 * PD_EREADONLY; pd_store_write's codes.
 */
int pd_hold(struct pd_store *st, uint64_t plan, const char *reason,
	    struct pd_disclosure *d, struct pd_err *err);

/* What a purge removes. */
struct pd_purge_counts {
	size_t themes, items, actions, updates, meetings;
};

/*
 * Count what purging plan `plan` would remove (its sub-items are among
 * its items).  Returns PD_OK, PD_NOTFOUND, PD_ECORRUPT, PD_EDB.
 */
int pd_purge_count(struct pd_txn *txn, uint64_t plan, struct pd_purge_counts *c,
		   struct pd_err *err);

/*
 * Purge plan `plan`: refused while a hold stands; else the plan, its
 * themes, its items with their actions and updates, its meetings (and
 * what meeting mode kept of them) are removed, and every copy of them in
 * the undo journal, in one write that cannot be undone, recorded as `d`
 * says (its command and reason; rows: the records removed).  *c gets
 * what was removed.
 * Returns PD_OK; PD_NOTFOUND; PD_EINVAL (held: err gives the reason;
 * nothing was removed); PD_EREADONLY; pd_store_write's codes.
 */
int pd_purge(struct pd_store *st, uint64_t plan, struct pd_disclosure *d,
	     struct pd_purge_counts *c, struct pd_err *err);

#endif
