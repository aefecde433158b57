/*
 * disclose_impl.h — a disclosed file made by a writer of its own
 * (disclose.c; internal to core): an export streaming its rows, a
 * backup LMDB copies out.
 */
#ifndef PLANDESK_DISCLOSE_IMPL_H
#define PLANDESK_DISCLOSE_IMPL_H

#include "plandesk/protect/disclose.h"
#include "base/save.h"

/* Write the file's bytes to `sv`.  Returns PD_OK or an error (err). */
typedef int (*pd_produce_fn)(void *ctx, struct pd_save *sv, struct pd_err *err);

/*
 * Disclose the file `fn` writes at d->path (not NULL): written to a
 * temporary name and flushed, `d` recorded, then renamed into place (a
 * device or a pipe: recorded, then written in place).  A read-only
 * store records nothing and writes nothing.
 * Returns PD_OK, PD_EREADONLY, fn's code, pd_save's and pd_store_write's.
 */
int pd_disclose_produce(struct pd_store *st, const struct pd_disclosure *d,
			pd_produce_fn fn, void *ctx, struct pd_err *err);

#endif
