/*
 * track.h — progress tracking: what state an action is in, what is
 * overdue, and a plan's counts of items by status.  Shared by the client
 * (status colours, the Actions view) and anything else that reports on
 * progress.  No printing; dates compare with date.h.
 */
#ifndef PLANDESK_TRACK_H
#define PLANDESK_TRACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/date.h"
#include "plandesk/records/record.h"
#include "plandesk/meetings/scale.h"
#include "plandesk/records/records.h"

enum pd_action_state { PD_AS_OPEN, PD_AS_DONE, PD_AS_DROPPED };

/*
 * The state of action `a`: its `state` field read case-insensitively
 * ("done", "dropped"); unset or anything else is open.
 */
enum pd_action_state pd_action_state(const struct pd_record *a);

/* The stored spelling of a state: "open", "done", "dropped". */
const char *pd_action_state_name(enum pd_action_state s);

/*
 * Set action `a` to state `s`: done or dropped also sets `closed` to
 * `today` (when given); open clears `closed`.
 * Returns PD_OK, PD_ENOMEM.
 */
int pd_action_set_state(struct pd_record *a, enum pd_action_state s,
			const struct pd_date *today);

/* True when open action `a` has a due date before `today`. */
bool pd_action_overdue(const struct pd_record *a, const struct pd_date *today);

/*
 * The status scale of the plan with id `plan` (its `scale` field; the
 * default scale when the plan is missing or names no known scale).
 * Never fails: an unreadable plan gives the default.
 */
const struct pd_scale *pd_plan_scale(struct pd_txn *txn, uint64_t plan);

/* What item `item`'s status means on scale `sc` (PD_ST_NONE when unset). */
enum pd_status_kind pd_item_status_kind(const struct pd_record *item,
					const struct pd_scale *sc);

/*
 * True when item `item` has a target date before `today` and is not
 * completed (no completed date and a status other than done on `sc`).
 */
bool pd_item_overdue(const struct pd_record *item, const struct pd_scale *sc,
		     const struct pd_date *today);

struct pd_tally {
	size_t items;                       /* all items of the plan */
	size_t by_status[PD_ST_NONE + 1];   /* indexed by enum pd_status_kind */
	size_t overdue;                     /* items past their target date */
};

/*
 * Count plan `plan`'s items by status, and those overdue at `today`.
 * Reads every item of the plan (one index range), nothing else.
 * Returns PD_OK, PD_ECORRUPT, PD_EDB, PD_ENOMEM.
 */
int pd_plan_tally(struct pd_txn *txn, uint64_t plan, const struct pd_date *today,
		  struct pd_tally *out, struct pd_err *err);

#endif
