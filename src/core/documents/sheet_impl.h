/*
 * sheet_impl.h — the sheet writer (sheet.h): its state, shared by sheet.c
 * (CSV) and the spreadsheet half that sheet.c hands .xlsx to, in the
 * document module (src/formats/sheet_xlsx.c, through formats.h's table;
 * so this struct is part of what PD_FORMATS_VERSION covers).  Not part
 * of the API.
 */
#ifndef PLANDESK_SHEET_IMPL_H
#define PLANDESK_SHEET_IMPL_H

#include "plandesk/documents/sheet.h"

struct pd_sheet {
	enum pd_format             fmt;
	const struct pd_sheet_col *cols;
	size_t                     ncols;
	size_t                     col;     /* cells in the current row */
	size_t                     row;     /* data rows ended */
	pd_csv_sink                sink;
	void                      *ctx;
	struct pd_csv_writer       csv;     /* PD_FMT_CSV */
	/* PD_FMT_XLSX: the module's table, libxlsxwriter's objects, and
	 * the private file */
	const struct pd_formats   *fm;
	void                      *wb, *ws;
	void                      *f_head, *f_note, *f_day, *f_month;
	unsigned                  *width;   /* each column's widest line */
	char                       path[4096];
};

#define PD_XLSX_MAX_ROWS 1048576u
#define PD_XLSX_MAX_CELL 32767u

#endif
