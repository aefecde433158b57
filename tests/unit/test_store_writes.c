/* test_store_writes.c — writes as a whole (failed, dry-run, change counter),
 * map growth, and edges: long keys, cycles, dangling links, unknown fields. */
#include "storetest.h"

TestSuite(store, .init = tdb_setup, .fini = tdb_teardown);

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
