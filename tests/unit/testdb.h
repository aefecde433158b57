/*
 * testdb.h — shared helpers for the core unit tests: a store on a fresh
 * temporary directory (set up and torn down by the test suite), a write
 * helper, and record builders.  Include it first: it asks for nftw().
 */
#ifndef PLANDESK_TESTDB_H
#define PLANDESK_TESTDB_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "plandesk/records/record.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"
#include "plandesk/records/undo.h"
#include "plandesk/directory/open.h"
#include "plandesk/documents/formats.h"

struct testdb {
	char             dir[64];    /* the temporary directory */
	char             path[128];  /* dir + "/test.db" */
	struct pd_store *st;
};

static struct testdb tdb __attribute__((unused));

/* The document module's writers, linked in (libplandesk-formats.a): the
 * tests test the writers, not the loading (tests/cli/module.sh does). */
static inline const struct pd_formats *tdb_formats(void *ctx, struct pd_err *err)
{
	(void)ctx; (void)err;
	return &pd_formats_module;
}

static const struct pd_formats_loader tdb_loader __attribute__((unused)) = {
	.load = tdb_formats,
};

/* Open (or reopen) tdb.path, with the writers of every format; asserts
 * success. */
static inline void tdb_open(const struct pd_open_opts *opts)
{
	struct pd_err err = { 0 };
	int rc = pd_store_open(tdb.path, opts, &tdb.st, &err);

	cr_assert_eq(rc, PD_OK, "pd_store_open(%s): %d %s", tdb.path, rc, err.msg);
	pd_store_set_formats(tdb.st, &tdb_loader);
}

static inline void tdb_close(void)
{
	pd_store_close(tdb.st);
	tdb.st = NULL;
}

static inline void tdb_mkdir(void)
{
	snprintf(tdb.dir, sizeof tdb.dir, "/tmp/plandesk-test-XXXXXX");
	cr_assert_not_null(mkdtemp(tdb.dir), "mkdtemp failed");
	snprintf(tdb.path, sizeof tdb.path, "%s/test.db", tdb.dir);
}

/* Suite .init: a new directory with an empty store in it. */
static inline void tdb_setup(void)
{
	tdb_mkdir();
	tdb_open(NULL);
}

static inline int tdb_rm1(const char *p, const struct stat *sb, int type,
			  struct FTW *ftw)
{
	(void)sb; (void)type; (void)ftw;
	return remove(p);
}

/* Suite .fini: close the store and remove the directory. */
static inline void tdb_teardown(void)
{
	tdb_close();
	if (tdb.dir[0])
		nftw(tdb.dir, tdb_rm1, 16, FTW_DEPTH | FTW_PHYS);
	tdb.dir[0] = '\0';
}

/* How many entries the test folder holds besides the database and its
 * lock file (each named in the log): a temporary file left behind. */
static inline int tdb_strays(void)
{
	DIR *d = opendir(tdb.dir);
	struct dirent *e;
	int n = 0;

	cr_assert_not_null(d, "open %s", tdb.dir);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    strcmp(e->d_name, "test.db") && strcmp(e->d_name, "test.db-lock")) {
			cr_log_error("left behind: %s", e->d_name);
			n++;
		}
	closedir(d);
	return n;
}

/* Run `fn` as one write on tdb.st. */
static inline int tdb_write(pd_write_fn fn, void *ctx, struct pd_err *err)
{
	return pd_store_write(tdb.st, "test", 0, fn, ctx, err);
}

/*
 * Store records in one write.  A write body may run more than once (after
 * the map grows), so ids handed out by an aborted try are reset first.
 */
struct tdb_puts {
	struct pd_record *r;
	size_t            n;
	uint64_t          ids[64];   /* the ids the records had before */
};

static inline int tdb_puts_body(struct pd_txn *txn, void *ctx,
				struct pd_err *err)
{
	struct tdb_puts *p = ctx;
	int rc;

	for (size_t i = 0; i < p->n; i++) {
		p->r[i].id = p->ids[i];
		if ((rc = pd_put(txn, &p->r[i], err)) != PD_OK)
			return rc;
	}
	return PD_OK;
}

