/*
 * test_schema.c — the field tables drive the CSV columns: a field added
 * to a copy of the person kind (kindcopy.h) is in the header export
 * writes, is mapped from a file's header and read from its rows into the
 * record, and is written back out, with nothing else changed; the built-in
 * tables' columns, aliases and form and card places.
 */
#include "testdb.h"

#include "plandesk/transfer/columns.h"
#include "plandesk/transfer/transfer.h"
#include "kindcopy.h"

TestSuite(schema, .init = tdb_setup, .fini = tdb_teardown);

static const char *const people_cols =
	"name,initials,role,organisation,phone,mobile,email,notes,verified";

/* The names of `ki`'s columns (all: import's too) joined by commas. */
static const char *column_names(const struct pd_kind_info *ki, bool all)
{
	static char buf[512];
	struct pd_col cols[PD_COLS_MAX];
	size_t n = pd_columns(ki, all, cols), used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s",
					 i ? "," : "", cols[i].name);
	return buf;
}

/* A CSV row of `n` fields (the strings must outlive it). */
struct row {
	char            *f[8];
	size_t           len[8];
	struct pd_csv_row r;
};

static const struct pd_csv_row *make_row(struct row *row, size_t n, const char **f)
{
	for (size_t i = 0; i < n; i++) {
		row->f[i] = (char *)f[i];
		row->len[i] = strlen(f[i]);
	}
	row->r = (struct pd_csv_row){ n, row->f, row->len, 1 };
	return &row->r;
}

Test(schema, a_field_added_to_a_copy_of_people_is_in_the_header)
{
	struct kindcopy kc;
	const struct pd_kind_info *ki = kindcopy_people(&kc);
	char want[512];

	snprintf(want, sizeof want, "%s,pronouns", people_cols);
	cr_expect_str_eq(column_names(ki, false), want);
	cr_expect_str_eq(column_names(ki, true),
			 "name,initials,role,organisation,phone,mobile,email,notes,verified,"
			 "pronouns,first name,middle name,last name,web page");
	cr_expect_str_eq(column_names(pd_kind_info(PD_PERSON), false), people_cols,
			 "the built-in table is untouched");
}

Test(schema, a_field_added_to_a_copy_of_people_is_imported)
{
	static const char *head[] = { "Full Name", "Pronouns", "E-mail Address",
				      "verified", "Company" };
	static const char *vals[] = { "Ada Lovelace", "she/her", "ada@example.org",
				      "26/06/2009", "" };
	struct kindcopy kc;
	const struct pd_kind_info *ki = kindcopy_people(&kc);
	struct pd_colmap map = { .kind = PD_PERSON, .ki = ki };
	struct pd_colmap real = { .kind = PD_PERSON };
	struct pd_cell cells[PD_COLS_MAX];
	struct pd_record rec;
	struct pd_err err = { 0 };
	struct row hr, vr;
	int bad;

	cr_assert_eq(pd_colmap_build(&map, make_row(&hr, 5, head), &err), PD_OK, "%s", err.msg);
	cr_expect_eq(map.nunknown, 0, "unknown: %s", map.unknown.p);
	cr_assert_eq(pd_colmap_build(&real, make_row(&hr, 5, head), &err), PD_OK, "%s", err.msg);
	cr_expect_eq(real.nunknown, 1, "the built-in table has no pronouns");
	cr_expect_str_eq(real.unknown.p, "\"Pronouns\"");

	pd_record_init(&rec, PD_PERSON);
	pd_cells_get(&map, make_row(&vr, 5, vals), cells);
	cr_expect_eq(cells[KC_PRONOUNS].field, 2, "the cell's place in the file");
	cr_assert_eq(pd_cells_to_record(ki, cells, &rec, &bad, &err), PD_OK, "%s", err.msg);
	cr_expect_str_eq(pd_get_text(&rec, KC_PRONOUNS), "she/her");
	cr_expect_str_eq(pd_get_text(&rec, PD_PERSON_NAME), "Ada Lovelace");
	cr_expect_str_eq(pd_get_text(&rec, PD_PERSON_EMAIL), "ada@example.org");
	cr_expect_str_eq(pd_get_text(&rec, PD_PERSON_VERIFIED), "2009-06-26");

	/* A bad date is placed at its field. */
	vals[3] = "not a date";
	pd_cells_get(&map, make_row(&vr, 5, vals), cells);
	cr_expect_eq(pd_cells_to_record(ki, cells, &rec, &bad, &err), PD_EINVAL);
	cr_expect_eq(bad, PD_PERSON_VERIFIED);
	vals[3] = "26/06/2009";
	pd_record_clear(&rec);
	pd_colmap_free(&map);
	pd_colmap_free(&real);
}

