/*
 * test_subject.c — subject access and erasure on a real store: every
 * record that names a person, by link, in a field of names and in free
 * text, and nothing that only looks like them; a name two people answer
 * to; nobody; and a person forgotten: entry gone, links and names
 * relabelled, free text left, `check` clean, recorded, and nothing for
 * undo to bring back.
 */
#include "testdb.h"
#include "rawdb.h"

#include "plandesk/protect/subject.h"
#include "plandesk/records/check.h"
#include "plandesk/records/undo.h"

TestSuite(subject, .init = tdb_setup, .fini = tdb_teardown);

static uint64_t kath, ken, item, action, update, meeting;

/* Kath Pike (KP) and Ken Platt (KP too: initials that say nothing), Dave
 * Dean (DD); an item Kath leads, an action she owns with DD, an update
 * she wrote that mentions her by name in its text, a meeting she was at. */
static void fixture(void)
{
	uint64_t plan = tdb_add(make_plan("CSE", "Child sexual exploitation"));
	struct pd_record r;

	kath = tdb_add(make_person("Kath Pike", "KP", "kp@example.org", 0));
	tdb_add(make_person("Kath Pike-Smith", NULL, NULL, 0));   /* not her */
	ken = tdb_add(make_person("Ken Platt", "KP", "ken@example.org", 0));
	tdb_add(make_person("Dave Dean", "DD", NULL, 0));
	r = make_item(plan, "1", "Training led by the Kathmandu team");
	pd_set_text(&r, PD_ITEM_LEAD, "Kath Pike", (size_t)-1);
	pd_set_ref(&r, PD_ITEM_LEAD_PERSON, kath);
	item = tdb_add(r);
	pd_record_init(&r, PD_ACTION);
	pd_set_ref(&r, PD_ACTION_ITEM, item);
	pd_set_text(&r, PD_ACTION_TEXT, "Kath Pike/DD to book the hall", (size_t)-1);
	pd_set_text(&r, PD_ACTION_OWNER, "Kath Pike/DD", (size_t)-1);
	pd_refs_add(&r, PD_ACTION_OWNERS, kath);
	action = tdb_add(r);
	pd_record_init(&r, PD_UPDATE);
	pd_set_ref(&r, PD_UPDATE_ITEM, item);
	pd_set_text(&r, PD_UPDATE_DATE, "2016-06-29", (size_t)-1);
	pd_set_text(&r, PD_UPDATE_TEXT, "Delivered by KATH PIKE to 40 staff.", (size_t)-1);
	pd_set_text(&r, PD_UPDATE_AUTHOR, "Kath Pike", (size_t)-1);
	update = tdb_add(r);
	pd_record_init(&r, PD_MEETING);
	pd_set_ref(&r, PD_MEETING_PLAN, plan);
	pd_set_text(&r, PD_MEETING_DATE, "2016-06-29", (size_t)-1);
	pd_refs_add(&r, PD_MEETING_PRESENT, kath);
	pd_refs_add(&r, PD_MEETING_PRESENT, ken);
	pd_set_text(&r, PD_MEETING_PRESENT_OTHER, "A visitor", (size_t)-1);
	meeting = tdb_add(r);
}

static int find(const char *who, struct pd_subject *s, struct pd_err *err)
{
	struct pd_txn *txn;
	int rc;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	rc = pd_subject_find(txn, who, s, err);
	pd_txn_end(txn);
	return rc;
}

/* The mentions as "kind:field:how" lines. */
static int line(void *ctx, struct pd_txn *txn, const struct pd_mention *m,
		struct pd_err *err)
{
	const struct pd_kind_info *ki = pd_kind_info(m->r->kind);

	(void)txn; (void)err;
	return pd_buf_printf(ctx, "%s:%s:%d\n", ki->name, ki->fields[m->field].name, m->how);
}

static char *mentions(const struct pd_subject *s)
{
	struct pd_buf b = PD_BUF_INIT;
	struct pd_txn *txn;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_mentions_each(txn, s, line, &b, &err), PD_OK, "%s", err.msg);
	pd_txn_end(txn);
	pd_buf_putc(&b, '\0');
	return b.p;
}

