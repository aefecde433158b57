/*
 * postings_write.c — changing a posting table's blocks (an edit's few
 * entries), writing a whole table in order (pd_post_builder), and reading
 * every block for `check` (layout in postings.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "postings_codec.h"

/* A list of whole entries, back to back: len(1) + bytes each. */
struct elist {
	struct pd_buf b;
	size_t        n;
};

static int elist_add(struct elist *l, const void *e, size_t n)
{
	unsigned char len = (unsigned char)n;

	if (pd_buf_add(&l->b, &len, 1) != PD_OK || pd_buf_add(&l->b, e, n) != PD_OK)
		return ENOMEM;
	l->n++;
	return MDB_SUCCESS;
}

static bool term_ok(const MDB_val *t)
{
	return t->mv_size && t->mv_size <= PD_POST_TERM_MAX &&
	       !memchr(t->mv_data, 0, t->mv_size);
}

/* The term of a node key, as in postings_cursor.c. */
static size_t key_term(const MDB_val *k)
{
	const unsigned char *z = memchr(k->mv_data, 0, k->mv_size);

	return z ? (size_t)(z - (const unsigned char *)k->mv_data) : k->mv_size;
}

static bool of_term(const MDB_val *k, const MDB_val *term)
{
	return key_term(k) == term->mv_size &&
	       !memcmp(k->mv_data, term->mv_data, term->mv_size);
}

/* Decode node (k, v) into `out`.  MDB_SUCCESS or MDB_CORRUPTED. */
static int node_entries(const MDB_val *k, const MDB_val *v, struct elist *out)
{
	struct pd_post_dec d;
	size_t t = key_term(k);
	int rc = t == k->mv_size ?
		 pd_post_dec_start(&d, v->mv_data, v->mv_size, NULL) :
		 pd_post_dec_start(&d, (unsigned char *)k->mv_data + t + 1,
				   k->mv_size - t - 1, v);

	while (rc == MDB_SUCCESS) {
		if ((rc = elist_add(out, d.e, d.n)) == MDB_SUCCESS)
			rc = pd_post_dec_next(&d);
	}
	return rc == MDB_NOTFOUND ? MDB_SUCCESS : rc;
}

/* Put `term`'s entries `l` as blocks, each as full as the others (none
 * over a node's room). */
static int put_blocks(MDB_txn *txn, MDB_dbi dbi, const MDB_val *term,
		      const struct elist *l)
{
	struct pd_buf key = PD_BUF_INIT, val = PD_BUF_INIT;
	struct pd_post_enc enc;
	size_t nblocks = 0, per, o;
	int rc = MDB_SUCCESS;

	/* Count the blocks greedy filling takes, then share the entries. */
	for (int pass = 0; pass < 2 && rc == MDB_SUCCESS; pass++) {
		per = pass ? (l->n + nblocks - 1) / nblocks : SIZE_MAX;
		for (o = 0; o < l->b.n && rc == MDB_SUCCESS;) {
			const unsigned char *f = (unsigned char *)l->b.p + o + 1;
			size_t fn = (unsigned char)l->b.p[o], room, in = 1;
			pd_buf_reset(&key);
			pd_buf_reset(&val);
			if (pd_buf_add(&key, term->mv_data, term->mv_size) ||
			    pd_buf_putc(&key, 0) || pd_buf_add(&key, f, fn)) {
				rc = ENOMEM;
				break;
			}
			room = pd_post_room(txn, key.n);
			pd_post_enc_start(&enc, &val, f, fn);
			for (o += 1 + fn; o < l->b.n && in < per; o += 1 + fn, in++) {
				const unsigned char *e = (unsigned char *)l->b.p + o + 1;
				fn = (unsigned char)l->b.p[o];
				if (pd_post_enc_size_with(&enc, e, fn) > room)
					break;
				if ((rc = pd_post_enc_add(&enc, e, fn)) != MDB_SUCCESS)
					break;
			}
			if (!pass) {
				nblocks++;
				continue;
			}
			if (rc == MDB_SUCCESS && (rc = pd_post_enc_finish(&enc)) == MDB_SUCCESS) {
				MDB_val k = { key.n, key.p }, v = { val.n, val.p };
				rc = mdb_put(txn, dbi, &k, &v, 0);
			}
		}
	}
	pd_buf_free(&key);
	pd_buf_free(&val);
	return rc;
}

/* Merge node entries `a` with ops[i..j) into `out`; *changed says whether
 * anything differs. */
