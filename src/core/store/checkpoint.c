/*
 * checkpoint.c — a bulk write's commits on the way (store/bulk.c): the
 * transaction committed and the next begun, and the pages the copy's map
 * read let go of (pd_txn_checkpoint, store.h; pd_txn_renew and
 * pd_store_unmap_read, store_impl.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "mdb_err.h"
#include "store_impl.h"

/*
 * The copy's map: LMDB gives its address only for MDB_FIXEDMAP, so it is
 * the mapping of /proc/self/maps that holds a value LMDB returns (the
 * schema's, read in a read transaction, which points into the map).
 * Found once: the map moves only when its size is set, after the last
 * checkpoint.
 */
void pd_store_find_map(struct pd_store *st)
{
	MDB_val k = { 6, "schema" }, v = { 0, NULL };
	unsigned long at, lo, hi;
	char line[512];
	MDB_txn *txn;
	bool whole = true;
	FILE *f;

	st->map_lo = NULL;
	st->map_len = 0;
	if (mdb_txn_begin(st->env, NULL, MDB_RDONLY, &txn) != MDB_SUCCESS)
		return;
	if (mdb_get(txn, st->dbi[PD_DB_META], &k, &v) != MDB_SUCCESS)
		v.mv_data = NULL;
	mdb_txn_abort(txn);   /* the map stays where it is */
	if (!v.mv_data || !(f = fopen("/proc/self/maps", "re")))
		return;
	at = (unsigned long)(uintptr_t)v.mv_data;
	while (fgets(line, sizeof line, f)) {
		/* A line's start: the rest of a long one is not parsed. */
		if (whole && sscanf(line, "%lx-%lx", &lo, &hi) == 2 && lo <= at && at < hi) {
			st->map_lo = (void *)(uintptr_t)lo;
			st->map_len = hi - lo;
			break;
		}
		whole = strchr(line, '\n') != NULL;
	}
	fclose(f);
}

/* MADV_DONTNEED on a shared file mapping only drops this process's page
 * table entries: LMDB maps the file read-only and writes with pwrite, so
 * a later read finds the same bytes again, from the page cache. */
void pd_store_unmap_read(struct pd_store *st)
{
	if (st->bulk && st->map_lo)
		madvise(st->map_lo, st->map_len, MADV_DONTNEED);
}

int pd_txn_renew(struct pd_txn *t)
{
	int rc = mdb_txn_commit(t->txn);

	t->txn = NULL;
	if (rc)
		return rc;
	pd_store_unmap_read(t->st);
	return mdb_txn_begin(t->st->env, NULL, 0, &t->txn);
}

int pd_txn_checkpoint(struct pd_txn *t, struct pd_err *err)
{
	if (!t->write || !t->st->bulk || ++t->rows < t->st->checkpoint)
		return PD_OK;
	t->rows = 0;
	return pd_mdb_err(t, pd_txn_renew(t), err, "write");
}
