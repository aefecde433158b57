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
 * in.  When the queue holds its budget of bytes it is sorted and
 * spilled as a run to a temporary file (queue_runs.c); it is applied,
 * every run merged with what is still queued, before the transaction
 * commits and before anything reads a queued database in the same
 * transaction (pd_txn_flush).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mdb_err.h"
#include "queue_impl.h"
#include "store_impl.h"
#include "write_queue.h"

#define BUDGET_BYTES (16u << 20)   /* a batch's keys and data (two in memory) */

static int join_worker(struct pd_write_queue *q, struct pd_err *err);

void pd_txn_queue_free(struct pd_txn *txn)
{
	struct pd_write_queue *q = txn->queue;

	if (!q)
		return;
	join_worker(q, NULL);
	free(q->op);
	free(q->wop);
	pd_buf_free(&q->wbuf);
	free(q->post);
	pd_buf_free(&q->buf);
	pd_buf_free(&q->postbuf);
	pd_runs_free(&q->runs);
	pd_overlay_free(&q->overlay);
	free(q);
	txn->queue = NULL;
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

/* Is b an operation on a's key in the same database? */
static bool same_key(const struct queued_op *a, const struct queued_op *b)
{
	return b && b->dbi == a->dbi && b->khead == a->khead && b->klen == a->klen &&
	       !memcmp(b->at.p, a->at.p, a->klen);
}

/*
 * Apply the operations on the key of *o in posting table o->dbi (the last
 * one on each entry), taking them from the stream: with `pb` (the term is
 * after the table's last), the puts go to that builder.  *o and *next
 * are left at the last operation taken and the one after it.  Returns an
 * LMDB code.
 */
static int apply_postings(struct pd_txn *txn, struct pd_write_queue *q,
			  struct pd_q_stream *s, const struct queued_op **o,
			  const struct queued_op **next, struct pd_post_builder *pb)
{
	unsigned char term[512];   /* LMDB's largest key is 511 bytes */
	MDB_val t = { (*o)->klen, term };
	size_t at = 0;

	if ((*o)->klen > sizeof term)
		return EINVAL;
	memcpy(term, (*o)->at.p, (*o)->klen);
	q->npost = 0;
	pd_buf_reset(&q->postbuf);
	for (;;) {
		const struct queued_op *p = *o;
		/* a later operation on this entry wins */
		if (!(*next && pd_q_same_pair(p, *next))) {
			if (pd_grow(&q->post, &q->cappost, q->npost + 1, sizeof *q->post, 64) ||
			    pd_buf_add(&q->postbuf, p->at.p + p->klen, p->dlen) != PD_OK)
				return ENOMEM;
			q->post[q->npost++] = (struct pd_post_op){ NULL, p->dlen, p->put };
		}
		if (!same_key(p, *next))
			break;
		if (!(*o = pd_q_stream_get(s, next)))
			return EIO;   /* the stream says why */
	}
	for (size_t k = 0; k < q->npost; k++) {   /* the entries' places, now fixed */
		q->post[k].e = (const unsigned char *)q->postbuf.p + at;
		at += q->post[k].n;
	}
	if (!pb)
		return pd_post_apply(txn->txn, (*o)->dbi, &t, q->post, q->npost);
	for (size_t k = 0; k < q->npost; k++) {   /* a new term: its puts */
		int rc = q->post[k].put ? pd_post_build_add(pb, term, t.mv_size,
							    q->post[k].e, q->post[k].n) : MDB_SUCCESS;
		if (rc != MDB_SUCCESS)
			return rc;
	}
	return MDB_SUCCESS;
}

/*
 * A bulk write's checkpoint between two keys of the flush (store.h): the
 * block being built put through the builder's cursor while that is still
 * open (a lone entry waits in the builder: its node is plain or a block
 * only once the next pair tells), the cursors closed, the transaction
 * committed and the next begun, and the builder given a cursor of the new
 * one.  Returns an LMDB code.
 */
static int commit_between_keys(struct pd_txn *txn, MDB_cursor **cur,
			       MDB_cursor **pcur, struct pd_post_builder *pb)
{
	int rc;

	if (pb && (rc = pd_post_build_flush(pb, NULL)) != MDB_SUCCESS)
		return rc;
	if (*cur)
		mdb_cursor_close(*cur);
	if (*pcur)
		mdb_cursor_close(*pcur);
	*cur = *pcur = NULL;
	if ((rc = pd_txn_renew(txn)) != MDB_SUCCESS)
		return rc;
	if (!pb)
		return MDB_SUCCESS;
	if ((rc = mdb_cursor_open(txn->txn, txn->st->dbi[PD_DB_TERMS], pcur)))
		return rc;
	return pd_post_build_flush(pb, *pcur);
}

/* Apply the stream's operations in their order.  Returns an LMDB code. */
static int apply(struct pd_txn *txn, struct pd_write_queue *q, struct pd_q_stream *s)
{
	struct pd_post_builder *pb = NULL;
	struct db_tail tail = { 0 };
	MDB_cursor *cur = NULL, *pcur = NULL;
	const struct queued_op *o, *next;
	MDB_dbi dbi = 0, terms = txn->st->dbi[PD_DB_TERMS];
	bool blocks = txn->st->terms_blocks;
	size_t since = 0;   /* operations since the last checkpoint */
	int rc = MDB_SUCCESS;

	while (rc == MDB_SUCCESS && (o = pd_q_stream_get(s, &next))) {
		MDB_val k = { o->klen, (void *)o->at.p };
		MDB_val d = { o->dlen, (void *)(o->at.p + o->klen) };
		bool append;

		/* Here o begins a key: the ones before are all applied. */
		if (txn->st->bulk && ++since >= (size_t)txn->st->checkpoint * 16) {
			since = 0;
			if ((rc = commit_between_keys(txn, &cur, &pcur, pb)) != MDB_SUCCESS)
				break;
		}

		if ((o->unique || (o->dbi == terms && blocks)) &&
		    (rc = tail_read(txn->txn, o->dbi, &tail)))
			break;
		append = tail.known && tail.dbi == o->dbi && after_tail(&tail, o->at.p, o->klen);
		if (o->dbi == terms && blocks) {
			if (append && !pb &&
			    (!(rc = mdb_cursor_open(txn->txn, o->dbi, &pcur))) &&
			    (rc = pd_post_build_start(pcur, &pb)))
				break;
			if (!rc)
				rc = apply_postings(txn, q, s, &o, &next, append ? pb : NULL);
			continue;
		}
		if (next && pd_q_same_pair(o, next))
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
	return rc;
}

int pd_txn_flush(struct pd_txn *txn, struct pd_err *err)
{
	struct pd_write_queue *q = txn->queue;
	struct pd_q_stream *s = NULL;
	int rc;

	if (!q)
		return PD_OK;
	if ((rc = join_worker(q, err)) != PD_OK)
		return rc;
	if (!q->n && !q->runs.n)
		return PD_OK;
	/* Not needed by the merge, which is a large write's largest part: the
	 * worker's batch, and the overlay (the tables will say it all). */
	free(q->wop);
	q->wop = NULL;
	q->wcap = 0;
	pd_buf_free(&q->wbuf);
	pd_overlay_free(&q->overlay);
	pd_q_resolve(q->op, q->n, &q->buf);
	pd_q_sort(q->op, q->n);
	if ((rc = pd_q_stream_open(&s, &q->runs, q->op, q->n, err)) == PD_OK) {
		int arc = apply(txn, q, s);
		if ((rc = pd_q_stream_error(s, err)) == PD_OK)   /* a run unread first */
			rc = pd_mdb_err(txn, arc, err, "search index");   /* all it queues */
	}
	pd_q_stream_close(s);
	q->n = 0;
	pd_buf_reset(&q->buf);
	pd_runs_free(&q->runs);
	return rc;
}

bool pd_txn_reads_queued(const struct pd_txn *txn, MDB_dbi dbi)
{
	return dbi == txn->st->dbi[PD_DB_UNIQUE];
}

int pd_txn_unique_get(struct pd_txn *txn, MDB_dbi dbi, const MDB_val *k, MDB_val *v)
{
	if (txn->write && txn->queue && pd_txn_reads_queued(txn, dbi))
		switch (pd_overlay_get(&txn->queue->overlay, k, v)) {
		case PD_OVERLAY_PUT: return MDB_SUCCESS;
		case PD_OVERLAY_DEL: return MDB_NOTFOUND;
		default: break;
		}
	return mdb_get(txn->txn, dbi, (MDB_val *)k, v);
}

/* The second thread's work: sort the full batch, write it as a run. */
static void *sort_and_spill(void *arg)
{
	struct pd_write_queue *q = arg;

	pd_q_resolve(q->wop, q->wn, &q->wbuf);
	pd_q_sort(q->wop, q->wn);
	q->wrc = pd_runs_spill(&q->runs, q->wop, q->wn, &q->werr);
	return NULL;
}

/* The spilled batch's outcome (PD_OK, PD_ENOMEM, PD_EIO: err, if not
 * NULL, gets its message); its memory is the next batch's. */
static int spilled(struct pd_write_queue *q, struct pd_err *err)
{
	q->wn = 0;
	pd_buf_reset(&q->wbuf);
	if (q->wrc != PD_OK && err)
		*err = q->werr;
	return q->wrc;
}

/* Wait for the batch being spilled, if one is: its outcome. */
static int join_worker(struct pd_write_queue *q, struct pd_err *err)
{
	if (!q->working)
		return PD_OK;
	pthread_join(q->worker, NULL);
	q->working = false;
	return spilled(q, err);
}

/*
 * The batch is full: it is sorted and written out as a run by a second
 * thread — sorting is a fifth of a large import, and the other core is
 * otherwise idle — while the next batch fills.  One batch at a time is
 * out: the one before is waited for first.  Without a thread, here.
 */
static int spill(struct pd_write_queue *q, struct pd_err *err)
{
	struct queued_op *op = q->op;
	size_t cap = q->cap;
	struct pd_buf buf = q->buf;
	int rc;

	if ((rc = join_worker(q, err)) != PD_OK)
		return rc;
	q->op = q->wop, q->cap = q->wcap, q->buf = q->wbuf;
	q->wop = op, q->wcap = cap, q->wbuf = buf, q->wn = q->n;
	q->n = 0;
	q->wrc = PD_OK;
	if (pthread_create(&q->worker, NULL, sort_and_spill, q) == 0) {
		q->working = true;
		return PD_OK;
	}
	sort_and_spill(q);
	return spilled(q, err);
}

int pd_txn_queue(struct pd_txn *txn, MDB_dbi dbi, bool unique, bool put,
		 const MDB_val *k, const MDB_val *d, struct pd_err *err)
{
	struct pd_write_queue *q = txn->queue;
	struct queued_op *o;

	if (k->mv_size > UINT16_MAX || d->mv_size > UINT32_MAX || dbi > UINT8_MAX)
		return pd_err_set(err, PD_EINVAL, "a queued key or value is too long");
	if (!q) {
		if (!(q = txn->queue = calloc(1, sizeof *q)))
			return pd_err_nomem(err);
		q->runs.fd = -1;
		q->runs.st = txn->st;
		q->budget = txn->st->sort_bytes ? txn->st->sort_bytes : BUDGET_BYTES;
	}
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
	    pd_buf_add(&q->buf, d->mv_data, d->mv_size) != PD_OK ||
	    (pd_txn_reads_queued(txn, dbi) && pd_overlay_note(&q->overlay, put, k, d)))
		return pd_err_nomem(err);
	q->n++;
	return q->buf.n >= q->budget ? spill(q, err) : PD_OK;
}
