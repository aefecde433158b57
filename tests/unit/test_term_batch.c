/* test_term_batch.c — search terms queued within a write transaction and
 * put in key order (src/core/store/write_queue.c): several changes to the same
 * record in one write, a search inside the write, a write rolled back, and
 * a write big enough to spill the queue part-way, each checked by search
 * and by pd_check.  Built twice: as test_term_batch with the queue's own
 * budget, and with TERM_RUNS as test_term_runs, whose queue is so small
 * that every write spills sorted runs to the temporary file and applies
 * them merged (store/queue_runs.c). */
#include "testdb.h"

#include <dirent.h>

#include "plandesk/records/check.h"
#include "plandesk/directory/search.h"

#ifdef TERM_RUNS
#define SUITE term_runs
static void setup(void)
{
	tdb_mkdir();
	tdb_open(&(struct pd_open_opts){ .sort_bytes = 200 });
}

static void budget(size_t n)
{
	tdb_close();
	tdb_open(&(struct pd_open_opts){ .sort_bytes = n });
}
#else
#define SUITE term_batch
static void setup(void) { tdb_setup(); }
static void budget(size_t n) { (void)n; }
#endif

TestSuite(SUITE, .init = setup, .fini = tdb_teardown);

static size_t nfound_in(struct pd_txn *txn, const char *q)
{
	struct pd_hit hits[8];
	struct pd_err err = { 0 };
	size_t n = 0;

	cr_assert_eq(pd_search(txn, q, 0, 0, 8, hits, &n, NULL, &err), PD_OK,
		     "search %s: %s", q, err.msg);
	return n;
}

static size_t nfound(const char *q)
{
	struct pd_txn *txn;
	size_t n;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	n = nfound_in(txn, q);
	pd_txn_end(txn);
	return n;
}

static size_t problems(void)
{
	struct pd_err err = { 0 };
	size_t n = 99;

	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &n, &err), PD_OK, "%s", err.msg);
	return n;
}

static int put_named(struct pd_txn *txn, struct pd_record *r, const char *name,
		     struct pd_err *err)
{
	pd_set_text(r, PD_PERSON_NAME, name, (size_t)-1);
	return pd_put(txn, r, err);
}

/* One write: add Ada, rename her twice and back; add Bo and delete him. */
static int churn(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record a = make_person("Ada Quill", NULL, NULL, 0);
	struct pd_record b = make_person("Bo Zephyr", NULL, NULL, 0);
	int rc;

	(void)ctx;
	if ((rc = pd_put(txn, &a, err)) || (rc = put_named(txn, &a, "Ada Wren", err)) ||
	    (rc = put_named(txn, &a, "Ada Quill", err)) ||
	    (rc = put_named(txn, &a, "Ada Lark", err)) ||
	    (rc = pd_put(txn, &b, err)) ||
	    (rc = pd_del(txn, PD_PERSON, b.id, err)))
		goto out;
out:
	pd_record_clear(&a);
	pd_record_clear(&b);
	return rc;
}