static int to_buf(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	(void)err;
	return pd_buf_add(ctx, p, n);
}

Test(schema, a_field_added_to_a_copy_of_people_is_exported)
{
	struct kindcopy kc;
	const struct pd_kind_info *ki = kindcopy_people(&kc);
	uint64_t org = tdb_add(make_org("Analytical Engines"));
	struct pd_record rec = make_person("Ada Lovelace", "AL", "ada@example.org", org);
	struct pd_buf out = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct pd_rows *w;
	struct pd_txn *txn;

	pd_set_text(&rec, KC_PRONOUNS, "she/her", (size_t)-1);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, &err), PD_OK);
	cr_assert_eq(pd_rows_open(&w, txn, ki, PD_FMT_CSV, false, to_buf, &out, &err),
		     PD_OK, "%s", err.msg);
	cr_assert_eq(pd_rows_put(w, &rec, 0, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_rows_close(w, PD_OK, &err), PD_OK, "%s", err.msg);
	pd_txn_end(txn);
	pd_buf_add(&out, "", 1);
	cr_expect_str_eq(out.p, "name,initials,role,organisation,phone,mobile,email,notes,"
			 "verified,pronouns\n"
			 "Ada Lovelace,AL,,Analytical Engines,,,ada@example.org,,,she/her\n");
	pd_record_clear(&rec);
	pd_buf_free(&out);
}

/* The built-in tables: what the rest of the program relied on before
 * they said it. */
Test(schema, the_tables_give_the_columns_and_places_the_program_had)
{
	int order[PD_MAX_FIELDS], n;

	cr_expect_str_eq(column_names(pd_kind_info(PD_ACTION), false),
			 "plan,item,text,owner,due,state,raised,closed");
	cr_expect_str_eq(column_names(pd_kind_info(PD_ITEM), false),
			 "plan,theme,ref,title,description,lead,target,completed,status,parent");
	cr_expect_str_eq(column_names(pd_kind_info(PD_THEME), true), "", "no CSV form");
	n = pd_fields_placed(pd_kind_info(PD_PERSON), PD_PLACE_FORM, order);
	cr_assert_eq(n, 9);
	cr_expect_eq(order[7], PD_PERSON_VERIFIED, "verified before the notes");
	n = pd_fields_placed(pd_kind_info(PD_PERSON), PD_PLACE_CARD, order);
	cr_assert_eq(n, 8, "all but the name, which heads the card");
	cr_expect_eq(order[0], PD_PERSON_ROLE);
	cr_expect_eq(order[1], PD_PERSON_INITIALS);
}

/* Google's multi-valued columns and the name in parts: the table's aliases. */
Test(schema, aliases_map_other_programs_headers)
{
	static const char *head[] = { "Given Name", "Family Name", "Organization 1 - Title",
				      "E-mail 1 - Value", "Website 1 - Value", "Job Title" };
	struct pd_colmap map = { .kind = PD_PERSON };
	struct pd_err err = { 0 };
	struct row hr;

	cr_assert_eq(pd_colmap_build(&map, make_row(&hr, 6, head), &err), PD_OK, "%s", err.msg);
	cr_expect_eq(map.nunknown, 0);
	cr_expect_eq(map.nsrc[PD_COL_X(PD_X_FIRST)], 1);
	cr_expect_eq(map.nsrc[PD_COL_X(PD_X_LAST)], 1);
	cr_expect_eq(map.nsrc[PD_PERSON_EMAIL], 1);
	cr_expect(map.src[PD_PERSON_EMAIL][0].multi);
	cr_expect_eq(map.nsrc[PD_PERSON_ROLE], 2);
	cr_expect_eq(map.src[PD_PERSON_ROLE][0].idx, 5, "Job Title ranks first");
	cr_expect_eq(map.nsrc[PD_COL_X(PD_X_WEB)], 1);
	pd_colmap_free(&map);
}
