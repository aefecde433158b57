/*
 * mark.h — marking one entry confidential, or no longer, from the client
 * (a key on an item, an action or an update).  Minutes and reports leave
 * such entries out unless asked (confidential.h).
 */
#ifndef PLANDESK_MARK_H
#define PLANDESK_MARK_H

#include <stdbool.h>
#include <stdint.h>

#include "plandesk/store/store.h"

/*
 * Turn the confidential mark of record (kind, id) over, in one write (an
 * undo step, labelled "mark … confidential" or "unmark …").  *now (may be
 * NULL) gets whether it is marked after.
 * Returns PD_OK; PD_NOTFOUND (no such record); PD_EINVAL (a kind that
 * cannot be marked: a plan, a person); PD_EREADONLY; pd_store_write's
 * codes.
 */
int pd_mark_toggle(struct pd_store *st, enum pd_kind kind, uint64_t id, bool *now,
		   struct pd_err *err);

#endif
