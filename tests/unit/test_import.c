/*
 * test_import.c — importing CSV files into a real store: every shape of
 * contacts file, natural keys and upserts, references between kinds,
 * errors with their FILE:LINE:COL, and all-or-nothing.
 */
#include "testdb.h"

#include "csvtest.h"

static void fini(void)
{
	tdb_teardown();
	pd_buf_free(&warned);
}

TestSuite(import, .init = tdb_setup, .fini = fini);

static void assert_person(const char *name, int f, const char *want)
{
	struct pd_record p = find_rec(PD_PERSON, PD_PERSON_NAME, name);

	cr_assert_str_eq(pd_get_text(&p, f), want, "%s: %s", name,
			 pd_kind_info(PD_PERSON)->fields[f].name);
	pd_record_clear(&p);
}

static void assert_person_org(const char *name, const char *org)
{
	struct pd_record p = find_rec(PD_PERSON, PD_PERSON_NAME, name);
	char *s = text_of(PD_ORG, pd_get_ref(&p, PD_PERSON_ORG), PD_ORG_NAME);

	cr_assert_str_eq(s, org, "%s's organisation", name);
	free(s);
	pd_record_clear(&p);
}

/* --- the shapes of contacts files ----------------------------------------- */

Test(import, excel_utf8)
{
	struct pd_import_stats st = import_ok(PD_PERSON, fixture("people_excel.csv"));

	cr_assert_eq(st.rows, 3);
	cr_assert_eq(st.added, 3);
	cr_assert_eq(st.orgs_created, 3);
	assert_person("Zoë Ashworth", PD_PERSON_VERIFIED, "2026-10-19");
	assert_person("Zoë Ashworth", PD_PERSON_MOBILE, "07700 900140");
	/* The spreadsheet's guard apostrophe is not part of the number. */
	assert_person("Łukasz Nowak", PD_PERSON_PHONE, "+44 1632 960150");
	assert_person("Siobhán O'Brien", PD_PERSON_NOTES, "Volunteer co-ordinator, Longton");
	assert_person_org("Siobhán O'Brien", "Homestart");
	cr_assert_eq(warned.n, 0, "%s", warned.p);
}

/* Quotes inside unquoted fields are data, as Excel reads them. */
Test(import, quotes_inside_fields)
{
	struct pd_import_stats st = import_ok(PD_PERSON, fixture("people_quotes.csv"));

	cr_assert_eq(st.added, 2);
	assert_person("Kate \"Katie\" Stevenson", PD_PERSON_NOTES,
		      "Meets at 37\xc2\xb0" "36'37.8\"N");
}

Test(import, semicolons_windows_1252)
{
	struct pd_import_stats st = import_ok(PD_PERSON, fixture("people_semicolon.csv"));

	cr_assert_eq(st.added, 2);
	assert_person("René Lefèvre", PD_PERSON_ROLE, "Médiateur");
	assert_person("René Lefèvre", PD_PERSON_NOTES, "Parle français; anglais");
	assert_person("Ana Muñoz", PD_PERSON_NOTES, "Notas: 1,5 días");
	cr_assert(strstr(warned.p, "people_semicolon.csv:2: warning: not valid UTF-8; "
			 "the file is read as Windows-1252"), "%s", warned.p);
	cr_assert_eq(st.warnings, 1);
}

Test(import, tab_separated)
{
	import_ok(PD_PERSON, fixture("people_tab.tsv"));
	assert_person("Mark Boulton", PD_PERSON_ROLE, "Crash course lead, fire service");
	assert_person_org("Gary Holdcroft", "Staffordshire Police");
	assert_person("Gary Holdcroft", PD_PERSON_EMAIL, "gary.holdcroft@police.example.org");
}

Test(import, line_breaks_in_notes)
{
	struct pd_import_stats st = import_ok(PD_PERSON, fixture("people_multiline.csv"));

	cr_assert_eq(st.rows, 2);
	assert_person("Kate Stevenson", PD_PERSON_NOTES,
		      "Line one\nLine two, with a comma\n\"Quoted\" line three");
	assert_person("Jane Fallows", PD_PERSON_NOTES, "Ends with a line break\n");
}

