/*
 * records.h — reading, storing and deleting records, and finding one by
 * its natural key, in a transaction of the store (store.h).  Each write
 * keeps every entry the record derives (index positions, unique key,
 * search terms, card) in step, in the same transaction.
 */
#ifndef PLANDESK_RECORDS_H
#define PLANDESK_RECORDS_H

#include <stdbool.h>
#include <stdint.h>

#include "plandesk/base/status.h"
#include "plandesk/records/record.h"
#include "plandesk/store/store.h"

/*
 * Read record `id` of `kind` into `out` (which must be empty; free it with
 * pd_record_clear).  Returns PD_OK, PD_NOTFOUND, PD_ECORRUPT, PD_EDB.
 */
int pd_get(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	   struct pd_record *out, struct pd_err *err);

/* True when record `id` of `kind` exists. */
bool pd_exists(struct pd_txn *txn, enum pd_kind kind, uint64_t id);

/*
 * Store `r`: a new record when r->id is 0 (an id and created time are
 * assigned and written back into r), else replace record r->id.  Checks
 * required fields, UTF-8, the shape of dates, that required links point at
 * live records, and unique keys; keeps every index in the same transaction.
 * Returns PD_OK; PD_EINVAL (missing field, bad date, dangling link);
 * PD_ECONFLICT (a unique key taken by another record: plan ref, item ref
 * within its plan, organisation name, person e-mail); PD_NOTFOUND (r->id
 * names no record); PD_EREADONLY; PD_EMAPFULL; PD_EDB; PD_ENOMEM.
 */
int pd_put(struct pd_txn *txn, struct pd_record *r, struct pd_err *err);

/*
 * Delete record `id` of `kind` and what it owns: a plan's themes, items and
 * meetings; an item's sub-items, actions and updates.  Links to it from
 * records it does not own (a person's organisation, an action's owner) are
 * left to read as "no longer in the directory", so undo restores them whole.
 * Nothing of a plan under a legal hold (its `hold` set) is deleted.
 * Returns PD_OK, PD_NOTFOUND, PD_EINVAL (held: err names the plan and the
 * hold's reason), PD_EREADONLY, PD_EMAPFULL, PD_EDB.
 */
int pd_del(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	   struct pd_err *err);

/* --- natural keys ------------------------------------------------------- */

/*
 * Find a record by its unique key; the text is folded as stored (case and
 * accents do not matter).  Returns PD_OK with *id set, PD_NOTFOUND, PD_EDB.
 */
int pd_find_plan(struct pd_txn *txn, const char *ref, uint64_t *id);
int pd_find_item(struct pd_txn *txn, uint64_t plan, const char *ref,
		 uint64_t *id);
int pd_find_org(struct pd_txn *txn, const char *name, uint64_t *id);
int pd_find_person_email(struct pd_txn *txn, const char *email, uint64_t *id);

#endif
