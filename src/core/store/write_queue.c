/*
 * write_queue.c — writes of a write transaction queued and put in key
 * order (write_queue.h): the derived entries that land at random places
 * in big databases, the search terms and the cards.
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
 * queued), the last operation on each pair of a DUPSORT database is the
 * one applied: a put and a delete of a pair are each idempotent, so the
 * end state is the same as applying every operation in order.  A database
 * of one value a key (`unique`) has the last operation on each key win,
 * whatever its data.  A posting table's (the search terms': postings.h)
 * operations on one key are applied together, to the blocks they fall
 * in.  The queue is applied when it holds BATCH_BYTES,
 * before the transaction commits, and before anything reads a queued
 * database in the same transaction (pd_txn_flush).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "handles.h"
#include "mdb_err.h"
#include "postings.h"
#include "write_queue.h"

#define BATCH_BYTES (32u << 20)   /* keys and data queued before a flush */

/* 40 bytes, so glibc's merge sort moves the elements themselves. */
struct queued_op {
	union {
		size_t off;               /* key then data, in the buffer */
		const unsigned char *p;   /* the same, once the buffer is final */
	} at;
	uint64_t khead;   /* first 8 bytes of the key, big-endian, zero-padded */
	uint64_t dhead;   /* and of the data: most compares stop at these */
	uint32_t seq;     /* order queued */
	uint32_t dlen;
	MDB_dbi  dbi;
	uint16_t klen;
	bool     put;
	bool     unique;  /* one value a key, else a DUPSORT pair */
};

struct pd_write_queue {
	struct queued_op  *op;
	size_t             n, cap;
	struct pd_buf      buf;
	struct pd_post_op *post;   /* one key's operations on a posting table */
	size_t             npost, cappost;
};

void pd_txn_queue_free(struct pd_txn *txn)
{
	if (!txn->queue)
		return;
	free(txn->queue->op);
	free(txn->queue->post);
	pd_buf_free(&txn->queue->buf);
	free(txn->queue);
	txn->queue = NULL;
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

/* Database, key, then (DUPSORT) data, then the order queued. */
static int op_cmp(const void *pa, const void *pb)
{
	const struct queued_op *a = pa, *b = pb;
	int c = a->dbi != b->dbi ? (a->dbi > b->dbi ? 1 : -1) :
		bytes_cmp(a->khead, a->at.p, a->klen, b->khead, b->at.p, b->klen);

	if (!c && !a->unique)
		c = bytes_cmp(a->dhead, a->at.p + a->klen, a->dlen,
			      b->dhead, b->at.p + b->klen, b->dlen);
	return c ? c : a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Sorting the queue: a radix sort on each operation's sort string — the
 * database, then the key's bytes each plus one and an end mark 0, then (a
 * DUPSORT pair) the data's the same way — orders as op_cmp does, so the
 * result is the same; comparing strings that share long heads (a term's
 * entries all begin with it) was most of a big import's time.  In place
 * (American flag sort), so the queue needs no second array; a bucket of
 * identical strings, and any small one, is finished by op_cmp, which
 * ends with the order queued.
 */
#define SORT_END  (-1)   /* past the sort string's end */
#define SORT_SMALL 24    /* buckets this small: insertion sort */

/* Byte d of o's sort string (0..256), or SORT_END. */
static int sort_byte(const struct queued_op *o, size_t d)
{
	size_t e;

	if (d == 0)
		return (int)o->dbi;
	if ((e = d - 1) < o->klen)   /* the heads spare a read of the buffer */
		return (int)(e < 8 ? o->khead >> (56 - 8 * e) & 0xff : o->at.p[e]) + 1;
	if (e == o->klen)
		return 0;
	if (o->unique)
		return SORT_END;
	if ((e -= o->klen + 1) < o->dlen)
		return (int)(e < 8 ? o->dhead >> (56 - 8 * e) & 0xff : o->at.p[o->klen + e]) + 1;
	return e == o->dlen ? 0 : SORT_END;
}

/*
 * How many bytes from d on the sort strings of a[0..n) all share, within
 * the key or the data d falls in (0 at an end mark): a term's entries
 * share long heads, and stepping over them a byte a pass was most of the
 * sort.
 */
static size_t shared_run(const struct queued_op *a, size_t n, size_t d)
{
	const unsigned char *p0;
	size_t e = d - 1, m, off;

	if (d == 0)
		return 0;
	if (e < a[0].klen) {
		off = e;
		m = a[0].klen - e;
	} else if (e > a[0].klen && !a[0].unique && e - a[0].klen - 1 < a[0].dlen) {
		off = e;   /* key, end mark, data: the data's bytes at key + 1 */
		m = a[0].dlen - (e - a[0].klen - 1);
	} else {
		return 0;
	}
	p0 = a[0].at.p + (e < a[0].klen ? off : off - 1);
	for (size_t i = 1; i < n && m; i++) {
		const unsigned char *p = a[i].at.p + (e < a[0].klen ? off : off - 1);
		size_t lim = e < a[0].klen ? a[i].klen - e : a[i].dlen - (e - a[i].klen - 1);
		size_t j = 0;
		if (lim < m)
			m = lim;
		while (j < m && p[j] == p0[j])
			j++;
		m = j;
	}
	return m;
}

static void insertion_sort(struct queued_op *a, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct queued_op t = a[i];
		size_t j = i;
		for (; j && op_cmp(&a[j - 1], &t) > 0; j--)
			a[j] = a[j - 1];
		a[j] = t;
	}
}

