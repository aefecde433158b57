/*
 * lineedit.h — the one line editor: UTF-8 text, cursor moved by
 * character, drawn by display columns (wide characters take two), scrolled
 * sideways to keep the cursor in view.  Used by `/`, `:`, prompts and
 * every form field.  Emacs-style keys as in readline: Ctrl-A/E, Ctrl-B/F,
 * Ctrl-U/K, Ctrl-W, Ctrl-D, Alt-B/F (a word back, forward), Alt-D and
 * Alt-Backspace (delete a word), Backspace, Delete, Home/End, Left/Right.
 */
#ifndef PLANDESK_UI_LINEEDIT_H
#define PLANDESK_UI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

struct ui_lineedit {
	char  *s;      /* UTF-8 text, NUL-terminated (never NULL after init) */
	size_t n;      /* length in bytes */
	size_t cap;
	size_t cur;    /* cursor: byte offset, always on a character boundary */
	int    scroll; /* first display column shown */
};

enum ui_le_res {
	UI_LE_UNHANDLED,  /* not an editing key: the caller decides */
	UI_LE_MOVED,      /* cursor moved, text unchanged */
	UI_LE_CHANGED     /* text changed */
};

/* Code point `cp` (at most U+10FFFF) as UTF-8 in u; returns its length. */
size_t ui_utf8_encode(unsigned cp, char u[4]);

/* Start empty.  Returns 0, or -1 out of memory. */
int ui_le_init(struct ui_lineedit *le);
/* Free the text. */
void ui_le_free(struct ui_lineedit *le);
/* Replace the text with `s` (NULL = empty), cursor at the end.  0 or -1. */
int ui_le_set(struct ui_lineedit *le, const char *s);
/* Insert code point `cp` at the cursor.  0 or -1 (out of memory). */
int ui_le_insert(struct ui_lineedit *le, unsigned cp);

/*
 * Apply key `key` (keymap.h encoding): printable characters are
 * inserted, editing keys edit.  Enter, Escape, Tab, Up/Down and the like
 * are UI_LE_UNHANDLED.
 */
enum ui_le_res ui_le_key(struct ui_lineedit *le, int key);

/*
 * Draw the text at (y, x) in `w` columns with attribute `attr`, scrolled so
 * that the cursor shows; *cx gets the cursor's screen column.  Newlines
 * show as ↵ (| in ASCII), other control characters as U+FFFD.
 */
void ui_le_draw(struct ui_lineedit *le, int y, int x, int w, attr_t attr,
		bool ascii, int *cx);

#endif
