/*
 * test_meeting.c — meeting mode in core: starting a meeting, attendance, one write per typed line,
 * note <-> action, to-dos, status and ending.
 */
#include "meetingtest.h"

TestSuite(meeting, .init = fixture, .fini = teardown);

/* --- start and attendance -------------------------------------------------- */

Test(meeting, start_defaults_to_today_and_resumes)
{
	struct pd_meeting_spec spec = { .plan = plan };
	struct pd_record m;
	struct pd_err err = { 0 };
	uint64_t id, again;
	bool resumed = true;

	cr_assert_eq(pd_meeting_start(tdb.st, &spec, &id, &resumed, &err), PD_OK, "%s", err.msg);
	cr_assert_not(resumed);
	cr_assert_eq(tdb_get(PD_MEETING, id, &m), PD_OK);
	cr_assert_str_eq(pd_get_text(&m, PD_MEETING_DATE), "2009-06-26");
	pd_record_clear(&m);
	spec.date = "26th June 2009";
	spec.location = "Meir Park";
	cr_assert_eq(pd_meeting_start(tdb.st, &spec, &again, &resumed, &err), PD_OK);
	cr_assert(resumed);
	cr_assert_eq(again, id);
	cr_assert_eq(tdb_get(PD_MEETING, id, &m), PD_OK);
	cr_assert_str_eq(pd_get_text(&m, PD_MEETING_LOCATION), "Meir Park");
	pd_record_clear(&m);
	cr_assert_eq(tdb_count(PD_MEETING), 1);
	spec.date = "June 2009";
	cr_assert_eq(pd_meeting_start(tdb.st, &spec, &again, NULL, &err), PD_EINVAL);
	spec.date = "31/02/2009";
	cr_assert_eq(pd_meeting_start(tdb.st, &spec, &again, NULL, &err), PD_EINVAL);
	cr_assert(strstr(err.msg, "February"), "%s", err.msg);
	spec.plan = 424242;
	spec.date = NULL;
	cr_assert_eq(pd_meeting_start(tdb.st, &spec, &again, NULL, &err), PD_EINVAL);
}

Test(meeting, attendance)
{
	uint64_t m = start("2009-06-26");
	struct pd_record r;
	struct pd_err err = { 0 };
	size_t pos = 0, n;
	const char *s;

	attend(m, kp, PD_ATTEND_PRESENT);
	attend(m, dd, PD_ATTEND_APOLOGIES);
	cr_assert_eq(tdb_get(PD_MEETING, m, &r), PD_OK);
	cr_assert_eq(pd_meeting_attendance(&r, kp), PD_ATTEND_PRESENT);
	cr_assert_eq(pd_meeting_attendance(&r, dd), PD_ATTEND_APOLOGIES);
	cr_assert_eq(pd_meeting_attendance(&r, kc), PD_ATTEND_NONE);
	pd_record_clear(&r);
	attend(m, dd, PD_ATTEND_PRESENT);   /* moves from apologies */
	attend(m, kp, PD_ATTEND_NONE);
	cr_assert_eq(tdb_get(PD_MEETING, m, &r), PD_OK);
	cr_assert_eq(pd_refs_count(&r, PD_MEETING_PRESENT), 1);
	cr_assert_eq(pd_refs_at(&r, PD_MEETING_PRESENT, 0), dd);
	cr_assert_eq(pd_refs_count(&r, PD_MEETING_APOLOGIES), 0);
	pd_record_clear(&r);
	cr_assert_eq(pd_meeting_attend(tdb.st, m, 777777, PD_ATTEND_PRESENT, &err), PD_EINVAL);

	/* People not in the directory, as text. */
	cr_assert_eq(pd_meeting_attend_other(tdb.st, m, " Iftihar ", PD_ATTEND_APOLOGIES, &err), PD_OK);
	cr_assert_eq(pd_meeting_attend_other(tdb.st, m, "PCSOs", PD_ATTEND_APOLOGIES, &err), PD_OK);
	cr_assert_eq(pd_meeting_attend_other(tdb.st, m, "Jane Fallows", PD_ATTEND_PRESENT, &err), PD_OK);
	cr_assert_eq(pd_meeting_attend_other(tdb.st, m, "iftihar", PD_ATTEND_PRESENT, &err), PD_OK);
	cr_assert_eq(tdb_get(PD_MEETING, m, &r), PD_OK);
	cr_assert_str_eq(pd_get_text(&r, PD_MEETING_APOLOGIES_OTHER), "PCSOs");
	cr_assert_str_eq(pd_get_text(&r, PD_MEETING_PRESENT_OTHER), "Jane Fallows; iftihar");
	cr_assert(pd_names_next(pd_get_text(&r, PD_MEETING_PRESENT_OTHER), &pos, &s, &n));
	cr_assert_eq(n, 12);
	cr_assert(pd_names_next(pd_get_text(&r, PD_MEETING_PRESENT_OTHER), &pos, &s, &n));
	cr_assert_eq(strncmp(s, "iftihar", n), 0);
	cr_assert_not(pd_names_next(pd_get_text(&r, PD_MEETING_PRESENT_OTHER), &pos, &s, &n));
	pd_record_clear(&r);
	cr_assert_eq(pd_meeting_attend_other(tdb.st, m, "PCSOs", PD_ATTEND_NONE, &err), PD_OK);
	cr_assert_eq(tdb_get(PD_MEETING, m, &r), PD_OK);
	cr_assert_not(pd_is_set(&r, PD_MEETING_APOLOGIES_OTHER));
	pd_record_clear(&r);
	cr_assert_eq(pd_meeting_attend_other(tdb.st, m, "a;b", PD_ATTEND_PRESENT, &err), PD_EINVAL);
	cr_assert_eq(pd_meeting_attend_other(tdb.st, m, "  ", PD_ATTEND_PRESENT, &err), PD_EINVAL);
}

