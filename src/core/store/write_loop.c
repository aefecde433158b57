/*
 * write_loop.c — pd_store_write: one write transaction round the caller's
 * function, with the journal, the change counter and the next id, retried
 * with a larger map when LMDB says it is full.
 */
#include <stdio.h>
#include <time.h>

#include "journal.h"
#include "mdb_err.h"
#include "store_impl.h"
#include "write_queue.h"

static int grow_map(struct pd_store *st, struct pd_err *err)
{
	size_t size = st->map_size * 2;
	int rc;

	if (size < st->map_size)
		return pd_err_set(err, PD_EIO, "database map cannot grow further");
	if ((rc = mdb_env_set_mapsize(st->env, size)))
		return pd_mdb_err(NULL, rc, err, "grow map");
	st->map_size = size;
	return PD_OK;
}

static int write_once(struct pd_store *st, const char *label, unsigned flags,
		      pd_write_fn fn, void *ctx, struct pd_err *err)
{
	struct pd_txn t = { .st = st, .write = true,
			    .journal = !(flags & PD_W_NO_JOURNAL) };
	uint64_t changes;
	int rc;

	snprintf(t.label, sizeof t.label, "%s", label ? label : "change");
	if ((rc = pd_store_begin(st, 0, &t.txn)) == MDB_PANIC)
		return pd_err_set(err, PD_EIO, "cannot save to %s: an earlier write "
				  "failed and it cannot be opened again; nothing was "
				  "changed", st->path);
	if (rc)
		return pd_mdb_err(NULL, rc, err, "write");
	t.now = (int64_t)time(NULL);
	pd_meta_get_u64(&t, "next_id", &t.next_id);
	if (!t.next_id)
		t.next_id = 1;
	t.id_lo = t.next_id;
	if ((rc = pd_journal_next_seq(&t, &t.seq, err)) != PD_OK)
		goto abort;
	rc = fn(&t, ctx, err);
	if (rc == PD_OK)
		rc = pd_txn_flush(&t, err);
	if (rc == PD_OK && t.dirty) {
		pd_meta_get_u64(&t, "changes", &changes);
		/* Undo and redo move the counter too (they write with the
		 * journal off), so other clients see them. */
		if ((!(flags & PD_W_NO_JOURNAL) &&
		     (rc = pd_meta_put_u64(&t, "changes", changes + 1, err))) ||
		    (rc = pd_meta_put_u64(&t, "next_id", t.next_id, err)) ||
		    (rc = pd_journal_commit(&t, err)))
			goto abort;
	}
	if (rc != PD_OK || (flags & PD_W_DRY_RUN) || !t.dirty)
		goto abort;
	pd_txn_release(&t);
	rc = mdb_txn_commit(t.txn);
	if (rc != MDB_SUCCESS && t.renewed)
		pd_store_reopen_terms(st);
	if (rc == MDB_MAP_FULL)
		return PD_EMAPFULL;
	if (pd_mdb_io_error(rc))
		return pd_mdb_save_err(st, rc, err);
	return pd_mdb_err(NULL, rc, err, "commit");
abort:
	mdb_txn_abort(t.txn);
	pd_txn_release(&t);
	if (t.renewed)
		pd_store_reopen_terms(st);
	if (t.mapfull)
		return PD_EMAPFULL;
	return rc;
}

int pd_store_write(struct pd_store *st, const char *label, unsigned flags,
		   pd_write_fn fn, void *ctx, struct pd_err *err)
{
	int rc;

	if (st->read_only && st->why[0])
		return pd_err_set(err, PD_EREADONLY, "cannot save: %s; nothing was "
				  "changed", st->why);
	if (st->read_only)
		return pd_err_set(err, PD_EREADONLY, "%s is open read-only", st->path);
	for (int tries = 0; tries < 24; tries++) {
		pd_err_clear(err);
		rc = write_once(st, label, flags, fn, ctx, err);
		if (rc != PD_EMAPFULL)
			return rc;
		if ((rc = grow_map(st, err)) != PD_OK)
			return rc;
	}
	return pd_err_set(err, PD_EIO, "database map is full and cannot grow");
}