/* Move each of a[0..n) to its bucket by byte d (count: each bucket's
 * size), cycle by cycle. */
static void permute(struct queued_op *a, size_t d, const uint32_t *count)
{
	uint32_t next[257], end[257];

	for (int b = 0, at = 0; b < 257; at += count[b], b++) {
		next[b] = (uint32_t)at;
		end[b] = (uint32_t)at + count[b];
	}
	for (int b = 0; b < 257; b++) {
		while (next[b] < end[b]) {
			int c = sort_byte(&a[next[b]], d);
			if (c == b) {
				next[b]++;
				continue;
			}
			struct queued_op t = a[next[c]];
			a[next[c]++] = a[next[b]];
			a[next[b]] = t;
		}
	}
}

/* Sort a[0..n), whose sort strings agree on their first d bytes.  A
 * database's number is below 32 (store.c's maxdbs), a byte's bucket. */
static void sort_ops(struct queued_op *a, size_t n, size_t d)
{
	uint32_t count[257];
	int only;

	for (;;) {
		if (n < SORT_SMALL) {
			insertion_sort(a, n);
			return;
		}
		if (sort_byte(&a[0], d) == SORT_END) {   /* all the same string */
			qsort(a, n, sizeof *a, op_cmp);
			return;
		}
		memset(count, 0, sizeof count);
		for (size_t i = 0; i < n; i++)
			count[sort_byte(&a[i], d)]++;
		for (only = 0; !count[only]; only++)
			;
		if (count[only] != n)
			break;
		d++;   /* one bucket: look further along, past what all share */
		d += shared_run(a, n, d);
	}
	permute(a, d, count);
	for (size_t b = 0, at = 0; b < 257; at += count[b], b++)
		if (count[b] > 1)
			sort_ops(a + at, count[b], d + 1);
}

/* Does b's operation override a's (b sorts next)? */
static bool same_pair(const struct queued_op *a, const struct queued_op *b)
{
	if (a->dbi != b->dbi || a->khead != b->khead || a->klen != b->klen)
		return false;
	if (a->unique)
		return !memcmp(a->at.p, b->at.p, a->klen);
	return a->dhead == b->dhead && a->dlen == b->dlen &&
	       !memcmp(a->at.p, b->at.p, (size_t)a->klen + a->dlen);
}