/* --- recording ----------------------------------------------------------- */

Test(meeting, a_note_is_one_write)
{
	uint64_t m = start("2009-06-26");
	size_t before = nundo();
	struct pd_recorded r = rec(m, item1, "  · Homestart have agreed to help out  ");
	struct pd_record u;

	cr_assert_eq(r.kind, PD_UPDATE);
	cr_assert_eq(nundo(), before + 1, "one line, one undo step");
	cr_assert_eq(tdb_get(PD_UPDATE, r.id, &u), PD_OK);
	cr_assert_str_eq(pd_get_text(&u, PD_UPDATE_TEXT), "Homestart have agreed to help out");
	cr_assert_str_eq(pd_get_text(&u, PD_UPDATE_DATE), "2009-06-26");
	cr_assert_eq(pd_get_ref(&u, PD_UPDATE_MEETING), m);
	cr_assert_eq(pd_get_ref(&u, PD_UPDATE_ITEM), item1);
	pd_record_clear(&u);
	/* "Agreed to meet again" only looks like an action. */
	r = rec(m, item1, "Agreed to meet again");
	cr_assert_eq(r.kind, PD_UPDATE);
	r = rec(m, item1, "It was agreed to meet again");
	cr_assert_eq(r.kind, PD_UPDATE);
	cr_assert_eq(tdb_count(PD_ACTION), 0);
	cr_assert_eq(tdb_count(PD_UPDATE), 3);
}

Test(meeting, record_refuses_empty_and_strangers)
{
	uint64_t m = start("2009-06-26");
	uint64_t other = tdb_add(make_plan("X", "Another plan"));
	uint64_t xitem = tdb_add(make_item(other, "1", "Elsewhere"));
	struct pd_err err = { 0 };

	cr_assert_eq(pd_meeting_record(tdb.st, m, item1, "   ", NULL, &err), PD_EEMPTY);
	cr_assert_eq(pd_meeting_record(tdb.st, m, item1, NULL, NULL, &err), PD_EEMPTY);
	cr_assert_eq(pd_meeting_record(tdb.st, m, xitem, "note", NULL, &err), PD_EINVAL);
	cr_assert_eq(pd_meeting_record(tdb.st, m, 99999, "note", NULL, &err), PD_NOTFOUND);
	cr_assert_eq(pd_meeting_record(tdb.st, 99999, item1, "note", NULL, &err), PD_NOTFOUND);
	cr_assert_eq(pd_meeting_record(tdb.st, m, item1, "bad \xff", NULL, &err), PD_EINVAL);
	cr_assert_eq(tdb_count(PD_UPDATE), 0);
}

