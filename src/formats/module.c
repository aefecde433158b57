/*
 * module.c — the entry table of the document module (formats.h): the one
 * symbol plandesk-formats.so exports (formats.map), found with dlsym by
 * the program (src/cli/formats_load.c) and linked directly by the tests.
 */
#include "writers.h"

const struct pd_formats pd_formats_module = {
	.version    = PD_FORMATS_VERSION,
	.size       = sizeof (struct pd_formats),
	.write_docx = pd_dm_write_docx,
	.write_odt  = pd_dm_write_odt,
	.xlsx_open  = pd_xlsx_open,
	.xlsx_put   = pd_xlsx_put,
	.xlsx_close = pd_xlsx_close,
	.write_ics  = pd_ical_write,
};
