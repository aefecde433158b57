/*
 * draw.h — putting UTF-8 text on the screen safely: cut by display
 * columns (never in the middle of a character, never half a wide
 * character), invalid bytes shown as U+FFFD, control characters never
 * sent to the terminal.
 */
#ifndef PLANDESK_UI_DRAW_H
#define PLANDESK_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

/*
 * Draw `n` bytes of `s` at (y, x) in at most `w` columns with `attr`.
 * A newline shows as ↵ (| when `ascii`), a tab as a space, other control
 * characters and invalid bytes as U+FFFD (? when `ascii`, as is any
 * non-ASCII character then).  Returns the columns used.
 */
int ui_put(int y, int x, int w, const char *s, size_t n, attr_t attr,
	   bool ascii);

/* ui_put of a NUL-terminated string. */
int ui_puts(int y, int x, int w, const char *s, attr_t attr, bool ascii);

/* Fill `w` columns at (y, x) with spaces in `attr`. */
void ui_fill(int y, int x, int w, attr_t attr);

/* Columns `s` takes on screen as ui_put draws it. */
int ui_width(const char *s, size_t n);

/*
 * The first screen line of the `n` bytes at `s` in `w` columns: its
 * length in bytes — all of them when they fit, else as much as fits,
 * broken after the last space that does (a word longer than the line is
 * cut), and never less than one character.  The next line starts after
 * the spaces that follow.
 */
size_t ui_wrap_line(const char *s, size_t n, int w);

/*
 * Shorten `s` into `buf` (size n) to at most `cols` columns, ending in "…"
 * ("..." when ascii) when cut.  For labels and titles.
 */
void ui_ellipsize(const char *s, int cols, bool ascii, char *buf, size_t n);

#endif