/*
 * A database's last key when a flush starts: a put after it (in key
 * order, as the flush goes) is put with MDB_APPEND, which skips the
 * search and leaves pages full — an import into a new or small database
 * is mostly that.
 */
struct db_tail {
	MDB_dbi       dbi;
	bool          known;
	bool          empty;
	size_t        n;
	unsigned char k[512];   /* LMDB's largest key is 511 bytes */
};

/* Read dbi's last key into t unless t holds it.  Returns an LMDB code. */
static int tail_read(MDB_txn *txn, MDB_dbi dbi, struct db_tail *t)
{
	MDB_cursor *c;
	MDB_val k, v;
	int rc;

	if (t->known && t->dbi == dbi)
		return MDB_SUCCESS;
	if ((rc = mdb_cursor_open(txn, dbi, &c)))
		return rc;
	rc = mdb_cursor_get(c, &k, &v, MDB_LAST);
	mdb_cursor_close(c);
	if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND)
		return rc;
	t->dbi = dbi;
	t->known = true;
	t->empty = rc == MDB_NOTFOUND;
	t->n = t->empty ? 0 : k.mv_size;
	if (t->n > sizeof t->k)
		return MDB_BAD_VALSIZE;
	if (t->n)   /* an empty database gives no key (memcpy wants a pointer) */
		memcpy(t->k, k.mv_data, t->n);
	return MDB_SUCCESS;
}

/* Does key (k, n) sort after t's? */
static bool after_tail(const struct db_tail *t, const unsigned char *k, size_t n)
{
	int c;

	if (t->empty)
		return true;
	c = memcmp(k, t->k, n < t->n ? n : t->n);
	return c > 0 || (c == 0 && n > t->n);
}

/*
 * Apply the operations on the key of q->op[*i] in posting table `dbi`
 * (the last one on each entry), moving *i past them: with `pb` (the term
 * is after the table's last), the puts go to that builder.  Returns an
 * LMDB code.
 */
static int apply_postings(struct pd_txn *txn, struct pd_write_queue *q, size_t *i,
			  struct pd_post_builder *pb)
{
	const struct queued_op *o = &q->op[*i];
	MDB_val term = { o->klen, (void *)o->at.p };
	size_t j;

	q->npost = 0;
	for (j = *i; j < q->n && q->op[j].dbi == o->dbi && q->op[j].khead == o->khead &&
		     q->op[j].klen == o->klen && !memcmp(q->op[j].at.p, o->at.p, o->klen); j++) {
		const struct queued_op *p = &q->op[j];
		if (j + 1 < q->n && same_pair(p, &q->op[j + 1]))
			continue;   /* a later operation on this entry wins */
		if (pd_grow(&q->post, &q->cappost, q->npost + 1, sizeof *q->post, 64))
			return ENOMEM;
		q->post[q->npost++] = (struct pd_post_op){ p->at.p + p->klen, p->dlen, p->put };
	}
	*i = j;
	if (!pb)
		return pd_post_apply(txn->txn, o->dbi, &term, q->post, q->npost);
	for (size_t k = 0; k < q->npost; k++) {   /* a new term: its puts */
		int rc = q->post[k].put ? pd_post_build_add(pb, term.mv_data, term.mv_size,
							    q->post[k].e, q->post[k].n) : MDB_SUCCESS;
		if (rc != MDB_SUCCESS)
			return rc;
	}
	return MDB_SUCCESS;
}

