/*
 * bulk.c — a bulk write (PD_W_BULK, store.h): the database copied into an
 * unnamed file beside it, the write committed there in pieces, and the
 * copy renamed over the file once it is whole.
 *
 * Why: one LMDB write transaction keeps every page it dirties in memory,
 * up to LMDB's dirty list of 131,071 pages (512 MiB), and an import of a
 * million people dirties more than that.  Committed in pieces, memory
 * stays bounded; in a copy nobody sees the pieces, and a failure or a
 * kill -9 leaves the database as it was (the copy, made with O_TMPFILE,
 * has no name until the end and goes with the process).
 *
 * The steps, all under the writer lock (wlock.h), which the caller holds:
 *  1. the copy: mdb_env_copyfd (the file's meta pages as they are, so the
 *     copy's transaction ids go on from the file's), into an unnamed file
 *     in the database's folder, with the file's mode and owner;
 *  2. the write, in the copy opened without a lock file or syncs (nobody
 *     else knows it), committed at each pd_txn_checkpoint and at the
 *     end, then once more, so that both meta pages hold the whole write;
 *  3. the copy synced, named beside the file (linkat), renamed over it,
 *     and the folder synced;
 *  4. this store opened again on the new file, and one small write to it,
 *     which puts the transaction id in the lock file (which stays, with
 *     its reader table) in step with the new file.
 * Other processes open the environment only with the lock shared, so none
 * opens between 3 and 4.  If this process dies there, a reader that opens
 * reads by the lock file's older id: either meta page is whole (step 2),
 * and an id lower than the file's only makes writers keep pages longer.
 */
#define _GNU_SOURCE   /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mdb_err.h"
#include "store_impl.h"
#include "wlock.h"

#define GROW_MIN ((size_t)2 << 30)   /* the copy's map: this much room at least */

/* Where the copy goes: the database's real file, its folder and name. */
struct place {
	char        real[PATH_MAX];
	const char *base;     /* the file's name, in real */
	int         dirfd;
	struct stat sb;
};

/* The copy is made with the file's mode and owner, so it must be a file
 * we could write as its owner would, with no other name. */
