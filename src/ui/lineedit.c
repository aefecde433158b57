/*
 * lineedit.c — the UTF-8 line editor (lineedit.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/text.h"
#include "draw.h"
#include "keymap.h"
#include "lineedit.h"

static int reserve(struct ui_lineedit *le, size_t more)
{
	return pd_grow(&le->s, &le->cap, le->n + more + 1, 1, 64) ? -1 : 0;
}

int ui_le_init(struct ui_lineedit *le)
{
	memset(le, 0, sizeof *le);
	if (reserve(le, 0))
		return -1;
	le->s[0] = '\0';
	return 0;
}

void ui_le_free(struct ui_lineedit *le)
{
	free(le->s);
	memset(le, 0, sizeof *le);
}

int ui_le_set(struct ui_lineedit *le, const char *s)
{
	char *fixed;
	size_t n;

	if (!s)
		s = "";
	/* Invalid bytes become U+FFFD: the store only takes valid UTF-8. */
	if (pd_utf8_repair(s, strlen(s), &fixed, &n) != PD_OK)
		return -1;
	le->n = 0;
	if (reserve(le, n)) {
		free(fixed);
		return -1;
	}
	memcpy(le->s, fixed, n + 1);
	free(fixed);
	le->n = n;
	le->cur = n;
	le->scroll = 0;
	return 0;
}

size_t ui_utf8_encode(unsigned cp, char u[4])
{
	if (cp < 0x80) {
		u[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (char)(0xF0 | cp >> 18);
	u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int ui_le_insert(struct ui_lineedit *le, unsigned cp)
{
	char u[4];
	size_t len;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = PD_UTF8_REPLACEMENT;
	len = ui_utf8_encode(cp, u);
	if (reserve(le, len))
		return -1;
	memmove(le->s + le->cur + len, le->s + le->cur, le->n - le->cur + 1);
	memcpy(le->s + le->cur, u, len);
	le->n += len;
	le->cur += len;
	return 0;
}

static size_t next_boundary(const struct ui_lineedit *le, size_t at)
{
	if (at >= le->n)
		return le->n;
	return at + pd_utf8_decode(le->s + at, le->n - at, NULL);
}

static size_t prev_boundary(const struct ui_lineedit *le, size_t at)
{
	if (at == 0)
		return 0;
	for (size_t k = 2; k <= 4 && k <= at; k++) {
		size_t p = at - k;
		if (p + pd_utf8_decode(le->s + p, at - p, NULL) == at &&
		    ((unsigned char)le->s[p] & 0xC0) != 0x80)
			return p;
	}
	return at - 1;
}

static void cut(struct ui_lineedit *le, size_t from, size_t to)
{
	memmove(le->s + from, le->s + to, le->n - to + 1);
	le->n -= to - from;
	le->cur = from;
}

/* Is the character at byte `at` part of a word (letter or digit)? */
static bool wordish(const struct ui_lineedit *le, size_t at)
{
	unsigned char c = (unsigned char)le->s[at];

	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The start of the word before the cursor (readline's Alt-b). */
static size_t word_back(const struct ui_lineedit *le)
{
	size_t p = le->cur;

	while (p > 0 && !wordish(le, prev_boundary(le, p)))
		p = prev_boundary(le, p);
	while (p > 0 && wordish(le, prev_boundary(le, p)))
		p = prev_boundary(le, p);
	return p;
}

/* The end of the word after the cursor (readline's Alt-f). */
static size_t word_forward(const struct ui_lineedit *le)
{
	size_t p = le->cur;

	while (p < le->n && !wordish(le, p))
		p = next_boundary(le, p);
	while (p < le->n && wordish(le, p))
		p = next_boundary(le, p);
	return p;
}

enum ui_le_res ui_le_key(struct ui_lineedit *le, int key)
{
	size_t p;

	switch (key) {
	case UI_FN(KEY_LEFT): case UI_CTRL('B'):
		le->cur = prev_boundary(le, le->cur);
		return UI_LE_MOVED;
	case UI_FN(KEY_RIGHT): case UI_CTRL('F'):
		le->cur = next_boundary(le, le->cur);
		return UI_LE_MOVED;
	case UI_FN(KEY_HOME): case UI_CTRL('A'):
		le->cur = 0;
		return UI_LE_MOVED;
	case UI_FN(KEY_END): case UI_CTRL('E'):
		le->cur = le->n;
		return UI_LE_MOVED;
	case UI_FN(KEY_BACKSPACE): case 127: case UI_CTRL('H'):
		if (le->cur == 0)
			return UI_LE_MOVED;
		cut(le, prev_boundary(le, le->cur), le->cur);
		return UI_LE_CHANGED;
	case UI_FN(KEY_DC): case UI_CTRL('D'):
		if (le->cur == le->n)
			return UI_LE_MOVED;
		p = le->cur;
		cut(le, p, next_boundary(le, p));
		return UI_LE_CHANGED;
	case UI_CTRL('U'):
		cut(le, 0, le->cur);
		return UI_LE_CHANGED;
	case UI_CTRL('K'):
		le->s[le->cur] = '\0';
		le->n = le->cur;
		return UI_LE_CHANGED;
	case UI_CTRL('W'): case UI_ALT(127): case UI_ALT(UI_CTRL('H')):
		cut(le, word_back(le), le->cur);
		return UI_LE_CHANGED;
	case UI_ALT('b'):
		le->cur = word_back(le);
		return UI_LE_MOVED;
	case UI_ALT('f'):
		le->cur = word_forward(le);
		return UI_LE_MOVED;
	case UI_ALT('d'):
		cut(le, le->cur, word_forward(le));
		return UI_LE_CHANGED;
	}
	if (key >= 32 && key != 127 && key < UI_FN(0)) {
		if (ui_le_insert(le, (unsigned)key))
			return UI_LE_MOVED;
		return UI_LE_CHANGED;
	}
	return UI_LE_UNHANDLED;
}

void ui_le_draw(struct ui_lineedit *le, int y, int x, int w, attr_t attr,
		bool ascii, int *cx)
{
	int curcol = ui_width(le->s, le->cur), col = 0;
	size_t at = 0;

	if (w < 1)
		w = 1;
	if (curcol < le->scroll)
		le->scroll = curcol;
	if (curcol >= le->scroll + w)
		le->scroll = curcol - w + 1;
	ui_fill(y, x, w, attr);
	/* Skip the characters scrolled off to the left. */
	while (at < le->n && col < le->scroll) {
		size_t len = pd_utf8_decode(le->s + at, le->n - at, NULL);
		col += ui_width(le->s + at, len);
		at += len;
	}
	ui_put(y, x + (col - le->scroll), w - (col - le->scroll), le->s + at,
	       le->n - at, attr, ascii);
	if (cx)
		*cx = x + curcol - le->scroll;
}
