/* test_store.c — records, ids, indexes, unique keys, cascades, writes, map
 * growth, schema check, file modes, read-only use and a second process. */
#include "testdb.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include <lmdb.h>

#include "plandesk/base/text.h"

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

static size_t kind_ids(enum pd_kind kind, unsigned flags, uint64_t *ids,
		       size_t max)
{
	struct pd_txn *txn;
	struct pd_cursor *cur;
	uint64_t id;
	size_t n = 0;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_cursor_kind(txn, kind, flags, &cur, NULL), PD_OK);
	while ((rc = pd_cursor_next(cur, &id, NULL)) == PD_OK) {
		cr_assert_lt(n, max);
		ids[n++] = id;
	}
	cr_expect_eq(rc, PD_NOTFOUND);
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

/* Put a record expecting failure `want`; returns the message. */
static void put_fails(struct pd_record *r, int want, const char *needle)
{
	struct pd_err err = { 0 };
	uint64_t id = r->id;
	int rc = tdb_put_n(r, 1, &err);

	cr_expect_eq(rc, want, "pd_put %s: got %d (%s), want %d",
		     pd_kind_info(r->kind)->name, rc, err.msg, want);
	cr_expect_eq(err.code, want);
	if (needle)
		cr_expect(strstr(err.msg, needle) != NULL,
			  "message \"%s\" does not mention \"%s\"", err.msg, needle);
	cr_expect_eq(r->id, id, "a failed create left an id in the record");
}

static uint64_t find_plan(const char *ref)
{
	struct pd_txn *txn;
	uint64_t id = 0;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_find_plan(txn, ref, &id);
	pd_txn_end(txn);
	cr_assert(rc == PD_OK || rc == PD_NOTFOUND);
	return rc == PD_OK ? id : 0;
}

static uint64_t find_org(const char *name)
{
	struct pd_txn *txn;
	uint64_t id = 0;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_find_org(txn, name, &id);
	pd_txn_end(txn);
	cr_assert(rc == PD_OK || rc == PD_NOTFOUND);
	return rc == PD_OK ? id : 0;
}

static uint64_t changes(void)
{
	uint64_t n = 0;

	cr_assert_eq(pd_store_changes(tdb.st, &n, NULL), PD_OK);
	return n;
}

static struct pd_record make_theme(uint64_t plan, const char *name, int64_t pos)
{
	struct pd_record r;

	pd_record_init(&r, PD_THEME);
	pd_set_ref(&r, PD_THEME_PLAN, plan);
	pd_set_text(&r, PD_THEME_NAME, name, (size_t)-1);
	pd_set_int(&r, PD_THEME_POSITION, pos);
	return r;
}

static struct pd_record make_action(uint64_t item, const char *text)
{
	struct pd_record r;

	pd_record_init(&r, PD_ACTION);
	pd_set_ref(&r, PD_ACTION_ITEM, item);
	pd_set_text(&r, PD_ACTION_TEXT, text, (size_t)-1);
	return r;
}

static struct pd_record make_update(uint64_t item, const char *date,
				    const char *text)
{
	struct pd_record r;

	pd_record_init(&r, PD_UPDATE);
	pd_set_ref(&r, PD_UPDATE_ITEM, item);
	pd_set_text(&r, PD_UPDATE_DATE, date, (size_t)-1);
	pd_set_text(&r, PD_UPDATE_TEXT, text, (size_t)-1);
	return r;
}

static struct pd_record make_meeting(uint64_t plan, const char *date)
{
	struct pd_record r;

	pd_record_init(&r, PD_MEETING);
	pd_set_ref(&r, PD_MEETING_PLAN, plan);
	pd_set_text(&r, PD_MEETING_DATE, date, (size_t)-1);
	return r;
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

/* --- writes ------------------------------------------------------------- */

static int failing_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record r = make_plan("F", "Failed");
	uint64_t *id = ctx;
	int rc = pd_put(txn, &r, err);

	*id = r.id;
	pd_record_clear(&r);
	if (rc != PD_OK)
		return rc;
	r = make_org("Also failed");
	rc = pd_put(txn, &r, err);
	pd_record_clear(&r);
	if (rc != PD_OK)
		return rc;
	return pd_err_set(err, PD_EPARSE, "the body gave up");
}

