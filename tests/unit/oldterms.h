/*
 * oldterms.h — `terms` as a file before schema 5 has it: its shadowed keys
 * (directory/search_terms.h) back as their words, for the tests that make
 * an older file by hand (test_cards, test_upgrade; built with -I
 * src/core).  Include it after rawdb.h.
 */
#ifndef PLANDESK_OLDTERMS_H
#define PLANDESK_OLDTERMS_H

#include "directory/search_terms.h"
#include "store/postings.h"

/*
 * A `terms` key as a file before schema 5 has it: a shadowed key
 * (0x04 + w[0..L] + 0x01 + w[L..]) back as its word w, into out (at
 * least n bytes); any other key as it is.  Returns the key's length.
 */
static inline size_t raw_unshadow_key(const void *key, size_t n, unsigned char *out)
{
	const unsigned char *k = key, *sep;

	if (n < 2 || k[0] != PD_TERM_SHADOW || !(sep = memchr(k + 1, PD_SHADOW_SEP, n - 1))) {
		memcpy(out, k, n);
		return n;
	}
	memcpy(out, k + 1, (size_t)(sep - k) - 1);
	memcpy(out + (sep - k) - 1, sep + 1, n - (size_t)(sep - k) - 1);
	return n - 2;
}

/*
 * Rewrite the posting table `terms` of raw write r with every shadowed key
 * back as its word (raw_unshadow_key), as schema 4 had it.  Returns the
 * entries moved.
 */
static inline size_t raw_unshadow_terms(struct raw *r)
{
	MDB_dbi terms = raw_dbi(r, "terms", 0);
	struct pd_post_cur *c;
	unsigned char *pairs = NULL;   /* len(1) key, len(1) entry, ... */
	size_t n = 0, cap = 0, moved = 0;
	MDB_val k, d;
	int rc;

	cr_assert_eq(pd_post_open(r->txn, terms, &c), 0);
	for (rc = pd_post_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = pd_post_get(c, &k, &d, MDB_NEXT)) {
		if (n + 2 + k.mv_size + d.mv_size > cap) {
			cap = 2 * cap + 4096;
			cr_assert_not_null(pairs = realloc(pairs, cap));
		}
		pairs[n] = (unsigned char)raw_unshadow_key(k.mv_data, k.mv_size, pairs + n + 1);
		moved += pairs[n] != k.mv_size;
		n += 1 + pairs[n];
		pairs[n] = (unsigned char)d.mv_size;
		memcpy(pairs + n + 1, d.mv_data, d.mv_size);
		n += 1 + d.mv_size;
	}
	cr_assert_eq(rc, MDB_NOTFOUND);
	pd_post_close(c);
	cr_assert_eq(mdb_drop(r->txn, terms, 0), 0);
	for (size_t o = 0; o < n;) {
		struct pd_post_op op;
		k = (MDB_val){ pairs[o], pairs + o + 1 };
		o += 1 + k.mv_size;
		op = (struct pd_post_op){ pairs + o + 1, pairs[o], true };
		o += 1 + op.n;
		cr_assert_eq(pd_post_apply(r->txn, terms, &k, &op, 1), 0);
	}
	free(pairs);
	return moved;
}

#endif
