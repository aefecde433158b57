/* test_upgrade.c — a file of schema 3, whose `terms` is MDB_DUPSORT (one
 * duplicate an entry), made from a directory of random names: searched
 * read-only as it is, every answer (whole and in pages, and each hit's
 * card) must be the one the fresh file gave and `check` clean; opened
 * writable, it is upgraded to posting blocks in one write (on a map too
 * small for it, so the write is tried again), and again every answer is
 * the same, `check` clean and `cards` the fresh file's, byte for byte.
 * The same for a file of schema 4, whose `terms` has no shadowed keys
 * (search_terms.h): upgraded, it has them; and for a file of schema 5,
 * whose cards are of the fixed layout (card.h), as are those of 3 and 4:
 * upgraded, they are packed.  The pairs are read and written raw. */
#include "testdb.h"
#include "rawdb.h"
#include "oldterms.h"
#include "oldcards.h"
#include "oldrecords.h"

#include "plandesk/records/check.h"
#include "plandesk/directory/search.h"
#include "store/postings.h"

TestSuite(upgrade, .init = tdb_setup, .fini = tdb_teardown);

static const char *const syl[] = {
	"an", "bel", "cor", "dun", "el", "fa", "gar", "hol", "is", "jo", "ka",
	"lu", "mor", "ny", "ol", "pa", "ro", "su", "ta", "ul", "vi", "wy",
	"zø", "é", "ł", "o'", "ån", "ma-",
};
#define NSYL (sizeof syl / sizeof syl[0])

static unsigned long long rng = 88172645463325252ull;
static unsigned serial;   /* e-mail addresses are each someone's own */

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 32) % n;
}

static void word(char *buf, size_t n)
{
	unsigned k = 1 + rnd(3);

	buf[0] = '\0';
	for (unsigned i = 0; i < k; i++)
		strncat(buf, syl[rnd(NSYL)], n - strlen(buf) - 1);
}

struct fill {
	size_t people, orgs;
};

/* Dates verified, as the store keeps them: every form the packed card
 * holds, and none. */
static const char *const verified[] = {
	"", "2024-03-07", "2023-11", "1999-12-31", "2026-01", "0001-01-01",
};
#define NVERIFIED (sizeof verified / sizeof verified[0])

/* Organisations, then people in them, with names of one to three words. */
static int fill_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	const struct fill *f = ctx;
	uint64_t orgs[64];
	char a[40], b[40], c[40], text[160];
	int rc;

	for (size_t i = 0; i < f->orgs; i++) {
		struct pd_record r;
		word(a, sizeof a);
		word(b, sizeof b);
		snprintf(text, sizeof text, "%s %s %zu", a, b, i);
		pd_record_init(&r, PD_ORG);
		pd_set_text(&r, PD_ORG_NAME, text, (size_t)-1);
		pd_set_text(&r, PD_ORG_VERIFIED, verified[i % NVERIFIED], (size_t)-1);
		rc = pd_put(txn, &r, err);
		orgs[i] = r.id;
		pd_record_clear(&r);
		if (rc)
			return rc;
	}
	for (size_t i = 0; i < f->people; i++) {
		struct pd_record r;
		unsigned nw = 1 + rnd(3);
		word(a, sizeof a);
		word(b, sizeof b);
		word(c, sizeof c);
		snprintf(text, sizeof text, "%s%s%s%s%s", a, nw > 1 ? " " : "",
			 nw > 1 ? b : "", nw > 2 ? " " : "", nw > 2 ? c : "");
		pd_record_init(&r, PD_PERSON);
		pd_set_text(&r, PD_PERSON_NAME, text, (size_t)-1);
		word(a, sizeof a);
		pd_set_text(&r, PD_PERSON_ROLE, a, (size_t)-1);
		snprintf(text, sizeof text, "%s.%u@example.org", b, serial++);
		pd_set_text(&r, PD_PERSON_EMAIL, text, (size_t)-1);
		snprintf(text, sizeof text, "01632 %06zu", 960000 + i % 5000);
		pd_set_text(&r, PD_PERSON_PHONE, text, (size_t)-1);
		if (i % 3)
			pd_set_text(&r, PD_PERSON_MOBILE, "07700 900 123", (size_t)-1);
		pd_set_text(&r, PD_PERSON_VERIFIED, verified[i % NVERIFIED], (size_t)-1);
		if (rnd(4))
			pd_set_ref(&r, PD_PERSON_ORG, orgs[rnd((unsigned)f->orgs)]);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
		if (rc)
			return rc;
	}
	return PD_OK;
}

