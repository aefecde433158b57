/* test_cards.c — directory cards (what a lookup line shows, kept next to
 * the search index): the same fields as the record through edits, renames,
 * deletes and undo; hits without a key; a schema-1 database read without
 * cards and upgraded on a writable open; a damaged card, and one of the
 * fixed layout in a file of packed cards. */
#include "testdb.h"
#include "rawdb.h"
#include "oldterms.h"
#include "oldcards.h"

#include "plandesk/records/check.h"
#include "plandesk/directory/search.h"

TestSuite(cards, .init = tdb_setup, .fini = tdb_teardown);

/* --- helpers ------------------------------------------------------------ */

#define MAXHITS 64

struct seen {
	size_t       i;
	enum pd_kind kind;
	uint64_t     id, org;
	char         name[64], role[64], phone[64], mobile[64], email[64],
		     verified[16];
};

struct seen_all {
	size_t      n;
	struct seen s[MAXHITS];
};

static void copy_text(char *dst, size_t cap, struct pd_card_text t)
{
	cr_assert_lt(t.n, cap, "a card text of %zu bytes", t.n);
	memcpy(dst, t.p, t.n);
	dst[t.n] = '\0';
}

static void keep(size_t i, const struct pd_card *c, struct seen_all *a)
{
	struct seen *s;

	cr_assert_lt(a->n, MAXHITS);
	s = &a->s[a->n++];
	s->i = i;
	s->kind = c->kind;
	s->id = c->id;
	s->org = c->org;
	copy_text(s->name, sizeof s->name, c->name);
	copy_text(s->role, sizeof s->role, c->role);
	copy_text(s->phone, sizeof s->phone, c->phone);
	copy_text(s->mobile, sizeof s->mobile, c->mobile);
	copy_text(s->email, sizeof s->email, c->email);
	copy_text(s->verified, sizeof s->verified, c->verified);
}

/* The cards of `n` hits, read in one read transaction (a gone record's
 * hit is skipped). */
static void cards_of_hits(const struct pd_hit *hits, size_t n, struct seen_all *a)
{
	struct pd_txn *txn;
	struct pd_card_reader *rd;
	struct pd_card c;
	struct pd_err err = { 0 };
	int rc = PD_OK;

	memset(a, 0, sizeof *a);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_card_reader_open(txn, &rd, &err), PD_OK, "%s", err.msg);
	for (size_t i = 0; i < n && rc == PD_OK; i++)
		if ((rc = pd_card_read(rd, &hits[i], &c, &err)) == PD_OK)
			keep(i, &c, a);
		else if (rc == PD_NOTFOUND)
			rc = PD_OK;
	pd_card_reader_close(rd);
	pd_txn_end(txn);
	cr_assert_eq(rc, PD_OK, "pd_card_read: %d %s", rc, err.msg);
}

/* Search `q`; its hits to `hits` (their number returned). */
static size_t find(const char *q, struct pd_hit *hits)
{
	struct pd_txn *txn;
	struct pd_err err = { 0 };
	size_t n = 0;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_search(txn, q, 0, 0, MAXHITS, hits, &n, NULL, &err);
	pd_txn_end(txn);
	cr_assert_eq(rc, PD_OK, "search \"%s\": %d %s", q, rc, err.msg);
	return n;
}

/* The cards of the hits of `q`; every hit found must carry a key. */
static void cards_of(const char *q, struct seen_all *a)
{
	struct pd_hit hits[MAXHITS];
	size_t n = find(q, hits);

	for (size_t i = 0; i < n; i++)
		cr_assert_gt(hits[i].keylen, 0, "\"%s\": hit %zu has no card key", q, i);
	cards_of_hits(hits, n, a);
	cr_assert_eq(a->n, n, "\"%s\": %zu hits, %zu cards", q, n, a->n);
}

/* The card seen for `id`, or NULL. */
static const struct seen *card_for(const struct seen_all *a, uint64_t id)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->s[i].id == id)
			return &a->s[i];
	return NULL;
}

