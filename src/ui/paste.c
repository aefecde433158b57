/*
 * paste.c — bracketed paste (paste.h): the terminal mode and the keys.
 */
#include <stdio.h>

#include <curses.h>

#include "paste.h"

enum { KEY_PASTE_BEGIN = KEY_MAX + 1, KEY_PASTE_END = KEY_MAX + 2 };

void ui_paste_keys(void)
{
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
}

void ui_paste_mode(bool on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

bool ui_paste_bracket(int c)
{
	return c == KEY_PASTE_BEGIN || c == KEY_PASTE_END;
}

int ui_paste_key(struct ui_paste *p, int c)
{
	if (ui_paste_bracket(c)) {
		p->on = c == KEY_PASTE_BEGIN;
		p->gap = false;
		return UI_PASTE_SKIP;
	}
	if (c == ERR)
		p->on = false;
	if (!p->on || c == ERR)
		return c;
	if (c == '\t') {
		p->gap = false;
		return ' ';
	}
	if (c == KEY_ENTER || c == '\r' || c == '\n') {
		if (p->gap)
			return UI_PASTE_SKIP;   /* CR LF, or an empty line */
		p->gap = true;
		return '\r';
	}
	p->gap = false;
	return c;
}
