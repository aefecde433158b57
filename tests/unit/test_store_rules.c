/* test_store_rules.c — what a write must respect: required fields, live
 * links, UTF-8 text, dates, unique keys, and the cascades of a delete. */
#include "storetest.h"

TestSuite(store, .init = tdb_setup, .fini = tdb_teardown);

/* --- validation --------------------------------------------------------- */

Test(store, required_fields)
{
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t item = tdb_add(make_item(plan, "1", "Item"));
	struct pd_record r;

	r = make_plan("X", NULL);
	put_fails(&r, PD_EINVAL, "title");
	pd_record_clear(&r);
	r = make_plan(NULL, "No ref");
	put_fails(&r, PD_EINVAL, "ref");
	pd_record_clear(&r);
	r = make_org("");
	put_fails(&r, PD_EINVAL, "name");
	pd_record_clear(&r);
	r = make_person(NULL, "KP", "k@example.org", 0);
	put_fails(&r, PD_EINVAL, "name");
	pd_record_clear(&r);
	r = make_theme(0, "Theme", 1);
	put_fails(&r, PD_EINVAL, "plan");
	pd_record_clear(&r);
	r = make_item(plan, NULL, "No ref");
	put_fails(&r, PD_EINVAL, "ref");
	pd_record_clear(&r);
	r = make_action(item, NULL);
	put_fails(&r, PD_EINVAL, "text");
	pd_record_clear(&r);
	r = make_update(item, NULL, "text");
	put_fails(&r, PD_EINVAL, "date");
	pd_record_clear(&r);
	r = make_meeting(plan, NULL);
	put_fails(&r, PD_EINVAL, "date");
	pd_record_clear(&r);
	cr_expect_eq(tdb_count(PD_PLAN), 1);
	cr_expect_eq(tdb_count(PD_ITEM), 1);
	for (int k = 0; k < PD_NKINDS; k++)
		if (k != PD_PLAN && k != PD_ITEM)
			cr_expect_eq(tdb_count(k), 0, "%s stored", pd_kind_info(k)->name);

	/* an update that removes a required field is refused too */
	cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
	pd_set_text(&r, PD_PLAN_TITLE, NULL, 0);
	put_fails(&r, PD_EINVAL, "required");
	pd_record_clear(&r);
	cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
	cr_expect_str_eq(pd_get_text(&r, PD_PLAN_TITLE), "Plan");
	pd_record_clear(&r);
}

Test(store, links_must_point_at_live_records)
{
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t other = tdb_add(make_plan("Q", "Other"));
	uint64_t person = tdb_add(make_person("Kim", NULL, NULL, 0));
	uint64_t item = tdb_add(make_item(plan, "1", "Item"));
	uint64_t otheritem = tdb_add(make_item(other, "1", "Item of Q"));
	uint64_t theme = tdb_add(make_theme(other, "Q's theme", 0));
	struct pd_record r;

	r = make_item(9999, "1", "Orphan");
	put_fails(&r, PD_EINVAL, "does not exist");
	pd_record_clear(&r);
	r = make_person("Kim", NULL, NULL, 9999);
	put_fails(&r, PD_EINVAL, "does not exist");
	pd_record_clear(&r);
	/* a link of the wrong kind: a plan id where an org is wanted */
	r = make_person("Kim", NULL, NULL, plan);
	put_fails(&r, PD_EINVAL, "does not exist");
	pd_record_clear(&r);
	/* REFS: one good, one missing owner */
	r = make_action(item, "text");
	pd_refs_add(&r, PD_ACTION_OWNERS, person);
	pd_refs_add(&r, PD_ACTION_OWNERS, 9999);
	put_fails(&r, PD_EINVAL, "9999");
	pd_record_clear(&r);
	/* an item's parent and theme must be in its own plan */
	r = make_item(plan, "2", "Child of another plan's item");
	pd_set_ref(&r, PD_ITEM_PARENT, otheritem);
	put_fails(&r, PD_EINVAL, "another plan");
	pd_record_clear(&r);
	r = make_item(plan, "2", "In another plan's theme");
	pd_set_ref(&r, PD_ITEM_THEME, theme);
	put_fails(&r, PD_EINVAL, "another plan");
	pd_record_clear(&r);
	/* an item cannot be its own parent */
	cr_assert_eq(tdb_get(PD_ITEM, item, &r), PD_OK);
	pd_set_ref(&r, PD_ITEM_PARENT, item);
	put_fails(&r, PD_EINVAL, "itself");
	pd_record_clear(&r);
	cr_expect_eq(tdb_count(PD_ACTION), 0);
	cr_expect_eq(tdb_count(PD_PERSON), 1);
	cr_expect_eq(tdb_count(PD_ITEM), 2);
}

