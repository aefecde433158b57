/*
 * test_export.c — exporting: the canonical form, and export → import →
 * export giving the same bytes for every kind; the formula guard; files
 * written whole with mode 0600; the csv-spectrum acid tests through
 * import and export.
 */
#include "testdb.h"

#include <sys/stat.h>

#include "csvtest.h"

static const enum pd_kind order[] = { PD_ORG, PD_PERSON, PD_PLAN, PD_ITEM,
				      PD_MEETING, PD_ACTION, PD_UPDATE };
#define NKINDS (sizeof order / sizeof order[0])

static void fini(void)
{
	tdb_teardown();
	pd_buf_free(&warned);
}

TestSuite(export, .init = tdb_setup, .fini = fini);

static int to_buf(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	(void)err;
	return pd_buf_add(ctx, p, n);
}

/* Export `kind` of `st` into `out`. */
static void export_to(struct pd_store *st, enum pd_kind kind, bool excel,
		      struct pd_buf *out)
{
	struct pd_export_opts o = { .kind = kind, .excel = excel };
	struct pd_err err = { 0 };

	pd_buf_reset(out);
	cr_assert_eq(pd_export(st, &o, to_buf, out, NULL, &err), PD_OK,
		     "export %s: %s", pd_kind_info(kind)->plural, err.msg);
	if (!out->p)
		pd_buf_add(out, "", 0);
}

/* Import `csv` as `kind` into `st`. */
static void import_into(struct pd_store *st, enum pd_kind kind, const struct pd_buf *csv)
{
	struct pd_import_opts o = { .kind = kind, .name = pd_kind_info(kind)->plural };
	struct pd_err err = { 0 };

	cr_assert_eq(pd_import_mem(st, csv->p, csv->n, &o, NULL, &err), PD_OK,
		     "import %s: %s", pd_kind_info(kind)->plural, err.msg);
}

/* A second, empty store in its own temporary directory. */
struct other {
	char             dir[64], path[128];
	struct pd_store *st;
};

static void other_open(struct other *o)
{
	struct pd_err err;

	snprintf(o->dir, sizeof o->dir, "/tmp/plandesk-test-XXXXXX");
	cr_assert_not_null(mkdtemp(o->dir));
	snprintf(o->path, sizeof o->path, "%s/other.db", o->dir);
	cr_assert_eq(pd_store_open(o->path, NULL, &o->st, &err), PD_OK, "%s", err.msg);
}

static void other_close(struct other *o)
{
	pd_store_close(o->st);
	nftw(o->dir, tdb_rm1, 16, FTW_DEPTH | FTW_PHYS);
}

/* Export everything, import it into a new store, export again: same bytes. */
static void round_trip(bool excel)
{
	struct pd_buf first[NKINDS], again = PD_BUF_INIT;
	struct other o;

	other_open(&o);
	for (size_t i = 0; i < NKINDS; i++) {
		first[i] = (struct pd_buf)PD_BUF_INIT;
		export_to(tdb.st, order[i], excel, &first[i]);
		cr_assert_gt(first[i].n, 100, "%s exported nothing",
			     pd_kind_info(order[i])->plural);
		import_into(o.st, order[i], &first[i]);
	}
	for (size_t i = 0; i < NKINDS; i++) {
		export_to(o.st, order[i], excel, &again);
		cr_assert_eq(again.n, first[i].n, "%s: %zu bytes, then %zu",
			     pd_kind_info(order[i])->plural, first[i].n, again.n);
		cr_assert(!memcmp(again.p, first[i].p, again.n), "%s differ",
			  pd_kind_info(order[i])->plural);
		pd_buf_free(&first[i]);
	}
	pd_buf_free(&again);
	other_close(&o);
}

Test(export, round_trip_every_kind)
{
	import_samples();
	round_trip(false);
}

Test(export, round_trip_every_kind_excel)
{
	import_samples();
	round_trip(true);
}

/* The sample files are in canonical form, apart from what import
 * normalises (status labels, attendance by initials): the rest comes back
 * exactly as the file had it. */
