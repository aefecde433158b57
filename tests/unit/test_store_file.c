/* test_store_file.c — the database file: schema check, damaged and foreign
 * files, size limit, file modes, read-only use, and a second process. */
#include "storetest.h"

TestSuite(store, .init = tdb_setup, .fini = tdb_teardown);

/* --- the file ----------------------------------------------------------- */

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long len;

	cr_assert_not_null(f, "open %s: %s", path, strerror(errno));
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	cr_assert_gt(len, 0);
	rewind(f);
	p = malloc((size_t)len);
	cr_assert_not_null(p);
	cr_assert_eq(fread(p, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return p;
}

/* Put key → n bytes in the named database `db` of the LMDB file at path,
 * behind the store's back (creating the database). */
static void raw_put(const char *path, const char *db, const char *key,
		    const void *bytes, size_t n)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = { strlen(key), (void *)key }, v = { n, (void *)bytes };

	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 32), 0);
	cr_assert_eq(mdb_env_open(env, path, MDB_NOSUBDIR, 0600), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, db, MDB_CREATE, &dbi), 0);
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

static void raw_put_meta(const char *path, const char *key, uint64_t value)
{
	unsigned char b[8];

	pd_put_be64(b, value);
	raw_put(path, "meta", key, b, 8);
}

Test(store, newer_schema_is_refused_untouched)
{
	struct pd_store *st = (struct pd_store *)1;
	struct pd_open_opts ro = { .read_only = true };
	struct pd_err err = { 0 };
	char *before, *after;
	size_t nb, na;

	tdb_add(make_plan("P", "Plan"));
	tdb_close();
	raw_put_meta(tdb.path, "schema", 99);
	before = slurp(tdb.path, &nb);

	cr_expect_eq(pd_store_open(tdb.path, NULL, &st, &err), PD_ESCHEMA,
		     "%s", err.msg);
	cr_expect_null(st);
	cr_expect(strstr(err.msg, "newer") != NULL, "message: %s", err.msg);
	cr_expect(strstr(err.msg, "99") != NULL, "message: %s", err.msg);
	err.msg[0] = '\0';
	cr_expect_eq(pd_store_open(tdb.path, &ro, &st, &err), PD_ESCHEMA,
		     "read-only: %s", err.msg);
	cr_expect_null(st);

	after = slurp(tdb.path, &na);
	cr_expect_eq(na, nb, "file size changed");
	cr_expect(na == nb && !memcmp(before, after, nb), "file bytes changed");
	free(before);
	free(after);

	/* this build's own version is fine */
	raw_put_meta(tdb.path, "schema", PD_SCHEMA_VERSION);
	tdb_open(NULL);
	cr_expect_eq(tdb_count(PD_PLAN), 1);
}

/* Opening `path` fails with `code`, the message has `what`, and not a byte
 * of the file changed. */
static void refused_untouched(const char *path, int code, const char *what)
{
	struct pd_open_opts ro = { .read_only = true };
	struct pd_store *st = (struct pd_store *)1;
	struct pd_err err = { 0 };
	size_t nb, na;
	char *before = slurp(path, &nb), *after;

	cr_expect_eq(pd_store_open(path, NULL, &st, &err), code, "%s", err.msg);
	cr_expect_null(st);
	cr_expect(strstr(err.msg, what) != NULL, "message: %s", err.msg);
	cr_expect(strstr(err.msg, "nothing was changed") != NULL, "message: %s",
		  err.msg);
	st = (struct pd_store *)1;
	cr_expect_eq(pd_store_open(path, &ro, &st, &err), code, "read-only: %s",
		     err.msg);
	cr_expect_null(st);
	after = slurp(path, &na);
	cr_expect(na == nb && !memcmp(before, after, nb), "file bytes changed");
	free(before);
	free(after);
}

Test(store, damaged_schema_is_refused_untouched)
{
	tdb_add(make_plan("P", "Plan"));
	tdb_close();
	raw_put(tdb.path, "meta", "schema", "\0\0\0\1", 4);
	refused_untouched(tdb.path, PD_ECORRUPT, "schema version is 4 bytes long");
	raw_put(tdb.path, "meta", "schema", "", 0);
	refused_untouched(tdb.path, PD_ECORRUPT, "schema version is 0 bytes long");
}

