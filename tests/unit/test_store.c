/* test_store.c — records and ids: create, read, update, delete, and the
 * indexes kept in step with them. */
#include "storetest.h"

TestSuite(store, .init = tdb_setup, .fini = tdb_teardown);

/* --- helpers ------------------------------------------------------------ */

/* The ids under `parent` in `ix`, in cursor order. */
static size_t ix_ids(enum pd_index ix, uint64_t parent, unsigned flags,
		     uint64_t *ids, size_t max)
{
	struct pd_txn *txn;
	struct pd_cursor *cur;
	struct pd_err err = { 0 };
	uint64_t id;
	size_t n = 0;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_cursor_index(txn, ix, parent, flags, &cur, &err), PD_OK);
	while ((rc = pd_cursor_next(cur, &id, &err)) == PD_OK) {
		cr_assert_lt(n, max);
		ids[n++] = id;
	}
	cr_expect_eq(rc, PD_NOTFOUND, "cursor ended with %d %s", rc, err.msg);
	pd_cursor_close(cur);
	pd_txn_end(txn);
	return n;
}

static void expect_ids(const uint64_t *got, size_t n, const uint64_t *want,
		       size_t nwant, const char *what)
{
	cr_assert_eq(n, nwant, "%s: %zu ids, want %zu", what, n, nwant);
	for (size_t i = 0; i < n; i++)
		cr_expect_eq(got[i], want[i], "%s[%zu] = %llu, want %llu", what, i,
			     (unsigned long long)got[i], (unsigned long long)want[i]);
}

/* --- create / read / update / delete ------------------------------------ */

/* Create, read back, update one field, read back, for one record. */
static uint64_t crud_one(struct pd_record *r, int field, const char *newtext)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	struct pd_record got, upd;
	time_t t0 = time(NULL), t1;
	int64_t created;
	uint64_t id;

	id = tdb_put(r);
	t1 = time(NULL);
	cr_assert_eq(tdb_get(r->kind, id, &got), PD_OK, "%s %llu not read back",
		     ki->name, (unsigned long long)id);
	cr_expect_eq(got.id, id);
	cr_expect(pd_record_same_fields(&got, r), "%s fields differ", ki->name);
	cr_expect(got.created >= t0 && got.created <= t1, "%s created %lld",
		  ki->name, (long long)got.created);
	cr_expect_eq(got.updated, got.created);
	cr_expect_eq(r->created, got.created, "created not written back into r");
	created = got.created;

	/* update: created is kept whatever the caller says, updated is set */
	cr_assert_eq(pd_record_copy(&upd, &got), PD_OK);
	pd_record_clear(&got);
	cr_assert_eq(pd_set_text(&upd, field, newtext, (size_t)-1), PD_OK);
	upd.created = 12345;
	upd.updated = 0;
	t0 = time(NULL);
	cr_assert_eq(tdb_put(&upd), id, "update changed the id");
	t1 = time(NULL);
	cr_assert_eq(tdb_get(r->kind, id, &got), PD_OK);
	cr_expect_str_eq(pd_get_text(&got, field), newtext, "%s.%s not updated",
			 ki->name, ki->fields[field].name);
	cr_expect_eq(got.created, created, "%s: created changed by update",
		     ki->name);
	cr_expect(got.updated >= t0 && got.updated <= t1, "%s updated %lld",
		  ki->name, (long long)got.updated);
	cr_expect_geq(got.updated, got.created);
	pd_record_clear(&got);
	pd_record_clear(&upd);
	return id;
}

