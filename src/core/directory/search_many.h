/*
 * search_many.h — a query of several words, in five files (internal to
 * core; the format of the entries is in search_terms.h, and the exact-name
 * matches were already passed on):
 *
 *   search_many.c   the entry point: the walks below, then the kept
 *                   candidates passed on;
 *   search_cand.c   the candidates: each checked against every word, the
 *                   best `need` of them kept;
 *   search_lead.c   first, the names a query word begins as a first word,
 *                   in name order: nearly always a whole first screenful,
 *                   and then provably the right one;
 *   search_join.c   else, when the rarest word is rare enough, its
 *                   entries joined with the other words' (a screen that
 *                   the name-start walk cannot fill, or fewer matches
 *                   than a screen);
 *   search_drive.c  else, the entries of the rarest word, walked with
 *                   bounds.
 *
 * Order: by the best class any word reaches (the rank), then by the worst
 * ("john s" shows John Smith, whose "s" is in his name, before John Brown,
 * whose "s" is only in his school's name), then name, kind and id.
 */
#ifndef PLANDESK_SEARCH_MANY_H
#define PLANDESK_SEARCH_MANY_H

#include "search_query.h"

/* Pass on the matches of a query of several words, in search order.
 * Returns PD_OK, PD_SQ_ENOUGH (the search has enough), or an error
 * (s->err filled). */
int pd_sq_many_words(struct pd_sq_search *s);

#endif
