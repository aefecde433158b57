/*
 * bench_search.c — build a large directory through the core API and time
 * searches inside one process (a benchmark, not a test: `make bench`).  The
 * generator (gen) is in bench_search_gen.c.
 *
 *   bench_search gen DB N [CSV [ABOOK]]
 *	N people (deterministic: a fixed-seed PRNG; Zipf-like first names and
 *	surnames, so "smi" is common) in N/200 organisations, written in
 *	batches; optionally the same people as CSV (name,role,organisation,
 *	phone,email, for sqlite3) and as an abook(1) addressbook.
 *   bench_search query DB [QUERIES [one|two]]
 *	QUERIES prefixes of 1 to 6 characters of the first or last name of
 *	a random person in DB (so by frequency, as users type them), "smi",
 *	and two-word queries (prefixes of a random person's first and last
 *	name), each timed with clock_gettime from the start of a read
 *	transaction to a first screenful of 20 rows; the latency percentiles,
 *	in two passes over the same queries.
 *   bench_search index-size DB TMPDIR
 *	The search index's share of the database: a compact copy of DB, the
 *	same with `terms` and `cards` emptied, and the difference.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <lmdb.h>

#include "plandesk/directory/search.h"
#include "plandesk/records/records.h"
#include "plandesk/directory/open.h"

#include "searchbench.h"

#define PAGE 20

/* --- timing ----------------------------------------------------------------- */

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* One query, timed: read transaction, first page, end. */
static double time_query(struct pd_store *st, const char *q, size_t *hits)
{
	struct pd_hit page[PAGE];
	struct pd_txn *txn;
	double t0 = now_us();
	bool more;

	if (pd_txn_read(st, &txn, NULL) != PD_OK ||
	    pd_search(txn, q, 0, 0, PAGE, page, hits, &more, NULL) != PD_OK) {
		fprintf(stderr, "bench_search: query \"%s\" failed\n", q);
		exit(1);
	}
	pd_txn_end(txn);
	return now_us() - t0;
}

static void report(const char *label, double *t, size_t n, size_t hits)
{
	if (!n)
		return;
	qsort(t, n, sizeof *t, dbl_cmp);
	printf("%-22s %6zu queries  p50 %7.1f us  p90 %7.1f us  p99 %7.1f us"
	       "  max %8.1f us  (%.1f rows/query)\n", label, n, t[n / 2],
	       t[n * 9 / 10], t[n * 99 / 100], t[n - 1], (double)hits / (double)n);
}

static uint64_t max_id;   /* ids run from 1 to about this */

/* The first and the last word of the name of a random person in `st`. */
static void random_person(struct pd_store *st, char *first, char *last, size_t n)
{
	struct pd_txn *txn;
	struct pd_record r;

	pd_txn_read(st, &txn, NULL);
	for (;;) {
		if (pd_get(txn, PD_PERSON, 1 + rnd() % max_id, &r, NULL) == PD_OK) {
			const char *name = pd_get_text(&r, PD_PERSON_NAME);
			const char *sp = strrchr(name, ' ');
			snprintf(first, n, "%.*s", sp ? (int)(sp - name) : 0, name);
			snprintf(last, n, "%s", sp ? sp + 1 : name);
			pd_record_clear(&r);
			break;
		}
		pd_record_clear(&r);
	}
	pd_txn_end(txn);
}

/* Keep the first `len` characters of `w`. */
static void cut_chars(char *w, size_t len)
{
	size_t i = 0;

	for (size_t chars = 0; w[i] && chars < len; chars++) {
		i++;
		while ((w[i] & 0xC0) == 0x80)
			i++;
	}
	w[i] = '\0';
}

/* A prefix of `len` characters of a random person's first or last name,
 * as someone looking them up types it. */
static void random_prefix(struct pd_store *st, char *buf, size_t size, size_t len)
{
	char first[64], last[64];

	random_person(st, first, last, sizeof first);
	snprintf(buf, size, "%s", rnd() % 2 ? first : last);
	cut_chars(buf, len);
}