Test(store, crud_every_kind)
{
	uint64_t ids[PD_NKINDS];
	struct pd_record r;
	struct pd_err err = { 0 };

	r = make_org("Fire Service");
	pd_set_text(&r, PD_ORG_SERVICES, "Home safety visits", (size_t)-1);
	pd_set_text(&r, PD_ORG_VERIFIED, "2015-09-01", (size_t)-1);
	ids[PD_ORG] = crud_one(&r, PD_ORG_PHONE, "01632 960123");
	pd_record_clear(&r);

	r = make_person("Kim Pike", "KP", "k.pike@example.org", ids[PD_ORG]);
	pd_set_text(&r, PD_PERSON_ROLE, "Lead officer", (size_t)-1);
	ids[PD_PERSON] = crud_one(&r, PD_PERSON_MOBILE, "07700 900123");
	pd_record_clear(&r);

	r = make_plan("C3BP", "Children \xe2\x80\x94 plan");
	pd_set_text(&r, PD_PLAN_START, "2009-06", (size_t)-1);
	ids[PD_PLAN] = crud_one(&r, PD_PLAN_TITLE, "Renamed plan");
	pd_record_clear(&r);

	r = make_theme(ids[PD_PLAN], "Safety", 1);
	ids[PD_THEME] = crud_one(&r, PD_THEME_NAME, "Staying safe");
	pd_record_clear(&r);

	r = make_item(ids[PD_PLAN], "3", "Reduce accidents");
	pd_set_ref(&r, PD_ITEM_THEME, ids[PD_THEME]);
	pd_set_ref(&r, PD_ITEM_LEAD_PERSON, ids[PD_PERSON]);
	pd_set_int(&r, PD_ITEM_POSITION, 3);
	ids[PD_ITEM] = crud_one(&r, PD_ITEM_STATUS, "2");
	pd_record_clear(&r);

	r = make_meeting(ids[PD_PLAN], "2009-06-26");
	pd_refs_add(&r, PD_MEETING_PRESENT, ids[PD_PERSON]);
	ids[PD_MEETING] = crud_one(&r, PD_MEETING_LOCATION, "Town hall");
	pd_record_clear(&r);

	r = make_action(ids[PD_ITEM], "KP to e-mail the organisation");
	pd_refs_add(&r, PD_ACTION_OWNERS, ids[PD_PERSON]);
	pd_set_ref(&r, PD_ACTION_RAISED, ids[PD_MEETING]);
	pd_set_text(&r, PD_ACTION_DUE, "2009-07-01", (size_t)-1);
	ids[PD_ACTION] = crud_one(&r, PD_ACTION_STATE, "done");
	pd_record_clear(&r);

	r = make_update(ids[PD_ITEM], "2009-06-26", "On track");
	pd_set_ref(&r, PD_UPDATE_MEETING, ids[PD_MEETING]);
	ids[PD_UPDATE] = crud_one(&r, PD_UPDATE_STATUS, "3");
	pd_record_clear(&r);

	for (int k = 0; k < PD_NKINDS; k++) {
		cr_expect_eq(tdb_count(k), 1, "%s count", pd_kind_info(k)->name);
		for (int j = 0; j < k; j++)
			cr_expect_neq(ids[j], ids[k], "ids are shared between kinds");
	}
	/* delete leaves first (an update, then its action, …) */
	static const enum pd_kind order[] = { PD_UPDATE, PD_ACTION, PD_MEETING,
		PD_ITEM, PD_THEME, PD_PLAN, PD_PERSON, PD_ORG };
	for (size_t i = 0; i < PD_NKINDS; i++) {
		enum pd_kind k = order[i];
		cr_assert_eq(tdb_del(k, ids[k], &err), PD_OK, "del %s: %s",
			     pd_kind_info(k)->name, err.msg);
		cr_expect_eq(tdb_get(k, ids[k], &r), PD_NOTFOUND);
		pd_record_clear(&r);
		cr_expect_eq(tdb_count(k), 0);
		cr_expect_eq(tdb_del(k, ids[k], &err), PD_NOTFOUND, "second delete");
	}
}

Test(store, get_missing_and_update_missing)
{
	struct pd_record r, got;
	struct pd_err err = { 0 };
	struct pd_txn *txn;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_eq(pd_get(txn, PD_PLAN, 42, &got, &err), PD_NOTFOUND);
	cr_expect(strstr(err.msg, "42") != NULL, "message: %s", err.msg);
	cr_expect_not(pd_exists(txn, PD_PLAN, 42));
	pd_record_clear(&got);
	pd_txn_end(txn);

	r = make_plan("P", "Plan");
	r.id = 42;
	put_fails(&r, PD_NOTFOUND, NULL);
	cr_expect_eq(tdb_count(PD_PLAN), 0);
	pd_record_clear(&r);
}

Test(store, put_outside_a_write_is_refused)
{
	struct pd_record r = make_plan("P", "Plan");
	struct pd_txn *txn;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_expect_eq(pd_put(txn, &r, NULL), PD_EREADONLY);
	cr_expect_eq(pd_del(txn, PD_PLAN, 1, NULL), PD_EREADONLY);
	pd_txn_end(txn);
	pd_record_clear(&r);
	cr_expect_eq(tdb_count(PD_PLAN), 0);
}

