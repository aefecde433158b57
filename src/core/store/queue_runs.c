/*
 * queue_runs.c — a large write's queued operations in sorted runs on a
 * temporary file, read back as one merged stream (queue_impl.h).
 *
 * A million people queue some 600 MB of search terms and cards.  Held in
 * memory, that is the import's peak; applied in pieces as the queue
 * fills, each piece lands between the last one's entries, splitting the
 * pages those filled.  So a full queue is sorted and written out as a
 * run, and the flush before the commit merges every run with what is
 * still queued: each table is written once, in key order, its new pages
 * filled.
 *
 * The file is made next to the database (its disk holds the database's
 * growth anyway) with O_TMPFILE, or made and unlinked at once, mode 0600:
 * it holds names and addresses, and no name of it outlives the process.
 *
 * A run is a sequence of operations, each an 8-byte header (database,
 * flags, key length, data length, in this machine's byte order) then the
 * key and the data.
 */
#define _GNU_SOURCE   /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mdb_err.h"
#include "queue_impl.h"

#define RUN_HEAD  8
#define OP_PUT    0x01u
#define OP_UNIQUE 0x02u
#define READ_CHUNK (256u << 10)   /* each run's read buffer */

/* A read or write of the runs' file failed: the save fails as a full
 * disk or a failed write of the database does (nothing was changed). */
static int io_fail(const struct pd_store *st, struct pd_err *err, int e)
{
	return pd_mdb_save_err(st, e, err);
}

/* Make the unnamed temporary file in the database's folder. */
static int open_tmp(const struct pd_store *st, struct pd_err *err)
{
	const char *dbpath = st->path, *slash = strrchr(dbpath, '/');
	char dir[PATH_MAX], tmpl[PATH_MAX + 32];
	int fd;

	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if ((size_t)(slash - dbpath) >= sizeof dir)
		return pd_err_set(err, PD_EINVAL, "sorting the search index: the "
				  "database's folder name is too long");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == dbpath ? 1 : (int)(slash - dbpath),
			 dbpath);
	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	snprintf(tmpl, sizeof tmpl, "%s/.plandesk-sort-XXXXXX", dir);
	if ((fd = mkostemp(tmpl, O_CLOEXEC)) < 0)
		return -io_fail(st, err, errno);
	unlink(tmpl);
	return fd;
}

/* Write all of (p, n) at the end of the file. */
static int write_all(struct pd_runs *r, const void *p, size_t n, struct pd_err *err)
{
	const char *c = p;

	while (n) {
		ssize_t w = pwrite(r->fd, c, n, r->end);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return io_fail(r->st, err, w < 0 ? errno : ENOSPC);
		c += w;
		n -= (size_t)w;
		r->end += w;
	}
	return PD_OK;
}

int pd_runs_spill(struct pd_runs *r, const struct queued_op *op, size_t n,
		  struct pd_err *err)
{
	struct pd_buf out = PD_BUF_INIT;
	int rc = PD_OK;

	if (r->fd < 0) {
		int fd = open_tmp(r->st, err);
		if (fd < 0)
			return -fd;
		r->fd = fd;
	}
	if (pd_grow(&r->start, &r->cap, r->n + 1, sizeof *r->start, 8))
		return pd_err_nomem(err);
	r->start[r->n] = r->end;
	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		const struct queued_op *o = &op[i];
		unsigned char h[RUN_HEAD];
		uint16_t kl = o->klen;
		uint32_t dl = o->dlen;

		if (i + 1 < n && pd_q_same_pair(o, &op[i + 1]))
			continue;   /* a later operation on this pair wins */
		h[0] = (unsigned char)o->dbi;
		h[1] = (unsigned char)((o->put ? OP_PUT : 0) | (o->unique ? OP_UNIQUE : 0));
		memcpy(h + 2, &kl, 2);
		memcpy(h + 4, &dl, 4);
		if (pd_buf_add(&out, h, sizeof h) != PD_OK ||
		    pd_buf_add(&out, o->at.p, (size_t)o->klen + o->dlen) != PD_OK)
			rc = pd_err_nomem(err);
		else if (out.n >= READ_CHUNK)
			rc = write_all(r, out.p, out.n, err), pd_buf_reset(&out);
	}
	if (rc == PD_OK && out.n)
		rc = write_all(r, out.p, out.n, err);
	pd_buf_free(&out);
	if (rc == PD_OK)
		r->n++;
	return rc;
}