Test(store, text_must_be_utf8)
{
	struct pd_record r = make_org("Bad \xff name");

	put_fails(&r, PD_EINVAL, "UTF-8");
	pd_record_clear(&r);
	r = make_org("x");
	pd_set_text(&r, PD_ORG_NOTES, "a\0b", 3);
	put_fails(&r, PD_EINVAL, NULL);
	pd_record_clear(&r);
	cr_expect_eq(tdb_count(PD_ORG), 0);
}

Test(store, dates_are_stored_as_iso)
{
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t item = tdb_add(make_item(plan, "1", "Item"));
	struct pd_record r = make_update(item, "26/06/2009", "text"), got;
	uint64_t id;

	pd_set_text(&r, PD_UPDATE_STATUS, "2", 1);
	id = tdb_put(&r);
	cr_expect_str_eq(pd_get_text(&r, PD_UPDATE_DATE), "2009-06-26",
			 "the caller's record is normalised too");
	pd_record_clear(&r);
	cr_assert_eq(tdb_get(PD_UPDATE, id, &got), PD_OK);
	cr_expect_str_eq(pd_get_text(&got, PD_UPDATE_DATE), "2009-06-26");
	pd_record_clear(&got);

	r = make_plan("Q", "Dates");
	pd_set_text(&r, PD_PLAN_START, "June 2009", (size_t)-1);
	pd_set_text(&r, PD_PLAN_END, "19.03.16", (size_t)-1);
	id = tdb_put(&r);
	pd_record_clear(&r);
	cr_assert_eq(tdb_get(PD_PLAN, id, &got), PD_OK);
	cr_expect_str_eq(pd_get_text(&got, PD_PLAN_START), "2009-06");
	cr_expect_str_eq(pd_get_text(&got, PD_PLAN_END), "2016-03-19");
	pd_record_clear(&got);
}

Test(store, bad_dates_are_invalid)
{
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t item = tdb_add(make_item(plan, "1", "Item"));
	static const char *const bad[] = { "31/02/2009", "not a date",
					   "15th May", "2009-13-01" };

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct pd_record r = make_update(item, bad[i], "text");
		struct pd_err err = { 0 };
		int rc = tdb_put_n(&r, 1, &err);

		/* store.h: pd_put returns PD_EINVAL for a bad date */
		cr_expect_eq(rc, PD_EINVAL, "\"%s\": rc %d (%s)", bad[i], rc, err.msg);
		cr_expect(strstr(err.msg, "date") != NULL, "message: %s", err.msg);
		pd_record_clear(&r);
	}
	cr_expect_eq(tdb_count(PD_UPDATE), 0);
}

/* --- unique keys -------------------------------------------------------- */

