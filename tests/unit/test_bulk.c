/*
 * test_bulk.c — a bulk write (PD_W_BULK, store.h; store/bulk.c): an
 * import built in a copy committed in pieces and renamed over the file.
 * It must leave the same database as one transaction does, replace the
 * file only when whole, and leave it untouched when it fails; another
 * process goes on with the new file, its writes not lost.
 */
#include "testdb.h"

#include <fcntl.h>
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <lmdb.h>

#include "csvtest.h"
#include "plandesk/records/codec.h"
#include "plandesk/base/buf.h"
#include "plandesk/records/check.h"
#include "plandesk/transfer/transfer.h"

#define ROWS 1500

/* Each test: the store opened on a fresh folder by open_with. */
static void setup(void)
{
	/* A bulk write commits every 11 rows (the flush every 176 entries):
	 * a small file is built in hundreds of pieces. */
	setenv("PLANDESK_CHECKPOINT", "11", 1);
	tdb_mkdir();
}

static void teardown(void)
{
	tdb_teardown();
	unsetenv("PLANDESK_CHECKPOINT");
}

TestSuite(bulk, .init = setup, .fini = teardown);

static void open_with(size_t bulk_bytes)
{
	struct pd_open_opts o = { .bulk_bytes = bulk_bytes, .sort_bytes = 64 << 10 };

	tdb_open(&o);
}

/* People as a directory export has them: some without an address, some
 * in the file twice (the later row updates the earlier), notes with
 * commas and line breaks, organisations shared. */
static void people_csv(struct pd_buf *b, int rows, int seed)
{
	static const char *first[] = { "Ann", "Zoë", "Kofi", "Siân", "Tom", "Mei" };
	static const char *last[] = { "Smith", "O'Neil", "Ng", "Davies", "Kowalski" };

	pd_buf_reset(b);
	pd_buf_puts(b, "Name,Role,Organisation,Email,Notes\n");
	for (int i = 0; i < rows; i++) {
		int k = i % 97 == 5 ? i - 3 : i;   /* now and then a row again */
		char line[512], email[64] = "";
		if (k % 11)
			snprintf(email, sizeof email, "p%d@example.org", k);
		snprintf(line, sizeof line, "%s %s %d,\"%s\",Agency %d,%s,\"%s\"\n",
			 first[(k + seed) % 6], last[k % 5], k,
			 k % 3 ? "Family Worker" : "Lead, Early Help", k % 41, email,
			 k % 13 ? "" : "met at the hub,\nsecond line");
		pd_buf_puts(b, line);
	}
}

static int import_buf(const struct pd_buf *csv, bool dry, struct pd_import_stats *st,
		      struct pd_err *err)
{
	struct pd_import_opts o = { .kind = PD_PERSON, .name = "people.csv", .dry_run = dry };

	return pd_import_mem(tdb.st, csv->p, csv->n, &o, st, err);
}

static ino_t inode(void)
{
	struct stat sb;

	cr_assert_eq(stat(tdb.path, &sb), 0);
	return sb.st_ino;
}

/* --- the file's tables, compared ------------------------------------------ */

/* A record's value without its created and updated times (tags 1 and 2,
 * records/codec.h), which two imports a second apart differ in. */
static void strip_times(const MDB_val *v, struct pd_buf *out)
{
	const unsigned char *p = v->mv_data, *end = p + v->mv_size;

	pd_buf_reset(out);
	cr_assert(v->mv_size >= 1 && (p[0] == PD_CODEC_VERSION_1 || p[0] == PD_CODEC_VERSION));
	pd_buf_putc(out, *p++);
	while (p < end) {
		const unsigned char *f = p++;
		size_t len = 0;
		for (int shift = 0; p < end; shift += 7) {
			len |= (size_t)(*p & 0x7f) << shift;
			if (!(*p++ & 0x80))
				break;
		}
		cr_assert_leq(len, (size_t)(end - p));
		if (*f != 1 && *f != 2)
			pd_buf_add(out, f, (size_t)(p - f) + len);
		p += len;
	}
}

