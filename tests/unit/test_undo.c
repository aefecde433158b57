/* test_undo.c — undo and redo: creates, updates, deletes, cascades, labels,
 * history, persistence, the bound on the journal and bulk writes. */
#include "testdb.h"

#include <lmdb.h>

#include "plandesk/records/check.h"

TestSuite(undo, .init = tdb_setup, .fini = tdb_teardown);

/* --- helpers ------------------------------------------------------------ */

static void undo_ok(const char *want_label)
{
	char label[160] = "unset";
	struct pd_err err = { 0 };
	int rc = pd_store_undo(tdb.st, label, sizeof label, &err);

	cr_assert_eq(rc, PD_OK, "undo: %d %s", rc, err.msg);
	if (want_label)
		cr_expect_str_eq(label, want_label);
}

static void redo_ok(const char *want_label)
{
	char label[160] = "unset";
	struct pd_err err = { 0 };
	int rc = pd_store_redo(tdb.st, label, sizeof label, &err);

	cr_assert_eq(rc, PD_OK, "redo: %d %s", rc, err.msg);
	if (want_label)
		cr_expect_str_eq(label, want_label);
}

static void history(size_t *nundo, size_t *nredo)
{
	cr_assert_eq(pd_store_history(tdb.st, nundo, nredo, NULL, 0, NULL), PD_OK);
}

static uint64_t find_plan(const char *ref)
{
	struct pd_txn *txn;
	uint64_t id = 0;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_find_plan(txn, ref, &id);
	pd_txn_end(txn);
	return rc == PD_OK ? id : 0;
}

static size_t check_problems(void)
{
	size_t n = 99;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &n, &err), PD_OK, "%s", err.msg);
	return n;
}

/* Store one record in a write with this label. */
static uint64_t put_labelled(struct pd_record r, const char *label)
{
	struct tdb_puts p = { &r, 1, { r.id } };
	struct pd_err err = { 0 };
	int rc = pd_store_write(tdb.st, label, 0, tdb_puts_body, &p, &err);
	uint64_t id = r.id;

	cr_assert_eq(rc, PD_OK, "%s: %s", label, err.msg);
	cr_assert_neq(id, 0);
	pd_record_clear(&r);
	return id;
}

static struct pd_record make_action(uint64_t item, const char *text)
{
	struct pd_record r;

	pd_record_init(&r, PD_ACTION);
	pd_set_ref(&r, PD_ACTION_ITEM, item);
	pd_set_text(&r, PD_ACTION_TEXT, text, (size_t)-1);
	return r;
}

static void set_title(uint64_t plan, const char *title)
{
	struct pd_record r;

	cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
	pd_set_text(&r, PD_PLAN_TITLE, title, (size_t)-1);
	put_labelled(r, "edit plan");
}

static void expect_title(uint64_t plan, const char *title)
{
	struct pd_record r;

	cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
	cr_expect_str_eq(pd_get_text(&r, PD_PLAN_TITLE), title);
	pd_record_clear(&r);
}

/* --- single steps ------------------------------------------------------- */

Test(undo, empty_history)
{
	struct pd_err err = { 0 };
	char label[32] = "unchanged";
	size_t nundo = 9, nredo = 9;

	cr_expect_eq(pd_store_undo(tdb.st, label, sizeof label, &err), PD_EEMPTY);
	cr_expect(strstr(err.msg, "undo") != NULL, "message: %s", err.msg);
	cr_expect_eq(pd_store_redo(tdb.st, label, sizeof label, &err), PD_EEMPTY);
	cr_expect(strstr(err.msg, "redo") != NULL, "message: %s", err.msg);
	history(&nundo, &nredo);
	cr_expect_eq(nundo, 0);
	cr_expect_eq(nredo, 0);
}

