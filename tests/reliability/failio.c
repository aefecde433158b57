/* failio.c — an LD_PRELOAD shim that fails the Nth write to a database,
 * for tests/reliability/fault_sweep.sh.
 *
 * It wraps the calls liblmdb makes to put pages on disk (write, pwrite,
 * pwrite64, writev, fsync, fdatasync, msync: on Debian 12 a commit is
 * writev of the dirty pages, fdatasync, then pwrite of the meta page on
 * a second, O_DSYNC descriptor) and counts those on the database file
 * and its lock file only: a failed write to stderr or to an export says
 * nothing about the database.  Each descriptor's path is read once from
 * /proc/self/fd and kept until close(); msync names no descriptor and is
 * always counted (the program maps no other file it syncs).
 *
 *	FAILIO_PATH	the database file (absolute, as /proc shows it); its
 *			"-lock" file counts too
 *	FAILIO_N	fail the Nth counted call (1 is the first) ...
 *	FAILIO_ERRNO	... with EIO or ENOSPC (default EIO)
 *	FAILIO_COUNT	when 1, fail nothing and write the number of counted
 *			calls to the file FAILIO_REPORT at exit
 *	FAILIO_TMP	when 1, count instead the calls on unnamed files in
 *			the database's folder (a large write's sorted runs,
 *			store/queue_runs.c: /proc shows "DIR/#123 (deleted)"),
 *			and not msync
 *	FAILIO_READ	when 1 (with FAILIO_TMP), count the pread and pread64
 *			calls on those files instead of the writes: the runs
 *			read back by the flush's read-ahead thread
 *			(store/queue_stream.c)
 *
 * A test tool, not part of the program: its counters are process-wide
 * statics, and it is not thread-safe beyond what plandesk needs (the
 * calls it counts are made by one thread at a time: the runs' writes by
 * the sorting thread, their reads by the read-ahead thread, which start
 * and end in turn).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define FAILIO_FDS 1024   /* descriptors above this are never counted */

enum { FD_UNKNOWN, FD_DB, FD_OTHER };

static unsigned char fd_kind[FAILIO_FDS];
static unsigned long calls;
static unsigned long fail_at;   /* 0: fail nothing */
static int fail_errno = EIO;
static int count_only;
static int count_reads;   /* FAILIO_READ: preads, not writes */
static const char *db_path;
static size_t db_len;
static size_t dir_len;   /* FAILIO_TMP: db_path's folder and its slash */

static void failio_report(void)
{
	const char *out = getenv("FAILIO_REPORT");
	FILE *f;

	if (out && (f = fopen(out, "w"))) {
		fprintf(f, "%lu\n", calls);
		fclose(f);
	}
}

__attribute__((constructor)) static void failio_init(void)
{
	const char *n = getenv("FAILIO_N"), *e = getenv("FAILIO_ERRNO");
	const char *c = getenv("FAILIO_COUNT"), *t;

	db_path = getenv("FAILIO_PATH");
	db_len = db_path ? strlen(db_path) : 0;
	if (n)
		fail_at = strtoul(n, NULL, 10);
	if (e && strcmp(e, "ENOSPC") == 0)
		fail_errno = ENOSPC;
	if ((t = getenv("FAILIO_TMP")) && strcmp(t, "1") == 0 && db_path &&
	    strrchr(db_path, '/'))
		dir_len = (size_t)(strrchr(db_path, '/') - db_path) + 1;
	if ((t = getenv("FAILIO_READ")) && strcmp(t, "1") == 0 && dir_len)
		count_reads = 1;
	if (c && strcmp(c, "1") == 0) {
		count_only = 1;
		fail_at = 0;
		atexit(failio_report);
	}
}

/* Is (path, n) an unnamed file right in the database's folder? */
static int is_tmp(const char *path, size_t n)
{
	static const char gone[] = " (deleted)";
	size_t g = sizeof gone - 1;

	return n > dir_len + g && memcmp(path, db_path, dir_len) == 0 &&
	       !memchr(path + dir_len, '/', n - dir_len) &&
	       memcmp(path + n - g, gone, g) == 0;
}

