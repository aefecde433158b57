/*
 * postings_cursor.c — reading a posting table (postings.h) as if it were
 * an MDB_DUPSORT table of its entries: the search's walks were written
 * for one, and an old file still is one.
 *
 * On the block layout the cursor is an LMDB cursor on a node and a
 * decoder on an entry of it.  A seek inside a term (MDB_GET_BOTH_RANGE)
 * goes to the first node whose key is past term + NUL + what it seeks and
 * steps back one: the entry sought is in that node or is the next node's
 * first.  The next term is one seek away (term + 0x01 is past all of
 * term's nodes).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "postings_codec.h"

struct pd_post_cur {
	MDB_cursor        *mc;
	bool               dup;      /* an old file's MDB_DUPSORT table */
	bool               on;       /* dec holds the entry the cursor is on */
	bool               pending;  /* mc is on the node after the term (or past
					the end: pend_rc), not yet read */
	int                pend_rc;
	bool               moved;    /* mc left the entry (pd_post_count) */
	bool               first;    /* the node is its term's first */
	MDB_val            key;      /* the node's key */
	size_t             tlen;     /* its term's bytes */
	struct pd_post_dec dec;
};

/* A key sought: a term, a NUL and an entry at most. */
#define PROBE_MAX (PD_POST_TERM_MAX + 1 + PD_POST_ENTRY_MAX)

int pd_post_open(MDB_txn *txn, MDB_dbi dbi, struct pd_post_cur **out)
{
	struct pd_post_cur *c = calloc(1, sizeof *c);
	unsigned flags = 0;
	int rc;

	*out = NULL;
	if (!c)
		return ENOMEM;
	if ((rc = mdb_dbi_flags(txn, dbi, &flags)) ||
	    (rc = mdb_cursor_open(txn, dbi, &c->mc))) {
		free(c);
		return rc;
	}
	c->dup = flags & MDB_DUPSORT;
	*out = c;
	return MDB_SUCCESS;
}

void pd_post_close(struct pd_post_cur *c)
{
	if (!c)
		return;
	mdb_cursor_close(c->mc);
	free(c);
}

/* The term of node key k: its bytes before a NUL. */
static size_t term_len(const MDB_val *k)
{
	const unsigned char *z = memchr(k->mv_data, 0, k->mv_size);

	return z ? (size_t)(z - (const unsigned char *)k->mv_data) : k->mv_size;
}

/* Read node (k, v) and put the decoder on its first entry. */
static int load(struct pd_post_cur *c, const MDB_val *k, const MDB_val *v)
{
	const unsigned char *kp = k->mv_data;
	int rc;

	c->key = *k;
	c->tlen = term_len(k);
	c->pending = c->moved = false;
	if (c->tlen == k->mv_size)   /* a plain node: the value is the entry */
		rc = pd_post_dec_start(&c->dec, v->mv_data, v->mv_size, NULL);
	else
		rc = pd_post_dec_start(&c->dec, kp + c->tlen + 1,
				       k->mv_size - c->tlen - 1, v);
	c->on = rc == MDB_SUCCESS;
	return rc;
}

/* Give the cursor's term and entry. */
static int give(const struct pd_post_cur *c, MDB_val *key, MDB_val *data)
{
	key->mv_size = c->tlen;
	key->mv_data = c->key.mv_data;
	data->mv_size = c->dec.n;
	data->mv_data = (void *)c->dec.e;
	return MDB_SUCCESS;
}

static bool same_term(const struct pd_post_cur *c, const MDB_val *k)
{
	return term_len(k) == c->tlen && !memcmp(k->mv_data, c->key.mv_data, c->tlen);
}

/* Move mc with `op` and read the node it lands on. */
static int step(struct pd_post_cur *c, MDB_val *k, MDB_cursor_op op)
{
	MDB_val v;
	int rc = mdb_cursor_get(c->mc, k, &v, op);

	if (rc != MDB_SUCCESS) {
		c->on = false;
		return rc;
	}
	return load(c, k, &v);
}

/*
 * mc to the first node at or after the terms at or after `want` (wn
 * bytes): a NUL in it stands for "after the term before it".
 */