void pd_runs_free(struct pd_runs *r)
{
	if (r->fd >= 0)
		close(r->fd);
	free(r->start);
	*r = (struct pd_runs){ .st = r->st, .fd = -1 };
}

/* --- the merged stream ------------------------------------------------------ */

/* One source: a run on the file, or the sorted operations in memory. */
struct source {
	struct queued_op cur;     /* its next operation, when `has` */
	bool             has;
	size_t           order;   /* older sources first among equals */
	/* a run: bytes [pos, end) of fd still to read, [lo, hi) of buf read */
	int              fd;
	off_t            pos, end;
	unsigned char   *buf;
	size_t           cap, lo, hi;
	/* the memory */
	const struct queued_op *op;
	size_t           i, n;
};

/*
 * A tournament of losers over the sources: leaf i is node nsrc + i, node
 * t's children are 2t and 2t + 1, each inner node keeps the source that
 * lost the match there, and node 0 the winner.  Replacing the winner's
 * operation replays one path to the top, one compare a level — half a
 * heap's, and the merge is compares (a million people's runs: some 50).
 */
struct pd_q_merge {
	struct source  *src;
	size_t         *tree;     /* nsrc nodes: winner, then the losers */
	size_t          nsrc;
	bool            failed;   /* a run could not be read: over */
};

/* Does source a's operation come before b's?  A source at its end comes
 * after every other; among equal operations, the older source first. */
static bool src_less(const struct source *a, const struct source *b)
{
	int c;

	if (!a->has || !b->has)
		return a->has && !b->has;
	c = pd_q_cmp(&a->cur, &b->cur);
	return c ? c < 0 : a->order < b->order;
}

/* Have `need` bytes from lo in the run's buffer.  Returns PD_OK,
 * PD_NOTFOUND (the run ends first), PD_ENOMEM, PD_EIO (errno set). */
static int src_fill(struct source *s, size_t need)
{
	if (s->hi - s->lo >= need)
		return PD_OK;
	memmove(s->buf, s->buf + s->lo, s->hi - s->lo);
	s->hi -= s->lo;
	s->lo = 0;
	if (need > s->cap) {
		unsigned char *nb = realloc(s->buf, need);
		if (!nb)
			return PD_ENOMEM;
		s->buf = nb;
		s->cap = need;
	}
	while (s->hi < need) {
		size_t want = s->cap - s->hi;
		ssize_t got;
		if ((off_t)want > s->end - s->pos)
			want = (size_t)(s->end - s->pos);
		if (!want)
			return PD_NOTFOUND;
		got = pread(s->fd, s->buf + s->hi, want, s->pos);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (!got)
				errno = EIO;   /* the file is shorter than written */
			return PD_EIO;
		}
		s->hi += (size_t)got;
		s->pos += got;
	}
	return PD_OK;
}

/* Step source s to its next operation (s->has false at its end).
 * Returns PD_OK, PD_ENOMEM, PD_EIO (errno set). */
static int src_step(struct source *s)
{
	struct queued_op *o = &s->cur;
	unsigned char h[RUN_HEAD];
	uint16_t kl;
	uint32_t dl;
	int rc;

	if (!s->buf) {   /* the memory */
		if ((s->has = s->i < s->n))
			*o = s->op[s->i++];
		return PD_OK;
	}
	if ((rc = src_fill(s, RUN_HEAD)) != PD_OK) {
		s->has = false;
		return rc == PD_NOTFOUND && s->hi == s->lo ? PD_OK :
		       rc == PD_NOTFOUND ? (errno = EIO, PD_EIO) : rc;
	}
	memcpy(h, s->buf + s->lo, RUN_HEAD);
	memcpy(&kl, h + 2, 2);
	memcpy(&dl, h + 4, 4);
	if ((rc = src_fill(s, RUN_HEAD + (size_t)kl + dl)) != PD_OK) {
		s->has = false;
		return rc == PD_NOTFOUND ? (errno = EIO, PD_EIO) : rc;
	}
	o->at.p = s->buf + s->lo + RUN_HEAD;
	o->klen = kl;
	o->dlen = dl;
	o->dbi = h[0];
	o->put = h[1] & OP_PUT;
	o->unique = h[1] & OP_UNIQUE;
	o->khead = pd_q_head8(o->at.p, kl);
	o->dhead = pd_q_head8(o->at.p + kl, dl);
	o->seq = 0;
	s->lo += RUN_HEAD + (size_t)kl + dl;
	s->has = true;
	return PD_OK;
}