Test(store, ids_are_never_reused)
{
	struct pd_err err = { 0 };
	uint64_t a, b, c, d;

	a = tdb_add(make_plan("A", "A"));
	cr_assert_eq(tdb_del(PD_PLAN, a, &err), PD_OK, "%s", err.msg);
	b = tdb_add(make_plan("A", "A again"));
	cr_expect_gt(b, a);
	c = tdb_add(make_org("Org"));
	cr_expect_gt(c, b, "ids are shared by every kind");
	cr_assert_eq(tdb_del(PD_ORG, c, &err), PD_OK);
	tdb_close();
	tdb_open(NULL);
	d = tdb_add(make_org("Org"));
	cr_expect_gt(d, c, "id counter lost across reopen");
}

Test(store, kind_cursor_in_id_order_and_reverse)
{
	uint64_t want[10], got[16], rev[10];
	char name[32];
	size_t n;

	for (int i = 0; i < 10; i++) {
		/* names in the opposite order to ids, so order is not by name */
		snprintf(name, sizeof name, "org %c", 'z' - i);
		want[i] = tdb_add(make_org(name));
		rev[9 - i] = want[i];
	}
	tdb_add(make_plan("P", "not an org"));
	n = kind_ids(PD_ORG, 0, got, 16);
	expect_ids(got, n, want, 10, "orgs");
	n = kind_ids(PD_ORG, PD_CUR_REVERSE, got, 16);
	expect_ids(got, n, rev, 10, "orgs reversed");
	n = kind_ids(PD_THEME, 0, got, 16);
	cr_expect_eq(n, 0);
	cr_expect_eq(tdb_count(PD_ORG), 10);
	cr_expect_eq(tdb_count(PD_PLAN), 1);
}

/* --- indexes ------------------------------------------------------------ */

Test(store, items_of_a_plan_by_position)
{
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t other = tdb_add(make_plan("Q", "Other"));
	static const int64_t pos[] = { 3, -1, 10, 2, -1000000000000ll };
	uint64_t ids[5], got[8], want[5];
	struct pd_record r;
	size_t n;

	for (int i = 0; i < 5; i++) {
		char ref[16];
		snprintf(ref, sizeof ref, "%d", i);
		r = make_item(plan, ref, "Item");
		pd_set_int(&r, PD_ITEM_POSITION, pos[i]);
		ids[i] = tdb_add(r);
	}
	tdb_add(make_item(other, "0", "Other plan's item"));
	/* positions -1e12, -1, 2, 3, 10 */
	want[0] = ids[4]; want[1] = ids[1]; want[2] = ids[3];
	want[3] = ids[0]; want[4] = ids[2];
	n = ix_ids(PD_IX_ITEMS_BY_PLAN, plan, 0, got, 8);
	expect_ids(got, n, want, 5, "items by position");
	n = ix_ids(PD_IX_ITEMS_BY_PLAN, plan, PD_CUR_REVERSE, got, 8);
	cr_assert_eq(n, 5);
	for (int i = 0; i < 5; i++)
		cr_expect_eq(got[i], want[4 - i], "reverse order at %d", i);
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PLAN, plan), 5);
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PLAN, other), 1);
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PLAN, 9999), 0);
	cr_expect_eq(ix_ids(PD_IX_ITEMS_BY_PLAN, 9999, 0, got, 8), 0);

	/* moving an item changes its place */
	cr_assert_eq(tdb_get(PD_ITEM, ids[2], &r), PD_OK);
	pd_set_int(&r, PD_ITEM_POSITION, -5);
	tdb_put(&r);
	pd_record_clear(&r);
	n = ix_ids(PD_IX_ITEMS_BY_PLAN, plan, 0, got, 8);
	cr_assert_eq(n, 5, "a moved item left its old entry behind");
	cr_expect_eq(got[0], ids[4]);
	cr_expect_eq(got[1], ids[2]);
	cr_expect_eq(got[2], ids[1]);
}