#define NQUERIES 300

static char queries[NQUERIES][64];

/* Prefixes of one to three random words, as people type them. */
static void make_queries(void)
{
	for (int q = 0; q < NQUERIES; q++) {
		char w[40];
		queries[q][0] = '\0';
		for (unsigned k = 1 + rnd(3); k > 0; k--) {
			word(w, sizeof w);
			w[1 + rnd((unsigned)strlen(w))] = '\0';
			if (queries[q][0])
				strcat(queries[q], " ");
			strncat(queries[q], w, sizeof queries[q] - strlen(queries[q]) - 1);
		}
	}
	strcpy(queries[0], "o");
	strcpy(queries[1], "example");
	strcpy(queries[2], "01632 96");
}

/* The cards of hits[0..n) as the lookup reads them, to out. */
static void cards_text(struct pd_txn *txn, const struct pd_hit *hits, size_t n,
		       struct pd_buf *out)
{
	struct pd_card_reader *rd;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_card_reader_open(txn, &rd, &err), PD_OK, "%s", err.msg);
	for (size_t i = 0; i < n; i++) {
		struct pd_card c;
		cr_assert_eq(pd_card_read(rd, &hits[i], &c, &err), PD_OK, "%s", err.msg);
		pd_buf_printf(out, " {%llu %.*s|%.*s|%.*s|%.*s|%.*s|%.*s}",
			      (unsigned long long)c.org, (int)c.name.n, c.name.p,
			      (int)c.role.n, c.role.p, (int)c.phone.n, c.phone.p,
			      (int)c.mobile.n, c.mobile.p, (int)c.email.n, c.email.p,
			      (int)c.verified.n, c.verified.p);
	}
	pd_card_reader_close(rd);
}

/* Every answer as text: all hits "kind:id:rank" and their cards, then
 * pages of 7. */
static char *answers(void)
{
	static struct pd_hit hits[4096];
	struct pd_buf out = PD_BUF_INIT;
	struct pd_txn *txn;
	struct pd_err err = { 0 };
	size_t n;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, &err), PD_OK, "%s", err.msg);
	for (int q = 0; q < NQUERIES; q++) {
		bool more;
		cr_assert_eq(pd_search(txn, queries[q], 0, 0, 4096, hits, &n, NULL, &err),
			     PD_OK, "%s: %s", queries[q], err.msg);
		pd_buf_printf(&out, "%s:", queries[q]);
		for (size_t i = 0; i < n; i++)
			pd_buf_printf(&out, " %d:%llu:%d", hits[i].kind,
				      (unsigned long long)hits[i].id, hits[i].rank);
		cards_text(txn, hits, n, &out);
		for (size_t off = 0; off < 28; off += 7) {
			cr_assert_eq(pd_search(txn, queries[q], 0, off, 7, hits, &n, &more,
					       &err), PD_OK, "%s", err.msg);
			pd_buf_printf(&out, " |%zu%s", n, more ? "+" : "");
			for (size_t i = 0; i < n; i++)
				pd_buf_printf(&out, " %llu", (unsigned long long)hits[i].id);
		}
		pd_buf_putc(&out, '\n');
	}
	pd_txn_end(txn);
	return out.p;
}

static size_t problems(void)
{
	struct pd_err err = { 0 };
	size_t n = 99;

	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &n, &err), PD_OK, "%s", err.msg);
	return n;
}

/* Rewrite `terms` as schema 3 had it (MDB_DUPSORT, every entry a
 * duplicate) and `cards` in the fixed layout, and set the schema to 3
 * (the store is closed).  Returns the pairs written. */