Test(store, plan_ref_is_unique_ignoring_case)
{
	uint64_t id = tdb_add(make_plan("c3bp", "First"));
	struct pd_record r = make_plan("C3BP", "Second");
	uint64_t got;
	struct pd_txn *txn;

	put_fails(&r, PD_ECONFLICT, "C3BP");
	pd_record_clear(&r);
	r = make_plan("C3BP", "Second");
	{
		struct pd_err err = { 0 };
		tdb_put_n(&r, 1, &err);
		cr_expect(strstr(err.msg, "already exists") != NULL, "%s", err.msg);
	}
	pd_record_clear(&r);
	cr_expect_eq(tdb_count(PD_PLAN), 1);
	cr_expect_eq(find_plan("C3bP"), id);

	/* updating the holder itself is not a conflict */
	cr_assert_eq(tdb_get(PD_PLAN, id, &r), PD_OK);
	pd_set_text(&r, PD_PLAN_REF, "C3BP", (size_t)-1);
	tdb_put(&r);
	pd_record_clear(&r);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_eq(pd_find_plan(txn, "c3bp", &got), PD_OK);
	cr_expect_eq(got, id);
	pd_txn_end(txn);
}

Test(store, item_ref_is_unique_within_its_plan)
{
	uint64_t p = tdb_add(make_plan("P", "Plan"));
	uint64_t q = tdb_add(make_plan("Q", "Other"));
	uint64_t i6a = tdb_add(make_item(p, "6a", "Item"));
	uint64_t q6a, got;
	struct pd_record r = make_item(p, "6A", "Same ref");
	struct pd_txn *txn;

	put_fails(&r, PD_ECONFLICT, "6A");
	pd_record_clear(&r);
	q6a = tdb_add(make_item(q, "6a", "Same ref in another plan"));
	cr_expect_neq(q6a, i6a);

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_eq(pd_find_item(txn, p, "6a", &got), PD_OK);
	cr_expect_eq(got, i6a);
	cr_expect_eq(pd_find_item(txn, q, "6A", &got), PD_OK);
	cr_expect_eq(got, q6a);
	cr_expect_eq(pd_find_item(txn, p, "7", &got), PD_NOTFOUND);
	cr_expect_eq(pd_find_item(txn, 9999, "6a", &got), PD_NOTFOUND);
	pd_txn_end(txn);

	/* moving Q's item into P clashes with P's 6a */
	cr_assert_eq(tdb_get(PD_ITEM, q6a, &r), PD_OK);
	pd_set_ref(&r, PD_ITEM_PLAN, p);
	put_fails(&r, PD_ECONFLICT, "already has");
	pd_record_clear(&r);
}

Test(store, org_name_is_folded)
{
	uint64_t zoe = tdb_add(make_org("Zo\xc3\xab's Place"));
	uint64_t fire = tdb_add(make_org("Fire Service"));
	struct pd_record r;
	char *a = NULL, *b = NULL;
	size_t an, bn;
	bool same;

	r = make_org("ZOE'S PLACE");
	put_fails(&r, PD_ECONFLICT, "ZOE'S PLACE");
	pd_record_clear(&r);
	r = make_org("fire service");
	put_fails(&r, PD_ECONFLICT, "already exists");
	pd_record_clear(&r);
	cr_expect_eq(find_org("zoe's place"), zoe);
	cr_expect_eq(find_org("ZO\xc3\x8b'S PLACE"), zoe);
	cr_expect_eq(find_org("FIRE SERVICE"), fire);
	cr_expect_eq(find_org("Fire"), 0);

	/* whitespace: the key is what pd_text_fold gives, nothing more */
	cr_assert_eq(pd_text_fold("Fire Service", 12, &a, &an), PD_OK);
	cr_assert_eq(pd_text_fold("fire  service", 13, &b, &bn), PD_OK);
	same = an == bn && !memcmp(a, b, an);
	free(a);
	free(b);
	r = make_org("fire  service");
	{
		struct pd_err err = { 0 };
		int rc = tdb_put_n(&r, 1, &err);
		cr_expect_eq(rc, same ? PD_ECONFLICT : PD_OK, "rc %d %s", rc, err.msg);
		cr_expect_eq(find_org("fire  service"), same ? fire : r.id);
	}
	pd_record_clear(&r);
}

