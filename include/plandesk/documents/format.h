/*
 * format.h — the file formats plandesk writes, their names and extensions,
 * and the one rule every command follows to choose one: `--format NAME`
 * when given, else the extension of the file named with -o, else the
 * command's default; a format the command does not write, or an
 * extension that names none, is an error that lists the ones it does
 * write, before anything is written.
 */
#ifndef PLANDESK_FORMAT_H
#define PLANDESK_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/base/status.h"

enum pd_format {
	PD_FMT_MD,     /* Markdown (CommonMark) */
	PD_FMT_TXT,    /* plain text wrapped at 72 columns, for an e-mail */
	PD_FMT_HTML,   /* one self-contained page that prints on A4 */
	PD_FMT_CSV,    /* RFC 4180, for exchange */
	PD_FMT_DOCX,   /* Word (Office Open XML) */
	PD_FMT_ODT,    /* OpenDocument text */
	PD_FMT_XLSX,   /* a spreadsheet: typed text and date cells */
	PD_FMT_MAIL,   /* e-mail messages (an mbox when several): the digest */
	PD_FMT_VCF,    /* vCards (people) */
	PD_FMT_ICS,    /* iCalendar (meetings, actions) */
	PD_FMT_COUNT
};

/* A set of formats: PD_FMT_BIT(PD_FMT_MD) | ... */
#define PD_FMT_BIT(f) (1u << (f))

/* What each command writes. */
#define PD_FMTS_DOCUMENT (PD_FMT_BIT(PD_FMT_MD) | PD_FMT_BIT(PD_FMT_TXT) | \
			  PD_FMT_BIT(PD_FMT_HTML) | PD_FMT_BIT(PD_FMT_DOCX) | \
			  PD_FMT_BIT(PD_FMT_ODT))
#define PD_FMTS_MINUTES  PD_FMTS_DOCUMENT
#define PD_FMTS_REPORT   (PD_FMTS_DOCUMENT | PD_FMT_BIT(PD_FMT_CSV) | \
			  PD_FMT_BIT(PD_FMT_XLSX))
#define PD_FMTS_REPORT_ACTIONS (PD_FMTS_REPORT | PD_FMT_BIT(PD_FMT_MAIL))
#define PD_FMTS_EXPORT   (PD_FMT_BIT(PD_FMT_CSV) | PD_FMT_BIT(PD_FMT_XLSX) | \
			  PD_FMT_BIT(PD_FMT_VCF) | PD_FMT_BIT(PD_FMT_ICS))

/* The format's name as --format takes it and its usual extension: "md",
 * "docx".  "" for a value that is not a format. */
const char *pd_format_name(enum pd_format f);

/* True for the formats that are not text (docx, odt, xlsx: zip files). */
bool pd_format_binary(enum pd_format f);

/*
 * The format called `name`: its name, or an alias ("markdown", "text",
 * "htm").  Case does not matter.
 * Returns PD_OK, or PD_EINVAL for another name (or NULL).
 */
int pd_format_parse(const char *name, enum pd_format *out);

/*
 * "md, txt, html, docx or odt": the formats in `set`, in enum order, into
 * `buf` (n bytes, truncated as snprintf does).  Returns `buf`.
 */
const char *pd_format_list(unsigned set, char *buf, size_t n);

/*
 * Choose the format of one command's output.  `name` (--format, may be
 * NULL) wins; else the extension of `path` (-o FILE, may be NULL: no
 * file) when its last component has one and it is not already a named
 * pipe, a device or a folder (/dev/stdout); else `dflt`.  The choice must
 * be in `set`.
 * Returns PD_OK with *out set; PD_EINVAL when `name` is no format, the
 * extension names none, or the format is not in `set` — err then says so
 * and lists the formats of `set` ("… use md, txt, html, docx or odt").
 */
int pd_format_choose(const char *name, const char *path, unsigned set,
		     enum pd_format dflt, enum pd_format *out, struct pd_err *err);

#endif