Test(meeting, an_action_by_initials)
{
	uint64_t m = start("2009-06-26");
	struct pd_recorded r;
	struct pd_record a;
	struct pd_err err = { 0 };

	attend(m, kp, PD_ATTEND_PRESENT);
	r = rec(m, item2, "KP to adjust and e-mail organisation");
	cr_assert_eq(r.kind, PD_ACTION);
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_TEXT), "KP to adjust and e-mail organisation");
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_OWNER), "KP");
	cr_assert_eq(pd_refs_count(&a, PD_ACTION_OWNERS), 1);
	cr_assert_eq(pd_refs_at(&a, PD_ACTION_OWNERS, 0), kp);
	cr_assert_eq(pd_get_ref(&a, PD_ACTION_RAISED), m);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_STATE), "open");
	cr_assert_not(pd_is_set(&a, PD_ACTION_DUE));
	cr_assert_eq(pd_get_int(&a, PD_ACTION_POSITION), 1);
	pd_record_clear(&a);

	/* Several owners; the next date, once set, is the due date. */
	cr_assert_eq(pd_meeting_end(tdb.st, m, "18/09/2009", NULL, &err), PD_OK, "%s", err.msg);
	r = rec(m, item2, "KP/DD to invite the Young Women's Project");
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_OWNER), "KP/DD");
	cr_assert_eq(pd_refs_count(&a, PD_ACTION_OWNERS), 2);
	cr_assert_eq(pd_refs_at(&a, PD_ACTION_OWNERS, 1), dd);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_DUE), "2009-09-18");
	cr_assert_eq(pd_get_int(&a, PD_ACTION_POSITION), 2);
	pd_record_clear(&a);
	cr_assert_eq(tdb_count_ix(PD_IX_ACTIONS_BY_OWNER, dd), 1);
}

Test(meeting, actions_by_names)
{
	uint64_t m = start("2009-06-26");
	struct pd_recorded r;
	struct pd_record a;

	/* Not in the directory: kept as text, no link. */
	r = rec(m, item1, "Sheelagh Davis to contact the Police prostitution Unit");
	cr_assert_eq(r.kind, PD_ACTION);
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_OWNER), "Sheelagh Davis");
	cr_assert_eq(pd_refs_count(&a, PD_ACTION_OWNERS), 0);
	pd_record_clear(&a);
	r = rec(m, item1, "K. Corcoran to organise additional resources");
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_eq(pd_refs_at(&a, PD_ACTION_OWNERS, 0), kc);
	pd_record_clear(&a);
	/* A sentence-starter that is somebody's name, at the meeting. */
	cr_assert_eq(rec(m, item1, "Hope to bring the leaflets").kind, PD_UPDATE);
	attend(m, hope, PD_ATTEND_PRESENT);
	r = rec(m, item1, "Hope to bring the leaflets");
	cr_assert_eq(r.kind, PD_ACTION);
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_eq(pd_refs_at(&a, PD_ACTION_OWNERS, 0), hope);
	pd_record_clear(&a);
}