Test(store, failed_write_leaves_nothing)
{
	struct pd_err err = { 0 };
	uint64_t before = changes(), id = 0;
	size_t nundo = 99;

	tdb_add(make_org("Existing"));
	before = changes();
	cr_expect_eq(pd_store_write(tdb.st, "fail", 0, failing_body, &id, &err),
		     PD_EPARSE);
	cr_expect_str_eq(err.msg, "the body gave up");
	cr_expect_neq(id, 0, "the body ran");
	cr_expect_eq(tdb_count(PD_PLAN), 0);
	cr_expect_eq(tdb_count(PD_ORG), 1);
	cr_expect_eq(find_plan("F"), 0);
	cr_expect_eq(find_org("Also failed"), 0);
	cr_expect_eq(changes(), before);
	cr_assert_eq(pd_store_history(tdb.st, &nundo, NULL, NULL, 0, NULL), PD_OK);
	cr_expect_eq(nundo, 1, "a failed write entered the journal");
}

Test(store, dry_run_writes_nothing)
{
	struct pd_record r = make_plan("D", "Dry");
	struct tdb_puts p = { &r, 1, { 0 } };
	struct pd_err err = { 0 };
	uint64_t before = changes();
	size_t nundo = 99;

	cr_expect_eq(pd_store_write(tdb.st, "dry", PD_W_DRY_RUN, tdb_puts_body, &p,
				    &err), PD_OK, "%s", err.msg);
	cr_expect_neq(r.id, 0, "the body ran");
	pd_record_clear(&r);
	cr_expect_eq(tdb_count(PD_PLAN), 0);
	cr_expect_eq(find_plan("D"), 0);
	cr_expect_eq(changes(), before);
	cr_assert_eq(pd_store_history(tdb.st, &nundo, NULL, NULL, 0, NULL), PD_OK);
	cr_expect_eq(nundo, 0);

	/* a dry run still runs every check */
	tdb_add(make_plan("D", "Real"));
	r = make_plan("d", "Dry clash");
	p.ids[0] = 0;
	cr_expect_eq(pd_store_write(tdb.st, "dry", PD_W_DRY_RUN, tdb_puts_body, &p,
				    &err), PD_ECONFLICT);
	pd_record_clear(&r);
	cr_expect_eq(tdb_count(PD_PLAN), 1);
}

Test(store, change_counter_moves_on_each_write)
{
	uint64_t c0 = changes(), c1, c2;
	struct pd_record r;

	tdb_add(make_org("One"));
	c1 = changes();
	cr_expect_gt(c1, c0);
	r = make_org("One");   /* conflict: nothing committed */
	put_fails(&r, PD_ECONFLICT, NULL);
	pd_record_clear(&r);
	cr_expect_eq(changes(), c1);
	tdb_add(make_org("Two"));
	c2 = changes();
	cr_expect_gt(c2, c1);
}

/* --- map growth --------------------------------------------------------- */

struct people_ctx { int n; int start; };