Test(subject, every_record_that_names_them_and_no_other)
{
	struct pd_subject s;
	struct pd_err err = { 0 };
	char *m;

	fixture();
	cr_assert_eq(find("Kath Pike", &s, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(s.person, kath);
	cr_assert_str_eq(s.initials, "", "KP is Ken's too: no sign of Kath");
	m = mentions(&s);
	cr_assert_str_eq(m, "person:name:0\n"
			 "item:lead:2\nitem:lead_person:1\n"
			 "action:text:3\naction:owner:2\naction:owners:1\n"
			 "update:text:3\nupdate:author:2\n"
			 "meeting:present:1\n", "%s", m);
	free(m);
	/* Dave Dean by his initials: the action's owner as typed, its text. */
	cr_assert_eq(find("DD", &s, &err), PD_OK);
	cr_assert_str_eq(s.name, "Dave Dean");
	cr_assert_str_eq(s.initials, "DD");
	m = mentions(&s);
	cr_assert_str_eq(m, "person:name:0\naction:text:3\naction:owner:2\n", "%s", m);
	free(m);
}

Test(subject, a_name_two_answer_to_and_a_name_no_one_has)
{
	struct pd_subject s;
	struct pd_err err = { 0 };
	struct pd_buf b = PD_BUF_INIT;
	struct pd_txn *txn;
	uint64_t rows = 9;

	fixture();
	cr_assert_eq(find("KP", &s, &err), PD_ECONFLICT);
	cr_assert(strstr(err.msg, "Kath Pike") && strstr(err.msg, "Ken Platt") &&
		  strstr(err.msg, "give the whole name"), "%s", err.msg);
	cr_assert_eq(find("Nobody Atall", &s, &err), PD_OK);
	cr_assert_eq(s.person, 0);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_mentions_doc(txn, &s, PD_FMT_MD, &b, &rows, &err), PD_OK, "%s", err.msg);
	pd_txn_end(txn);
	pd_buf_putc(&b, '\0');
	cr_assert_eq(rows, 0);
	cr_assert(strstr(b.p, "*No record names them.*"), "%s", b.p);
	pd_buf_free(&b);
	cr_assert_eq(find("", &s, &err), PD_EINVAL);
	cr_assert_eq(find("two\nlines", &s, &err), PD_EINVAL);
}

/* Does the undo journal hold anything naming "Kath" (raw bytes)? */
static bool journal_names_kath(void)
{
	struct raw raw;
	MDB_cursor *c;
	MDB_val k, v;
	bool found = false;

	raw_begin(&raw);
	cr_assert_eq(mdb_cursor_open(raw.txn, raw_dbi(&raw, "undo", 0), &c), 0);
	while (mdb_cursor_get(c, &k, &v, MDB_NEXT) == 0)
		if (memmem(v.mv_data, v.mv_size, "Kath Pike", 9))
			found = true;
	mdb_cursor_close(c);
	raw_commit(&raw);
	return found;
}

static size_t entries;

static int count_entry(void *ctx, const struct pd_disclosure *d)
{
	(void)ctx;
	cr_assert_str_eq(d->command, "forget");
	cr_assert_eq(d->rows, 5);
	cr_assert(!strstr(d->reason, "Kath"), "the record keeps no name");
	entries++;
	return PD_OK;
}

Test(subject, forgotten_links_and_names_relabelled_free_text_left)
{
	struct pd_disclosure d = { .command = "forget", .reason = "asked to be erased" };
	struct pd_forget_counts c;
	struct pd_subject s;
	struct pd_err err = { 0 };
	struct pd_record r;
	size_t problems = 9;

	fixture();
	tdb_set_text(PD_ITEM, item, PD_ITEM_DESCRIPTION, "Kath Pike's idea.");
	cr_assert(journal_names_kath(), "the journal holds her name before");
	cr_assert_eq(find("Kath Pike", &s, &err), PD_OK);
	cr_assert_eq(pd_forget(tdb.st, &s, "Kath Pike too", &d, &c, &err), PD_EINVAL);
	cr_assert_eq(pd_forget(tdb.st, &s, "a; b", &d, &c, &err), PD_EINVAL);
	cr_assert_eq(pd_forget(tdb.st, &s, "former member", &d, &c, &err), PD_OK, "%s", err.msg);
	cr_assert(c.records == 5 && c.links == 3 && c.names == 3,
		  "%zu records, %zu links, %zu names", c.records, c.links, c.names);
	cr_assert_eq(tdb_get(PD_PERSON, kath, &r), PD_NOTFOUND);
	cr_assert_eq(tdb_get(PD_ITEM, item, &r), PD_OK);
	cr_assert_str_eq(pd_get_text(&r, PD_ITEM_LEAD), "former member");
	cr_assert_eq(pd_get_ref(&r, PD_ITEM_LEAD_PERSON), 0);
	cr_assert_str_eq(pd_get_text(&r, PD_ITEM_DESCRIPTION), "Kath Pike's idea.",
			 "free text is the user's to edit");
	pd_record_clear(&r);
	cr_assert_eq(tdb_get(PD_ACTION, action, &r), PD_OK);
	cr_assert_str_eq(pd_get_text(&r, PD_ACTION_OWNER), "former member/DD");
	cr_assert_eq(pd_refs_count(&r, PD_ACTION_OWNERS), 0);
	pd_record_clear(&r);
	cr_assert_eq(tdb_get(PD_UPDATE, update, &r), PD_OK);
	cr_assert_str_eq(pd_get_text(&r, PD_UPDATE_AUTHOR), "former member");
	pd_record_clear(&r);
	cr_assert_eq(tdb_get(PD_MEETING, meeting, &r), PD_OK);
	cr_assert(pd_refs_count(&r, PD_MEETING_PRESENT) == 1 &&
		  pd_refs_at(&r, PD_MEETING_PRESENT, 0) == ken, "Ken stays");
	cr_assert_str_eq(pd_get_text(&r, PD_MEETING_PRESENT_OTHER), "A visitor; former member",
			 "still counted present");
	pd_record_clear(&r);
	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &problems, NULL), PD_OK);
	cr_assert_eq(problems, 0);
	cr_assert_eq(pd_disclosure_each(tdb.st, 0, count_entry, NULL, NULL), PD_OK);
	cr_assert_eq(entries, 1);
	cr_assert(!journal_names_kath(), "no copy left for undo");
	while (pd_store_undo(tdb.st, NULL, 0, NULL) == PD_OK)
		;
	cr_assert_eq(tdb_get(PD_PERSON, kath, &r), PD_NOTFOUND, "undo brings nothing back");
	/* Nothing left to forget but the free text. */
	cr_assert_eq(pd_forget(tdb.st, &s, "former member", &d, &c, &err), PD_EEMPTY);
}
