/* meetingtest.h — the fixture and helpers shared by the test_meeting*.c programs. */
#ifndef MEETINGTEST_H
#define MEETINGTEST_H

#include "testdb.h"

#include "plandesk/meetings/meeting.h"
#include "rawdb.h"

static uint64_t plan, item1, item2, kp, dd, kc, hope;

static inline void fixture(void)
{
	tdb_setup();
	setenv("PLANDESK_TODAY", "2009-06-26", 1);
	plan = tdb_add(make_plan("C3P", "Cluster 3 partnership plan"));
	item1 = tdb_add(make_item(plan, "1", "Child protection training"));
	item2 = tdb_add(make_item(plan, "2", "Who's who directory"));
	kp = tdb_add(make_person("Kath Pike", "KP", "kp@example.org", 0));
	dd = tdb_add(make_person("Dave Dean", "D.D.", "dd@example.org", 0));
	kc = tdb_add(make_person("Kath Corcoran", NULL, "kc@example.org", 0));
	hope = tdb_add(make_person("Hope Smith", NULL, "hs@example.org", 0));
}

static inline void teardown(void)
{
	unsetenv("PLANDESK_TODAY");
	tdb_teardown();
}

static inline uint64_t start(const char *date)
{
	struct pd_meeting_spec spec = { .plan = plan, .date = date,
					.title = "Cluster meeting", .location = "Meir Park" };
	struct pd_err err = { 0 };
	uint64_t id;
	int rc = pd_meeting_start(tdb.st, &spec, &id, NULL, &err);

	cr_assert_eq(rc, PD_OK, "start: %s", err.msg);
	return id;
}

static inline struct pd_recorded rec(uint64_t m, uint64_t item, const char *line)
{
	struct pd_recorded out = { 0 };
	struct pd_err err = { 0 };
	int rc = pd_meeting_record(tdb.st, m, item, line, &out, &err);

	cr_assert_eq(rc, PD_OK, "record \"%s\": %s", line, err.msg);
	return out;
}

static inline void attend(uint64_t m, uint64_t person, enum pd_attend how)
{
	struct pd_err err = { 0 };

	cr_assert_eq(pd_meeting_attend(tdb.st, m, person, how, &err), PD_OK, "%s", err.msg);
}

static inline size_t nundo(void)
{
	size_t u, r;

	cr_assert_eq(pd_store_history(tdb.st, &u, &r, NULL, 0, NULL), PD_OK);
	return u;
}

static inline void load(uint64_t m, uint64_t item, struct pd_agenda *a)
{
	struct pd_txn *txn;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_agenda_load(txn, m, item, a, &err), PD_OK, "%s", err.msg);
	pd_txn_end(txn);
}

#endif
