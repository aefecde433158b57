/*
 * store.c — opening the LMDB environment, transactions, the change counter
 * and backup; the write loop is write_loop.c.  LMDB's codes become
 * statuses in mdb_err.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/save.h"
#include "indexes.h"
#include "journal.h"
#include "mdb_err.h"
#include "store_impl.h"
#include "wlock.h"
#include "write_queue.h"

#define CHECKPOINT 16384u   /* rows between a bulk write's commits */

static const char *const kind_db[PD_NKINDS] = {
	[PD_ORG] = "org", [PD_PERSON] = "person", [PD_PLAN] = "plan",
	[PD_THEME] = "theme", [PD_ITEM] = "item", [PD_ACTION] = "action",
	[PD_UPDATE] = "update", [PD_MEETING] = "meeting",
};

static const struct { const char *name; unsigned flags; } other_db[PD_NDBS] = {
	[PD_DB_META]   = { "meta",   0 },
	[PD_DB_UNIQUE] = { "unique", 0 },
	[PD_DB_TERMS]  = { "terms",  0 },   /* posting blocks (postings.h);
					      MDB_DUPSORT before schema 4 */
	[PD_DB_UNDO]   = { "undo",   0 },
	[PD_DB_REDO]   = { "redo",   0 },
	[PD_DB_DRAFTS] = { "drafts", 0 },
	[PD_DB_CARDS]  = { "cards",  0 },
};

int pd_store_path(const char *db_flag, const char *name, char *buf, size_t n,
		  struct pd_err *err)
{
	const char *env = getenv("PLANDESK_DB"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int len;

	if (!name)
		name = "plandesk.db";
	if (db_flag && *db_flag)
		len = snprintf(buf, n, "%s", db_flag);
	else if (env && *env && strcmp(name, "plandesk.db") == 0)
		len = snprintf(buf, n, "%s", env);
	else if (xdg && *xdg == '/')
		len = snprintf(buf, n, "%s/plandesk/%s", xdg, name);
	else if (home && *home)
		len = snprintf(buf, n, "%s/.local/share/plandesk/%s", home, name);
	else
		return pd_err_set(err, PD_EINVAL,
			"no database path: set HOME, XDG_DATA_HOME or use --db");
	if (len < 0 || (size_t)len >= n)
		return pd_err_set(err, PD_EINVAL, "database path is too long");
	return PD_OK;
}

/* mkdir -p for the directory part of `path`, each new directory 0700. */
int pd_make_parent_dirs(const char *path, struct pd_err *err)
{
	char dir[4096];
	char *slash;

	if (strlen(path) >= sizeof dir)
		return pd_err_set(err, PD_EINVAL, "database path is too long");
	strcpy(dir, path);
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return PD_OK;
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return pd_err_set(err, PD_EIO, "cannot create directory %s: %s",
					  dir, strerror(errno));
		*p = c;
		if (!c)
			break;
	}
	return PD_OK;
}

/* Open every named database (creating them in a write transaction). */
static int open_dbs(struct pd_store *st, MDB_txn *txn, unsigned create,
		    struct pd_err *err)
{
	int rc;

	for (int k = 0; k < PD_NKINDS; k++)
		if ((rc = mdb_dbi_open(txn, kind_db[k], create, &st->kind_dbi[k])))
			return pd_mdb_err(NULL, rc, err, kind_db[k]);
	for (int i = 0; i < PD_NINDEXES; i++) {
		rc = mdb_dbi_open(txn, pd_ixdef(i)->db,
				  create | MDB_DUPSORT | MDB_DUPFIXED, &st->ix_dbi[i]);
		if (rc)
			return pd_mdb_err(NULL, rc, err, pd_ixdef(i)->db);
	}
	for (int d = 0; d < PD_NDBS; d++) {
		rc = mdb_dbi_open(txn, other_db[d].name, create | other_db[d].flags,
				  &st->dbi[d]);
		/* Schema 1 had no cards: read-only, lookups read the records. */
		if (rc == MDB_NOTFOUND && d == PD_DB_CARDS)
			continue;
		if (d == PD_DB_CARDS)
			st->has_cards = rc == MDB_SUCCESS;
		if (rc)
			return pd_mdb_err(NULL, rc, err, other_db[d].name);
	}
	return PD_OK;
}

