/*
 * test_confidential.c — entries marked confidential: the CSV column read
 * as yes/no and written back, the store and `check` holding "yes" only,
 * and minutes and reports leaving them out (saying how many) or showing
 * them marked when asked; a meeting line typed "!c …" and the client's
 * key mark them.
 */
#include "testdb.h"
#include "rawdb.h"

#include "plandesk/documents/minutes.h"
#include "plandesk/documents/report.h"
#include "plandesk/meetings/meeting.h"
#include "plandesk/protect/mark.h"
#include "plandesk/records/check.h"
#include "plandesk/records/codec.h"
#include "plandesk/transfer/transfer.h"

TestSuite(confidential, .init = tdb_setup, .fini = tdb_teardown);

static int import(enum pd_kind kind, const char *csv, struct pd_err *err)
{
	struct pd_import_opts o = { .kind = kind, .name = "in.csv" };

	return pd_import_mem(tdb.st, csv, strlen(csv), &o, NULL, err);
}

static void import_ok(enum pd_kind kind, const char *csv)
{
	struct pd_err err = { 0 };

	cr_assert_eq(import(kind, csv, &err), PD_OK, "%s", err.msg);
}

static int to_buf(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	(void)err;
	return pd_buf_add(ctx, p, n);
}

static char *export_csv(enum pd_kind kind)
{
	struct pd_export_opts o = { .kind = kind };
	struct pd_buf b = PD_BUF_INIT;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_export(tdb.st, &o, to_buf, &b, NULL, &err), PD_OK, "%s", err.msg);
	pd_buf_putc(&b, '\0');
	return b.p;
}

/* Plan CSE: item 1 with a confidential note and an open one; item 2
 * confidential, with a sub-item 2a; item 3 with a confidential action. */
static void cse(void)
{
	import_ok(PD_PLAN, "ref,title\nCSE,Child sexual exploitation\n");
	import_ok(PD_ITEM, "plan,ref,title,parent,confidential\n"
		  "CSE,1,Training,,no\n"
		  "CSE,2,Named young person at risk,,yes\n"
		  "CSE,2a,Her school,2,\n"
		  "CSE,3,Mapping,,\n");
	import_ok(PD_MEETING, "plan,date\nCSE,2016-06-29\n");
	import_ok(PD_UPDATE, "plan,item,date,text,status,confidential\n"
		  "CSE,1,2016-06-29,Training delivered to 40 staff.,2,\n"
		  "CSE,1,2016-06-29,Disclosure by a pupil at Ash Hill.,4,Y\n"
		  "CSE,2a,2016-06-29,Moved school in May.,,\n");
	import_ok(PD_ACTION, "plan,item,text,owner,state,raised,confidential\n"
		  "CSE,3,Map hot spots,,open,,\n"
		  "CSE,3,KP to call the family liaison officer,KP,open,2016-06-29,TRUE\n");
}

