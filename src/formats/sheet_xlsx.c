/*
 * sheet_xlsx.c — the spreadsheet half of the sheet writer (sheet.h):
 * libxlsxwriter in constant-memory mode, a row at a time, into a private
 * file that is copied to the sink when the workbook is closed.
 *
 * Every value is written with worksheet_write_string (a text cell: no
 * formula, no number, whatever it looks like) except the date columns'
 * dates, which are real dates with a UK number format.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "plandesk/base/date.h"
#include "plandesk/base/text.h"
#include "documents/sheet_impl.h"
#include "writers.h"

#define WIDTH_MAX  45   /* characters; wider text columns wrap */
#define NOTE_WIDTH 60

static int lxw_fail(struct pd_err *err, const char *what, lxw_error e)
{
	return pd_err_set(err, PD_EIO, "cannot write the spreadsheet: %s: %s", what,
			  lxw_strerror(e));
}

/* A worksheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
static void sheet_name(const char *title, char out[32])
{
	size_t n = 0;

	for (const char *s = title; *s && n < 31; ) {
		uint32_t cp;
		size_t len = pd_utf8_decode(s, strlen(s), &cp);
		if (n + len > 31)
			break;
		if (cp < 0x80 && strchr("[]:*?/\\", (int)cp))
			out[n++] = '-';
		else
			memcpy(out + n, s, len), n += len;
		s += len;
	}
	out[n] = '\0';
	if (!n)
		snprintf(out, 32, "Sheet1");
}

int pd_xlsx_open(struct pd_sheet *sh, const char *title, struct pd_err *err)
{
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE };
	const char *dir = getenv("TMPDIR");
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *f;
	char name[32];
	int fd;

	if (!(sh->width = calloc(sh->ncols ? sh->ncols : 1, sizeof *sh->width)))
		return pd_err_nomem(err);
	if (snprintf(sh->path, sizeof sh->path, "%s/plandesk-XXXXXX.xlsx",
		     dir && *dir ? dir : "/tmp") >= (int)sizeof sh->path)
		return pd_err_set(err, PD_EINVAL, "TMPDIR is too long");
	if ((fd = mkstemps(sh->path, 5)) < 0) {
		int e = errno;
		sh->path[0] = '\0';
		return pd_err_set(err, PD_EIO, "cannot make the spreadsheet's private "
				  "file: %s", strerror(e));
	}
	close(fd);
	if (!(sh->wb = wb = workbook_new_opt(sh->path, &opts)))
		return pd_err_set(err, PD_ENOMEM, "cannot start the spreadsheet");
	sheet_name(title ? title : "", name);
	if (!(sh->ws = ws = workbook_add_worksheet(wb, name)))
		return pd_err_set(err, PD_ENOMEM, "cannot start the spreadsheet");
	sh->f_head = f = workbook_add_format(wb);
	format_set_bold(f);
	format_set_bg_color(f, 0xD9D9D9);
	format_set_bottom(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	sh->f_note = f = workbook_add_format(wb);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	sh->f_day = f = workbook_add_format(wb);
	format_set_num_format(f, "dd/mm/yyyy");
	format_set_align(f, LXW_ALIGN_LEFT);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	sh->f_month = f = workbook_add_format(wb);
	format_set_num_format(f, "mmmm yyyy");
	format_set_align(f, LXW_ALIGN_LEFT);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	for (size_t c = 0; c < sh->ncols; c++) {
		lxw_error e = worksheet_write_string(ws, 0, (lxw_col_t)c, sh->cols[c].name,
						     sh->f_head);
		if (e)
			return lxw_fail(err, "the header", e);
		sh->width[c] = (unsigned)pd_utf8_width(sh->cols[c].name,
						       strlen(sh->cols[c].name)) + 3;
	}
	return PD_OK;
}

/* The widest line of n bytes at s, in display columns. */
static unsigned widest(const char *s, size_t n)
{
	unsigned w = 0;

	while (n) {
		size_t len = 0;
		int lw;
		while (len < n && s[len] != '\n')
			len++;
		lw = pd_utf8_width(s, len);
		if (lw > 0 && (unsigned)lw > w)
			w = (unsigned)lw;
		s += len;
		n -= len;
		if (n) {
			s++;
			n--;
		}
	}
	return w;
}