Test(store, person_email_is_unique)
{
	uint64_t kp = tdb_add(make_person("Kim Pike", "KP", "k.pike@example.org", 0));
	struct pd_record r = make_person("Other Kim", "OK", "K.Pike@Example.ORG", 0);
	struct pd_txn *txn;
	uint64_t got;

	put_fails(&r, PD_ECONFLICT, "K.Pike@Example.ORG");
	pd_record_clear(&r);
	/* people without an e-mail never clash */
	tdb_add(make_person("No mail 1", NULL, NULL, 0));
	tdb_add(make_person("No mail 2", NULL, NULL, 0));
	cr_expect_eq(tdb_count(PD_PERSON), 3);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_eq(pd_find_person_email(txn, "K.PIKE@example.org", &got), PD_OK);
	cr_expect_eq(got, kp);
	cr_expect_eq(pd_find_person_email(txn, "nobody@example.org", &got),
		     PD_NOTFOUND);
	cr_expect_eq(pd_find_person_email(txn, "", &got), PD_NOTFOUND);
	pd_txn_end(txn);
}

Test(store, renaming_frees_the_old_key)
{
	uint64_t plan = tdb_add(make_plan("OLD", "Plan"));
	uint64_t org = tdb_add(make_org("Old Name"));
	uint64_t kp = tdb_add(make_person("Kim", NULL, "old@example.org", 0));
	struct pd_record r;
	struct pd_txn *txn;
	uint64_t got;

	cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
	pd_set_text(&r, PD_PLAN_REF, "NEW", 3);
	tdb_put(&r);
	pd_record_clear(&r);
	cr_assert_eq(tdb_get(PD_ORG, org, &r), PD_OK);
	pd_set_text(&r, PD_ORG_NAME, "New Name", (size_t)-1);
	tdb_put(&r);
	pd_record_clear(&r);
	cr_assert_eq(tdb_get(PD_PERSON, kp, &r), PD_OK);
	pd_set_text(&r, PD_PERSON_EMAIL, NULL, 0);   /* e-mail removed */
	tdb_put(&r);
	pd_record_clear(&r);

	cr_expect_eq(find_plan("OLD"), 0);
	cr_expect_eq(find_plan("new"), plan);
	cr_expect_eq(find_org("old name"), 0);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_eq(pd_find_person_email(txn, "old@example.org", &got), PD_NOTFOUND);
	pd_txn_end(txn);
	/* the old keys are free for new records */
	cr_expect_gt(tdb_add(make_plan("old", "Another")), plan);
	cr_expect_gt(tdb_add(make_org("OLD NAME")), org);
	cr_expect_gt(tdb_add(make_person("Jo", NULL, "old@example.org", 0)), kp);
	/* and deleting frees a key */
	{
		struct pd_err err = { 0 };
		cr_assert_eq(tdb_del(PD_PLAN, plan, &err), PD_OK);
	}
	cr_expect_eq(find_plan("NEW"), 0);
	cr_expect_gt(tdb_add(make_plan("NEW", "Reused")), plan);
}

struct swap_ctx { uint64_t a, b; };

/* Swap two plans' refs in one write, through a temporary ref. */
static int swap_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct swap_ctx *s = ctx;
	struct pd_record a, b;
	int rc;

	if ((rc = pd_get(txn, PD_PLAN, s->a, &a, err)) != PD_OK)
		return rc;
	if ((rc = pd_get(txn, PD_PLAN, s->b, &b, err)) != PD_OK) {
		pd_record_clear(&a);
		return rc;
	}
	pd_set_text(&a, PD_PLAN_REF, "TMP", 3);
	if ((rc = pd_put(txn, &a, err)) == PD_OK) {
		pd_set_text(&b, PD_PLAN_REF, "A", 1);
		rc = pd_put(txn, &b, err);
	}
	if (rc == PD_OK) {
		pd_set_text(&a, PD_PLAN_REF, "B", 1);
		rc = pd_put(txn, &a, err);
	}
	pd_record_clear(&a);
	pd_record_clear(&b);
	return rc;
}

