/*
 * doc.h — the small pieces every document writer needs (reports, and the
 * minutes if they want them): escaping text for HTML and Markdown, turning
 * multi-line text into paragraphs and lists, the head and foot of a
 * self-contained HTML page that prints on A4, UK dates, and saving a
 * finished document to a file without ever leaving half of it behind.
 *
 * The HTML is well-formed XML: void elements are closed ("<br />"), the
 * only entities are &amp; &lt; &gt; &quot;, and control characters, which
 * XML forbids, are dropped.  Text is taken as UTF-8; a byte that is not
 * valid UTF-8 becomes U+FFFD, so output is always valid UTF-8.
 *
 * Multi-line text (progress notes, descriptions) is read as people type it
 * into a cell: each non-blank line is a paragraph, except that a run of
 * lines beginning with a bullet ("- ", "* ", "• ", "▪ ", "· ") is a list.
 */
#ifndef PLANDESK_DOC_H
#define PLANDESK_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/buf.h"
#include "plandesk/date.h"
#include "plandesk/status.h"

/*
 * Append `n` bytes of text at `s` to `b`, escaped for HTML element content
 * or a quoted attribute value: & < > " become entities, line breaks become
 * "<br />", other control characters are dropped.
 * Returns PD_OK or PD_ENOMEM.
 */
int pd_html_escape(struct pd_buf *b, const char *s, size_t n);

/* Flags for pd_html_text and pd_md_text. */
#define PD_TEXT_LIST 0x01u   /* every line is a list item (points of an update) */

/*
 * Append multi-line text as HTML blocks: "<p>…</p>" for each line, and
 * "<ul><li>…</li></ul>" for each run of bulleted lines (the bullet is
 * removed), or for every line with PD_TEXT_LIST.  Nothing is appended for
 * text that is empty or all blank.
 * Returns PD_OK or PD_ENOMEM.
 */
int pd_html_text(struct pd_buf *b, const char *s, size_t n, unsigned flags);

/* Flags for pd_html_begin. */
#define PD_HTML_LANDSCAPE 0x01u   /* print A4 landscape (wide tables) */

/*
 * Begin an HTML page: doctype, <html lang="en-GB">, a head with the
 * escaped `title` and an inline style sheet (A4 page and margins, Arial,
 * bordered tables whose header row repeats on each printed page), then
 * "<body>".  `css` (may be NULL) is appended to the style sheet as is; it
 * must not contain "<".
 * Returns PD_OK or PD_ENOMEM.
 */
int pd_html_begin(struct pd_buf *b, const char *title, unsigned flags,
		  const char *css);

/* End the page begun by pd_html_begin.  Returns PD_OK or PD_ENOMEM. */
int pd_html_end(struct pd_buf *b);

/*
 * The opening tag of a bordered table, with the old attributes (border,
 * cellspacing, cellpadding) that Word keeps when a table is pasted and its
 * CSS is lost.  `cls` (may be NULL) is a class name.
 * Returns PD_OK or PD_ENOMEM.
 */
int pd_html_table(struct pd_buf *b, const char *cls);

/*
 * Append `n` bytes of text at `s` to `b`, escaped for inline Markdown
 * (CommonMark): \ ` * _ [ ] < > | # are backslash-escaped, and so is an
 * '&' that would start an entity; at the start of a line, what would make
 * a list item, a numbered list or a heading underline ("- ", "+ ", "=",
 * "1. ") is escaped.  A line break becomes a hard break (two spaces and a
 * newline); control characters are dropped.
 * Returns PD_OK or PD_ENOMEM.
 */
int pd_md_escape(struct pd_buf *b, const char *s, size_t n);

/*
 * Append multi-line text as Markdown blocks separated by blank lines: a
 * paragraph for each line, a "- " list for each run of bulleted lines (or
 * of all lines with PD_TEXT_LIST).  The output ends with a newline unless
 * nothing was appended.
 * Returns PD_OK or PD_ENOMEM.
 */
int pd_md_text(struct pd_buf *b, const char *s, size_t n, unsigned flags);

/* Buffer size for pd_date_uk: "September 2015", "29/06/2016" and a NUL. */
#define PD_DATE_UK_SIZE 24

/*
 * Format a stored date ("2016-06-29", "2015-09") the way a UK committee
 * paper writes it: "29/06/2016", or "September 2015" for a month.  For
 * text that is not a date (a target such as "Post completion of JSNA"),
 * `buf` gets "".  Returns the length written, without the NUL.
 */
size_t pd_date_uk(const char *iso, char buf[static PD_DATE_UK_SIZE]);

/*
 * Write `n` bytes at `p` to the file at `path`: into a new temporary file
 * (mode 0600) in the same directory, flushed to disk, then renamed over
 * `path` (through a symbolic link, over the file it names), so that a
 * failure leaves any old file as it was.  A device or a pipe (/dev/null,
 * /dev/stdout) is written in place.
 * Returns PD_OK; PD_EINVAL (a path too long); PD_EIO (cannot create,
 * write or rename: the reason in err).
 */
int pd_doc_save(const char *path, const void *p, size_t n, struct pd_err *err);

#endif
