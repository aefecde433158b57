/* test_postings.c — posting tables (src/core/store/postings*.c) against a
 * model: sorted (term, entry) pairs.  Tables are written by the builder
 * and changed by pd_post_apply in random batches; after each, every way
 * the cursor moves (the DUPSORT operations the search uses) must give
 * what the model gives, a term of one entry must sit in a plain node, and
 * pd_post_verify must count every entry.  The same entries in an old
 * file's MDB_DUPSORT table read the same through the cursor, and a damaged
 * block is found. */
#include "testdb.h"

#include "querygen.h"

#include <lmdb.h>

#include "store/postings.h"

TestSuite(postings, .init = tdb_mkdir, .fini = tdb_teardown);

#define MAXPAIRS 20000

struct pair {
	char          term[24];
	size_t        tn;
	unsigned char e[PD_POST_ENTRY_MAX];
	size_t        en;
};

static struct pair model[MAXPAIRS];
static size_t nmodel;
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static unsigned rnd(unsigned n) { return qg_pick(&rng, n); }

static int pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int c = memcmp(x->term, y->term, x->tn < y->tn ? x->tn : y->tn);

	if (c || x->tn != y->tn)
		return c ? c : x->tn < y->tn ? -1 : 1;
	c = memcmp(x->e, y->e, x->en < y->en ? x->en : y->en);
	return c ? c : (x->en > y->en) - (x->en < y->en);
}

/* A random term over few letters (so some begin others), and entry. */
static void random_pair(struct pair *p, unsigned terms)
{
	unsigned t = rnd(terms), len = 1 + t % 5, name = 1 + rnd(12);

	p->tn = len;
	for (unsigned i = 0; i < len; i++)
		p->term[i] = (char)('a' + (t >> (2 * i)) % 4);
	p->e[0] = (unsigned char)rnd(4);              /* the class: 0 is a NUL */
	for (unsigned i = 0; i < name; i++)
		p->e[1 + i] = (unsigned char)('a' + rnd(3));  /* shared prefixes */
	p->e[1 + name] = 0;
	p->e[2 + name] = (unsigned char)rnd(2);
	pd_put_be64(p->e + 3 + name, 1 + rnd(rnd(2) ? 300 : 1u << 30));
	p->en = 1 + name + PD_POST_TAIL;
}

static MDB_env *env;
static MDB_dbi dbi;

static void env_open(unsigned flags)
{
	MDB_txn *txn;

	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 4), 0);
	cr_assert_eq(mdb_env_set_mapsize(env, 256u << 20), 0);
	cr_assert_eq(mdb_env_open(env, tdb.path, MDB_NOSUBDIR, 0600), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "p", MDB_CREATE | flags, &dbi), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
}

/* Sort the model and drop repeated pairs. */
static void model_settle(void)
{
	size_t n = 0;

	qsort(model, nmodel, sizeof *model, pair_cmp);
	for (size_t i = 0; i < nmodel; i++)
		if (!n || pair_cmp(&model[n - 1], &model[i]))
			model[n++] = model[i];
	nmodel = n;
}

static void build_all(void)
{
	struct pd_post_builder *b;
	MDB_cursor *mc;
	MDB_txn *txn;

	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_cursor_open(txn, dbi, &mc), 0);
	cr_assert_eq(pd_post_build_start(mc, &b), 0);
	for (size_t i = 0; i < nmodel; i++) {
		cr_assert_eq(pd_post_build_add(b, model[i].term, model[i].tn, model[i].e,
					       model[i].en), 0, "pair %zu", i);
		if (i % 997 == 0)   /* a commit part-way, as the bulk import makes */
			cr_assert_eq(pd_post_build_flush(b, NULL), 0);
	}
	cr_assert_eq(pd_post_build_finish(b), 0);
	pd_post_build_free(b);
	mdb_cursor_close(mc);
	cr_assert_eq(mdb_txn_commit(txn), 0);
}

static bool pair_is(const struct pair *p, const MDB_val *k, const MDB_val *d)
{
	return k->mv_size == p->tn && !memcmp(k->mv_data, p->term, p->tn) &&
	       d->mv_size == p->en && !memcmp(d->mv_data, p->e, p->en);
}

static bool same_term(const struct pair *a, const struct pair *b)
{
	return a->tn == b->tn && !memcmp(a->term, b->term, a->tn);
}

