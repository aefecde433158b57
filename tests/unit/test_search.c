/* test_search.c — directory search: folding, word prefixes, AND, ranking,
 * phone digits, paging, the index kept in step by writes and undo, and a
 * long random run checked by pd_check and by a brute-force matcher. */
#include "testdb.h"

#include "plandesk/records/check.h"
#include "plandesk/directory/search.h"
#include "plandesk/base/text.h"

TestSuite(search, .init = tdb_setup, .fini = tdb_teardown);

/* --- helpers ------------------------------------------------------------ */

#define MAXHITS 256

/* Run `q` (people and orgs); the hits go to `hits`, their number returned. */
static size_t find(const char *q, struct pd_hit *hits)
{
	struct pd_txn *txn;
	struct pd_err err = { 0 };
	size_t n = 0;
	bool more = true;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_search(txn, q, 0, 0, MAXHITS, hits, &n, &more, &err);
	pd_txn_end(txn);
	cr_assert_eq(rc, PD_OK, "search \"%s\": %d %s", q, rc, err.msg);
	cr_assert(!more, "search \"%s\": more than %d hits", q, MAXHITS);
	return n;
}

static bool finds(const char *q, uint64_t id)
{
	struct pd_hit hits[MAXHITS];
	size_t n = find(q, hits);

	for (size_t i = 0; i < n; i++)
		if (hits[i].id == id)
			return true;
	return false;
}

static size_t nfound(const char *q)
{
	struct pd_hit hits[MAXHITS];

	return find(q, hits);
}

static size_t problems(void)
{
	struct pd_err err = { 0 };
	size_t n = 99;

	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &n, &err), PD_OK, "%s", err.msg);
	return n;
}

static uint64_t person(const char *name, const char *role, const char *email,
		       const char *phone, uint64_t org)
{
	struct pd_record r = make_person(name, NULL, email, org);

	pd_set_text(&r, PD_PERSON_ROLE, role, (size_t)-1);
	pd_set_text(&r, PD_PERSON_PHONE, phone, (size_t)-1);
	return tdb_add(r);
}

static uint64_t org(const char *name)
{
	return tdb_add(make_org(name));
}

/* --- folding ------------------------------------------------------------ */

Test(search, accents_case_and_special_letters)
{
	uint64_t zoe = person("Zoë Ångström", NULL, NULL, NULL, 0);
	uint64_t luk = person("Łukasz Nowak", NULL, NULL, NULL, 0);
	uint64_t sor = person("Søren Søndergaard", NULL, NULL, NULL, 0);
	uint64_t sao = org("São Paulo Youth Project");

	cr_expect(finds("zoe", zoe));
	cr_expect(finds("ZOË", zoe));
	cr_expect(finds("angstrom", zoe));
	cr_expect(finds("Ångs", zoe));
	cr_expect(finds("łuk", luk));
	cr_expect(finds("luk", luk));
	cr_expect(finds("lukasz", luk));
	cr_expect(finds("ŁUKASZ nowak", luk));
	cr_expect(finds("soren", sor));
	cr_expect(finds("sondergaard", sor));
	cr_expect(finds("søndergaard", sor));
	cr_expect(finds("sao", sao));
	cr_expect(finds("são paulo", sao));
	cr_expect_eq(nfound("zoey"), 0);
	cr_expect_eq(nfound("lukasza"), 0);
}

Test(search, apostrophes_and_hyphens_split_and_join)
{
	uint64_t ob = person("Pat O'Brien", NULL, NULL, NULL, 0);
	uint64_t sj = person("Ann Smith-Jones", NULL, NULL, NULL, 0);

	cr_expect(finds("obrien", ob));
	cr_expect(finds("o'brien", ob));
	cr_expect(finds("O’Brien", ob));
	cr_expect(finds("brien", ob));
	cr_expect(finds("pat obr", ob));
	cr_expect(finds("smithjones", sj));
	cr_expect(finds("smith-jones", sj));
	cr_expect(finds("jones", sj));
	cr_expect(finds("smith", sj));
}

/* --- matching ------------------------------------------------------------ */