/* Is `name` a table whose values hold the times of the write? */
static bool timed(const char *name)
{
	static const char *const kinds[] = { "org", "person", "plan", "theme", "item",
					     "action", "update", "meeting" };

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(name, kinds[i]))
			return true;
	return false;
}

/* Every named table of the two files holds the same pairs (records
 * without their times; the journal's keys, not its times). */
static void expect_same_tables(const char *a, const char *b)
{
	MDB_env *env[2];
	MDB_txn *txn[2];
	MDB_dbi main[2];
	MDB_cursor *names;
	MDB_val k, v;
	struct pd_buf x = PD_BUF_INIT, y = PD_BUF_INIT;
	const char *path[2] = { a, b };
	size_t tables = 0;

	for (int i = 0; i < 2; i++) {
		cr_assert_eq(mdb_env_create(&env[i]), 0);
		cr_assert_eq(mdb_env_set_maxdbs(env[i], 32), 0);
		cr_assert_eq(mdb_env_open(env[i], path[i], MDB_NOSUBDIR | MDB_RDONLY |
					  MDB_NOLOCK, 0600), 0);
		cr_assert_eq(mdb_txn_begin(env[i], NULL, MDB_RDONLY, &txn[i]), 0);
		cr_assert_eq(mdb_dbi_open(txn[i], NULL, 0, &main[i]), 0);
	}
	cr_assert_eq(mdb_cursor_open(txn[0], main[0], &names), 0);
	while (mdb_cursor_get(names, &k, &v, MDB_NEXT) == 0) {
		char name[64];
		MDB_dbi d[2];
		MDB_cursor *c[2];
		MDB_val k2[2], v2[2];
		size_t n = 0;
		int r0, r1;

		cr_assert_lt(k.mv_size, sizeof name);
		memcpy(name, k.mv_data, k.mv_size);
		name[k.mv_size] = '\0';
		for (int i = 0; i < 2; i++) {
			cr_assert_eq(mdb_dbi_open(txn[i], name, 0, &d[i]), 0, "%s in %s", name, path[i]);
			cr_assert_eq(mdb_cursor_open(txn[i], d[i], &c[i]), 0);
		}
		for (;;) {
			r0 = mdb_cursor_get(c[0], &k2[0], &v2[0], MDB_NEXT);
			r1 = mdb_cursor_get(c[1], &k2[1], &v2[1], MDB_NEXT);
			cr_assert_eq(r0, r1, "%s: one has more entries (after %zu)", name, n);
			if (r0)
				break;
			n++;
			cr_assert(k2[0].mv_size == k2[1].mv_size &&
				  !memcmp(k2[0].mv_data, k2[1].mv_data, k2[0].mv_size),
				  "%s: key %zu differs", name, n);
			if (!strcmp(name, "undo") || !strcmp(name, "redo") ||
			    !strcmp(name, "disclosures"))
				continue;   /* the journal's values hold the time */
			if (timed(name)) {
				strip_times(&v2[0], &x);
				strip_times(&v2[1], &y);
				cr_assert(x.n == y.n && !memcmp(x.p, y.p, x.n),
					  "%s: record %zu differs", name, n);
			} else {
				cr_assert(v2[0].mv_size == v2[1].mv_size &&
					  !memcmp(v2[0].mv_data, v2[1].mv_data, v2[0].mv_size),
					  "%s: value %zu differs", name, n);
			}
		}
		mdb_cursor_close(c[0]);
		mdb_cursor_close(c[1]);
		tables++;
	}
	cr_expect_geq(tables, 20, "the named tables were walked");
	mdb_cursor_close(names);
	for (int i = 0; i < 2; i++) {
		mdb_txn_abort(txn[i]);
		mdb_env_close(env[i]);
	}
	pd_buf_free(&x);
	pd_buf_free(&y);
}