int pd_store_renew_terms(struct pd_txn *txn, struct pd_err *err)
{
	struct pd_store *st = txn->st;
	const char *name = other_db[PD_DB_TERMS].name;
	MDB_dbi dbi;
	int rc;

	/* By name: a try rolled back after the drop left the handle closed. */
	if ((rc = mdb_dbi_open(txn->txn, name, 0, &dbi)) ||
	    (rc = mdb_drop(txn->txn, dbi, 1)) ||
	    (rc = mdb_dbi_open(txn->txn, name, MDB_CREATE, &dbi)))
		return pd_mdb_err(txn, rc, err, "upgrade");
	st->dbi[PD_DB_TERMS] = dbi;
	st->terms_blocks = true;
	txn->renewed = true;
	return PD_OK;
}

/* Is `terms` of the block layout?  (An existing table keeps the flags it
 * was made with, whatever open_dbs asked for.) */
static void note_layout(struct pd_store *st, MDB_txn *txn)
{
	unsigned flags = 0;

	mdb_dbi_flags(txn, st->dbi[PD_DB_TERMS], &flags);
	st->terms_blocks = !(flags & MDB_DUPSORT);
}

static int reopen(struct pd_store *st);

/* (store_impl.h) */
int pd_store_begin(struct pd_store *st, unsigned flags, MDB_txn **txn)
{
	int rc;

	pd_store_current(st);   /* a bulk write may have put a new file in place */
	rc = st->env ? mdb_txn_begin(st->env, NULL, flags, txn) : MDB_PANIC;

	if (rc == MDB_PANIC && (rc = reopen(st)) == MDB_SUCCESS)
		rc = mdb_txn_begin(st->env, NULL, flags, txn);

	if (rc == MDB_MAP_RESIZED) {
		MDB_envinfo info;
		mdb_env_set_mapsize(st->env, 0);
		mdb_env_info(st->env, &info);
		st->map_size = info.me_mapsize;
		rc = mdb_txn_begin(st->env, NULL, flags, txn);
	}
	return rc;
}

/*
 * Read the schema version; 0 when the database is new (an environment with
 * nothing in it).  An environment holding anything else without a schema
 * version — another program's LMDB file — or with a damaged one is refused,
 * before anything is written to it.
 */
static int read_schema(struct pd_store *st, uint64_t *schema, struct pd_err *err)
{
	MDB_txn *txn;
	MDB_dbi meta, main;
	MDB_val k = { 6, "schema" }, v;
	MDB_stat ms;
	size_t len = 8;
	int rc, found = MDB_NOTFOUND;

	*schema = 0;
	if ((rc = pd_store_begin(st, MDB_RDONLY, &txn)))
		return pd_mdb_err(NULL, rc, err, "open");
	rc = mdb_dbi_open(txn, "meta", 0, &meta);
	if (rc == MDB_SUCCESS && (found = mdb_get(txn, meta, &k, &v)) == MDB_SUCCESS) {
		len = v.mv_size;
		if (len == 8)
			*schema = pd_get_be64(v.mv_data);
	}
	if ((rc == MDB_SUCCESS || rc == MDB_NOTFOUND) && found == MDB_NOTFOUND &&
	    (rc = mdb_dbi_open(txn, NULL, 0, &main)) == MDB_SUCCESS &&
	    (rc = mdb_stat(txn, main, &ms)) == MDB_SUCCESS && ms.ms_entries)
		rc = -1;
	mdb_txn_abort(txn);
	if (rc == -1)
		return pd_err_set(err, PD_ECORRUPT, "%s is not a plandesk database "
			"(an LMDB file without plandesk's schema version); nothing "
			"was changed", st->path);
	if (rc && rc != MDB_NOTFOUND)
		return pd_mdb_err(NULL, rc, err, "open");
	if (len != 8)
		return pd_err_set(err, PD_ECORRUPT, "%s is damaged: its schema version "
			"is %zu bytes long, not 8; nothing was changed", st->path, len);
	return PD_OK;
}