/* One pass over the queries (the same ones each pass: the PRNG restarts). */
static void run_pass(struct pd_store *st, size_t nq, const char *only,
		     double *t, double *all)
{
	size_t nall = 0, hits, total;
	char q[160];
	/* BENCH_SLOW=US: name the queries slower than US µs. */
	double slow_us = getenv("BENCH_SLOW") ? atof(getenv("BENCH_SLOW")) : 0;

	rng = 0x853C49E6748FEA9Bull;
	for (size_t len = 1; len <= 6 && strcmp(only, "two"); len++) {
		char label[32];
		total = 0;
		for (size_t i = 0; i < nq; i++) {
			random_prefix(st, q, sizeof q, len);
			t[i] = time_query(st, q, &hits);
			total += hits;
			all[nall++] = t[i];
			if (slow_us > 0 && t[i] > slow_us)
				fprintf(stderr, "slow: %8.1f us  \"%s\"\n", t[i], q);
		}
		snprintf(label, sizeof label, "prefix of %zu char%s", len, len > 1 ? "s" : "");
		report(label, t, nq, total);
	}
	report("all of 1-6 chars", all, nall, 0);
	total = 0;
	for (size_t i = 0; i < nq && strcmp(only, "two"); i++) {
		t[i] = time_query(st, "smi", &hits);
		total += hits;
	}
	if (strcmp(only, "two"))
		report("\"smi\"", t, nq, total);
	total = 0;
	for (size_t i = 0; i < nq && strcmp(only, "one"); i++) {
		char first[64], last[64];
		random_person(st, first, last, sizeof first);
		cut_chars(first, 1 + rnd() % 5);
		cut_chars(last, 2 + rnd() % 4);
		snprintf(q, sizeof q, "%s %s", first, last);
		t[i] = time_query(st, q, &hits);
		total += hits;
		if (slow_us > 0 && t[i] > slow_us)
			fprintf(stderr, "slow: %8.1f us  \"%s\"\n", t[i], q);
	}
	if (strcmp(only, "one"))
		report("two words", t, nq, total);
}

static int query(const char *db, size_t nq, const char *only)
{
	struct pd_open_opts opts = { .read_only = true };
	struct pd_store *st;
	struct pd_err err;
	double *t = calloc(nq, sizeof *t), *all = calloc(nq * 6, sizeof *all);
	struct pd_txn *txn;
	size_t count = 0;
	double t0;

	if (pd_store_open(db, &opts, &st, &err) != PD_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return 1;
	}
	if (pd_txn_read(st, &txn, NULL) == PD_OK) {
		size_t np = 0, no = 0;
		pd_count_kind(txn, PD_PERSON, &np);
		pd_count_kind(txn, PD_ORG, &no);
		max_id = np + no;
		pd_txn_end(txn);
	}
	printf("first pass (each page of the map touched for the first time by "
	       "this process costs a page fault):\n");
	run_pass(st, nq, only, t, all);
	printf("second pass (the same queries again):\n");
	run_pass(st, nq, only, t, all);
	t0 = now_us();
	pd_txn_read(st, &txn, NULL);
	pd_search_count(txn, "smi", 0, SIZE_MAX, &count, NULL);
	pd_txn_end(txn);
	printf("count of \"smi\": %zu matches in %.1f ms\n", count, (now_us() - t0) / 1e3);
	free(t);
	free(all);
	pd_store_close(st);
	return 0;
}

/* --- index size -------------------------------------------------------------- */

static long long file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
}

/* Empty the search's databases (`terms`, `cards`) of the file at `path`
 * (LMDB directly); their entry counts to entries[0] and [1]. */