/* True when fd is the database or its lock file, or with FAILIO_TMP an
 * unnamed file beside it (read once per fd). */
static int is_db(int fd)
{
	char link[64], path[4096];
	ssize_t n;

	if (fd < 0 || fd >= FAILIO_FDS || !db_path)
		return 0;
	if (fd_kind[fd] == FD_UNKNOWN) {
		snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
		n = readlink(link, path, sizeof path - 1);
		fd_kind[fd] = FD_OTHER;
		if (dir_len) {
			if (n > 0 && is_tmp(path, (size_t)n))
				fd_kind[fd] = FD_DB;
		} else if (n > 0 && (size_t)n >= db_len && memcmp(path, db_path, db_len) == 0 &&
		    ((size_t)n == db_len ||
		     ((size_t)n == db_len + 5 && memcmp(path + db_len, "-lock", 5) == 0)))
			fd_kind[fd] = FD_DB;
	}
	return fd_kind[fd] == FD_DB;
}

/* Count one call; true when this is the one to fail (errno is set). */
static int hit(void)
{
	if (++calls != fail_at)
		return 0;
	errno = fail_errno;
	return 1;
}

/* Set the function pointer at slot to the next definition of name (POSIX
 * lets dlsym's object pointer stand for a function; memcpy says so to C). */
static void resolve(void *slot, const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (!f) {
		fprintf(stderr, "failio: %s not found\n", name);
		abort();
	}
	memcpy(slot, &f, sizeof f);
}

int close(int fd)
{
	static int (*real)(int);

	if (!real)
		resolve(&real, "close");
	if (fd >= 0 && fd < FAILIO_FDS)
		fd_kind[fd] = FD_UNKNOWN;
	return real(fd);
}

ssize_t write(int fd, const void *buf, size_t len)
{
	static ssize_t (*real)(int, const void *, size_t);

	if (!real)
		resolve(&real, "write");
	if (!count_reads && is_db(fd) && hit())
		return -1;
	return real(fd, buf, len);
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);

	if (!real)
		resolve(&real, "pwrite");
	if (!count_reads && is_db(fd) && hit())
		return -1;
	return real(fd, buf, len, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t len, off64_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off64_t);

	if (!real)
		resolve(&real, "pwrite64");
	if (!count_reads && is_db(fd) && hit())
		return -1;
	return real(fd, buf, len, off);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	static ssize_t (*real)(int, const struct iovec *, int);

	if (!real)
		resolve(&real, "writev");
	if (!count_reads && is_db(fd) && hit())
		return -1;
	return real(fd, iov, n);
}

int fsync(int fd)
{
	static int (*real)(int);

	if (!real)
		resolve(&real, "fsync");
	if (!count_reads && is_db(fd) && hit())
		return -1;
	return real(fd);
}

int fdatasync(int fd)
{
	static int (*real)(int);

	if (!real)
		resolve(&real, "fdatasync");
	if (!count_reads && is_db(fd) && hit())
		return -1;
	return real(fd);
}

int msync(void *addr, size_t len, int flags)
{
	static int (*real)(void *, size_t, int);

	if (!real)
		resolve(&real, "msync");
	if (!dir_len && !count_reads && hit())
		return -1;
	return real(addr, len, flags);
}

ssize_t pread(int fd, void *buf, size_t len, off_t off)
{
	static ssize_t (*real)(int, void *, size_t, off_t);

	if (!real)
		resolve(&real, "pread");
	if (count_reads && is_db(fd) && hit())
		return -1;
	return real(fd, buf, len, off);
}

ssize_t pread64(int fd, void *buf, size_t len, off64_t off)
{
	static ssize_t (*real)(int, void *, size_t, off64_t);

	if (!real)
		resolve(&real, "pread64");
	if (count_reads && is_db(fd) && hit())
		return -1;
	return real(fd, buf, len, off);
}
