/*
 * test_people_match.c — who "KP", "K.P.", "K. Corcoran" or "Kath" mean:
 * recorded and derived initials, whole and partial names, accents, the
 * meeting's attendance deciding between namesakes.
 */
#include "testdb.h"

#include "plandesk/directory/people_match.h"

static uint64_t kp, dd, kc;

static void fixture(void)
{
	tdb_setup();
	kp = tdb_add(make_person("Kath Pike", "KP", "kp@example.org", 0));
	dd = tdb_add(make_person("Dave Dean", "D.D.", "dd@example.org", 0));
	kc = tdb_add(make_person("Kath Corcoran", NULL, "kc@example.org", 0));
	tdb_add(make_person("Hope Smith", NULL, "hs@example.org", 0));
}

TestSuite(people_match, .init = fixture, .fini = tdb_teardown);

static int match(const char *tok, const uint64_t *prefer, size_t n, uint64_t *id)
{
	struct pd_txn *txn;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_people_match(txn, tok, strlen(tok), prefer, n, id, NULL);
	pd_txn_end(txn);
	return rc;
}

Test(people_match, match_initials_and_names)
{
	uint64_t id;

	cr_assert_eq(match("KP", NULL, 0, &id), PD_OK);
	cr_assert_eq(id, kp);
	cr_assert_eq(match("K.P.", NULL, 0, &id), PD_OK);
	cr_assert_eq(id, kp);
	cr_assert_eq(match("DD", NULL, 0, &id), PD_OK, "recorded \"D.D.\" is DD");
	cr_assert_eq(id, dd);
	cr_assert_eq(match("Kath Pike", NULL, 0, &id), PD_OK);
	cr_assert_eq(id, kp);
	cr_assert_eq(match("kath pike", NULL, 0, &id), PD_OK);
	cr_assert_eq(match("K. Corcoran", NULL, 0, &id), PD_OK);
	cr_assert_eq(id, kc);
	cr_assert_eq(match("Corcoran", NULL, 0, &id), PD_OK);
	cr_assert_eq(id, kc);
	cr_assert_eq(match("Sheelagh Davis", NULL, 0, &id), PD_NOTFOUND);
	cr_assert_eq(id, 0);
	cr_assert_eq(match("ZZ", NULL, 0, &id), PD_NOTFOUND);
	cr_assert_eq(match("   ", NULL, 0, &id), PD_NOTFOUND);
}

Test(people_match, match_ambiguous_and_preferred)
{
	uint64_t id, kp2 = tdb_add(make_person("Kevin Price", "KP", "kv@example.org", 0));
	struct pd_txn *txn;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_people_match(txn, "KP", 2, NULL, 0, &id, &err), PD_ECONFLICT);
	pd_txn_end(txn);
	cr_assert(strstr(err.msg, "Kath Pike") && strstr(err.msg, "Kevin Price"), "%s", err.msg);
	/* "Kath" is the first name of two people. */
	cr_assert_eq(match("Kath", NULL, 0, &id), PD_ECONFLICT);
	/* The meeting's attendance decides. */
	cr_assert_eq(match("KP", (uint64_t[]){ dd, kp2 }, 2, &id), PD_OK);
	cr_assert_eq(id, kp2);
	cr_assert_eq(match("Kath", (uint64_t[]){ kc }, 1, &id), PD_OK);
	cr_assert_eq(id, kc);
	/* Derived initials (no initials recorded) count among the attendance. */
	cr_assert_eq(match("KC", (uint64_t[]){ kc }, 1, &id), PD_OK);
	cr_assert_eq(id, kc);
	/* A stale id in the attendance is skipped. */
	cr_assert_eq(match("DD", (uint64_t[]){ 999999 }, 1, &id), PD_OK);
	cr_assert_eq(id, dd);
}

Test(people_match, match_folds_accents)
{
	uint64_t id, zoe = tdb_add(make_person("Zoë Łukasz", "ZŁ", "z@example.org", 0));

	cr_assert_eq(match("Zoe Lukasz", NULL, 0, &id), PD_OK);
	cr_assert_eq(id, zoe);
	cr_assert(pd_token_is_initials("ZŁ", strlen("ZŁ")));
	cr_assert_eq(match("ZŁ", NULL, 0, &id), PD_OK);
	cr_assert_eq(id, zoe);
	cr_assert_not(pd_token_is_initials("Kp", 2));
	cr_assert_not(pd_token_is_initials("K", 1));
	cr_assert_not(pd_token_is_initials("ABCDE", 5));
}

