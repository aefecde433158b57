/*
 * ds_common.c — rows and matching, shared by every data source.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "ds.h"

void ui_row_clear(struct ui_row *r)
{
	r->id = 0;
	r->kind = -1;
	r->role = 0;
	r->depth = 0;
	r->ncells = 0;
	for (int c = 0; c < UI_MAXCELLS; c++) {
		r->cell_role[c] = 0;
		r->cell[c][0] = '\0';
	}
}

/* Cut `s` (NUL-terminated, in a cell) back to a character boundary. */
static void fix_cut(char *s, size_t len)
{
	size_t n = strlen(s);

	if (n + 1 < len)
		return;
	/* snprintf may have cut a character in two: drop its first bytes. */
	s[pd_utf8_whole(s, n)] = '\0';
}

void ui_row_set(struct ui_row *r, int c, const char *fmt, ...)
{
	va_list ap;

	if (c < 0 || c >= UI_MAXCELLS)
		return;
	va_start(ap, fmt);
	vsnprintf(r->cell[c], UI_CELL, fmt, ap);
	va_end(ap);
	fix_cut(r->cell[c], UI_CELL);
	if (r->ncells < c + 1)
		r->ncells = c + 1;
}

void ui_row_text(struct ui_row *r, int c, const char *s)
{
	ui_row_set(r, c, "%s", s ? s : "");
}

bool ui_match_words(const char *hay, const char *query)
{
	const char *q = query;

	while (*q) {
		char word[128];
		size_t n = 0;

		while (*q == ' ')
			q++;
		while (*q && *q != ' ' && n < sizeof word - 1)
			word[n++] = *q++;
		while (*q && *q != ' ')
			q++;
		word[n] = '\0';
		if (n && !strstr(hay, word))
			return false;
	}
	return true;
}
