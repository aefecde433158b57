/*
 * test_sheet.c — the sheet writer (sheet.h): CSV with the refined formula
 * guard (phone numbers as they are, everything else that a spreadsheet
 * would run still guarded, and the import taking exactly that guard off
 * again), and .xlsx read back from its XML: text cells that stay text
 * ("07700 900123", "+44 …", "=SUM(1,2)"), real dates, a bold frozen
 * header, an autofilter, fitted and wrapped columns.
 */
#include "zipcheck.h"
#include "plandesk/transfer/csv.h"
#include "plandesk/documents/formats.h"
#include "plandesk/documents/sheet.h"

static int to_buf(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	(void)err;
	return pd_buf_add(ctx, p, n);
}

static const struct pd_sheet_col cols[] = {
	{ "name", PD_COL_TEXT }, { "phone", PD_COL_PHONE }, { "notes", PD_COL_NOTE },
	{ "verified", PD_COL_DATE },
};

static const char *const rows[][4] = {
	{ "Zo\xc3\xab Ashworth", "07700900123", "Line one\nline two", "2026-10-19" },
	{ "=SUM(1,2)", "+44 7700 900125", "+44 is not a phone here", "2015-09" },
	{ "-5 minus", "=1+2", "@home", "Post completion of JSNA" },
	{ "Plain", "+44 (0)1632 960-200", "", "" },
};

static void fill(enum pd_format f, struct pd_buf *out)
{
	struct pd_sheet *sh;
	struct pd_err err = { 0 };
	int rc = pd_sheet_open(&sh, f, &pd_formats_module, "People", cols, 4, false,
			       to_buf, out, &err);

	cr_assert_eq(rc, PD_OK, "%s", err.msg);
	for (size_t r = 0; r < sizeof rows / sizeof rows[0] && rc == PD_OK; r++) {
		for (size_t c = 0; c < 4 && rc == PD_OK; c++)
			rc = pd_sheet_puts(sh, rows[r][c], &err);
		if (rc == PD_OK)
			rc = pd_sheet_end_row(sh, &err);
	}
	cr_assert_eq(pd_sheet_close(sh, rc, &err), PD_OK, "%s", err.msg);
}

Test(sheet, phone_like)
{
	cr_assert(pd_csv_phone_like("+44 1632 960200", 15));
	cr_assert(pd_csv_phone_like("07700900123", 11));
	cr_assert(pd_csv_phone_like("+44 (0)1632 960-200", 19));
	cr_assert(pd_csv_phone_like("-123", 4));
	cr_assert_not(pd_csv_phone_like("+", 1), "no digit");
	cr_assert_not(pd_csv_phone_like("", 0));
	cr_assert_not(pd_csv_phone_like("=1+2", 4));
	cr_assert_not(pd_csv_phone_like("+44 ext 5", 9));
	cr_assert_not(pd_csv_phone_like("+1+2", 4), "a second plus");
	cr_assert_not(pd_csv_phone_like("'+44 1632", 9), "an apostrophe first");
}

Test(sheet, csv_guards_all_but_phone_numbers)
{
	struct pd_buf out = PD_BUF_INIT;

	fill(PD_FMT_CSV, &out);
	cr_assert_str_eq(out.p,
		"name,phone,notes,verified\n"
		"Zo\xc3\xab Ashworth,07700900123,\"Line one\nline two\",2026-10-19\n"
		"\"'=SUM(1,2)\",+44 7700 900125,'+44 is not a phone here,2015-09\n"
		"'-5 minus,'=1+2,'@home,Post completion of JSNA\n"
		"Plain,+44 (0)1632 960-200,,\n");
	pd_buf_free(&out);
}

/* What is guarded comes back exactly; what is not is left alone. */
Test(sheet, import_takes_off_exactly_the_guard)
{
	static const char *const values[] = {
		"+44 7700 900125", "'+44 7700 900125", "''=x", "=SUM(1)", "07700 900123",
		"-5", "@x",
	};

	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		struct pd_csv_writer w;
		struct pd_buf out = PD_BUF_INIT;
		struct pd_err err = { 0 };
		size_t skip;
		const char *v = values[i];

		pd_csv_writer_init(&w, false, to_buf, &out);
		cr_assert_eq(pd_csv_put_phone(&w, v, strlen(v), &err), PD_OK);
		cr_assert_eq(pd_csv_flush(&w, &err), PD_OK);
		skip = pd_csv_unguard(out.p, out.n);
		cr_assert_eq(out.n - skip, strlen(v), "%s -> %s", v, out.p);
		cr_assert(!memcmp(out.p + skip, v, strlen(v)), "%s -> %s", v, out.p);
		pd_csv_writer_free(&w);
		pd_buf_free(&out);
	}
}

