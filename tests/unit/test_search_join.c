/* test_search_join.c — the first screens of queries of several words on a
 * long-tail directory (search_join.c): made-up first names and surnames
 * of falling frequency, whose syllables come back in the organisations'
 * names and e-mail domains, so that most queries' first screen holds
 * matches outside the name and many have fewer matches than a screen.
 * Each first (and second) screen, and its "more", must be the head of the
 * whole answer, which the search works out by the driven walk alone
 * (no bound: neither the name-start walk nor the join).  And a query with
 * a match of each order, among hundreds of near misses, must find those
 * five, in order, and nothing else.  The screens of queries with a word
 * of more entries than the join drives must be the whole answer's head
 * too. */
#include "testdb.h"
#include "querygen.h"

#include "plandesk/directory/search.h"

TestSuite(search_join, .init = tdb_setup, .fini = tdb_teardown);

#define NPEOPLE 6000
#define NORGS 60
#define NQUERIES 3000
#define PAGE 20

static const char *const firsts[] = {
	"Oliver", "Olivia", "Isabella", "Jack", "Amelia", "Harry", "Sophie",
	"Mohammed", "Zoë", "Łukasz", "Siobhan", "Jean-Paul", "O'Neill", "Ana",
};
static const char *const surnames[] = {
	"Smith", "Jones", "Taylor", "Brown", "Wilson", "Lanford", "Green",
	"Patel", "Ward", "O'Brien", "Ångström", "Nguyen",
};
static const char *const syl[] = {
	"ab", "ber", "cal", "dor", "en", "fen", "gil", "har", "is", "lan",
	"mar", "nor", "ol", "pen", "ros", "sta", "ton", "wick", "ford", "ley",
	"wood", "by", "ham", "quin",
};
static const char *const roles[] = {
	"Headteacher", "SENCo", "Youth Worker", "School Nurse",
	"Speech and Language Therapist", "Family Support Worker", "GP",
};
static const char *const org_types[] = {
	"Primary School", "Surgery", "Youth Club", "Family Centre", "Library",
};
#define N(a) (sizeof a / sizeof a[0])

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static unsigned pick(unsigned n)
{
	return qg_pick(&rng, n);
}

/* Index i of n with weight about 1/(i+1). */
static unsigned zipf(unsigned n)
{
	double h = 0, u;

	for (unsigned i = 0; i < n; i++)
		h += 1.0 / (i + 1);
	u = (double)pick(1u << 30) / (1u << 30) * h;
	for (unsigned i = 0; i < n; i++)
		if ((u -= 1.0 / (i + 1)) <= 0)
			return i;
	return n - 1;
}

/* A made-up word of 2 or 3 syllables, capitalised; one in 40 too long
 * for an entry to keep the whole name. */
static void made_up(char *buf, size_t n)
{
	unsigned k = pick(40) ? 2 + pick(2) : 9;

	buf[0] = '\0';
	for (unsigned i = 0; i < k; i++)
		strncat(buf, syl[pick(N(syl))], n - strlen(buf) - 1);
	buf[0] = (char)(buf[0] - 32);
}

struct person {
	char first[64], last[64];
};

static struct person *people;

struct build {
	uint64_t orgs[NORGS];
	char     domains[NORGS][48];   /* a made-up word and a number */
};

static int build_orgs(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct build *b = ctx;
	char a[40], c[40], s[160];
	int rc = PD_OK;

	for (size_t i = 0; i < NORGS && rc == PD_OK; i++) {
		struct pd_record r;
		made_up(a, sizeof a);
		made_up(c, sizeof c);
		snprintf(s, sizeof s, "%s %s", a, org_types[pick(N(org_types))]);
		/* the domain is another made-up word, in lower case */
		for (char *p = c; *p; p++)
			*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		snprintf(b->domains[i], sizeof b->domains[i], "%s%zu", c, i);
		pd_record_init(&r, PD_ORG);
		pd_set_text(&r, PD_ORG_NAME, s, (size_t)-1);
		rc = pd_put(txn, &r, err);
		b->orgs[i] = r.id;
		pd_record_clear(&r);
	}
	return rc;
}

