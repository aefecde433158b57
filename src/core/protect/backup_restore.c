/*
 * backup_restore.c — a backup, plain or encrypted, restored as a database
 * (backup.h, pd_backup_restore).  The whole backup is read into a
 * temporary file next to the database, opened and checked there, and only
 * then given the database's name, so that a wrong passphrase, a damaged
 * file or an interrupted restore never leaves a database half-written.
 */
#define _GNU_SOURCE   /* renameat2 */

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plandesk/records/check.h"
#include "plandesk/directory/open.h"
#include "backup_impl.h"
#include "store/store_impl.h"

/* Where the restore goes, and its temporary files. */
struct target {
	const char *path;           /* as the caller named it, for messages */
	char        dest[4096];     /* what the temporary becomes */
	char        tmp[4096 + 8];  /* dest + ".XXXXXX" */
	char        lock[4096 + 16];/* the temporary's LMDB lock file */
	bool        made;           /* tmp exists */
};

/*
 * Another process has the database open: LMDB holds a lock on the first
 * byte of its lock file for as long as the environment is open.
 */
static bool in_use(const char *db)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_len = 1 };
	char lock[4096 + 8];
	bool busy = false;
	int fd;

	if (snprintf(lock, sizeof lock, "%s-lock", db) >= (int)sizeof lock)
		return false;
	if ((fd = open(lock, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0)
		return false;
	if (fcntl(fd, F_GETLK, &fl) == 0)
		busy = fl.l_type != F_UNLCK;
	close(fd);
	return busy;
}

/*
 * Work out dest (through a symbolic link, the file it names, as save.c
 * does) and refuse what may not be replaced.
 */
static int aim(struct target *t, const char *path, bool force, struct pd_err *err)
{
	struct stat sb;
	char *real = NULL;
	int n;

	memset(t, 0, sizeof *t);
	t->path = path;
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) && !(real = realpath(path, NULL)))
		return pd_err_set(err, PD_EINVAL, "%s is a link to nothing (%s)",
				  path, strerror(errno));
	n = snprintf(t->dest, sizeof t->dest, "%s", real ? real : path);
	free(real);
	if (n < 0 || (size_t)n >= sizeof t->dest)
		return pd_err_set(err, PD_EINVAL, "%s: the name is too long", path);
	snprintf(t->tmp, sizeof t->tmp, "%s.XXXXXX", t->dest);
	if (stat(t->dest, &sb) != 0)
		return PD_OK;
	if (S_ISDIR(sb.st_mode))
		return pd_err_set(err, PD_EINVAL, "%s is a folder: give the name of "
				  "the database file to create", path);
	if (!S_ISREG(sb.st_mode))
		return pd_err_set(err, PD_EINVAL, "%s is not a file a database can "
				  "be restored to", path);
	if (!force)
		return pd_err_set(err, PD_ECONFLICT, "%s already exists: restore into "
				  "a new file, or replace it with --force", path);
	if (in_use(t->dest))
		return pd_err_set(err, PD_ECONFLICT, "%s is open in plandesk: close "
				  "it before replacing it", path);
	return PD_OK;
}

/* The plain backup, whose first `n` bytes are already in `head`, to `out`. */
static int copy_plain(int in, const unsigned char *head, size_t n, int out,
		      const struct target *t, const char *src, struct pd_err *err)
{
	unsigned char buf[65536];
	size_t got = n;

	if (pd_write_full(out, head, n) != PD_OK)
		return pd_err_set(err, PD_EIO, "cannot write %s: %s", t->path,
				  strerror(errno));
	while (got) {
		if (pd_read_full(in, buf, sizeof buf, &got) != PD_OK)
			return pd_err_set(err, PD_EIO, "cannot read %s: %s", src,
					  strerror(errno));
		if (got && pd_write_full(out, buf, got) != PD_OK)
			return pd_err_set(err, PD_EIO, "cannot write %s: %s", t->path,
					  strerror(errno));
	}
	return PD_OK;
}

struct check_ctx {
	size_t n;
	char   first[256];
};

static void note_problem(void *ctx, const char *problem)
{
	struct check_ctx *c = ctx;

	if (!c->n++)
		snprintf(c->first, sizeof c->first, "%s", problem);
}

/* Open what was restored as a plandesk store and check all of it. */
static int verify(const struct target *t, const char *src, struct pd_err *err)
{
	struct pd_open_opts opts = { .read_only = true };
	struct check_ctx cc = { 0 };
	struct pd_store *st;
	struct pd_err e = { 0 };
	int rc = pd_store_open(t->tmp, &opts, &st, &e);

	if (rc == PD_ESCHEMA)
		return pd_err_set(err, rc, "%s holds a database from a newer "
				  "plandesk", src);
	if (rc == PD_ENOMEM)
		return pd_err_nomem(err);
	if (rc != PD_OK)
		return pd_err_set(err, PD_ECORRUPT, "%s is not a plandesk backup: "
			"what it holds does not open as a plandesk database", src);
	rc = pd_check(st, note_problem, &cc, NULL, &e);
	pd_store_close(st);
	if (rc != PD_OK)
		return pd_err_set(err, rc, "%s: the check of the restored database "
				  "failed: %s", src, e.msg);
	if (cc.n)
		return pd_err_set(err, PD_ECORRUPT, "%s: the database in it has %zu "
			"problem%s (the first: %s)", src, cc.n,
			cc.n == 1 ? "" : "s", cc.first);
	return PD_OK;
}