static int merge_ops(const struct elist *a, const struct pd_post_op *ops,
		     size_t i, size_t j, struct elist *out, bool *changed)
{
	size_t o = 0;
	int rc = MDB_SUCCESS;

	*changed = false;
	while (rc == MDB_SUCCESS && (o < a->b.n || i < j)) {
		const unsigned char *e = o < a->b.n ? (unsigned char *)a->b.p + o + 1 : NULL;
		size_t en = e ? (unsigned char)a->b.p[o] : 0;
		int c = !e ? 1 : i == j ? -1 : pd_post_cmp(e, en, ops[i].e, ops[i].n);
		if (c < 0) {
			rc = elist_add(out, e, en);
			o += 1 + en;
			continue;
		}
		if (ops[i].put)
			rc = elist_add(out, ops[i].e, ops[i].n);
		*changed |= ops[i].put != (c == 0);
		if (c == 0)
			o += 1 + en;
		i++;
	}
	return rc;
}

/*
 * The node ops[i] falls in: the term's last node whose first entry is at
 * or before it, else the term's first.  *k and *v get it (k->mv_size 0:
 * the term has none); *up the next node's first entry (NULL: none).
 */
static int find_node(MDB_cursor *mc, const MDB_val *term, const struct pd_post_op *op,
		     unsigned char *probe, MDB_val *k, MDB_val *v,
		     unsigned char *up, size_t *upn)
{
	size_t pn = term->mv_size + 1 + op->n;
	int rn, rc;

	*upn = 0;
	memcpy(probe, term->mv_data, term->mv_size);
	probe[term->mv_size] = 0;
	memcpy(probe + term->mv_size + 1, op->e, op->n);
	*k = (MDB_val){ pn, probe };
	rn = mdb_cursor_get(mc, k, v, MDB_SET_RANGE);
	if (rn != MDB_SUCCESS && rn != MDB_NOTFOUND)
		return rn;
	if (rn == MDB_SUCCESS && k->mv_size == pn && !memcmp(k->mv_data, probe, pn))
		goto found;   /* op's entry is this block's first */
	rc = mdb_cursor_get(mc, k, v, rn == MDB_SUCCESS ? MDB_PREV : MDB_LAST);
	if (rc == MDB_SUCCESS && of_term(k, term))
		goto found;
	if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND)
		return rc;
	*k = (MDB_val){ pn, probe };
	rn = rn == MDB_SUCCESS ? mdb_cursor_get(mc, k, v, MDB_SET_RANGE) : MDB_NOTFOUND;
	if (rn == MDB_SUCCESS && of_term(k, term))
		goto found;
	k->mv_size = 0;   /* the term has no node yet */
	return rn == MDB_SUCCESS || rn == MDB_NOTFOUND ? MDB_SUCCESS : rn;
found:
	{
		MDB_val nk, nv;
		MDB_val ck = *k, cv = *v;
		rc = mdb_cursor_get(mc, &nk, &nv, MDB_NEXT);
		if (rc == MDB_SUCCESS && of_term(&nk, term) && key_term(&nk) < nk.mv_size) {
			*upn = nk.mv_size - term->mv_size - 1;
			memcpy(up, (unsigned char *)nk.mv_data + term->mv_size + 1, *upn);
		} else if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) {
			return rc;
		}
		*k = ck;
		*v = cv;
	}
	return MDB_SUCCESS;
}

/* A term with one entry has a plain node; with more, blocks only. */
static int normalise(MDB_txn *txn, MDB_dbi dbi, MDB_cursor *mc, const MDB_val *term)
{
	struct elist l = { PD_BUF_INIT, 0 };
	MDB_val k = *term, v, nk, nv;
	bool plain;
	int rc = mdb_cursor_get(mc, &k, &v, MDB_SET_RANGE);

	if (rc == MDB_NOTFOUND || (rc == MDB_SUCCESS && !of_term(&k, term)))
		return MDB_SUCCESS;
	if (rc != MDB_SUCCESS)
		return rc;
	plain = key_term(&k) == k.mv_size;
	if ((rc = node_entries(&k, &v, &l)) != MDB_SUCCESS)
		goto out;
	rc = mdb_cursor_get(mc, &nk, &nv, MDB_NEXT);
	if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND)
		goto out;
	if (l.n == 1 && !plain && (rc == MDB_NOTFOUND || !of_term(&nk, term))) {
		MDB_val e = { (unsigned char)l.b.p[0], l.b.p + 1 };
		unsigned char kb[PD_POST_TERM_MAX + 1 + PD_POST_ENTRY_MAX];
		memcpy(kb, k.mv_data, k.mv_size);
		k.mv_data = kb;
		if ((rc = mdb_del(txn, dbi, &k, NULL)) == MDB_SUCCESS)
			rc = mdb_put(txn, dbi, (MDB_val *)term, &e, 0);
	} else if (plain && rc == MDB_SUCCESS && of_term(&nk, term)) {
		/* a plain node beside blocks (not made here): into a block */
		if ((rc = mdb_del(txn, dbi, (MDB_val *)term, NULL)) == MDB_SUCCESS)
			rc = put_blocks(txn, dbi, term, &l);
	} else {
		rc = MDB_SUCCESS;
	}
