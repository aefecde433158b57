/*
 * wlock.h — the writer lock, and noticing that the database file was
 * replaced (internal to core).
 *
 * A bulk write (bulk.c) builds a copy of the database and renames it over
 * the file.  Two things make that safe for other processes:
 *  - Every write takes an exclusive flock(2) on the database's lock file
 *    (PATH-lock, which holds LMDB's reader table and which the rename
 *    leaves alone) before it begins, and a bulk write holds it from its
 *    copy to its rename, so nothing is written to the old file meanwhile
 *    and lost.  Opening the environment takes it shared, so nobody opens
 *    while the file changes under the path.
 *  - Every transaction begins by checking that the path still names the
 *    file the environment has open; when it does not, the environment is
 *    opened again on the new file (once no read of this process uses the
 *    old one).
 * flock locks are apart from LMDB's own fcntl locks on that file.  The
 * descriptor stays open as long as the environment: closing any
 * descriptor of the file would drop LMDB's fcntl locks with it.
 */
#ifndef PLANDESK_STORE_WLOCK_H
#define PLANDESK_STORE_WLOCK_H

#include <stdbool.h>

#include "plandesk/base/status.h"

struct pd_store;

/*
 * Open (creating, 0600, unless the store is read-only) the lock file of
 * st->path for the writer lock.  When it cannot be opened (a read-only
 * folder) the store goes without: it cannot write then anyway.
 */
void pd_wlock_open(struct pd_store *st);

/* Close it: only after the environment is closed (see above). */
void pd_wlock_close(struct pd_store *st);

/*
 * Take the writer lock, waiting while another process writes; taken again
 * by the holder it only counts.  Returns PD_OK or PD_EIO (flock failed).
 */
int pd_wlock_take(struct pd_store *st, struct pd_err *err);

/* Give back one pd_wlock_take. */
void pd_wlock_drop(struct pd_store *st);

/* Hold the lock shared while the environment is opened (nothing when this
 * process holds it exclusively already), and let it go. */
void pd_wlock_share(struct pd_store *st);
void pd_wlock_unshare(struct pd_store *st);

/* Remember which file the environment has open (after every open). */
void pd_store_note_file(struct pd_store *st);

/* Does st->path now name another file than the environment's? */
bool pd_store_replaced(const struct pd_store *st);

#endif
