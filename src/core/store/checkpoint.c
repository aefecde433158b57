/*
 * checkpoint.c — a bulk write's commits on the way (store/bulk.c): the
 * transaction committed and the next begun, and the pages the copy's map
 * read let go of (pd_txn_checkpoint, store.h; pd_txn_renew and
 * pd_store_unmap_read, store_impl.h).
 */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "mdb_err.h"
#include "store_impl.h"

/*
 * The copy's map, found in /proc/self/maps by the file's inode (LMDB
 * gives its address only for MDB_FIXEDMAP), and let go of (see
 * store_impl.h).  LMDB maps the file read-only and writes with pwrite, so
 * what a later read finds is the same pages again, from the page cache.
 */
void pd_store_unmap_read(struct pd_store *st)
{
	struct stat sb;
	char line[512];
	FILE *f;

	if (!st->bulk || st->copy_fd < 0 || fstat(st->copy_fd, &sb) != 0 ||
	    !(f = fopen("/proc/self/maps", "re")))
		return;
	while (fgets(line, sizeof line, f)) {
		unsigned long lo, hi, ino;
		if (sscanf(line, "%lx-%lx %*s %*s %*s %lu", &lo, &hi, &ino) == 3 &&
		    ino == (unsigned long)sb.st_ino)
			madvise((void *)lo, hi - lo, MADV_DONTNEED);
	}
	fclose(f);
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