Test(meeting, toggle_note_and_action)
{
	uint64_t m = start("2009-06-26");
	struct pd_recorded note = rec(m, item1, "KP will look at the new course");
	struct pd_recorded act, back;
	struct pd_record a;
	struct pd_err err = { 0 };
	char label[64];
	size_t before;

	cr_assert_eq(note.kind, PD_UPDATE);
	before = nundo();
	cr_assert_eq(pd_meeting_toggle(tdb.st, m, &note, &act, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(nundo(), before + 1);
	cr_assert_eq(act.kind, PD_ACTION);
	cr_assert_eq(tdb_count(PD_UPDATE), 0);
	cr_assert_eq(tdb_get(PD_ACTION, act.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_TEXT), "KP will look at the new course");
	cr_assert_not(pd_is_set(&a, PD_ACTION_OWNER), "no \"to\": no owner");
	cr_assert_eq(pd_get_ref(&a, PD_ACTION_RAISED), m);
	pd_record_clear(&a);
	cr_assert_eq(pd_meeting_toggle(tdb.st, m, &act, &back, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(back.kind, PD_UPDATE);
	cr_assert_eq(tdb_count(PD_ACTION), 0);
	cr_assert_eq(tdb_count(PD_UPDATE), 1);
	/* Undo puts the action back in one step. */
	cr_assert_eq(pd_store_undo(tdb.st, label, sizeof label, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(tdb_count(PD_ACTION), 1);
	cr_assert_eq(tdb_count(PD_UPDATE), 0);
	cr_assert_str_eq(label, "make action a note");
	/* An action typed with its owner keeps it through the round trip. */
	act = rec(m, item1, "KP to ring the school");
	cr_assert_eq(pd_meeting_toggle(tdb.st, m, &act, &note, &err), PD_OK);
	cr_assert_eq(pd_meeting_toggle(tdb.st, m, &note, &act, &err), PD_OK);
	cr_assert_eq(tdb_get(PD_ACTION, act.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_OWNER), "KP");
	cr_assert_eq(pd_refs_at(&a, PD_ACTION_OWNERS, 0), kp);
	pd_record_clear(&a);
	cr_assert_eq(pd_meeting_toggle(tdb.st, m, &(struct pd_recorded){ .kind = PD_PLAN, .id = plan },
				       NULL, &err), PD_EINVAL);
	/* A note that carried the status: the status stays with the meeting. */
	note = rec(m, item2, "Directory drafted");
	cr_assert_eq(pd_meeting_set_status(tdb.st, m, item2, "2", &err), PD_OK);
	cr_assert_eq(pd_meeting_toggle(tdb.st, m, &note, &act, &err), PD_OK);
	{
		struct pd_agenda ag;
		load(m, item2, &ag);
		cr_assert_str_eq(ag.status, "2", "status kept after note -> action");
		cr_assert_eq(ag.notes.n, 1);
		cr_assert(pd_update_is_status_only(&ag.notes.r[0], pd_scale_get(NULL)));
		pd_agenda_free(&ag);
	}
	cr_assert_eq(pd_meeting_toggle(tdb.st, m, &act, &note, &err), PD_OK);
	{
		struct pd_agenda ag;
		load(m, item2, &ag);
		cr_assert_eq(ag.notes.n, 1, "the note took the status-only update's place");
		cr_assert_str_eq(pd_get_text(&ag.notes.r[0], PD_UPDATE_TEXT), "Directory drafted");
		cr_assert_str_eq(ag.status, "2");
		pd_agenda_free(&ag);
	}
}

Test(meeting, tick_todo)
{
	uint64_t m1 = start("2009-05-15"), m2;
	struct pd_recorded r = rec(m1, item1, "KP to look at the new course");
	struct pd_record a;
	struct pd_err err = { 0 };
	bool done = false;

	m2 = start("2009-06-26");
	cr_assert_eq(pd_meeting_tick(tdb.st, m2, r.id, &done, &err), PD_OK, "%s", err.msg);
	cr_assert(done);
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_STATE), "done");
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_CLOSED), "2009-06-26");
	pd_record_clear(&a);
	cr_assert_eq(pd_meeting_tick(tdb.st, m2, r.id, &done, &err), PD_OK);
	cr_assert_not(done);
	cr_assert_eq(tdb_get(PD_ACTION, r.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_STATE), "open");
	cr_assert_not(pd_is_set(&a, PD_ACTION_CLOSED));
	pd_record_clear(&a);
	cr_assert_eq(pd_meeting_tick(tdb.st, m2, 99999, &done, &err), PD_NOTFOUND);
}

Test(meeting, status_with_and_without_notes)
{
	uint64_t m = start("2009-06-26");
	struct pd_recorded r;
	struct pd_record it, u;
	struct pd_agenda a;
	struct pd_err err = { 0 };

	/* No note yet: a status-only update carries it. */
	cr_assert_eq(pd_meeting_set_status(tdb.st, m, item1, "2", &err), PD_OK, "%s", err.msg);
	cr_assert_eq(tdb_get(PD_ITEM, item1, &it), PD_OK);
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_STATUS), "2");
	pd_record_clear(&it);
	cr_assert_eq(tdb_count(PD_UPDATE), 1);
	load(m, item1, &a);
	cr_assert_eq(a.notes.n, 1);
	cr_assert_str_eq(pd_get_text(&a.notes.r[0], PD_UPDATE_TEXT), "Status: On track");
	cr_assert(pd_update_is_status_only(&a.notes.r[0], pd_scale_get(NULL)));
	cr_assert_str_eq(a.status, "2");
	pd_agenda_free(&a);
	/* The first note takes its place and keeps the status. */
	r = rec(m, item1, "Registered and looked at on-line course");
	cr_assert_eq(tdb_count(PD_UPDATE), 1);
	cr_assert_eq(tdb_get(PD_UPDATE, r.id, &u), PD_OK);
	cr_assert_str_eq(pd_get_text(&u, PD_UPDATE_STATUS), "2");
	cr_assert_str_eq(pd_get_text(&u, PD_UPDATE_TEXT), "Registered and looked at on-line course");
	pd_record_clear(&u);
	/* Later notes take the status; a new status reaches them all. */
	r = rec(m, item1, "Agreed we should organise additional resources");
	cr_assert_eq(tdb_get(PD_UPDATE, r.id, &u), PD_OK);
	cr_assert_str_eq(pd_get_text(&u, PD_UPDATE_STATUS), "2");
	pd_record_clear(&u);
	cr_assert_eq(pd_meeting_set_status(tdb.st, m, item1, "3", &err), PD_OK);
	load(m, item1, &a);
	cr_assert_eq(a.notes.n, 2);
	cr_assert_str_eq(pd_get_text(&a.notes.r[0], PD_UPDATE_STATUS), "3");
	cr_assert_str_eq(pd_get_text(&a.notes.r[1], PD_UPDATE_STATUS), "3");
	cr_assert_str_eq(a.status, "3");
	pd_agenda_free(&a);
	/* Off the scale, another plan's item. */
	cr_assert_eq(pd_meeting_set_status(tdb.st, m, item1, "G", &err), PD_EINVAL);
	cr_assert(strstr(err.msg, "not a status"), "%s", err.msg);
	/* Cleared: the item and the notes lose it; a status-only update goes. */
	cr_assert_eq(pd_meeting_set_status(tdb.st, m, item2, "1", &err), PD_OK);
	cr_assert_eq(tdb_count(PD_UPDATE), 3);
	cr_assert_eq(pd_meeting_set_status(tdb.st, m, item2, "", &err), PD_OK);
	cr_assert_eq(tdb_count(PD_UPDATE), 2);
	cr_assert_eq(pd_meeting_set_status(tdb.st, m, item1, "", &err), PD_OK);
	load(m, item1, &a);
	cr_assert_str_eq(a.status, "");
	cr_assert_not(pd_is_set(&a.item, PD_ITEM_STATUS));
	pd_agenda_free(&a);
}