Test(store, sub_items_and_themes_by_position)
{
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t t2 = tdb_add(make_theme(plan, "Second", 2));
	uint64_t t1 = tdb_add(make_theme(plan, "First", 1));
	uint64_t parent = tdb_add(make_item(plan, "1", "Parent"));
	uint64_t got[4], want[2];
	struct pd_record r;
	uint64_t s1, s2;

	r = make_item(plan, "1b", "Second child");
	pd_set_ref(&r, PD_ITEM_PARENT, parent);
	pd_set_int(&r, PD_ITEM_POSITION, 2);
	s2 = tdb_add(r);
	r = make_item(plan, "1a", "First child");
	pd_set_ref(&r, PD_ITEM_PARENT, parent);
	pd_set_int(&r, PD_ITEM_POSITION, 1);
	s1 = tdb_add(r);
	want[0] = s1; want[1] = s2;
	expect_ids(got, ix_ids(PD_IX_ITEMS_BY_PARENT, parent, 0, got, 4), want, 2,
		   "sub-items");
	want[0] = t1; want[1] = t2;
	expect_ids(got, ix_ids(PD_IX_THEMES_BY_PLAN, plan, 0, got, 4), want, 2,
		   "themes");
}

Test(store, updates_of_an_item_by_date)
{
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t item = tdb_add(make_item(plan, "1", "Item"));
	uint64_t u[4], got[8], want[4];
	size_t n;

	u[0] = tdb_add(make_update(item, "26/06/2009", "b"));
	u[1] = tdb_add(make_update(item, "2010-03-01", "d"));
	u[2] = tdb_add(make_update(item, "15 January 2008", "a"));
	u[3] = tdb_add(make_update(item, "June 2009", "month, before the 26th"));
	want[0] = u[2]; want[1] = u[3]; want[2] = u[0]; want[3] = u[1];
	n = ix_ids(PD_IX_UPDATES_BY_ITEM, item, 0, got, 8);
	expect_ids(got, n, want, 4, "updates by date");
	n = ix_ids(PD_IX_UPDATES_BY_ITEM, item, PD_CUR_REVERSE, got, 8);
	cr_assert_eq(n, 4);
	cr_expect_eq(got[0], u[1], "newest first");
	cr_expect_eq(got[3], u[2], "oldest last");
}

Test(store, actions_by_owner_and_by_item)
{
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t item = tdb_add(make_item(plan, "1", "Item"));
	uint64_t kp = tdb_add(make_person("Kim Pike", "KP", NULL, 0));
	uint64_t jd = tdb_add(make_person("Jo Dee", "JD", NULL, 0));
	uint64_t a1, a2, a3, got[8], want[3];
	struct pd_record r;

	r = make_action(item, "both, due later");
	pd_refs_add(&r, PD_ACTION_OWNERS, kp);
	pd_refs_add(&r, PD_ACTION_OWNERS, jd);
	pd_set_text(&r, PD_ACTION_DUE, "2009-08-01", (size_t)-1);
	pd_set_int(&r, PD_ACTION_POSITION, 2);
	a1 = tdb_add(r);
	r = make_action(item, "KP, due sooner");
	pd_refs_add(&r, PD_ACTION_OWNERS, kp);
	pd_set_text(&r, PD_ACTION_DUE, "01/07/2009", (size_t)-1);
	pd_set_int(&r, PD_ACTION_POSITION, 1);
	a2 = tdb_add(r);
	a3 = tdb_add(make_action(item, "nobody's"));

	want[0] = a2; want[1] = a1;
	expect_ids(got, ix_ids(PD_IX_ACTIONS_BY_OWNER, kp, 0, got, 8), want, 2,
		   "KP's actions by due date");
	want[0] = a1;
	expect_ids(got, ix_ids(PD_IX_ACTIONS_BY_OWNER, jd, 0, got, 8), want, 1,
		   "JD's actions");
	cr_expect_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, kp), 2);
	cr_expect_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, jd), 1);
	cr_expect_eq(tdb_count_ix(PD_IX_ACTIONS_BY_ITEM, item), 3);
	/* position 0 (unset) sorts before 1 and 2 */
	want[0] = a3; want[1] = a2; want[2] = a1;
	expect_ids(got, ix_ids(PD_IX_ACTIONS_BY_ITEM, item, 0, got, 8), want, 3,
		   "actions by position");

	/* drop JD from the shared action */
	cr_assert_eq(tdb_get(PD_ACTION, a1, &r), PD_OK);
	cr_assert_eq(pd_refs_remove(&r, PD_ACTION_OWNERS, jd), PD_OK);
	tdb_put(&r);
	pd_record_clear(&r);
	cr_expect_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, jd), 0);
	cr_expect_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, kp), 2);
}