out:
	pd_buf_free(&l.b);
	return rc;
}

int pd_post_apply(MDB_txn *txn, MDB_dbi dbi, const MDB_val *term,
		  const struct pd_post_op *ops, size_t nops)
{
	unsigned char probe[PD_POST_TERM_MAX + 1 + PD_POST_ENTRY_MAX];
	unsigned char up[PD_POST_ENTRY_MAX], kb[sizeof probe];
	struct elist old = { PD_BUF_INIT, 0 }, merged = { PD_BUF_INIT, 0 };
	MDB_cursor *mc;
	size_t i = 0, j, upn;
	bool any = false, changed, fresh = false;
	int rc;

	if (!term_ok(term))
		return EINVAL;
	for (size_t o = 0; o < nops; o++)
		if (!pd_post_entry_ok(ops[o].e, ops[o].n) ||
		    (o && pd_post_cmp(ops[o - 1].e, ops[o - 1].n, ops[o].e, ops[o].n) >= 0))
			return EINVAL;
	if ((rc = mdb_cursor_open(txn, dbi, &mc)))
		return rc;
	while (i < nops && rc == MDB_SUCCESS) {
		MDB_val k, v;
		if ((rc = find_node(mc, term, &ops[i], probe, &k, &v, up, &upn)))
			break;
		fresh = !i && !k.mv_size;   /* no node: every op is in this round */
		for (j = i; j < nops && (!upn || pd_post_cmp(ops[j].e, ops[j].n, up, upn) < 0); j++)
			;
		old.n = merged.n = 0;
		pd_buf_reset(&old.b);
		pd_buf_reset(&merged.b);
		if (k.mv_size && (rc = node_entries(&k, &v, &old)) != MDB_SUCCESS)
			break;
		if ((rc = merge_ops(&old, ops, i, j, &merged, &changed)) != MDB_SUCCESS)
			break;
		i = j;
		if (!changed)
			continue;
		any = true;
		if (k.mv_size) {   /* the node goes: its key may change */
			memcpy(kb, k.mv_data, k.mv_size);
			k.mv_data = kb;
			if ((rc = mdb_del(txn, dbi, &k, NULL)) != MDB_SUCCESS)
				break;
		}
		if (fresh && merged.n == 1) {   /* a new term's one entry: plain */
			MDB_val e = { (unsigned char)merged.b.p[0], merged.b.p + 1 };
			rc = mdb_put(txn, dbi, (MDB_val *)term, &e, 0);
		} else if (merged.n) {
			rc = put_blocks(txn, dbi, term, &merged);
		}
	}
	/* A new term's nodes are as they should be: plain for one entry,
	 * else blocks. */
	if (rc == MDB_SUCCESS && any && !fresh)
		rc = normalise(txn, dbi, mc, term);
	mdb_cursor_close(mc);
	pd_buf_free(&old.b);
	pd_buf_free(&merged.b);
	return rc;
}

/* --- writing a whole table in order ----------------------------------------- */

struct pd_post_builder {
	MDB_cursor        *mc;
	struct pd_buf      term;     /* the term being written */
	size_t             nterm;    /* its entries so far */
	struct pd_buf      key, val; /* the open block: key, value so far */
	struct pd_post_enc enc;
	size_t             room;
	bool               open;     /* a block (or a lone entry) is held */
	unsigned char      last[PD_POST_ENTRY_MAX];
	size_t             lastn;
};

int pd_post_build_start(MDB_cursor *cur, struct pd_post_builder **out)
{
	struct pd_post_builder *b = calloc(1, sizeof *b);

	*out = b;
	if (!b)
		return ENOMEM;
	b->mc = cur;
	return MDB_SUCCESS;
}

void pd_post_build_free(struct pd_post_builder *b)
{
	if (!b)
		return;
	pd_buf_free(&b->term);
	pd_buf_free(&b->key);
	pd_buf_free(&b->val);
	free(b);
}

/* Open a block whose first entry is e. */
static int block_open(struct pd_post_builder *b, const void *e, size_t n)
{
	pd_buf_reset(&b->key);
	pd_buf_reset(&b->val);
	if (pd_buf_add(&b->key, b->term.p, b->term.n) || pd_buf_putc(&b->key, 0) ||
	    pd_buf_add(&b->key, e, n))
		return ENOMEM;
	b->room = pd_post_room(mdb_cursor_txn(b->mc), b->key.n);
	pd_post_enc_start(&b->enc, &b->val, e, n);
	b->open = true;
	return MDB_SUCCESS;
}

