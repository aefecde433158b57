/*
 * upgrade.h — bringing an older database up to PD_SCHEMA_VERSION when it
 * is opened writable (internal to core; called by pd_store_open).
 *
 *   1 → 2  the directory cards (`cards`, card.h)
 *   2 → 3  the inner keys of `terms` (search_terms.h)
 *   3 → 4  `terms` in posting blocks (store/postings.h), not MDB_DUPSORT
 *   4 → 5  the shadowed keys of `terms` (search_terms.h) in place of
 *          the word keys of the class-3 entries they hold
 *   5 → 6  every card in the packed layout (card.h), not the fixed one
 *
 * All are derived entries: the upgrade makes `terms` anew (before 5) and
 * empties `cards`, and puts, for every person and organisation, its
 * entries there, in one write, and sets the schema version.  A file
 * opened read-only is not upgraded; the store then derives no cards,
 * inner or shadowed keys that it lacks (has_cards, has_inner,
 * has_shadow) and its cards in the fixed layout (cards_packed), so
 * `check` stays clean, and the search and the cards are read in the
 * layout the file has.
 */
#ifndef PLANDESK_UPGRADE_H
#define PLANDESK_UPGRADE_H

#include <stdint.h>

#include "plandesk/base/status.h"

struct pd_txn;

/*
 * A pd_write_fn: `ctx` points to the file's schema version (uint64_t,
 * 1 to PD_SCHEMA_VERSION - 1).  Returns PD_OK, PD_ENOMEM, PD_EMAPFULL,
 * PD_EDB.
 */
int pd_store_upgrade(struct pd_txn *txn, void *ctx, struct pd_err *err);

#endif
