/* test_check.c — pd_check on healthy databases and on ones damaged by hand
 * through raw LMDB: stray and missing index entries, corrupt values. */
#include "testdb.h"
#include "rawdb.h"

#include "plandesk/records/check.h"
#include "plandesk/records/codec.h"

TestSuite(check, .init = tdb_setup, .fini = tdb_teardown);

/* --- helpers ------------------------------------------------------------ */

struct found {
	size_t n;
	char   text[4096];   /* every problem, one per line */
};

static void collect(void *ctx, const char *problem)
{
	struct found *f = ctx;
	size_t len = strlen(f->text);

	f->n++;
	cr_expect_neq(problem[0], '\0', "an empty problem description");
	snprintf(f->text + len, sizeof f->text - len, "%s\n", problem);
}

/* Run pd_check; it must run (PD_OK) and count what it reports. */
static size_t run_check(struct found *f)
{
	struct pd_err err = { 0 };
	size_t n = 12345;
	int rc;

	memset(f, 0, sizeof *f);
	rc = pd_check(tdb.st, collect, f, &n, &err);
	cr_assert_eq(rc, PD_OK, "pd_check: %d %s", rc, err.msg);
	cr_expect_eq(n, f->n, "count %zu, callback called %zu times", n, f->n);
	return n;
}

static void raw_put(struct raw *r, MDB_dbi dbi, uint64_t key, const void *data,
		    size_t n)
{
	unsigned char kb[8];
	MDB_val k = { 8, kb }, d = { n, (void *)data };
	int rc;

	pd_put_be64(kb, key);
	rc = mdb_put(r->txn, dbi, &k, &d, 0);
	cr_assert_eq(rc, 0, "mdb_put: %s", mdb_strerror(rc));
}

/* An org with two people in it; returns the org's id. */
static uint64_t org_with_people(uint64_t *p1, uint64_t *p2)
{
	uint64_t org = tdb_add(make_org("Org"));

	*p1 = tdb_add(make_person("Kim", "KP", "kim@example.org", org));
	*p2 = tdb_add(make_person("Jo", "JD", "jo@example.org", org));
	return org;
}

/* --- healthy ------------------------------------------------------------ */

Test(check, fresh_database_is_clean)
{
	struct found f;

	cr_expect_eq(run_check(&f), 0, "problems:\n%s", f.text);
	/* NULL callback and count are allowed */
	cr_expect_eq(pd_check(tdb.st, NULL, NULL, NULL, NULL), PD_OK);
}

/* xorshift: a fixed sequence. */
static uint64_t rnd_state = 0x2545f4914f6cdd1dull;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

struct pool { uint64_t ids[PD_NKINDS][512]; size_t n[PD_NKINDS]; };

static uint64_t any(struct pool *p, enum pd_kind k)
{
	return p->n[k] ? p->ids[k][rnd() % p->n[k]] : 0;
}

/* One write of a random kind; failures (dangling links after deletes,
 * clashes) are fine as long as they are refused cleanly. */