static inline int tdb_put_n(struct pd_record *r, size_t n, struct pd_err *err)
{
	struct tdb_puts p = { r, n, { 0 } };

	cr_assert_leq(n, 64);
	for (size_t i = 0; i < n; i++)
		p.ids[i] = r[i].id;
	return tdb_write(tdb_puts_body, &p, err);
}

/* Store one record; asserts success and returns its id. */
static inline uint64_t tdb_put(struct pd_record *r)
{
	struct pd_err err = { 0 };
	int rc = tdb_put_n(r, 1, &err);

	cr_assert_eq(rc, PD_OK, "pd_put %s: %d %s", pd_kind_info(r->kind)->name,
		     rc, err.msg);
	cr_assert_neq(r->id, 0);
	return r->id;
}

/* Store one record and free it; returns its id. */
static inline uint64_t tdb_add(struct pd_record r)
{
	uint64_t id = tdb_put(&r);

	pd_record_clear(&r);
	return id;
}

struct tdb_del_ctx { enum pd_kind kind; uint64_t id; };

static inline int tdb_del_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct tdb_del_ctx *d = ctx;

	return pd_del(txn, d->kind, d->id, err);
}

static inline int tdb_del(enum pd_kind kind, uint64_t id, struct pd_err *err)
{
	struct tdb_del_ctx d = { kind, id };

	return tdb_write(tdb_del_body, &d, err);
}

/* Read record (kind, id) in its own read transaction. */
static inline int tdb_get(enum pd_kind kind, uint64_t id, struct pd_record *out)
{
	struct pd_txn *txn;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_get(txn, kind, id, out, NULL);
	pd_txn_end(txn);
	return rc;
}

/* Replace one text field of (kind, id) in its own write. */
static inline void tdb_set_text(enum pd_kind kind, uint64_t id, int f, const char *s)
{
	struct pd_record r;

	cr_assert_eq(tdb_get(kind, id, &r), PD_OK);
	pd_set_text(&r, f, s, (size_t)-1);
	tdb_put(&r);
	pd_record_clear(&r);
}

/* Undo the last write; asserts success. */
static inline void tdb_undo(void)
{
	struct pd_err err = { 0 };

	cr_assert_eq(pd_store_undo(tdb.st, NULL, 0, &err), PD_OK, "%s", err.msg);
}

static inline size_t tdb_count(enum pd_kind kind)
{
	struct pd_txn *txn;
	size_t n = 0;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_count_kind(txn, kind, &n), PD_OK);
	pd_txn_end(txn);
	return n;
}

static inline size_t tdb_count_ix(enum pd_index ix, uint64_t parent)
{
	struct pd_txn *txn;
	size_t n = 0;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_count_index(txn, ix, parent, &n), PD_OK);
	pd_txn_end(txn);
	return n;
}

/* --- record builders (free with pd_record_clear) ----------------------- */

static inline struct pd_record make_plan(const char *ref, const char *title)
{
	struct pd_record r;

	pd_record_init(&r, PD_PLAN);
	pd_set_text(&r, PD_PLAN_REF, ref, (size_t)-1);
	pd_set_text(&r, PD_PLAN_TITLE, title, (size_t)-1);
	return r;
}

static inline struct pd_record make_item(uint64_t plan, const char *ref,
					 const char *title)
{
	struct pd_record r;

	pd_record_init(&r, PD_ITEM);
	pd_set_ref(&r, PD_ITEM_PLAN, plan);
	pd_set_text(&r, PD_ITEM_REF, ref, (size_t)-1);
	pd_set_text(&r, PD_ITEM_TITLE, title, (size_t)-1);
	return r;
}

static inline struct pd_record make_org(const char *name)
{
	struct pd_record r;

	pd_record_init(&r, PD_ORG);
	pd_set_text(&r, PD_ORG_NAME, name, (size_t)-1);
	return r;
}

/* initials and email may be NULL; org may be 0. */
static inline struct pd_record make_person(const char *name,
					   const char *initials,
					   const char *email, uint64_t org)
{
	struct pd_record r;

	pd_record_init(&r, PD_PERSON);
	pd_set_text(&r, PD_PERSON_NAME, name, (size_t)-1);
	pd_set_text(&r, PD_PERSON_INITIALS, initials, (size_t)-1);
	pd_set_text(&r, PD_PERSON_EMAIL, email, (size_t)-1);
	pd_set_ref(&r, PD_PERSON_ORG, org);
	return r;
}

#endif
