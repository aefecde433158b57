/*
 * test_meeting_lines.c — meeting mode in core, after the lines are typed: the
 * agenda, due dates, edits of a typed line, and drafts.
 */
#include "meetingtest.h"

TestSuite(meeting, .init = fixture, .fini = teardown);

/* --- the agenda ------------------------------------------------------------ */

Test(meeting, agenda_entry)
{
	uint64_t m1 = start("2009-05-15"), m2, m3, *ids, found;
	struct pd_record agreed, imported;
	struct pd_recorded done, open;
	struct pd_agenda a;
	struct pd_txn *txn;
	size_t n;

	/* An agreed action (no meeting) and an imported update (no meeting). */
	pd_record_init(&agreed, PD_ACTION);
	pd_set_ref(&agreed, PD_ACTION_ITEM, item1);
	pd_set_text(&agreed, PD_ACTION_TEXT, "Set up twice yearly CP level 1 training", (size_t)-1);
	tdb_add(agreed);
	pd_record_init(&imported, PD_UPDATE);
	pd_set_ref(&imported, PD_UPDATE_ITEM, item1);
	pd_set_text(&imported, PD_UPDATE_DATE, "2009-05-15", (size_t)-1);
	pd_set_text(&imported, PD_UPDATE_TEXT, "Plan for November", (size_t)-1);
	tdb_add(imported);
	rec(m1, item1, "New online package Artimus will be available in October");
	done = rec(m1, item1, "KP to look at the new course");
	open = rec(m1, item1, "DD to ask Homestart");
	m3 = start("2009-09-18");
	rec(m3, item1, "Too late to matter");
	rec(m3, item1, "KP to do the later thing");
	m2 = start("2009-06-26");
	cr_assert_eq(pd_meeting_tick(tdb.st, m2, done.id, NULL, NULL), PD_OK);
	rec(m2, item1, "K. Corcoran is organising additional resources");
	rec(m2, item1, "KP to organise the November session");
	rec(m2, item2, "KP has drafted a copy of the contact list");

	load(m2, item1, &a);
	cr_assert_eq(a.previous, m1);
	cr_assert_str_eq(a.previous_date, "2009-05-15");
	cr_assert_eq(a.agreed.n, 1);
	cr_assert_eq(a.last.n, 2, "the imported update counts by its date");
	cr_assert_str_eq(pd_get_text(&a.last.r[0], PD_UPDATE_TEXT), "Plan for November");
	cr_assert_eq(a.todo.n, 2, "open, and ticked at this meeting");
	cr_assert_eq(a.todo.r[0].id, done.id);
	cr_assert_eq(a.todo.r[1].id, open.id);
	cr_assert_eq(a.notes.n, 1);
	cr_assert_eq(a.actions.n, 1);
	cr_assert_str_eq(pd_get_text(&a.actions.r[0], PD_ACTION_OWNER), "KP");
	pd_agenda_free(&a);
	/* The first meeting has no previous one and no to-dos. */
	load(m1, item1, &a);
	cr_assert_eq(a.previous, 0);
	cr_assert_eq(a.last.n, 0);
	cr_assert_eq(a.todo.n, 0);
	cr_assert_eq(a.notes.n, 2);
	cr_assert_eq(a.actions.n, 2);
	pd_agenda_free(&a);

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_agenda_items(txn, plan, &ids, &n, NULL), PD_OK);
	cr_assert_eq(n, 2);
	cr_assert_eq(ids[0], item1);
	free(ids);
	cr_assert_eq(pd_meeting_find(txn, plan, "2009-06-26", &found, NULL), PD_OK);
	cr_assert_eq(found, m2);
	cr_assert_eq(pd_meeting_find(txn, plan, "2009-06-27", &found, NULL), PD_NOTFOUND);
	pd_txn_end(txn);
}

/* --- due dates and edits --------------------------------------------------- */