Test(meeting, end_sets_due_dates_and_summarises)
{
	uint64_t m1 = start("2009-05-15"), m;
	struct pd_recorded old = rec(m1, item1, "KP to look at the new course");
	struct pd_meeting_summary sum;
	struct pd_record a;
	struct pd_err err = { 0 };
	struct pd_recorded r1, r2;

	m = start("2009-06-26");
	attend(m, kp, PD_ATTEND_PRESENT);
	attend(m, dd, PD_ATTEND_PRESENT);
	cr_assert_eq(pd_meeting_attend_other(tdb.st, m, "Iftihar", PD_ATTEND_APOLOGIES, &err), PD_OK);
	rec(m, item1, "Registered and looked at on-line course");
	r1 = rec(m, item2, "KP to adjust and e-mail organisation");
	r2 = rec(m, item2, "DD to speak to PCSOs");
	rec(m, item2, "Stoke What's up website is progressing");
	cr_assert_eq(pd_meeting_tick(tdb.st, m, old.id, NULL, &err), PD_OK);
	cr_assert_eq(pd_meeting_set_status(tdb.st, m, item2, "2", &err), PD_OK);
	cr_assert_eq(pd_meeting_end(tdb.st, m, "25/09/2009", &sum, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(sum.notes, 2);
	cr_assert_eq(sum.actions, 2);
	cr_assert_eq(sum.done, 1);
	cr_assert_eq(sum.statuses, 1);
	cr_assert_eq(sum.items, 2);
	cr_assert_eq(sum.present, 2);
	cr_assert_eq(sum.apologies, 1);
	cr_assert_eq(tdb_get(PD_ACTION, r1.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_DUE), "2009-09-25");
	pd_record_clear(&a);
	/* A new next date moves the dues it gave; an old meeting's stay. */
	cr_assert_eq(pd_meeting_end(tdb.st, m, "2nd October 2009", NULL, &err), PD_OK);
	cr_assert_eq(tdb_get(PD_ACTION, r2.id, &a), PD_OK);
	cr_assert_str_eq(pd_get_text(&a, PD_ACTION_DUE), "2009-10-02");
	pd_record_clear(&a);
	cr_assert_eq(tdb_get(PD_ACTION, old.id, &a), PD_OK);
	cr_assert_not(pd_is_set(&a, PD_ACTION_DUE));
	pd_record_clear(&a);
	cr_assert_eq(pd_meeting_end(tdb.st, m, "1st May 2009", NULL, &err), PD_EINVAL);
	cr_assert_eq(pd_meeting_end(tdb.st, m, "someday", NULL, &err), PD_EINVAL);
	cr_assert_eq(pd_meeting_end(tdb.st, 99999, "", NULL, &err), PD_NOTFOUND);
}
