/* test_inner.c — the inner keys of the search index (search_terms.h: a
 * word of a name's first word that the name does not begin with): which
 * names have them, that edits and undo keep them exact, and a schema-2
 * file, which has none: searched read-only without them, and given them
 * by the upgrade on a writable open.  The raw database is read to see
 * the keys themselves. */
#include "testdb.h"
#include "rawdb.h"
#include "oldcards.h"

#include "plandesk/records/check.h"
#include "plandesk/records/codec.h"
#include "plandesk/directory/search.h"

TestSuite(inner, .init = tdb_setup, .fini = tdb_teardown);

#define MAXKEYS 64

/* The inner keys in `terms` (the store is closed and reopened with
 * `opts`). */
struct inner {
	char     key[MAXKEYS][128];   /* the word, past the 0x03 */
	uint64_t id[MAXKEYS];
	size_t   n;
};

static void raw_inner_opts(struct inner *in, const struct pd_open_opts *opts)
{
	struct raw r;
	MDB_cursor *cur;
	MDB_val k = { 1, "\x03" }, d;
	int rc;

	memset(in, 0, sizeof *in);
	raw_begin(&r);
	cr_assert_eq(mdb_cursor_open(r.txn, raw_dbi(&r, "terms", 0), &cur), 0);
	for (rc = mdb_cursor_get(cur, &k, &d, MDB_SET_RANGE);
	     rc == 0 && ((unsigned char *)k.mv_data)[0] == 0x03;
	     rc = mdb_cursor_get(cur, &k, &d, MDB_NEXT)) {
		cr_assert_lt(in->n, MAXKEYS);
		cr_assert_lt(k.mv_size, 128);
		cr_assert_eq(((unsigned char *)d.mv_data)[0], PD_RANK_NAME_START,
			     "an inner key's entry is of class 1");
		memcpy(in->key[in->n], (char *)k.mv_data + 1, k.mv_size - 1);
		in->id[in->n++] = pd_get_be64((unsigned char *)d.mv_data + d.mv_size - 8);
	}
	mdb_cursor_close(cur);
	raw_commit_open(&r, opts);
}

static void raw_inner(struct inner *in)
{
	raw_inner_opts(in, NULL);
}

static bool has_inner(const struct inner *in, const char *word, uint64_t id)
{
	for (size_t i = 0; i < in->n; i++)
		if (!strcmp(in->key[i], word) && in->id[i] == id)
			return true;
	return false;
}

static size_t inner_of(const struct inner *in, uint64_t id)
{
	size_t n = 0;

	for (size_t i = 0; i < in->n; i++)
		n += in->id[i] == id;
	return n;
}

static uint64_t person(const char *name)
{
	struct pd_record r;

	pd_record_init(&r, PD_PERSON);
	pd_set_text(&r, PD_PERSON_NAME, name, (size_t)-1);
	return tdb_add(r);
}

static uint64_t org(const char *name)
{
	struct pd_record r;

	pd_record_init(&r, PD_ORG);
	pd_set_text(&r, PD_ORG_NAME, name, (size_t)-1);
	return tdb_add(r);
}

static size_t problems(void)
{
	struct pd_err err = { 0 };
	size_t n = 99;

	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &n, &err), PD_OK, "%s", err.msg);
	return n;
}

/* The ids of the first `n` matches of `q`, as a string ("3 1 2"). */
static void ids_of(const char *q, size_t n, char *out, size_t size)
{
	struct pd_hit hits[32];
	struct pd_txn *txn;
	size_t got;

	cr_assert_leq(n, 32);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_search(txn, q, 0, 0, n, hits, &got, NULL, NULL), PD_OK);
	pd_txn_end(txn);
	out[0] = '\0';
	for (size_t i = 0; i < got; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%llu", i ? " " : "",
			 (unsigned long long)hits[i].id);
}

Test(inner, only_words_the_name_does_not_begin_with)
{
	uint64_t jp = person("Jean-Paul Sartre");
	uint64_t ob = org("O'Brien's Pharmacy");
	uint64_t hope = org("(Hope) Centre");
	uint64_t plain = person("Paul Jones");
	uint64_t later = person("Anne Marie-Claire Smith");
	uint64_t longw = person("Wolfeschlegelsteinhausenbergerdorff Jr");
	struct inner in;

	raw_inner(&in);
	/* The later parts and the parts run together; not the first part. */
	cr_expect(has_inner(&in, "paul", jp));
	cr_expect(has_inner(&in, "jeanpaul", jp));
	cr_expect_not(has_inner(&in, "jean", jp));
	cr_expect(has_inner(&in, "brien", ob));
	cr_expect(has_inner(&in, "s", ob));
	cr_expect(has_inner(&in, "obriens", ob));
	cr_expect(has_inner(&in, "hope", hope));
	/* Longer than the name an entry keeps (32 bytes). */
	cr_expect(has_inner(&in, "wolfeschlegelsteinhausenbergerdorff", longw));
	/* Plain first words, and parts of later words, have none. */
	cr_expect_eq(inner_of(&in, plain), 0);
	cr_expect_eq(inner_of(&in, later), 0);
	cr_expect_eq(in.n, 7, "%zu inner keys", in.n);
	cr_expect_eq(problems(), 0);
}