static size_t make_schema_3(void)
{
	struct pd_buf pairs = PD_BUF_INIT;
	struct pd_post_cur *c;
	struct raw r;
	MDB_dbi terms;
	MDB_val k, d, sk = { 6, "schema" };
	unsigned char three[8] = { 0, 0, 0, 0, 0, 0, 0, 3 };
	MDB_val v = { 8, three };
	size_t n = 0;
	int rc;

	raw_begin(&r);
	terms = raw_dbi(&r, "terms", 0);
	cr_assert_eq(pd_post_open(r.txn, terms, &c), 0);
	for (rc = pd_post_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = pd_post_get(c, &k, &d, MDB_NEXT), n++) {
		unsigned char key[256], dl = (unsigned char)d.mv_size;
		unsigned char kl = (unsigned char)raw_unshadow_key(k.mv_data, k.mv_size, key);
		pd_buf_add(&pairs, &kl, 1);
		pd_buf_add(&pairs, key, kl);
		pd_buf_add(&pairs, &dl, 1);
		pd_buf_add(&pairs, d.mv_data, dl);
	}
	cr_assert_eq(rc, MDB_NOTFOUND);
	pd_post_close(c);
	cr_assert_eq(mdb_drop(r.txn, terms, 1), 0);
	terms = raw_dbi(&r, "terms", MDB_CREATE | MDB_DUPSORT);
	for (size_t o = 0; o < pairs.n;) {
		k = (MDB_val){ (unsigned char)pairs.p[o], pairs.p + o + 1 };
		o += 1 + k.mv_size;
		d = (MDB_val){ (unsigned char)pairs.p[o], pairs.p + o + 1 };
		o += 1 + d.mv_size;
		cr_assert_eq(mdb_put(r.txn, terms, &k, &d, MDB_NODUPDATA), 0);
	}
	raw_fix_cards(&r);
	cr_assert_eq(mdb_put(r.txn, raw_dbi(&r, "meta", 0), &sk, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(r.txn), 0);
	mdb_env_close(r.env);
	pd_buf_free(&pairs);
	return n;
}

/* Set the schema version of the closed store's file, with raw write r
 * begun, and commit. */
static void set_schema(struct raw *r, unsigned char version)
{
	unsigned char v8[8] = { 0, 0, 0, 0, 0, 0, 0, version };
	MDB_val sk = { 6, "schema" }, v = { 8, v8 };

	cr_assert_eq(mdb_put(r->txn, raw_dbi(r, "meta", 0), &sk, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(r->txn), 0);
	mdb_env_close(r->env);
}

/* Rewrite `terms` as schema 4 had it (posting blocks, no shadowed keys)
 * and `cards` in the fixed layout, and set the schema to 4 (the store is
 * closed).  Returns the entries that were under shadowed keys. */
static size_t make_schema_4(void)
{
	struct raw r;
	size_t moved;

	raw_begin(&r);
	moved = raw_unshadow_terms(&r);
	raw_fix_cards(&r);
	set_schema(&r, 4);
	return moved;
}

/* Rewrite `cards` in the fixed layout and set the schema to 5 (the store
 * is closed).  Returns the cards rewritten. */
static size_t make_schema_5(void)
{
	struct raw r;
	size_t n;

	raw_begin(&r);
	n = raw_fix_cards(&r);
	set_schema(&r, 5);
	return n;
}

/* The shadowed keys of `terms`, counted raw (the store is closed). */
static size_t raw_shadowed(void)
{
	struct raw r;
	MDB_cursor *c;
	MDB_val k, d;
	size_t n = 0;
	int rc;

	raw_begin(&r);
	cr_assert_eq(mdb_cursor_open(r.txn, raw_dbi(&r, "terms", 0), &c), 0);
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT))
		n += ((unsigned char *)k.mv_data)[0] == PD_TERM_SHADOW;
	cr_assert_eq(rc, MDB_NOTFOUND);
	mdb_cursor_close(c);
	mdb_txn_abort(r.txn);
	mdb_env_close(r.env);
	return n;
}

/* The schema and whether `terms` is MDB_DUPSORT, read raw. */
static void raw_layout(uint64_t *schema, bool *dupsort)
{
	struct raw r;
	MDB_val k = { 6, "schema" }, v;
	unsigned flags;

	raw_begin(&r);
	cr_assert_eq(mdb_get(r.txn, raw_dbi(&r, "meta", 0), &k, &v), 0);
	*schema = pd_get_be64(v.mv_data);
	cr_assert_eq(mdb_dbi_flags(r.txn, raw_dbi(&r, "terms", 0), &flags), 0);
	*dupsort = flags & MDB_DUPSORT;
	mdb_txn_abort(r.txn);
	mdb_env_close(r.env);
}

