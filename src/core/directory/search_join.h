/*
 * search_join.h — a query of several words that the name-start walk could
 * not settle, answered by joining the rarest word's entries with the
 * other words' (search_join.c); run by search_many.c before, and in place
 * of, the driven walk (search_drive.c).  Internal to core.
 */
#ifndef PLANDESK_SEARCH_JOIN_H
#define PLANDESK_SEARCH_JOIN_H

#include "search_cand.h"

/*
 * When the driving word (m->drv, scanned whole) has at most
 * PD_SQ_JOIN_ENTRIES entries and the kept candidates are bounded, keep
 * the best of every match and set *done: m->later is then settled too
 * (emptied).  Else *done is false and nothing has changed.
 * Returns PD_OK, PD_ENOMEM, PD_ECORRUPT, PD_EDB (s->err filled).
 */
#define PD_SQ_JOIN_ENTRIES 16384
int pd_sq_join(struct pd_sq_many *m, bool *done);

#endif