Test(inner, kept_by_renames_deletes_and_undo)
{
	uint64_t id = person("Mary-Jane Watson");
	struct pd_record r;
	struct pd_err err = { 0 };
	struct inner in;

	raw_inner(&in);
	cr_expect(has_inner(&in, "jane", id));
	cr_assert_eq(tdb_get(PD_PERSON, id, &r), PD_OK);
	pd_set_text(&r, PD_PERSON_NAME, "Mary Watson-Jane", (size_t)-1);
	tdb_put(&r);
	pd_record_clear(&r);
	raw_inner(&in);
	cr_expect_eq(inner_of(&in, id), 0, "a rename to a plain first word");
	cr_expect_eq(problems(), 0);
	cr_assert_eq(pd_store_undo(tdb.st, NULL, 0, &err), PD_OK, "%s", err.msg);
	raw_inner(&in);
	cr_expect(has_inner(&in, "jane", id), "undo brings the key back");
	cr_assert_eq(tdb_del(PD_PERSON, id, &err), PD_OK, "%s", err.msg);
	raw_inner(&in);
	cr_expect_eq(in.n, 0);
	cr_expect_eq(problems(), 0);
}

/* Drop the inner keys, write the cards in the fixed layout and set the
 * schema to 2, as a file written by the plandesk before them (the store
 * is closed). */
static void make_schema_2(void)
{
	struct raw r;
	MDB_cursor *cur;
	MDB_val k = { 1, "\x03" }, d, sk = { 6, "schema" };
	unsigned char two[8] = { 0, 0, 0, 0, 0, 0, 0, 2 };
	MDB_val v = { 8, two };
	int rc;

	raw_begin(&r);
	cr_assert_eq(mdb_cursor_open(r.txn, raw_dbi(&r, "terms", 0), &cur), 0);
	while ((rc = mdb_cursor_get(cur, &k, &d, MDB_SET_RANGE)) == 0 &&
	       ((unsigned char *)k.mv_data)[0] == 0x03) {
		cr_assert_eq(mdb_cursor_del(cur, MDB_NODUPDATA), 0);
		k = (MDB_val){ 1, "\x03" };
	}
	cr_assert(rc == 0 || rc == MDB_NOTFOUND);
	mdb_cursor_close(cur);
	raw_fix_cards(&r);
	cr_assert_eq(mdb_put(r.txn, raw_dbi(&r, "meta", 0), &sk, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(r.txn), 0);
	mdb_env_close(r.env);
}

static uint64_t raw_schema(void)
{
	struct raw r;
	MDB_val k = { 6, "schema" }, v;
	uint64_t schema;

	raw_begin(&r);
	cr_assert_eq(mdb_get(r.txn, raw_dbi(&r, "meta", 0), &k, &v), 0);
	schema = pd_get_be64(v.mv_data);
	mdb_txn_abort(r.txn);
	mdb_env_close(r.env);
	return schema;
}

Test(inner, a_schema_2_file_is_searched_read_only_and_upgraded_writable)
{
	static const char *const queries[] = { "paul jean", "jean sar", "pa sa",
					       "o brien", "brien pharm", "sa j" };
	struct pd_open_opts ro = { .read_only = true };
	char want[6][256], got[256];
	struct inner in;

	person("Jean-Paul Sartre");
	person("Paul Sartre");
	person("Sam Jean-Paul");
	org("O'Brien's Pharmacy");
	org("Brien Pharmacy");
	for (int i = 0; i < 6; i++)
		ids_of(queries[i], 20, want[i], sizeof want[i]);
	tdb_close();
	make_schema_2();

	/* Read-only: nothing is written, the search does without them. */
	tdb_open(&ro);
	for (int i = 0; i < 6; i++) {
		ids_of(queries[i], 20, got, sizeof got);
		cr_expect_str_eq(got, want[i], "\"%s\" read-only", queries[i]);
		ids_of(queries[i], 1, got, sizeof got);
		cr_expect_eq(strncmp(got, want[i], strlen(got)), 0, "\"%s\": a page of 1",
			     queries[i]);
	}
	cr_expect_eq(problems(), 0, "a schema-2 file is not missing anything");
	tdb_close();
	cr_expect_eq(raw_schema(), 2);
	raw_inner_opts(&in, &ro);
	cr_expect_eq(in.n, 0, "a read-only open wrote inner keys");
	tdb_close();
	cr_expect_eq(raw_schema(), 2);

	/* Writable: the upgrade derives them, the version moves on. */
	tdb_open(NULL);
	cr_expect_eq(problems(), 0);
	for (int i = 0; i < 6; i++) {
		ids_of(queries[i], 20, got, sizeof got);
		cr_expect_str_eq(got, want[i], "\"%s\" upgraded", queries[i]);
	}
	tdb_close();
	cr_expect_eq(raw_schema(), PD_SCHEMA_VERSION);
	raw_inner(&in);
	cr_expect_eq(in.n, 5, "%zu inner keys after the upgrade", in.n);
}