static int people_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct people_ctx *c = ctx;
	char name[32], notes[201];
	int rc = PD_OK;

	memset(notes, 'n', 200);
	notes[200] = '\0';
	for (int i = 0; i < c->n && rc == PD_OK; i++) {
		struct pd_record r;
		snprintf(name, sizeof name, "Person %d", c->start + i);
		r = make_person(name, NULL, NULL, 0);
		memcpy(notes, name, strlen(name));
		pd_set_text(&r, PD_PERSON_NOTES, notes, 200);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

Test(store, map_grows_for_one_big_write_and_many_small)
{
	struct pd_open_opts opts = { .map_size = 64u << 10 };
	struct people_ctx c = { 2000, 0 };
	struct pd_err err = { 0 };
	size_t start;

	tdb_close();
	snprintf(tdb.path, sizeof tdb.path, "%s/small.db", tdb.dir);
	tdb_open(&opts);
	start = pd_store_map_size(tdb.st);
	cr_assert_lt(start, 1u << 20, "map size %zu: the option was ignored", start);
	cr_assert_eq(tdb_write(people_body, &c, &err), PD_OK, "%s", err.msg);
	cr_expect_gt(pd_store_map_size(tdb.st), start);
	cr_expect_eq(tdb_count(PD_PERSON), 2000);
	start = pd_store_map_size(tdb.st);
	for (int i = 0; i < 100; i++) {
		c.n = 20;
		c.start = 2000 + 20 * i;
		cr_assert_eq(tdb_write(people_body, &c, &err), PD_OK,
			     "write %d: %s", i, err.msg);
	}
	cr_expect_gt(pd_store_map_size(tdb.st), start);
	cr_expect_eq(tdb_count(PD_PERSON), 4000);

	/* reopened (again with the small map): everything is there */
	tdb_close();
	tdb_open(&opts);
	cr_expect_eq(tdb_count(PD_PERSON), 4000);
	{
		uint64_t *ids = calloc(4000, sizeof *ids);
		struct pd_record r;
		cr_assert_eq(kind_ids(PD_PERSON, PD_CUR_REVERSE, ids, 4000), 4000);
		cr_assert_eq(tdb_get(PD_PERSON, ids[0], &r), PD_OK);
		free(ids);
		cr_expect_str_eq(pd_get_text(&r, PD_PERSON_NAME), "Person 3999");
		cr_expect_eq(r.v[PD_PERSON_NOTES].n, 200);
		pd_record_clear(&r);
	}
	/* and it can still be written */
	c.n = 500;
	c.start = 4000;
	cr_expect_eq(tdb_write(people_body, &c, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(tdb_count(PD_PERSON), 4500);
}

/* --- the file ----------------------------------------------------------- */

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long len;

	cr_assert_not_null(f, "open %s: %s", path, strerror(errno));
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	cr_assert_gt(len, 0);
	rewind(f);
	p = malloc((size_t)len);
	cr_assert_not_null(p);
	cr_assert_eq(fread(p, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return p;
}

/* Put key → n bytes in the named database `db` of the LMDB file at path,
 * behind the store's back (creating the database). */
static void raw_put(const char *path, const char *db, const char *key,
		    const void *bytes, size_t n)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = { strlen(key), (void *)key }, v = { n, (void *)bytes };

	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 32), 0);
	cr_assert_eq(mdb_env_open(env, path, MDB_NOSUBDIR, 0600), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, db, MDB_CREATE, &dbi), 0);
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

static void raw_put_meta(const char *path, const char *key, uint64_t value)
{
	unsigned char b[8];

	pd_put_be64(b, value);
	raw_put(path, "meta", key, b, 8);
}

Test(store, newer_schema_is_refused_untouched)
{
	struct pd_store *st = (struct pd_store *)1;
	struct pd_open_opts ro = { .read_only = true };
	struct pd_err err = { 0 };
	char *before, *after;
	size_t nb, na;

	tdb_add(make_plan("P", "Plan"));
	tdb_close();
	raw_put_meta(tdb.path, "schema", 99);
	before = slurp(tdb.path, &nb);

	cr_expect_eq(pd_store_open(tdb.path, NULL, &st, &err), PD_ESCHEMA,
		     "%s", err.msg);
	cr_expect_null(st);
	cr_expect(strstr(err.msg, "newer") != NULL, "message: %s", err.msg);
	cr_expect(strstr(err.msg, "99") != NULL, "message: %s", err.msg);
	err.msg[0] = '\0';
	cr_expect_eq(pd_store_open(tdb.path, &ro, &st, &err), PD_ESCHEMA,
		     "read-only: %s", err.msg);
	cr_expect_null(st);

	after = slurp(tdb.path, &na);
	cr_expect_eq(na, nb, "file size changed");
	cr_expect(na == nb && !memcmp(before, after, nb), "file bytes changed");
	free(before);
	free(after);

	/* this build's own version is fine */
	raw_put_meta(tdb.path, "schema", PD_SCHEMA_VERSION);
	tdb_open(NULL);
	cr_expect_eq(tdb_count(PD_PLAN), 1);
}

/* Opening `path` fails with `code`, the message has `what`, and not a byte
 * of the file changed. */
static void refused_untouched(const char *path, int code, const char *what)
{
	struct pd_open_opts ro = { .read_only = true };
	struct pd_store *st = (struct pd_store *)1;
	struct pd_err err = { 0 };
	size_t nb, na;
	char *before = slurp(path, &nb), *after;

	cr_expect_eq(pd_store_open(path, NULL, &st, &err), code, "%s", err.msg);
	cr_expect_null(st);
	cr_expect(strstr(err.msg, what) != NULL, "message: %s", err.msg);
	cr_expect(strstr(err.msg, "nothing was changed") != NULL, "message: %s",
		  err.msg);
	st = (struct pd_store *)1;
	cr_expect_eq(pd_store_open(path, &ro, &st, &err), code, "read-only: %s",
		     err.msg);
	cr_expect_null(st);
	after = slurp(path, &na);
	cr_expect(na == nb && !memcmp(before, after, nb), "file bytes changed");
	free(before);
	free(after);
}

Test(store, damaged_schema_is_refused_untouched)
{
	tdb_add(make_plan("P", "Plan"));
	tdb_close();
	raw_put(tdb.path, "meta", "schema", "\0\0\0\1", 4);
	refused_untouched(tdb.path, PD_ECORRUPT, "schema version is 4 bytes long");
	raw_put(tdb.path, "meta", "schema", "", 0);
	refused_untouched(tdb.path, PD_ECORRUPT, "schema version is 0 bytes long");
}

Test(store, another_programs_lmdb_file_is_refused_untouched)
{
	char path[160];

	snprintf(path, sizeof path, "%s/other.mdb", tdb.dir);
	raw_put(path, "settings", "colour", "blue", 4);
	refused_untouched(path, PD_ECORRUPT, "not a plandesk database");
}

/* Past the file-size limit a save fails, says so, and changes nothing. */
Test(store, save_past_the_file_size_limit)
{
	struct people_ctx c = { 2000, 0 };
	struct pd_err err = { 0 };
	struct rlimit old, rl;
	struct stat sb;
	uint64_t before;

	tdb_add(make_org("Existing"));
	before = changes();
	cr_assert_eq(stat(tdb.path, &sb), 0);
	signal(SIGXFSZ, SIG_IGN);   /* as main.c: EFBIG, not a kill */
	cr_assert_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	rl = old;
	rl.rlim_cur = (rlim_t)sb.st_size + (64u << 10);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	cr_expect_eq(tdb_write(people_body, &c, &err), PD_EIO, "%s", err.msg);
	cr_expect(strstr(err.msg, "file-size limit") != NULL, "message: %s", err.msg);
	cr_expect(strstr(err.msg, tdb.path) != NULL, "message: %s", err.msg);
	cr_expect(strstr(err.msg, "nothing was changed") != NULL, "message: %s",
		  err.msg);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &old), 0);
	cr_expect_eq(tdb_count(PD_PERSON), 0);
	cr_expect_eq(changes(), before);
	tdb_close();
	tdb_open(NULL);
	cr_expect_eq(tdb_count(PD_PERSON), 0);
	cr_expect_eq(tdb_count(PD_ORG), 1);
	cr_expect_eq(tdb_write(people_body, &c, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(tdb_count(PD_PERSON), 2000);
}

Test(store, not_a_database)
{
	struct pd_store *st = NULL;
	struct pd_err err = { 0 };
	char path[160];
	FILE *f;

	snprintf(path, sizeof path, "%s/junk.db", tdb.dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	for (int i = 0; i < 4096; i++)
		fputc("plandesk"[i % 8], f);
	fclose(f);
	cr_expect_neq(pd_store_open(path, NULL, &st, &err), PD_OK);
	cr_expect_null(st);
	cr_expect_neq(err.msg[0], '\0');
}

Test(store, file_modes)
{
	struct pd_store *st;
	struct pd_err err = { 0 };
	char path[200], lock[210], dir[160];
	struct stat sb;
	mode_t old = umask(022);

	snprintf(dir, sizeof dir, "%s/new", tdb.dir);
	snprintf(path, sizeof path, "%s/deeper/plandesk.db", dir);
	snprintf(lock, sizeof lock, "%s-lock", path);
	cr_assert_eq(pd_store_open(path, NULL, &st, &err), PD_OK, "%s", err.msg);
	umask(old);
	cr_expect_str_eq(pd_store_file(st), path);
	cr_expect_not(pd_store_is_read_only(st));
	pd_store_close(st);
	cr_assert_eq(stat(path, &sb), 0);
	cr_expect_eq(sb.st_mode & 07777, 0600, "db mode %o", sb.st_mode & 07777);
	cr_assert_eq(stat(lock, &sb), 0, "no %s", lock);
	cr_expect_eq(sb.st_mode & 07777, 0600, "lock mode %o", sb.st_mode & 07777);
	cr_assert_eq(stat(dir, &sb), 0);
	cr_expect(S_ISDIR(sb.st_mode));
	cr_expect_eq(sb.st_mode & 07777, 0700, "dir mode %o", sb.st_mode & 07777);
	snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/deeper");
	cr_assert_eq(stat(dir, &sb), 0);
	cr_expect_eq(sb.st_mode & 07777, 0700, "dir mode %o", sb.st_mode & 07777);
}

static int nop_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record r = make_org("Should not be written");
	int rc = pd_put(txn, &r, err);

	pd_record_clear(&r);
	return rc;
}

Test(store, read_only_open)
{
	struct pd_open_opts ro = { .read_only = true };
	struct pd_store *st = NULL;
	struct pd_err err = { 0 };
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	struct pd_record r;
	char missing[160];

	tdb_add(make_item(plan, "1", "Item"));
	tdb_close();
	tdb_open(&ro);
	cr_expect(pd_store_is_read_only(tdb.st));
	cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
	cr_expect_str_eq(pd_get_text(&r, PD_PLAN_REF), "P");
	pd_record_clear(&r);
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PLAN, plan), 1);
	cr_expect_eq(find_plan("p"), plan);
	cr_expect_eq(pd_store_write(tdb.st, "x", 0, nop_body, NULL, &err),
		     PD_EREADONLY);
	cr_expect_neq(err.msg[0], '\0');
	cr_expect_eq(pd_store_undo(tdb.st, NULL, 0, NULL), PD_EREADONLY);
	cr_expect_eq(tdb_count(PD_ORG), 0);

	/* read-only never creates a file */
	snprintf(missing, sizeof missing, "%s/missing.db", tdb.dir);
	cr_expect_neq(pd_store_open(missing, &ro, &st, &err), PD_OK);
	cr_expect_null(st);
	cr_expect_neq(access(missing, F_OK), 0, "read-only open created a file");
}