/* The card must show exactly what the stored record holds. */
static void expect_card_is_record(const struct seen *s)
{
	bool person = s->kind == PD_PERSON;
	struct pd_record r;

	cr_assert_eq(tdb_get(s->kind, s->id, &r), PD_OK);
	cr_expect_str_eq(s->name, pd_get_text(&r, person ? PD_PERSON_NAME : PD_ORG_NAME));
	cr_expect_str_eq(s->phone, pd_get_text(&r, person ? PD_PERSON_PHONE : PD_ORG_PHONE));
	cr_expect_str_eq(s->email, pd_get_text(&r, person ? PD_PERSON_EMAIL : PD_ORG_EMAIL));
	cr_expect_str_eq(s->verified,
			 pd_get_text(&r, person ? PD_PERSON_VERIFIED : PD_ORG_VERIFIED));
	cr_expect_str_eq(s->role, person ? pd_get_text(&r, PD_PERSON_ROLE) : "");
	cr_expect_str_eq(s->mobile, person ? pd_get_text(&r, PD_PERSON_MOBILE) : "");
	cr_expect_eq(s->org, person ? pd_get_ref(&r, PD_PERSON_ORG) : 0);
	pd_record_clear(&r);
}

static uint64_t add_org(const char *name, const char *phone, const char *verified)
{
	struct pd_record r = make_org(name);

	pd_set_text(&r, PD_ORG_PHONE, phone, (size_t)-1);
	pd_set_text(&r, PD_ORG_EMAIL, "control@fire.example", (size_t)-1);
	pd_set_text(&r, PD_ORG_VERIFIED, verified, (size_t)-1);
	return tdb_add(r);
}

