/*
 * sheet.c — a table of rows as CSV or a spreadsheet (sheet.h): the CSV
 * half here, over csv.h's writer; the spreadsheet in the document module
 * (src/formats/sheet_xlsx.c), through its table (formats.h).
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/documents/formats.h"
#include "sheet_impl.h"

int pd_sheet_open(struct pd_sheet **out, enum pd_format fmt,
		  const struct pd_formats *fm, const char *title,
		  const struct pd_sheet_col *cols, size_t ncols, bool excel,
		  pd_csv_sink sink, void *ctx, struct pd_err *err)
{
	struct pd_sheet *sh;
	int rc = PD_OK;

	*out = NULL;
	if (fmt != PD_FMT_CSV && fmt != PD_FMT_XLSX)
		return pd_err_set(err, PD_EINVAL, "a table is not written as %s",
				  pd_format_name(fmt));
	if (fmt == PD_FMT_XLSX && !fm)
		return pd_err_set(err, PD_EMODULE, "cannot write xlsx: no document "
				  "module was given");
	if (!(sh = calloc(1, sizeof *sh)))
		return pd_err_nomem(err);
	sh->fmt = fmt;
	sh->fm = fm;
	sh->cols = cols;
	sh->ncols = ncols;
	sh->sink = sink;
	sh->ctx = ctx;
	pd_csv_writer_init(&sh->csv, excel, sink, ctx);
	if (fmt == PD_FMT_XLSX) {
		rc = fm->xlsx_open(sh, title, err);
	} else {
		for (size_t c = 0; c < ncols && rc == PD_OK; c++)
			rc = pd_csv_puts(&sh->csv, cols[c].name, err);
		if (rc == PD_OK)
			rc = pd_csv_end_row(&sh->csv, err);
	}
	if (rc != PD_OK) {
		pd_sheet_close(sh, rc, err);
		return rc;
	}
	*out = sh;
	return PD_OK;
}

int pd_sheet_put(struct pd_sheet *sh, const char *s, size_t n, struct pd_err *err)
{
	if (sh->col >= sh->ncols)
		return pd_err_set(err, PD_EINVAL, "more cells than columns");
	if (sh->fmt == PD_FMT_XLSX)
		return sh->fm->xlsx_put(sh, s, n, err);
	if (sh->cols[sh->col++].kind == PD_COL_PHONE)
		return pd_csv_put_phone(&sh->csv, s, n, err);
	return pd_csv_put(&sh->csv, s, n, err);
}

int pd_sheet_puts(struct pd_sheet *sh, const char *s, struct pd_err *err)
{
	return pd_sheet_put(sh, s ? s : "", s ? strlen(s) : 0, err);
}

int pd_sheet_end_row(struct pd_sheet *sh, struct pd_err *err)
{
	sh->col = 0;
	if (sh->fmt == PD_FMT_CSV) {
		sh->row++;
		return pd_csv_end_row(&sh->csv, err);
	}
	if (sh->row + 2 > PD_XLSX_MAX_ROWS)
		return pd_err_set(err, PD_EINVAL, "more rows than a spreadsheet holds "
				  "(%u); export as CSV", PD_XLSX_MAX_ROWS - 1);
	sh->row++;
	return PD_OK;
}

int pd_sheet_close(struct pd_sheet *sh, int rc, struct pd_err *err)
{
	if (!sh)
		return rc;
	if (sh->fmt == PD_FMT_XLSX)
		rc = sh->fm->xlsx_close(sh, rc, err);
	else if (rc == PD_OK)
		rc = pd_csv_flush(&sh->csv, err);
	pd_csv_writer_free(&sh->csv);
	free(sh->width);
	free(sh);
	return rc;
}
