/*
 * search_lead.h — the name-start walk of a query of several words
 * (search_lead.c), run first by search_many.c.  Internal to core.
 */
#ifndef PLANDESK_SEARCH_LEAD_H
#define PLANDESK_SEARCH_LEAD_H

#include "search_cand.h"

/*
 * Walk the names a query word begins as a first word, in name order,
 * keeping the candidates met (pd_sq_visit).  *complete is set when the
 * kept candidates are then the search's answer (m->later may still hold
 * some to check); else pd_sq_drive must go on from where it left.
 * Returns as pd_sq_visit.
 */
int pd_sq_lead(struct pd_sq_many *m, bool *complete);

#endif
