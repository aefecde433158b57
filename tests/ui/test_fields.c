/*
 * test_fields.c — the form and the directory card show what the kind's
 * table says: a field added to a copy of the person kind (kindcopy.h) is
 * on the form, in its place, with its value, and on the card; the
 * built-in person's form and card do not have it.
 */
#include "uitest.h"

#include "card_fields.h"
#include "form.h"
#include "kindcopy.h"
#include "views.h"

TestSuite(fields, .init = ut_setup, .fini = ut_teardown);

/* Draw view `v` alone on the screen, as the app would under its title. */
static void draw_alone(struct view *v)
{
	erase();
	v->ops->draw(v, &ut.app, 1, LINES - 2, COLS);
	refresh();
}

Test(fields, a_field_added_to_a_copy_of_people_is_on_the_form)
{
	static struct kindcopy kc;   /* outlives the form */
	const struct pd_kind_info *ki = kindcopy_people(&kc);
	struct pd_record pre;
	struct view *v;
	int name, language, initials;

	ut_start();
	pd_record_init(&pre, PD_PERSON);
	pd_set_text(&pre, PD_PERSON_NAME, "Ada Lovelace", (size_t)-1);
	pd_set_text(&pre, kc.added, "Welsh", (size_t)-1);
	v = ui_form_open(&ut.app, ki, 0, &pre);
	cr_assert_not_null(v);
	draw_alone(v);
	name = ut_find("Name*");
	language = ut_find("Language");
	initials = ut_find("Initials");
	cr_assert_geq(language, 0, "no Language:%s", ut_dump());
	cr_expect(name < language && language < initials,
		  "after the name, before the initials:%s", ut_dump());
	cr_expect(strstr(ut_line(language), "Welsh"), "its value:%s", ut_dump());
	v->ops->destroy(v);

	v = ui_form_new(&ut.app, PD_PERSON, 0, &pre);
	cr_assert_not_null(v);
	draw_alone(v);
	cr_expect_lt(ut_find("Language"), 0, "the built-in form has no language:%s", ut_dump());
	cr_expect_geq(ut_find("Verified"), 0, "%s", ut_dump());
	v->ops->destroy(v);
	pd_record_clear(&pre);
}

/* The line of `doc` that begins with `label` and a tab, or -1. */
static int line_of(const struct ui_doc *doc, const char *label)
{
	size_t n = strlen(label);

	for (size_t i = 0; i < doc->n; i++)
		if (!strncmp(doc->l[i].text, label, n) && doc->l[i].text[n] == '\t')
			return (int)i;
	return -1;
}

Test(fields, a_field_added_to_a_copy_of_people_is_on_the_card)
{
	struct kindcopy kc;
	const struct pd_kind_info *ki = kindcopy_people(&kc);
	uint64_t org = tdb_add(make_org("Analytical Engines"));
	struct pd_record p = make_person("Ada Lovelace", "AL", "ada@example.org", org);
	struct ui_doc doc = { 0 };
	struct pd_txn *txn;
	int role, language, initials, orgline;

	ut_start();
	pd_set_text(&p, PD_PERSON_ROLE, "Analyst", (size_t)-1);
	pd_set_text(&p, kc.added, "Welsh", (size_t)-1);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(ui_card_fields(&doc, &ut.app, txn, ki, &p, 80), PD_OK);
	role = line_of(&doc, "Role");
	language = line_of(&doc, "Language");
	initials = line_of(&doc, "Initials");
	orgline = line_of(&doc, "Organisation");
	cr_assert_geq(language, 0);
	cr_expect_str_eq(doc.l[language].text, "Language\tWelsh");
	cr_expect(role < language && language < initials, "after the role, before the initials");
	cr_expect_str_eq(doc.l[orgline].text, "Organisation\tAnalytical Engines");
	cr_expect_eq(doc.l[orgline].kind, PD_ORG, "the line opens the organisation");
	cr_expect_eq(doc.l[orgline].id, org);
	cr_expect_str_eq(doc.l[line_of(&doc, "E-mail")].text, "E-mail\tada@example.org");
	cr_expect_str_eq(doc.l[line_of(&doc, "Verified")].text, "Verified\tnever");
	ui_doc_clear(&doc);

	cr_assert_eq(ui_card_fields(&doc, &ut.app, txn, pd_kind_info(PD_PERSON), &p, 80), PD_OK);
	cr_expect_lt(line_of(&doc, "Language"), 0, "the built-in card has no language");
	cr_expect_eq(doc.n, 5, "role, initials, organisation, e-mail, verified: %zu", doc.n);
	ui_doc_clear(&doc);
	pd_txn_end(txn);
	pd_record_clear(&p);
}
