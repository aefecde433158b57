/*
 * doc.c — escaping, text blocks, the HTML page skeleton, UK dates and
 * saving documents (doc.h).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plandesk/doc.h"
#include "plandesk/text.h"
#include "save.h"

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

/* The bullets people type at the start of a line, each then a space. */
static const char *const bullets[] = {
	"-", "*", "\xe2\x80\xa2" /* • */, "\xe2\x96\xaa" /* ▪ */,
	"\xc2\xb7" /* · */, "\xe2\x97\xa6" /* ◦ */,
};

/* The length of the bullet and its spaces at the start of the line, or 0. */
static size_t bullet_len(const char *s, size_t n)
{
	for (size_t k = 0; k < sizeof bullets / sizeof bullets[0]; k++) {
		size_t bl = strlen(bullets[k]), i = bl;

		if (n <= bl || memcmp(s, bullets[k], bl) != 0 ||
		    (s[bl] != ' ' && s[bl] != '\t'))
			continue;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		return i;
	}
	return 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* One line of a text block: trimmed, with its bullet split off. */
struct line {
	const char *s;
	size_t      n;
	bool        bullet;
};

/*
 * Cut the next line from s[*pos..n): trimmed of blanks; false at the end.
 * A line that is blank comes back with n == 0.
 */
static bool next_line(const char *s, size_t n, size_t *pos, struct line *ln)
{
	size_t a = *pos, e, bl;

	if (a >= n)
		return false;
	e = a;
	while (e < n && s[e] != '\n')
		e++;
	*pos = e < n ? e + 1 : e;
	while (a < e && is_blank(s[a]))
		a++;
	while (e > a && is_blank(s[e - 1]))
		e--;
	bl = bullet_len(s + a, e - a);
	ln->s = s + a + bl;
	ln->n = e - a - bl;
	ln->bullet = bl > 0;
	return true;
}

int pd_html_text(struct pd_buf *b, const char *s, size_t n, unsigned flags)
{
	struct line ln;
	size_t pos = 0;
	bool in_list = false;
	int rc = PD_OK;

	while (rc == PD_OK && next_line(s, n, &pos, &ln)) {
		if (!ln.n)
			continue;
		ln.bullet = ln.bullet || (flags & PD_TEXT_LIST);
		if (in_list && !ln.bullet) {
			rc = pd_buf_puts(b, "</ul>");
			in_list = false;
		} else if (!in_list && ln.bullet && rc == PD_OK) {
			rc = pd_buf_puts(b, "<ul>");
			in_list = true;
		}
		if (rc == PD_OK)
			rc = pd_buf_puts(b, ln.bullet ? "<li>" : "<p>");
		if (rc == PD_OK)
			rc = pd_html_escape(b, ln.s, ln.n);
		if (rc == PD_OK)
			rc = pd_buf_puts(b, ln.bullet ? "</li>" : "</p>");
	}
	if (rc == PD_OK && in_list)
		rc = pd_buf_puts(b, "</ul>");
	return rc;
}

int pd_md_text(struct pd_buf *b, const char *s, size_t n, unsigned flags)
{
	struct line ln;
	size_t pos = 0;
	bool any = false, in_list = false;
	int rc = PD_OK;

	while (rc == PD_OK && next_line(s, n, &pos, &ln)) {
		if (!ln.n)
			continue;
		ln.bullet = ln.bullet || (flags & PD_TEXT_LIST);
		/* A blank line between blocks; list items stay together. */
		if (any && !(in_list && ln.bullet))
			rc = pd_buf_putc(b, '\n');
		if (rc == PD_OK && ln.bullet)
			rc = pd_buf_puts(b, "- ");
		if (rc == PD_OK)
			rc = pd_md_escape(b, ln.s, ln.n);
		if (rc == PD_OK)
			rc = pd_buf_putc(b, '\n');
		in_list = ln.bullet;
		any = true;
	}
	return rc;
}

static const char style[] =
	"body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt;"
	" line-height: 1.25; color: #000; background: #fff; }\n"
	"h1 { font-size: 15pt; margin: 0 0 4pt 0; }\n"
	"h2 { font-size: 12pt; margin: 12pt 0 4pt 0; page-break-after: avoid; }\n"
	"p { margin: 0 0 4pt 0; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt 0; }\n"
	"th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top;"
	" text-align: left; }\n"
	"th { background: #d9d9d9; font-weight: bold; }\n"
	"thead { display: table-header-group; }\n"
	"tr { page-break-inside: avoid; }\n"
	"ul { margin: 0 0 4pt 0; padding-left: 14pt; }\n"
	"li { margin: 0 0 2pt 0; }\n"
	"@media screen { body { margin: 12pt; } }\n";

int pd_html_begin(struct pd_buf *b, const char *title, unsigned flags,
		  const char *css)
{
	int rc;

	if ((rc = pd_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
			      "<meta charset=\"utf-8\" />\n"
			      "<meta name=\"generator\" content=\"plandesk\" />\n"
			      "<title>")) ||
	    (rc = pd_html_escape(b, title, strlen(title))) ||
	    (rc = pd_buf_printf(b, "</title>\n<style>\n@page { size: A4%s; margin: 12mm; }\n%s",
				flags & PD_HTML_LANDSCAPE ? " landscape" : "", style)))
		return rc;
	if (css && (rc = pd_buf_puts(b, css)))
		return rc;
	return pd_buf_puts(b, "</style>\n</head>\n<body>\n");
}

int pd_html_end(struct pd_buf *b)
{
	return pd_buf_puts(b, "</body>\n</html>\n");
}

int pd_html_table(struct pd_buf *b, const char *cls)
{
	if (cls)
		return pd_buf_printf(b, "<table class=\"%s\" border=\"1\" cellspacing=\"0\""
				     " cellpadding=\"4\">\n", cls);
	return pd_buf_puts(b, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n");
}

size_t pd_date_uk(const char *iso, char buf[static PD_DATE_UK_SIZE])
{
	struct pd_date d;
	int len;

	buf[0] = '\0';
	if (!iso || pd_date_parse(iso, &d, NULL) != PD_OK)
		return 0;
	if (d.d == 0)
		return pd_date_long(&d, buf, PD_DATE_UK_SIZE);
	len = snprintf(buf, PD_DATE_UK_SIZE, "%02d/%02d/%04d", d.d, d.m, d.y);
	return len > 0 ? (size_t)len : 0;
}

int pd_doc_save(const char *path, const void *p, size_t n, struct pd_err *err)
{
	struct pd_save sv;
	int rc = pd_save_open(&sv, path, err);

	if (rc != PD_OK)
		return rc;
	return pd_save_close(&sv, pd_save_write(&sv, p, n, err), err);
}
