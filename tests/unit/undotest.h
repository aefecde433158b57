/* undotest.h — helpers shared by the test_undo*.c programs. */
#ifndef UNDOTEST_H
#define UNDOTEST_H

#include "testdb.h"

#include <lmdb.h>

#include "plandesk/records/check.h"

/* --- helpers ------------------------------------------------------------ */

static inline void undo_ok(const char *want_label)
{
	char label[160] = "unset";
	struct pd_err err = { 0 };
	int rc = pd_store_undo(tdb.st, label, sizeof label, &err);

	cr_assert_eq(rc, PD_OK, "undo: %d %s", rc, err.msg);
	if (want_label)
		cr_expect_str_eq(label, want_label);
}

static inline void redo_ok(const char *want_label)
{
	char label[160] = "unset";
	struct pd_err err = { 0 };
	int rc = pd_store_redo(tdb.st, label, sizeof label, &err);

	cr_assert_eq(rc, PD_OK, "redo: %d %s", rc, err.msg);
	if (want_label)
		cr_expect_str_eq(label, want_label);
}

static inline void history(size_t *nundo, size_t *nredo)
{
	cr_assert_eq(pd_store_history(tdb.st, nundo, nredo, NULL, 0, NULL), PD_OK);
}

static inline uint64_t find_plan(const char *ref)
{
	struct pd_txn *txn;
	uint64_t id = 0;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_find_plan(txn, ref, &id);
	pd_txn_end(txn);
	return rc == PD_OK ? id : 0;
}

static inline size_t check_problems(void)
{
	size_t n = 99;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &n, &err), PD_OK, "%s", err.msg);
	return n;
}

/* Store one record in a write with this label. */
static inline uint64_t put_labelled(struct pd_record r, const char *label)
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

static inline void set_title(uint64_t plan, const char *title)
{
	struct pd_record r;

	cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
	pd_set_text(&r, PD_PLAN_TITLE, title, (size_t)-1);
	put_labelled(r, "edit plan");
}

static inline void expect_title(uint64_t plan, const char *title)
{
	struct pd_record r;

	cr_assert_eq(tdb_get(PD_PLAN, plan, &r), PD_OK);
	cr_expect_str_eq(pd_get_text(&r, PD_PLAN_TITLE), title);
	pd_record_clear(&r);
}

#endif
