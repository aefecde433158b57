/* test_undo_history.c — the undo history: labels, counts, redo cleared by a
 * new write, persistence, the bound on the journal and bulk writes. */
#include "undotest.h"

TestSuite(undo, .init = tdb_setup, .fini = tdb_teardown);

/* --- helpers ------------------------------------------------------------ */

static struct pd_record make_action(uint64_t item, const char *text)
{
	struct pd_record r;

	pd_record_init(&r, PD_ACTION);
	pd_set_ref(&r, PD_ACTION_ITEM, item);
	pd_set_text(&r, PD_ACTION_TEXT, text, (size_t)-1);
	return r;
}

/* --- history ------------------------------------------------------------ */

static int labelled_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record r = make_org("Relabelled");
	int rc = pd_put(txn, &r, err);

	pd_record_clear(&r);
	pd_txn_set_label(txn, "import %d organisations", 1);
	return rc;
}

Test(undo, labels_and_history_counts)
{
	size_t nundo = 9, nredo = 9;
	char next[160];
	struct pd_err err = { 0 };

	put_labelled(make_plan("A", "A"), "add plan A");
	put_labelled(make_plan("B", "B"), "add plan B");
	cr_assert_eq(pd_store_write(tdb.st, "ignored", 0, labelled_body, NULL, &err),
		     PD_OK);
	cr_assert_eq(pd_store_history(tdb.st, &nundo, &nredo, next, sizeof next,
				      NULL), PD_OK);
	cr_expect_eq(nundo, 3);
	cr_expect_eq(nredo, 0);
	cr_expect_str_eq(next, "import 1 organisations");

	undo_ok("import 1 organisations");
	cr_assert_eq(pd_store_history(tdb.st, &nundo, &nredo, next, sizeof next,
				      NULL), PD_OK);
	cr_expect_eq(nundo, 2);
	cr_expect_eq(nredo, 1);
	cr_expect_str_eq(next, "add plan B");
	undo_ok("add plan B");
	history(&nundo, &nredo);
	cr_expect_eq(nundo, 1);
	cr_expect_eq(nredo, 2);
	redo_ok("add plan B");
	history(&nundo, &nredo);
	cr_expect_eq(nundo, 2);
	cr_expect_eq(nredo, 1);
	redo_ok("import 1 organisations");
	cr_expect_eq(tdb_count(PD_ORG), 1);
	cr_expect_eq(pd_store_redo(tdb.st, NULL, 0, NULL), PD_EEMPTY);

	/* a short label buffer is cut, not overrun */
	{
		char tiny[5];
		memset(tiny, 'x', sizeof tiny);
		cr_assert_eq(pd_store_undo(tdb.st, tiny, sizeof tiny, NULL), PD_OK);
		cr_expect_str_eq(tiny, "impo");
	}
	/* NULL label is allowed */
	cr_assert_eq(pd_store_undo(tdb.st, NULL, 0, NULL), PD_OK);
	history(&nundo, &nredo);
	cr_expect_eq(nundo, 1);
	cr_expect_eq(nredo, 2);
}

Test(undo, new_write_clears_redo)
{
	size_t nundo, nredo;
	struct pd_err err = { 0 };
	uint64_t a = put_labelled(make_plan("A", "A"), "add A");

	put_labelled(make_plan("B", "B"), "add B");
	undo_ok("add B");
	history(&nundo, &nredo);
	cr_expect_eq(nredo, 1);
	set_title(a, "A edited");
	history(&nundo, &nredo);
	cr_expect_eq(nundo, 2);
	cr_expect_eq(nredo, 0);
	cr_expect_eq(pd_store_redo(tdb.st, NULL, 0, &err), PD_EEMPTY);
	cr_expect_eq(find_plan("B"), 0);
	undo_ok("edit plan");
	expect_title(a, "A");
	undo_ok("add A");
	cr_expect_eq(tdb_count(PD_PLAN), 0);
	cr_expect_eq(pd_store_undo(tdb.st, NULL, 0, &err), PD_EEMPTY);
}

Test(undo, a_failed_write_does_not_clear_redo)
{
	size_t nundo, nredo;
	struct pd_record r;
	struct tdb_puts p = { &r, 1, { 0 } };

	put_labelled(make_plan("A", "A"), "add A");
	put_labelled(make_plan("B", "B"), "add B");
	undo_ok("add B");
	r = make_plan("A", "conflicting");
	cr_expect_eq(pd_store_write(tdb.st, "clash", 0, tdb_puts_body, &p, NULL),
		     PD_ECONFLICT);
	pd_record_clear(&r);
	history(&nundo, &nredo);
	cr_expect_eq(nundo, 1);
	cr_expect_eq(nredo, 1);
	redo_ok("add B");
}