Test(store, people_by_org_and_moves)
{
	uint64_t fire = tdb_add(make_org("Fire Service"));
	uint64_t police = tdb_add(make_org("Police"));
	uint64_t p1 = tdb_add(make_person("A", NULL, NULL, fire));
	uint64_t p2 = tdb_add(make_person("B", NULL, NULL, fire));
	uint64_t p3 = tdb_add(make_person("C", NULL, NULL, police));
	uint64_t got[8], want[3];
	struct pd_record r;
	struct pd_err err = { 0 };

	tdb_add(make_person("No org", NULL, NULL, 0));
	want[0] = p1; want[1] = p2;
	expect_ids(got, ix_ids(PD_IX_PEOPLE_BY_ORG, fire, 0, got, 8), want, 2,
		   "fire");
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, 0), 0,
		     "a person without an org is indexed under 0");

	/* move p1 to the police */
	cr_assert_eq(tdb_get(PD_PERSON, p1, &r), PD_OK);
	pd_set_ref(&r, PD_PERSON_ORG, police);
	tdb_put(&r);
	pd_record_clear(&r);
	want[0] = p2;
	expect_ids(got, ix_ids(PD_IX_PEOPLE_BY_ORG, fire, 0, got, 8), want, 1,
		   "fire after the move");
	want[0] = p1; want[1] = p3;
	expect_ids(got, ix_ids(PD_IX_PEOPLE_BY_ORG, police, 0, got, 8), want, 2,
		   "police after the move");

	/* unlinking and deleting drop the entries */
	cr_assert_eq(tdb_get(PD_PERSON, p2, &r), PD_OK);
	pd_set_ref(&r, PD_PERSON_ORG, 0);
	tdb_put(&r);
	pd_record_clear(&r);
	cr_expect_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, fire), 0);
	cr_assert_eq(tdb_del(PD_PERSON, p3, &err), PD_OK, "%s", err.msg);
	want[0] = p1;
	expect_ids(got, ix_ids(PD_IX_PEOPLE_BY_ORG, police, 0, got, 8), want, 1,
		   "police after the delete");

	/* deleting an org leaves its people, linking to nothing */
	cr_assert_eq(tdb_del(PD_ORG, police, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(tdb_get(PD_PERSON, p1, &r), PD_OK);
	cr_expect_eq(pd_get_ref(&r, PD_PERSON_ORG), police);
	pd_record_clear(&r);
	cr_expect_eq(tdb_count(PD_PERSON), 3);
}

Test(store, meetings_by_date_and_by_plan)
{
	uint64_t p = tdb_add(make_plan("P", "Plan"));
	uint64_t q = tdb_add(make_plan("Q", "Other"));
	uint64_t m1 = tdb_add(make_meeting(p, "2010-01-05"));
	uint64_t m2 = tdb_add(make_meeting(q, "2009-12-01"));
	uint64_t m3 = tdb_add(make_meeting(p, "26th June 2009"));
	uint64_t got[8], want[3];
	struct pd_record r;
	struct pd_err err = { 0 };

	want[0] = m3; want[1] = m2; want[2] = m1;
	expect_ids(got, ix_ids(PD_IX_MEETINGS_BY_DATE, 0, 0, got, 8), want, 3,
		   "all meetings by date");
	want[0] = m3; want[1] = m1;
	expect_ids(got, ix_ids(PD_IX_MEETINGS_BY_PLAN, p, 0, got, 8), want, 2,
		   "P's meetings");
	want[0] = m1; want[1] = m2; want[2] = m3;
	expect_ids(got, ix_ids(PD_IX_MEETINGS_BY_DATE, 0, PD_CUR_REVERSE, got, 8),
		   want, 3, "newest first");

	/* re-dating a meeting moves it */
	cr_assert_eq(tdb_get(PD_MEETING, m1, &r), PD_OK);
	pd_set_text(&r, PD_MEETING_DATE, "2001-01-01", (size_t)-1);
	tdb_put(&r);
	pd_record_clear(&r);
	cr_assert_eq(ix_ids(PD_IX_MEETINGS_BY_DATE, 0, 0, got, 8), 3);
	cr_expect_eq(got[0], m1);
	cr_assert_eq(tdb_del(PD_MEETING, m2, &err), PD_OK);
	cr_expect_eq(tdb_count_ix(PD_IX_MEETINGS_BY_DATE, 0), 2);
	cr_expect_eq(tdb_count_ix(PD_IX_MEETINGS_BY_PLAN, q), 0);
}
