/*
 * draw.c — UTF-8 text onto the screen, cut by display columns.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "plandesk/base/text.h"
#include "draw.h"

/* What code point `cp` (from `n` bytes) shows as, and its width. */
static uint32_t shown(uint32_t cp, const char *s, size_t n, bool ascii, int *w)
{
	if (cp == '\n') {
		*w = 1;
		return ascii ? '|' : 0x21B5;   /* ↵ */
	}
	if (cp == '\t' || cp == '\r') {
		*w = 1;
		return ' ';
	}
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
		*w = 1;
		return ascii ? '?' : PD_UTF8_REPLACEMENT;
	}
	if (cp == PD_UTF8_REPLACEMENT) {
		*w = 1;
		return ascii ? '?' : cp;
	}
	if (ascii && cp >= 0x80) {
		*w = 1;
		return '?';
	}
	*w = pd_utf8_width(s, n);
	return cp;
}

int ui_put(int y, int x, int w, const char *s, size_t n, attr_t attr,
	   bool ascii)
{
	wchar_t buf[512];
	size_t nb = 0, i = 0;
	int used = 0;

	if (w <= 0 || !s)
		return 0;
	while (i < n && nb < sizeof buf / sizeof buf[0] - 1) {
		uint32_t cp;
		size_t len = pd_utf8_decode(s + i, n - i, &cp);
		int cw;
		uint32_t out = shown(cp, s + i, len, ascii, &cw);

		if (used + cw > w)
			break;
		/* A combining mark with nothing before it would attach to
		 * whatever is on the screen: leave it out. */
		if (cw == 0 && nb == 0) {
			i += len;
			continue;
		}
		buf[nb++] = (wchar_t)out;
		used += cw;
		i += len;
	}
	buf[nb] = L'\0';
	attrset(attr);
	mvaddnwstr(y, x, buf, (int)nb);
	attrset(A_NORMAL);
	return used;
}

int ui_puts(int y, int x, int w, const char *s, attr_t attr, bool ascii)
{
	return ui_put(y, x, w, s, s ? strlen(s) : 0, attr, ascii);
}

void ui_fill(int y, int x, int w, attr_t attr)
{
	if (w <= 0)
		return;
	attrset(attr);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

int ui_width(const char *s, size_t n)
{
	size_t i = 0;
	int used = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = pd_utf8_decode(s + i, n - i, &cp);
		int cw;

		shown(cp, s + i, len, false, &cw);
		used += cw;
		i += len;
	}
	return used;
}

size_t ui_wrap_line(const char *s, size_t n, int w)
{
	size_t fit = pd_utf8_fit(s, n, w, NULL), cut = fit;

	if (fit >= n)
		return n;
	while (cut > 0 && s[cut - 1] != ' ')
		cut--;
	if (cut == 0)
		cut = fit ? fit : pd_utf8_decode(s, n, &(uint32_t){ 0 });
	return cut;
}

void ui_ellipsize(const char *s, int cols, bool ascii, char *buf, size_t n)
{
	const char *dots = ascii ? "..." : "…";
	int dw = ascii ? 3 : 1;
	size_t len = strlen(s), cut;

	if (n == 0)
		return;
	if (ui_width(s, len) <= cols) {
		snprintf(buf, n, "%s", s);
		return;
	}
	cut = pd_utf8_fit(s, len, cols - dw, NULL);
	/* Step back over whole characters until it fits in `buf`. */
	if (cut + strlen(dots) + 1 > n)
		cut = pd_utf8_cut(s, cut, n > strlen(dots) + 1 ? n - strlen(dots) - 1 : 0);
	snprintf(buf, n, "%.*s%s", (int)cut, s, dots);
}