/* --- tests ------------------------------------------------------------------- */

Test(bulk, the_same_database_as_one_write)
{
	struct pd_buf csv = PD_BUF_INIT;
	struct pd_import_stats one, bulk;
	struct pd_err err = { 0 };
	char other[100];

	snprintf(other, sizeof other, "%s/one.db", tdb.dir);
	/* What is there before: a first import, then the same rows and more
	 * (updates, unchanged rows, new ones) into each of the two. */
	open_with(SIZE_MAX);
	people_csv(&csv, ROWS / 3, 0);
	cr_assert_eq(import_buf(&csv, false, NULL, &err), PD_OK, "%s", err.msg);
	tdb_close();
	{
		char cmd[400];
		snprintf(cmd, sizeof cmd, "cp %s %s", tdb.path, other);
		cr_assert_eq(system(cmd), 0);
	}
	people_csv(&csv, ROWS, 1);

	open_with(1);   /* every import is a bulk write */
	cr_assert_eq(import_buf(&csv, false, &bulk, &err), PD_OK, "%s", err.msg);
	tdb_close();

	snprintf(tdb.path, sizeof tdb.path, "%s", other);
	open_with(SIZE_MAX);   /* none is */
	cr_assert_eq(import_buf(&csv, false, &one, &err), PD_OK, "%s", err.msg);
	tdb_close();
	snprintf(tdb.path, sizeof tdb.path, "%s/test.db", tdb.dir);

	cr_expect_eq(bulk.added, one.added);
	cr_expect_eq(bulk.updated, one.updated);
	cr_expect_eq(bulk.unchanged, one.unchanged);
	cr_expect_gt(bulk.added, 0);
	cr_expect_gt(bulk.updated, 0);
	expect_same_tables(tdb.path, other);
	open_with(0);
	{
		size_t problems = 1;
		cr_assert_eq(pd_check(tdb.st, NULL, NULL, &problems, &err), PD_OK, "%s", err.msg);
		cr_expect_eq(problems, 0, "check after the bulk import");
	}
	pd_buf_free(&csv);
}

Test(bulk, replaces_the_file_whole)
{
	struct pd_buf csv = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct stat sb;
	ino_t before;
	uint64_t n0, n1;

	open_with(1);
	cr_assert_eq(pd_store_changes(tdb.st, &n0, NULL), PD_OK);
	before = inode();
	people_csv(&csv, 500, 0);
	cr_assert_eq(import_buf(&csv, false, NULL, &err), PD_OK, "%s", err.msg);
	cr_expect_neq(inode(), before, "the file was not replaced");
	cr_assert_eq(stat(tdb.path, &sb), 0);
	cr_expect_eq(sb.st_mode & 0777, 0600, "mode %o", sb.st_mode & 0777);
	cr_expect_eq(tdb_strays(), 0);
	/* This store goes on with the new file. */
	cr_assert_eq(pd_store_changes(tdb.st, &n1, NULL), PD_OK);
	cr_expect_eq(n1, n0 + 1, "the change counter: %llu then %llu",
		     (unsigned long long)n0, (unsigned long long)n1);
	/* And undo takes the whole import back, as it would one write. */
	cr_assert_eq(pd_store_undo(tdb.st, NULL, 0, &err), PD_OK, "%s", err.msg);
	{
		struct pd_txn *txn;
		size_t n;
		cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
		cr_assert_eq(pd_count_kind(txn, PD_PERSON, &n), PD_OK);
		pd_txn_end(txn);
		cr_expect_eq(n, 0, "undo left %zu people", n);
	}
	pd_buf_free(&csv);
}

/* The file's bytes. */
static char *file_bytes(size_t *n)
{
	return slurp(tdb.path, n);
}

