/*
 * search_read.c — the records of many hits, read in storage order: the
 * hits are sorted by kind and id, and one cursor per kind walks forward,
 * so consecutive records mostly come from the page the cursor is on
 * (LMDB's MDB_SET looks there before descending from the root).
 */
#include <stdlib.h>

#include "plandesk/codec.h"
#include "plandesk/search.h"
#include "store_impl.h"

struct slot {
	enum pd_kind kind;
	uint64_t     id;
	size_t       i;   /* index in hits */
};

static int slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

int pd_search_read(struct pd_txn *txn, const struct pd_hit *hits, size_t n,
		   pd_hit_record_cb cb, void *ctx, struct pd_err *err)
{
	struct slot *order = n ? malloc(n * sizeof *order) : NULL;
	MDB_cursor *cur = NULL;
	enum pd_kind open_kind = PD_NKINDS;
	struct pd_record r;
	int rc = PD_OK;

	if (n && !order)
		return pd_err_set(err, PD_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		order[i].kind = hits[i].kind < PD_NKINDS ? hits[i].kind : PD_NKINDS;
		order[i].id = hits[i].id;
		order[i].i = i;
	}
	if (n)
		qsort(order, n, sizeof *order, slot_cmp);
	for (size_t j = 0; j < n && rc == PD_OK; j++) {
		unsigned char kb[8];
		MDB_val k = { 8, kb }, v;
		if (order[j].kind == PD_NKINDS)
			continue;
		if (order[j].kind != open_kind) {
			if (cur)
				mdb_cursor_close(cur);
			cur = NULL;
			open_kind = order[j].kind;
			if ((rc = mdb_cursor_open(txn->txn, txn->st->kind_dbi[open_kind], &cur))) {
				rc = pd_mdb_err(NULL, rc, err, "read");
				break;
			}
		}
		pd_put_be64(kb, order[j].id);
		if ((rc = mdb_cursor_get(cur, &k, &v, MDB_SET_KEY)) == MDB_NOTFOUND) {
			rc = PD_OK;
			continue;
		}
		if (rc) {
			rc = pd_mdb_err(NULL, rc, err, "read");
			break;
		}
		pd_record_init(&r, open_kind);
		if ((rc = pd_decode(v.mv_data, v.mv_size, &r, err)) != PD_OK) {
			pd_err_prefix(err, "id %llu: ", (unsigned long long)order[j].id);
			break;
		}
		r.id = order[j].id;
		rc = cb(order[j].i, &r, ctx);
		pd_record_clear(&r);
	}
	if (cur)
		mdb_cursor_close(cur);
	free(order);
	return rc;
}