Test(export, canonical_form)
{
	static const char *const same[] = { "orgs", "people", "plans", "items", "actions" };
	static const enum pd_kind kinds[] = { PD_ORG, PD_PERSON, PD_PLAN, PD_ITEM, PD_ACTION };
	struct pd_buf out = PD_BUF_INIT;
	char path[1024];

	import_samples();
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		size_t n;
		char *want;
		snprintf(path, sizeof path, "%s/share/sample/%s.csv", TOP_SRCDIR, same[i]);
		want = slurp(path, &n);
		export_to(tdb.st, kinds[i], false, &out);
		cr_assert_eq(out.n, n, "%s", same[i]);
		cr_assert(!memcmp(out.p, want, n), "%s", same[i]);
		free(want);
	}
	/* Meetings: names as in the directory, joined by "; ". */
	export_to(tdb.st, PD_MEETING, false, &out);
	cr_assert(strstr(out.p, "\nC3P,2009-06-26,Cluster 3 partnership meeting,Longton High "
			 "School,Karen Proctor; Diane Dawson; K. Corcoran;"), "%s", out.p);
	cr_assert(strstr(out.p, ",Iftihar; PCSOs,2009-09-25\n"), "%s", out.p);
	/* Updates: statuses as their codes. */
	export_to(tdb.st, PD_UPDATE, false, &out);
	cr_assert(strstr(out.p, "CSE,1,2016-06-29,\"Achieved."), "%s", out.p);
	cr_assert(strstr(out.p, "presented to the 4 LSCB's.\",1,Chair Tees Strategic VEMT,\n"));
	pd_buf_free(&out);
}

Test(export, formula_guard_round_trip)
{
	struct pd_buf out = PD_BUF_INIT;
	struct pd_record r;
	size_t n;
	char *want = slurp(fixture("orgs_tricky.csv"), &n);

	import_ok(PD_ORG, fixture("orgs_tricky.csv"));
	r = find_rec(PD_ORG, PD_ORG_NAME, "=HYPERLINK(\"http://evil.example\")");
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_OVERVIEW), "+44 1632 960000");
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_SERVICES), "-5 is not a formula");
	/* A phone number is written as it is (tests/data/orgs_tricky.csv has
	 * no apostrophe before it); text that merely starts with "+" is not. */
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_PHONE), "+44 1632 960001");
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_EMAIL), "@home");
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_ADDRESS), " Leading and trailing spaces ");
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_REFERRAL), "''=twice");
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_TAGS), "\tTab first");
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_NOTES), "\rCR first");
	pd_record_clear(&r);
	r = find_rec(PD_ORG, PD_ORG_NAME, "Plain Org");
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_VERIFIED), "2026-02");
	cr_assert_str_eq(pd_get_text(&r, PD_ORG_TAGS), "-");
	pd_record_clear(&r);
	export_to(tdb.st, PD_ORG, false, &out);
	cr_assert_eq(out.n, n);
	cr_assert(!memcmp(out.p, want, n), "%s", out.p);
	free(want);
	pd_buf_free(&out);
}

Test(export, empty_store_and_themes)
{
	static const char head[] = "\xef\xbb\xbf" "name,initials,role,organisation,phone,"
				   "mobile,email,notes,verified";
	struct pd_export_opts o = { .kind = PD_THEME };
	struct pd_buf out = PD_BUF_INIT;
	struct pd_err err;

	export_to(tdb.st, PD_ACTION, false, &out);
	cr_assert_str_eq(out.p, "plan,item,text,owner,due,state,raised,closed,confidential\n");
	/* Excel's form: a byte-order mark, the header, CRLF.  (The people's
	 * columns as the table has them today lead; a field added after them
	 * is a column more, which man_columns.sh checks against the page.) */
	export_to(tdb.st, PD_PERSON, true, &out);
	cr_assert(!strncmp(out.p, head, sizeof head - 1), "%s", out.p);
	cr_assert(out.n >= 2 && !strcmp(out.p + out.n - 2, "\r\n") &&
		  !memchr(out.p, '\n', out.n - 1), "one line, CRLF: %s", out.p);
	cr_assert_eq(pd_export(tdb.st, &o, to_buf, &out, NULL, &err), PD_EINVAL);
	pd_buf_free(&out);
}