static int build_people(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct build *b = ctx;
	char name[160], mail[160];
	int rc = PD_OK;

	for (size_t i = 0; i < NPEOPLE && rc == PD_OK; i++) {
		struct person *p = &people[i];
		unsigned org = pick(NORGS);
		struct pd_record r;
		if (pick(2))
			snprintf(p->first, sizeof p->first, "%s", firsts[zipf(N(firsts))]);
		else
			made_up(p->first, sizeof p->first);
		if (pick(5) == 0)
			snprintf(p->last, sizeof p->last, "%s", surnames[zipf(N(surnames))]);
		else
			made_up(p->last, sizeof p->last);
		snprintf(name, sizeof name, "%s %s", p->first, p->last);
		pd_record_init(&r, PD_PERSON);
		pd_set_text(&r, PD_PERSON_NAME, name, (size_t)-1);
		pd_set_text(&r, PD_PERSON_ROLE, roles[pick(N(roles))], (size_t)-1);
		if (pick(8)) {
			snprintf(mail, sizeof mail, "%c.%s%zu@%s.example.org",
				 p->first[0] & 0x80 ? 'x' : p->first[0] | 0x20,
				 p->last[0] & 0x80 ? "x" : p->last, i, b->domains[org]);
			for (char *q = mail; *q; q++)
				*q = (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
			if (!strchr(mail, '\'') && !strchr(mail, '-'))
				pd_set_text(&r, PD_PERSON_EMAIL, mail, (size_t)-1);
		}
		if (pick(6))
			pd_set_ref(&r, PD_PERSON_ORG, b->orgs[org]);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

/* As someone looking a person up types: the beginnings of the first name
 * and the surname, either way round; now and then a third word. */
static void make_query(char *buf, size_t n)
{
	const struct person *p = &people[pick(NPEOPLE)];
	char a[64], b[64], c[64];

	qg_prefix_of(a, sizeof a, p->first, 1 + pick(5));
	qg_prefix_of(b, sizeof b, p->last, 2 + pick(4));
	c[0] = '\0';
	if (pick(10) == 0)
		qg_prefix_of(c, sizeof c, syl[pick(N(syl))], 2);
	if (pick(4))
		snprintf(buf, n, "%s %s %s", a, b, c);
	else
		snprintf(buf, n, "%s %s %s", b, a, c);
}

static struct pd_hit all[NPEOPLE + NORGS];

/* One screen at `off` of `text` must be the whole answer's, with "more".
 * Returns the number of matches in all. */
static size_t compare(struct pd_txn *txn, const char *text)
{
	struct pd_err err = { 0 };
	size_t nall, n;
	bool more;

	cr_assert_eq(pd_search(txn, text, 0, 0, N(all), all, &nall, NULL, &err), PD_OK,
		     "\"%s\": %s", text, err.msg);
	for (size_t off = 0; off <= PAGE; off += PAGE) {
		struct pd_hit page[PAGE];
		cr_assert_eq(pd_search(txn, text, 0, off, PAGE, page, &n, &more, &err),
			     PD_OK, "\"%s\": %s", text, err.msg);
		cr_assert_eq(n, off < nall ? (nall - off < PAGE ? nall - off : PAGE) : 0,
			     "\"%s\" at %zu: %zu matches of %zu", text, off, n, nall);
		cr_assert_eq(more, off + PAGE < nall, "\"%s\" at %zu: more", text, off);
		for (size_t i = 0; i < n; i++)
			cr_assert(page[i].id == all[off + i].id && page[i].rank == all[off + i].rank,
				  "\"%s\": match %zu is %llu (rank %d), the whole answer's "
				  "%llu (rank %d)", text, off + i, (unsigned long long)page[i].id,
				  page[i].rank, (unsigned long long)all[off + i].id,
				  all[off + i].rank);
	}
	return nall;
}

Test(search_join, first_screens_are_the_whole_answers_head, .timeout = 600)
{
	static struct build b;
	struct pd_err err = { 0 };
	struct pd_txn *txn;
	size_t few = 0, full = 0, none = 0;
	char q[200];

	people = calloc(NPEOPLE, sizeof *people);
	cr_assert_not_null(people);
	cr_assert_eq(tdb_write(build_orgs, &b, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(tdb_write(build_people, &b, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	for (int i = 0; i < NQUERIES; i++) {
		size_t n;
		make_query(q, sizeof q);
		n = compare(txn, q);
		few += n > 0 && n < PAGE;
		full += n >= PAGE;
		none += n == 0;
	}
	pd_txn_end(txn);
	/* The corner this is about, often: fewer matches than a screen. */
	cr_expect_gt(few, NQUERIES / 10, "%zu queries found fewer than a screen", few);
	cr_expect_gt(full, NQUERIES / 10, "%zu queries filled a screen", full);
	cr_expect_lt(none, NQUERIES / 10, "%zu queries found nothing", none);
	free(people);
}

/* --- fewer matches than a screen ------------------------------------------- */

static uint64_t person(const char *name, const char *role, const char *email,
		       uint64_t org)
{
	struct pd_record r;

	pd_record_init(&r, PD_PERSON);
	pd_set_text(&r, PD_PERSON_NAME, name, (size_t)-1);
	if (role)
		pd_set_text(&r, PD_PERSON_ROLE, role, (size_t)-1);
	if (email)
		pd_set_text(&r, PD_PERSON_EMAIL, email, (size_t)-1);
	if (org)
		pd_set_ref(&r, PD_PERSON_ORG, org);
	return tdb_add(r);
}

static int crowd(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	char name[64], mail[64];
	int rc = PD_OK;

	(void)ctx;
	/* Isabellas and Lanfords by the hundred, never both words at once. */
	for (int i = 0; i < 600 && rc == PD_OK; i++) {
		struct pd_record r;
		pd_record_init(&r, PD_PERSON);
		snprintf(name, sizeof name, i % 2 ? "Isabel %sby" : "Lanf%sby Quin",
			 syl[i % N(syl)]);
		snprintf(mail, sizeof mail, "x%d@%s%d.example.org", i, syl[i % N(syl)], i);
		pd_set_text(&r, PD_PERSON_NAME, name, (size_t)-1);
		pd_set_text(&r, PD_PERSON_EMAIL, mail, (size_t)-1);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

Test(search_join, fewer_matches_than_a_screen)
{
	struct pd_err err = { 0 };
	struct pd_hit page[PAGE];
	struct pd_txn *txn;
	struct pd_record r;
	uint64_t want[5];
	size_t n;
	bool more;

	cr_assert_eq(tdb_write(crowd, NULL, &err), PD_OK, "%s", err.msg);
	/* (1, 2): both in the name, after "isabel" */
	pd_record_init(&r, PD_ORG);
	pd_set_text(&r, PD_ORG_NAME, "Lanfair Isaac Trust", (size_t)-1);
	want[1] = tdb_add(r);
	/* (3, 3): both words only in the organisation's name */
	want[4] = person("Bob Smith", NULL, NULL, want[1]);
	/* (2, 3): "lanf" a later word, "isa" only in the role */
	want[3] = person("Zed Lanforth", "Isambard Fellow", NULL, 0);
	/* (1, 3): "isa" begins the name, "lanf" only in the e-mail domain */
	want[2] = person("Isabel Brown", NULL, "i.brown@lanfield.example.org", 0);
	/* (1, 2) */
	want[0] = person("Isabel Lanfenby", NULL, NULL, 0);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_search(txn, "isa lanf", 0, 0, PAGE, page, &n, &more, &err), PD_OK,
		     "%s", err.msg);
	cr_expect_eq(n, 5, "%zu matches", n);
	cr_expect(!more);
	for (size_t i = 0; i < n && i < 5; i++)
		cr_expect_eq(page[i].id, want[i], "match %zu is %llu, not %llu", i,
			     (unsigned long long)page[i].id, (unsigned long long)want[i]);
	cr_expect_eq(page[0].rank, PD_RANK_NAME_START);
	cr_expect_eq(page[4].rank, PD_RANK_OTHER);
	pd_txn_end(txn);
}

/* --- a word of more entries than the join drives ---------------------------- */

#define NCROWD 20000   /* 18,000 "quintal": past PD_SQ_JOIN_ENTRIES (search_join.h) */

static int quintal_crowd(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	char first[40], last[40], name[96];
	int rc = PD_OK;

	(void)ctx;
	for (int i = 0; i < NCROWD && rc == PD_OK; i++) {
		struct person *p = &people[i];
		struct pd_record r;
		made_up(first, sizeof first);
		made_up(last, sizeof last);
		snprintf(p->first, sizeof p->first, "%s", first);
		snprintf(p->last, sizeof p->last, "%s", last);
		/* one in 40 has the word in the name too */
		snprintf(name, sizeof name, i % 40 ? "%s %s" : "%s Quintal %s", first, last);
		pd_record_init(&r, PD_PERSON);
		pd_set_text(&r, PD_PERSON_NAME, name, (size_t)-1);
		/* the word outside the name: most of the crowd, in their role */
		pd_set_text(&r, PD_PERSON_ROLE, i % 10 ? "Quintal Officer" : "Clerk", (size_t)-1);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

/* "quinta" has more entries than the join drives: the records that rank
 * NAME_START through the other word are settled by a run of each of its
 * keys, the rest (too many to meet) from the records, best first. */
Test(search_join, a_word_of_many_entries, .timeout = 600)
{
	struct pd_err err = { 0 };
	struct pd_txn *txn;
	size_t few = 0, full = 0;
	char q[200], a[64];

	people = calloc(NCROWD, sizeof *people);
	cr_assert_not_null(people);
	cr_assert_eq(tdb_write(quintal_crowd, NULL, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	for (int i = 0; i < 300; i++) {
		const struct person *p = &people[pick(NCROWD)];
		size_t n;
		qg_prefix_of(a, sizeof a, i % 2 ? p->first : p->last, 3 + pick(4));
		snprintf(q, sizeof q, i % 4 < 2 ? "%s quinta" : "quint %s", a);
		n = compare(txn, q);
		few += n > 0 && n < PAGE;
		full += n >= PAGE;
	}
	pd_txn_end(txn);
	cr_expect_gt(few, 10, "%zu queries found fewer than a screen", few);
	cr_expect_gt(full, 10, "%zu queries filled a screen", full);
	free(people);
}