/* --- two processes ------------------------------------------------------ */

static int child_writes(const char *path, uint64_t org)
{
	struct pd_store *st;
	int rc = pd_store_open(path, NULL, &st, NULL);

	if (rc != PD_OK)
		return 10 + rc;
	for (int i = 0; i < 200 && rc == PD_OK; i++) {
		char name[32];
		struct pd_record r;
		struct tdb_puts p = { &r, 1, { 0 } };

		snprintf(name, sizeof name, "Child %d", i);
		r = make_person(name, NULL, NULL, org);
		rc = pd_store_write(st, "child", 0, tdb_puts_body, &p, NULL);
		pd_record_clear(&r);
	}
	pd_store_close(st);
	return rc == PD_OK ? 0 : 50 + rc;
}

/* One snapshot: people == people of the org; returns the number. */
static size_t snapshot(uint64_t org)
{
	struct pd_txn *txn;
	size_t people = 0, indexed = 0;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_count_kind(txn, PD_PERSON, &people), PD_OK);
	cr_assert_eq(pd_count_index(txn, PD_IX_PEOPLE_BY_ORG, org, &indexed), PD_OK);
	pd_txn_end(txn);
	cr_assert_eq(people, indexed, "snapshot: %zu people, %zu indexed", people,
		     indexed);
	return people;
}