Test(export, to_a_file)
{
	struct pd_export_opts o = { .kind = PD_PLAN };
	char path[256], bad[256];
	struct pd_err err;
	struct stat sb;
	size_t rows, n;
	char *text;

	import_samples();
	snprintf(path, sizeof path, "%s/plans.csv", tdb.dir);
	spill(path, "old contents\n", 13);
	chmod(path, 0644);
	cr_assert_eq(pd_export_file(tdb.st, &o, path, &rows, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(rows, 3);
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	text = slurp(path, &n);
	cr_assert(!strncmp(text, "ref,title,body,start,end,scale,partnership,retain until,"
			   "hold\nC3BP,", 66), "%s", text);
	free(text);
	snprintf(bad, sizeof bad, "%s/no/such/dir/plans.csv", tdb.dir);
	cr_assert_eq(pd_export_file(tdb.st, &o, bad, &rows, &err), PD_EIO);
	cr_assert(strstr(err.msg, "cannot create"), "%s", err.msg);
}

/*
 * csv-spectrum through import and export: each case's columns are mapped
 * onto people's (name, notes, role, phone, mobile), imported into a fresh
 * store, exported, and the export read back must hold exactly the JSON's
 * values.
 */
Test(export, csv_spectrum_through_people)
{
	static const char *const cols[] = { "name", "notes", "role", "phone", "mobile" };
	static const int fields[] = { PD_PERSON_NAME, PD_PERSON_NOTES, PD_PERSON_ROLE,
				      PD_PERSON_PHONE, PD_PERSON_MOBILE };
	const char *dir = spectrum_dir();
	struct pd_buf csv = PD_BUF_INIT, out = PD_BUF_INIT;
	char path[1200];

	if (!dir)
		cr_skip("csv-spectrum is not next to the source tree");
	for (size_t c = 0; c < sizeof spectrum_cases / sizeof spectrum_cases[0]; c++) {
		struct pd_csv_reader *r;
		struct pd_csv_row row;
		struct pd_err err;
		struct other o;
		struct jdoc doc;
		size_t n, i = 0, ncols = 0;
		char *json, *text, *eol;

		snprintf(path, sizeof path, "%s/json/%s.json", dir, spectrum_cases[c]);
		json = slurp(path, &n);
		jparse(json, &doc);
		snprintf(path, sizeof path, "%s/csvs/%s.csv", dir, spectrum_cases[c]);
		text = slurp(path, &n);
		/* A new header of people's columns, the line end kept. */
		eol = text + strcspn(text, "\r\n");
		pd_buf_reset(&csv);
		for (const char *p = text; p < eol; p++)
			ncols += *p == ',';
		cr_assert_lt(ncols, 5);
		for (size_t k = 0; k <= ncols; k++)
			pd_buf_printf(&csv, "%s%s", k ? "," : "", cols[k]);
		pd_buf_add(&csv, eol, n - (size_t)(eol - text));
		other_open(&o);
		import_into(o.st, PD_PERSON, &csv);
		export_to(o.st, PD_PERSON, false, &out);
		cr_assert_eq(pd_csv_open_mem(out.p, out.n, NULL, &r, &err), PD_OK);
		cr_assert_eq(pd_csv_next(r, &row, &err), PD_OK);   /* the header */
		while (pd_csv_next(r, &row, &err) == PD_OK) {
			cr_assert_lt(i, doc.n, "%s", spectrum_cases[c]);
			for (size_t k = 0; k < doc.row[i].n; k++) {
				int f = fields[k];
				size_t skip = pd_csv_unguard(row.f[f], row.len[f]);
				cr_assert_str_eq(row.f[f] + skip, doc.row[i].val[k],
						 "%s row %zu column %zu", spectrum_cases[c], i, k);
			}
			i++;
		}
		cr_assert_eq(i, doc.n, "%s: %zu rows", spectrum_cases[c], i);
		pd_csv_close(r);
		other_close(&o);
		jfree(&doc);
		free(json);
		free(text);
	}
	pd_buf_free(&csv);
	pd_buf_free(&out);
}