Test(store, another_programs_lmdb_file_is_refused_untouched)
{
	char path[160];

	snprintf(path, sizeof path, "%s/other.mdb", tdb.dir);
	raw_put(path, "settings", "colour", "blue", 4);
	refused_untouched(path, PD_ECORRUPT, "not a plandesk database");
}

/* Past the file-size limit a save fails, says so, and changes nothing. */
Test(store, save_past_the_file_size_limit)
{
	struct people_ctx c = { 2000, 0 };
	struct pd_err err = { 0 };
	struct rlimit old, rl;
	struct stat sb;
	uint64_t before;

	tdb_add(make_org("Existing"));
	before = changes();
	cr_assert_eq(stat(tdb.path, &sb), 0);
	signal(SIGXFSZ, SIG_IGN);   /* as main.c: EFBIG, not a kill */
	cr_assert_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	rl = old;
	rl.rlim_cur = (rlim_t)sb.st_size + (64u << 10);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	cr_expect_eq(tdb_write(people_body, &c, &err), PD_EIO, "%s", err.msg);
	cr_expect(strstr(err.msg, "file-size limit") != NULL, "message: %s", err.msg);
	cr_expect(strstr(err.msg, tdb.path) != NULL, "message: %s", err.msg);
	cr_expect(strstr(err.msg, "nothing was changed") != NULL, "message: %s",
		  err.msg);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &old), 0);
	cr_expect_eq(tdb_count(PD_PERSON), 0);
	cr_expect_eq(changes(), before);
	tdb_close();
	tdb_open(NULL);
	cr_expect_eq(tdb_count(PD_PERSON), 0);
	cr_expect_eq(tdb_count(PD_ORG), 1);
	cr_expect_eq(tdb_write(people_body, &c, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(tdb_count(PD_PERSON), 2000);
}

Test(store, not_a_database)
{
	struct pd_store *st = NULL;
	struct pd_err err = { 0 };
	char path[160];
	FILE *f;

	snprintf(path, sizeof path, "%s/junk.db", tdb.dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	for (int i = 0; i < 4096; i++)
		fputc("plandesk"[i % 8], f);
	fclose(f);
	cr_expect_neq(pd_store_open(path, NULL, &st, &err), PD_OK);
	cr_expect_null(st);
	cr_expect_neq(err.msg[0], '\0');
}

Test(store, file_modes)
{
	struct pd_store *st;
	struct pd_err err = { 0 };
	char path[200], lock[210], dir[160];
	struct stat sb;
	mode_t old = umask(022);

	snprintf(dir, sizeof dir, "%s/new", tdb.dir);
	snprintf(path, sizeof path, "%s/deeper/plandesk.db", dir);
	snprintf(lock, sizeof lock, "%s-lock", path);
	cr_assert_eq(pd_store_open(path, NULL, &st, &err), PD_OK, "%s", err.msg);
	umask(old);
	cr_expect_str_eq(pd_store_file(st), path);
	cr_expect_not(pd_store_is_read_only(st));
	pd_store_close(st);
	cr_assert_eq(stat(path, &sb), 0);
	cr_expect_eq(sb.st_mode & 07777, 0600, "db mode %o", sb.st_mode & 07777);
	cr_assert_eq(stat(lock, &sb), 0, "no %s", lock);
	cr_expect_eq(sb.st_mode & 07777, 0600, "lock mode %o", sb.st_mode & 07777);
	cr_assert_eq(stat(dir, &sb), 0);
	cr_expect(S_ISDIR(sb.st_mode));
	cr_expect_eq(sb.st_mode & 07777, 0700, "dir mode %o", sb.st_mode & 07777);
	snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/deeper");
	cr_assert_eq(stat(dir, &sb), 0);
	cr_expect_eq(sb.st_mode & 07777, 0700, "dir mode %o", sb.st_mode & 07777);
}

static int nop_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record r = make_org("Should not be written");
	int rc = pd_put(txn, &r, err);

	pd_record_clear(&r);
	return rc;
}

Test(store, read_only_open)
{
	struct pd_open_opts ro = { .read_only = true };
	struct pd_store *st = NULL;
	struct pd_err err = { 0 };
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	struct pd_record r;
	char missing[160];

	tdb_add(make_item(plan, "1", "Item"));
	tdb_close();
	tdb_open(&ro);
	cr_expect(pd_store_is_read_only(tdb.st));
	cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
	cr_expect_str_eq(pd_get_text(&r, PD_PLAN_REF), "P");
	pd_record_clear(&r);
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PLAN, plan), 1);
	cr_expect_eq(find_plan("p"), plan);
	cr_expect_eq(pd_store_write(tdb.st, "x", 0, nop_body, NULL, &err),
		     PD_EREADONLY);
	cr_expect_neq(err.msg[0], '\0');
	cr_expect_eq(pd_store_undo(tdb.st, NULL, 0, NULL), PD_EREADONLY);
	cr_expect_eq(tdb_count(PD_ORG), 0);

	/* read-only never creates a file */
	snprintf(missing, sizeof missing, "%s/missing.db", tdb.dir);
	cr_expect_neq(pd_store_open(missing, &ro, &st, &err), PD_OK);
	cr_expect_null(st);
	cr_expect_neq(access(missing, F_OK), 0, "read-only open created a file");
}

