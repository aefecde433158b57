/* storetest.h — helpers shared by the test_store*.c programs. */
#ifndef STORETEST_H
#define STORETEST_H

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

/* --- helpers ------------------------------------------------------------ */

static inline size_t kind_ids(enum pd_kind kind, unsigned flags, uint64_t *ids,
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

/* Put a record expecting failure `want`; returns the message. */
static inline void put_fails(struct pd_record *r, int want, const char *needle)
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

static inline uint64_t find_plan(const char *ref)
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

static inline uint64_t find_org(const char *name)
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

static inline uint64_t changes(void)
{
	uint64_t n = 0;

	cr_assert_eq(pd_store_changes(tdb.st, &n, NULL), PD_OK);
	return n;
}

static inline struct pd_record make_theme(uint64_t plan, const char *name, int64_t pos)
{
	struct pd_record r;

	pd_record_init(&r, PD_THEME);
	pd_set_ref(&r, PD_THEME_PLAN, plan);
	pd_set_text(&r, PD_THEME_NAME, name, (size_t)-1);
	pd_set_int(&r, PD_THEME_POSITION, pos);
	return r;
}

static inline struct pd_record make_action(uint64_t item, const char *text)
{
	struct pd_record r;

	pd_record_init(&r, PD_ACTION);
	pd_set_ref(&r, PD_ACTION_ITEM, item);
	pd_set_text(&r, PD_ACTION_TEXT, text, (size_t)-1);
	return r;
}

static inline struct pd_record make_update(uint64_t item, const char *date,
				           const char *text)
{
	struct pd_record r;

	pd_record_init(&r, PD_UPDATE);
	pd_set_ref(&r, PD_UPDATE_ITEM, item);
	pd_set_text(&r, PD_UPDATE_DATE, date, (size_t)-1);
	pd_set_text(&r, PD_UPDATE_TEXT, text, (size_t)-1);
	return r;
}

static inline struct pd_record make_meeting(uint64_t plan, const char *date)
{
	struct pd_record r;

	pd_record_init(&r, PD_MEETING);
	pd_set_ref(&r, PD_MEETING_PLAN, plan);
	pd_set_text(&r, PD_MEETING_DATE, date, (size_t)-1);
	return r;
}

/* --- map growth --------------------------------------------------------- */

struct people_ctx { int n; int start; };

static inline int people_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
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

#endif