Test(search, every_word_must_match)
{
	uint64_t frs = org("Fire and Rescue Service");
	uint64_t fst = org("Fire Safety Team");
	uint64_t p = person("Kim Lee", "Fire safety officer", NULL, NULL, frs);

	cr_expect(finds("fire rescue", frs));
	cr_expect(!finds("fire rescue", fst));
	cr_expect(finds("fire", fst));
	cr_expect(finds("fire", frs));
	/* A person matches through its organisation and its role. */
	cr_expect(finds("kim rescue", p));
	cr_expect(finds("rescue safety", p));
	cr_expect(!finds("kim team", p));
	cr_expect_eq(nfound("fire rescue team"), 0);
	cr_expect_eq(nfound(""), 0);
	cr_expect_eq(nfound("  --  "), 0);
}

Test(search, fields_people_are_found_by)
{
	uint64_t o = org("Northgate Primary");
	uint64_t p = person("Dana Scully", "Designated Safeguarding Lead",
			    "d.scully@northgate.sch.uk", "01632 960 123", o);
	struct pd_record r;

	cr_assert_eq(tdb_get(PD_PERSON, p, &r), PD_OK);
	pd_set_text(&r, PD_PERSON_INITIALS, "DS", 2);
	pd_set_text(&r, PD_PERSON_MOBILE, "07700 900456", (size_t)-1);
	pd_set_text(&r, PD_PERSON_NOTES, "xylophone", (size_t)-1);
	tdb_put(&r);
	pd_record_clear(&r);
	cr_expect(finds("ds", p));
	cr_expect(finds("safeguard", p));
	cr_expect(finds("scully@northgate", p));
	cr_expect(finds("sch", p));
	cr_expect(finds("northgate", p));
	cr_expect(finds("primary dana", p));
	cr_expect(!finds("xylophone", p), "notes are not searched");
}

Test(search, phone_numbers_by_digits)
{
	uint64_t p = person("Ray Holt", NULL, NULL, "01632 960 123", 0);
	uint64_t o = tdb_add(make_org("Helpline"));
	struct pd_record r;

	cr_assert_eq(tdb_get(PD_ORG, o, &r), PD_OK);
	pd_set_text(&r, PD_ORG_PHONE, "(0800) 555-0199", (size_t)-1);
	tdb_put(&r);
	pd_record_clear(&r);
	cr_expect(finds("01632960", p));
	cr_expect(finds("01632960123", p));
	cr_expect(finds("01632 960", p), "digit words run together");
	cr_expect(finds("0163", p));
	cr_expect(!finds("960123", p), "digits match from the start");
	cr_expect(finds("08005550", o));
	cr_expect(finds("0800 555 0199", o));
	cr_expect_eq(nfound("016329601234"), 0);
}

/* --- order ---------------------------------------------------------------- */

Test(search, ranking_exact_then_name_start_then_name_word_then_other)
{
	uint64_t acad = org("Smith Academy");
	uint64_t dan = person("Dan Evans", NULL, NULL, NULL, acad);
	uint64_t bob = person("Bob Brown", NULL, "smith@example.org", NULL, 0);
	uint64_t anne2 = person("Anne Smith", NULL, NULL, NULL, 0);
	uint64_t anne1 = person("anne SMITH", NULL, NULL, NULL, 0);
	uint64_t abe = person("Abe Smithson", NULL, NULL, NULL, 0);
	uint64_t smithers = person("Smithers, Anne", NULL, NULL, NULL, 0);
	uint64_t smith = person("Smith", NULL, NULL, NULL, 0);
	struct { uint64_t id; enum pd_rank rank; } want[] = {
		{ smith, PD_RANK_EXACT },
		{ acad, PD_RANK_NAME_START },       /* "smith academy" */
		{ smithers, PD_RANK_NAME_START },   /* "smithers, anne" */
		{ abe, PD_RANK_NAME_WORD },         /* "abe smithson" */
		{ anne2, PD_RANK_NAME_WORD },       /* "anne smith", older id */
		{ anne1, PD_RANK_NAME_WORD },
		{ bob, PD_RANK_OTHER },             /* "bob brown" */
		{ dan, PD_RANK_OTHER },             /* "dan evans" */
	};
	struct pd_hit hits[MAXHITS];
	size_t n = find("smith", hits);

	cr_assert_eq(n, 8);
	for (size_t i = 0; i < n; i++) {
		cr_expect_eq(hits[i].id, want[i].id, "hit %zu", i);
		cr_expect_eq(hits[i].rank, want[i].rank, "hit %zu", i);
	}
	/* Two words: the best class either reaches ranks the match. */
	n = find("anne smith", hits);
	cr_assert_eq(n, 3);
	cr_expect_eq(hits[0].id, anne2);
	cr_expect_eq(hits[0].rank, PD_RANK_EXACT);
	cr_expect_eq(hits[1].id, anne1);
	cr_expect_eq(hits[2].id, smithers);
	cr_expect_eq(hits[2].rank, PD_RANK_NAME_START);
	/* A prefix is never exact: "smith" is then the first name starting so. */
	n = find("smi", hits);
	cr_assert_eq(n, 8);
	cr_expect_eq(hits[0].id, smith);
	cr_expect_eq(hits[0].rank, PD_RANK_NAME_START);
	cr_expect_eq(hits[1].id, acad);
	cr_expect_eq(hits[2].id, smithers);
	cr_expect_eq(hits[3].id, abe);
}