/* --- two processes ------------------------------------------------------ */

static int child_writes(const char *path, uint64_t org)
{
	struct pd_store *st;
	int rc = pd_store_open(path, NULL, &st, NULL);

	if (rc != PD_OK)
		return 10 + rc;
	for (int i = 0; i < 200 && rc == PD_OK; i++) {
		char name[32];
		struct pd_record r;
		struct tdb_puts p = { &r, 1, { 0 } };

		snprintf(name, sizeof name, "Child %d", i);
		r = make_person(name, NULL, NULL, org);
		rc = pd_store_write(st, "child", 0, tdb_puts_body, &p, NULL);
		pd_record_clear(&r);
	}
	pd_store_close(st);
	return rc == PD_OK ? 0 : 50 + rc;
}

/* One snapshot: people == people of the org; returns the number. */
static size_t snapshot(uint64_t org)
{
	struct pd_txn *txn;
	size_t people = 0, indexed = 0;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_count_kind(txn, PD_PERSON, &people), PD_OK);
	cr_assert_eq(pd_count_index(txn, PD_IX_PEOPLE_BY_ORG, org, &indexed), PD_OK);
	pd_txn_end(txn);
	cr_assert_eq(people, indexed, "snapshot: %zu people, %zu indexed", people,
		     indexed);
	return people;
}

Test(store, reader_sees_consistent_snapshots_while_another_process_writes)
{
	uint64_t org = tdb_add(make_org("Org"));
	uint64_t c0, last, c;
	size_t seen = 0, n, rounds = 0;
	int status = 0;
	pid_t pid, w;

	tdb_add(make_person("Parent's", NULL, NULL, org));
	c0 = last = changes();
	fflush(NULL);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0)
		_exit(child_writes(tdb.path, org));
	do {
		w = waitpid(pid, &status, WNOHANG);
		/* Each snapshot is whole (snapshot() checks the index against
		 * the table).  Later snapshots may see one write fewer than an
		 * earlier one, never more: LMDB 0.9.24 gives a read transaction
		 * the meta page of its transaction id, and a reader held up
		 * between reading the id and copying that page can copy it
		 * while the writer two commits on is overwriting it, so it
		 * reads the write being committed; the next reader reads the
		 * last one committed (a plain LMDB program of a reader and a
		 * writer process shows the same under load).  The client only compares the change
		 * counter for being different, so this costs it a reload. */
		n = snapshot(org);
		cr_assert_geq(n + 1, seen, "people went from %zu to %zu", seen, n);
		if (n > seen)
			seen = n;
		c = changes();
		cr_assert_geq(c + 1, last, "change counter went back: %llu then %llu",
			      (unsigned long long)last, (unsigned long long)c);
		if (c > last)
			last = c;
		rounds++;
	} while (w == 0);
	cr_assert_eq(w, pid);
	cr_assert(WIFEXITED(status), "child did not exit normally");
	cr_assert_eq(WEXITSTATUS(status), 0, "child failed with %d",
		     WEXITSTATUS(status));
	cr_expect_eq(snapshot(org), 201);
	cr_expect_eq(tdb_count(PD_PERSON), 201);
	cr_expect_geq(changes(), c0 + 200, "the child's writes are not counted");
	cr_expect_gt(rounds, 0);
	/* this process can still write after the other one */
	tdb_add(make_person("Parent's second", NULL, NULL, org));
	cr_expect_eq(snapshot(org), 202);
}