/* Write the open block (a term's lone entry as a plain node). */
static int block_put(struct pd_post_builder *b)
{
	MDB_val k = { b->key.n, b->key.p }, v;
	int rc;

	b->open = false;
	if (b->nterm == 1) {
		k.mv_size = b->term.n;
		v = (MDB_val){ b->key.n - b->term.n - 1, b->key.p + b->term.n + 1 };
		return mdb_cursor_put(b->mc, &k, &v, MDB_APPEND);
	}
	if ((rc = pd_post_enc_finish(&b->enc)) != MDB_SUCCESS)
		return rc;
	v = (MDB_val){ b->val.n, b->val.p };
	return mdb_cursor_put(b->mc, &k, &v, MDB_APPEND);
}

int pd_post_build_add(struct pd_post_builder *b, const void *term, size_t tn,
		      const void *entry, size_t en)
{
	MDB_val t = { tn, (void *)term };
	bool same = b->term.n == tn && b->nterm && !memcmp(b->term.p, term, tn);
	bool added;
	int rc;

	if (!term_ok(&t) || !pd_post_entry_ok(entry, en) ||
	    (same && pd_post_cmp(b->last, b->lastn, entry, en) >= 0) ||
	    (!same && b->nterm && pd_post_cmp(b->term.p, b->term.n, term, tn) >= 0))
		return EINVAL;
	if (!same) {
		if (b->open && (rc = block_put(b)) != MDB_SUCCESS)
			return rc;
		pd_buf_reset(&b->term);
		if (pd_buf_add(&b->term, term, tn) != PD_OK)
			return ENOMEM;
		b->nterm = 0;
	}
	memcpy(b->last, entry, en);
	b->lastn = en;
	b->nterm++;
	if (b->open &&
	    ((rc = pd_post_enc_add_within(&b->enc, entry, en, b->room, &added)) ||
	     added))
		return rc;
	if (b->open && (rc = block_put(b)) != MDB_SUCCESS)
		return rc;
	return block_open(b, entry, en);
}

int pd_post_build_flush(struct pd_post_builder *b, MDB_cursor *cur)
{
	int rc = MDB_SUCCESS;

	/* A lone entry waits: its term may have more (then it is no plain
	 * node); a block of a term of several is whole. */
	if (b->open && b->nterm > 1 && (rc = block_put(b)) != MDB_SUCCESS)
		return rc;
	if (cur)
		b->mc = cur;
	return rc;
}

int pd_post_build_finish(struct pd_post_builder *b)
{
	int rc = b->open ? block_put(b) : MDB_SUCCESS;

	b->nterm = 0;
	pd_buf_reset(&b->term);
	return rc;
}

/* --- checking ------------------------------------------------------------- */

int pd_post_verify(MDB_txn *txn, MDB_dbi dbi, size_t *entries,
		   void (*bad)(void *ctx, const MDB_val *term), void *ctx)
{
	unsigned char last[PD_POST_ENTRY_MAX], lterm[PD_POST_TERM_MAX];
	size_t lastn = 0, ltn = 0;
	struct elist l = { PD_BUF_INIT, 0 };
	MDB_cursor *mc;
	MDB_val k, v;
	int rc;

	*entries = 0;
	if ((rc = mdb_cursor_open(txn, dbi, &mc)))
		return rc;
	for (rc = mdb_cursor_get(mc, &k, &v, MDB_FIRST); rc == MDB_SUCCESS;
	     rc = mdb_cursor_get(mc, &k, &v, MDB_NEXT)) {
		size_t t = key_term(&k), o;
		bool ok, cont = t == ltn && !memcmp(k.mv_data, lterm, t);
		l.n = 0;
		pd_buf_reset(&l.b);
		ok = t && t <= PD_POST_TERM_MAX && node_entries(&k, &v, &l) == MDB_SUCCESS;
		for (o = 0; ok && o < l.b.n; o += 1 + (unsigned char)l.b.p[o]) {
			const unsigned char *e = (unsigned char *)l.b.p + o + 1;
			size_t en = (unsigned char)l.b.p[o];
			ok = !(cont || o) || pd_post_cmp(last, lastn, e, en) < 0;
			memcpy(last, e, en);
			lastn = en;
		}
		if (t <= PD_POST_TERM_MAX) {
			memcpy(lterm, k.mv_data, t);
			ltn = t;
		}
		if (!ok) {
			MDB_val term = { t, k.mv_data };
			if (bad)
				bad(ctx, &term);
			lastn = 0;
			continue;
		}
		*entries += l.n;
	}
	mdb_cursor_close(mc);
	pd_buf_free(&l.b);
	return rc == MDB_NOTFOUND ? MDB_SUCCESS : rc;
}