int pd_txn_flush(struct pd_txn *txn, struct pd_err *err)
{
	struct pd_write_queue *q = txn->queue;
	struct pd_post_builder *pb = NULL;
	struct db_tail tail = { 0 };
	MDB_cursor *cur = NULL, *pcur = NULL;
	MDB_dbi dbi = 0;
	int rc = MDB_SUCCESS;

	if (!q || !q->n)
		return PD_OK;
	for (size_t i = 0; i < q->n; i++) {
		struct queued_op *o = &q->op[i];
		o->at.p = (const unsigned char *)q->buf.p + o->at.off;
		o->khead = head8(o->at.p, o->klen);
		o->dhead = head8(o->at.p + o->klen, o->dlen);
	}
	sort_ops(q->op, q->n, 0);
	for (size_t i = 0; i < q->n && rc == MDB_SUCCESS; i++) {
		const struct queued_op *o = &q->op[i];
		MDB_val k = { o->klen, (void *)o->at.p };
		MDB_val d = { o->dlen, (void *)(o->at.p + o->klen) };
		bool append;

		if ((o->unique || (o->dbi == txn->st->dbi[PD_DB_TERMS] && txn->st->terms_blocks)) &&
		    (rc = tail_read(txn->txn, o->dbi, &tail)))
			break;
		append = tail.known && tail.dbi == o->dbi && after_tail(&tail, o->at.p, o->klen);
		if (o->dbi == txn->st->dbi[PD_DB_TERMS] && txn->st->terms_blocks) {
			if (append && !pb &&
			    (!(rc = mdb_cursor_open(txn->txn, o->dbi, &pcur))) &&
			    (rc = pd_post_build_start(pcur, &pb)))
				break;
			if (rc || (rc = apply_postings(txn, q, &i, append ? pb : NULL)))
				break;
			i--;   /* the loop steps on */
			continue;
		}
		if (i + 1 < q->n && same_pair(o, &q->op[i + 1]))
			continue;   /* a later operation on this pair wins */
		if (!cur || o->dbi != dbi) {   /* one database after the other */
			if (cur)
				mdb_cursor_close(cur);
			cur = NULL;
			dbi = o->dbi;
			if ((rc = mdb_cursor_open(txn->txn, dbi, &cur)))
				break;
		}
		if (o->put)
			rc = mdb_cursor_put(cur, &k, &d, o->unique && append ? MDB_APPEND : 0);
		else if (!(o->unique && append) &&   /* nothing to delete after the last */
			 (rc = mdb_del(txn->txn, dbi, &k, o->unique ? NULL : &d)) == MDB_NOTFOUND)
			rc = MDB_SUCCESS;
	}
	if (pb && rc == MDB_SUCCESS)
		rc = pd_post_build_finish(pb);
	pd_post_build_free(pb);
	if (pcur)
		mdb_cursor_close(pcur);
	if (cur)
		mdb_cursor_close(cur);
	q->n = 0;
	pd_buf_reset(&q->buf);
	return pd_mdb_err(txn, rc, err, "search index");   /* all it queues */
}

int pd_txn_queue(struct pd_txn *txn, MDB_dbi dbi, bool unique, bool put,
		 const MDB_val *k, const MDB_val *d, struct pd_err *err)
{
	struct pd_write_queue *q = txn->queue;
	struct queued_op *o;

	if (k->mv_size > UINT16_MAX || d->mv_size > UINT32_MAX)
		return pd_err_set(err, PD_EINVAL, "a queued key or value is too long");
	if (!q && !(q = txn->queue = calloc(1, sizeof *q)))
		return pd_err_nomem(err);
	if (pd_grow(&q->op, &q->cap, q->n + 1, sizeof *q->op, 256))
		return pd_err_nomem(err);
	o = &q->op[q->n];
	o->at.off = q->buf.n;
	o->seq = (uint32_t)q->n;
	o->klen = (uint16_t)k->mv_size;
	o->dlen = (uint32_t)d->mv_size;
	o->dbi = dbi;
	o->put = put;
	o->unique = unique;
	if (pd_buf_add(&q->buf, k->mv_data, k->mv_size) != PD_OK ||
	    pd_buf_add(&q->buf, d->mv_data, d->mv_size) != PD_OK)
		return pd_err_nomem(err);
	q->n++;
	return q->buf.n >= BATCH_BYTES ? pd_txn_flush(txn, err) : PD_OK;
}
