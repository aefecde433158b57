/*
 * history.h — a record's history, from the undo journal: when it was
 * created, each change (which fields), its deletion, by which command or
 * client write (the journal's label) and which session (a number each
 * opening of the database draws: one client, one command).
 *
 * The journal keeps the last PD_UNDO_MAX writes and nothing of what was
 * undone (moved to redo), purged or erased, so older history is not
 * there: the history says where it begins.
 */
#ifndef PLANDESK_HISTORY_H
#define PLANDESK_HISTORY_H

#include <stdint.h>

#include "plandesk/records/records.h"

enum pd_hist_what {
	PD_H_CREATED,   /* the write made it */
	PD_H_CHANGED,   /* `fields` changed */
	PD_H_DELETED,
	PD_H_RESTORED,  /* it was absent and came back (undo of a delete) */
};

struct pd_hist_event {
	uint64_t          seq;       /* the journal entry */
	int64_t           time;      /* seconds since the epoch */
	uint64_t          session;   /* 0: not known */
	const char       *label;     /* "edit action", "import items", … */
	enum pd_hist_what what;
	char              fields[256];   /* changed fields' names, ", " between */
};

/* Called with each event, oldest first; anything but PD_OK stops. */
typedef int (*pd_hist_fn)(void *ctx, const struct pd_hist_event *e);

/*
 * The history of record (kind, id) in the undo journal, read in `txn`.
 * *oldest (may be NULL) gets the time of the journal's oldest entry (0:
 * the journal is empty), before which nothing is known.
 * Returns PD_OK (also for no event), PD_ECORRUPT (an entry that does not
 * decode), PD_EDB, PD_ENOMEM, or fn's code.
 */
int pd_history(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	       int64_t *oldest, pd_hist_fn fn, void *ctx, struct pd_err *err);

#endif
