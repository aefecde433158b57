/*
 * write_txn.c — one write transaction round the caller's function: the
 * journal, the change counter and the next id, the queued entries put,
 * the commit (pd_store_write_once, store_impl.h).
 */
#include <stdio.h>
#include <time.h>

#include "journal.h"
#include "mdb_err.h"
#include "store_impl.h"
#include "wlock.h"
#include "write_queue.h"

int pd_store_write_once(struct pd_store *st, const char *label, unsigned flags,
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
	if (pd_store_replaced(st)) {   /* and a read of ours holds the old file */
		mdb_txn_abort(t.txn);
		return pd_err_set(err, PD_EIO, "cannot save: %s was replaced (by an "
				  "import) while this program read it; nothing was "
				  "changed, try again", st->path);
	}
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
	st->committed = rc == MDB_SUCCESS;
	if (rc != MDB_SUCCESS && t.renewed)
		pd_store_reopen_terms(st);
	if (rc == MDB_MAP_FULL)
		return PD_EMAPFULL;
	if (pd_mdb_io_error(rc))
		return pd_mdb_save_err(st, rc, err);
	return pd_mdb_err(NULL, rc, err, "commit");
abort:
	if (t.txn)   /* NULL: a checkpoint failed */
		mdb_txn_abort(t.txn);
	pd_txn_release(&t);
	if (t.renewed)
		pd_store_reopen_terms(st);
	if (t.mapfull)
		return PD_EMAPFULL;
	return rc;
}
