/*
 * doc.c — escaping text for HTML and Markdown, and saving documents
 * (doc.h).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plandesk/documents/doc.h"
#include "plandesk/base/text.h"
#include "base/save.h"

#define REPLACEMENT "\xef\xbf\xbd"   /* U+FFFD in UTF-8 */

/*
 * The next code point of s[0..n): its length in *len; -1 for an invalid
 * sequence (one byte), which callers write as U+FFFD.
 */
static long next_cp(const char *s, size_t n, size_t *len)
{
	uint32_t cp;

	*len = pd_utf8_decode(s, n, &cp);
	/* A real U+FFFD takes 3 bytes; an invalid byte stands for it alone. */
	return cp == PD_UTF8_REPLACEMENT && *len == 1 ? -1 : (long)cp;
}

int pd_html_escape(struct pd_buf *b, const char *s, size_t n)
{
	size_t i = 0, len;
	int rc = PD_OK;

	while (i < n && rc == PD_OK) {
		long cp = next_cp(s + i, n - i, &len);

		switch (cp) {
		case '&':  rc = pd_buf_puts(b, "&amp;"); break;
		case '<':  rc = pd_buf_puts(b, "&lt;"); break;
		case '>':  rc = pd_buf_puts(b, "&gt;"); break;
		case '"':  rc = pd_buf_puts(b, "&quot;"); break;
		case '\n': rc = pd_buf_puts(b, "<br />"); break;
		case '\t': rc = pd_buf_putc(b, ' '); break;
		case -1:   rc = pd_buf_puts(b, REPLACEMENT); break;
		default:
			/* XML forbids other control characters and U+FFFE/F. */
			if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
				break;
			rc = pd_buf_add(b, s + i, len);
		}
		i += len;
	}
	return rc;
}

/* True when the bytes at s begin an entity reference ("&amp;", "&#38;"). */
static bool entity_at(const char *s, size_t n)
{
	size_t i = 1;

	if (i < n && s[i] == '#')
		i++;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
			 (s[i] >= '0' && s[i] <= '9')))
		i++;
	return i > 1 && i < n && s[i] == ';';
}

/* At the start of a line: bytes to copy before the '\' that keeps a list
 * or heading marker literal ("1. " → "1\. "), or (size_t)-1 for none. */
static size_t line_marker(const char *s, size_t n)
{
	size_t i = 0;

	if (n && (s[0] == '-' || s[0] == '+' || s[0] == '='))
		return 0;
	while (i < n && i < 9 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i && i < n && (s[i] == '.' || s[i] == ')') &&
	    (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t'))
		return i;
	return (size_t)-1;
}

int pd_md_escape(struct pd_buf *b, const char *s, size_t n)
{
	size_t i = 0, len, m;
	bool bol = true;
	int rc = PD_OK;

	while (i < n && rc == PD_OK) {
		long cp;

		if (bol && (m = line_marker(s + i, n - i)) != (size_t)-1) {
			if ((rc = pd_buf_add(b, s + i, m)) == PD_OK &&
			    (rc = pd_buf_putc(b, '\\')) == PD_OK)
				rc = pd_buf_putc(b, s[i + m]);
			i += m + 1;
			bol = false;
			continue;
		}
		bol = false;
		cp = next_cp(s + i, n - i, &len);
		if (cp == '\n') {
			rc = pd_buf_puts(b, "  \n");
			bol = true;
		} else if (cp == -1) {
			rc = pd_buf_puts(b, REPLACEMENT);
		} else if (cp == '\t') {
			rc = pd_buf_putc(b, ' ');
		} else if (cp < 0x20) {
			/* dropped */
		} else if ((cp < 0x80 && strchr("\\`*_[]<>|#~", (int)cp)) ||
			   (cp == '&' && entity_at(s + i, n - i))) {
			if ((rc = pd_buf_putc(b, '\\')) == PD_OK)
				rc = pd_buf_putc(b, (int)cp);
		} else {
			rc = pd_buf_add(b, s + i, len);
		}
		i += len;
	}
	return rc;
}

int pd_doc_save(const char *path, const void *p, size_t n, struct pd_err *err)
{
	struct pd_save sv;
	int rc = pd_save_open(&sv, path, err);

	if (rc != PD_OK)
		return rc;
	return pd_save_close(&sv, pd_save_write(&sv, p, n, err), err);
}