static int init_dbs(struct pd_store *st, uint64_t schema, struct pd_err *err)
{
	MDB_txn *txn;
	unsigned char b[8];
	MDB_val k = { 6, "schema" }, v = { 8, b };
	int rc;

	if (st->read_only) {
		if ((rc = pd_store_begin(st, MDB_RDONLY, &txn)))
			return pd_mdb_err(NULL, rc, err, "open");
		rc = open_dbs(st, txn, 0, err);
		if (rc == PD_OK)
			note_layout(st, txn);
		if (rc != PD_OK)
			mdb_txn_abort(txn);
		else if ((rc = mdb_txn_commit(txn)))   /* commit keeps the handles */
			rc = pd_mdb_err(NULL, rc, err, "open");
		if (rc == PD_NOTFOUND)
			return pd_err_set(err, PD_EREADONLY,
				"%s is read-only and has never been written", st->path);
		return rc;
	}
	if ((rc = pd_store_begin(st, 0, &txn)))
		return pd_mdb_err(NULL, rc, err, "open");
	if ((rc = open_dbs(st, txn, MDB_CREATE, err)) != PD_OK) {
		mdb_txn_abort(txn);
		return rc;
	}
	note_layout(st, txn);
	if (schema == 0) {
		pd_put_be64(b, PD_SCHEMA_VERSION);
		if ((rc = mdb_put(txn, st->dbi[PD_DB_META], &k, &v, 0))) {
			mdb_txn_abort(txn);
			return pd_mdb_err(NULL, rc, err, "open");
		}
	}
	if ((rc = mdb_txn_commit(txn)) && pd_mdb_io_error(rc))   /* a new file */
		return pd_mdb_save_err(st, rc, err);
	if (rc)
		return pd_mdb_err(NULL, rc, err, "open");
	return PD_OK;
}

/* Create and open the environment; on failure nothing is left open. */
static int env_open(struct pd_store *st, const char *path, unsigned flags)
{
	int rc;

	if ((rc = mdb_env_create(&st->env)))
		return rc;
	if ((rc = mdb_env_set_maxdbs(st->env, 32)) ||
	    (rc = mdb_env_set_maxreaders(st->env, 126)) ||
	    (rc = mdb_env_set_mapsize(st->env, st->map_size)) ||
	    (rc = mdb_env_open(st->env, path, flags, 0600))) {
		mdb_env_close(st->env);
		st->env = NULL;
	}
	return rc;
}

static bool denied(int rc) { return rc == EACCES || rc == EROFS || rc == EPERM; }

/* Say which of the file, its lock file or its folder could not be written. */
static void note_read_only(struct pd_store *st, const char *path)
{
	size_t n = sizeof st->why;
	char lock[4200];

	snprintf(lock, sizeof lock, "%s-lock", path);
	if (access(path, W_OK) != 0)
		snprintf(st->why, n, "%s is not writable", path);
	else if (access(lock, F_OK) == 0)
		snprintf(st->why, n, "%s-lock is not writable", path);
	else
		snprintf(st->why, n, "%s cannot be locked (its folder is not "
			 "writable, so %s-lock cannot be created)", path, path);
	snprintf(st->notice, sizeof st->notice, "%.*s: opened read-only, "
		 "changes cannot be saved", (int)sizeof st->why, st->why);
}

/*
 * Open for writing; a file or directory we may not write is opened
 * read-only instead (without the lock file when that too is read-only), and
 * the store says so through pd_store_notice.
 */
static int open_env(struct pd_store *st, const char *path, struct pd_err *err)
{
	unsigned flags = MDB_NOSUBDIR | (st->read_only ? MDB_RDONLY : 0);
	int rc = env_open(st, path, flags);

	if (denied(rc) && access(path, R_OK) == 0) {
		rc = env_open(st, path, flags | MDB_RDONLY);
		if (denied(rc))
			rc = env_open(st, path, flags | MDB_RDONLY | MDB_NOLOCK);
		if (rc == MDB_SUCCESS && !st->read_only)
			note_read_only(st, path);
		if (rc == MDB_SUCCESS)
			st->read_only = true;
	}
	if (rc == MDB_SUCCESS)
		return PD_OK;
	if (rc == MDB_INVALID || rc == MDB_VERSION_MISMATCH)
		return pd_err_set(err, PD_ECORRUPT, "%s is not a plandesk database", path);
	if (denied(rc))
		return pd_err_set(err, PD_EREADONLY, "cannot open %s: %s", path,
				  strerror(rc));
	if (rc == ENOENT && st->read_only)   /* a mistyped --db, most likely */
		return pd_err_set(err, PD_EIO, "there is no database at %s", path);
	return pd_err_set(err, PD_EIO, "cannot open %s: %s", path, mdb_strerror(rc));
}