Test(import, outlook)
{
	struct pd_import_stats st = import_ok(PD_PERSON, fixture("outlook_contacts.csv"));

	cr_assert_eq(st.added, 3);
	assert_person("Tracy Kirk", PD_PERSON_ROLE, "Centre Manager");
	assert_person("Tracy Kirk", PD_PERSON_INITIALS, "T.K.");
	assert_person("Tracy Kirk", PD_PERSON_PHONE, "01632 960170");
	assert_person("Tracy Kirk", PD_PERSON_MOBILE, "07700 900170");
	assert_person("Tracy Kirk", PD_PERSON_EMAIL, "tracy.kirk@westfield.example.org");
	assert_person("Tracy Kirk", PD_PERSON_NOTES, "Runs the Tuesday parents' group.\r\n"
		      "Ask about the crèche.\nweb page: https://westfield.example.org");
	assert_person_org("Tracy Kirk", "Westfield Children's Centre");
	/* Middle name kept; Primary Phone before Company Main Phone. */
	assert_person("Alistair J. Simpson", PD_PERSON_PHONE, "01632 960180");
	assert_person("Hélène Dubois", PD_PERSON_PHONE, "01632 960190");
	cr_assert(strstr(warned.p, "outlook_contacts.csv:1: warning: ignoring 79 unknown "
			 "columns: \"Title\", \"Suffix\", \"Department\""), "%s", warned.p);
	cr_assert(strstr(warned.p, "read as Windows-1252"), "%s", warned.p);
}

Test(import, google_old)
{
	import_ok(PD_PERSON, fixture("google_old.csv"));
	assert_person("Sheelagh Davis", PD_PERSON_EMAIL, "sheelagh.davis@example.org");
	assert_person("Sheelagh Davis", PD_PERSON_PHONE, "01632 960160");
	assert_person("Sheelagh Davis", PD_PERSON_ROLE, "Project Worker");
	assert_person("Sheelagh Davis", PD_PERSON_NOTES, "Met at the June meeting.\n"
		      "phone: 01632 960161\nemail: s.davis@home.example.net");
	assert_person_org("Sheelagh Davis", "Young Women's Project");
	/* No "Name": the name from its parts. */
	assert_person("Iftihar", PD_PERSON_ROLE, "Community co-ordinator, mosque");
	assert_person_org("Iftihar", "Longton Mosque");
}

Test(import, google_new)
{
	import_ok(PD_PERSON, fixture("google_new.csv"));
	assert_person("Søren Søndergaard", PD_PERSON_PHONE, "+44 1632 960200");
	assert_person("Søren Søndergaard", PD_PERSON_ROLE, "Clinical Psychologist");
	assert_person("Søren Søndergaard", PD_PERSON_NOTES, "Danish; speaks English and "
		      "Danish.\nweb page: https://firststeps.example.org");
	assert_person("João São Pedro", PD_PERSON_NOTES, "organisation: Sandon High School");
	assert_person_org("João São Pedro", "Westfield Children's Centre");
}

/* --- errors: where, and nothing written ------------------------------------ */

static void assert_fails(enum pd_kind kind, const char *file, int code,
			 const char *msg)
{
	struct pd_import_stats st;
	struct pd_err err = { 0 };
	uint64_t before = changes();
	size_t people = tdb_count(PD_PERSON), items = tdb_count(PD_ITEM);

	cr_assert_eq(import_path(kind, fixture(file), NULL, &st, &err), code,
		     "%s: %s", file, err.msg);
	cr_assert(!strncmp(err.msg, msg, strlen(msg)), "%s: got \"%s\"", file, err.msg);
	cr_assert_eq(changes(), before, "%s wrote something", file);
	cr_assert_eq(tdb_count(PD_PERSON), people);
	cr_assert_eq(tdb_count(PD_ITEM), items);
}