static int drop_terms(const char *path, size_t *entries)
{
	static const char *const dbs[] = { "terms", "cards" };
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_stat ms;
	int rc;

	if ((rc = mdb_env_create(&env)) || (rc = mdb_env_set_maxdbs(env, 32)) ||
	    (rc = mdb_env_set_mapsize(env, (size_t)16 << 30)) ||
	    (rc = mdb_env_open(env, path, MDB_NOSUBDIR, 0600)))
		return rc;
	if (!(rc = mdb_txn_begin(env, NULL, 0, &txn))) {
		for (int i = 0; i < 2 && !rc; i++)
			if (!(rc = mdb_dbi_open(txn, dbs[i], 0, &dbi)) &&
			    !(rc = mdb_stat(txn, dbi, &ms))) {
				entries[i] = ms.ms_entries;
				rc = mdb_drop(txn, dbi, 0);
			}
		if (!rc)
			rc = mdb_txn_commit(txn);
		else
			mdb_txn_abort(txn);
	}
	mdb_env_close(env);
	return rc;
}

static int index_size(const char *db, const char *dir)
{
	char a[4096 + 8], b[4096 + 8];
	struct pd_store *st;
	struct pd_err err;
	size_t entries[2] = { 0, 0 }, people = 0, orgs = 0;
	struct pd_txn *txn;
	long long sa, sb;
	int rc;

	snprintf(a, 4096, "%s/index-size-a.db", dir);
	snprintf(b, 4096, "%s/index-size-b.db", dir);
	if ((rc = pd_store_open(db, NULL, &st, &err)) == PD_OK) {
		if (pd_txn_read(st, &txn, NULL) == PD_OK) {
			pd_count_kind(txn, PD_PERSON, &people);
			pd_count_kind(txn, PD_ORG, &orgs);
			pd_txn_end(txn);
		}
		rc = pd_store_backup(st, a, &err);
		pd_store_close(st);
	}
	if (rc == PD_OK && (rc = drop_terms(a, entries)) != 0) {
		fprintf(stderr, "bench_search: %s: %s\n", a, mdb_strerror(rc));
		return 1;
	}
	if (rc == PD_OK && (rc = pd_store_open(a, NULL, &st, &err)) == PD_OK) {
		rc = pd_store_backup(st, b, &err);
		pd_store_close(st);
	}
	if (rc != PD_OK) {
		fprintf(stderr, "bench_search: %s\n", err.msg);
		return 1;
	}
	sb = file_size(b);
	if (pd_store_open(db, NULL, &st, &err) == PD_OK) {   /* compact size of DB */
		pd_store_backup(st, a, &err);
		pd_store_close(st);
	}
	sa = file_size(a);
	printf("%zu people, %zu organisations: %zu search index entries (%.1f a record), "
	       "%zu cards\n", people, orgs, entries[0],
	       (double)entries[0] / (double)(people + orgs ? people + orgs : 1), entries[1]);
	printf("compact database %.1f MiB, without the search index and cards %.1f MiB: "
	       "they take %.1f MiB\n",
	       (double)sa / 1048576.0, (double)sb / 1048576.0, (double)(sa - sb) / 1048576.0);
	remove(a);
	remove(b);
	strcat(a, "-lock");   /* LMDB's lock files, beside the copies */
	strcat(b, "-lock");
	remove(a);
	remove(b);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "gen"))
		return gen(argv[2], strtoul(argv[3], NULL, 10), argc > 4 ? argv[4] : NULL,
			   argc > 5 ? argv[5] : NULL);
	if (argc >= 4 && !strcmp(argv[1], "index-size"))
		return index_size(argv[2], argv[3]);
	if (argc >= 3 && !strcmp(argv[1], "query"))
		return query(argv[2], argc > 3 ? strtoul(argv[3], NULL, 10) : 10000,
			     argc > 4 ? argv[4] : "");
	fprintf(stderr, "usage: bench_search gen DB N [CSV [ABOOK]]\n"
			"       bench_search query DB [QUERIES [one|two]]\n"
			"       bench_search index-size DB TMPDIR\n");
	return 2;
}