Test(store, keys_swapped_in_one_write)
{
	struct swap_ctx s;
	struct pd_err err = { 0 };

	s.a = tdb_add(make_plan("A", "first"));
	s.b = tdb_add(make_plan("B", "second"));
	cr_assert_eq(tdb_write(swap_body, &s, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(find_plan("A"), s.b);
	cr_expect_eq(find_plan("B"), s.a);
	cr_expect_eq(find_plan("TMP"), 0);
}

/* --- delete cascades ---------------------------------------------------- */

struct tree {
	uint64_t plan, other, theme, item, sub, subsub, lone, action, subaction,
		 update, subupdate, meeting, person, org, keep_item, keep_action;
};

static void build_tree(struct tree *t)
{
	struct pd_record r;

	t->org = tdb_add(make_org("Org"));
	t->person = tdb_add(make_person("Kim", "KP", "kim@example.org", t->org));
	t->plan = tdb_add(make_plan("P", "Plan"));
	t->other = tdb_add(make_plan("Q", "Kept"));
	t->theme = tdb_add(make_theme(t->plan, "Theme", 1));
	r = make_item(t->plan, "1", "Item");
	pd_set_ref(&r, PD_ITEM_THEME, t->theme);
	pd_set_ref(&r, PD_ITEM_LEAD_PERSON, t->person);
	t->item = tdb_add(r);
	r = make_item(t->plan, "1a", "Sub-item");
	pd_set_ref(&r, PD_ITEM_PARENT, t->item);
	t->sub = tdb_add(r);
	r = make_item(t->plan, "1a.i", "Sub-sub-item");
	pd_set_ref(&r, PD_ITEM_PARENT, t->sub);
	t->subsub = tdb_add(r);
	t->lone = tdb_add(make_item(t->plan, "2", "Another item"));
	t->meeting = tdb_add(make_meeting(t->plan, "2009-06-26"));
	r = make_action(t->item, "Action");
	pd_refs_add(&r, PD_ACTION_OWNERS, t->person);
	pd_set_ref(&r, PD_ACTION_RAISED, t->meeting);
	t->action = tdb_add(r);
	r = make_action(t->sub, "Sub-item action");
	pd_refs_add(&r, PD_ACTION_OWNERS, t->person);
	t->subaction = tdb_add(r);
	r = make_update(t->item, "2009-06-26", "Update");
	pd_set_ref(&r, PD_UPDATE_MEETING, t->meeting);
	t->update = tdb_add(r);
	t->subupdate = tdb_add(make_update(t->subsub, "2009-07-01", "Sub update"));
	t->keep_item = tdb_add(make_item(t->other, "1", "Other plan's item"));
	r = make_action(t->keep_item, "Other plan's action");
	pd_refs_add(&r, PD_ACTION_OWNERS, t->person);
	t->keep_action = tdb_add(r);
}

static bool exists(enum pd_kind kind, uint64_t id)
{
	struct pd_txn *txn;
	bool yes;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	yes = pd_exists(txn, kind, id);
	pd_txn_end(txn);
	return yes;
}

Test(store, deleting_a_plan_removes_what_it_owns)
{
	struct tree t;
	struct pd_err err = { 0 };

	build_tree(&t);
	cr_assert_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, t.person), 3);
	cr_assert_eq(tdb_del(PD_PLAN, t.plan, &err), PD_OK, "%s", err.msg);
	cr_expect_not(exists(PD_PLAN, t.plan));
	cr_expect_not(exists(PD_THEME, t.theme));
	cr_expect_not(exists(PD_ITEM, t.item));
	cr_expect_not(exists(PD_ITEM, t.sub));
	cr_expect_not(exists(PD_ITEM, t.subsub));
	cr_expect_not(exists(PD_ITEM, t.lone));
	cr_expect_not(exists(PD_ACTION, t.action));
	cr_expect_not(exists(PD_ACTION, t.subaction));
	cr_expect_not(exists(PD_UPDATE, t.update));
	cr_expect_not(exists(PD_UPDATE, t.subupdate));
	cr_expect_not(exists(PD_MEETING, t.meeting));
	/* what it does not own stays */
	cr_expect(exists(PD_PLAN, t.other));
	cr_expect(exists(PD_ITEM, t.keep_item));
	cr_expect(exists(PD_ACTION, t.keep_action));
	cr_expect(exists(PD_PERSON, t.person));
	cr_expect(exists(PD_ORG, t.org));
	cr_expect_eq(tdb_count(PD_ITEM), 1);
	cr_expect_eq(tdb_count(PD_ACTION), 1);
	cr_expect_eq(tdb_count(PD_UPDATE), 0);
	cr_expect_eq(tdb_count(PD_MEETING), 0);
	cr_expect_eq(tdb_count(PD_THEME), 0);
	/* and the indexes are empty for them */
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PLAN, t.plan), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_THEMES_BY_PLAN, t.plan), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_MEETINGS_BY_PLAN, t.plan), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_MEETINGS_BY_DATE, 0), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PARENT, t.item), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PARENT, t.sub), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_ACTIONS_BY_ITEM, t.item), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_UPDATES_BY_ITEM, t.item), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, t.person), 1);
	cr_expect_eq(find_plan("P"), 0, "the plan's ref is still taken");
	{
		struct pd_txn *txn;
		uint64_t id;
		cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
		cr_expect_eq(pd_find_item(txn, t.plan, "1", &id), PD_NOTFOUND);
		cr_expect_eq(pd_find_item(txn, t.other, "1", &id), PD_OK);
		pd_txn_end(txn);
	}
}