Test(import, broken_csv)
{
	assert_fails(PD_PERSON, "bad_after_quote.csv", PD_EPARSE,
		     "bad_after_quote.csv:4:1: text after the closing quote");
	assert_fails(PD_PERSON, "bad_unclosed.csv", PD_EPARSE,
		     "bad_unclosed.csv:3:8: a quoted field is not closed");
	cr_assert_eq(tdb_count(PD_ORG), 0);
}

Test(import, bad_values)
{
	import_ok(PD_PLAN, TOP_SRCDIR "/share/sample/plans.csv");
	assert_fails(PD_PERSON, "bad_date.csv", PD_EINVAL, "bad_date.csv:5:9: verified: "
		     "not a date: \"31/02/2009\" (February has 28 days in 2009)");
	assert_fails(PD_ITEM, "bad_plan.csv", PD_EINVAL,
		     "bad_plan.csv:3:1: plan: no plan with ref \"NOPE\"");
	assert_fails(PD_ITEM, "bad_status.csv", PD_EINVAL,
		     "bad_status.csv:3:4: status: not a status on the 1-4 scale");
	assert_fails(PD_ITEM, "bad_missing_column.csv", PD_EINVAL,
		     "bad_missing_column.csv:1:1: missing column \"title\"");
}

Test(import, more_bad_values)
{
	struct pd_import_stats st;
	struct pd_err err;

	import_ok(PD_PLAN, TOP_SRCDIR "/share/sample/plans.csv");
	cr_assert_eq(import_text(PD_PLAN, "ref,title,scale\nX,Plan X,traffic lights\n",
				 &st, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "test.csv:2:3: scale: no scale called \"traffic lights\" "
			 "(use 1-4 or rag)");
	cr_assert_eq(import_text(PD_ITEM, "plan,ref,title\nCSE,,No ref\n", &st, &err),
		     PD_EINVAL);
	cr_assert_str_eq(err.msg, "test.csv:2:2: ref: an item needs a ref");
	cr_assert_eq(import_text(PD_ITEM, "plan,ref,title\nCSE,1,One\n", &st, &err), PD_OK);
	cr_assert_eq(import_text(PD_ACTION, "plan,item,text,state\nCSE,1,Do it,finished\n",
				 &st, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "test.csv:2:4: state: \"finished\" is not a state (use "
			 "open, done or dropped)");
	cr_assert_eq(import_text(PD_ACTION, "plan,item,text\nCSE,404,Do it\n", &st, &err),
		     PD_EINVAL);
	cr_assert_str_eq(err.msg, "test.csv:2:2: item: plan CSE has no item \"404\"");
	cr_assert_eq(import_text(PD_PERSON, "Name,Role\n,Nobody\n", &st, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "test.csv:2:1: name: a person needs a name");
	cr_assert_eq(import_text(PD_PERSON, "", &st, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "test.csv: the file is empty (no header line)");
	cr_assert_eq(import_text(PD_PERSON, "role,phone\nx,1\n", &st, &err), PD_EINVAL);
	cr_assert(strstr(err.msg, "test.csv:1:1: missing column \"name\""), "%s", err.msg);
	cr_assert_eq(tdb_count(PD_PERSON), 0);
}

Test(import, themes_have_no_csv_form)
{
	struct pd_import_stats st;
	struct pd_err err;

	cr_assert_eq(import_text(PD_THEME, "plan,name\n", &st, &err), PD_EINVAL);
	cr_assert(strstr(err.msg, "themes have no CSV form"), "%s", err.msg);
}

/* An error in the last of 10 000 rows leaves nothing written. */
Test(import, last_row_error_rolls_back_everything)
{
	struct pd_buf csv = PD_BUF_INIT;
	struct pd_import_stats st;
	struct pd_err err;
	uint64_t before = changes();

	pd_buf_puts(&csv, "name,organisation,email,verified\n");
	for (int i = 1; i < 10000; i++)
		pd_buf_printf(&csv, "Person %d,Org %d,p%d@example.org,2026-01-%02d\n", i,
			      i % 50, i, 1 + i % 28);
	pd_buf_puts(&csv, "Person 10000,Org 0,p10000@example.org,2026-13-01\n");
	cr_assert_eq(import_text(PD_PERSON, csv.p, &st, &err), PD_EINVAL);
	cr_assert(!strncmp(err.msg, "test.csv:10001:4: verified: not a date", 38),
		  "%s", err.msg);
	cr_assert_eq(st.rows, 10000);
	cr_assert_eq(tdb_count(PD_PERSON), 0);
	cr_assert_eq(tdb_count(PD_ORG), 0);
	cr_assert_eq(changes(), before);
	pd_buf_free(&csv);
}

/* A write that fills the map is run again from the top: counts and
 * records come out as if it had run once. */
Test(import, map_growth_reruns_cleanly)
{
	struct pd_open_opts small = { .map_size = 1u << 20 };
	struct pd_buf csv = PD_BUF_INIT;
	struct pd_import_stats st;
	struct pd_err err;

	tdb_close();
	tdb_open(&small);
	pd_buf_puts(&csv, "name,organisation,notes\n");
	for (int i = 0; i < 5000; i++)
		pd_buf_printf(&csv, "Person %d,Org %d,\"Notes about person %d,\nover two lines\"\n",
			      i, i % 40, i);
	cr_assert_eq(import_text(PD_PERSON, csv.p, &st, &err), PD_OK, "%s", err.msg);
	cr_assert_gt(pd_store_map_size(tdb.st), 1u << 20, "the map did not grow");
	cr_assert_eq(st.rows, 5000);
	cr_assert_eq(st.added, 5000);
	cr_assert_eq(st.orgs_created, 40);
	cr_assert_eq(tdb_count(PD_PERSON), 5000);
	cr_assert_eq(tdb_count(PD_ORG), 40);
	pd_buf_free(&csv);
}

/* --- natural keys ---------------------------------------------------------- */

/* The second import of the same files adds and changes nothing at all. */
Test(import, twice_is_a_no_op)
{
	static const char *const files[] = { "orgs", "people", "plans", "items",
					     "meetings", "actions", "updates" };
	static const enum pd_kind kinds[] = { PD_ORG, PD_PERSON, PD_PLAN, PD_ITEM,
					      PD_MEETING, PD_ACTION, PD_UPDATE };
	char path[1024];

	import_samples();
	for (size_t i = 0; i < 7; i++) {
		uint64_t before = changes();
		size_t n = tdb_count(kinds[i]);
		snprintf(path, sizeof path, "%s/share/sample/%s.csv", TOP_SRCDIR, files[i]);
		struct pd_import_stats st = import_ok(kinds[i], path);
		cr_assert_eq(st.added, 0, "%s", files[i]);
		cr_assert_eq(st.updated, 0, "%s", files[i]);
		cr_assert_eq(st.unchanged, n, "%s: %zu unchanged of %zu", files[i],
			     st.unchanged, n);
		cr_assert_eq(st.orgs_created + st.themes_created, 0);
		cr_assert_eq(changes(), before, "%s: the change counter moved", files[i]);
	}
	/* Same for contacts files with aliases and Google's multi-values. */
	import_ok(PD_PERSON, fixture("google_old.csv"));
	struct pd_import_stats st = import_ok(PD_PERSON, fixture("google_old.csv"));
	cr_assert_eq(st.unchanged, 2);
	cr_assert_eq(st.added + st.updated, 0);
}

Test(import, upsert_by_email_then_by_name_and_organisation)
{
	struct pd_import_stats st;
	struct pd_err err;
	struct pd_record p;

	cr_assert_eq(import_text(PD_PERSON,
		"name,role,organisation,email,phone\n"
		"Kate Pike,PCSO,Police,kate.pike@example.org,01632 960001\n"
		"Dan Dee,Nurse,Health,,01632 960002\n"
		"Dan Dee,Dentist,Dental Practice,,01632 960003\n", &st, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(st.added, 3);
	cr_assert_eq(st.orgs_created, 3);
	/* Renamed but the same e-mail: the same person.  Same name and
	 * organisation, no e-mail: the same person, who gains an e-mail.
	 * An empty cell leaves the stored value alone. */
	cr_assert_eq(import_text(PD_PERSON,
		"name,role,organisation,email,phone\n"
		"Katherine Pike,Sergeant,Police,KATE.PIKE@example.org,\n"
		"dan dee,Senior Nurse,health,dan.dee@example.org,\n"
		"Dan Dee,Dentist,Dental Practice,,01632 960003\n", &st, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(st.added, 0);
	cr_assert_eq(st.updated, 2);
	cr_assert_eq(st.unchanged, 1);
	cr_assert_eq(st.orgs_created, 0);
	cr_assert_eq(tdb_count(PD_PERSON), 3);
	p = find_rec(PD_PERSON, PD_PERSON_EMAIL, "KATE.PIKE@example.org");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_NAME), "Katherine Pike");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_ROLE), "Sergeant");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_PHONE), "01632 960001");
	pd_record_clear(&p);
	p = find_rec(PD_PERSON, PD_PERSON_EMAIL, "dan.dee@example.org");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_ROLE), "Senior Nurse");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_PHONE), "01632 960002");
	pd_record_clear(&p);
	/* A row in the same file twice: added, then unchanged. */
	cr_assert_eq(import_text(PD_ORG, "name,phone\nFire,1\nFire,1\n", &st, &err), PD_OK);
	cr_assert_eq(st.added, 1);
	cr_assert_eq(st.unchanged, 1);
}