Test(store, reader_sees_consistent_snapshots_while_another_process_writes)
{
	uint64_t org = tdb_add(make_org("Org"));
	uint64_t c0, last, c;
	size_t seen = 0, n, rounds = 0;
	int status = 0;
	pid_t pid, w;

	tdb_add(make_person("Parent's", NULL, NULL, org));
	c0 = last = changes();
	fflush(NULL);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0)
		_exit(child_writes(tdb.path, org));
	do {
		w = waitpid(pid, &status, WNOHANG);
		n = snapshot(org);
		cr_assert_geq(n, seen, "people went from %zu to %zu", seen, n);
		seen = n;
		c = changes();
		cr_assert_geq(c, last, "change counter went back: %llu then %llu",
			      (unsigned long long)last, (unsigned long long)c);
		last = c;
		rounds++;
	} while (w == 0);
	cr_assert_eq(w, pid);
	cr_assert(WIFEXITED(status), "child did not exit normally");
	cr_assert_eq(WEXITSTATUS(status), 0, "child failed with %d",
		     WEXITSTATUS(status));
	cr_expect_eq(snapshot(org), 201);
	cr_expect_eq(tdb_count(PD_PERSON), 201);
	cr_expect_geq(changes(), c0 + 200, "the child's writes are not counted");
	cr_expect_gt(rounds, 0);
	/* this process can still write after the other one */
	tdb_add(make_person("Parent's second", NULL, NULL, org));
	cr_expect_eq(snapshot(org), 202);
}