/* The winner below node t (a leaf when t >= nsrc), the losers below it
 * kept on the way. */
static size_t play(struct pd_q_merge *m, size_t t)
{
	size_t a, b;

	if (t >= m->nsrc)
		return t - m->nsrc;
	a = play(m, 2 * t);
	b = play(m, 2 * t + 1);
	if (src_less(&m->src[b], &m->src[a])) {
		size_t w = b;
		b = a;
		a = w;
	}
	m->tree[t] = b;
	return a;
}

/* Source w's operation changed: its matches again, up to the top. */
static void replay(struct pd_q_merge *m, size_t w)
{
	for (size_t t = (m->nsrc + w) / 2; t; t /= 2)
		if (src_less(&m->src[m->tree[t]], &m->src[w])) {
			size_t l = m->tree[t];
			m->tree[t] = w;
			w = l;
		}
	m->tree[0] = w;
}

int pd_q_merge_open(struct pd_q_merge **out, struct pd_runs *r,
		    const struct queued_op *op, size_t n)
{
	struct pd_q_merge *s = calloc(1, sizeof *s);
	int rc;

	*out = s;
	if (!s || !(s->src = calloc(r->n + 1, sizeof *s->src)) ||
	    !(s->tree = calloc(r->n + 1, sizeof *s->tree)))
		return PD_ENOMEM;
	s->nsrc = r->n + 1;
	for (size_t i = 0; i < s->nsrc; i++) {
		struct source *src = &s->src[i];
		src->order = i;
		if (i == r->n) {   /* the memory, newest */
			src->op = op;
			src->n = n;
		} else {
			src->fd = r->fd;
			src->pos = r->start[i];
			src->end = i + 1 < r->n ? r->start[i + 1] : r->end;
			/* no more than the run: a small budget makes many */
			src->cap = src->end - src->pos < (off_t)READ_CHUNK ?
				   (size_t)(src->end - src->pos) : READ_CHUNK;
			if (src->cap < RUN_HEAD)
				src->cap = RUN_HEAD;
			if (!(src->buf = malloc(src->cap)))
				return PD_ENOMEM;
		}
		if ((rc = src_step(src)) != PD_OK)
			return rc;
	}
	s->tree[0] = s->nsrc > 1 ? play(s, 1) : 0;
	return PD_OK;
}

int pd_q_merge_pop(struct pd_q_merge *s, struct queued_op *o, struct pd_buf *bytes)
{
	struct source *top;
	int rc;

	top = &s->src[s->tree[0]];
	if (s->failed || !top->has)
		return PD_NOTFOUND;
	*o = top->cur;
	o->at.off = bytes->n;   /* the source's buffer moves on: keep the bytes */
	if (pd_buf_add(bytes, top->cur.at.p, (size_t)top->cur.klen + top->cur.dlen))
		return PD_ENOMEM;
	if ((rc = src_step(top)) != PD_OK) {
		s->failed = true;
		return rc;
	}
	replay(s, s->tree[0]);
	return PD_OK;
}

int pd_q_merge_err(const struct pd_store *st, int rc, int eno, struct pd_err *err)
{
	return rc == PD_ENOMEM ? pd_err_nomem(err) : io_fail(st, err, eno);
}

void pd_q_merge_close(struct pd_q_merge *s)
{
	if (!s)
		return;
	for (size_t i = 0; s->src && i < s->nsrc; i++)
		free(s->src[i].buf);
	free(s->src);
	free(s->tree);
	free(s);
}
