/*
 * test_backup.c — encrypted backups and restore (backup.h) on a real
 * temporary store: the round trip, a wrong passphrase, a file cut short
 * anywhere, a changed byte anywhere in the header and in the chunks,
 * chunks reordered, a newer format; plain backups, files that are no
 * backup, a database that exists or is open elsewhere.  Whatever fails
 * must leave neither the database nor a temporary file behind.
 *
 * Argon2id runs with 64 KiB here (`fast`): milliseconds, not a second.
 */
#include "testdb.h"
#include "rawdb.h"

#include <criterion/logging.h>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "plandesk/protect/backup.h"
#include "plandesk/records/check.h"

#define PASS  "correct horse battery staple"
#define WRONG "correct horse battery stapler"
#define CHUNK_SEALED (PD_BACKUP_CHUNK + 17)   /* + secretstream's ABYTES */
#define NITEMS 40

static const struct pd_kdf fast = { 1, 64 << 10 };

/* A store of a few chunks: a person to look for, items with long notes. */
static void setup(void)
{
	struct pd_record items[NITEMS];
	struct pd_err err = { 0 };
	char note[4100];
	uint64_t org, plan;

	tdb_setup();
	org = tdb_add(make_org("Cluster 3 Partnership"));
	tdb_add(make_person("Karen Proctor", "KP", "karen.proctor@cluster3.example.org",
			    org));
	plan = tdb_add(make_plan("C3P", "Cluster 3 plan"));
	for (int i = 0; i < NITEMS; i++) {
		char ref[16];
		int n = snprintf(note, sizeof note, "Disclosed at school, item %d: ", i);

		while (n < 4000)
			n += snprintf(note + n, sizeof note - (size_t)n,
				      "CONFIDENTIAL-DETAIL of family %d. ", i);
		snprintf(ref, sizeof ref, "%d", i + 1);
		items[i] = make_item(plan, ref, "Safeguarding referrals");
		pd_set_text(&items[i], PD_ITEM_DESCRIPTION, note, (size_t)-1);
	}
	cr_assert_eq(tdb_put_n(items, NITEMS, &err), PD_OK, "%s", err.msg);
	for (int i = 0; i < NITEMS; i++)
		pd_record_clear(&items[i]);
}

TestSuite(backup, .init = setup, .fini = tdb_teardown);

/* tdb.dir/name, in one of a few rotating buffers. */
static const char *at(const char *name)
{
	static char bufs[4][256];
	static int next;
	char *b = bufs[next++ % 4];

	snprintf(b, sizeof bufs[0], "%s/%s", tdb.dir, name);
	return b;
}

