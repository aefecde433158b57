/*
 * oldcards.h — `cards` as a file of schema 2 to 5 has it: every card in
 * the fixed layout (directory/card.h), spelt here byte by byte rather than
 * by the core, for the tests that make an older file by hand
 * (test_upgrade, test_inner, test_cards; built with -I src/core).
 * Include it after rawdb.h.
 */
#ifndef PLANDESK_OLDCARDS_H
#define PLANDESK_OLDCARDS_H

#include "directory/card.h"
#include "plandesk/base/buf.h"

/* Append n as 4 bytes big-endian, then the n bytes at p. */
static inline void raw_put_text32(struct pd_buf *out, const char *p, size_t n)
{
	unsigned char b[4] = { (unsigned char)(n >> 24), (unsigned char)(n >> 16),
			       (unsigned char)(n >> 8), (unsigned char)n };

	cr_assert_eq(pd_buf_add(out, b, 4), PD_OK);
	cr_assert_eq(pd_buf_add(out, p, n), PD_OK);
}

/* The fixed layout of card c to out (emptied first). */
static inline void raw_fixed_card(const struct pd_card *c, struct pd_buf *out)
{
	const struct pd_card_text *t[] = {
		&c->name, &c->role, &c->phone, &c->mobile, &c->email, &c->verified,
	};
	unsigned char org[8];

	pd_put_be64(org, c->org);
	out->n = 0;
	cr_assert_eq(pd_buf_add(out, org, 8), PD_OK);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		raw_put_text32(out, t[i]->p, t[i]->n);
}

/*
 * Rewrite every card of raw write r, packed, in the fixed layout, as a
 * file of schema 2 to 5 has it.  Returns the cards rewritten.
 */
static inline size_t raw_fix_cards(struct raw *r)
{
	MDB_cursor *cur;
	MDB_val k, v;
	struct pd_buf fixed = PD_BUF_INIT;
	size_t n = 0;
	int rc;

	cr_assert_eq(mdb_cursor_open(r->txn, raw_dbi(r, "cards", 0), &cur), 0);
	for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT), n++) {
		struct pd_card c;
		char date[PD_CARD_DATE_MAX];
		unsigned char key[511];   /* LMDB's largest key */
		MDB_val nv;

		cr_assert_eq(pd_card_decode(v.mv_data, v.mv_size, true, PD_PERSON, 0,
					    date, &c), PD_OK, "card %zu is not packed", n);
		raw_fixed_card(&c, &fixed);
		nv = (MDB_val){ fixed.n, fixed.p };
		/* A value of another size is put anew: the key in the page
		 * may move under it, so a copy of the key is put. */
		cr_assert_leq(k.mv_size, sizeof key);
		memcpy(key, k.mv_data, k.mv_size);
		k.mv_data = key;
		cr_assert_eq(mdb_cursor_put(cur, &k, &nv, MDB_CURRENT), 0);
	}
	cr_assert_eq(rc, MDB_NOTFOUND);
	mdb_cursor_close(cur);
	pd_buf_free(&fixed);
	return n;
}

/* Every pair of `cards` (key length, key, value length, value) of the
 * closed store's file, read raw, to out. */
static inline void raw_cards_dump(struct pd_buf *out)
{
	struct raw r;
	MDB_cursor *cur;
	MDB_val k, v;
	int rc;

	raw_begin(&r);
	cr_assert_eq(mdb_cursor_open(r.txn, raw_dbi(&r, "cards", 0), &cur), 0);
	for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		pd_buf_printf(out, "%zu:", k.mv_size);
		pd_buf_add(out, k.mv_data, k.mv_size);
		pd_buf_printf(out, "%zu:", v.mv_size);
		pd_buf_add(out, v.mv_data, v.mv_size);
	}
	cr_assert_eq(rc, MDB_NOTFOUND);
	mdb_cursor_close(cur);
	mdb_txn_abort(r.txn);
	mdb_env_close(r.env);
}

#endif