Test(meeting, an_action_gives_its_own_due_date)
{
	uint64_t m = start("2009-06-26");   /* a Friday */
	struct pd_meeting_summary sum;
	struct pd_record a;
	struct pd_err err = { 0 };
	struct pd_recorded r1, r2, r3, r4;

	attend(m, kp, PD_ATTEND_PRESENT);
	r1 = rec(m, item1, "KP to circulate the dates by 15 July");
	cr_assert_eq(r1.kind, PD_ACTION);
	cr_assert_str_eq(r1.due, "2009-07-15");
	cr_assert(r1.own_due);
	cr_assert_str_eq(r1.note, "");
	r2 = rec(m, item1, "KP to ring the school by Friday");
	cr_assert_str_eq(r2.due, "2009-07-03");
	r3 = rec(m, item2, "KP to chase the forms by next meeting");
	cr_assert_str_eq(r3.due, "");
	cr_assert_not(r3.own_due);
	r4 = rec(m, item2, "KP to send the minutes by 31/02");
	cr_assert_str_eq(r4.due, "");
	cr_assert(strstr(r4.note, "\"by 31/02\" is no day"), "note: %s", r4.note);
	cr_assert(strstr(r4.note, "February has at most 29 days"), "note: %s", r4.note);
	/* The text is kept exactly as typed. */
	cr_assert_eq(tdb_get(PD_ACTION, r4.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_TEXT), "KP to send the minutes by 31/02");
	cr_assert_not(pd_is_set(&a, PD_ACTION_DUE));
	pd_record_clear(&a);

	/* Only the undated take the next meeting's date; the summary counts
	 * them apart. */
	cr_assert_eq(pd_meeting_end(tdb.st, m, "18/09/2009", &sum, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(sum.actions, 4);
	cr_assert_eq(sum.dated, 2);
	cr_assert_eq(sum.at_next, 2);
	cr_assert_eq(tdb_get(PD_ACTION, r1.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_DUE), "2009-07-15");
	pd_record_clear(&a);
	cr_assert_eq(tdb_get(PD_ACTION, r3.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_DUE), "2009-09-18");
	pd_record_clear(&a);
	/* A dated action due on the old next date stays when the next moves. */
	r1 = rec(m, item1, "KP to book the hall by 18/09/2009");
	cr_assert_str_eq(r1.due, "2009-09-18");
	cr_assert_eq(pd_meeting_end(tdb.st, m, "25/09/2009", &sum, &err), PD_OK);
	cr_assert_eq(tdb_get(PD_ACTION, r1.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_DUE), "2009-09-18");
	pd_record_clear(&a);
	cr_assert_eq(tdb_get(PD_ACTION, r3.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_DUE), "2009-09-25");
	pd_record_clear(&a);
}

Test(meeting, an_owner_matching_two_people_is_kept_as_typed_and_said)
{
	uint64_t m = start("2009-06-26"), k2;
	struct pd_recorded r;
	struct pd_record a;

	k2 = tdb_add(make_person("Ken Parry", "KP", "ken@example.org", 0));
	r = rec(m, item1, "KP to e-mail the schools");
	cr_assert_eq(r.kind, PD_ACTION);
	cr_assert(strstr(r.note, "\"KP\" could be Kath Pike or Ken Parry: kept as typed"),
		  "note: %s", r.note);
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_OWNER), "KP");
	cr_assert_eq(pd_refs_count(&a, PD_ACTION_OWNERS), 0, "never one picked silently");
	pd_record_clear(&a);
	/* At the meeting, the one present is the one meant. */
	attend(m, k2, PD_ATTEND_PRESENT);
	r = rec(m, item1, "KP to e-mail the schools");
	cr_assert_str_eq(r.note, "");
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_eq(pd_refs_at(&a, PD_ACTION_OWNERS, 0), k2);
	pd_record_clear(&a);
}

Test(meeting, a_typed_line_is_edited_in_one_undoable_write)
{
	uint64_t m = start("2009-06-26");
	struct pd_recorded r, out, note;
	struct pd_record a;
	struct pd_err err = { 0 };
	size_t before;

	attend(m, kp, PD_ATTEND_PRESENT);
	attend(m, dd, PD_ATTEND_PRESENT);
	r = rec(m, item1, "KP to circulate the dates");
	cr_assert_eq(pd_meeting_set_status(tdb.st, m, item1, "2", &err), PD_OK);
	note = rec(m, item1, "12 youth workers trained");
	before = nundo();
	cr_assert_eq(pd_meeting_edit(tdb.st, m, &r, "DD to circulate the dates by 15 July",
				     &out, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(nundo(), before + 1, "one undo step");
	cr_assert_eq(out.kind, PD_ACTION);
	cr_assert_eq(out.id, r.id, "the same action");
	cr_assert_str_eq(out.due, "2009-07-15");
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_TEXT), "DD to circulate the dates by 15 July");
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_OWNER), "DD");
	cr_assert_eq(pd_refs_count(&a, PD_ACTION_OWNERS), 1);
	cr_assert_eq(pd_refs_at(&a, PD_ACTION_OWNERS, 0), dd);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_DUE), "2009-07-15");
	pd_record_clear(&a);
	cr_assert_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, kp), 0, "the old owner's index entry goes");
	/* A note keeps its status and its digits. */
	cr_assert_eq(pd_meeting_edit(tdb.st, m, &note, "14 youth workers trained", &out, &err),
		     PD_OK, "%s", err.msg);
	cr_assert_eq(tdb_get(PD_UPDATE, note.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_UPDATE_TEXT), "14 youth workers trained");
	cr_assert_str_eq(pd_get_text(&a, PD_UPDATE_STATUS), "2");
	pd_record_clear(&a);
	/* Undo gives back the line as it was. */
	tdb_undo();
	tdb_undo();
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_TEXT), "KP to circulate the dates");
	cr_assert_eq(pd_refs_at(&a, PD_ACTION_OWNERS, 0), kp);
	pd_record_clear(&a);
	cr_assert_eq(pd_meeting_edit(tdb.st, m, &r, "   ", &out, &err), PD_EEMPTY);
	cr_assert_eq(pd_meeting_edit(tdb.st, m, &r, "bad \xff", &out, &err), PD_EINVAL);
}