/* Flush the directory holding `path`, so the new name survives a crash. */
static void sync_dir(const char *path)
{
	char dir[4096];
	int fd;

	snprintf(dir, sizeof dir, "%s", path);
	if ((fd = open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/*
 * Give the temporary the database's name: renamed over an old database
 * (force), else put there only if nothing is there yet — renameat2's
 * RENAME_NOREPLACE, or link(2) where the filesystem lacks it.
 */
static int place(const struct target *t, bool force, struct pd_err *err)
{
	int rc = 0;

	if (force) {
		rc = rename(t->tmp, t->dest);
	} else if ((rc = renameat2(AT_FDCWD, t->tmp, AT_FDCWD, t->dest,
				   RENAME_NOREPLACE)) != 0 &&
		   (errno == EINVAL || errno == ENOSYS)) {
		if ((rc = link(t->tmp, t->dest)) == 0)
			unlink(t->tmp);
	}
	if (rc == 0) {
		sync_dir(t->dest);
		return PD_OK;
	}
	if (errno == EEXIST)
		return pd_err_set(err, PD_ECONFLICT, "%s appeared while restoring",
				  t->path);
	return pd_err_set(err, PD_EIO, "cannot save %s: %s", t->path, strerror(errno));
}

/*
 * Into the temporary (in a folder made 0700 if need be, as a new
 * database's is): decrypted by `r`, every chunk verified, or, without
 * one, copied; then flushed.
 */
static int fill(struct target *t, int in, const char *src, const unsigned char *head,
		size_t n, struct pd_crypt_reader *r, struct pd_err *err)
{
	int out, rc;

	if ((rc = pd_make_parent_dirs(t->dest, err)) != PD_OK)
		return rc;
	if ((out = mkstemp(t->tmp)) < 0)   /* created 0600 */
		return pd_err_set(err, PD_EIO, "cannot create %s: %s", t->path,
				  strerror(errno));
	t->made = true;
	snprintf(t->lock, sizeof t->lock, "%s-lock", t->tmp);
	rc = r ? pd_crypt_pull(r, out, t->path, err)
		    : copy_plain(in, head, n, out, t, src, err);
	if (rc == PD_OK && fsync(out) != 0)
		rc = pd_err_set(err, PD_EIO, "cannot write %s: %s", t->path,
				strerror(errno));
	if (close(out) != 0 && rc == PD_OK)
		rc = pd_err_set(err, PD_EIO, "cannot write %s: %s", t->path,
				strerror(errno));
	return rc;
}

int pd_backup_restore(const char *src, const char *dest, const char *pass,
		      size_t passlen, unsigned flags, struct pd_err *err)
{
	const bool force = flags & PD_RESTORE_FORCE;
	unsigned char head[PD_BACKUP_HEADER];
	struct pd_crypt_reader r = { .in = -1 };
	struct pd_backup_info info;
	struct target t = { .path = dest };
	struct stat sb;
	size_t got;
	int in, rc;

	if ((in = open(src, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0)
		return pd_err_set(err, PD_EIO, "cannot open %s: %s", src,
				  strerror(errno));
	if (fstat(in, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		close(in);
		return pd_err_set(err, PD_EIO, "%s is a folder, not a backup", src);
	}
	rc = pd_read_full(in, head, sizeof head, &got);
	if (rc != PD_OK)
		rc = pd_err_set(err, PD_EIO, "cannot read %s: %s", src, strerror(errno));
	else if ((rc = pd_backup_parse(head, got, &info, err)) != PD_OK)
		pd_err_prefix(err, "%s: ", src);
	if (rc == PD_OK)
		rc = aim(&t, dest, force, err);
	/* A wrong passphrase is found before anything is created. */
	if (rc == PD_OK && info.kind == PD_BACKUP_ENCRYPTED)
		rc = pd_crypt_open(&r, in, src, head, pass, passlen, err);
	if (rc == PD_OK)
		rc = fill(&t, in, src, head, got,
			  info.kind == PD_BACKUP_ENCRYPTED ? &r : NULL, err);
	pd_crypt_close(&r);
	close(in);
	if (rc == PD_OK)
		rc = verify(&t, src, err);
	if (t.made && t.lock[0])
		unlink(t.lock);
	if (rc == PD_OK)
		rc = place(&t, force, err);
	if (rc != PD_OK && t.made)
		unlink(t.tmp);
	return rc;
}
