/*
 * undo.h — undo and redo: the writes of the journal (PD_UNDO_MAX of them,
 * kept in the database, so they survive a restart) taken back and done
 * again, each in one write transaction of its own.
 */
#ifndef PLANDESK_UNDO_H
#define PLANDESK_UNDO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/u64map.h"
#include "plandesk/store/store.h"

/*
 * Undo the newest journal entry (any process's), in one write transaction,
 * moving it to the redo list; its label is copied into `label` (n bytes).
 * Like every write, it moves the change counter, so other clients see it.
 * A legal hold is never undone: an entry whose undoing would delete
 * anything of a held plan is refused, and a plan put back keeps the hold
 * it has now.
 * Returns PD_OK, PD_EEMPTY (nothing to undo), PD_EINVAL (it would delete
 * what a legal hold keeps: err says which plan), PD_EREADONLY,
 * PD_ECORRUPT, PD_EDB.  A new write clears the redo list.
 */
int pd_store_undo(struct pd_store *st, char *label, size_t n,
		  struct pd_err *err);

/* Redo the newest undone entry.  Same codes as pd_store_undo. */
int pd_store_redo(struct pd_store *st, char *label, size_t n,
		  struct pd_err *err);

/* The change undo (or redo) would apply next. */
struct pd_change_info {
	uint64_t seq;         /* its journal number, for pd_store_undo_seq */
	int64_t  time;        /* when it was made: seconds since the epoch */
	bool     ours;        /* made through this open store (this client);
				 false for another process's, an earlier
				 run's, or an entry from before sessions */
	char     label[160];  /* what it was ("note on item 3") */
};

/*
 * Describe the change undo (redo: redo) would apply next.
 * Returns PD_OK, PD_EEMPTY (nothing to undo or redo), PD_ECORRUPT, PD_EDB.
 */
int pd_store_peek(struct pd_store *st, bool redo, struct pd_change_info *out,
		  struct pd_err *err);

/*
 * Undo (redo: redo) the newest entry only if it is still entry `seq` (from
 * pd_store_peek; 0: whichever is newest), so that what was asked about is
 * what is undone even when another process wrote in between.
 * Returns the codes of pd_store_undo, and PD_ECONFLICT (the newest entry
 * is another one now; nothing changed).
 */
int pd_store_undo_seq(struct pd_store *st, bool redo, uint64_t seq,
		      char *label, size_t n, struct pd_err *err);

/*
 * How many entries can be undone and redone, and the label of the next
 * undo (may be NULL).  Returns PD_OK, PD_EDB.
 */
int pd_store_history(struct pd_store *st, size_t *nundo, size_t *nredo,
		     char *next_label, size_t n, struct pd_err *err);

/*
 * Inside a write, drop from the undo journal every copy of the records
 * whose ids are keys of `ids` and of those filed under them (found in the
 * journal only: an item deleted earlier, its actions; they are added to
 * `ids`), and clear the redo list: what a purge or an erasure removed
 * cannot be brought back.  Entries of the journal keep their labels.
 * Returns PD_OK, PD_ENOMEM, PD_EDB.
 */
int pd_undo_forget(struct pd_txn *txn, struct pd_u64map *ids, struct pd_err *err);

#endif
