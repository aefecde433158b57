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

/* The names of `ki`'s columns (all: import's too) joined by commas, into
 * `buf` (512 bytes). */
static const char *column_names(const struct pd_kind_info *ki, bool all, char *buf)
{
	struct pd_col cols[PD_COLS_MAX];
	size_t n = pd_columns(ki, all, cols), used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(buf + used, 512 - used, "%s%s",
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
	char real[512], copy[512], want[600];

	/* Export's columns: the real ones, then the new field's. */
	column_names(pd_kind_info(PD_PERSON), false, real);
	snprintf(want, sizeof want, "%s,language", real);
	cr_expect_str_eq(column_names(ki, false, copy), want);
	cr_expect(strstr(real, "language") == NULL, "the built-in table is untouched");
	/* Import's: those, then the ones only read (the name in parts, a web
	 * page), which are hooks, not fields. */
	snprintf(want, sizeof want, "%s,language,first name,middle name,last name,"
		 "web page", real);
	cr_expect_str_eq(column_names(ki, true, copy), want);
}

Test(schema, a_field_added_to_a_copy_of_people_is_imported)
{
	static const char *head[] = { "Full Name", "Language", "E-mail Address",
				      "verified", "Company" };
	static const char *vals[] = { "Ada Lovelace", "Welsh", "ada@example.org",
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
	cr_expect_eq(real.nunknown, 1, "the built-in table has no language");
	cr_expect_str_eq(real.unknown.p, "\"Language\"");

	pd_record_init(&rec, PD_PERSON);
	pd_cells_get(&map, make_row(&vr, 5, vals), cells);
	cr_expect_eq(cells[kc.added].field, 2, "the cell's place in the file");
	cr_assert_eq(pd_cells_to_record(ki, cells, &rec, &bad, &err), PD_OK, "%s", err.msg);
	cr_expect_str_eq(pd_get_text(&rec, kc.added), "Welsh");
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
	struct pd_col cols[PD_COLS_MAX];
	struct pd_buf out = PD_BUF_INIT, want = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct pd_rows *w;
	struct pd_txn *txn;
	char names[512];
	size_t n = pd_columns(pd_kind_info(PD_PERSON), false, cols);

	pd_set_text(&rec, kc.added, "Welsh", (size_t)-1);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, &err), PD_OK);
	cr_assert_eq(pd_rows_open(&w, txn, ki, PD_FMT_CSV, false, to_buf, &out, &err),
		     PD_OK, "%s", err.msg);
	cr_assert_eq(pd_rows_put(w, &rec, 0, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(pd_rows_close(w, PD_OK, &err), PD_OK, "%s", err.msg);
	pd_txn_end(txn);
	pd_buf_add(&out, "", 1);

	/* The real columns as they were, then the new one; the organisation
	 * by its name. */
	pd_buf_printf(&want, "%s,language\n", column_names(pd_kind_info(PD_PERSON), false, names));
	for (size_t i = 0; i < n; i++)
		pd_buf_printf(&want, "%s,", cols[i].id == PD_PERSON_ORG ? "Analytical Engines" :
			      pd_get_text(&rec, cols[i].id));
	pd_buf_printf(&want, "Welsh\n");
	cr_expect_str_eq(out.p, want.p);
	cr_expect(strstr(out.p, "Ada Lovelace,AL,,Analytical Engines,") != NULL, "%s", out.p);
	pd_record_clear(&rec);
	pd_buf_free(&out);
	pd_buf_free(&want);
}

/* The built-in tables: what the rest of the program relied on before
 * they said it. */
Test(schema, the_tables_give_the_columns_and_places_the_program_had)
{
	const struct pd_kind_info *people = pd_kind_info(PD_PERSON);
	int order[PD_MAX_FIELDS], n, at[PD_MAX_FIELDS];
	char names[512];

	cr_expect_str_eq(column_names(pd_kind_info(PD_ACTION), false, names),
			 "plan,item,text,owner,due,state,raised,closed,confidential");
	cr_expect_str_eq(column_names(pd_kind_info(PD_ITEM), false, names),
			 "plan,theme,ref,title,description,lead,target,completed,status,parent,"
			 "confidential");
	cr_expect_str_eq(column_names(pd_kind_info(PD_THEME), true, names), "", "no CSV form");
	/* Where each person field is on the form, and on the card. */
	n = pd_fields_placed(people, PD_PLACE_FORM, order);
	memset(at, -1, sizeof at);
	for (int i = 0; i < n; i++)
		at[order[i]] = i;
	cr_expect_eq(at[PD_PERSON_NAME], 0, "the name first");
	cr_expect(at[PD_PERSON_INITIALS] < at[PD_PERSON_ROLE]);
	cr_expect(at[PD_PERSON_EMAIL] < at[PD_PERSON_VERIFIED]);
	cr_expect_eq(at[PD_PERSON_NOTES], n - 1, "the notes last");
	n = pd_fields_placed(people, PD_PLACE_CARD, order);
	memset(at, -1, sizeof at);
	for (int i = 0; i < n; i++)
		at[order[i]] = i;
	cr_expect_eq(at[PD_PERSON_NAME], -1, "the name heads the card");
	cr_expect_eq(at[PD_PERSON_ROLE], 0, "the role first");
	cr_expect(at[PD_PERSON_ROLE] < at[PD_PERSON_INITIALS]);
	cr_expect(at[PD_PERSON_INITIALS] < at[PD_PERSON_ORG]);
	cr_expect_eq(at[PD_PERSON_NOTES], n - 1, "the notes last");
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
