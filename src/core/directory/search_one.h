/*
 * search_one.h — a query of one word (search_one.c), run by search.c once
 * the exact-name matches are passed on.  Internal to core.
 */
#ifndef PLANDESK_SEARCH_ONE_H
#define PLANDESK_SEARCH_ONE_H

#include "search_query.h"

/* Pass on the matches of the query's one word, in search order.
 * Returns PD_OK, PD_SQ_ENOUGH (the search has enough), or an error
 * (s->err filled). */
int pd_sq_one_word(struct pd_sq_search *s);

#endif
