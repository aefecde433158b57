/*
 * search_drive.h — the walk of the rarest word's entries of a query of
 * several words (search_drive.c), run by search_many.c when the
 * name-start walk could not settle the answer.  Internal to core.
 */
#ifndef PLANDESK_SEARCH_DRIVE_H
#define PLANDESK_SEARCH_DRIVE_H

#include "search_cand.h"

/* Walk the driving word's (m->drv) entries with bounds, every word's keys
 * scanned (pd_sq_scan_word), keeping the candidates met, then check those
 * put off.  Returns as pd_sq_visit. */
int pd_sq_drive(struct pd_sq_many *m);

#endif