Test(sheet, xlsx_cells_are_what_they_are)
{
	struct pd_buf out = PD_BUF_INIT;
	xmlDocPtr ws, st, wb;
	zip_t *za;

	fill(PD_FMT_XLSX, &out);
	za = zc_open(&out);
	ws = zc_xml(za, "xl/worksheets/sheet1.xml");
	/* Text cells hold the text as written: no number, no formula. */
	cr_assert_eq(zc_num(ws, "//x:f"), 0, "no formulas at all");
	zc_assert_str(ws, "string(//x:c[@r='B2']/@t)", "inlineStr");
	zc_assert_str(ws, "string(//x:c[@r='B2'])", "07700900123");
	zc_assert_str(ws, "string(//x:c[@r='A3'])", "=SUM(1,2)");
	zc_assert_str(ws, "string(//x:c[@r='A3']/@t)", "inlineStr");
	zc_assert_str(ws, "string(//x:c[@r='B3'])", "+44 7700 900125");
	zc_assert_str(ws, "string(//x:c[@r='B4'])", "=1+2");
	zc_assert_str(ws, "string(//x:c[@r='A2'])", "Zo\xc3\xab Ashworth");
	/* Dates are numbers (days since 1900) with a date format. */
	zc_assert_str(ws, "string(//x:c[@r='D2']/x:v)", "46314");
	cr_assert_eq(zc_num(ws, "//x:c[@r='D2']/@t"), 0);
	zc_assert_str(ws, "string(//x:c[@r='D3']/x:v)", "42248");
	zc_assert_str(ws, "string(//x:c[@r='D4'])", "Post completion of JSNA");
	/* Header frozen, an autofilter over every row, no empty cells. */
	zc_assert_str(ws, "string(//x:pane/@state)", "frozen");
	zc_assert_str(ws, "string(//x:pane/@topLeftCell)", "A2");
	zc_assert_str(ws, "string(//x:autoFilter/@ref)", "A1:D5");
	cr_assert_eq(zc_num(ws, "//x:c[@r='C5']"), 0);
	/* Columns as wide as their contents; notes wrap. */
	zc_assert_str(ws, "string(//x:col[@min='1']/@width)", "14.7109375");
	st = zc_xml(za, "xl/styles.xml");
	{
		char expr[160], *s = zc_str(ws, "string(//x:c[@r='A1']/@s)");
		snprintf(expr, sizeof expr, "count(//x:cellXfs/x:xf[%d]/@fontId)", atoi(s) + 1);
		cr_assert_eq(zc_num(st, expr), 1);
		snprintf(expr, sizeof expr, "count(//x:fonts/x:font[number(//x:cellXfs/x:xf[%d]"
			 "/@fontId) + 1]/x:b)", atoi(s) + 1);
		cr_assert_eq(zc_num(st, expr), 1, "the header is bold");
		free(s);
		s = zc_str(ws, "string(//x:c[@r='C2']/@s)");
		snprintf(expr, sizeof expr, "count(//x:cellXfs/x:xf[%d]/x:alignment[@wrapText='1'])",
			 atoi(s) + 1);
		cr_assert_eq(zc_num(st, expr), 1, "notes wrap");
		free(s);
		s = zc_str(ws, "string(//x:c[@r='D2']/@s)");
		snprintf(expr, sizeof expr, "string(//x:numFmts/x:numFmt[@numFmtId=//x:cellXfs/"
			 "x:xf[%d]/@numFmtId]/@formatCode)", atoi(s) + 1);
		zc_assert_str(st, expr, "dd/mm/yyyy");
		free(s);
	}
	wb = zc_xml(za, "xl/workbook.xml");
	zc_assert_str(wb, "string(//x:sheet/@name)", "People");
	xmlFreeDoc(ws);
	xmlFreeDoc(st);
	xmlFreeDoc(wb);
	zip_discard(za);
	pd_buf_free(&out);
}

Test(sheet, misuse)
{
	struct pd_sheet *sh;
	struct pd_buf out = PD_BUF_INIT;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_sheet_open(&sh, PD_FMT_DOCX, &pd_formats_module, "x", cols, 4, false,
				   to_buf, &out, &err),
		     PD_EINVAL);
	cr_assert_null(sh);
	cr_assert_eq(pd_sheet_open(&sh, PD_FMT_CSV, NULL, "x", cols, 1, false, to_buf, &out, &err),
		     PD_OK);
	cr_assert_eq(pd_sheet_puts(sh, "a", &err), PD_OK);
	cr_assert_eq(pd_sheet_puts(sh, "b", &err), PD_EINVAL);
	cr_assert_eq(pd_sheet_close(sh, PD_EINVAL, &err), PD_EINVAL);
	pd_buf_free(&out);
}