/* A directory written fresh, and every answer it gives (free it); its
 * `cards` raw to `cards`. */
static char *fresh_answers(struct pd_buf *cards)
{
	struct fill f = { 3000, 40 };
	struct pd_err err = { 0 };
	char *fresh;

	cr_assert_eq(tdb_write(fill_body, &f, &err), PD_OK, "%s", err.msg);
	make_queries();
	fresh = answers();
	cr_assert_eq(problems(), 0);
	tdb_close();
	raw_cards_dump(cards);
	return fresh;
}

/* The closed store's `cards` is `fresh` byte for byte (as_fresh) or not. */
static void expect_cards(const struct pd_buf *fresh, bool as_fresh, const char *what)
{
	struct pd_buf got = PD_BUF_INIT;

	raw_cards_dump(&got);
	cr_expect_eq(got.n == fresh->n && !memcmp(got.p, fresh->p, got.n), as_fresh,
		     "%s: cards %s the fresh file's", what, as_fresh ? "are not" : "are");
	pd_buf_free(&got);
}

/* The open store answers as `fresh`, and `check` is clean. */
static void expect_answers(const char *fresh, const char *what)
{
	char *got = answers();

	cr_expect_str_eq(got, fresh, "%s", what);
	free(got);
	cr_expect_eq(problems(), 0);
}