Test(search, several_words_by_best_then_worst_class)
{
	uint64_t school = org("Southgate School");
	uint64_t brown = person("John Brown", NULL, NULL, NULL, school);
	uint64_t smith = person("John Smith", NULL, NULL, NULL, 0);
	uint64_t adams = person("Sue Adams", "Johnson's deputy", NULL, NULL, 0);
	struct pd_hit hits[MAXHITS];
	size_t n = find("john s", hits);

	cr_assert_eq(n, 3);
	cr_expect_eq(hits[0].id, smith, "both words in the name");
	cr_expect_eq(hits[0].rank, PD_RANK_NAME_START);
	cr_expect_eq(hits[1].id, brown, "\"s\" only in the school's name");
	cr_expect_eq(hits[1].rank, PD_RANK_NAME_START);
	cr_expect_eq(hits[2].id, adams);
	cr_expect_eq(hits[2].rank, PD_RANK_NAME_START, "\"s\" begins Sue");
	/* A screenful at a time gives the same order. */
	for (size_t off = 0; off < 3; off++) {
		struct pd_txn *txn;
		struct pd_hit one;
		size_t got;
		cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
		cr_assert_eq(pd_search(txn, "john s", 0, off, 1, &one, &got, NULL, NULL), PD_OK);
		pd_txn_end(txn);
		cr_expect_eq(got, 1);
		cr_expect_eq(one.id, hits[off].id, "offset %zu", off);
	}
}

/* 5000 people share "example" (in their e-mail): more than search_many.c
 * gathers at once, so "smith example" checks records, then gathers. */