static int seek_terms(struct pd_post_cur *c, const void *want, size_t wn)
{
	const unsigned char *z = memchr(want, 0, wn);
	unsigned char probe[PROBE_MAX];
	MDB_val k = { wn, (void *)want };

	if (z) {
		size_t n = (size_t)(z - (const unsigned char *)want);
		if (n >= sizeof probe)
			return EINVAL;
		memcpy(probe, want, n);
		probe[n] = 0x01;
		k = (MDB_val){ n + 1, probe };
	}
	c->first = true;
	return step(c, &k, MDB_SET_RANGE);
}

/* The next term's first entry (after the current one's last node). */
static int next_term(struct pd_post_cur *c)
{
	unsigned char probe[PROBE_MAX];
	MDB_val k, v;
	size_t n = c->tlen;
	int rc;

	/* Most terms are one node (a word of one record's e-mail): mc is on
	 * it, and the next node is the next term's first, a step instead of
	 * a seek from the root.  A term of more nodes is passed with the
	 * seek. */
	if (c->on && !c->moved) {
		if ((rc = mdb_cursor_get(c->mc, &k, &v, MDB_NEXT)) != MDB_SUCCESS) {
			c->on = false;
			return rc;
		}
		if (!same_term(c, &k)) {
			c->first = true;
			return load(c, &k, &v);
		}
	}
	if (n + 1 > sizeof probe)
		return EINVAL;
	memcpy(probe, c->key.mv_data, n);
	probe[n] = 0x01;
	c->first = true;
	k = (MDB_val){ n + 1, probe };
	return step(c, &k, MDB_SET_RANGE);
}

/* Read the node mc was left on (pending). */
static int take_pending(struct pd_post_cur *c)
{
	MDB_val k;

	c->pending = false;
	if (c->pend_rc != MDB_SUCCESS)
		return c->pend_rc;
	c->first = true;
	return step(c, &k, MDB_GET_CURRENT);
}

/* Key's first entry at or after `want` (GET_BOTH_RANGE). */
static int seek_entry(struct pd_post_cur *c, const MDB_val *key, const MDB_val *want)
{
	size_t pn = key->mv_size + 1 + want->mv_size;
	unsigned char probe[PROBE_MAX];
	MDB_val k, v;
	int rc, rn;

	if (key->mv_size > PD_POST_TERM_MAX || want->mv_size > PD_POST_ENTRY_MAX ||
	    memchr(key->mv_data, 0, key->mv_size))
		return EINVAL;
	memcpy(probe, key->mv_data, key->mv_size);
	probe[key->mv_size] = 0;
	memcpy(probe + key->mv_size + 1, want->mv_data, want->mv_size);
	k = (MDB_val){ pn, probe };
	c->first = false;
	rn = mdb_cursor_get(c->mc, &k, &v, MDB_SET_RANGE);
	if (rn != MDB_SUCCESS && rn != MDB_NOTFOUND)
		return rn;
	/* The node before may hold it (its first entry comes before want). */
	rc = mdb_cursor_get(c->mc, &k, &v, rn == MDB_SUCCESS ? MDB_PREV : MDB_LAST);
	if (rc == MDB_SUCCESS && term_len(&k) == key->mv_size &&
	    !memcmp(k.mv_data, key->mv_data, key->mv_size)) {
		if ((rc = load(c, &k, &v)) != MDB_SUCCESS)
			return rc;
		rc = pd_post_dec_seek(&c->dec, want->mv_data, want->mv_size);
		if (rc != MDB_NOTFOUND)
			return rc;
		rc = step(c, &k, MDB_NEXT);
	} else if (rc == MDB_SUCCESS || rc == MDB_NOTFOUND) {
		/* Back to the node the seek found. */
		k = (MDB_val){ pn, probe };
		rc = rn == MDB_SUCCESS ? step(c, &k, MDB_SET_RANGE) : MDB_NOTFOUND;
	}
	if (rc != MDB_SUCCESS) {
		c->on = false;
		return rc;
	}
	if (c->tlen != key->mv_size || memcmp(c->key.mv_data, key->mv_data, c->tlen)) {
		c->on = false;   /* not the key's: it has none that late */
		return MDB_NOTFOUND;
	}
	return MDB_SUCCESS;
}

/* After pd_post_count moved mc: back onto the entry the cursor is on. */
static int restore(struct pd_post_cur *c)
{
	MDB_val key = { c->tlen, c->key.mv_data }, want;
	unsigned char e[PD_POST_ENTRY_MAX];
	bool first = c->first;
	int rc;

	memcpy(e, c->dec.e, c->dec.n);
	want = (MDB_val){ c->dec.n, e };
	rc = seek_entry(c, &key, &want);
	c->first = first;
	return rc;
}

