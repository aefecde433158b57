/*
 * queue_impl.h — the write queue's parts (internal to store/): the
 * queued operations and their order (queue_sort.c), sorted runs spilled
 * to a temporary file and merged (queue_runs.c), the merge read ahead by
 * a second thread (queue_stream.c), and the queue itself, which applies
 * the merged stream (write_queue.c).
 */
#ifndef PLANDESK_STORE_QUEUE_IMPL_H
#define PLANDESK_STORE_QUEUE_IMPL_H

#include <pthread.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/u64map.h"
#include "handles.h"
#include "postings.h"

/* 40 bytes, so sorting moves the elements themselves. */
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

/* Runs already written to the temporary file (queue_runs.c). */
struct pd_runs {
	const struct pd_store *st;   /* whose folder holds the file */
	int     fd;         /* -1 until the first run */
	off_t   end;        /* bytes written */
	off_t  *start;      /* run i is [start[i], start[i + 1] or end) */
	size_t  n, cap;
};

/* What the queued operations leave each key of `unique` holding
 * (queue_overlay.c). */
struct pd_overlay {
	struct pd_u64map map;     /* key's hash -> entry's offset in arena */
	struct pd_buf    arena;
};

struct pd_write_queue {
	struct queued_op  *op;
	size_t             n, cap;
	struct pd_buf      buf;
	size_t             budget;     /* buf bytes before a run is spilled */
	struct pd_runs     runs;
	struct pd_post_op *post;       /* one key's operations on a posting table */
	size_t             npost, cappost;
	struct pd_buf      postbuf;    /* their entries */
	struct pd_overlay  overlay;    /* `unique` as queued */
	/* A full batch, sorted and written as a run by a second thread
	 * (write_queue.c: spill) while the next fills; `runs` is the
	 * thread's until it is joined. */
	struct queued_op  *wop;
	size_t             wn, wcap;
	struct pd_buf      wbuf;
	pthread_t          worker;
	bool               working;
	int                wrc;        /* its outcome, and its message */
	struct pd_err      werr;
};

/* --- queue_sort.c ---------------------------------------------------------- */

/* The first 8 bytes of (p, n), big-endian, zero-padded. */
uint64_t pd_q_head8(const unsigned char *p, size_t n);

/* Set each operation's pointer (from its offset in `buf`) and heads. */
void pd_q_resolve(struct queued_op *op, size_t n, const struct pd_buf *buf);

/* Order of two operations: database, key, then (DUPSORT) data; not the
 * order queued.  <0, 0, >0. */
int  pd_q_cmp(const struct queued_op *a, const struct queued_op *b);

/* Sort op[0..n) (resolved) as pd_q_cmp, equal ones in the order queued. */
void pd_q_sort(struct queued_op *op, size_t n);

/* Does b's operation override a's (b sorts next)? */
bool pd_q_same_pair(const struct queued_op *a, const struct queued_op *b);

/* --- queue_overlay.c ------------------------------------------------------- */

/* Note a queued put (v: the value) or delete of key k.  Returns PD_OK or
 * PD_ENOMEM. */
int  pd_overlay_note(struct pd_overlay *o, bool put, const MDB_val *k,
		     const MDB_val *v);

enum { PD_OVERLAY_NONE, PD_OVERLAY_PUT, PD_OVERLAY_DEL };

/* What is noted of key k: PD_OVERLAY_NONE (nothing), PD_OVERLAY_PUT (*v
 * set, valid until the next note), PD_OVERLAY_DEL. */
int  pd_overlay_get(const struct pd_overlay *o, const MDB_val *k, MDB_val *v);

/* Forget every key (the queue was applied), keeping the memory. */
void pd_overlay_clear(struct pd_overlay *o);
void pd_overlay_free(struct pd_overlay *o);

/* --- queue_runs.c ---------------------------------------------------------- */

/*
 * Write the sorted, resolved op[0..n) as a run to the temporary file next
 * to r->st's database (made on the first run, unlinked), leaving out
 * operations a later one overrides.  Returns PD_OK, PD_ENOMEM, or PD_EIO
 * with err filled as a failed save of the database is ("cannot save to
 * …: no space left on the disk; nothing was changed").
 */
int  pd_runs_spill(struct pd_runs *r, const struct queued_op *op, size_t n,
		   struct pd_err *err);

/* Close the file and forget the runs (r->st stays). */
void pd_runs_free(struct pd_runs *r);

/*
 * The operations of every run and of the sorted op[0..n), merged in
 * order by a heap; equal ones come in the order queued (older runs first,
 * the memory last).  Not thread-safe: one thread uses a merge.
 */
struct pd_q_merge;

/* Open it (*out to be closed even on failure).  Returns PD_OK, PD_ENOMEM,
 * PD_EIO (errno set). */
int  pd_q_merge_open(struct pd_q_merge **out, struct pd_runs *r,
		     const struct queued_op *op, size_t n);

/* The next operation into *o, its key and data appended to `bytes` (o->at
 * is their offset there).  Returns PD_OK, PD_NOTFOUND (no more), PD_ENOMEM,
 * PD_EIO (errno set; the merge is over). */
int  pd_q_merge_pop(struct pd_q_merge *m, struct queued_op *o, struct pd_buf *bytes);

/* Fill err for a merge's failure rc (PD_ENOMEM, PD_EIO with errno eno) as a
 * failed save of st's database.  Returns rc. */
int  pd_q_merge_err(const struct pd_store *st, int rc, int eno, struct pd_err *err);

void pd_q_merge_close(struct pd_q_merge *m);

/* --- queue_stream.c -------------------------------------------------------- */

/*
 * The merge above as a stream for the flush (write_queue.c), read ahead by
 * a second thread when there are runs.
 */
struct pd_q_stream;

/* Open the merged stream.  Returns PD_OK, PD_ENOMEM, PD_EIO (err filled). */
int  pd_q_stream_open(struct pd_q_stream **out, struct pd_runs *r,
		      const struct queued_op *op, size_t n, struct pd_err *err);

/*
 * The next operation, or NULL at the end (or on a read error: see
 * pd_q_stream_error).  It and its bytes stay valid until the next call;
 * *next is set to the one after it (valid as long), or NULL.
 */
const struct queued_op *pd_q_stream_get(struct pd_q_stream *s,
					const struct queued_op **next);

/* PD_OK, or the read error that ended the stream (err filled). */
int  pd_q_stream_error(const struct pd_q_stream *s, struct pd_err *err);

void pd_q_stream_close(struct pd_q_stream *s);

#endif