static int many_people(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	char name[32], email[48];
	int rc = PD_OK;

	(void)ctx;
	for (int i = 0; i < 5000 && rc == PD_OK; i++) {
		struct pd_record r;
		snprintf(name, sizeof name, "%s %d", i % 50 ? "Person" : "Smith", i);
		snprintf(email, sizeof email, "p%d@%s", i, i % 1000 ? "example.org" : "other.org");
		r = make_person(name, NULL, email, 0);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

Test(search, a_word_common_outside_names)
{
	struct pd_hit hits[MAXHITS], page[5];
	struct pd_err err = { 0 };
	struct pd_txn *txn;
	size_t n, got, count;

	cr_assert_eq(tdb_write(many_people, NULL, &err), PD_OK, "%s", err.msg);
	n = find("smith example", hits);
	cr_expect_eq(n, 95, "100 Smiths, 5 of them at other.org");
	for (size_t i = 0; i < n; i++)
		cr_expect_eq(hits[i].rank, PD_RANK_NAME_START);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_eq(pd_search_count(txn, "example smi", 0, 1000, &count, NULL), PD_OK);
	cr_expect_eq(count, 95);
	cr_expect_eq(pd_search(txn, "smith example", 0, 40, 5, page, &got, NULL, NULL), PD_OK);
	cr_expect_eq(got, 5);
	for (size_t i = 0; i < got; i++)
		cr_expect_eq(page[i].id, hits[40 + i].id);
	cr_expect_eq(pd_search_count(txn, "person other", 0, 1000, &count, NULL), PD_OK);
	cr_expect_eq(count, 0, "every thousandth is a Smith");
	cr_expect_eq(pd_search_count(txn, "p1000 smith", 0, 1000, &count, NULL), PD_OK);
	cr_expect_eq(count, 1);
	pd_txn_end(txn);
}

/* 300 people named "Bob Stam000" to "Bob Stam299": "stam" begins more
 * keys than search_many.c seeks through one by one. */
static int many_stams(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	char name[32];
	int rc = PD_OK;

	(void)ctx;
	for (int i = 0; i < 300 && rc == PD_OK; i++) {
		struct pd_record r;
		snprintf(name, sizeof name, "Bob Stam%03d", i);
		r = make_person(name, NULL, NULL, 0);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

/* Through the name prefix keys of a word with very many keys: a name
 * under the same prefix key ("sta") without the word is no match. */
Test(search, a_word_of_many_keys_sought_through_its_name_prefixes)
{
	struct pd_err err = { 0 };
	struct pd_hit hits[MAXHITS];
	uint64_t stamford, stamp;
	size_t n;

	cr_assert_eq(tdb_write(many_stams, NULL, &err), PD_OK, "%s", err.msg);
	person("Oliver Stanley", NULL, NULL, NULL, 0);
	stamp = person("Olive Smith", "Stamp collector", NULL, NULL, 0);
	stamford = person("Oliver Jones Stamford", NULL, NULL, NULL, 0);
	for (int q = 0; q < 2; q++) {
		n = find(q ? "stam oliv" : "oliv stam", hits);
		cr_assert_eq(n, 2, "%zu hits", n);
		cr_expect_eq(hits[0].id, stamford);
		cr_expect_eq(hits[1].id, stamp);
	}
}

Test(search, short_prefixes_in_order)
{
	uint64_t ids[7];
	struct pd_hit hits[MAXHITS];
	size_t n;

	ids[4] = org("Alpha Centre");
	ids[3] = person("Alison Smith", NULL, NULL, NULL, 0);
	ids[0] = person("Al Brown", NULL, NULL, NULL, 0);
	ids[2] = person("Alice Jones", NULL, NULL, NULL, 0);
	ids[1] = person("Ali Khan", NULL, NULL, NULL, 0);
	ids[5] = person("Bob Alder", NULL, NULL, NULL, 0);
	ids[6] = person("Zed Zee", "Alarm engineer", NULL, NULL, 0);
	person("Bea Lamb", NULL, NULL, NULL, 0);
	for (int len = 1; len <= 2; len++) {
		n = find(len == 1 ? "a" : "AL", hits);
		cr_assert_eq(n, 7, "\"%s\"", len == 1 ? "a" : "al");
		for (size_t i = 0; i < n; i++) {
			cr_expect_eq(hits[i].id, ids[i], "hit %zu", i);
			cr_expect_eq(hits[i].rank, i < 5 ? PD_RANK_NAME_START :
				     i < 6 ? PD_RANK_NAME_WORD : PD_RANK_OTHER, "hit %zu", i);
		}
	}
	n = find("ali", hits);
	cr_assert_eq(n, 3);
	cr_expect_eq(hits[0].id, ids[1]);
	cr_expect_eq(hits[1].id, ids[2]);
	cr_expect_eq(hits[2].id, ids[3]);
	n = find("alis", hits);
	cr_assert_eq(n, 1);
	cr_expect_eq(hits[0].id, ids[3]);
	cr_expect_eq(nfound("ala"), 1);
	cr_expect_eq(nfound("l"), 1, "only Bea Lamb");
}

/* A record whose words begin the query in its name and in another field
 * is found once, at its name's class: also when its name is long enough
 * to be cut in the index (the word then past the cut), and when it is an
 * exact match. */
Test(search, a_record_found_under_several_keys_comes_once)
{
	uint64_t longname = person("Alexandra Bartholomew-Fitzgerald Smithson", NULL,
				   "smiley@example.org", NULL, 0);
	uint64_t smith = person("Smith", NULL, "smithy@example.org", NULL, 0);
	uint64_t jo = person("Jo Smithers", NULL, "smiler@example.org", NULL, 0);
	static const char *const queries[] = { "smi", "smith", "s" };
	struct pd_hit hits[MAXHITS];
	size_t n;

	for (size_t q = 0; q < 3; q++) {
		n = find(queries[q], hits);
		cr_assert_eq(n, 3, "\"%s\": %zu hits", queries[q], n);
		cr_expect_eq(hits[0].id, smith, "\"%s\"", queries[q]);
		cr_expect_eq(hits[0].rank, q == 1 ? PD_RANK_EXACT : PD_RANK_NAME_START);
		cr_expect_eq(hits[1].id, longname, "\"%s\"", queries[q]);
		cr_expect_eq(hits[1].rank, PD_RANK_NAME_WORD);
		cr_expect_eq(hits[2].id, jo, "\"%s\"", queries[q]);
	}
}

/* E-mail words that carry a surname and a number ("smith4") are a key a
 * person; those of people found by name are passed over, the others'
 * still found, after every name. */
Test(search, surname_mail_words_of_one_person_each)
{
	uint64_t ann = person("Ann Smith", NULL, "ann.smith1@example.org", NULL, 0);
	uint64_t bob = person("Bob Smith", NULL, "bob.smith2@example.org", NULL, 0);
	uint64_t cy = person("Cy Jones", NULL, "cy.smith3@example.org", NULL, 0);
	uint64_t di = person("Di Smithy", NULL, "di@example.org", NULL, 0);
	const struct { uint64_t id; enum pd_rank rank; } want[] = {
		{ ann, PD_RANK_NAME_WORD }, { bob, PD_RANK_NAME_WORD },
		{ di, PD_RANK_NAME_WORD }, { cy, PD_RANK_OTHER },
	};
	struct pd_hit hits[MAXHITS];

	for (const char *const *q = (const char *const[]){ "smi", "smit", "smith", NULL }; *q; q++) {
		size_t n = find(*q, hits);
		cr_assert_eq(n, 4, "\"%s\": %zu hits", *q, n);
		for (size_t i = 0; i < n; i++) {
			cr_expect_eq(hits[i].id, want[i].id, "\"%s\": hit %zu", *q, i);
			cr_expect_eq(hits[i].rank, want[i].rank, "\"%s\": hit %zu", *q, i);
		}
	}
	/* Longer than the name's "smith": each one's own, by e-mail (from a
	 * shadowed key, search_terms.h), alone and with a word of the name. */
	cr_expect_eq(find("smith1", hits), 1);
	cr_expect_eq(hits[0].id, ann);
	cr_expect_eq(hits[0].rank, PD_RANK_OTHER);
	cr_expect_eq(find("ann smith1", hits), 1);
	cr_expect_eq(hits[0].id, ann);
	cr_expect_eq(find("smith3", hits), 1);
	cr_expect_eq(hits[0].id, cy);
	cr_expect_eq(find("cy smith", hits), 1);
	cr_expect_eq(hits[0].id, cy);
	cr_expect_eq(find("bob smith1", hits), 0);
}

Test(search, kinds_paging_and_counts)
{
	struct pd_hit all[MAXHITS], page[7];
	struct pd_txn *txn;
	size_t n, got, count;
	bool more;
	char name[64];

	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof name, "Walker %02d", (i * 17) % 40);
		person(name, NULL, NULL, NULL, 0);
	}
	for (int i = 0; i < 10; i++) {
		snprintf(name, sizeof name, "Walkden Centre %d", i);
		org(name);
	}
	n = find("walk", all);
	cr_assert_eq(n, 50);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	for (size_t off = 0; off < n + 7; off += 7) {
		cr_assert_eq(pd_search(txn, "walk", 0, off, 7, page, &got, &more, NULL),
			     PD_OK);
		cr_expect_eq(got, off >= n ? 0 : n - off < 7 ? n - off : 7);
		cr_expect_eq(more, off + 7 < n, "offset %zu", off);
		for (size_t i = 0; i < got; i++)
			cr_expect_eq(page[i].id, all[off + i].id, "offset %zu + %zu", off, i);
	}
	cr_expect_eq(pd_search_count(txn, "walk", 0, 1000, &count, NULL), PD_OK);
	cr_expect_eq(count, 50);
	cr_expect_eq(pd_search_count(txn, "walk", 0, 12, &count, NULL), PD_OK);
	cr_expect_eq(count, 12);
	cr_expect_eq(pd_search_count(txn, "walk", PD_SEARCH_ORGS, 1000, &count, NULL),
		     PD_OK);
	cr_expect_eq(count, 10);
	cr_expect_eq(pd_search(txn, "walk", PD_SEARCH_PEOPLE, 0, 7, page, &got,
			       &more, NULL), PD_OK);
	cr_expect_eq(got, 7);
	for (size_t i = 0; i < got; i++)
		cr_expect_eq(page[i].kind, PD_PERSON);
	cr_expect_eq(pd_search(txn, "walker 0", 0, 0, 7, page, &got, &more, NULL),
		     PD_OK);
	cr_expect_eq(got, 7, "walker 00 .. walker 09 share the prefix");
	cr_expect(more);
	pd_txn_end(txn);
	/* Organisations sort with people by name: "walkden" before "walker". */
	cr_expect_eq(all[0].kind, PD_ORG);
	cr_expect_eq(all[10].kind, PD_PERSON);
}

Test(search, refuses_too_many_words)
{
	struct pd_hit hits[4];
	struct pd_txn *txn;
	struct pd_err err = { 0 };
	char q[200] = "";
	size_t n;

	for (int i = 0; i < 40; i++)
		strcat(q, "a ");
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_eq(pd_search(txn, q, 0, 0, 4, hits, &n, NULL, &err), PD_EINVAL);
	cr_expect_eq(pd_search(txn, NULL, 0, 0, 4, hits, &n, NULL, &err), PD_EINVAL);
	pd_txn_end(txn);
}

/* --- kept in step --------------------------------------------------------- */

Test(search, rename_delete_and_undo)
{
	uint64_t p = person("Alice Walker", NULL, NULL, NULL, 0);
	struct pd_err err = { 0 };

	cr_assert(finds("walker", p));
	tdb_set_text(PD_PERSON, p, PD_PERSON_NAME, "Alice Baker");
	cr_expect(!finds("walker", p));
	cr_expect(finds("baker", p));
	cr_expect(finds("alice", p));
	cr_expect_eq(problems(), 0);
	tdb_undo();
	cr_expect(finds("walker", p));
	cr_expect(!finds("baker", p));
	cr_assert_eq(tdb_del(PD_PERSON, p, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(nfound("alice"), 0);
	cr_expect_eq(problems(), 0);
	tdb_undo();
	cr_expect(finds("alice walker", p));
	cr_expect_eq(problems(), 0);
}

Test(search, org_rename_reaches_its_people)
{
	uint64_t o = org("Northgate School");
	uint64_t tom = person("Tom Hill", NULL, NULL, NULL, o);
	uint64_t other = person("Una Gray", NULL, NULL, NULL, 0);
	struct pd_err err = { 0 };

	cr_assert(finds("northgate", tom));
	tdb_set_text(PD_ORG, o, PD_ORG_NAME, "Southfield Academy");
	cr_expect(!finds("northgate", tom));
	cr_expect(finds("southfield", tom));
	cr_expect(finds("tom academy", tom));
	cr_expect(!finds("southfield", other));
	cr_expect_eq(problems(), 0);
	tdb_undo();
	cr_expect(finds("northgate", tom));
	cr_expect(!finds("southfield", tom));
	cr_expect_eq(problems(), 0);
	/* A deleted organisation no longer names its people; undo restores. */
	cr_assert_eq(tdb_del(PD_ORG, o, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(nfound("northgate"), 0);
	cr_expect(finds("tom", tom));
	cr_expect_eq(problems(), 0);
	tdb_undo();
	cr_expect(finds("northgate tom", tom));
	cr_expect(finds("northgate", o));
	cr_expect_eq(problems(), 0);
	/* Other fields of the organisation leave its people alone. */
	tdb_set_text(PD_ORG, o, PD_ORG_OVERVIEW, "after-school clubs");
	cr_expect(finds("northgate", tom));
	cr_expect(!finds("clubs", tom));
	cr_expect(finds("clubs", o));
	cr_expect_eq(problems(), 0);
}

Test(search, moving_a_person_between_orgs)
{
	uint64_t a = org("Riverside Clinic"), b = org("Hilltop Surgery");
	uint64_t p = person("Mo Khan", NULL, NULL, NULL, a);
	struct pd_record r;

	cr_assert_eq(tdb_get(PD_PERSON, p, &r), PD_OK);
	pd_set_ref(&r, PD_PERSON_ORG, b);
	tdb_put(&r);
	pd_record_clear(&r);
	cr_expect(!finds("riverside", p));
	cr_expect(finds("hilltop khan", p));
	tdb_set_text(PD_ORG, a, PD_ORG_NAME, "Riverside Health Centre");
	cr_expect(!finds("riverside", p), "the old organisation's rename");
	cr_expect(finds("surgery", p));
	cr_expect_eq(problems(), 0);
	tdb_undo();
	tdb_undo();
	cr_expect(finds("riverside clinic mo", p));
	cr_expect(!finds("hilltop", p));
	cr_expect_eq(problems(), 0);
}