Test(undo, create_undo_redo)
{
	uint64_t id = put_labelled(make_plan("C3BP", "Plan"), "add plan");
	struct pd_record r;
	uint64_t again;

	undo_ok("add plan");
	cr_expect_eq(tdb_get(PD_PLAN, id, &r), PD_NOTFOUND);
	pd_record_clear(&r);
	cr_expect_eq(find_plan("C3BP"), 0);
	cr_expect_eq(tdb_count(PD_PLAN), 0);

	redo_ok("add plan");
	cr_assert_eq(tdb_get(PD_PLAN, id, &r), PD_OK, "redo did not bring it back");
	cr_expect_str_eq(pd_get_text(&r, PD_PLAN_TITLE), "Plan");
	pd_record_clear(&r);
	cr_expect_eq(find_plan("c3bp"), id);

	/* an id taken by an undone create is not handed out again */
	undo_ok(NULL);
	again = put_labelled(make_plan("C3BP", "Plan again"), "add plan");
	cr_expect_gt(again, id);
	cr_expect_eq(check_problems(), 0);
}

Test(undo, update_undo_redo)
{
	uint64_t id = put_labelled(make_plan("P", "Old title"), "add plan");
	struct pd_record r;
	int64_t created;

	cr_assert_eq(tdb_get(PD_PLAN, id, &r), PD_OK);
	created = r.created;
	pd_record_clear(&r);
	set_title(id, "New title");
	expect_title(id, "New title");
	undo_ok("edit plan");
	expect_title(id, "Old title");
	cr_assert_eq(tdb_get(PD_PLAN, id, &r), PD_OK);
	cr_expect_eq(r.created, created);
	pd_record_clear(&r);
	redo_ok("edit plan");
	expect_title(id, "New title");
	undo_ok("edit plan");
	expect_title(id, "Old title");
	cr_expect_eq(tdb_count(PD_PLAN), 1);
}

Test(undo, delete_undo_redo)
{
	uint64_t org = put_labelled(make_org("Fire Service"), "add org");
	uint64_t kp = put_labelled(make_person("Kim", "KP", "kim@example.org", org),
				   "add person");
	struct pd_err err = { 0 };
	struct pd_record r;
	uint64_t id;
	struct pd_txn *txn;

	cr_assert_eq(tdb_del(PD_PERSON, kp, &err), PD_OK);
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, org), 0);
	undo_ok("test");
	cr_assert_eq(tdb_get(PD_PERSON, kp, &r), PD_OK);
	cr_expect_str_eq(pd_get_text(&r, PD_PERSON_INITIALS), "KP");
	pd_record_clear(&r);
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, org), 1);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_eq(pd_find_person_email(txn, "KIM@example.org", &id), PD_OK);
	cr_expect_eq(id, kp);
	pd_txn_end(txn);
	redo_ok("test");
	cr_expect_eq(tdb_get(PD_PERSON, kp, &r), PD_NOTFOUND);
	pd_record_clear(&r);
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, org), 0);
	cr_expect_eq(check_problems(), 0);
}

Test(undo, move_between_orgs_restores_indexes)
{
	uint64_t a = put_labelled(make_org("A"), "add");
	uint64_t b = put_labelled(make_org("B"), "add");
	uint64_t p = put_labelled(make_person("Kim", NULL, NULL, a), "add");
	struct pd_record r;

	cr_assert_eq(tdb_get(PD_PERSON, p, &r), PD_OK);
	pd_set_ref(&r, PD_PERSON_ORG, b);
	put_labelled(r, "move");
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, a), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, b), 1);
	undo_ok("move");
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, a), 1);
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, b), 0);
	redo_ok("move");
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, a), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, b), 1);
	cr_expect_eq(check_problems(), 0);
}

/* --- cascade ------------------------------------------------------------ */

struct tree { uint64_t plan, item, sub, person, meeting, ids[16]; size_t n; };

static uint64_t keep(struct tree *t, uint64_t id)
{
	t->ids[t->n++] = id;
	return id;
}