static void mixed_write(struct pool *p, int i)
{
	struct pd_record r;
	struct pd_err err = { 0 };
	char s[48];
	enum pd_kind k = (enum pd_kind)(rnd() % PD_NKINDS);
	uint64_t id;
	int rc;

	snprintf(s, sizeof s, "name %d", (int)(rnd() % 200));
	pd_record_init(&r, k);
	switch (rnd() % 4) {
	case 0:   /* update an existing record, or fall through to create */
		if ((id = any(p, k)) && tdb_get(k, id, &r) == PD_OK) {
			int f = pd_kind_info(k)->title;
			if (pd_kind_info(k)->fields[f].type == PD_T_DATE)
				snprintf(s, sizeof s, "2009-0%d-1%d", (int)(rnd() % 9) + 1,
					 (int)(rnd() % 9));
			pd_set_text(&r, f, s, (size_t)-1);
			if (k == PD_PERSON)
				pd_set_ref(&r, PD_PERSON_ORG, any(p, PD_ORG));
			if (k == PD_ITEM)
				pd_set_int(&r, PD_ITEM_POSITION, (int64_t)(rnd() % 5));
			rc = tdb_put_n(&r, 1, &err);
			cr_expect(rc == PD_OK || rc == PD_EINVAL || rc == PD_ECONFLICT,
				  "update %d: %d %s", i, rc, err.msg);
			pd_record_clear(&r);
			return;
		}
		pd_record_clear(&r);
		/* fall through */
	case 1:
	case 2:
		pd_record_init(&r, k);
		switch (k) {
		case PD_ORG:
			r = make_org(s);
			break;
		case PD_PERSON:
			r = make_person(s, "XX", rnd() % 2 ? s : NULL, any(p, PD_ORG));
			break;
		case PD_PLAN:
			r = make_plan(s, "Plan");
			break;
		case PD_THEME:
			pd_set_ref(&r, PD_THEME_PLAN, any(p, PD_PLAN));
			pd_set_text(&r, PD_THEME_NAME, s, (size_t)-1);
			break;
		case PD_ITEM:
			r = make_item(any(p, PD_PLAN), s, "Item");
			pd_set_int(&r, PD_ITEM_POSITION, (int64_t)(rnd() % 5) - 2);
			break;
		case PD_ACTION:
			pd_set_ref(&r, PD_ACTION_ITEM, any(p, PD_ITEM));
			pd_set_text(&r, PD_ACTION_TEXT, s, (size_t)-1);
			if ((id = any(p, PD_PERSON)))
				pd_refs_add(&r, PD_ACTION_OWNERS, id);
			if ((id = any(p, PD_PERSON)))
				pd_refs_add(&r, PD_ACTION_OWNERS, id);
			pd_set_text(&r, PD_ACTION_DUE, "2009-07-01", (size_t)-1);
			break;
		case PD_UPDATE:
			pd_set_ref(&r, PD_UPDATE_ITEM, any(p, PD_ITEM));
			pd_set_text(&r, PD_UPDATE_DATE, rnd() % 2 ? "26/06/2009" : "2010-01",
				    (size_t)-1);
			pd_set_text(&r, PD_UPDATE_TEXT, s, (size_t)-1);
			break;
		default:
			pd_set_ref(&r, PD_MEETING_PLAN, any(p, PD_PLAN));
			pd_set_text(&r, PD_MEETING_DATE, "2009-06-26", (size_t)-1);
			if ((id = any(p, PD_PERSON)))
				pd_refs_add(&r, PD_MEETING_PRESENT, id);
		}
		rc = tdb_put_n(&r, 1, &err);
		cr_expect(rc == PD_OK || rc == PD_EINVAL || rc == PD_ECONFLICT,
			  "create %d: %d %s", i, rc, err.msg);
		if (rc == PD_OK && p->n[k] < 512)
			p->ids[k][p->n[k]++] = r.id;
		pd_record_clear(&r);
		return;
	default:  /* delete (maybe something already gone with its parent) */
		if ((id = any(p, k))) {
			rc = tdb_del(k, id, &err);
			cr_expect(rc == PD_OK || rc == PD_NOTFOUND, "delete %d: %d %s", i,
				  rc, err.msg);
		}
	}
}

Test(check, clean_after_mixed_writes_and_undos)
{
	struct pool *p = calloc(1, sizeof *p);
	struct found f;
	size_t total = 0;

	cr_assert_not_null(p);
	for (int i = 0; i < 400; i++) {
		if (i % 17 == 16) {
			pd_store_undo(tdb.st, NULL, 0, NULL);
			if (i % 2)
				pd_store_redo(tdb.st, NULL, 0, NULL);
		} else {
			mixed_write(p, i);
		}
		if (i % 100 == 99)
			cr_expect_eq(run_check(&f), 0, "after %d steps:\n%s", i + 1, f.text);
	}
	for (int k = 0; k < PD_NKINDS; k++)
		total += tdb_count(k);
	cr_expect_gt(total, 50, "the writes did not stick");
	cr_expect_eq(run_check(&f), 0, "problems:\n%s", f.text);
	free(p);
}

/* --- damage ------------------------------------------------------------- */

Test(check, stray_index_entry)
{
	uint64_t p1, p2, org = org_with_people(&p1, &p2);
	unsigned char ghost[8];
	struct found f;
	struct raw r;

	cr_assert_eq(run_check(&f), 0, "%s", f.text);
	raw_begin(&r);
	pd_put_be64(ghost, 999999);
	raw_put(&r, raw_dbi(&r, "ix_person_org", MDB_DUPSORT | MDB_DUPFIXED), org,
		ghost, 8);
	raw_commit(&r);
	cr_assert_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, org), 3);
	cr_expect_geq(run_check(&f), 1);
	cr_expect(strstr(f.text, "stray") != NULL, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "999999") != NULL, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "ix_person_org") != NULL, "problems:\n%s", f.text);
}

