/*
 * edit.h — changing records from the client.  Every change is one write
 * transaction with a human label (recfmt.h), so `u` can say what it
 * undid.  Edits are applied to the record as it is in the database at the
 * moment of writing, so fields changed meanwhile by another process are
 * kept.  Dangerous changes (delete) ask first.
 */
#ifndef PLANDESK_UI_EDIT_H
#define PLANDESK_UI_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "plandesk/records/record.h"
#include "app.h"

/*
 * Changes a fresh copy of the record inside the write; returns PD_OK or an
 * error code with a message in err.  May run more than once.
 */
typedef int (*ui_apply_fn)(struct pd_txn *txn, struct pd_record *r, void *ctx,
			   struct pd_err *err);

/*
 * Read record (kind, id) in a write transaction, apply `fn` and store it,
 * journalled under `label`.  id 0 creates a new record of `kind` (its id
 * goes to *new_id when not NULL).
 * Returns PD_OK or the error (message in err).
 */
int ui_write_apply(struct app *a, enum pd_kind kind, uint64_t id, ui_apply_fn fn,
		   void *ctx, const char *label, uint64_t *new_id,
		   struct pd_err *err);

/* Ask "Delete …? y/N", then delete (kind, id).  Returns an enum ui_res. */
int ui_delete_ask(struct app *a, int kind, uint64_t id);

/* Tick action `id` done (closed today) or open it again.  enum ui_res. */
int ui_action_toggle(struct app *a, uint64_t id);

/* Mark record (kind, id) confidential, or no longer (protect/mark.h),
 * saying what that means.  Returns UI_RELOAD, or UI_REDRAW with the
 * error shown (a kind that cannot be marked). */
int ui_mark_toggle(struct app *a, int kind, uint64_t id);

/* Offer the status levels of the item's plan (keys 1..n, 0 clears). */
int ui_status_ask(struct app *a, uint64_t item);

/*
 * Edit the long text field `field` of (kind, id) in $VISUAL/$EDITOR and
 * store it.  Returns an enum ui_res.
 */
int ui_edit_long(struct app *a, int kind, uint64_t id, int field);

#endif