static void build(struct tree *t)
{
	struct pd_record r;

	memset(t, 0, sizeof *t);
	t->person = put_labelled(make_person("Kim", "KP", NULL, 0), "add");
	t->plan = keep(t, put_labelled(make_plan("P", "Plan"), "add"));
	pd_record_init(&r, PD_THEME);
	pd_set_ref(&r, PD_THEME_PLAN, t->plan);
	pd_set_text(&r, PD_THEME_NAME, "Theme", 5);
	keep(t, put_labelled(r, "add"));
	t->item = keep(t, put_labelled(make_item(t->plan, "1", "Item"), "add"));
	r = make_item(t->plan, "1a", "Sub");
	pd_set_ref(&r, PD_ITEM_PARENT, t->item);
	pd_set_int(&r, PD_ITEM_POSITION, 1);
	t->sub = keep(t, put_labelled(r, "add"));
	keep(t, put_labelled(make_item(t->plan, "2", "Other"), "add"));
	pd_record_init(&r, PD_MEETING);
	pd_set_ref(&r, PD_MEETING_PLAN, t->plan);
	pd_set_text(&r, PD_MEETING_DATE, "2009-06-26", (size_t)-1);
	pd_refs_add(&r, PD_MEETING_PRESENT, t->person);
	t->meeting = keep(t, put_labelled(r, "add"));
	for (int i = 0; i < 3; i++) {
		pd_record_init(&r, PD_ACTION);
		pd_set_ref(&r, PD_ACTION_ITEM, i ? t->item : t->sub);
		pd_set_text(&r, PD_ACTION_TEXT, "Do it", 5);
		pd_refs_add(&r, PD_ACTION_OWNERS, t->person);
		pd_set_text(&r, PD_ACTION_DUE, i == 1 ? "2009-07-01" : "2009-08-01",
			    (size_t)-1);
		pd_set_int(&r, PD_ACTION_POSITION, i);
		keep(t, put_labelled(r, "add"));
		pd_record_init(&r, PD_UPDATE);
		pd_set_ref(&r, PD_UPDATE_ITEM, i ? t->item : t->sub);
		pd_set_text(&r, PD_UPDATE_DATE, i == 2 ? "2009-05-01" : "2009-06-26",
			    (size_t)-1);
		pd_set_text(&r, PD_UPDATE_TEXT, "Progress", 8);
		pd_set_ref(&r, PD_UPDATE_MEETING, t->meeting);
		keep(t, put_labelled(r, "add"));
	}
}

/* Every index count that the tree touches. */
static void ix_counts(const struct tree *t, size_t out[10])
{
	out[0] = tdb_count_ix(PD_IX_THEMES_BY_PLAN, t->plan);
	out[1] = tdb_count_ix(PD_IX_ITEMS_BY_PLAN, t->plan);
	out[2] = tdb_count_ix(PD_IX_ITEMS_BY_PARENT, t->item);
	out[3] = tdb_count_ix(PD_IX_ACTIONS_BY_ITEM, t->item);
	out[4] = tdb_count_ix(PD_IX_ACTIONS_BY_ITEM, t->sub);
	out[5] = tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, t->person);
	out[6] = tdb_count_ix(PD_IX_UPDATES_BY_ITEM, t->item);
	out[7] = tdb_count_ix(PD_IX_UPDATES_BY_ITEM, t->sub);
	out[8] = tdb_count_ix(PD_IX_MEETINGS_BY_PLAN, t->plan);
	out[9] = tdb_count_ix(PD_IX_MEETINGS_BY_DATE, 0);
}