Test(check, stray_unique_key)
{
	uint64_t p1, p2, org = org_with_people(&p1, &p2);
	unsigned char id[8];
	struct found f;
	struct raw r;
	MDB_val k = { 6, "Pghost" }, d = { 8, id };

	(void)org;
	raw_begin(&r);
	pd_put_be64(id, 424242);
	cr_assert_eq(mdb_put(r.txn, raw_dbi(&r, "unique", 0), &k, &d, 0), 0);
	raw_commit(&r);
	cr_expect_geq(run_check(&f), 1);
	cr_expect(strstr(f.text, "stray") != NULL, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "unique") != NULL, "problems:\n%s", f.text);
}

Test(check, missing_index_entry)
{
	uint64_t p1, p2, org = org_with_people(&p1, &p2);
	unsigned char kb[8], db[8];
	MDB_val k = { 8, kb }, d = { 8, db };
	struct found f;
	struct raw r;

	raw_begin(&r);
	pd_put_be64(kb, org);
	pd_put_be64(db, p2);
	cr_assert_eq(mdb_del(r.txn, raw_dbi(&r, "ix_person_org",
					    MDB_DUPSORT | MDB_DUPFIXED), &k, &d), 0);
	raw_commit(&r);
	cr_assert_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, org), 1);
	cr_expect_eq(run_check(&f), 1, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "missing") != NULL, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "ix_person_org") != NULL, "problems:\n%s", f.text);
}

Test(check, missing_unique_key)
{
	uint64_t plan = tdb_add(make_plan("C3BP", "Plan"));
	MDB_val k = { 5, "Pc3bp" };
	struct found f;
	struct raw r;

	(void)plan;
	raw_begin(&r);
	cr_assert_eq(mdb_del(r.txn, raw_dbi(&r, "unique", 0), &k, NULL), 0);
	raw_commit(&r);
	cr_expect_eq(run_check(&f), 1, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "missing") != NULL, "problems:\n%s", f.text);
}

static const unsigned char garbage[] = { 0xff, 0xfe, 'g', 'a', 'r', 'b', 0 };

Test(check, corrupt_record)
{
	uint64_t p1, p2, org = org_with_people(&p1, &p2);
	struct found f;
	struct raw r;

	(void)org;
	raw_begin(&r);
	raw_put(&r, raw_dbi(&r, "person", 0), p1, garbage, sizeof garbage);
	raw_commit(&r);
	cr_expect_geq(run_check(&f), 1);
	cr_expect(strstr(f.text, "corrupt") != NULL, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "person") != NULL, "problems:\n%s", f.text);
}

Test(check, corrupt_record_reads_as_corrupt)
{
	uint64_t p1, p2, org = org_with_people(&p1, &p2);
	struct pd_record rec;
	struct pd_err err = { 0 };
	struct pd_txn *txn;
	struct raw r;
	int rc;

	(void)org;
	raw_begin(&r);
	raw_put(&r, raw_dbi(&r, "person", 0), p1, garbage, sizeof garbage);
	raw_commit(&r);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_get(txn, PD_PERSON, p1, &rec, &err);
	cr_expect_eq(rc, PD_ECORRUPT, "with an err: %d %s", rc, err.msg);
	pd_record_clear(&rec);
	/* store.h: pd_get returns PD_ECORRUPT, err may be NULL (status.h) */
	rc = pd_get(txn, PD_PERSON, p1, &rec, NULL);
	cr_expect_eq(rc, PD_ECORRUPT, "without an err: %d", rc);
	pd_record_clear(&rec);
	cr_expect_eq(pd_get(txn, PD_PERSON, p2, &rec, NULL), PD_OK,
		     "the other record is fine");
	pd_record_clear(&rec);
	pd_txn_end(txn);
}

/* A value the store would not write: the record as encoded, with `f`
 * unset and field `g` set to `text`. */
static void raw_rewrite(uint64_t id, enum pd_kind kind, int f, int g, const char *text)
{
	struct pd_record rec;
	struct pd_txn *txn;
	struct pd_buf b = PD_BUF_INIT;
	struct raw r;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_get(txn, kind, id, &rec, NULL), PD_OK);
	pd_txn_end(txn);
	pd_set_text(&rec, f, NULL, 0);
	pd_set_text(&rec, g, text, (size_t)-1);
	cr_assert_eq(pd_encode(&rec, &b), PD_OK);
	raw_begin(&r);
	raw_put(&r, raw_dbi(&r, pd_kind_info(kind)->name, 0), id, b.p, b.n);
	raw_commit(&r);
	pd_buf_free(&b);
	pd_record_clear(&rec);
}

/* The table's word on each field: required ones set, dates ISO.  (A plan
 * derives no entry from its title or dates, so nothing else is found.) */