Test(bulk, a_failed_or_dry_import_leaves_the_file_as_it_was)
{
	struct pd_buf csv = PD_BUF_INIT;
	struct pd_err err = { 0 };
	char *before, *after;
	size_t nb, na;
	ino_t ino;

	open_with(SIZE_MAX);
	people_csv(&csv, 200, 0);
	cr_assert_eq(import_buf(&csv, false, NULL, &err), PD_OK, "%s", err.msg);
	tdb_close();
	before = file_bytes(&nb);
	ino = inode();

	open_with(1);
	people_csv(&csv, 2000, 3);
	pd_buf_puts(&csv, ",Nobody\n");   /* the last row has no name */
	cr_expect_eq(import_buf(&csv, false, NULL, &err), PD_EINVAL);
	cr_expect(strstr(err.msg, "name") != NULL, "message: %s", err.msg);
	people_csv(&csv, 2000, 3);
	cr_expect_eq(import_buf(&csv, true, NULL, &err), PD_OK, "dry run: %s", err.msg);
	tdb_close();

	after = file_bytes(&na);
	cr_expect_eq(inode(), ino, "the file was replaced");
	cr_expect(na == nb && !memcmp(before, after, nb), "the file changed");
	cr_expect_eq(tdb_strays(), 0);
	free(before);
	free(after);
	pd_buf_free(&csv);
}

/* --- another process ------------------------------------------------------------ */

static size_t people_now(struct pd_store *st)
{
	struct pd_txn *txn;
	size_t n = 0;

	if (pd_txn_read(st, &txn, NULL) != PD_OK)
		return (size_t)-1;
	pd_count_kind(txn, PD_PERSON, &n);
	pd_txn_end(txn);
	return n;
}

struct one_person { const char *name; };

static int add_person(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct one_person *p = ctx;
	struct pd_record r = make_person(p->name, NULL, NULL, 0);
	int rc = pd_put(txn, &r, err);

	pd_record_clear(&r);
	return rc;
}

/*
 * A child opens the database before the bulk import and waits; after it,
 * the child's next read sees the new file, and its write goes into it
 * (not into the old file the rename left behind).  Exit status: 0, or
 * what went wrong.
 */
static int child(int go)
{
	struct pd_store *st;
	struct pd_err err = { 0 };
	struct one_person p = { "Written By The Other Process" };
	size_t n;

	if (pd_store_open(tdb.path, NULL, &st, &err) != PD_OK)
		return 10;
	if (people_now(st) != 0)
		return 11;
	/* Opened: say so, and wait for the import's count. */
	if (write(go, "r", 1) != 1 || read(go, &n, sizeof n) != (ssize_t)sizeof n)
		return 12;
	if (people_now(st) != n)
		return 13;
	if (pd_store_write(st, "add", 0, add_person, &p, &err) != PD_OK)
		return 14;
	if (people_now(st) != n + 1)
		return 15;
	pd_store_close(st);
	return 0;
}

Test(bulk, another_process_goes_on_with_the_new_file)
{
	struct pd_buf csv = PD_BUF_INIT;
	struct pd_err err = { 0 };
	int sv[2], status;
	size_t n;
	pid_t pid;
	char c;

	open_with(1);
	tdb_close();   /* a fork does not take an open environment along */
	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		close(sv[0]);
		_exit(child(sv[1]));
	}
	close(sv[1]);
	cr_assert_eq(read(sv[0], &c, 1), 1, "the other process opened");
	open_with(1);
	people_csv(&csv, 500, 0);
	cr_assert_eq(import_buf(&csv, false, NULL, &err), PD_OK, "%s", err.msg);
	n = people_now(tdb.st);
	cr_assert_gt(n, 400, "people after the import: %zu (inode %lu)", n, (unsigned long)inode());
	cr_assert_eq(write(sv[0], &n, sizeof n), (ssize_t)sizeof n);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		  "the other process: exit status %d", WEXITSTATUS(status));
	cr_expect_eq(people_now(tdb.st), n + 1, "its person is in the new file");
	close(sv[0]);
	pd_buf_free(&csv);
}
