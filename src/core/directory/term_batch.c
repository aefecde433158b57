/*
 * term_batch.c — the `terms` and `cards` writes of a write transaction,
 * queued and put in key order.
 *
 * A person derives some seventeen search terms, each a random place in a
 * big MDB_DUPSORT tree.  Put one by one, a large import touches a page
 * per term, and once the transaction's dirty pages outgrow LMDB's dirty
 * list they are spilled and read back again and again.  Queued and sorted,
 * neighbouring terms go into the same pages: the import costs a fraction.
 *
 * A card (one a record, keyed by its search position) is the same: an
 * import puts a million of them at random places in `cards`.
 *
 * The queue holds puts and deletes.  Sorted by (database, key, data, order
 * queued), the last operation on each `terms` pair is the one applied: a
 * put and a delete of a pair are each idempotent, so the end state is the
 * same as applying every operation in order.  `cards` holds one value a
 * key, so there the last operation on each key wins, whatever its data.  The queue is applied when it holds
 * BATCH_BYTES, before the transaction commits, and before anything reads
 * `terms` in the same transaction (pd_terms_flush).
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_impl.h"

#define BATCH_BYTES (32u << 20)   /* keys and data queued before a flush */

/* 40 bytes, so glibc's merge sort moves the elements themselves. */
struct term_op {
	union {
		size_t off;               /* key then data, in the buffer */
		const unsigned char *p;   /* the same, once the buffer is final */
	} at;
	uint64_t khead;   /* first 8 bytes of the key, big-endian, zero-padded */
	uint64_t dhead;   /* and of the data: most compares stop at these */
	uint32_t seq;     /* order queued */
	uint32_t dlen;
	uint16_t klen;
	bool     put;
	bool     card;    /* in `cards`, else in `terms` */
};

struct pd_term_batch {
	struct term_op *op;
	size_t          n, cap;
	struct pd_buf   buf;
};

void pd_term_batch_free(struct pd_txn *txn)
{
	if (!txn->terms)
		return;
	free(txn->terms->op);
	pd_buf_free(&txn->terms->buf);
	free(txn->terms);
	txn->terms = NULL;
}

static uint64_t head8(const unsigned char *p, size_t n)
{
	uint64_t h = 0;

	for (size_t i = 0; i < 8; i++)
		h = h << 8 | (i < n ? p[i] : 0);
	return h;
}

/* memcmp order, a shorter string first when it is a prefix: LMDB's order. */
static int bytes_cmp(uint64_t ha, const unsigned char *a, size_t na,
		     uint64_t hb, const unsigned char *b, size_t nb)
{
	int c = 0;

	if (ha != hb)
		return ha < hb ? -1 : 1;
	if (na > 8 && nb > 8)
		c = memcmp(a + 8, b + 8, (na < nb ? na : nb) - 8);
	return c ? c : na < nb ? -1 : na > nb;
}

/* Database, key, then (terms) data, then the order queued. */
static int op_cmp(const void *pa, const void *pb)
{
	const struct term_op *a = pa, *b = pb;
	int c = a->card != b->card ? (a->card ? 1 : -1) :
		bytes_cmp(a->khead, a->at.p, a->klen, b->khead, b->at.p, b->klen);

	if (!c && !a->card)
		c = bytes_cmp(a->dhead, a->at.p + a->klen, a->dlen,
			      b->dhead, b->at.p + b->klen, b->dlen);
	return c ? c : a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Does b's operation override a's (b sorts next)? */
static bool same_pair(const struct term_op *a, const struct term_op *b)
{
	if (a->card != b->card || a->khead != b->khead || a->klen != b->klen)
		return false;
	if (a->card)
		return !memcmp(a->at.p, b->at.p, a->klen);
	return a->dhead == b->dhead && a->dlen == b->dlen &&
	       !memcmp(a->at.p, b->at.p, (size_t)a->klen + a->dlen);
}

int pd_terms_flush(struct pd_txn *txn, struct pd_err *err)
{
	struct pd_term_batch *b = txn->terms;
	MDB_cursor *cur = NULL;
	bool open_card = false;
	MDB_dbi dbi = 0;
	int rc = MDB_SUCCESS;

	if (!b || !b->n)
		return PD_OK;
	for (size_t i = 0; i < b->n; i++) {
		struct term_op *o = &b->op[i];
		o->at.p = (const unsigned char *)b->buf.p + o->at.off;
		o->khead = head8(o->at.p, o->klen);
		o->dhead = head8(o->at.p + o->klen, o->dlen);
	}
	qsort(b->op, b->n, sizeof *b->op, op_cmp);
	for (size_t i = 0; i < b->n && rc == MDB_SUCCESS; i++) {
		const struct term_op *o = &b->op[i];
		MDB_val k = { o->klen, (void *)o->at.p };
		MDB_val d = { o->dlen, (void *)(o->at.p + o->klen) };

		if (i + 1 < b->n && same_pair(o, &b->op[i + 1]))
			continue;   /* a later operation on this pair wins */
		if (!cur || o->card != open_card) {   /* terms first, then cards */
			if (cur)
				mdb_cursor_close(cur);
			cur = NULL;
			open_card = o->card;
			dbi = txn->st->dbi[o->card ? PD_DB_CARDS : PD_DB_TERMS];
			if ((rc = mdb_cursor_open(txn->txn, dbi, &cur)))
				break;
		}
		if (o->put)
			rc = mdb_cursor_put(cur, &k, &d, 0);
		else if ((rc = mdb_del(txn->txn, dbi, &k, o->card ? NULL : &d)) == MDB_NOTFOUND)
			rc = MDB_SUCCESS;
	}
	if (cur)
		mdb_cursor_close(cur);
	b->n = 0;
	pd_buf_reset(&b->buf);
	return pd_mdb_err(txn, rc, err, "search index");
}

int pd_terms_queue(struct pd_txn *txn, bool card, bool put, const MDB_val *k,
		   const MDB_val *d, struct pd_err *err)
{
	struct pd_term_batch *b = txn->terms;
	struct term_op *o;

	if (k->mv_size > UINT16_MAX || d->mv_size > (card ? UINT32_MAX : UINT8_MAX))
		return pd_err_set(err, PD_EINVAL, card ? "directory card too long" :
				  "search term too long");
	if (!b && !(b = txn->terms = calloc(1, sizeof *b)))
		return pd_err_nomem(err);
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		if (!(o = realloc(b->op, cap * sizeof *o)))
			return pd_err_nomem(err);
		b->op = o;
		b->cap = cap;
	}
	o = &b->op[b->n];
	o->at.off = b->buf.n;
	o->seq = (uint32_t)b->n;
	o->klen = (uint16_t)k->mv_size;
	o->dlen = (uint32_t)d->mv_size;
	o->put = put;
	o->card = card;
	if (pd_buf_add(&b->buf, k->mv_data, k->mv_size) != PD_OK ||
	    pd_buf_add(&b->buf, d->mv_data, d->mv_size) != PD_OK)
		return pd_err_nomem(err);
	b->n++;
	return b->buf.n >= BATCH_BYTES ? pd_terms_flush(txn, err) : PD_OK;
}