Test(confidential, the_column_reads_yes_and_no)
{
	struct pd_err err = { 0 };
	char *out;

	cse();
	out = export_csv(PD_ITEM);
	cr_assert(strstr(out, "CSE,,1,Training,,,,,,,\n"), "%s", out);
	cr_assert(strstr(out, "CSE,,2,Named young person at risk,,,,,,,yes\n"), "%s", out);
	free(out);
	out = export_csv(PD_ACTION);
	cr_assert(strstr(out, "officer,KP,,open,2016-06-29,,yes\n"), "%s", out);
	free(out);
	/* "no" unsets; an empty cell leaves it, as every import does. */
	import_ok(PD_ITEM, "plan,ref,title,confidential\nCSE,2,,\nCSE,1,,x\n");
	out = export_csv(PD_ITEM);
	cr_assert(strstr(out, "at risk,,,,,,,yes\n") && strstr(out, "Training,,,,,,,yes\n"),
		  "%s", out);
	free(out);
	import_ok(PD_ITEM, "plan,ref,title,confidential\nCSE,1,,No\n");
	out = export_csv(PD_ITEM);
	cr_assert(strstr(out, "Training,,,,,,,\n"), "%s", out);
	free(out);
	/* Anything else is an error at its cell, and nothing is written. */
	cr_assert_eq(import(PD_ITEM, "plan,ref,title,confidential\nCSE,3,,no\n"
			    "CSE,1,,maybe\n", &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "in.csv:3:4: confidential: \"maybe\" is neither "
			 "yes nor no");
}

static int put_raw_flag(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_record *r = ctx;

	return pd_put(txn, r, err);
}

Test(confidential, the_store_keeps_yes_or_nothing)
{
	struct pd_record r = make_plan("P", "Plan");
	uint64_t plan = tdb_add(r);
	struct pd_err err = { 0 };

	r = make_item(plan, "1", "One");
	pd_set_text(&r, PD_ITEM_CONFIDENTIAL, "true", (size_t)-1);
	cr_assert_eq(tdb_write(put_raw_flag, &r, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "item: confidential is \"yes\" or unset");
	pd_set_flag(&r, PD_ITEM_CONFIDENTIAL, true);
	r.id = 0;
	cr_assert_eq(tdb_write(put_raw_flag, &r, &err), PD_OK, "%s", err.msg);
	cr_assert(pd_record_confidential(&r));
	pd_record_clear(&r);
	r = make_plan("Q", "Plan");
	cr_assert(!pd_record_confidential(&r), "plans have no such mark");
	pd_record_clear(&r);
}

static char *minutes(bool include, struct pd_conf_count *c)
{
	struct pd_minutes_opts o = { .confidential = include, .count = c };
	struct pd_buf b = PD_BUF_INIT;
	struct pd_txn *txn;
	struct pd_err err = { 0 };
	uint64_t *ids;
	size_t n;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_meetings_on(txn, "2016-06-29", &ids, &n, NULL), PD_OK);
	cr_assert_eq(n, 1);
	cr_assert_eq(pd_minutes(txn, ids[0], PD_FMT_MD, &o, &b, &err), PD_OK, "%s",
		     err.msg);
	free(ids);
	pd_txn_end(txn);
	pd_buf_putc(&b, '\0');
	return b.p;
}

Test(confidential, minutes_leave_them_out_and_say_so)
{
	struct pd_conf_count c = { 99, 99 };
	char *md;

	cse();
	md = minutes(false, &c);
	cr_assert(strstr(md, "*3 confidential entries not shown.*"), "%s", md);
	cr_assert_eq(c.left_out, 3);
	cr_assert_eq(c.shown, 0);
	cr_assert(strstr(md, "Training delivered to 40 staff."), "%s", md);
	cr_assert(strstr(md, "Map hot spots"), "%s", md);
	cr_assert(!strstr(md, "Ash Hill"), "a confidential note: %s", md);
	cr_assert(!strstr(md, "family liaison"), "a confidential action: %s", md);
	cr_assert(!strstr(md, "Named young person"), "a confidential item: %s", md);
	cr_assert(!strstr(md, "CONFIDENTIAL"), "%s", md);
	free(md);
}

Test(confidential, minutes_show_them_marked_when_asked)
{
	struct pd_conf_count c = { 0 };
	char *md;

	cse();
	md = minutes(true, &c);
	cr_assert_eq(c.shown, 3);
	cr_assert_eq(c.left_out, 0);
	cr_assert(strstr(md, "**Includes 3 confidential entries, each marked "
			 "CONFIDENTIAL.**"), "%s", md);
	cr_assert(strstr(md, "CONFIDENTIAL: Disclosure by a pupil at Ash Hill."), "%s", md);
	cr_assert(strstr(md, "CONFIDENTIAL: KP to call the family liaison officer"),
		  "%s", md);
	cr_assert(strstr(md, "CONFIDENTIAL: Named young person at risk"), "%s", md);
	cr_assert(!strstr(md, "CONFIDENTIAL: Training"), "%s", md);
	free(md);
}

static char *report(enum pd_report_kind kind, enum pd_format fmt, bool include,
		    struct pd_conf_count *c)
{
	struct pd_report_opts o = { .format = fmt, .today = { 2016, 7, 1 },
				    .confidential = include, .count = c };
	struct pd_buf b = PD_BUF_INIT;
	struct pd_txn *txn;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_report(txn, kind, "CSE", &o, &b, &err), PD_OK, "%s", err.msg);
	pd_txn_end(txn);
	pd_buf_putc(&b, '\0');
	return b.p;
}