/* --- more edges --------------------------------------------------------- */

/*
 * Unique keys are cut to stay under LMDB's 511-byte key limit.  A long name
 * in a script of 2-byte letters (Cyrillic) must still be storable.
 */
Test(store, long_names_fit_the_key_limit)
{
	char name[1024] = "";
	struct pd_record r;
	struct pd_err err = { 0 };
	int rc;

	for (int i = 0; i < 300; i++)
		strcat(name, "\xd0\xb4");   /* д: 2 bytes, 1 column */
	r = make_org(name);
	rc = tdb_put_n(&r, 1, &err);
	cr_expect_eq(rc, PD_OK, "600-byte Cyrillic org name: %d %s", rc, err.msg);
	if (rc == PD_OK)
		cr_expect_eq(find_org(name), r.id);
	pd_record_clear(&r);

	memset(name, 'x', 1000);
	name[1000] = '\0';
	r = make_plan(name, "A very long ref");
	rc = tdb_put_n(&r, 1, &err);
	cr_expect_eq(rc, PD_OK, "1000-byte ASCII plan ref: %d %s", rc, err.msg);
	pd_record_clear(&r);
}

/* A parent chain must not loop: deleting such an item would never end. */
Test(store, item_cannot_become_its_own_ancestor)
{
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t a = tdb_add(make_item(plan, "a", "A"));
	struct pd_record r = make_item(plan, "b", "B");
	uint64_t b;

	pd_set_ref(&r, PD_ITEM_PARENT, a);
	b = tdb_add(r);
	cr_assert_eq(tdb_get(PD_ITEM, a, &r), PD_OK);
	pd_set_ref(&r, PD_ITEM_PARENT, b);
	/* cr_assert: if this were stored, deleting A or the plan recurses
	 * without end (pd_del A -> sub-item B -> sub-item A -> ...). */
	{
		struct pd_err err = { 0 };
		int rc = tdb_put_n(&r, 1, &err);
		pd_record_clear(&r);
		cr_assert_eq(rc, PD_EINVAL, "a parent loop A -> B -> A was stored (rc %d)",
			     rc);
	}
}

/*
 * pd_del leaves links from records it does not own (a person's
 * organisation, an action's owner); pd_put checks that *required* links
 * are live.  Editing some other field of such a record must still work.
 */
Test(store, dangling_optional_link_does_not_block_edits)
{
	uint64_t org = tdb_add(make_org("Closed down"));
	uint64_t kp = tdb_add(make_person("Kim", "KP", NULL, org));
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	uint64_t item = tdb_add(make_item(plan, "1", "Item"));
	struct pd_record r = make_action(item, "Call");
	struct pd_err err = { 0 };
	uint64_t action;
	int rc;

	pd_refs_add(&r, PD_ACTION_OWNERS, kp);
	action = tdb_add(r);
	cr_assert_eq(tdb_del(PD_ORG, org, &err), PD_OK);
	cr_assert_eq(tdb_get(PD_PERSON, kp, &r), PD_OK);
	cr_assert_eq(pd_get_ref(&r, PD_PERSON_ORG), org, "pd_del changed the link");
	pd_set_text(&r, PD_PERSON_PHONE, "01632 960123", (size_t)-1);
	rc = tdb_put_n(&r, 1, &err);
	cr_expect_eq(rc, PD_OK, "editing the phone of a person whose org was "
		     "deleted: %d %s", rc, err.msg);
	pd_record_clear(&r);

	cr_assert_eq(tdb_del(PD_PERSON, kp, &err), PD_OK);
	cr_assert_eq(tdb_get(PD_ACTION, action, &r), PD_OK);
	pd_set_text(&r, PD_ACTION_STATE, "done", (size_t)-1);
	rc = tdb_put_n(&r, 1, &err);
	cr_expect_eq(rc, PD_OK, "closing an action whose owner left: %d %s", rc,
		     err.msg);
	pd_record_clear(&r);
}

