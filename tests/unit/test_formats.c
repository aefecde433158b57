/*
 * test_formats.c — how the core reaches the document module (formats.h):
 * the formats it writes itself ask for nothing; the module's formats ask
 * the store's loader before anything is built, and a loader's failure is
 * the caller's one line, with nothing written; the writers refuse to
 * write the module's formats without its table.  (The module's writers
 * themselves: test_docmodel, test_sheet; the program's loading:
 * tests/cli/module.sh.)
 */
#include "testdb.h"

#include "plandesk/documents/docmodel.h"
#include "plandesk/documents/sheet.h"
#include "plandesk/transfer/ical.h"
#include "plandesk/transfer/transfer.h"

TestSuite(formats, .init = tdb_setup, .fini = tdb_teardown);

static int asked;

static const struct pd_formats *missing(void *ctx, struct pd_err *err)
{
	(void)ctx;
	asked++;
	pd_err_set(err, PD_EMODULE, "the document module /nowhere/plandesk-formats.so "
		   "is missing");
	return NULL;
}

static const struct pd_formats_loader missing_loader = { .load = missing };

static int sunk;

static int sink(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	(void)ctx; (void)p; (void)n; (void)err;
	sunk++;
	return PD_OK;
}

Test(formats, which_formats_are_the_modules)
{
	cr_assert(pd_format_in_module(PD_FMT_DOCX));
	cr_assert(pd_format_in_module(PD_FMT_ODT));
	cr_assert(pd_format_in_module(PD_FMT_XLSX));
	cr_assert(pd_format_in_module(PD_FMT_ICS));
	cr_assert_not(pd_format_in_module(PD_FMT_MD));
	cr_assert_not(pd_format_in_module(PD_FMT_CSV));
	cr_assert_not(pd_format_in_module(PD_FMT_VCF));
}

Test(formats, the_cores_own_formats_ask_for_nothing)
{
	const struct pd_formats *fm = &pd_formats_module;
	struct pd_err err = { 0 };

	asked = 0;
	pd_store_set_formats(tdb.st, &missing_loader);
	cr_assert_eq(pd_formats_for(tdb.st, PD_FMT_MD, &fm, &err), PD_OK);
	cr_assert_null(fm);
	cr_assert_eq(pd_formats_for(tdb.st, PD_FMT_CSV, &fm, &err), PD_OK);
	cr_assert_eq(asked, 0);
	pd_store_set_formats(tdb.st, NULL);
	cr_assert_eq(pd_formats_for(tdb.st, PD_FMT_HTML, &fm, &err), PD_OK);
}

Test(formats, the_modules_formats_ask_the_loader)
{
	const struct pd_formats *fm = NULL;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_formats_for(tdb.st, PD_FMT_XLSX, &fm, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(fm, &pd_formats_module);
	asked = 0;
	pd_store_set_formats(tdb.st, &missing_loader);
	cr_assert_eq(pd_formats_for(tdb.st, PD_FMT_DOCX, &fm, &err), PD_EMODULE);
	cr_assert_null(fm);
	cr_assert_eq(asked, 1);
	cr_assert_str_eq(err.msg, "the document module /nowhere/plandesk-formats.so "
			 "is missing");
	pd_store_set_formats(tdb.st, NULL);
	cr_assert_eq(pd_formats_for(tdb.st, PD_FMT_ICS, &fm, &err), PD_EMODULE);
	cr_assert(strstr(err.msg, "no document module"), "%s", err.msg);
}

/* An export as .xlsx and a calendar fail before a byte is written. */
Test(formats, a_missing_module_writes_nothing)
{
	struct pd_export_opts o = { .kind = PD_PERSON, .format = PD_FMT_XLSX };
	struct pd_err err = { 0 };
	struct pd_buf out = PD_BUF_INIT;
	struct pd_txn *txn;

	tdb_add(make_person("Kath Pike", "KP", "kp@example.org", 0));
	pd_store_set_formats(tdb.st, &missing_loader);
	sunk = 0;
	cr_assert_eq(pd_export(tdb.st, &o, sink, NULL, NULL, &err), PD_EMODULE);
	cr_assert_eq(sunk, 0);
	cr_assert(strstr(err.msg, "is missing"), "%s", err.msg);
	o.format = PD_FMT_CSV;
	cr_assert_eq(pd_export(tdb.st, &o, sink, NULL, NULL, &err), PD_OK, "%s", err.msg);
	cr_assert_gt(sunk, 0);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, &err), PD_OK);
	cr_assert_eq(pd_export_ical(txn, PD_MEETING, NULL, &out, NULL, &err), PD_EMODULE);
	pd_txn_end(txn);
	cr_assert_eq(out.n, 0);
	pd_buf_free(&out);
}

Test(formats, the_writers_need_the_table)
{
	struct pd_sheet_col col = { "name", PD_COL_TEXT };
	struct pd_err err = { 0 };
	struct pd_buf b = PD_BUF_INIT;
	struct pd_dm dm;
	struct pd_sheet *sh = (struct pd_sheet *)&dm;   /* not NULL: it must be set */

	pd_dm_init(&dm);
	pd_dm_titles(&dm, "Title", NULL, NULL);
	cr_assert_eq(pd_dm_write(&dm, PD_FMT_DOCX, NULL, &b, &err), PD_EMODULE);
	cr_assert_eq(pd_dm_write(&dm, PD_FMT_ODT, NULL, &b, &err), PD_EMODULE);
	cr_assert_eq(b.n, 0);
	cr_assert_eq(pd_dm_write(&dm, PD_FMT_MD, NULL, &b, &err), PD_OK);
	cr_assert_gt(b.n, 0);
	pd_dm_free(&dm);
	cr_assert_eq(pd_sheet_open(&sh, PD_FMT_XLSX, NULL, "x", &col, 1, false, sink,
				   NULL, &err), PD_EMODULE);
	cr_assert_null(sh);
	pd_buf_free(&b);
}