Test(store, deleting_an_item_removes_what_it_owns)
{
	struct tree t;
	struct pd_err err = { 0 };

	build_tree(&t);
	cr_assert_eq(tdb_del(PD_ITEM, t.item, &err), PD_OK, "%s", err.msg);
	cr_expect_not(exists(PD_ITEM, t.item));
	cr_expect_not(exists(PD_ITEM, t.sub));
	cr_expect_not(exists(PD_ITEM, t.subsub));
	cr_expect_not(exists(PD_ACTION, t.action));
	cr_expect_not(exists(PD_ACTION, t.subaction));
	cr_expect_not(exists(PD_UPDATE, t.update));
	cr_expect_not(exists(PD_UPDATE, t.subupdate));
	/* the plan, its other item, theme and meeting stay */
	cr_expect(exists(PD_PLAN, t.plan));
	cr_expect(exists(PD_ITEM, t.lone));
	cr_expect(exists(PD_THEME, t.theme));
	cr_expect(exists(PD_MEETING, t.meeting));
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PLAN, t.plan), 1);
	cr_expect_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, t.person), 1);
	cr_expect_eq(tdb_count_ix(PD_IX_MEETINGS_BY_PLAN, t.plan), 1);
	cr_expect_eq(tdb_count(PD_UPDATE), 0);
}

Test(store, deleting_a_sub_item_removes_only_its_subtree)
{
	struct tree t;
	struct pd_err err = { 0 };

	build_tree(&t);
	cr_assert_eq(tdb_del(PD_ITEM, t.sub, &err), PD_OK, "%s", err.msg);
	cr_expect_not(exists(PD_ITEM, t.sub));
	cr_expect_not(exists(PD_ITEM, t.subsub));
	cr_expect_not(exists(PD_ACTION, t.subaction));
	cr_expect_not(exists(PD_UPDATE, t.subupdate));
	cr_expect(exists(PD_ITEM, t.item));
	cr_expect(exists(PD_ACTION, t.action));
	cr_expect(exists(PD_UPDATE, t.update));
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PARENT, t.item), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PLAN, t.plan), 2);
	cr_expect_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, t.person), 2);
}