Test(undo, cascade_delete_comes_back_whole)
{
	static const size_t want[10] = { 1, 3, 1, 2, 1, 3, 2, 1, 1, 1 };
	struct tree t;
	struct pd_err err = { 0 };
	size_t before[10], after[10], counts[PD_NKINDS];

	build(&t);
	ix_counts(&t, before);
	for (int i = 0; i < 10; i++)
		cr_assert_eq(before[i], want[i], "index %d: %zu", i, before[i]);
	for (int k = 0; k < PD_NKINDS; k++)
		counts[k] = tdb_count(k);
	cr_assert_eq(pd_store_write(tdb.st, "delete plan P", 0, tdb_del_body,
				    &(struct tdb_del_ctx){ PD_PLAN, t.plan }, &err),
		     PD_OK, "%s", err.msg);
	cr_expect_eq(tdb_count(PD_ITEM), 0);
	cr_expect_eq(tdb_count(PD_ACTION), 0);
	ix_counts(&t, after);
	for (int i = 0; i < 10; i++)
		cr_expect_eq(after[i], 0, "index %d not emptied", i);

	undo_ok("delete plan P");
	for (size_t i = 0; i < t.n; i++) {
		bool found = false;
		for (int k = 0; k < PD_NKINDS && !found; k++) {
			struct pd_record r;
			found = tdb_get(k, t.ids[i], &r) == PD_OK;
			pd_record_clear(&r);
		}
		cr_expect(found, "id %llu not restored", (unsigned long long)t.ids[i]);
	}
	for (int k = 0; k < PD_NKINDS; k++)
		cr_expect_eq(tdb_count(k), counts[k], "%s count", pd_kind_info(k)->name);
	ix_counts(&t, after);
	for (int i = 0; i < 10; i++)
		cr_expect_eq(after[i], before[i], "index %d: %zu after undo, %zu before",
			     i, after[i], before[i]);
	cr_expect_eq(find_plan("P"), t.plan);
	{
		struct pd_txn *txn;
		uint64_t id;
		cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
		cr_expect_eq(pd_find_item(txn, t.plan, "1a", &id), PD_OK);
		cr_expect_eq(id, t.sub);
		pd_txn_end(txn);
	}
	cr_expect_eq(check_problems(), 0);

	redo_ok("delete plan P");
	cr_expect_eq(tdb_count(PD_PLAN), 0);
	cr_expect_eq(tdb_count(PD_UPDATE), 0);
	ix_counts(&t, after);
	for (int i = 0; i < 10; i++)
		cr_expect_eq(after[i], 0, "index %d after redo", i);
	cr_expect_eq(check_problems(), 0);
	undo_ok("delete plan P");
	ix_counts(&t, after);
	for (int i = 0; i < 10; i++)
		cr_expect_eq(after[i], before[i], "index %d after the second undo", i);
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

/* --- unique keys -------------------------------------------------------- */

Test(undo, unique_keys_follow_undo)
{
	uint64_t id = put_labelled(make_plan("OLD", "Plan"), "add");
	struct pd_record r;

	cr_assert_eq(tdb_get(PD_PLAN, id, &r), PD_OK);
	pd_set_text(&r, PD_PLAN_REF, "NEW", 3);
	put_labelled(r, "rename");
	cr_expect_eq(find_plan("new"), id);
	cr_expect_eq(find_plan("old"), 0);
	undo_ok("rename");
	cr_expect_eq(find_plan("OLD"), id);
	cr_expect_eq(find_plan("NEW"), 0);
	/* the new ref is free again, the old one is taken */
	r = make_plan("old", "clash");
	{
		struct pd_err err = { 0 };
		cr_expect_eq(tdb_put_n(&r, 1, &err), PD_ECONFLICT);
	}
	pd_record_clear(&r);
	redo_ok("rename");
	cr_expect_eq(find_plan("NEW"), id);
	cr_expect_eq(find_plan("OLD"), 0);
	cr_expect_eq(check_problems(), 0);
}

/* A person's derived entries depend on its organisation: renaming or
 * deleting the org, and undoing that, must leave everything consistent. */
Test(undo, org_changes_keep_people_consistent)
{
	uint64_t org = put_labelled(make_org("Fire Service"), "add org");
	struct pd_record r;
	struct pd_err err = { 0 };

	for (int i = 0; i < 3; i++) {
		char name[32];
		snprintf(name, sizeof name, "Person %d", i);
		put_labelled(make_person(name, NULL, NULL, org), "add person");
	}
	cr_assert_eq(tdb_get(PD_ORG, org, &r), PD_OK);
	pd_set_text(&r, PD_ORG_NAME, "Rescue Service", (size_t)-1);
	put_labelled(r, "rename org");
	cr_expect_eq(check_problems(), 0, "after the rename");
	undo_ok("rename org");
	cr_expect_eq(check_problems(), 0, "after undoing the rename");
	redo_ok("rename org");
	cr_expect_eq(check_problems(), 0, "after redoing the rename");
	cr_assert_eq(tdb_del(PD_ORG, org, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(check_problems(), 0, "after deleting the org");
	cr_expect_eq(tdb_count(PD_PERSON), 3);
	undo_ok(NULL);
	cr_expect_eq(check_problems(), 0, "after undoing the delete");
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, org), 3);
}

/* --- other clients ------------------------------------------------------- */

/* A second open of the same file: another client. */
static struct pd_store *second_client(void)
{
	struct pd_store *st;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_store_open(tdb.path, NULL, &st, &err), PD_OK, "%s", err.msg);
	return st;
}