static bool can_replace(const struct pd_store *st, struct place *p)
{
	char *slash;

	p->dirfd = -1;
	if (st->read_only || st->lockfd < 0 || !realpath(st->path, p->real) ||
	    stat(p->real, &p->sb) != 0 || !S_ISREG(p->sb.st_mode) ||
	    p->sb.st_nlink != 1 || (p->sb.st_uid != geteuid() && geteuid() != 0))
		return false;
	slash = strrchr(p->real, '/');   /* realpath's answer is absolute */
	p->base = slash + 1;
	*slash = '\0';
	p->dirfd = open(slash == p->real ? "/" : p->real,
			O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	*slash = '/';
	return p->dirfd >= 0;
}

/* 1. The copy, in an unnamed file; -1 when the folder cannot hold one. */
static int copy_file(struct pd_store *st, const struct place *p, int *fdp,
		     struct pd_err *err)
{
	MDB_txn *txn;
	int fd, rc;

	*fdp = -1;
	/* This store on the file the path names now (a bulk write of
	 * another process may have replaced it before the lock was ours). */
	if ((rc = pd_store_begin(st, MDB_RDONLY, &txn)) != MDB_SUCCESS)
		return pd_mdb_err(NULL, rc, err, "write");
	mdb_txn_abort(txn);
	fd = openat(p->dirfd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0)
		return PD_OK;
	if (fchmod(fd, p->sb.st_mode & 07777) != 0 ||
	    (geteuid() == 0 && fchown(fd, p->sb.st_uid, p->sb.st_gid) != 0)) {
		close(fd);
		return PD_OK;
	}
	if ((rc = mdb_env_copyfd(st->env, fd)) != MDB_SUCCESS) {
		close(fd);
		return pd_mdb_io_error(rc) ? pd_mdb_save_err(st, rc, err)
			: pd_mdb_err(NULL, rc, err, "copy");
	}
	*fdp = fd;
	return PD_OK;
}

/* Put "changes" back as it is: a commit that changes nothing else. */
static int touch(MDB_env *env, MDB_dbi meta)
{
	MDB_val k = { 7, "changes" }, v;
	unsigned char b[8] = { 0 };
	MDB_txn *txn;
	int rc;

	if ((rc = mdb_txn_begin(env, NULL, 0, &txn)))
		return rc;
	rc = mdb_get(txn, meta, &k, &v);
	if (rc == MDB_SUCCESS && v.mv_size == 8)
		memcpy(b, v.mv_data, 8);
	v = (MDB_val){ 8, b };
	if ((rc = mdb_put(txn, meta, &k, &v, 0))) {
		mdb_txn_abort(txn);
		return rc;
	}
	return mdb_txn_commit(txn);
}

/* 2 (the last commit) and 3.  PD_OK, or PD_EIO with the file unchanged. */
static int put_in_place(struct pd_store *st, struct pd_store *c,
			const struct place *p, struct pd_err *err)
{
	char proc[64], tmp[NAME_MAX + 1];
	int rc;

	if ((size_t)snprintf(tmp, sizeof tmp, ".%s.bulk", p->base) >= sizeof tmp)
		return pd_err_set(err, PD_EINVAL, "%s: the file name is too long for "
				  "its copy; nothing was changed", st->path);
	/* (The file keeps the copy's map size: LMDB's meta page never records
	 * a smaller one.  It reserves address space only.) */
	if ((rc = touch(c->env, c->dbi[PD_DB_META])) == MDB_SUCCESS)
		rc = mdb_env_sync(c->env, 1);
	mdb_env_close(c->env);
	c->env = NULL;
	if (rc == MDB_SUCCESS && fsync(c->copy_fd) != 0)
		rc = errno;
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", c->copy_fd);
	if (rc == MDB_SUCCESS) {
		/* A name left by a process killed between link and rename. */
		unlinkat(p->dirfd, tmp, 0);
		if (linkat(AT_FDCWD, proc, p->dirfd, tmp, AT_SYMLINK_FOLLOW) != 0)
			rc = errno;
	}
	if (rc == MDB_SUCCESS && renameat(p->dirfd, tmp, p->dirfd, p->base) != 0) {
		rc = errno;
		unlinkat(p->dirfd, tmp, 0);
	}
	if (rc != MDB_SUCCESS)
		return pd_mdb_io_error(rc) ? pd_mdb_save_err(st, rc, err)
			: pd_err_set(err, PD_EIO, "cannot save to %s: %s; nothing was "
				     "changed", st->path, mdb_strerror(rc));
	fsync(p->dirfd);   /* the rename is done; this makes it last */
	return PD_OK;
}

/* 4.  The write is in place whatever this meets: it only catches up. */
static void catch_up(struct pd_store *st)
{
	MDB_txn *txn;

	if (pd_store_begin(st, MDB_RDONLY, &txn) == MDB_SUCCESS)   /* reopens */
		mdb_txn_abort(txn);
	if (st->env)
		touch(st->env, st->dbi[PD_DB_META]);
}

int pd_bulk_write(struct pd_store *st, const char *label, unsigned flags,
		  pd_write_fn fn, void *ctx, bool *done, struct pd_err *err)
{
	struct place p;
	size_t grow = GROW_MIN;
	int rc = PD_OK;

	*done = false;
	if (!can_replace(st, &p))
		goto out;
	for (int tries = 0; tries < 8; tries++, grow *= 2) {
		struct pd_store *c;
		int fd;

		pd_err_clear(err);
		if ((rc = copy_file(st, &p, &fd, err)) != PD_OK || fd < 0) {
			*done = rc != PD_OK;
			goto out;
		}
		*done = true;
		if ((rc = pd_store_open_copy(st, fd, (size_t)p.sb.st_size + grow,
					     &c, err)) != PD_OK) {
			close(fd);
			goto out;
		}
		rc = pd_store_write_once(c, label, flags, fn, ctx, err);
		if (rc == PD_OK && c->committed && !(flags & PD_W_DRY_RUN) &&
		    (rc = put_in_place(st, c, &p, err)) == PD_OK)
			catch_up(st);
		pd_store_close(c);   /* unnamed unless put in place */
		if (rc != PD_EMAPFULL)
			goto out;
	}
	rc = pd_err_set(err, PD_EIO, "database map is full and cannot grow");
out:
	if (p.dirfd >= 0)
		close(p.dirfd);
	return rc;
}
