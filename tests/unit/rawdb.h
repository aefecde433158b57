/*
 * rawdb.h — raw LMDB access to the test store's file, for tests that
 * damage or rewind a database by hand (test_check, test_cards).  Include
 * it after testdb.h.
 */
#ifndef PLANDESK_RAWDB_H
#define PLANDESK_RAWDB_H

#include <lmdb.h>

/* A raw LMDB write transaction on the (closed) store's file. */
struct raw { MDB_env *env; MDB_txn *txn; };

/* Close tdb.st and begin a raw write on its file. */
static inline void raw_begin(struct raw *r)
{
	tdb_close();
	cr_assert_eq(mdb_env_create(&r->env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(r->env, 32), 0);
	cr_assert_eq(mdb_env_open(r->env, tdb.path, MDB_NOSUBDIR, 0600), 0);
	cr_assert_eq(mdb_txn_begin(r->env, NULL, 0, &r->txn), 0);
}

static inline MDB_dbi raw_dbi(struct raw *r, const char *name, unsigned flags)
{
	MDB_dbi dbi;
	int rc = mdb_dbi_open(r->txn, name, flags, &dbi);

	cr_assert_eq(rc, 0, "open %s: %s", name, mdb_strerror(rc));
	return dbi;
}

/* Commit the raw write, close it, and reopen tdb.st with `opts`. */
static inline void raw_commit_open(struct raw *r, const struct pd_open_opts *opts)
{
	cr_assert_eq(mdb_txn_commit(r->txn), 0);
	mdb_env_close(r->env);
	tdb_open(opts);
}

static inline void raw_commit(struct raw *r)
{
	raw_commit_open(r, NULL);
}

#endif