Test(undo, survives_reopen)
{
	uint64_t a = put_labelled(make_plan("A", "A"), "add A");
	size_t nundo, nredo;

	set_title(a, "A2");
	set_title(a, "A3");
	tdb_close();
	tdb_open(NULL);
	history(&nundo, &nredo);
	cr_expect_eq(nundo, 3);
	undo_ok("edit plan");
	expect_title(a, "A2");
	undo_ok("edit plan");
	expect_title(a, "A");
	tdb_close();
	tdb_open(NULL);
	history(&nundo, &nredo);
	cr_expect_eq(nundo, 1);
	cr_expect_eq(nredo, 2);
	redo_ok("edit plan");
	expect_title(a, "A2");
	tdb_close();
	tdb_open(NULL);
	redo_ok("edit plan");
	expect_title(a, "A3");
	undo_ok(NULL);
	undo_ok(NULL);
	undo_ok("add A");
	cr_expect_eq(tdb_count(PD_PLAN), 0);
}

/* xorshift: a fixed sequence of operations. */
static uint64_t rnd_state = 88172645463325252ull;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/* Any live id of `kind` (0 when none), picked at random. */
static uint64_t pick(enum pd_kind kind)
{
	struct pd_txn *txn;
	struct pd_cursor *cur;
	uint64_t id, got = 0;
	size_t n = tdb_count(kind), want;

	if (!n)
		return 0;
	want = rnd() % n;
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_cursor_kind(txn, kind, 0, &cur, NULL), PD_OK);
	for (size_t i = 0; i <= want && pd_cursor_next(cur, &id, NULL) == PD_OK; i++)
		got = id;
	pd_cursor_close(cur);
	pd_txn_end(txn);
	return got;
}

/* One random write: add or change or delete something. */
static void random_write(int i)
{
	char s[32];
	struct pd_record r;
	uint64_t plan = pick(PD_PLAN), item = pick(PD_ITEM), org = pick(PD_ORG);
	uint64_t person = pick(PD_PERSON), id;
	struct pd_err err = { 0 };

	snprintf(s, sizeof s, "x%d", i);
	switch (rnd() % 9) {
	case 0:
		put_labelled(make_plan(s, "Plan"), "add plan");
		break;
	case 1:
		if (plan) {
			r = make_item(plan, s, "Item");
			pd_set_int(&r, PD_ITEM_POSITION, (int64_t)(rnd() % 7) - 3);
			if (item && rnd() % 2) {
				struct pd_record parent;
				cr_assert_eq(tdb_get(PD_ITEM, item, &parent), PD_OK);
				if (pd_get_ref(&parent, PD_ITEM_PLAN) == plan)
					pd_set_ref(&r, PD_ITEM_PARENT, item);
				pd_record_clear(&parent);
			}
			put_labelled(r, "add item");
		}
		break;
	case 2:
		put_labelled(make_org(s), "add org");
		break;
	case 3:
		put_labelled(make_person(s, "XX", rnd() % 2 ? s : NULL, org), "add person");
		break;
	case 4:
		if (item) {
			r = make_action(item, s);
			if (person)
				pd_refs_add(&r, PD_ACTION_OWNERS, person);
			put_labelled(r, "add action");
		}
		break;
	case 5:
		if (item) {
			pd_record_init(&r, PD_UPDATE);
			pd_set_ref(&r, PD_UPDATE_ITEM, item);
			snprintf(s, sizeof s, "%02d/0%d/2009", (int)(rnd() % 28) + 1,
				 (int)(rnd() % 9) + 1);
			pd_set_text(&r, PD_UPDATE_DATE, s, (size_t)-1);
			pd_set_text(&r, PD_UPDATE_TEXT, "progress", 8);
			put_labelled(r, "add update");
		}
		break;
	case 6:
		if (person) {
			/* move a person to another org (or none) */
			cr_assert_eq(tdb_get(PD_PERSON, person, &r), PD_OK);
			pd_set_ref(&r, PD_PERSON_ORG, org);
			put_labelled(r, "move person");
		}
		break;
	case 7:
		if (plan) {
			cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
			pd_set_text(&r, PD_PLAN_REF, s, (size_t)-1);
			put_labelled(r, "rename plan");
		}
		break;
	default:
		for (int k = (int)(rnd() % PD_NKINDS), tries = 0; tries < PD_NKINDS;
		     tries++, k = (k + 1) % PD_NKINDS) {
			if ((id = pick(k))) {
				cr_assert_eq(tdb_del(k, id, &err), PD_OK, "%s", err.msg);
				break;
			}
		}
	}
}

