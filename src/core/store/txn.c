/*
 * txn.c — transactions as the layers above see them (pd_txn_read,
 * pd_txn_end), the `meta` values, the change counter, the store's
 * accessors and its backup; opening the environment is store.c's.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/save.h"
#include "mdb_err.h"
#include "store_impl.h"
#include "write_queue.h"

const char *pd_store_file(const struct pd_store *st) { return st->path; }
bool pd_store_is_read_only(const struct pd_store *st) { return st->read_only; }
size_t pd_store_map_size(const struct pd_store *st) { return st->map_size; }
struct pd_store *pd_txn_store(struct pd_txn *txn) { return txn->st; }

void pd_store_set_formats(struct pd_store *st, const struct pd_formats_loader *l)
{
	st->formats = l;
}

const struct pd_formats_loader *pd_store_formats(const struct pd_store *st)
{
	return st->formats;
}

int pd_txn_read(struct pd_store *st, struct pd_txn **out, struct pd_err *err)
{
	struct pd_txn *t = calloc(1, sizeof *t);
	int rc;

	*out = NULL;
	if (!t)
		return pd_err_nomem(err);
	t->st = st;
	if ((rc = pd_store_begin(st, MDB_RDONLY, &t->txn))) {
		free(t);
		return pd_mdb_err(NULL, rc, err, "read");
	}
	st->reads++;
	*out = t;
	return PD_OK;
}

void pd_txn_end(struct pd_txn *txn)
{
	if (!txn)
		return;
	if (txn->txn)
		mdb_txn_abort(txn->txn);
	if (!txn->write)
		txn->st->reads--;
	pd_txn_release(txn);
	free(txn);
}

void pd_txn_release(struct pd_txn *txn)
{
	pd_buf_free(&txn->scratch);
	pd_txn_queue_free(txn);
	pd_u64map_free(&txn->memo, NULL);
	pd_buf_free(&txn->memo_buf);
}

void pd_txn_set_label(struct pd_txn *txn, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(txn->label, sizeof txn->label, fmt, ap);
	va_end(ap);
}

int pd_meta_get_u64(struct pd_txn *txn, const char *key, uint64_t *v)
{
	MDB_val k = { strlen(key), (void *)key }, d;

	*v = 0;
	if (mdb_get(txn->txn, txn->st->dbi[PD_DB_META], &k, &d) != MDB_SUCCESS)
		return PD_NOTFOUND;
	if (d.mv_size != 8)
		return PD_ECORRUPT;
	*v = pd_get_be64(d.mv_data);
	return PD_OK;
}

int pd_meta_put_u64(struct pd_txn *txn, const char *key, uint64_t v,
		    struct pd_err *err)
{
	unsigned char b[8];
	MDB_val k = { strlen(key), (void *)key }, d = { 8, b };

	pd_put_be64(b, v);
	return pd_mdb_err(txn, mdb_put(txn->txn, txn->st->dbi[PD_DB_META], &k, &d, 0),
			  err, "meta");
}

int pd_store_changes(struct pd_store *st, uint64_t *out, struct pd_err *err)
{
	struct pd_txn *t;
	int rc = pd_txn_read(st, &t, err);

	*out = 0;
	if (rc != PD_OK)
		return rc;
	pd_meta_get_u64(t, "changes", out);
	pd_txn_end(t);
	return PD_OK;
}

int pd_store_backup(struct pd_store *st, const char *dest, struct pd_err *err)
{
	struct pd_save sv;
	int rc = pd_save_open(&sv, dest, err);

	if (rc != PD_OK)
		return rc;
	pd_store_current(st);
	if ((rc = mdb_env_copyfd2(st->env, sv.fd, MDB_CP_COMPACT)) != MDB_SUCCESS)
		rc = pd_err_set(err, PD_EIO, "backup to %s failed: %s", dest,
				mdb_strerror(rc));
	return pd_save_close(&sv, rc, err);
}