/* Every way of moving, against the model. */
static void check_reads(void)
{
	struct pd_post_cur *c;
	MDB_txn *txn;
	MDB_val k, d;
	size_t i, n;
	int rc;

	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	cr_assert_eq(pd_post_open(txn, dbi, &c), 0);
	/* MDB_NEXT over everything. */
	for (i = 0, rc = pd_post_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = pd_post_get(c, &k, &d, MDB_NEXT), i++) {
		cr_assert_lt(i, nmodel);
		cr_assert(pair_is(&model[i], &k, &d), "MDB_NEXT: pair %zu", i);
	}
	cr_assert_eq(rc, MDB_NOTFOUND);
	cr_assert_eq(i, nmodel);
	/* NEXT_NODUP from a term's first entry (as a walk over the keys does)
	 * or, every other term, from its second: the next term's first pair,
	 * however many blocks the term has. */
	for (i = 0, n = 0, rc = pd_post_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = pd_post_get(c, &k, &d, MDB_NEXT_NODUP), n++) {
		cr_assert_lt(i, nmodel);
		cr_assert(pair_is(&model[i], &k, &d), "MDB_NEXT_NODUP: pair %zu", i);
		if (n % 2 && i + 1 < nmodel && same_term(&model[i + 1], &model[i])) {
			cr_assert_eq(pd_post_get(c, &k, &d, MDB_NEXT_DUP), 0);
			cr_assert(pair_is(&model[i + 1], &k, &d), "MDB_NEXT_DUP: pair %zu", i + 1);
		}
		for (i++; i < nmodel && same_term(&model[i], &model[i - 1]); i++)
			;
	}
	cr_assert_eq(rc, MDB_NOTFOUND);
	cr_assert_eq(i, nmodel);
	/* Terms one by one: SET_RANGE, NEXT_DUP to the end, then NEXT_NODUP
	 * from there; and the counts. */
	for (i = 0; i < nmodel;) {
		size_t first = i;
		k = (MDB_val){ model[i].tn, model[i].term };
		cr_assert_eq(pd_post_get(c, &k, &d, MDB_SET_KEY), 0);
		cr_assert(pair_is(&model[i], &k, &d));
		while ((rc = pd_post_get(c, &k, &d, MDB_NEXT_DUP)) == 0) {
			i++;
			cr_assert(pair_is(&model[i], &k, &d), "MDB_NEXT_DUP: pair %zu", i);
		}
		cr_assert_eq(rc, MDB_NOTFOUND);
		i++;
		if (i < nmodel) {
			cr_assert_eq(pd_post_get(c, &k, &d, MDB_NEXT_NODUP), 0);
			cr_assert(pair_is(&model[i], &k, &d), "MDB_NEXT_NODUP after the end");
		}
		k = (MDB_val){ model[first].tn, model[first].term };
		cr_assert_eq(pd_post_get(c, &k, &d, MDB_SET_RANGE), 0);
		cr_assert_eq(pd_post_count(c, SIZE_MAX, &n), 0);
		cr_assert_eq(n, i - first, "count of term %zu", first);
		if (i < nmodel) {
			cr_assert_eq(pd_post_get(c, &k, &d, MDB_NEXT_NODUP), 0);
			cr_assert(pair_is(&model[i], &k, &d), "MDB_NEXT_NODUP after a count");
		}
	}
	/* GET_BOTH_RANGE to random places, partial entries among them. */
	for (int t = 0; t < 2000 && nmodel; t++) {
		struct pair want;
		size_t lo;
		random_pair(&want, 64);
		if (rnd(2))
			want.en = 1 + rnd((unsigned)want.en);   /* a beginning */
		if (rnd(2))
			want = model[rnd((unsigned)nmodel)];
		for (lo = 0; lo < nmodel && pair_cmp(&model[lo], &want) < 0; lo++)
			;
		k = (MDB_val){ want.tn, want.term };
		d = (MDB_val){ want.en, want.e };
		rc = pd_post_get(c, &k, &d, MDB_GET_BOTH_RANGE);
		if (lo < nmodel && same_term(&model[lo], &want)) {
			cr_assert_eq(rc, 0, "GET_BOTH_RANGE %d", t);
			cr_assert(pair_is(&model[lo], &k, &d), "GET_BOTH_RANGE %d", t);
			rc = pd_post_get(c, &k, &d, MDB_NEXT_DUP);
			if (lo + 1 < nmodel && same_term(&model[lo + 1], &want))
				cr_assert(rc == 0 && pair_is(&model[lo + 1], &k, &d));
			else
				cr_assert_eq(rc, MDB_NOTFOUND);
		} else {
			cr_assert_eq(rc, MDB_NOTFOUND, "GET_BOTH_RANGE %d: %d", t, rc);
		}
	}
	pd_post_close(c);
	mdb_txn_abort(txn);
}