Test(check, a_required_field_unset_and_a_date_not_iso_are_named)
{
	uint64_t plan = tdb_add(make_plan("P1", "Plan"));
	struct found f;

	raw_rewrite(plan, PD_PLAN, PD_PLAN_BODY, PD_PLAN_START, "2009-06-26");
	cr_expect_eq(run_check(&f), 0, "an ISO date is fine:\n%s", f.text);
	raw_rewrite(plan, PD_PLAN, PD_PLAN_TITLE, PD_PLAN_END, "26/06/2009");
	cr_expect_eq(run_check(&f), 2, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "plan 1: title is required but not set\n") != NULL,
		  "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "plan 1: end \"26/06/2009\" is not a date in ISO "
			 "form\n") != NULL, "problems:\n%s", f.text);
}

Test(check, id_counter_below_an_id)
{
	struct pd_record rec;
	struct pd_buf enc = PD_BUF_INIT;
	struct found f;
	struct raw r;

	tdb_add(make_plan("P", "Plan"));
	/* a valid person with no derived entries, at an id never handed out */
	rec = make_person("Planted", NULL, NULL, 0);
	cr_assert_eq(pd_encode(&rec, &enc), PD_OK);
	pd_record_clear(&rec);
	raw_begin(&r);
	raw_put(&r, raw_dbi(&r, "person", 0), 1000000, enc.p, enc.n);
	raw_commit(&r);
	pd_buf_free(&enc);
	cr_expect_geq(run_check(&f), 1, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "id counter") != NULL, "problems:\n%s", f.text);
}

Test(check, several_kinds_of_damage_at_once)
{
	uint64_t p1, p2, org = org_with_people(&p1, &p2);
	uint64_t lone = tdb_add(make_person("No links", NULL, NULL, 0));
	uint64_t plan = tdb_add(make_plan("P", "Plan"));
	unsigned char kb[8], db[16];
	MDB_val k = { 8, kb }, d = { 8, db };
	struct found f;
	struct raw r;

	tdb_add(make_item(plan, "1", "Item"));
	raw_begin(&r);
	/* a stray item entry under the plan (position 0, id 777777) */
	pd_put_be64(db, 1ull << 63);
	pd_put_be64(db + 8, 777777);
	raw_put(&r, raw_dbi(&r, "ix_item_plan", MDB_DUPSORT | MDB_DUPFIXED), plan,
		db, 16);
	/* a person's org entry removed */
	pd_put_be64(kb, org);
	pd_put_be64(db, p2);
	cr_assert_eq(mdb_del(r.txn, raw_dbi(&r, "ix_person_org",
					    MDB_DUPSORT | MDB_DUPFIXED), &k, &d), 0);
	/* the value of a person without derived entries corrupted */
	raw_put(&r, raw_dbi(&r, "person", 0), lone, garbage, sizeof garbage);
	raw_commit(&r);
	cr_expect_geq(run_check(&f), 3, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "stray") != NULL, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "777777") != NULL, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "missing") != NULL, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "corrupt") != NULL, "problems:\n%s", f.text);
}

/*
 * An index that missed a move: the person's entry is still under the old
 * org and absent from the new one.  The index holds as many entries as the
 * records derive, so a check that compares counts alone sees no stray.
 */
Test(check, stale_entry_next_to_a_missing_one_is_named)
{
	uint64_t p1, p2, org = org_with_people(&p1, &p2);
	uint64_t other = tdb_add(make_org("Other"));
	unsigned char kb[8], db[8];
	MDB_val k = { 8, kb }, d = { 8, db };
	struct pd_record rec;
	struct found f;
	struct raw r;
	MDB_dbi ix;

	/* move p1 to the other org the proper way, then undo the index's part */
	cr_assert_eq(tdb_get(PD_PERSON, p1, &rec), PD_OK);
	pd_set_ref(&rec, PD_PERSON_ORG, other);
	tdb_put(&rec);
	pd_record_clear(&rec);
	raw_begin(&r);
	ix = raw_dbi(&r, "ix_person_org", MDB_DUPSORT | MDB_DUPFIXED);
	pd_put_be64(kb, other);
	pd_put_be64(db, p1);
	cr_assert_eq(mdb_del(r.txn, ix, &k, &d), 0);
	raw_put(&r, ix, org, db, 8);
	raw_commit(&r);
	cr_assert_eq(tdb_count_ix(PD_IX_PEOPLE_BY_ORG, org), 2);
	cr_expect_geq(run_check(&f), 2, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "missing") != NULL, "problems:\n%s", f.text);
	cr_expect(strstr(f.text, "stray") != NULL,
		  "the stale entry under the old org is not reported:\n%s", f.text);
}
