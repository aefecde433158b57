/*
 * postings_codec.c — the entries of a posting table's block, front-coded
 * with restarts (format in postings_codec.h), and the shape of an entry
 * (postings.h).
 */
#include <errno.h>
#include <string.h>

#include "postings_codec.h"

#define TRAILER_MIN 2      /* the count */
#define VARINT_MAX  10     /* bytes of a 64-bit LEB128 */

bool pd_post_entry_ok(const void *e, size_t n)
{
	const unsigned char *p = e;

	return n > PD_POST_TAIL && n <= PD_POST_ENTRY_MAX &&
	       p[n - PD_POST_TAIL] == 0 && p[n - PD_POST_TAIL + 1] < 8 &&
	       (n == PD_POST_TAIL + 1 ||
		!memchr(p + 1, 0, n - PD_POST_TAIL - 1));
}

int pd_post_cmp(const void *a, size_t an, const void *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c ? c : (an > bn) - (an < bn);
}

static uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static size_t put_varint(unsigned char *p, uint64_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

static size_t varint_len(uint64_t v)
{
	size_t n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

/* Read a varint at *p (before end); false when it runs past end or 64 bits. */
static bool get_varint(const unsigned char **p, const unsigned char *end,
		       uint64_t *v)
{
	uint64_t r = 0;

	for (unsigned shift = 0; *p < end && shift < 64; shift += 7) {
		unsigned char b = *(*p)++;
		r |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*v = r;
			return true;
		}
	}
	return false;
}

/* --- decoding -------------------------------------------------------------- */

int pd_post_dec_start(struct pd_post_dec *d, const void *first, size_t fn,
		      const MDB_val *val)
{
	const unsigned char *v;
	size_t vn;

	if (!pd_post_entry_ok(first, fn))
		return MDB_CORRUPTED;
	d->first = first;
	d->fn = fn;
	memcpy(d->e, first, fn);
	d->n = fn;
	d->idx = 0;
	if (!val) {   /* a plain node */
		d->val = d->p = d->end = d->rst = NULL;
		d->count = 1;
		d->nrst = 0;
		return MDB_SUCCESS;
	}
	v = val->mv_data;
	vn = val->mv_size;
	if (vn < TRAILER_MIN)
		return MDB_CORRUPTED;
	d->count = get16(v + vn - 2);
	d->nrst = d->count ? (d->count - 1) / PD_POST_RESTART : 0;
	if (!d->count || vn < TRAILER_MIN + 2 * d->nrst)
		return MDB_CORRUPTED;
	d->val = d->p = v;
	d->end = v + vn - TRAILER_MIN - 2 * d->nrst;
	d->rst = d->end;
	return MDB_SUCCESS;
}

/* Decode the entry at d->p against d->e (shared bytes of its head). */
static int decode_at(struct pd_post_dec *d)
{
	const unsigned char *p = d->p;
	size_t head = d->n - PD_POST_TAIL, s, l;
	uint64_t lk, id;

	if (p >= d->end)
		return MDB_CORRUPTED;
	s = *p++;
	if (s > head || !get_varint(&p, d->end, &lk))
		return MDB_CORRUPTED;
	l = (size_t)(lk >> 3);
	if (lk >> 3 > PD_POST_HEAD_MAX || s + l > PD_POST_HEAD_MAX || s + l == 0 ||
	    (size_t)(d->end - p) < l)
		return MDB_CORRUPTED;
	memcpy(d->e + s, p, l);
	p += l;
	if (!get_varint(&p, d->end, &id))
		return MDB_CORRUPTED;
	head = s + l;
	/* The head's bytes after its first are never NUL. */
	if (head > 1 && memchr(d->e + 1, 0, head - 1))
		return MDB_CORRUPTED;
	d->e[head] = 0;
	d->e[head + 1] = (unsigned char)(lk & 7);
	for (int i = 0; i < 8; i++)
		d->e[head + 2 + i] = (unsigned char)(id >> (56 - 8 * i));
	d->n = head + PD_POST_TAIL;
	d->p = p;
	return MDB_SUCCESS;
}

int pd_post_dec_next(struct pd_post_dec *d)
{
	if (d->idx + 1 >= d->count)
		return MDB_NOTFOUND;
	d->idx++;
	return decode_at(d);
}

/* Put the decoder on restart r (1-based: entry r * PD_POST_RESTART). */
static int at_restart(struct pd_post_dec *d, size_t r)
{
	size_t off = get16(d->rst + 2 * (r - 1));

	if (d->val + off >= d->end || d->val[off] != 0)
		return MDB_CORRUPTED;   /* a restart shares nothing */
	d->p = d->val + off;
	d->idx = r * PD_POST_RESTART;
	return decode_at(d);
}

/* Put the decoder back on entry 0 (the key's). */
static void at_first(struct pd_post_dec *d)
{
	memcpy(d->e, d->first, d->fn);
	d->n = d->fn;
	d->idx = 0;
	d->p = d->val;
}

int pd_post_dec_seek(struct pd_post_dec *d, const void *want, size_t wn)
{
	size_t lo = 1, hi = d->nrst;
	int rc;

	/* The last restart before `want`, by bisection (entry 0 counts as
	 * restart 0). */
	while (lo <= hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((rc = at_restart(d, mid)) != MDB_SUCCESS)
			return rc;
		if (pd_post_cmp(d->e, d->n, want, wn) < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	if (hi == 0)
		at_first(d);
	else if ((rc = at_restart(d, hi)) != MDB_SUCCESS)
		return rc;
	while (pd_post_cmp(d->e, d->n, want, wn) < 0)
		if ((rc = pd_post_dec_next(d)) != MDB_SUCCESS)
			return rc;
	return MDB_SUCCESS;
}

/* --- encoding -------------------------------------------------------------- */

void pd_post_enc_start(struct pd_post_enc *enc, struct pd_buf *out,
		       const void *first, size_t fn)
{
	enc->out = out;
	enc->start = out->n;
	memcpy(enc->prev, first, fn);
	enc->prevn = fn;
	enc->count = 1;
	enc->nrst = 0;
}

/* How many of the first `lim` bytes of a and b are the same.  Eight at a
 * time: the entries of a term share most of their heads (a million
 * people's import asks this of every entry). */
static size_t shared_head(const unsigned char *a, const unsigned char *b, size_t lim)
{
	size_t s = 0;

	for (; s + 8 <= lim; s += 8) {
		uint64_t x, y;
		memcpy(&x, a + s, 8);
		memcpy(&y, b + s, 8);
		if (x != y) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return s + (size_t)__builtin_ctzll(x ^ y) / 8;
#else
			return s + (size_t)__builtin_clzll(x ^ y) / 8;
#endif
		}
	}
	while (s < lim && a[s] == b[s])
		s++;
	return s;
}

/* Bytes entry e takes after enc->prev; *shared gets its shared head bytes. */
static size_t entry_cost(const struct pd_post_enc *enc, const unsigned char *e,
			 size_t n, size_t *shared)
{
	size_t head = n - PD_POST_TAIL, ph = enc->prevn - PD_POST_TAIL, s = 0;

	if (enc->count % PD_POST_RESTART)
		s = shared_head(e, enc->prev, head < ph ? head : ph);
	*shared = s;
	return 1 + varint_len((uint64_t)(head - s) << 3) + (head - s) +
	       varint_len(pd_get_be64(e + n - 8));
}

/* The value's bytes with entry e added (its cost and shared bytes in
 * *cost and *shared), or SIZE_MAX when the block cannot take one more. */
static size_t size_with(const struct pd_post_enc *enc, const void *e, size_t n,
			size_t *cost, size_t *shared)
{
	size_t restart = enc->count % PD_POST_RESTART == 0;

	if (enc->count >= UINT16_MAX || (restart && enc->nrst == PD_POST_RST_MAX))
		return SIZE_MAX;
	*cost = entry_cost(enc, e, n, shared);
	return enc->out->n - enc->start + *cost + 2 * (enc->nrst + restart) +
	       TRAILER_MIN;
}

size_t pd_post_enc_size_with(const struct pd_post_enc *enc, const void *e,
			     size_t n)
{
	size_t cost, shared;

	return size_with(enc, e, n, &cost, &shared);
}

/* Add entry e, which shares `shared` bytes with the one before. */
static int enc_put(struct pd_post_enc *enc, const unsigned char *p, size_t n,
		   size_t shared)
{
	unsigned char buf[1 + VARINT_MAX + PD_POST_HEAD_MAX + VARINT_MAX];
	size_t len, head = n - PD_POST_TAIL;

	if (enc->count % PD_POST_RESTART == 0) {
		if (enc->out->n - enc->start > UINT16_MAX)
			return EINVAL;
		enc->rst[enc->nrst++] = (uint16_t)(enc->out->n - enc->start);
	}
	buf[0] = (unsigned char)shared;
	len = 1 + put_varint(buf + 1, (uint64_t)(head - shared) << 3 | p[head + 1]);
	memcpy(buf + len, p + shared, head - shared);
	len += head - shared;
	len += put_varint(buf + len, pd_get_be64(p + n - 8));
	if (pd_buf_add(enc->out, buf, len) != PD_OK)
		return ENOMEM;
	memcpy(enc->prev, p, n);
	enc->prevn = n;
	enc->count++;
	return MDB_SUCCESS;
}

int pd_post_enc_add(struct pd_post_enc *enc, const void *e, size_t n)
{
	size_t cost, shared;

	if (size_with(enc, e, n, &cost, &shared) == SIZE_MAX)
		return EINVAL;
	return enc_put(enc, e, n, shared);
}

int pd_post_enc_add_within(struct pd_post_enc *enc, const void *e, size_t n,
			   size_t room, bool *added)
{
	size_t cost, shared, size = size_with(enc, e, n, &cost, &shared);

	*added = false;
	if (size == SIZE_MAX || size > room)
		return MDB_SUCCESS;
	*added = true;
	return enc_put(enc, e, n, shared);
}

int pd_post_enc_finish(struct pd_post_enc *enc)
{
	unsigned char b[2];

	for (size_t i = 0; i < enc->nrst; i++) {
		b[0] = (unsigned char)(enc->rst[i] >> 8);
		b[1] = (unsigned char)enc->rst[i];
		if (pd_buf_add(enc->out, b, 2) != PD_OK)
			return ENOMEM;
	}
	b[0] = (unsigned char)(enc->count >> 8);
	b[1] = (unsigned char)enc->count;
	return pd_buf_add(enc->out, b, 2) == PD_OK ? MDB_SUCCESS : ENOMEM;
}

size_t pd_post_room(MDB_txn *txn, size_t klen)
{
	MDB_stat ms;
	size_t psize = 4096, nodemax;

	if (mdb_env_stat(mdb_txn_env(txn), &ms) == MDB_SUCCESS)
		psize = ms.ms_psize;
	/* LMDB keeps a node on its leaf page while header (8) + key + value
	 * fit in this (mdb.c: me_nodemax, two nodes a page at least). */
	nodemax = (((psize - 16) / 2) & ~(size_t)1) - 2;
	return nodemax > 8 + klen ? nodemax - 8 - klen : 0;
}