Test(undo, undo_and_redo_move_the_change_counter)
{
	struct pd_store *other = second_client();
	uint64_t seen, now;

	tdb_add(make_plan("C3P", "Cluster 3"));
	cr_assert_eq(pd_store_changes(other, &seen, NULL), PD_OK);
	undo_ok(NULL);
	cr_assert_eq(pd_store_changes(other, &now, NULL), PD_OK);
	cr_assert_gt(now, seen, "the other client hears of the undo");
	seen = now;
	redo_ok(NULL);
	cr_assert_eq(pd_store_changes(other, &now, NULL), PD_OK);
	cr_assert_gt(now, seen, "and of the redo");
	pd_store_close(other);
}

Test(undo, a_change_tells_which_client_made_it)
{
	struct pd_store *other = second_client();
	struct pd_change_info mine, theirs;
	struct pd_err err = { 0 };
	char label[160];

	cr_assert_eq(pd_store_peek(tdb.st, false, &mine, &err), PD_EEMPTY);
	tdb_add(make_plan("C3P", "Cluster 3"));
	cr_assert_eq(pd_store_peek(tdb.st, false, &mine, &err), PD_OK, "%s", err.msg);
	cr_assert(mine.ours, "this client's own change");
	cr_assert_eq(pd_store_peek(other, false, &theirs, &err), PD_OK);
	cr_assert_not(theirs.ours, "another client's change");
	cr_assert_str_eq(theirs.label, mine.label);
	cr_assert_eq(theirs.seq, mine.seq);
	cr_assert_gt(theirs.time, 0);
	/* Undone and redone, it is still this client's. */
	undo_ok(NULL);
	cr_assert_eq(pd_store_peek(tdb.st, true, &mine, &err), PD_OK);
	cr_assert(mine.ours);
	cr_assert_str_eq(mine.label, "test");
	redo_ok(NULL);
	cr_assert_eq(pd_store_peek(tdb.st, false, &mine, &err), PD_OK);
	cr_assert(mine.ours);
	cr_assert_eq(pd_store_peek(other, false, &theirs, &err), PD_OK);
	cr_assert_not(theirs.ours);
	/* Undo of what was asked about, not of a change made meanwhile. */
	tdb_add(make_plan("CSE", "Child sexual exploitation"));
	cr_assert_eq(pd_store_undo_seq(other, false, theirs.seq, label, sizeof label, &err),
		     PD_ECONFLICT);
	cr_assert_eq(find_plan("CSE") != 0, true, "nothing was undone");
	cr_assert_eq(pd_store_peek(other, false, &theirs, &err), PD_OK);
	cr_assert_eq(pd_store_undo_seq(other, false, theirs.seq, label, sizeof label, &err),
		     PD_OK, "%s", err.msg);
	cr_assert_str_eq(label, "test");
	cr_assert_eq(find_plan("CSE"), 0);
	pd_store_close(other);
}
