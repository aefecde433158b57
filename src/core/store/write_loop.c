/*
 * write_loop.c — pd_store_write: the caller's function in a write
 * transaction (write_txn.c) under the writer lock (wlock.h), tried again
 * on a larger map when LMDB says it is full; a bulk write goes to bulk.c.
 */
#include "mdb_err.h"
#include "store_impl.h"
#include "wlock.h"

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

int pd_store_write(struct pd_store *st, const char *label, unsigned flags,
		   pd_write_fn fn, void *ctx, struct pd_err *err)
{
	int rc;

	if (st->read_only && st->why[0])
		return pd_err_set(err, PD_EREADONLY, "cannot save: %s; nothing was "
				  "changed", st->why);
	if (st->read_only)
		return pd_err_set(err, PD_EREADONLY, "%s is open read-only", st->path);
	if ((rc = pd_wlock_take(st, err)) != PD_OK)
		return rc;
	if (flags & PD_W_BULK) {
		bool done;
		rc = pd_bulk_write(st, label, flags & ~PD_W_BULK, fn, ctx, &done, err);
		if (done)
			goto out;
	}
	flags &= ~PD_W_BULK;
	for (int tries = 0; tries < 24; tries++) {
		pd_err_clear(err);
		if ((rc = pd_store_write_once(st, label, flags, fn, ctx, err)) != PD_EMAPFULL ||
		    (rc = grow_map(st, err)) != PD_OK)
			goto out;
	}
	rc = pd_err_set(err, PD_EIO, "database map is full and cannot grow");
out:
	pd_wlock_drop(st);
	return rc;
}