/* Opened again, the file takes edits like a fresh one. */
static void expect_edits_taken(void)
{
	struct fill f = { 200, 5 };
	struct pd_err err = { 0 };

	tdb_open(NULL);
	cr_assert_eq(tdb_write(fill_body, &f, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(problems(), 0);
}

Test(upgrade, a_schema_3_file_answers_the_same_read_only_and_upgraded)
{
	struct pd_open_opts ro = { .read_only = true }, small = { .map_size = 1u << 20 };
	struct pd_buf cards = PD_BUF_INIT;
	char *fresh = fresh_answers(&cards);
	uint64_t schema;
	bool dupsort;
	size_t map;

	cr_assert_gt(make_schema_3(), 30000, "a directory of some size");
	raw_layout(&schema, &dupsort);
	cr_assert(schema == 3 && dupsort);

	/* Read-only: the old layout as it is. */
	tdb_open(&ro);
	expect_answers(fresh, "read-only on schema 3");
	tdb_close();
	raw_layout(&schema, &dupsort);
	cr_expect(schema == 3 && dupsort, "a read-only open changed the file");
	expect_cards(&cards, false, "read-only on schema 3");

	/* Writable, on a small map: upgraded, the write tried again. */
	tdb_close();
	tdb_open(&small);
	map = pd_store_map_size(tdb.st);
	expect_answers(fresh, "upgraded");
	tdb_close();
	raw_layout(&schema, &dupsort);
	cr_expect_eq(schema, PD_SCHEMA_VERSION);
	cr_expect_not(dupsort, "terms is of posting blocks");
	cr_expect_gt(map, 1u << 20, "the upgrade had to grow the map");
	expect_cards(&cards, true, "upgraded from schema 3");
	expect_edits_taken();
	pd_buf_free(&cards);
	free(fresh);
}

Test(upgrade, a_schema_4_file_answers_the_same_read_only_and_upgraded)
{
	struct pd_open_opts ro = { .read_only = true };
	struct pd_buf cards = PD_BUF_INIT;
	char *fresh = fresh_answers(&cards);
	uint64_t schema;
	bool dupsort;

	cr_assert_gt(raw_shadowed(), 100, "a fresh file has shadowed keys");
	cr_assert_gt(make_schema_4(), 100, "entries were moved back under their words");
	cr_assert_eq(raw_shadowed(), 0);

	/* Read-only: every entry under its word, as schema 4 had it. */
	tdb_open(&ro);
	expect_answers(fresh, "read-only on schema 4");
	tdb_close();
	raw_layout(&schema, &dupsort);
	cr_expect_eq(schema, 4, "a read-only open changed the file");
	cr_expect_eq(raw_shadowed(), 0);

	/* Writable: upgraded in one write, the shadowed keys made. */
	tdb_open(NULL);
	expect_answers(fresh, "upgraded");
	tdb_close();
	raw_layout(&schema, &dupsort);
	cr_expect_eq(schema, PD_SCHEMA_VERSION);
	cr_expect_gt(raw_shadowed(), 100);
	expect_cards(&cards, true, "upgraded from schema 4");
	expect_edits_taken();
	pd_buf_free(&cards);
	free(fresh);
}

Test(upgrade, a_schema_5_file_reads_its_fixed_cards_and_is_upgraded_packed)
{
	struct pd_open_opts ro = { .read_only = true };
	struct pd_buf cards = PD_BUF_INIT;
	char *fresh = fresh_answers(&cards);
	uint64_t schema;
	bool dupsort;

	cr_assert_gt(make_schema_5(), 3000, "every card rewritten");
	expect_cards(&cards, false, "schema 5");

	/* Read-only: the fixed cards read as the packed ones were. */
	tdb_open(&ro);
	expect_answers(fresh, "read-only on schema 5");
	tdb_close();
	raw_layout(&schema, &dupsort);
	cr_expect_eq(schema, 5, "a read-only open changed the file");
	expect_cards(&cards, false, "read-only on schema 5");

	/* Writable: upgraded in one write, the cards packed as a fresh file's. */
	tdb_open(NULL);
	expect_answers(fresh, "upgraded");
	tdb_close();
	raw_layout(&schema, &dupsort);
	cr_expect_eq(schema, PD_SCHEMA_VERSION);
	expect_cards(&cards, true, "upgraded from schema 5");
	expect_edits_taken();
	pd_buf_free(&cards);
	free(fresh);
}

/* Rewrite every organisation and person in codec version 1 and set the
 * schema to 6 (the store is closed).  Returns the records rewritten. */
static size_t make_schema_6(void)
{
	struct raw r;
	size_t n;

	raw_begin(&r);
	n = raw_v1_records(&r, PD_ORG) + raw_v1_records(&r, PD_PERSON);
	set_schema(&r, 6);
	return n;
}

/* The people of the closed store's file in codec version v, and all. */
static size_t people_of_version(unsigned char v, size_t *all)
{
	struct raw r;
	size_t n;

	raw_begin(&r);
	n = raw_records_of_version(&r, PD_PERSON, v, all);
	mdb_txn_abort(r.txn);
	mdb_env_close(r.env);
	return n;
}

Test(upgrade, a_schema_6_file_of_version_1_records_reads_the_same_and_upgraded)
{
	struct pd_open_opts ro = { .read_only = true };
	struct pd_buf cards = PD_BUF_INIT;
	char *fresh = fresh_answers(&cards);
	uint64_t schema;
	size_t all, v1;
	bool dupsort;

	cr_assert_eq(people_of_version(PD_CODEC_VERSION, &all), all, "a fresh file is version 2");
	cr_assert_eq(make_schema_6(), 3000 + 40);

	/* Read-only and upgraded, the same answers from the same cards, and
	 * `check` clean: version-1 records read as they were written. */
	tdb_open(&ro);
	expect_answers(fresh, "read-only on schema 6");
	tdb_close();
	tdb_open(NULL);
	expect_answers(fresh, "upgraded from schema 6");
	tdb_close();
	raw_layout(&schema, &dupsort);
	cr_expect_eq(schema, PD_SCHEMA_VERSION);
	expect_cards(&cards, true, "upgraded from schema 6");
	/* The upgrade rewrote nothing; a record changed is version 2. */
	v1 = people_of_version(PD_CODEC_VERSION_1, &all);
	cr_expect_eq(v1, all, "%zu of %zu people still version 1", v1, all);
	expect_edits_taken();
	tdb_close();
	cr_expect_eq(people_of_version(PD_CODEC_VERSION_1, &all), 3000);
	cr_expect_eq(all, 3000 + 200, "the new people are version 2");
	pd_buf_free(&cards);
	free(fresh);
}