/* A term of one entry is a plain node; no term has a plain node and
 * blocks; pd_post_verify counts every entry. */
static void check_nodes(void)
{
	MDB_cursor *mc;
	MDB_txn *txn;
	MDB_val k, d;
	size_t count, i = 0;
	int rc;

	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	cr_assert_eq(pd_post_verify(txn, dbi, &count, NULL, NULL), 0);
	cr_assert_eq(count, nmodel);
	cr_assert_eq(mdb_cursor_open(txn, dbi, &mc), 0);
	for (rc = mdb_cursor_get(mc, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(mc, &k, &d, MDB_NEXT)) {
		bool plain = !memchr(k.mv_data, 0, k.mv_size);
		size_t tn = plain ? k.mv_size :
			    (size_t)((char *)memchr(k.mv_data, 0, k.mv_size) - (char *)k.mv_data);
		size_t n = 0;
		while (i + n < nmodel && model[i + n].tn == tn &&
		       !memcmp(model[i + n].term, k.mv_data, tn))
			n++;
		if (plain) {
			cr_assert_eq(n, 1, "a plain node of a term of %zu entries", n);
			i += n;
		} else {
			cr_assert_gt(n, 1, "a block of a term of one entry");
			/* step over the rest of this term's blocks */
			while (rc == 0 && memchr(k.mv_data, 0, k.mv_size) &&
			       !memcmp(k.mv_data, model[i].term, tn) &&
			       ((char *)k.mv_data)[tn] == 0)
				rc = mdb_cursor_get(mc, &k, &d, MDB_NEXT);
			i += n;
			if (rc)
				break;
			rc = mdb_cursor_get(mc, &k, &d, MDB_PREV);
		}
	}
	cr_assert_eq(i, nmodel);
	mdb_cursor_close(mc);
	mdb_txn_abort(txn);
}

/* One batch of random puts and deletes on a few terms, by pd_post_apply:
 * new entries, and entries the term has (so that deletes hit). */
static void apply_batch(unsigned terms)
{
	static struct pd_post_op ops[400];
	static struct pair cand[400];
	MDB_txn *txn;

	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	for (int t = 0; t < 3; t++) {
		struct pair base;
		size_t n = 0, nops = 0, want = 1 + rnd(rnd(4) ? 30 : 390);
		random_pair(&base, terms);
		for (size_t i = 0; i < nmodel && n < want / 2; i++)
			if (same_term(&model[i], &base) && rnd(2))
				cand[n++] = model[i];
		while (n < want) {
			random_pair(&cand[n], terms);
			memcpy(cand[n].term, base.term, base.tn);
			cand[n++].tn = base.tn;
		}
		qsort(cand, n, sizeof *cand, pair_cmp);
		for (size_t j = 0; j < n; j++)
			if (!j || pair_cmp(&cand[j - 1], &cand[j]))
				ops[nops++] = (struct pd_post_op){ cand[j].e, cand[j].en,
								   rnd(3) != 0 };
		MDB_val term = { base.tn, base.term };
		cr_assert_eq(pd_post_apply(txn, dbi, &term, ops, nops), 0);
		/* the model follows */
		for (size_t j = 0; j < nops; j++) {
			struct pair p;
			size_t at;
			memcpy(p.term, base.term, base.tn);
			p.tn = base.tn;
			memcpy(p.e, ops[j].e, ops[j].n);
			p.en = ops[j].n;
			for (at = 0; at < nmodel && pair_cmp(&model[at], &p); at++)
				;
			if (ops[j].put && at == nmodel) {
				cr_assert_lt(nmodel, MAXPAIRS);
				model[nmodel++] = p;
			} else if (!ops[j].put && at < nmodel) {
				model[at] = model[--nmodel];
			}
		}
		model_settle();
	}
	cr_assert_eq(mdb_txn_commit(txn), 0);
}

Test(postings, the_builder_writes_what_the_cursor_reads)
{
	env_open(0);
	for (nmodel = 0; nmodel < 6000; nmodel++)
		random_pair(&model[nmodel], 200);
	model_settle();
	build_all();
	check_reads();
	check_nodes();
	mdb_env_close(env);
}

Test(postings, edits_rewrite_the_blocks_they_touch)
{
	env_open(0);
	for (nmodel = 0; nmodel < 3000; nmodel++)
		random_pair(&model[nmodel], 40);
	model_settle();
	build_all();
	for (int b = 0; b < 60; b++) {
		apply_batch(b % 3 ? 40 : 400);
		if (b % 6 == 5) {
			check_reads();
			check_nodes();
		}
	}
	check_reads();
	check_nodes();
	mdb_env_close(env);
}

Test(postings, an_empty_table_fills_by_edits_and_empties_again)
{
	MDB_txn *txn;
	struct pd_post_op ops[1];
	struct pair p;

	env_open(0);
	nmodel = 0;
	for (int b = 0; b < 40; b++)
		apply_batch(20);
	check_reads();
	check_nodes();
	/* delete everything, pair by pair */
	while (nmodel) {
		p = model[--nmodel];
		cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
		ops[0] = (struct pd_post_op){ p.e, p.en, false };
		MDB_val term = { p.tn, p.term };
		cr_assert_eq(pd_post_apply(txn, dbi, &term, ops, 1), 0);
		cr_assert_eq(mdb_txn_commit(txn), 0);
		if (nmodel % 97 == 0)
			check_nodes();
	}
	check_reads();
	check_nodes();
	mdb_env_close(env);
}

Test(postings, an_old_dupsort_table_reads_the_same)
{
	MDB_txn *txn;

	env_open(MDB_DUPSORT);
	for (nmodel = 0; nmodel < 4000; nmodel++)
		random_pair(&model[nmodel], 200);
	model_settle();
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	for (size_t i = 0; i < nmodel; i++) {
		MDB_val k = { model[i].tn, model[i].term }, d = { model[i].en, model[i].e };
		cr_assert_eq(mdb_put(txn, dbi, &k, &d, 0), 0);
	}
	cr_assert_eq(mdb_txn_commit(txn), 0);
	check_reads();
	mdb_env_close(env);
}

static void note_bad(void *ctx, const MDB_val *term)
{
	(*(size_t *)ctx)++;
	(void)term;
}

Test(postings, a_damaged_block_is_found_and_stepped_over)
{
	struct pd_post_cur *c;
	MDB_cursor *mc;
	MDB_txn *txn;
	MDB_val k, d;
	size_t count, nbad = 0, seen = 0;
	int rc;

	env_open(0);
	for (nmodel = 0; nmodel < 3000; nmodel++)
		random_pair(&model[nmodel], 20);
	model_settle();
	build_all();
	/* Cut the trailer off the first block. */
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_cursor_open(txn, dbi, &mc), 0);
	for (rc = mdb_cursor_get(mc, &k, &d, MDB_FIRST); rc == 0 && !memchr(k.mv_data, 0, k.mv_size);
	     rc = mdb_cursor_get(mc, &k, &d, MDB_NEXT))
		;
	cr_assert_eq(rc, 0);
	d.mv_size = 1;
	cr_assert_eq(mdb_cursor_put(mc, &k, &d, MDB_CURRENT), 0);
	mdb_cursor_close(mc);
	cr_assert_eq(mdb_txn_commit(txn), 0);

	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	cr_assert_eq(pd_post_verify(txn, dbi, &count, note_bad, &nbad), 0);
	cr_expect_eq(nbad, 1);
	cr_expect_lt(count, nmodel);
	cr_assert_eq(pd_post_open(txn, dbi, &c), 0);
	for (rc = pd_post_get(c, &k, &d, MDB_FIRST); rc == 0 || rc == MDB_CORRUPTED;
	     rc = pd_post_get(c, &k, &d, MDB_NEXT))
		seen += rc == 0;
	cr_expect_eq(rc, MDB_NOTFOUND);
	cr_expect_eq(seen, count, "the cursor reads on past the damaged block");
	pd_post_close(c);
	mdb_txn_abort(txn);
	mdb_env_close(env);
}