/* A field from a newer plandesk survives an edit through the store. */
Test(store, unknown_fields_survive_an_edit)
{
	static const unsigned char value[] = {
		0x01, 16, 3, 'O', 'r', 'g', 200, 4, 'w', 'x', 'y', 'z',
	};
	unsigned char kb[8];
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = { 8, kb }, v = { sizeof value, (void *)value }, got;
	struct pd_record r;
	uint64_t id = tdb_add(make_org("Placeholder"));

	tdb_close();
	pd_put_be64(kb, id);
	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 32), 0);
	cr_assert_eq(mdb_env_open(env, tdb.path, MDB_NOSUBDIR, 0600), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "org", 0, &dbi), 0);
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	tdb_open(NULL);

	cr_assert_eq(tdb_get(PD_ORG, id, &r), PD_OK);
	cr_expect_eq(r.nextra, 6);
	pd_set_text(&r, PD_ORG_NAME, "Placeholder", (size_t)-1);   /* key unchanged */
	pd_set_text(&r, PD_ORG_PHONE, "123", 3);
	tdb_put(&r);
	pd_record_clear(&r);

	tdb_close();
	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 32), 0);
	cr_assert_eq(mdb_env_open(env, tdb.path, MDB_NOSUBDIR | MDB_RDONLY, 0600), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "org", 0, &dbi), 0);
	cr_assert_eq(mdb_get(txn, dbi, &k, &got), 0);
	cr_expect(got.mv_size > 6 &&
		  !memcmp((char *)got.mv_data + got.mv_size - 6, "\xc8\x04wxyz", 6),
		  "the unknown field was lost");
	mdb_txn_abort(txn);
	mdb_env_close(env);
	tdb_open(NULL);
}

Test(store, map_grown_by_another_process)
{
	struct pd_open_opts opts = { .map_size = 64u << 10 };
	uint64_t ids[1];
	size_t before;
	int status = 0;
	pid_t pid;

	tdb_close();
	snprintf(tdb.path, sizeof tdb.path, "%s/shared.db", tdb.dir);
	tdb_open(&opts);
	tdb_add(make_org("Before"));
	before = pd_store_map_size(tdb.st);
	fflush(NULL);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		struct pd_store *st;
		struct people_ctx c = { 3000, 0 };
		int rc = pd_store_open(tdb.path, &opts, &st, NULL);
		if (rc == PD_OK)
			rc = pd_store_write(st, "child", 0, people_body, &c, NULL);
		pd_store_close(st);
		_exit(rc);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child: %d",
		  WEXITSTATUS(status));
	cr_expect_eq(tdb_count(PD_PERSON), 3000);
	cr_expect_gt(pd_store_map_size(tdb.st), before, "map size not adopted");
	cr_assert_eq(kind_ids(PD_ORG, 0, ids, 1), 1);
	tdb_add(make_org("After"));
	cr_expect_eq(tdb_count(PD_ORG), 2);
}

Test(store, backup_is_a_private_openable_copy)
{
	char dest[100];
	struct pd_err err = { 0 };
	struct stat sb;
	uint64_t plan = tdb_add(make_plan("P", "Plan"));

	tdb_add(make_item(plan, "1", "Item"));
	snprintf(dest, sizeof dest, "%s/backup.db", tdb.dir);
	cr_assert_eq(pd_store_backup(tdb.st, dest, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(stat(dest, &sb), 0);
	cr_expect_eq(sb.st_mode & 07777, 0600, "backup mode %o", sb.st_mode & 07777);
	tdb_close();
	snprintf(tdb.path, sizeof tdb.path, "%s", dest);
	tdb_open(NULL);
	cr_expect_eq(find_plan("P"), plan);
	cr_expect_eq(tdb_count_ix(PD_IX_ITEMS_BY_PLAN, plan), 1);
}
