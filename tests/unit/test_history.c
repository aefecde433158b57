/*
 * test_history.c — a record's history from the undo journal on a real
 * store: created, each change with the fields it changed, deleted, and
 * the label of the write that did each; nothing for an id of another
 * kind; what undo took back is no longer history.
 */
#include "testdb.h"

#include "plandesk/base/buf.h"
#include "plandesk/protect/history.h"
#include "plandesk/records/undo.h"

TestSuite(history, .init = tdb_setup, .fini = tdb_teardown);

static int line(void *ctx, const struct pd_hist_event *e)
{
	static const char *const what[] = { "created", "changed", "deleted", "put back" };

	cr_assert(e->time > 0 && e->session != 0);
	return pd_buf_printf(ctx, "%s %s [%s]\n", what[e->what], e->fields, e->label);
}

static char *history(enum pd_kind kind, uint64_t id)
{
	struct pd_buf b = PD_BUF_INIT;
	struct pd_txn *txn;
	struct pd_err err = { 0 };
	int64_t oldest = 0;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_history(txn, kind, id, &oldest, line, &b, &err), PD_OK, "%s", err.msg);
	pd_txn_end(txn);
	cr_assert(oldest > 0);
	pd_buf_putc(&b, '\0');
	return b.p;
}

Test(history, created_changed_deleted_with_what_did_it)
{
	uint64_t plan = tdb_add(make_plan("CSE", "Child sexual exploitation"));
	uint64_t item = tdb_add(make_item(plan, "1", "Training"));
	struct pd_err err = { 0 };
	char *h;

	tdb_set_text(PD_ITEM, item, PD_ITEM_TITLE, "Training for all staff");
	tdb_set_text(PD_ITEM, item, PD_ITEM_LEAD, "Kath Pike");
	h = history(PD_ITEM, item);
	cr_assert(strncmp(h, "created  [", 10) == 0, "%s", h);
	cr_assert(strstr(h, "\nchanged title [") && strstr(h, "\nchanged lead ["), "%s", h);
	free(h);
	cr_assert_eq(tdb_del(PD_ITEM, item, &err), PD_OK);
	h = history(PD_ITEM, item);
	cr_assert(strstr(h, "\ndeleted  ["), "%s", h);
	free(h);
	/* Undone, the delete is no longer history: the item is back as it was. */
	tdb_undo();
	h = history(PD_ITEM, item);
	cr_assert(!strstr(h, "deleted") && strstr(h, "changed lead"), "%s", h);
	free(h);
	/* The plan's id is no item's. */
	h = history(PD_ITEM, plan);
	cr_assert_str_eq(h, "");
	free(h);
	h = history(PD_PLAN, plan);
	cr_assert(strncmp(h, "created  [", 10) == 0 && strchr(h, '\n') == h + strlen(h) - 1,
		  "one line: %s", h);
	free(h);
}