/* A person whose e-mail address (unique) is made from the id-free `name`. */
static uint64_t add_person(const char *name, const char *role, uint64_t org)
{
	char email[80];
	size_t n = 0;

	for (const char *p = name; *p && n < 40; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
			email[n++] = *p;
	snprintf(email + n, sizeof email - n, "@fire.example");
	struct pd_record r = make_person(name, NULL, email, org);

	pd_set_text(&r, PD_PERSON_ROLE, role, (size_t)-1);
	pd_set_text(&r, PD_PERSON_PHONE, "01632 960 123", (size_t)-1);
	pd_set_text(&r, PD_PERSON_MOBILE, "07700 900 456", (size_t)-1);
	pd_set_text(&r, PD_PERSON_VERIFIED, "2026-03-01", (size_t)-1);
	return tdb_add(r);
}

struct problem_text { char *p; size_t cap; };

static void note_problem(void *ctx, const char *problem)
{
	struct problem_text *t = ctx;
	size_t len = strlen(t->p);

	snprintf(t->p + len, t->cap - len, "%s\n", problem);
}

/* pd_check's problem count; their text to `text` when not NULL. */
static size_t problems(char *text, size_t cap)
{
	char none[1];
	struct problem_text t = { text ? text : none, text ? cap : sizeof none };
	struct pd_err err = { 0 };
	size_t n = 99;

	t.p[0] = '\0';
	cr_assert_eq(pd_check(tdb.st, note_problem, &t, &n, &err), PD_OK, "%s", err.msg);
	return n;
}

/* Rewind the database to schema 1: no `cards` database. */
static void make_schema_1(void)
{
	struct raw r;
	unsigned char one[8] = { 0, 0, 0, 0, 0, 0, 0, 1 };
	MDB_val k = { 6, "schema" }, v = { 8, one };

	raw_begin(&r);
	raw_unshadow_terms(&r);
	cr_assert_eq(mdb_drop(r.txn, raw_dbi(&r, "cards", 0), 1), 0);
	cr_assert_eq(mdb_put(r.txn, raw_dbi(&r, "meta", 0), &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(r.txn), 0);
	mdb_env_close(r.env);
}

/* Entries in `cards` (-1: no such database) and the schema version, read
 * raw (the store is closed). */
static void raw_cards_and_schema(long *ncards, uint64_t *schema)
{
	struct raw r;
	MDB_val k = { 6, "schema" }, v;
	MDB_dbi cards;
	MDB_stat ms;

	raw_begin(&r);
	*ncards = -1;
	if (mdb_dbi_open(r.txn, "cards", 0, &cards) == 0) {
		cr_assert_eq(mdb_stat(r.txn, cards, &ms), 0);
		*ncards = (long)ms.ms_entries;
	}
	cr_assert_eq(mdb_get(r.txn, raw_dbi(&r, "meta", 0), &k, &v), 0);
	cr_assert_eq(v.mv_size, 8);
	*schema = pd_get_be64(v.mv_data);
	mdb_txn_abort(r.txn);
	mdb_env_close(r.env);
}

/* --- tests ------------------------------------------------------------- */

Test(cards, hold_what_the_record_holds)
{
	uint64_t fire = add_org("Fire and Rescue Service", "01632 999 000", "2025-11-30");
	uint64_t zoe = add_person("Zoë Ångström", "Crash course lead", fire);
	struct seen_all a;

	cards_of("zoe", &a);
	cr_assert_eq(a.n, 1);
	cr_expect_eq(a.s[0].kind, PD_PERSON);
	cr_expect_str_eq(a.s[0].name, "Zoë Ångström");
	cr_expect_str_eq(a.s[0].mobile, "07700 900 456");
	expect_card_is_record(&a.s[0]);

	cards_of("fire", &a);   /* the organisation, and its person by its name */
	cr_assert_eq(a.n, 2);
	cr_assert_not_null(card_for(&a, fire));
	cr_assert_not_null(card_for(&a, zoe));
	cr_expect_str_eq(card_for(&a, fire)->phone, "01632 999 000");
	for (size_t i = 0; i < a.n; i++)
		expect_card_is_record(&a.s[i]);
	cr_expect_eq(problems(NULL, 0), 0);
}

Test(cards, follow_edits_renames_deletes_and_undo)
{
	uint64_t fire = add_org("Fire and Rescue Service", "01632 999 000", "2025-11-30");
	uint64_t zoe = add_person("Zoe Smith", "Crash course lead", fire);
	struct pd_hit before[MAXHITS];
	struct seen_all a;
	size_t n;
	struct pd_err err = { 0 };

	tdb_set_text(PD_PERSON, zoe, PD_PERSON_PHONE, "01632 960 777");
	cards_of("zoe", &a);
	cr_assert_eq(a.n, 1);
	cr_expect_str_eq(a.s[0].phone, "01632 960 777");

	/* A rename moves the card (its key is the name). */
	tdb_set_text(PD_PERSON, zoe, PD_PERSON_NAME, "Zoe Brown");
	cards_of("brown", &a);
	cr_assert_eq(a.n, 1);
	cr_expect_str_eq(a.s[0].name, "Zoe Brown");
	cr_expect_eq(find("smith", before), 0);
	tdb_undo();
	cards_of("smith", &a);
	cr_assert_eq(a.n, 1);
	cr_expect_str_eq(a.s[0].name, "Zoe Smith");
	cr_expect_eq(problems(NULL, 0), 0);

	/* Deleted: a hit taken before finds nothing; undo brings the card back. */
	n = find("zoe", before);
	cr_assert_eq(n, 1);
	cr_assert_eq(tdb_del(PD_PERSON, zoe, &err), PD_OK, "%s", err.msg);
	cards_of_hits(before, n, &a);
	cr_expect_eq(a.n, 0, "the card of a deleted person was read");
	cr_expect_eq(problems(NULL, 0), 0);
	tdb_undo();
	cards_of_hits(before, n, &a);
	cr_assert_eq(a.n, 1);
	cr_expect_str_eq(a.s[0].phone, "01632 960 777");
	expect_card_is_record(&a.s[0]);
	cr_expect_eq(problems(NULL, 0), 0);
}

Test(cards, keep_the_index_of_each_hit_and_read_keyless_hits_from_records)
{
	uint64_t ids[12];
	struct pd_hit hits[MAXHITS], hand[3];
	struct seen_all a;
	size_t n;
	char name[32];

	/* Names whose search order (by name) is not the order of their ids. */
	for (int i = 0; i < 12; i++) {
		snprintf(name, sizeof name, "Smith %c", 'L' - i);
		ids[i] = add_person(name, "Role", 0);
	}
	n = find("smith", hits);
	cr_assert_eq(n, 12);
	cards_of_hits(hits, n, &a);
	cr_assert_eq(a.n, 12);
	for (size_t j = 0; j < a.n; j++) {
		cr_assert_lt(a.s[j].i, n);
		cr_expect_eq(a.s[j].id, hits[a.s[j].i].id, "card %zu is not its hit's", j);
	}

	/* Hits made by hand (no key) are read from their records; a gone one
	 * is skipped. */
	hand[0] = (struct pd_hit){ .kind = PD_PERSON, .id = ids[3] };
	hand[1] = (struct pd_hit){ .kind = PD_PERSON, .id = 999999 };
	hand[2] = (struct pd_hit){ .kind = PD_PERSON, .id = ids[7] };
	cards_of_hits(hand, 3, &a);
	cr_assert_eq(a.n, 2);
	cr_expect_eq(a.s[0].i, 0);
	cr_expect_eq(a.s[0].id, ids[3]);
	cr_expect_eq(a.s[1].i, 2);
	cr_expect_eq(a.s[1].id, ids[7]);
	expect_card_is_record(&a.s[0]);
	expect_card_is_record(&a.s[1]);
}

Test(cards, schema_1_is_read_without_cards_and_upgraded_when_writable)
{
	struct pd_open_opts ro = { .read_only = true };
	uint64_t fire = add_org("Fire and Rescue Service", "01632 999 000", "2025-11-30");
	uint64_t zoe = add_person("Zoe Smith", "Crash course lead", fire);
	struct seen_all a;
	long ncards;
	uint64_t schema;

	add_person("Sam Smith", "Designated lead", 0);
	tdb_close();
	make_schema_1();

	/* Read-only: nothing can be written, the lookup reads the records. */
	tdb_open(&ro);
	cards_of("smith", &a);
	cr_assert_eq(a.n, 2);
	cr_assert_not_null(card_for(&a, zoe));
	expect_card_is_record(card_for(&a, zoe));
	cr_expect_eq(problems(NULL, 0), 0);
	tdb_close();
	raw_cards_and_schema(&ncards, &schema);
	cr_expect_eq(ncards, -1, "a read-only open wrote a cards database");
	cr_expect_eq(schema, 1);

	/* Writable: the cards are derived once, the version moves to 2. */
	tdb_open(NULL);
	cr_expect_eq(problems(NULL, 0), 0);
	cards_of("smith", &a);
	cr_assert_eq(a.n, 2);
	expect_card_is_record(card_for(&a, zoe));
	tdb_close();
	raw_cards_and_schema(&ncards, &schema);
	cr_expect_eq(ncards, 3, "one card per person and organisation");
	cr_expect_eq(schema, PD_SCHEMA_VERSION);
	tdb_open(NULL);
}

Test(cards, a_damaged_card_is_read_from_the_record_and_reported)
{
	uint64_t zoe = add_person("Zoe Smith", "Crash course lead", 0);
	struct seen_all a;
	struct raw r;
	MDB_cursor *cur;
	MDB_val k, v = { 5, "\xff\xff\xff\xff\xff" };
	char text[1024];

	raw_begin(&r);
	cr_assert_eq(mdb_cursor_open(r.txn, raw_dbi(&r, "cards", 0), &cur), 0);
	cr_assert_eq(mdb_cursor_get(cur, &k, &(MDB_val){ 0 }, MDB_FIRST), 0);
	cr_assert_eq(mdb_cursor_put(cur, &k, &v, MDB_CURRENT), 0);
	mdb_cursor_close(cur);
	raw_commit(&r);

	cards_of("zoe", &a);
	cr_assert_eq(a.n, 1);
	cr_expect_eq(a.s[0].id, zoe);
	cr_expect_str_eq(a.s[0].role, "Crash course lead");
	expect_card_is_record(&a.s[0]);
	/* Reported as the record's missing card and a stray one. */
	cr_expect_geq(problems(text, sizeof text), 1);
	cr_expect(strstr(text, "person") && strstr(text, "cards"), "problems: %s", text);
}

Test(cards, a_fixed_card_in_a_packed_file_is_reported_and_read_from_the_record)
{
	uint64_t fire = add_org("Fire and Rescue Service", "01632 999 000", "2025-11");
	uint64_t zoe = add_person("Zoe Smith", "Crash course lead", fire);
	struct seen_all a;
	struct raw r;
	char text[1024];

	raw_begin(&r);
	cr_assert_eq(raw_fix_cards(&r), 2);   /* the schema stays PD_SCHEMA_VERSION */
	raw_commit(&r);

	cards_of("smith", &a);
	cr_assert_eq(a.n, 1);
	cr_expect_eq(a.s[0].id, zoe);
	cr_expect_str_eq(a.s[0].verified, "2026-03-01");
	expect_card_is_record(&a.s[0]);
	cr_expect_eq(problems(text, sizeof text), 4, "problems: %s", text);
	cr_expect(strstr(text, "org ") && strstr(text, "person ") &&
		  strstr(text, "missing from index cards") &&
		  strstr(text, "stray entry"), "problems: %s", text);
}

/* Card writes are queued and put in key order at the end of the write: of
 * several changes to one card in one write, the last must stand. */
static int many_changes(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	uint64_t *ids = ctx;
	static const char *const phones[] = { "01632 960 001", "01632 960 002",
					      "01632 960 003" };
	struct pd_record r;
	int rc;

	for (int round = 0; round < 3; round++) {
		for (int j = 0; j < 2; j++) {
			if ((rc = pd_get(txn, PD_PERSON, ids[j], &r, err)) != PD_OK)
				return rc;
			pd_set_text(&r, PD_PERSON_PHONE, phones[round], (size_t)-1);
			if (round == 1)   /* the key moves, and moves back */
				pd_set_text(&r, PD_PERSON_NAME, j ? "Ann Brown" : "Zoe Brown",
					    (size_t)-1);
			if (round == 2)
				pd_set_text(&r, PD_PERSON_NAME, j ? "Ann Smith" : "Zoe Smith",
					    (size_t)-1);
			rc = pd_put(txn, &r, err);
			pd_record_clear(&r);
			if (rc != PD_OK)
				return rc;
		}
	}
	return pd_del(txn, PD_PERSON, ids[1], err);
}

Test(cards, the_last_of_several_changes_in_one_write_stands)
{
	uint64_t ids[2] = { add_person("Zoe Smith", "Lead", 0),
			    add_person("Ann Smith", "Lead", 0) };
	struct pd_err err = { 0 };
	struct seen_all a;

	cr_assert_eq(tdb_write(many_changes, ids, &err), PD_OK, "%s", err.msg);
	cards_of("smith", &a);
	cr_assert_eq(a.n, 1);
	cr_expect_eq(a.s[0].id, ids[0]);
	cr_expect_str_eq(a.s[0].phone, "01632 960 003");
	expect_card_is_record(&a.s[0]);
	cards_of("brown", &a);
	cr_expect_eq(a.n, 0);
	cr_expect_eq(problems(NULL, 0), 0);
	tdb_undo();
	cards_of("smith", &a);
	cr_assert_eq(a.n, 2);
	cr_expect_str_eq(a.s[0].phone, "01632 960 123");
	cr_expect_eq(problems(NULL, 0), 0);
}

/* Cards read as the search passes its hits on, the way `lookup` does: a
 * run of neighbouring cards (the Smiths) and sparse ones (an e-mail
 * address holding "smith"), each the card of its own hit. */
struct streamed {
	struct pd_card_reader *rd;
	struct seen_all        a;
	uint64_t               hit_id[MAXHITS];
	int                    rc;
};

static int read_in_search(const struct pd_hit *hit, void *ctx)
{
	struct streamed *sm = ctx;
	struct pd_err err = { 0 };
	struct pd_card c;

	if ((sm->rc = pd_card_read(sm->rd, hit, &c, &err)) != PD_OK)
		return 1;
	sm->hit_id[sm->a.n] = hit->id;
	keep(sm->a.n, &c, &sm->a);
	return 0;
}

static int search_and_read(struct pd_txn *txn, const char *q, struct streamed *sm,
			   struct pd_err *err)
{
	int rc;

	memset(sm, 0, sizeof *sm);
	if ((rc = pd_card_reader_open(txn, &sm->rd, err)) != PD_OK)
		return rc;
	rc = pd_search_each(txn, q, 0, 0, SIZE_MAX, read_in_search, sm, NULL, err);
	pd_card_reader_close(sm->rd);
	return rc != PD_OK ? rc : sm->rc;
}

/* In a write: a person added and another renamed, then read back. */
static int add_then_read(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct streamed *sm = ctx;
	struct pd_record r = make_person("Smith Zed", NULL, "zed@fire.example", 0);
	int rc;

	pd_set_text(&r, PD_PERSON_PHONE, "01632 960 999", (size_t)-1);
	rc = pd_put(txn, &r, err);
	pd_record_clear(&r);
	return rc != PD_OK ? rc : search_and_read(txn, "smith zed", sm, err);
}

Test(cards, read_as_the_search_passes_them_on)
{
	struct streamed sm;
	struct pd_txn *txn;
	struct pd_err err = { 0 };
	char name[32];
	int rc;

	for (int i = 0; i < 30; i++) {   /* ids not in name order */
		snprintf(name, sizeof name, "Smith %c%c", 'Z' - i % 26, 'a' + i);
		add_person(name, "Lead", 0);
	}
	add_person("Ann Brown", "Lead", 0);
	tdb_set_text(PD_PERSON, add_person("Bob Brown", "Lead", 0), PD_PERSON_EMAIL,
		     "bob.smithers@fire.example");
	add_person("Bea Green", "Lead", 0);   /* a card between the Browns' */

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = search_and_read(txn, "brown", &sm, &err);
	cr_assert_eq(rc, PD_OK, "%d %s", rc, err.msg);
	cr_assert_eq(sm.a.n, 2);
	cr_expect_str_eq(sm.a.s[0].name, "Ann Brown");
	cr_expect_str_eq(sm.a.s[1].name, "Bob Brown", "the card next to Ann's was taken");
	rc = search_and_read(txn, "smith", &sm, &err);
	pd_txn_end(txn);
	cr_assert_eq(rc, PD_OK, "%d %s", rc, err.msg);
	cr_assert_eq(sm.a.n, 31);
	for (size_t i = 0; i < sm.a.n; i++) {
		cr_expect_eq(sm.a.s[i].id, sm.hit_id[i], "card %zu is not its hit's", i);
		expect_card_is_record(&sm.a.s[i]);
	}
	cr_expect_str_eq(sm.a.s[30].name, "Bob Brown", "the e-mail match comes last");

	/* A write reads back the card it has just queued. */
	cr_assert_eq(tdb_write(add_then_read, &sm, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(sm.a.n, 1);
	cr_expect_str_eq(sm.a.s[0].name, "Smith Zed");
	cr_expect_str_eq(sm.a.s[0].phone, "01632 960 999");
}
