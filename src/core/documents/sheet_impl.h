/*
 * sheet_impl.h — the sheet writer (sheet.h): its state, and the
 * spreadsheet half (sheet_xlsx.c) that sheet.c hands .xlsx to.  Not part
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
	/* PD_FMT_XLSX (libxlsxwriter's objects, and the private file) */
	void                      *wb, *ws;
	void                      *f_head, *f_note, *f_day, *f_month;
	unsigned                  *width;   /* each column's widest line */
	char                       path[4096];
};

/* The spreadsheet: begin (write the header), one cell, finish or
 * abandon.  As the pd_sheet_* calls they stand behind. */
int  pd_xlsx_open(struct pd_sheet *sh, const char *title, struct pd_err *err);
int  pd_xlsx_put(struct pd_sheet *sh, const char *s, size_t n, struct pd_err *err);
int  pd_xlsx_close(struct pd_sheet *sh, int rc, struct pd_err *err);

#define PD_XLSX_MAX_ROWS 1048576u
#define PD_XLSX_MAX_CELL 32767u

#endif