Test(undo, many_undos_back_to_empty)
{
	size_t nundo, nredo, counts[PD_NKINDS];
	int n = 0;

	for (int i = 0; i < 150; i++)
		random_write(i);
	history(&nundo, &nredo);
	cr_assert_gt(nundo, 100);
	cr_expect_eq(check_problems(), 0);
	for (int k = 0; k < PD_NKINDS; k++)
		counts[k] = tdb_count(k);
	while (pd_store_undo(tdb.st, NULL, 0, NULL) == PD_OK)
		n++;
	cr_expect_eq((size_t)n, nundo);
	for (int k = 0; k < PD_NKINDS; k++)
		cr_expect_eq(tdb_count(k), 0, "%s left after undoing everything",
			     pd_kind_info(k)->name);
	cr_expect_eq(check_problems(), 0);
	cr_expect_eq(pd_store_undo(tdb.st, NULL, 0, NULL), PD_EEMPTY);
	/* and all the way forward again */
	while (pd_store_redo(tdb.st, NULL, 0, NULL) == PD_OK)
		n--;
	cr_expect_eq(n, 0);
	for (int k = 0; k < PD_NKINDS; k++)
		cr_expect_eq(tdb_count(k), counts[k], "%s after redoing everything",
			     pd_kind_info(k)->name);
	cr_expect_eq(check_problems(), 0);
}

Test(undo, history_is_bounded)
{
	size_t nundo = 0, nredo = 9;
	char name[32];
	int undone = 0;

	for (int i = 0; i < PD_UNDO_MAX + 20; i++) {
		snprintf(name, sizeof name, "Org %d", i);
		put_labelled(make_org(name), name);
	}
	history(&nundo, &nredo);
	cr_expect_eq(nundo, PD_UNDO_MAX);
	cr_expect_eq(nredo, 0);
	while (pd_store_undo(tdb.st, name, sizeof name, NULL) == PD_OK)
		undone++;
	cr_expect_eq(undone, PD_UNDO_MAX);
	cr_expect_str_eq(name, "Org 20", "the oldest entry kept is the 21st write");
	/* the first 20 writes are no longer undoable */
	cr_expect_eq(tdb_count(PD_ORG), 20);
	cr_expect_eq(check_problems(), 0);
}

/* --- bulk --------------------------------------------------------------- */

#define BULK 20000

struct bulk_ctx { uint64_t old[3]; };

static int bulk_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct bulk_ctx *b = ctx;
	char name[32];
	int rc = PD_OK;

	for (int i = 0; i < BULK && rc == PD_OK; i++) {
		struct pd_record r;
		snprintf(name, sizeof name, "Bulk %d", i);
		r = make_person(name, NULL, NULL, 0);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	for (int i = 0; i < 3 && rc == PD_OK; i++) {
		struct pd_record r;
		if ((rc = pd_get(txn, PD_PERSON, b->old[i], &r, err)) != PD_OK)
			break;
		pd_set_text(&r, PD_PERSON_ROLE, "changed by the import", (size_t)-1);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	if (rc == PD_OK)
		pd_txn_set_label(txn, "import %d people", BULK);
	return rc;
}

static size_t undo_entries(const char *path)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_stat s;

	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 32), 0);
	cr_assert_eq(mdb_env_open(env, path, MDB_NOSUBDIR | MDB_RDONLY, 0600), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "undo", 0, &dbi), 0);
	cr_assert_eq(mdb_stat(txn, dbi, &s), 0);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	return s.ms_entries;
}

Test(undo, bulk_write_has_a_small_journal)
{
	struct bulk_ctx b;
	struct pd_err err = { 0 };
	size_t entries;
	struct pd_record r;

	b.old[0] = put_labelled(make_person("Old 0", NULL, NULL, 0), "add");
	b.old[1] = put_labelled(make_person("Old 1", NULL, NULL, 0), "add");
	b.old[2] = put_labelled(make_person("Old 2", NULL, NULL, 0), "add");
	cr_assert_eq(pd_store_write(tdb.st, "bulk", 0, bulk_body, &b, &err), PD_OK,
		     "%s", err.msg);
	cr_assert_eq(tdb_count(PD_PERSON), BULK + 3);

	/* the store is closed while LMDB is opened directly */
	tdb_close();
	entries = undo_entries(tdb.path);
	cr_expect_lt(entries, 100, "undo journal holds %zu entries", entries);
	cr_expect_geq(entries, 3 + 1, "the 3 before-images are missing");
	tdb_open(NULL);

	undo_ok("import 20000 people");
	cr_expect_eq(tdb_count(PD_PERSON), 3);
	for (int i = 0; i < 3; i++) {
		cr_assert_eq(tdb_get(PD_PERSON, b.old[i], &r), PD_OK);
		cr_expect_not(pd_is_set(&r, PD_PERSON_ROLE), "person %d not restored", i);
		pd_record_clear(&r);
	}
	redo_ok("import 20000 people");
	cr_expect_eq(tdb_count(PD_PERSON), BULK + 3);
	cr_assert_eq(tdb_get(PD_PERSON, b.old[1], &r), PD_OK);
	cr_expect_str_eq(pd_get_text(&r, PD_PERSON_ROLE), "changed by the import");
	pd_record_clear(&r);
	cr_expect_eq(check_problems(), 0);
}