Test(confidential, reports_leave_them_out_and_say_so)
{
	struct pd_conf_count c = { 0 };
	char *s;

	cse();
	/* The progress report reads no actions: the item and the update. */
	s = report(PD_REPORT_PROGRESS, PD_FMT_MD, false, &c);
	cr_assert(strstr(s, "*2 confidential entries not shown.*"), "%s", s);
	cr_assert_eq(c.left_out, 2);
	cr_assert(!strstr(s, "Ash Hill") && !strstr(s, "Named young") &&
		  !strstr(s, "Her school") && !strstr(s, "Moved school"),
		  "the item goes with its sub-item and their updates: %s", s);
	/* The assessment is not taken from the confidential update (4). */
	cr_assert(strstr(s, "| 2 \xe2\x80\x93 On track | 1 |"), "%s", s);
	cr_assert(strstr(s, "| 4 \xe2\x80\x93 Not achieved | 0 |"), "%s", s);
	free(s);
	/* A sheet has no line for it: the count says it. */
	memset(&c, 0, sizeof c);
	s = report(PD_REPORT_PROGRESS, PD_FMT_CSV, false, &c);
	cr_assert_eq(c.left_out, 2);
	cr_assert(!strstr(s, "Ash Hill") && !strstr(s, "confidential"), "%s", s);
	free(s);
	memset(&c, 0, sizeof c);
	s = report(PD_REPORT_ACTIONS, PD_FMT_MD, false, &c);
	cr_assert(!strstr(s, "family liaison"), "%s", s);
	cr_assert(strstr(s, "*1 confidential entry not shown.*"), "%s", s);
	free(s);
}

Test(confidential, reports_show_them_marked_when_asked)
{
	struct pd_conf_count c = { 0 };
	char *s;

	cse();
	s = report(PD_REPORT_PROGRESS, PD_FMT_MD, true, &c);
	cr_assert_eq(c.shown, 2);
	cr_assert(strstr(s, "CONFIDENTIAL: Named young person at risk"), "%s", s);
	cr_assert(strstr(s, "Her school"), "its sub-item is there too: %s", s);
	cr_assert(strstr(s, "CONFIDENTIAL: Disclosure by a pupil"), "%s", s);
	free(s);
	memset(&c, 0, sizeof c);
	s = report(PD_REPORT_MONITORING, PD_FMT_CSV, true, &c);
	cr_assert(strstr(s, "CONFIDENTIAL: KP to call the family liaison officer"), "%s", s);
	free(s);
}

/* `check` finds a yes/no field holding anything but "yes" (written by
 * hand: the store refuses it). */
static void note(void *ctx, const char *msg)
{
	pd_buf_puts(ctx, msg);
	pd_buf_putc(ctx, '\n');
}

Test(confidential, check_finds_a_bad_mark)
{
	struct pd_buf said = PD_BUF_INIT, val = PD_BUF_INIT;
	struct pd_record r = make_plan("P", "Plan");
	unsigned char key[8];
	size_t problems = 9;
	struct raw raw;
	uint64_t id;

	cse();
	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &problems, NULL), PD_OK);
	cr_assert_eq(problems, 0);
	id = tdb_add(make_item(tdb_add(r), "9", "Nine"));
	cr_assert_eq(tdb_get(PD_ITEM, id, &r), PD_OK);
	pd_set_text(&r, PD_ITEM_CONFIDENTIAL, "perhaps", (size_t)-1);
	cr_assert_eq(pd_encode(&r, &val), PD_OK);
	pd_record_clear(&r);
	raw_begin(&raw);
	pd_put_be64(key, id);
	cr_assert_eq(mdb_put(raw.txn, raw_dbi(&raw, "item", 0), &(MDB_val){ 8, key },
			     &(MDB_val){ val.n, val.p }, 0), 0);
	raw_commit(&raw);
	cr_assert_eq(pd_check(tdb.st, note, &said, &problems, NULL), PD_OK);
	cr_assert_eq(problems, 1, "%s", said.p);
	cr_assert(strstr(said.p, "confidential \"perhaps\" is neither yes nor unset"),
		  "%s", said.p);
	pd_buf_free(&said);
	pd_buf_free(&val);
}

/* --- marked in the meeting, and from the client ---------------------------- */

