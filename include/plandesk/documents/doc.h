/*
 * doc.h — the small pieces the text writers of documents need (escaping
 * text for HTML and Markdown; docmodel.h has the documents themselves),
 * and saving a finished document to a file without ever leaving half of
 * it behind.
 *
 * The HTML is well-formed XML: void elements are closed ("<br />"), the
 * only entities are &amp; &lt; &gt; &quot;, and control characters, which
 * XML forbids, are dropped.  Text is taken as UTF-8; a byte that is not
 * valid UTF-8 becomes U+FFFD, so output is always valid UTF-8.
 */
#ifndef PLANDESK_DOC_H
#define PLANDESK_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "plandesk/base/status.h"

/*
 * Append `n` bytes of text at `s` to `b`, escaped for HTML element content
 * or a quoted attribute value: & < > " become entities, line breaks become
 * "<br />", other control characters are dropped.
 * Returns PD_OK or PD_ENOMEM.
 */
int pd_html_escape(struct pd_buf *b, const char *s, size_t n);

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
