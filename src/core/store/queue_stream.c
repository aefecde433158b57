/*
 * queue_stream.c — the flush's merged stream (queue_impl.h), read ahead
 * by a second thread when there are runs on the file.
 *
 * Of a large flush, about half is the merge: reading the runs back and
 * comparing their heads in the heap.  The other half is putting what it
 * gives into LMDB, which only the transaction's thread may do.  So, with
 * runs to merge, a second thread merges into a ring of chunks (each some
 * operations and their bytes) while the flush applies the chunks before;
 * with none (every small write), the flush merges each chunk itself when
 * it needs it, with no thread.
 *
 * The reader holds at most two chunks: the one with the operation it was
 * given, and the one after when that operation is its chunk's last (the
 * next operation is given too).  A chunk goes back to the ring when the
 * reader moves past it.  The thread writes only chunks it has not handed
 * over, the reader only reads handed-over ones, and `made` and `done` move
 * under the lock: the lock orders the chunks' bytes too.
 */
#include <errno.h>
#include <stdlib.h>

#include "queue_impl.h"

#define NCHUNK      4              /* the ring: two read, two ahead */
#define CHUNK_BYTES (128u << 10)   /* a chunk ends past this many bytes */

struct chunk {
	struct queued_op *op;
	size_t            n, cap;
	struct pd_buf     bytes;   /* their keys and data */
	bool              end;     /* the stream's last: the merge ended */
	int               rc, eno; /* how (PD_OK, or its failure) */
};

struct pd_q_stream {
	const struct pd_store *st;
	struct pd_q_merge *m;
	struct chunk     ring[NCHUNK];
	size_t           made, done;   /* chunks handed over, and given back */
	size_t           at, pos;      /* the reader: chunk (a count) and op */
	bool             started, over;
	int              rc, eno;      /* the failure the reader came to */
	bool             threaded, stop;
	pthread_t        thread;
	pthread_mutex_t  lock;
	pthread_cond_t   moved;        /* made or done moved, or stop */
};

static struct chunk *slot(struct pd_q_stream *s, size_t k)
{
	return &s->ring[k % NCHUNK];
}

/* Fill chunk c from the merge: to CHUNK_BYTES, or to its end. */
static void fill(struct pd_q_merge *m, struct chunk *c)
{
	int rc = PD_OK;

	c->n = 0;
	pd_buf_reset(&c->bytes);
	while (c->bytes.n < CHUNK_BYTES) {
		if (pd_grow(&c->op, &c->cap, c->n + 1, sizeof *c->op, 1024)) {
			rc = PD_ENOMEM;
			break;
		}
		if ((rc = pd_q_merge_pop(m, &c->op[c->n], &c->bytes)) != PD_OK)
			break;
		c->n++;
	}
	c->end = rc != PD_OK;
	c->rc = rc == PD_NOTFOUND ? PD_OK : rc;
	c->eno = errno;
	for (size_t i = 0; i < c->n; i++)   /* the bytes are where they stay */
		c->op[i].at.p = (const unsigned char *)c->bytes.p + c->op[i].at.off;
}

/* The second thread: chunks while there is room, until the merge ends or
 * the reader stops it. */
static void *read_ahead(void *arg)
{
	struct pd_q_stream *s = arg;

	for (bool end = false; !end;) {
		pthread_mutex_lock(&s->lock);
		while (s->made - s->done == NCHUNK && !s->stop)
			pthread_cond_wait(&s->moved, &s->lock);
		if (s->stop) {
			pthread_mutex_unlock(&s->lock);
			break;
		}
		pthread_mutex_unlock(&s->lock);
		fill(s->m, slot(s, s->made));   /* not the reader's yet */
		end = slot(s, s->made)->end;
		pthread_mutex_lock(&s->lock);
		s->made++;
		pthread_cond_signal(&s->moved);
		pthread_mutex_unlock(&s->lock);
	}
	return NULL;
}

/* Chunk k, once made (the reader holds fewer than NCHUNK). */
static struct chunk *acquire(struct pd_q_stream *s, size_t k)
{
	if (!s->threaded) {
		while (s->made <= k)
			fill(s->m, slot(s, s->made++));
		return slot(s, k);
	}
	pthread_mutex_lock(&s->lock);
	while (s->made <= k)
		pthread_cond_wait(&s->moved, &s->lock);
	pthread_mutex_unlock(&s->lock);
	return slot(s, k);
}

/* Give chunk k back to the ring. */
static void release(struct pd_q_stream *s, size_t k)
{
	if (!s->threaded) {
		s->done = k + 1;
		return;
	}
	pthread_mutex_lock(&s->lock);
	s->done = k + 1;
	pthread_cond_signal(&s->moved);
	pthread_mutex_unlock(&s->lock);
}

int pd_q_stream_open(struct pd_q_stream **out, struct pd_runs *r,
		     const struct queued_op *op, size_t n, struct pd_err *err)
{
	struct pd_q_stream *s = calloc(1, sizeof *s);
	int rc;

	*out = s;
	if (!s)
		return pd_err_nomem(err);
	s->st = r->st;
	if ((rc = pd_q_merge_open(&s->m, r, op, n)) != PD_OK)
		return pd_q_merge_err(r->st, rc, errno, err);
	if (r->n && pthread_mutex_init(&s->lock, NULL) == 0) {
		if (pthread_cond_init(&s->moved, NULL) == 0) {
			s->threaded = pthread_create(&s->thread, NULL, read_ahead, s) == 0;
			if (!s->threaded)
				pthread_cond_destroy(&s->moved);
		}
		if (!s->threaded)
			pthread_mutex_destroy(&s->lock);   /* merge here, then */
	}
	return PD_OK;
}

const struct queued_op *pd_q_stream_get(struct pd_q_stream *s,
					const struct queued_op **next)
{
	struct chunk *c;

	*next = NULL;
	if (s->over)
		return NULL;
	if (!s->started) {
		s->started = true;
		c = acquire(s, 0);
	} else if (++s->pos >= (c = slot(s, s->at))->n && !c->end) {
		release(s, s->at);      /* its last was given */
		c = slot(s, ++s->at);   /* acquired for *next */
		s->pos = 0;
	}
	if (s->pos >= c->n) {   /* the last chunk's end, or an empty last */
		s->over = true;
		s->rc = c->rc;
		s->eno = c->eno;
		return NULL;
	}
	if (s->pos + 1 < c->n)
		*next = &c->op[s->pos + 1];
	else if (!c->end) {
		struct chunk *after = acquire(s, s->at + 1);
		*next = after->n ? &after->op[0] : NULL;
	}
	return &c->op[s->pos];
}

int pd_q_stream_error(const struct pd_q_stream *s, struct pd_err *err)
{
	return s->rc ? pd_q_merge_err(s->st, s->rc, s->eno, err) : PD_OK;
}

void pd_q_stream_close(struct pd_q_stream *s)
{
	if (!s)
		return;
	if (s->threaded) {
		pthread_mutex_lock(&s->lock);
		s->stop = true;
		pthread_cond_signal(&s->moved);
		pthread_mutex_unlock(&s->lock);
		pthread_join(s->thread, NULL);
		pthread_cond_destroy(&s->moved);
		pthread_mutex_destroy(&s->lock);
	}
	for (size_t i = 0; i < NCHUNK; i++) {
		free(s->ring[i].op);
		pd_buf_free(&s->ring[i].bytes);
	}
	pd_q_merge_close(s->m);
	free(s);
}
