/*
 * check.h — verify a database from end to end.
 */
#ifndef PLANDESK_CHECK_H
#define PLANDESK_CHECK_H

#include <stddef.h>

#include "plandesk/records/records.h"

/* Called once per problem found, with a one-line description. */
typedef void (*pd_check_cb)(void *ctx, const char *problem);

/*
 * Decode every record; verify that it has the fields its kind's table
 * (schema.h) requires and its dates in ISO form, that each record's index
 * entries, unique key and search terms are present, that no index entry points at a missing or
 * different record, and that the id counter is above every id.  Each
 * problem goes to `cb` (may be NULL); *nproblems (may be NULL) gets their
 * number.  Runs in one read transaction: it sees one snapshot even while
 * another process writes.
 * Returns PD_OK when the check ran (whatever it found), PD_EDB or
 * PD_ENOMEM when it could not.
 */
int pd_check(struct pd_store *st, pd_check_cb cb, void *ctx, size_t *nproblems,
	     struct pd_err *err);

#endif