/*
 * When the write of a commit's meta page fails (EIO, a full disk), LMDB
 * writes the old one back and marks the environment failed: the file is
 * the old one, whole, but every later transaction returns MDB_PANIC.  A
 * client in a meeting would then save nothing more until restarted, so the
 * environment is closed and opened again (the disk may be writable by
 * now) — unless a read transaction of this process still uses it.  The
 * same when a bulk write put a new file in place (wlock.h).
 * Returns MDB_SUCCESS, or MDB_PANIC with st->env NULL or unchanged.
 */
static int reopen(struct pd_store *st)
{
	struct pd_err err;
	uint64_t schema;

	int rc = MDB_PANIC;

	if (st->reads)
		return MDB_PANIC;
	if (st->env)
		mdb_env_close(st->env);
	st->env = NULL;
	pd_wlock_share(st);
	if (open_env(st, st->path, &err) != PD_OK)
		goto done;
	pd_store_note_file(st);
	if (read_schema(st, &schema, &err) != PD_OK ||
	    init_dbs(st, schema, &err) != PD_OK) {
		mdb_env_close(st->env);
		st->env = NULL;
		goto done;
	}
	rc = MDB_SUCCESS;
done:
	pd_wlock_unshare(st);
	return rc;
}

/* A number no other open of any database is likely to draw. */
static uint64_t new_session(const struct pd_store *st)
{
	uint64_t s = 0;
	struct timespec ts;

	if (getrandom(&s, sizeof s, GRND_NONBLOCK) != (ssize_t)sizeof s) {
		clock_gettime(CLOCK_REALTIME, &ts);
		s = (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec ^
		    (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)st;
	}
	return s ? s : 1;
}

/* $PLANDESK_SORT_BYTES: the tests' way to make a small import spill runs. */
static size_t sort_bytes_env(void)
{
	const char *v = getenv("PLANDESK_SORT_BYTES");

	return v && *v ? (size_t)strtoull(v, NULL, 10) : 0;
}

/* $PLANDESK_BULK_BYTES: the tests' way to make a small import a bulk write. */
static size_t bulk_bytes_env(void)
{
	const char *v = getenv("PLANDESK_BULK_BYTES");

	return v && *v ? (size_t)strtoull(v, NULL, 10) : PD_BULK_BYTES;
}

size_t pd_store_bulk_bytes(const struct pd_store *st) { return st->bulk_bytes; }

/* $PLANDESK_CHECKPOINT: the tests' way to make a small bulk write commit
 * its copy many times (rows between commits; 0 or unset: CHECKPOINT). */
static unsigned checkpoint_env(void)
{
	const char *v = getenv("PLANDESK_CHECKPOINT");
	unsigned long n = v && *v ? strtoul(v, NULL, 10) : 0;

	return n && n < CHECKPOINT ? (unsigned)n : CHECKPOINT;
}

int pd_store_open_env(const char *path, const struct pd_open_opts *opts,
		      const struct pd_derived_ops *const *derived,
		      uint64_t *schema_out, struct pd_store **out,
		      struct pd_err *err)
{
	struct pd_store *st;
	MDB_envinfo info;
	uint64_t schema;
	int rc, dead;

	*out = NULL;
	*schema_out = 0;
	st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		return pd_err_nomem(err);
	}
	st->derived = derived;
	st->read_only = opts && opts->read_only;
	st->session = new_session(st);
	st->map_size = opts && opts->map_size ? opts->map_size : PD_DEFAULT_MAP;
	st->sort_bytes = opts && opts->sort_bytes ? opts->sort_bytes : sort_bytes_env();
	st->bulk_bytes = opts && opts->bulk_bytes ? opts->bulk_bytes : bulk_bytes_env();
	st->checkpoint = checkpoint_env();
	st->lockfd = st->copy_fd = -1;
	if (!st->read_only && (rc = pd_make_parent_dirs(path, err)) != PD_OK)
		goto fail;
	pd_wlock_open(st);
	pd_wlock_share(st);   /* not while a bulk write renames its copy */
	rc = open_env(st, path, err);
	pd_wlock_unshare(st);
	if (rc != PD_OK)
		goto fail;
	pd_store_note_file(st);
	mdb_reader_check(st->env, &dead);   /* slots of killed processes */
	mdb_env_info(st->env, &info);
	if (info.me_mapsize > st->map_size)
		st->map_size = info.me_mapsize;
	if ((rc = read_schema(st, &schema, err)) != PD_OK)
		goto fail;
	if (schema > PD_SCHEMA_VERSION) {
		rc = pd_err_set(err, PD_ESCHEMA,
			"%s was written by a newer plandesk (schema %llu; this one "
			"reads up to %d); nothing was changed", path,
			(unsigned long long)schema, PD_SCHEMA_VERSION);
		goto fail;
	}
	if ((rc = init_dbs(st, schema, err)) != PD_OK)
		goto fail;
	/* An older schema lacks derived entries: the opener derives them
	 * once (directory/upgrade.h); read-only, the store does without. */
	st->has_inner = schema == 0 || schema >= 3 || !st->read_only;
	*schema_out = schema;
	*out = st;
	return PD_OK;
fail:
	pd_store_close(st);
	return rc;
}