Test(import, dry_run_counts_but_writes_nothing)
{
	struct pd_import_opts o = { .dry_run = true };
	struct pd_import_stats st;
	struct pd_err err;
	uint64_t before = changes();
	char path[1024];

	snprintf(path, sizeof path, "%s/share/sample/people.csv", TOP_SRCDIR);
	cr_assert_eq(import_path(PD_PERSON, path, &o, &st, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(st.added, 19);
	cr_assert_gt(st.orgs_created, 0);
	cr_assert_eq(tdb_count(PD_PERSON), 0);
	cr_assert_eq(tdb_count(PD_ORG), 0);
	cr_assert_eq(changes(), before);
}

/* --- references between kinds ---------------------------------------------- */

Test(import, items_themes_leads_targets_parents)
{
	struct pd_import_stats st;
	struct pd_err err;
	struct pd_record it;

	import_ok(PD_PERSON, TOP_SRCDIR "/share/sample/people.csv");
	cr_assert_eq(import_text(PD_PLAN, "ref,title,scale\nP,Plan P,1-4\n", &st, &err), PD_OK);
	cr_assert_eq(import_text(PD_ITEM,
		"plan,theme,ref,title,lead,target,completed,status,parent\n"
		"P,Be Safe,1a,Child first,Karen Proctor,September 2015,,2 – On track,1\n"
		"P,be safe,1,Parent later,Head of Service,Post completion of JSNA,19.03.16,"
		"1 – Fully Achieved,\n"
		"P,Be Healthy,2,Third,kp,26/06/2009,,slipped,\n", &st, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(st.added, 3);
	cr_assert_eq(st.themes_created, 2);
	it = find_rec(PD_ITEM, PD_ITEM_REF, "1a");
	cr_assert_neq(pd_get_ref(&it, PD_ITEM_LEAD_PERSON), 0);
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_TARGET), "September 2015");
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_TARGET_DATE), "2015-09");
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_STATUS), "2");
	cr_assert_eq(pd_get_int(&it, PD_ITEM_POSITION), 1);
	{
		char *parent = text_of(PD_ITEM, pd_get_ref(&it, PD_ITEM_PARENT), PD_ITEM_REF);
		cr_assert_str_eq(parent, "1");
		free(parent);
	}
	pd_record_clear(&it);
	it = find_rec(PD_ITEM, PD_ITEM_REF, "1");
	cr_assert_eq(pd_get_ref(&it, PD_ITEM_LEAD_PERSON), 0);
	cr_assert(!pd_is_set(&it, PD_ITEM_TARGET_DATE));
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_COMPLETED), "2016-03-19");
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_STATUS), "1");
	pd_record_clear(&it);
	it = find_rec(PD_ITEM, PD_ITEM_REF, "2");
	cr_assert_neq(pd_get_ref(&it, PD_ITEM_LEAD_PERSON), 0, "initials name the lead");
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_TARGET_DATE), "2009-06-26");
	cr_assert_str_eq(pd_get_text(&it, PD_ITEM_STATUS), "3");
	pd_record_clear(&it);
	/* A loop of parents is refused, with the place of the row. */
	cr_assert_eq(import_text(PD_ITEM, "plan,ref,title,parent\nP,1,Parent later,1a\n",
				 &st, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "test.csv:2:4: parent: an item cannot be inside itself");
	cr_assert_eq(import_text(PD_ITEM, "plan,ref,title,parent\nP,3,Orphan,9\n",
				 &st, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "test.csv:2:4: parent: the plan has no item \"9\"");
}

Test(import, owners_attendance_and_raised)
{
	struct pd_import_stats st;
	struct pd_err err;
	struct pd_record r;

	cr_assert_eq(import_text(PD_PERSON,
		"name,initials\nKaren Proctor,KP\nDiane Dawson,DD\nDavid Dunn,DD\n"
		"Iftihar,\n", &st, &err), PD_OK);
	cr_assert_eq(import_text(PD_PLAN, "ref,title\nP,Plan P\n", &st, &err), PD_OK);
	cr_assert_eq(import_text(PD_ITEM, "plan,ref,title\nP,1,One\n", &st, &err), PD_OK);
	cr_assert_eq(import_text(PD_MEETING,
		"plan,date,present,apologies\n"
		"P,15th May 2009,KP; Diane Dawson;karen proctor,Iftihar;PCSOs\n", &st, &err),
		PD_OK, "%s", err.msg);
	r = find_rec(PD_MEETING, PD_MEETING_DATE, "2009-05-15");
	cr_assert_eq(pd_refs_count(&r, PD_MEETING_PRESENT), 2, "KP and Karen are one");
	cr_assert(!pd_is_set(&r, PD_MEETING_PRESENT_OTHER));
	cr_assert_eq(pd_refs_count(&r, PD_MEETING_APOLOGIES), 1);
	cr_assert_str_eq(pd_get_text(&r, PD_MEETING_APOLOGIES_OTHER), "PCSOs");
	pd_record_clear(&r);
	cr_assert(strstr(warned.p, "test.csv:2:4: warning: \"PCSOs\" matches no one"),
		  "%s", warned.p);
	cr_assert_eq(import_text(PD_ACTION,
		"plan,item,text,owner,due,raised\n"
		"P,1,E-mail the organisation,KP/Diane Dawson,25/09/2009,2009-05-15\n"
		"P,1,Ring the school,DD,,\n"
		"P,1,Ask around,Schools,,2009-05-16\n", &st, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(st.added, 3);
	cr_assert_eq(st.warnings, 3);
	r = find_rec(PD_ACTION, PD_ACTION_TEXT, "E-mail the organisation");
	cr_assert_str_eq(pd_get_text(&r, PD_ACTION_OWNER), "KP/Diane Dawson");
	cr_assert_eq(pd_refs_count(&r, PD_ACTION_OWNERS), 2);
	cr_assert_str_eq(pd_get_text(&r, PD_ACTION_STATE), "open");
	cr_assert_str_eq(pd_get_text(&r, PD_ACTION_DUE), "2009-09-25");
	cr_assert_neq(pd_get_ref(&r, PD_ACTION_RAISED), 0);
	pd_record_clear(&r);
	r = find_rec(PD_ACTION, PD_ACTION_TEXT, "Ring the school");
	cr_assert_str_eq(pd_get_text(&r, PD_ACTION_OWNER), "DD");
	cr_assert_eq(pd_refs_count(&r, PD_ACTION_OWNERS), 0, "two people are DD");
	pd_record_clear(&r);
	cr_assert(strstr(warned.p, "test.csv:3:4: warning: \"DD\" matches several people"),
		  "%s", warned.p);
	cr_assert(strstr(warned.p, "test.csv:4:4: warning: \"Schools\" matches no one"),
		  "%s", warned.p);
	cr_assert(strstr(warned.p, "test.csv:4:6: warning: raised: plan P has no meeting "
			 "on 2009-05-16; left unset"), "%s", warned.p);
	/* Marking one done later: found by item and text. */
	cr_assert_eq(import_text(PD_ACTION, "plan,item,text,state,closed\n"
				 "P,1,Ring the school,Done,1 June 2009\n", &st, &err), PD_OK);
	cr_assert_eq(st.updated, 1);
	r = find_rec(PD_ACTION, PD_ACTION_TEXT, "Ring the school");
	cr_assert_str_eq(pd_get_text(&r, PD_ACTION_STATE), "done");
	cr_assert_str_eq(pd_get_text(&r, PD_ACTION_CLOSED), "2009-06-01");
	cr_assert_str_eq(pd_get_text(&r, PD_ACTION_OWNER), "DD");
	pd_record_clear(&r);
	/* Updates: status on the plan's scale, the meeting of that day. */
	cr_assert_eq(import_text(PD_UPDATE, "plan,item,date,text,status,author\n"
				 "P,1,2009-05-15,Going well,On track,KP\n", &st, &err), PD_OK,
		     "%s", err.msg);
	r = find_rec(PD_UPDATE, PD_UPDATE_TEXT, "Going well");
	cr_assert_str_eq(pd_get_text(&r, PD_UPDATE_STATUS), "2");
	cr_assert_neq(pd_get_ref(&r, PD_UPDATE_MEETING), 0);
	pd_record_clear(&r);
}

Test(import, warnings_are_capped)
{
	struct pd_buf csv = PD_BUF_INIT;
	struct pd_import_stats st;
	struct pd_err err;
	size_t lines = 0;

	cr_assert_eq(import_text(PD_PLAN, "ref,title\nP,Plan P\n", &st, &err), PD_OK);
	cr_assert_eq(import_text(PD_ITEM, "plan,ref,title\nP,1,One\n", &st, &err), PD_OK);
	pd_buf_puts(&csv, "plan,item,text,owner\n");
	for (int i = 0; i < 80; i++)
		pd_buf_printf(&csv, "P,1,Action %d,Nobody %d\n", i, i);
	cr_assert_eq(import_text(PD_ACTION, csv.p, &st, &err), PD_OK);
	cr_assert_eq(st.warnings, 80);
	for (const char *p = warned.p; (p = strchr(p, '\n')); p++)
		lines++;
	cr_assert_eq(lines, 51);
	cr_assert(strstr(warned.p, "test.csv: 30 more warnings not shown\n"), "%s", warned.p);
	pd_buf_free(&csv);
}

static size_t reports, last_reports;
static uint64_t last_rows;

static void on_progress(void *ctx, const struct pd_progress *p)
{
	(void)ctx;
	reports++;
	if (p->last) {
		last_reports++;
		last_rows = p->rows;
		cr_assert_eq(p->done, p->total);
	}
}

Test(import, progress)
{
	struct pd_import_opts o = { .kind = PD_ORG, .name = "orgs.csv",
				    .progress = on_progress };
	struct pd_buf csv = PD_BUF_INIT;
	struct pd_err err;

	pd_buf_puts(&csv, "name\n");
	for (int i = 0; i < 10000; i++)
		pd_buf_printf(&csv, "Org %d\n", i);
	cr_assert_eq(pd_import_mem(tdb.st, csv.p, csv.n, &o, NULL, &err), PD_OK);
	cr_assert_geq(reports, 3);
	cr_assert_eq(last_reports, 1);
	cr_assert_eq(last_rows, 10000);
	pd_buf_free(&csv);
}