static unsigned char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p;
	long len;

	cr_assert_not_null(f, "open %s", path);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	p = malloc(len ? (size_t)len : 1);
	cr_assert_not_null(p);
	cr_assert_eq(fread(p, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return p;
}

static void spill(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f, "create %s", path);
	cr_assert_eq(fwrite(p, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

static void encrypt_to(const char *name)
{
	struct pd_err err = { 0 };
	int rc = pd_backup_encrypt(tdb.st, at(name), PASS, strlen(PASS), &fast, &err);

	cr_assert_eq(rc, PD_OK, "pd_backup_encrypt: %d %s", rc, err.msg);
}

static int restore(const char *src, const char *dest, const char *pass,
		   unsigned flags, struct pd_err *err)
{
	pd_err_clear(err);
	return pd_backup_restore(at(src), at(dest), pass, pass ? strlen(pass) : 0,
				 flags, err);
}

/* Entries of tdb.dir other than the store's and those in `keep`
 * (NULL-terminated): a temporary or a database left behind. */
static int strays(const char *const *keep)
{
	DIR *d = opendir(tdb.dir);
	struct dirent *e;
	int n = 0;

	cr_assert_not_null(d);
	while ((e = readdir(d))) {
		bool kept = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    !strcmp(e->d_name, "test.db") || !strcmp(e->d_name, "test.db-lock");
		for (int i = 0; keep && keep[i]; i++)
			kept |= !strcmp(e->d_name, keep[i]);
		if (!kept) {
			cr_log_error("left behind: %s", e->d_name);
			n++;
		}
	}
	closedir(d);
	return n;
}

/* Open the database at `path` read-only: its people and its check. */
static void expect_good_db(const char *path, size_t people)
{
	struct pd_open_opts ro = { .read_only = true };
	struct pd_store *st;
	struct pd_txn *txn;
	struct pd_err err = { 0 };
	size_t n = 0, problems = 1;

	cr_assert_eq(pd_store_open(path, &ro, &st, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_check(st, NULL, NULL, &problems, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(problems, 0);
	cr_assert_eq(pd_txn_read(st, &txn, &err), PD_OK);
	cr_expect_eq(pd_count_kind(txn, PD_PERSON, &n), PD_OK);
	cr_expect_eq(n, people);
	cr_expect_eq(pd_count_kind(txn, PD_ITEM, &n), PD_OK);
	cr_expect_eq(n, NITEMS);
	pd_txn_end(txn);
	pd_store_close(st);
}

/* The restore of `name` fails with `code`, and writes nothing. */
static void expect_refused(const char *name, int code, const char *why)
{
	static const char *const keep[] = { "enc", "bad", NULL };
	struct pd_err err;
	int rc = restore(name, "r.db", PASS, 0, &err);

	cr_expect_eq(rc, code, "%s: restore returned %d (%s), wanted %d", why, rc,
		     err.msg, code);
	cr_expect(err.msg[0], "%s: no message", why);
	cr_expect_eq(access(at("r.db"), F_OK), -1, "%s: r.db was written", why);
	cr_expect_eq(strays(keep), 0, "%s: something left behind", why);
}

/* --- the round trip ------------------------------------------------------- */

Test(backup, decrypts_to_exactly_the_plain_compact_copy)
{
	struct pd_err err = { 0 };
	unsigned char *plain, *back;
	size_t np, nb;
	int in, out;

	encrypt_to("enc");
	cr_assert_eq(pd_store_backup(tdb.st, at("plain"), &err), PD_OK, "%s", err.msg);
	in = open(at("enc"), O_RDONLY);
	out = open(at("back"), O_WRONLY | O_CREAT | O_EXCL, 0600);
	cr_assert(in >= 0 && out >= 0);
	cr_assert_eq(pd_backup_decrypt(in, out, "enc", PASS, strlen(PASS), &err),
		     PD_OK, "%s", err.msg);
	close(in);
	close(out);
	plain = slurp(at("plain"), &np);
	back = slurp(at("back"), &nb);
	cr_expect_gt(np, 3 * PD_BACKUP_CHUNK, "the test wants several chunks");
	cr_expect_eq(nb, np);
	cr_expect(nb == np && memcmp(plain, back, np) == 0, "the bytes differ");
	free(plain);
	free(back);
}

Test(backup, encrypted_round_trip_restores_a_checked_private_database)
{
	static const char *const keep[] = { "enc", "r.db", NULL };
	struct pd_backup_info info;
	struct pd_err err;
	struct stat sb;

	encrypt_to("enc");
	cr_assert_eq(stat(at("enc"), &sb), 0);
	cr_expect_eq(sb.st_mode & 07777, 0600);
	cr_assert_eq(pd_backup_probe(at("enc"), &info, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(info.kind, PD_BACKUP_ENCRYPTED);
	cr_expect_eq(info.version, PD_BACKUP_VERSION);
	cr_expect_eq(info.chunk, PD_BACKUP_CHUNK);
	cr_expect_eq(info.kdf.opslimit, fast.opslimit);
	cr_expect_eq(info.kdf.memlimit, fast.memlimit);

	cr_assert_eq(restore("enc", "r.db", PASS, 0, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(stat(at("r.db"), &sb), 0);
	cr_expect_eq(sb.st_mode & 07777, 0600);
	cr_expect_eq(strays(keep), 0, "no temporary or lock file is left");
	expect_good_db(at("r.db"), 1);
}

Test(backup, the_encrypted_file_holds_no_plaintext)
{
	static const char *const words[] = {
		"Karen Proctor", "karen.proctor@cluster3.example.org",
		"CONFIDENTIAL-DETAIL", "Disclosed at school", "Cluster 3",
		"Safeguarding", "correct horse", "\xde\xc0\xef\xbe" /* LMDB's magic */,
	};
	unsigned char *p;
	size_t n;

	encrypt_to("enc");
	p = slurp(at("enc"), &n);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		cr_expect_null(memmem(p, n, words[i], strlen(words[i])),
			       "\"%s\" is in the encrypted file", words[i]);
	free(p);
}

Test(backup, each_backup_has_its_own_salt_and_stream)
{
	unsigned char *a, *b;
	size_t na, nb;

	encrypt_to("enc");
	encrypt_to("enc2");
	a = slurp(at("enc"), &na);
	b = slurp(at("enc2"), &nb);
	cr_expect_eq(na, nb);
	cr_expect_neq(memcmp(a + 32, b + 32, 16), 0, "the same salt twice");
	cr_expect_neq(memcmp(a + 64, b + 64, 24), 0, "the same stream header twice");
	cr_expect_neq(memcmp(a + 88, b + 88, 64), 0, "the same ciphertext twice");
	free(a);
	free(b);
}

/* --- what must be refused, writing nothing ---------------------------------- */

Test(backup, a_wrong_passphrase_writes_nothing)
{
	static const char *const keep[] = { "enc", "out", NULL };
	struct pd_err err;
	struct stat sb;
	int in, out;

	encrypt_to("enc");
	cr_expect_eq(restore("enc", "r.db", WRONG, 0, &err), PD_EINVAL);
	cr_expect(strstr(err.msg, "wrong passphrase") != NULL, "%s", err.msg);
	cr_expect_eq(access(at("r.db"), F_OK), -1);
	cr_expect_eq(strays(keep), 0);
	cr_expect_eq(restore("enc", "r.db", NULL, 0, &err), PD_EINVAL, "no passphrase");
	cr_expect_eq(access(at("r.db"), F_OK), -1);

	in = open(at("enc"), O_RDONLY);
	out = open(at("out"), O_WRONLY | O_CREAT | O_EXCL, 0600);
	cr_assert_eq(pd_backup_decrypt(in, out, "enc", WRONG, strlen(WRONG), &err),
		     PD_EINVAL);
	close(in);
	close(out);
	cr_assert_eq(stat(at("out"), &sb), 0);
	cr_expect_eq(sb.st_size, 0, "pd_backup_decrypt wrote before the check");
}

Test(backup, a_file_cut_short_anywhere_is_refused)
{
	unsigned char *p;
	size_t n;

	encrypt_to("enc");
	p = slurp(at("enc"), &n);
	cr_assert_gt(n, 88 + 3 * CHUNK_SEALED);
	const size_t cuts[] = {
		0, 7, 8, 40, 87, 88, 89, 88 + 16, 88 + 17, 88 + 1000,
		88 + CHUNK_SEALED - 1, 88 + CHUNK_SEALED, 88 + CHUNK_SEALED + 17,
		88 + 2 * CHUNK_SEALED, 88 + 3 * CHUNK_SEALED, n - 17, n - 16, n - 1,
	};
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		char why[64];

		snprintf(why, sizeof why, "cut at %zu of %zu", cuts[i], n);
		spill(at("bad"), p, cuts[i]);
		expect_refused("bad", PD_ECORRUPT, why);
	}
	free(p);
}

Test(backup, a_changed_byte_anywhere_in_the_header_is_refused)
{
	unsigned char *p;
	size_t n;

	encrypt_to("enc");
	p = slurp(at("enc"), &n);
	/* Bit 7: a limit changed that way is out of bounds, or a few MiB. */
	for (size_t off = 0; off < PD_BACKUP_HEADER; off++) {
		int want = off == 8 ? PD_ESCHEMA           /* version 129 */
			 : off == 9 ? PD_ESCHEMA           /* key derivation 129 */
			 : off >= 32 && off < 64 ? PD_EINVAL  /* salt, check: "wrong
								  passphrase" */
			 : off == 29 || off == 30 ? PD_EINVAL  /* memlimit 8 MiB or
								   96 KiB: another key */
			 : PD_ECORRUPT;  /* 31: Argon2id counts KiB, the same key;
					    the header is the first chunk's */
		char why[64];

		snprintf(why, sizeof why, "header byte %zu changed", off);
		p[off] ^= 0x80;
		spill(at("bad"), p, n);
		expect_refused("bad", want, why);
		p[off] ^= 0x80;
	}
	free(p);
}

Test(backup, a_changed_byte_in_any_chunk_is_refused)
{
	unsigned char *p;
	size_t n;

	encrypt_to("enc");
	p = slurp(at("enc"), &n);
	const size_t offs[] = {
		88, 88 + 1, 88 + 17, 88 + CHUNK_SEALED / 2, 88 + CHUNK_SEALED - 1,
		88 + CHUNK_SEALED, 88 + 2 * CHUNK_SEALED + 12345, n - 17, n - 1,
	};
	for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
		char why[64];

		snprintf(why, sizeof why, "byte %zu of %zu changed", offs[i], n);
		p[offs[i]] ^= 0x01;
		spill(at("bad"), p, n);
		expect_refused("bad", PD_ECORRUPT, why);
		p[offs[i]] ^= 0x01;
	}
	free(p);
}

Test(backup, chunks_reordered_or_something_appended_are_refused)
{
	unsigned char *p, *swap = malloc(CHUNK_SEALED);
	size_t n;

	encrypt_to("enc");
	p = slurp(at("enc"), &n);
	cr_assert_not_null(swap);
	p = realloc(p, n + 1);
	p[n] = 0;
	spill(at("bad"), p, n + 1);
	expect_refused("bad", PD_ECORRUPT, "a byte appended");

	memcpy(swap, p + 88 + CHUNK_SEALED, CHUNK_SEALED);
	memcpy(p + 88 + CHUNK_SEALED, p + 88 + 2 * CHUNK_SEALED, CHUNK_SEALED);
	memcpy(p + 88 + 2 * CHUNK_SEALED, swap, CHUNK_SEALED);
	spill(at("bad"), p, n);
	expect_refused("bad", PD_ECORRUPT, "chunks 2 and 3 swapped");

	/* The first chunk without the rest: it is not tagged FINAL. */
	spill(at("bad"), p, 88 + CHUNK_SEALED);
	expect_refused("bad", PD_ECORRUPT, "only the first chunk");
	free(swap);
	free(p);
}

Test(backup, a_newer_format_is_told_apart_from_damage)
{
	struct pd_backup_info info;
	struct pd_err err;
	unsigned char *p;
	size_t n;

	encrypt_to("enc");
	p = slurp(at("enc"), &n);
	p[8] = PD_BACKUP_VERSION + 1;
	spill(at("bad"), p, n);
	cr_expect_eq(pd_backup_probe(at("bad"), &info, &err), PD_ESCHEMA);
	cr_expect(strstr(err.msg, "newer plandesk") != NULL, "%s", err.msg);
	expect_refused("bad", PD_ESCHEMA, "version 2");
	p[8] = 0;
	spill(at("bad"), p, n);
	expect_refused("bad", PD_ECORRUPT, "version 0");
	p[8] = PD_BACKUP_VERSION;
	p[9] = 2;
	spill(at("bad"), p, n);
	expect_refused("bad", PD_ESCHEMA, "an unknown key derivation");
	free(p);
}

Test(backup, a_file_that_is_no_backup_is_refused)
{
	static const char text[] = "name,email\nKaren Proctor,kp@example.org\n";
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = { 3, "key" }, v = { 5, "value" };

	spill(at("bad"), text, sizeof text - 1);
	expect_refused("bad", PD_ECORRUPT, "a CSV file");
	/* Another program's LMDB file: a plain backup by its magic, but not
	 * a plandesk database. */
	unlink(at("bad"));
	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 4), 0);
	cr_assert_eq(mdb_env_open(env, at("bad"), MDB_NOSUBDIR, 0600), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "other", MDB_CREATE, &dbi), 0);
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	unlink(at("bad-lock"));
	expect_refused("bad", PD_ECORRUPT, "another program's LMDB file");
}

Test(backup, a_backup_whose_database_fails_check_is_refused)
{
	unsigned char ghost[8];
	struct pd_err err = { 0 };
	MDB_val k, d = { 8, ghost };
	uint64_t org_key = 999;
	unsigned char key[8];
	struct raw r;

	raw_begin(&r);
	pd_put_be64(key, org_key);
	pd_put_be64(ghost, 424242);
	k.mv_size = 8;
	k.mv_data = key;
	cr_assert_eq(mdb_put(r.txn, raw_dbi(&r, "ix_person_org",
		     MDB_DUPSORT | MDB_DUPFIXED), &k, &d, 0), 0);
	raw_commit(&r);
	cr_assert_eq(pd_store_backup(tdb.st, at("bad"), &err), PD_OK, "%s", err.msg);
	expect_refused("bad", PD_ECORRUPT, "a damaged database");
	cr_expect_eq(restore("bad", "r.db", NULL, 0, &err), PD_ECORRUPT);
	cr_expect(strstr(err.msg, "problem") != NULL, "%s", err.msg);
}

Test(backup, a_new_passphrase_is_not_too_short)
{
	struct pd_err err = { 0 };
	const struct pd_kdf silly = { 1, 2ull << 30 };

	cr_expect_eq(pd_backup_encrypt(tdb.st, at("enc"), "1234567", 7, &fast, &err),
		     PD_EINVAL);
	/* Eight characters, though fewer than 16 bytes in UTF-8: "Zoë" is 3. */
	cr_expect_eq(pd_backup_encrypt(tdb.st, at("enc"), "Zo\xc3\xab-1234", 9,
				       &fast, &err), PD_OK, "%s", err.msg);
	unlink(at("enc"));
	cr_expect_eq(pd_backup_encrypt(tdb.st, at("enc"), PASS, strlen(PASS), &silly,
				       &err), PD_EINVAL, "2 GiB for Argon2id");
	cr_expect_eq(strays(NULL), 0);
}

/* --- plain backups and where a restore goes ----------------------------- */

Test(backup, a_plain_backup_restores_too)
{
	static const char *const keep[] = { "plain", "r.db", NULL };
	struct pd_err err = { 0 };

	cr_assert_eq(pd_store_backup(tdb.st, at("plain"), &err), PD_OK, "%s", err.msg);
	cr_assert_eq(restore("plain", "r.db", NULL, 0, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(strays(keep), 0);
	expect_good_db(at("r.db"), 1);
}

Test(backup, an_existing_database_is_replaced_only_with_force)
{
	struct pd_err err = { 0 };
	unsigned char *before, *after;
	size_t nb, na;

	encrypt_to("enc");
	cr_assert_eq(restore("enc", "r.db", PASS, 0, &err), PD_OK, "%s", err.msg);
	tdb_add(make_person("Diane Dawson", "DD", NULL, 0));
	encrypt_to("enc2");
	before = slurp(at("r.db"), &nb);
	cr_expect_eq(restore("enc2", "r.db", PASS, 0, &err), PD_ECONFLICT);
	cr_expect(strstr(err.msg, "--force") != NULL, "%s", err.msg);
	after = slurp(at("r.db"), &na);
	cr_expect(na == nb && memcmp(before, after, na) == 0, "r.db was changed");
	expect_good_db(at("r.db"), 1);
	cr_expect_eq(restore("enc2", "r.db", PASS, PD_RESTORE_FORCE, &err), PD_OK,
		     "%s", err.msg);
	expect_good_db(at("r.db"), 2);
	/* A folder is never replaced. */
	cr_assert_eq(mkdir(at("dir"), 0700), 0);
	cr_expect_eq(restore("enc2", "dir", PASS, PD_RESTORE_FORCE, &err), PD_EINVAL);
	free(before);
	free(after);
}

Test(backup, a_database_open_elsewhere_is_not_replaced)
{
	struct pd_err err = { 0 };
	int ready[2], go[2];
	char c = 0;
	pid_t pid;

	encrypt_to("enc");
	cr_assert_eq(restore("enc", "r.db", PASS, 0, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pipe(ready), 0);
	cr_assert_eq(pipe(go), 0);
	if ((pid = fork()) == 0) {   /* another plandesk with r.db open */
		struct pd_store *st;

		if (pd_store_open(at("r.db"), NULL, &st, NULL) != PD_OK)
			_exit(1);
		if (write(ready[1], "x", 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(1);
		pd_store_close(st);
		_exit(0);
	}
	cr_assert_gt(pid, 0);
	cr_assert_eq(read(ready[0], &c, 1), 1);
	cr_expect_eq(restore("enc", "r.db", PASS, PD_RESTORE_FORCE, &err),
		     PD_ECONFLICT, "%s", err.msg);
	cr_expect(strstr(err.msg, "open") != NULL, "%s", err.msg);
	cr_assert_eq(write(go[1], "x", 1), 1);
	cr_assert_eq(waitpid(pid, NULL, 0), pid);
	cr_expect_eq(restore("enc", "r.db", PASS, PD_RESTORE_FORCE, &err), PD_OK,
		     "%s", err.msg);
	close(ready[0]);
	close(ready[1]);
	close(go[0]);
	close(go[1]);
}

Test(backup, a_restore_makes_its_folders_private)
{
	struct pd_err err = { 0 };
	struct stat sb;

	encrypt_to("enc");
	cr_assert_eq(restore("enc", "new/sub/r.db", PASS, 0, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(stat(at("new/sub"), &sb), 0);
	cr_expect_eq(sb.st_mode & 07777, 0700);
	expect_good_db(at("new/sub/r.db"), 1);
}
