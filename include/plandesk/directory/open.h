/*
 * open.h — opening a database: the store (store.h) with every entry a
 * record derives wired in — index positions and unique keys (the record
 * layer's own), search terms and directory cards (this module's) — and an
 * older file brought up to date.
 */
#ifndef PLANDESK_OPEN_H
#define PLANDESK_OPEN_H

#include "plandesk/store/store.h"

/*
 * Open (creating if absent) the database file at `path` (mode 0600; a
 * missing parent directory is created 0700).  A file or directory that
 * may not be written is opened read-only (see pd_store_notice).  Checks
 * the schema version: a database from a newer plandesk is refused with
 * PD_ESCHEMA and nothing is written; an older one opened writable is
 * upgraded (the derived entries it lacks put in one write) before this
 * returns.  Clears stale reader slots (mdb_reader_check).
 * `opts` may be NULL.
 * Returns PD_OK, PD_ESCHEMA, PD_EIO (cannot create or open, or with
 * `read_only` no file at `path`: the reason in err), PD_ECORRUPT (not an LMDB file, another program's LMDB file, a
 * damaged schema version: nothing is written), PD_EDB, PD_ENOMEM.
 */
int pd_store_open(const char *path, const struct pd_open_opts *opts,
		  struct pd_store **out, struct pd_err *err);

#endif