Test(SUITE, last_change_to_a_record_wins)
{
	struct pd_err err = { 0 };

	cr_assert_eq(tdb_write(churn, NULL, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(nfound("lark"), 1);
	cr_expect_eq(nfound("quill"), 0, "an older name is still indexed");
	cr_expect_eq(nfound("wren"), 0, "an older name is still indexed");
	cr_expect_eq(nfound("zephyr"), 0, "a deleted person is still indexed");
	cr_expect_eq(problems(), 0);
	cr_expect_eq(tdb_strays(), 0, "a sorted run's file was left behind");
}

/* One write: rename Ada between two names forty times, so the queue holds
 * many identical puts and deletes of the same terms, ending on "Ada Lark"
 * (an even count) — the sort must keep each pair's operations in the order
 * queued. */
static int flip_flop(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record a = make_person("Ada Lark", NULL, NULL, 0);
	int rc = pd_put(txn, &a, err);

	(void)ctx;
	for (int i = 0; i < 40 && rc == PD_OK; i++)
		rc = put_named(txn, &a, i % 2 ? "Ada Lark" : "Ada Wren", err);
	pd_record_clear(&a);
	return rc;
}

Test(SUITE, many_identical_changes_keep_their_order)
{
	struct pd_err err = { 0 };

	cr_assert_eq(tdb_write(flip_flop, NULL, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(nfound("lark"), 1);
	cr_expect_eq(nfound("wren"), 0, "a name changed away from is still indexed");
	cr_expect_eq(problems(), 0);
}

/* Two writes: Mia Zed first (the table then ends in her terms), then
 * people whose terms fall before that end, on it ("zed") and after it
 * ("zedd", "zoe"): the flush puts what is after the end by appending. */
static int add_names(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	int rc = PD_OK;

	for (const char *const *n = ctx; *n && rc == PD_OK; n++) {
		struct pd_record r = make_person(*n, NULL, NULL, 0);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

Test(SUITE, terms_after_the_last_are_appended_beside_the_rest)
{
	static const char *const first[] = { "Mia Zed", NULL };
	static const char *const then[] = { "Abe Zedd", "Bo Zed", "Zoe Ash", NULL };
	struct pd_err err = { 0 };

	cr_assert_eq(tdb_write(add_names, (void *)first, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(tdb_write(add_names, (void *)then, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(nfound("zed"), 3);
	cr_expect_eq(nfound("zedd"), 1);
	cr_expect_eq(nfound("z"), 4);
	cr_expect_eq(nfound("zoe ash"), 1);
	cr_expect_eq(nfound("mia"), 1);
	cr_expect_eq(problems(), 0);
}

/* Add someone, then search for them before the write commits. */
static int add_then_search(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record a = make_person("Cleo Marsh", NULL, NULL, 0);
	size_t *n = ctx;
	int rc = pd_put(txn, &a, err);

	pd_record_clear(&a);
	if (rc == PD_OK)
		*n = nfound_in(txn, "marsh");
	return rc;
}

Test(SUITE, a_search_inside_the_write_sees_its_changes)
{
	struct pd_err err = { 0 };
	size_t n = 0;

	cr_assert_eq(tdb_write(add_then_search, &n, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(n, 1, "the queued terms were not applied before the search");
	cr_expect_eq(problems(), 0);
}

static int add_then_fail(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record a = make_person("Dara Finch", NULL, NULL, 0);
	int rc = pd_put(txn, &a, err);

	(void)ctx;
	pd_record_clear(&a);
	return rc ? rc : pd_err_set(err, PD_EINVAL, "given up");
}

/*
 * One write: Tom of Northgate School, the school renamed, then Una of it
 * added and Tom's role changed.  A write keeps each organisation's words
 * (the memo of store/handles.h): the rename must drop them, or Una and
 * Tom's new entries would name the school's old name.
 */
static int rename_org_between(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record o, tom, una;
	int rc;

	(void)ctx;
	pd_record_init(&o, PD_ORG);
	pd_set_text(&o, PD_ORG_NAME, "Northgate School", (size_t)-1);
	if ((rc = pd_put(txn, &o, err)))
		goto out_org;
	tom = make_person("Tom Hill", NULL, NULL, o.id);
	una = make_person("Una Gray", NULL, NULL, o.id);
	if ((rc = pd_put(txn, &tom, err)))
		goto out;
	pd_set_text(&o, PD_ORG_NAME, "Southfield Academy", (size_t)-1);
	if ((rc = pd_put(txn, &o, err)) || (rc = pd_put(txn, &una, err)))
		goto out;
	pd_set_text(&tom, PD_PERSON_ROLE, "Head", (size_t)-1);
	rc = pd_put(txn, &tom, err);
out:
	pd_record_clear(&tom);
	pd_record_clear(&una);
out_org:
	pd_record_clear(&o);
	return rc;
}

Test(SUITE, an_organisation_renamed_in_the_write_names_its_people_anew)
{
	struct pd_err err = { 0 };

	cr_assert_eq(tdb_write(rename_org_between, NULL, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(nfound("southfield"), 3, "the school, Tom and Una");
	cr_expect_eq(nfound("northgate"), 0, "the old name is still indexed");
	cr_expect_eq(problems(), 0);
}

Test(SUITE, a_failed_write_leaves_no_terms)
{
	struct pd_err err = { 0 };

	tdb_add(make_person("Dara Finch", NULL, NULL, 0));
	cr_assert_eq(tdb_write(add_then_fail, NULL, &err), PD_EINVAL);
	cr_expect_eq(nfound("finch"), 1);
	cr_expect_eq(problems(), 0);
	cr_expect_eq(tdb_strays(), 0, "a sorted run's file was left behind");
}

/*
 * Enough people in one write that the queue spills part-way (it holds
 * 32 MiB: some ten terms of ~40 bytes a person here), with one person
 * renamed before and after those spills.
 */
#define MANY 100000

static int many(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record first = make_person("Eli Early", "EE", NULL, 0);
	char name[64], role[64], email[64];
	int rc;

	(void)ctx;
	if ((rc = pd_put(txn, &first, err)))
		goto out;
	for (int i = 0; i < MANY && rc == PD_OK; i++) {
		struct pd_record r;
		snprintf(name, sizeof name, "Person%d Surname%d", i, i % 997);
		snprintf(role, sizeof role, "Role%d worker", i % 31);
		snprintf(email, sizeof email, "p%d.s%d@example.org", i, i % 997);
		r = make_person(name, NULL, email, 0);
		pd_set_text(&r, PD_PERSON_ROLE, role, (size_t)-1);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
		if (i == MANY / 2 && rc == PD_OK)
			rc = put_named(txn, &first, "Eli Middle", err);
	}
	if (rc == PD_OK)
		rc = put_named(txn, &first, "Eli Late", err);
out:
	pd_record_clear(&first);
	return rc;
}

Test(SUITE, a_write_that_flushes_part_way, .timeout = 120)
{
	struct pd_err err = { 0 };

	budget(1u << 20);   /* some forty runs */
	cr_assert_eq(tdb_write(many, NULL, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(nfound("late"), 1);
	cr_expect_eq(nfound("early"), 0);
	cr_expect_eq(nfound("middle"), 0);
	cr_expect_eq(nfound("person59999"), 1);
	cr_expect_eq(nfound("surname996"), 8, "a full page of the 100 people");
	cr_expect_eq(problems(), 0);
}

/*
 * `unique` is queued too and read through the queue (write_queue.h:
 * pd_txn_unique_get): within one write, an address taken, moved to
 * another, taken by someone else, and freed by a delete, each seen at
 * once by pd_find_person_email and by the check that a key is nobody
 * else's; in test_term_runs runs are spilled between the steps.
 */
static uint64_t by_email(struct pd_txn *txn, const char *email)
{
	uint64_t id = 0;
	int rc = pd_find_person_email(txn, email, &id);

	cr_assert(rc == PD_OK || rc == PD_NOTFOUND, "find %s: %d", email, rc);
	return rc == PD_OK ? id : 0;
}

static int email_moves(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record a = make_person("Ada Quill", NULL, "ada@example.org", 0);
	struct pd_record b = make_person("Bo Zephyr", NULL, "ada@example.org", 0);
	struct pd_record c = make_person("Cy Moss", NULL, "cy@example.org", 0);

	(void)ctx;
	cr_assert_eq(pd_put(txn, &a, err), PD_OK, "%s", err->msg);
	cr_expect_eq(by_email(txn, "ADA@example.org"), a.id);
	cr_expect_neq(pd_put(txn, &b, err), PD_OK, "a second person took ada@");
	pd_set_text(&a, PD_PERSON_EMAIL, "ada.quill@example.org", (size_t)-1);
	cr_assert_eq(pd_put(txn, &a, err), PD_OK, "%s", err->msg);
	cr_expect_eq(by_email(txn, "ada@example.org"), 0, "a moved address still found");
	cr_expect_eq(by_email(txn, "ada.quill@example.org"), a.id);
	b.id = 0;
	cr_assert_eq(pd_put(txn, &b, err), PD_OK, "the freed address: %s", err->msg);
	cr_expect_eq(by_email(txn, "ada@example.org"), b.id);
	cr_assert_eq(pd_put(txn, &c, err), PD_OK, "%s", err->msg);
	cr_assert_eq(pd_del(txn, PD_PERSON, c.id, err), PD_OK, "%s", err->msg);
	cr_expect_eq(by_email(txn, "cy@example.org"), 0, "a deleted person's address found");
	pd_record_clear(&a);
	pd_record_clear(&b);
	pd_record_clear(&c);
	return PD_OK;
}

Test(SUITE, unique_keys_are_read_through_the_queue)
{
	struct pd_err err = { 0 };
	struct pd_txn *txn;

	cr_assert_eq(tdb_write(email_moves, NULL, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_neq(by_email(txn, "ada@example.org"), 0);
	cr_expect_neq(by_email(txn, "ada.quill@example.org"), 0);
	cr_expect_neq(by_email(txn, "ada@example.org"), by_email(txn, "ada.quill@example.org"));
	cr_expect_eq(by_email(txn, "cy@example.org"), 0);
	pd_txn_end(txn);
	cr_expect_eq(nfound("zephyr"), 1);
	cr_expect_eq(problems(), 0);
}
