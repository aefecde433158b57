/* test_undo_clients.c — undo and redo seen by other clients: the change
 * counter, and which client made a change. */
#include "undotest.h"

TestSuite(undo, .init = tdb_setup, .fini = tdb_teardown);

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
