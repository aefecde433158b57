/*
 * wlock.c — the writer lock on the lock file, and noticing a replaced
 * database file (wlock.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "handles.h"
#include "wlock.h"

void pd_wlock_open(struct pd_store *st)
{
	char lock[4200];
	int flags = O_CLOEXEC | (st->read_only ? O_RDONLY : O_RDWR | O_CREAT);

	st->lockfd = -1;
	if ((size_t)snprintf(lock, sizeof lock, "%s-lock", st->path) >= sizeof lock)
		return;
	st->lockfd = open(lock, flags, 0600);
	if (st->lockfd < 0 && !st->read_only)
		st->lockfd = open(lock, O_RDONLY | O_CLOEXEC);
}

void pd_wlock_close(struct pd_store *st)
{
	if (st->lockfd >= 0)
		close(st->lockfd);
	st->lockfd = -1;
	st->wlock_depth = 0;
}

static int lock(int fd, int op)
{
	int rc;

	while ((rc = flock(fd, op)) != 0 && errno == EINTR)
		;
	return rc;
}

int pd_wlock_take(struct pd_store *st, struct pd_err *err)
{
	if (st->lockfd < 0 || st->wlock_depth++)
		return PD_OK;
	if (lock(st->lockfd, LOCK_EX) == 0)
		return PD_OK;
	st->wlock_depth = 0;
	return pd_err_set(err, PD_EIO, "cannot lock %s-lock for writing: %s; nothing "
			  "was changed", st->path, strerror(errno));
}

void pd_wlock_drop(struct pd_store *st)
{
	if (st->lockfd >= 0 && st->wlock_depth && !--st->wlock_depth)
		lock(st->lockfd, LOCK_UN);
}

/* A failed shared lock only loses the wait for a bulk write's rename,
 * which the check at each transaction's beginning makes up for. */
void pd_wlock_share(struct pd_store *st)
{
	if (st->lockfd >= 0 && !st->wlock_depth)
		lock(st->lockfd, LOCK_SH);
}

void pd_wlock_unshare(struct pd_store *st)
{
	if (st->lockfd >= 0 && !st->wlock_depth)
		lock(st->lockfd, LOCK_UN);
}

void pd_store_note_file(struct pd_store *st)
{
	struct stat sb;
	int fd;

	st->file_dev = 0;
	st->file_ino = 0;
	if (st->env && mdb_env_get_fd(st->env, &fd) == MDB_SUCCESS && fstat(fd, &sb) == 0) {
		st->file_dev = sb.st_dev;
		st->file_ino = sb.st_ino;
	}
}

bool pd_store_replaced(const struct pd_store *st)
{
	struct stat sb;

	if (!st->file_ino || stat(st->path, &sb) != 0)
		return false;   /* gone: what is open is all there is */
	return sb.st_ino != st->file_ino || sb.st_dev != st->file_dev;
}