int pd_xlsx_put(struct pd_sheet *sh, const char *s, size_t n, struct pd_err *err)
{
	size_t c = sh->col++;
	lxw_row_t row = (lxw_row_t)sh->row + 1;
	const struct pd_sheet_col *col = &sh->cols[c];
	struct pd_date d;
	char *text;
	lxw_error e;
	unsigned w;

	if (!n)
		return PD_OK;
	if (!(text = strndup(s, n)))
		return pd_err_nomem(err);
	if (col->kind == PD_COL_DATE && pd_date_parse(text, &d, NULL) == PD_OK &&
	    d.y >= 1900) {
		lxw_datetime dt = { d.y, d.m, d.d ? d.d : 1, 0, 0, 0 };
		e = worksheet_write_datetime(sh->ws, row, (lxw_col_t)c, &dt,
					     d.d ? sh->f_day : sh->f_month);
		w = d.d ? 10 : 15;
	} else {
		/* Text, whatever it looks like: "=SUM(1,2)", "07700 900123". */
		e = worksheet_write_string(sh->ws, row, (lxw_col_t)c, text,
					   col->kind == PD_COL_NOTE || memchr(text, '\n', n) ?
					   sh->f_note : NULL);
		w = widest(text, n);
	}
	free(text);
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return pd_err_set(err, PD_EINVAL, "row %zu, column %s: longer than a "
				  "spreadsheet cell holds (%u characters); export as CSV",
				  sh->row + 1, col->name, PD_XLSX_MAX_CELL);
	if (e)
		return lxw_fail(err, col->name, e);
	if (w + 2 > sh->width[c])
		sh->width[c] = w + 2;
	return PD_OK;
}

/* Copy the finished file to the sink. */
static int copy_out(struct pd_sheet *sh, struct pd_err *err)
{
	char buf[64 * 1024];
	ssize_t got;
	int fd = open(sh->path, O_RDONLY | O_CLOEXEC), rc = PD_OK;

	if (fd < 0)
		return pd_err_set(err, PD_EIO, "cannot read the spreadsheet back: %s",
				  strerror(errno));
	while (rc == PD_OK && (got = read(fd, buf, sizeof buf)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			rc = pd_err_set(err, PD_EIO, "cannot read the spreadsheet back: %s",
					strerror(errno));
			break;
		}
		rc = sh->sink(sh->ctx, buf, (size_t)got, err);
	}
	close(fd);
	return rc;
}

int pd_xlsx_close(struct pd_sheet *sh, int rc, struct pd_err *err)
{
	lxw_error e;

	if (rc == PD_OK && sh->ws) {
		for (size_t c = 0; c < sh->ncols; c++) {
			bool note = sh->cols[c].kind == PD_COL_NOTE;
			unsigned w = sh->width[c], max = note ? NOTE_WIDTH : WIDTH_MAX;
			worksheet_set_column(sh->ws, (lxw_col_t)c, (lxw_col_t)c,
					     w > max ? max : w, w > max ? sh->f_note : NULL);
		}
		worksheet_freeze_panes(sh->ws, 1, 0);
		if (sh->ncols)
			worksheet_autofilter(sh->ws, 0, 0, (lxw_row_t)sh->row,
					     (lxw_col_t)(sh->ncols - 1));
	}
	if (sh->wb && (e = workbook_close(sh->wb)) && rc == PD_OK)
		rc = lxw_fail(err, "closing", e);
	sh->wb = sh->ws = NULL;
	if (rc == PD_OK)
		rc = copy_out(sh, err);
	if (sh->path[0])
		unlink(sh->path);
	return rc;
}
