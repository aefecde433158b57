/*
 * queue_sort.c — the order of queued writes (queue_impl.h): database,
 * key, then a DUPSORT pair's data, identical ones in the order queued.
 */
#include <stdlib.h>
#include <string.h>

#include "queue_impl.h"

uint64_t pd_q_head8(const unsigned char *p, size_t n)
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

int pd_q_cmp(const struct queued_op *a, const struct queued_op *b)
{
	int c = a->dbi != b->dbi ? (a->dbi > b->dbi ? 1 : -1) :
		bytes_cmp(a->khead, a->at.p, a->klen, b->khead, b->at.p, b->klen);

	if (!c && !a->unique)
		c = bytes_cmp(a->dhead, a->at.p + a->klen, a->dlen,
			      b->dhead, b->at.p + b->klen, b->dlen);
	return c;
}

/* pd_q_cmp, then the order queued. */
static int op_cmp(const void *pa, const void *pb)
{
	const struct queued_op *a = pa, *b = pb;
	int c = pd_q_cmp(a, b);

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
static void sort_from(struct queued_op *a, size_t n, size_t d)
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
			sort_from(a + at, count[b], d + 1);
}

/*
 * Are n bytes at a and b the same?  The last eight first: neighbouring
 * entries of a term share the term and often the name, and differ in
 * the id at their end.
 */
static bool bytes_eq(const unsigned char *a, const unsigned char *b, size_t n)
{
	uint64_t x, y;

	if (n > 8) {
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		if (x != y)
			return false;
	}
	return !memcmp(a, b, n);
}

bool pd_q_same_pair(const struct queued_op *a, const struct queued_op *b)
{
	if (a->dbi != b->dbi || a->khead != b->khead || a->klen != b->klen)
		return false;
	if (a->unique)
		return bytes_eq(a->at.p, b->at.p, a->klen);
	return a->dhead == b->dhead && a->dlen == b->dlen &&
	       bytes_eq(a->at.p, b->at.p, (size_t)a->klen + a->dlen);
}


void pd_q_resolve(struct queued_op *op, size_t n, const struct pd_buf *buf)
{
	for (size_t i = 0; i < n; i++) {
		struct queued_op *o = &op[i];
		o->at.p = (const unsigned char *)buf->p + o->at.off;
		o->khead = pd_q_head8(o->at.p, o->klen);
		o->dhead = pd_q_head8(o->at.p + o->klen, o->dlen);
	}
}

void pd_q_sort(struct queued_op *op, size_t n)
{
	sort_from(op, n, 0);
}