int pd_store_open_copy(const struct pd_store *st, int fd, size_t map_size,
		       struct pd_store **out, struct pd_err *err)
{
	struct pd_store *c = calloc(1, sizeof *c);
	char proc[64];
	uint64_t schema;
	int rc;

	*out = NULL;
	if (!c || !(c->path = strdup(st->path))) {
		free(c);
		return pd_err_nomem(err);
	}
	c->derived = st->derived;
	c->formats = st->formats;
	c->session = st->session;
	c->sort_bytes = st->sort_bytes;
	c->bulk_bytes = st->bulk_bytes;
	c->checkpoint = st->checkpoint;
	c->map_size = map_size;
	c->lockfd = c->copy_fd = -1;
	c->bulk = true;
	/* Nobody else knows the file: no lock file, and no sync before the
	 * one the rename waits for. */
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if ((rc = env_open(c, proc, MDB_NOSUBDIR | MDB_NOLOCK | MDB_NOSYNC))) {
		rc = pd_mdb_io_error(rc) ? pd_mdb_save_err(st, rc, err)
			: pd_err_set(err, PD_EIO, "cannot open the copy of %s: %s",
				     st->path, mdb_strerror(rc));
		goto fail;
	}
	if ((rc = read_schema(c, &schema, err)) != PD_OK ||
	    (rc = init_dbs(c, schema, err)) != PD_OK)
		goto fail;
	c->has_inner = st->has_inner;   /* as the opener set them (open.c) */
	c->has_shadow = st->has_shadow;
	c->cards_packed = st->cards_packed;
	c->copy_fd = fd;
	pd_store_find_map(c);
	*out = c;
	return PD_OK;
fail:
	pd_store_close(c);
	return rc;
}

void pd_store_current(struct pd_store *st)
{
	if (st->env && !st->reads && pd_store_replaced(st))
		reopen(st);
}

const char *pd_store_notice(const struct pd_store *st)
{
	return st->notice[0] ? st->notice : NULL;
}

void pd_store_close(struct pd_store *st)
{
	if (!st)
		return;
	if (st->env)
		mdb_env_close(st->env);
	pd_wlock_close(st);   /* after the environment: see wlock.h */
	if (st->copy_fd >= 0)
		close(st->copy_fd);
	free(st->path);
	free(st);
}

void pd_store_reopen_terms(struct pd_store *st)
{
	MDB_txn *txn;

	if (pd_store_begin(st, MDB_RDONLY, &txn))
		return;
	if (mdb_dbi_open(txn, other_db[PD_DB_TERMS].name, 0, &st->dbi[PD_DB_TERMS]) ==
	    MDB_SUCCESS)
		note_layout(st, txn);
	mdb_txn_commit(txn);   /* keeps the handle */
}
