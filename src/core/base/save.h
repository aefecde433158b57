/*
 * save.h — writing a file so that a failure leaves the old one as it was
 * (internal to core: documents, exports and backups).
 *
 * A regular file (or a new one) is written to a temporary file (mode 0600)
 * next to it, flushed to disk and renamed over it; through a symbolic
 * link, the file the link names is replaced, not the link.  Anything else
 * — /dev/null, a terminal, /dev/stdout onto a pipe, a named pipe — is
 * written in place: renaming over it would replace a device node with a
 * file (as root, /dev/null itself).
 */
#ifndef PLANDESK_SAVE_H
#define PLANDESK_SAVE_H

#include <stdbool.h>

#include "plandesk/base/status.h"

struct pd_save {
	int         fd;          /* write here */
	bool        in_place;    /* no temporary: fd is the file itself */
	const char *path;        /* as the caller named it, for messages */
	char        dest[4096];  /* what the temporary is renamed to */
	char        tmp[4096 + 8];
};

/*
 * Open a save to `path` into *sv (sv->fd to write to).
 * Returns PD_OK, PD_EINVAL (a path too long), PD_EIO (cannot create or
 * open: the reason in err).
 */
int pd_save_open(struct pd_save *sv, const char *path, struct pd_err *err);

/*
 * Write n bytes at p to the save.  Returns PD_OK, PD_EIO (err filled).
 */
int pd_save_write(struct pd_save *sv, const void *p, size_t n, struct pd_err *err);

/*
 * Finish the save: flush, close and rename into place; on any failure
 * the temporary is removed and the old file left.  `rc` is the status of
 * the writing so far: anything but PD_OK abandons the save (and is
 * returned).  Returns PD_OK, PD_EIO (err filled), or rc.
 */
int pd_save_close(struct pd_save *sv, int rc, struct pd_err *err);

#endif
