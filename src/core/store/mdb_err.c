/*
 * mdb_err.c — LMDB's return codes as plandesk statuses, with a message
 * that says what failed (mdb_err.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "handles.h"
#include "mdb_err.h"

bool pd_mdb_io_error(int rc)
{
	return rc == ENOSPC || rc == EFBIG || rc == EIO || rc == EDQUOT;
}

/*
 * A write to the file failed.  LMDB turns a short write — what a full disk
 * or the file-size limit (ulimit -f) gives — into EIO, so look at the file
 * and its filesystem to say which.  The transaction is lost, the file is as
 * it was: nothing was changed.
 */
int pd_mdb_save_err(const struct pd_store *st, int rc, struct pd_err *err)
{
	struct rlimit rl;
	struct statvfs fs;
	struct stat sb;

	if (rc == EFBIG || (getrlimit(RLIMIT_FSIZE, &rl) == 0 &&
			    rl.rlim_cur != RLIM_INFINITY && stat(st->path, &sb) == 0 &&
			    (rlim_t)sb.st_size + 4096 > rl.rlim_cur))
		return pd_err_set(err, PD_EIO, "cannot save to %s: the file has "
			"reached the file-size limit (ulimit -f); nothing was changed",
			st->path);
	if (rc == EDQUOT)
		return pd_err_set(err, PD_EIO, "cannot save to %s: the disk quota is "
			"used up; nothing was changed", st->path);
	if (rc == ENOSPC || (statvfs(st->path, &fs) == 0 &&
			     (unsigned long long)fs.f_bavail * fs.f_frsize < (1u << 20)))
		return pd_err_set(err, PD_EIO, "cannot save to %s: no space left on "
			"the disk; nothing was changed", st->path);
	return pd_err_set(err, PD_EIO, "cannot save to %s: %s; nothing was changed",
			  st->path, strerror(rc));
}

int pd_mdb_err(struct pd_txn *txn, int rc, struct pd_err *err, const char *what)
{
	if (rc == MDB_SUCCESS)
		return PD_OK;
	if (rc == MDB_NOTFOUND)
		return PD_NOTFOUND;
	if (rc == MDB_MAP_FULL) {
		if (txn)
			txn->mapfull = true;
		return pd_err_set(err, PD_EMAPFULL, "%s: database map is full", what);
	}
	if (rc == MDB_CORRUPTED || rc == MDB_INVALID || rc == MDB_PAGE_NOTFOUND)
		return pd_err_set(err, PD_ECORRUPT, "%s: %s", what, mdb_strerror(rc));
	if (rc == EACCES || rc == EROFS)
		return pd_err_set(err, PD_EREADONLY, "%s: %s", what, strerror(rc));
	if (pd_mdb_io_error(rc) && txn && txn->write)   /* a spill of dirty pages */
		return pd_mdb_save_err(txn->st, rc, err);
	if (pd_mdb_io_error(rc))
		return pd_err_set(err, PD_EIO, "%s: %s", what, strerror(rc));
	if (rc == ENOMEM)
		return pd_err_set(err, PD_ENOMEM, "%s: out of memory", what);
	return pd_err_set(err, PD_EDB, "%s: %s", what, mdb_strerror(rc));
}