static bool marked(enum pd_kind kind, uint64_t id, const char *text_is)
{
	struct pd_record r;
	int f = kind == PD_ACTION ? PD_ACTION_TEXT : PD_UPDATE_TEXT;
	bool yes;

	cr_assert_eq(tdb_get(kind, id, &r), PD_OK);
	if (text_is)
		cr_assert_str_eq(pd_get_text(&r, f), text_is);
	yes = pd_record_confidential(&r);
	pd_record_clear(&r);
	return yes;
}

Test(confidential, a_line_typed_with_bang_c_is_kept_marked)
{
	struct pd_meeting_spec ms = { .date = "2016-06-29" };
	struct pd_recorded out = { 0 }, plain = { 0 };
	struct pd_err err = { 0 };
	uint64_t m, item;
	char *md;

	ms.plan = tdb_add(make_plan("CSE", "Child sexual exploitation"));
	item = tdb_add(make_item(ms.plan, "1", "Training"));
	cr_assert_eq(pd_meeting_start(tdb.st, &ms, &m, NULL, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_meeting_record(tdb.st, m, item, "  !c Disclosure by a pupil at Ash Hill.",
				       &out, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(out.kind, PD_UPDATE);
	cr_assert(marked(PD_UPDATE, out.id, "Disclosure by a pupil at Ash Hill."));
	cr_assert_eq(pd_meeting_record(tdb.st, m, item, "!C KP to call the family liaison officer",
				       &out, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(out.kind, PD_ACTION, "the line after the mark is read for owners");
	cr_assert(marked(PD_ACTION, out.id, "KP to call the family liaison officer"));
	cr_assert_eq(pd_meeting_record(tdb.st, m, item, "!cat flap fixed", &plain, &err), PD_OK);
	cr_assert(!marked(PD_UPDATE, plain.id, "!cat flap fixed"), "not a mark: a word");
	cr_assert_eq(pd_meeting_record(tdb.st, m, item, "!c   ", NULL, &err), PD_EEMPTY);
	/* Editing a line typed here with the mark marks it; without, it stays. */
	cr_assert_eq(pd_meeting_edit(tdb.st, m, &plain, "!c cat flap fixed", NULL, &err), PD_OK);
	cr_assert(marked(PD_UPDATE, plain.id, "cat flap fixed"));
	cr_assert_eq(pd_meeting_edit(tdb.st, m, &plain, "cat flap fixed again", NULL, &err),
		     PD_OK);
	cr_assert(marked(PD_UPDATE, plain.id, "cat flap fixed again"));
	md = minutes(false, &(struct pd_conf_count){ 0 });
	cr_assert(strstr(md, "*3 confidential entries not shown.*") && !strstr(md, "Ash Hill"),
		  "%s", md);
	free(md);
}

Test(confidential, the_client_key_turns_the_mark_over_and_undo_takes_it_back)
{
	struct pd_err err = { 0 };
	uint64_t plan = tdb_add(make_plan("CSE", "Child sexual exploitation"));
	uint64_t item = tdb_add(make_item(plan, "2", "Named young person at risk"));
	struct pd_record r;
	char label[128];
	size_t nu, nr;
	bool now = false;

	cr_assert_eq(pd_mark_toggle(tdb.st, PD_ITEM, item, &now, &err), PD_OK, "%s", err.msg);
	cr_assert(now);
	cr_assert_eq(tdb_get(PD_ITEM, item, &r), PD_OK);
	cr_assert(pd_record_confidential(&r));
	pd_record_clear(&r);
	cr_assert_eq(pd_store_history(tdb.st, &nu, &nr, label, sizeof label, NULL), PD_OK);
	cr_assert_str_eq(label, "mark item 2 confidential");
	cr_assert_eq(pd_mark_toggle(tdb.st, PD_ITEM, item, &now, &err), PD_OK);
	cr_assert(!now);
	tdb_undo();
	cr_assert_eq(tdb_get(PD_ITEM, item, &r), PD_OK);
	cr_assert(pd_record_confidential(&r), "undo puts the mark back");
	pd_record_clear(&r);
	cr_assert_eq(pd_mark_toggle(tdb.st, PD_PLAN, plan, &now, &err), PD_EINVAL);
	cr_assert(strstr(err.msg, "only items, actions and updates"), "%s", err.msg);
	cr_assert_eq(pd_mark_toggle(tdb.st, PD_ITEM, 99999, &now, &err), PD_NOTFOUND);
}
