/* test_undo.c — undo and redo of single steps: creates, updates, deletes,
 * moves, a cascade delete, and the unique keys that follow them. */
#include "undotest.h"

TestSuite(undo, .init = tdb_setup, .fini = tdb_teardown);

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