/* --- drafts: the open meeting and its lines -------------------------------- */

static void save_line(uint64_t m, uint64_t on, uint64_t item, const char *text)
{
	struct pd_draft_line l = { .item = item, .kind = -1, .text = (char *)text };
	struct pd_err err = { 0 };

	cr_assert_eq(pd_draft_save(tdb.st, m, on, &l, &err), PD_OK, "%s", err.msg);
}

Test(meeting, drafts_keep_the_meeting_open_and_a_line_per_item)
{
	uint64_t m = start("2009-06-26"), found, changes, changes2;
	size_t before = nundo();
	struct pd_err err = { 0 };
	struct pd_draft d;

	cr_assert_eq(pd_draft_load(tdb.st, m, &d, &err), PD_NOTFOUND);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(pd_draft_find(tdb.st, &found, &err), PD_NOTFOUND);
	cr_assert_eq(pd_store_changes(tdb.st, &changes, NULL), PD_OK);
	cr_assert_eq(pd_draft_open(tdb.st, m, 0, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_draft_find(tdb.st, &found, &err), PD_OK);
	cr_assert_eq(found, m, "an open meeting is found");
	save_line(m, item2, item2, "KP to adj");
	save_line(m, item2, item2, "KP to adjust and e-m");
	save_line(m, item1, item1, "12 youth");
	cr_assert_eq(nundo(), before, "a draft is not an undo step");
	cr_assert_eq(pd_store_changes(tdb.st, &changes2, NULL), PD_OK);
	cr_assert_eq(changes2, changes, "a draft does not look like a change");
	/* It survives closing and opening the database. */
	tdb_close();
	tdb_open(NULL);
	cr_assert_eq(pd_draft_load(tdb.st, m, &d, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(d.item, item1, "the item on screen");
	cr_assert_eq(d.n, 2, "a line per item");
	for (size_t i = 0; i < d.n; i++) {
		cr_assert_eq(d.lines[i].kind, -1);
		cr_assert_str_eq(d.lines[i].text, d.lines[i].item == item1 ? "12 youth"
				 : "KP to adjust and e-m");
	}
	pd_draft_free(&d);
	/* Enter records the line and forgets that item's line only. */
	rec(m, item2, "KP to adjust and e-mail organisation");
	cr_assert_eq(pd_draft_load(tdb.st, m, &d, &err), PD_OK);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.lines[0].item, item1);
	pd_draft_free(&d);
	/* Clearing a line (Ctrl-U) forgets it; the meeting stays open. */
	save_line(m, item1, item1, "");
	cr_assert_eq(pd_draft_load(tdb.st, m, &d, &err), PD_OK);
	cr_assert_eq(d.n, 0);
	pd_draft_free(&d);
	/* An edit in progress names its record. */
	{
		struct pd_draft_line l = { .item = item1, .kind = PD_UPDATE, .id = 42,
					   .text = "edited" };
		cr_assert_eq(pd_draft_save(tdb.st, m, item1, &l, &err), PD_OK);
		cr_assert_eq(pd_draft_load(tdb.st, m, &d, &err), PD_OK);
		cr_assert_eq(d.n, 1);
		cr_assert_eq(d.lines[0].kind, PD_UPDATE);
		cr_assert_eq(d.lines[0].id, 42);
		pd_draft_free(&d);
		l.text = "bad \xff";
		cr_assert_eq(pd_draft_save(tdb.st, m, item1, &l, &err), PD_EINVAL);
	}
	/* Ending the meeting closes it. */
	cr_assert_eq(pd_meeting_end(tdb.st, m, "", NULL, &err), PD_OK);
	cr_assert_eq(pd_draft_load(tdb.st, m, &d, &err), PD_NOTFOUND);
	cr_assert_eq(pd_draft_find(tdb.st, &found, &err), PD_NOTFOUND);
	/* Undo of the recorded line does not disturb drafts or fail. */
	cr_assert_eq(pd_store_undo(tdb.st, NULL, 0, &err), PD_OK, "%s", err.msg);
}

/* A database written before lines were kept per item: one 8-byte key
 * whose value is the item and the text. */
Test(meeting, an_old_one_line_draft_is_read)
{
	uint64_t m = start("2009-06-26");
	unsigned char key[8], val[8 + 5];
	struct pd_err err = { 0 };
	struct pd_draft d;
	struct raw r;
	MDB_val k = { 8, key }, v = { sizeof val, val };

	raw_begin(&r);
	pd_put_be64(key, m);
	pd_put_be64(val, item2);
	memcpy(val + 8, "KP to", 5);
	cr_assert_eq(mdb_put(r.txn, raw_dbi(&r, "drafts", 0), &k, &v, 0), 0);
	raw_commit(&r);
	cr_assert_eq(pd_draft_load(tdb.st, m, &d, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(d.item, item2);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.lines[0].item, item2);
	cr_assert_str_eq(d.lines[0].text, "KP to");
	pd_draft_free(&d);
}
