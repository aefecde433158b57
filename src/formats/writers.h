/*
 * writers.h — the writers of the document module, each in its file,
 * gathered into the entry table by module.c (documents/formats.h says
 * what each does and returns).  Not part of the API.
 *
 *	doc_docx.c, doc_docx_parts.c   Word
 *	doc_odt.c, doc_odt_styles.c    OpenDocument text
 *	doc_xml.c                      the zip and XML both use
 *	sheet_xlsx.c                   the spreadsheet half of sheet.h
 *	ical_write.c                   a calendar as iCalendar
 */
#ifndef PLANDESK_FORMATS_WRITERS_H
#define PLANDESK_FORMATS_WRITERS_H

#include "plandesk/documents/formats.h"

int pd_dm_write_docx(const struct pd_dm *dm, struct pd_buf *out,
		     struct pd_err *err);
int pd_dm_write_odt(const struct pd_dm *dm, struct pd_buf *out,
		    struct pd_err *err);

int pd_xlsx_open(struct pd_sheet *sh, const char *title, struct pd_err *err);
int pd_xlsx_put(struct pd_sheet *sh, const char *s, size_t n, struct pd_err *err);
int pd_xlsx_close(struct pd_sheet *sh, int rc, struct pd_err *err);

int pd_ical_write(const struct pd_cal *cal, struct pd_buf *out,
		  struct pd_err *err);

#endif