/* The cursor's next entry within its term, or MDB_NOTFOUND (then the
 * next node is pending). */
static int next_dup(struct pd_post_cur *c)
{
	MDB_val k, v;
	int rc;

	if (c->pending)
		return MDB_NOTFOUND;
	if (!c->on)
		return EINVAL;
	if (c->moved && (rc = restore(c)) != MDB_SUCCESS)
		return rc;
	if ((rc = pd_post_dec_next(&c->dec)) != MDB_NOTFOUND)
		return rc;
	rc = mdb_cursor_get(c->mc, &k, &v, MDB_NEXT);
	if (rc == MDB_SUCCESS && same_term(c, &k)) {
		c->first = false;
		return load(c, &k, &v);
	}
	if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND)
		return rc;
	c->pending = true;
	c->pend_rc = rc;
	return MDB_NOTFOUND;
}

int pd_post_get(struct pd_post_cur *c, MDB_val *key, MDB_val *data,
		MDB_cursor_op op)
{
	int rc;

	if (c->dup)
		return mdb_cursor_get(c->mc, key, data, op);
	switch (op) {
	case MDB_FIRST:
		c->first = true;
		rc = step(c, key, MDB_FIRST);
		break;
	case MDB_SET_RANGE:
	case MDB_SET_KEY:
		rc = seek_terms(c, key->mv_data, key->mv_size);
		if (rc == MDB_SUCCESS && op == MDB_SET_KEY &&
		    (c->tlen != key->mv_size || memcmp(c->key.mv_data, key->mv_data, c->tlen)))
			rc = MDB_NOTFOUND;
		break;
	case MDB_NEXT_DUP:
		rc = next_dup(c);
		break;
	case MDB_NEXT:
		if (c->pending) {
			rc = take_pending(c);
			break;
		}
		if (c->on && (rc = next_dup(c)) != MDB_NOTFOUND)
			break;
		if (c->pending) {
			rc = take_pending(c);
			break;
		}
		c->first = true;   /* past a damaged node */
		rc = step(c, key, MDB_NEXT);
		break;
	case MDB_NEXT_NODUP:
		rc = c->pending ? take_pending(c) : next_term(c);
		break;
	case MDB_GET_BOTH:
	case MDB_GET_BOTH_RANGE:
		rc = seek_entry(c, key, data);
		if (rc == MDB_SUCCESS && op == MDB_GET_BOTH &&
		    pd_post_cmp(c->dec.e, c->dec.n, data->mv_data, data->mv_size))
			rc = MDB_NOTFOUND;
		break;
	default:
		return EINVAL;
	}
	if (rc == MDB_SUCCESS && c->on)
		return give(c, key, data);
	if (rc == MDB_SUCCESS)
		return MDB_CORRUPTED;
	return rc;
}

/* The entries of node (k, v), from its trailer (0: it does not decode). */
static size_t node_count(const MDB_val *k, const MDB_val *v)
{
	const unsigned char *p = v->mv_data;

	if (term_len(k) == k->mv_size)
		return 1;
	return v->mv_size >= 2 ? (size_t)(p[v->mv_size - 2] << 8 | p[v->mv_size - 1]) : 0;
}

int pd_post_count(struct pd_post_cur *c, size_t cap, size_t *n)
{
	MDB_val k, v;
	int rc;

	*n = 0;
	if (c->dup) {
		size_t cnt;
		rc = mdb_cursor_count(c->mc, &cnt);
		*n = (size_t)cnt;
		return rc;
	}
	if (!c->on)
		return EINVAL;
	if (!c->first) {   /* count from the term's first node */
		k = (MDB_val){ c->tlen, c->key.mv_data };
		if ((rc = mdb_cursor_get(c->mc, &k, &v, MDB_SET_RANGE)))
			return rc;
	} else if ((rc = mdb_cursor_get(c->mc, &k, &v, MDB_GET_CURRENT))) {
		return rc;
	}
	c->moved = true;
	while (rc == MDB_SUCCESS && same_term(c, &k) && *n <= cap) {
		*n += node_count(&k, &v);
		rc = mdb_cursor_get(c->mc, &k, &v, MDB_NEXT);
	}
	return rc == MDB_NOTFOUND ? MDB_SUCCESS : rc;
}
