/*
 * keymap.h — keys and key tables.  Every view has a table binding keys to
 * commands with a line of help; the `?` screen is generated from the
 * tables, so the help can never disagree with what the keys do.
 *
 * A key is an int: a Unicode code point for a character (Ctrl-R is 0x12),
 * or UI_FN(k) for a curses function key (KEY_DOWN, KEY_RESIZE …).  Curses
 * key codes overlap real characters (KEY_MIN is U+0101), hence the offset.
 */
#ifndef PLANDESK_UI_KEYMAP_H
#define PLANDESK_UI_KEYMAP_H

#include <stddef.h>

#define UI_FN(k)    (0x110000 + (k))   /* a curses KEY_* code */
#define UI_CTRL(c)  ((c) & 0x1f)
#define UI_ESC      27
#define UI_ENTER    '\n'
#define UI_TAB      '\t'

/* Commands: one enum for every view, so a key handler is one switch. */
enum ui_cmd {
	UI_C_NONE = 0,
	/* moving in lists */
	UI_C_DOWN, UI_C_UP, UI_C_PGDN, UI_C_PGUP, UI_C_HALFDN, UI_C_HALFUP,
	UI_C_TOP, UI_C_BOTTOM, UI_C_FILTER, UI_C_NEXT, UI_C_PREV,
	/* everywhere */
	UI_C_HELP, UI_C_REDRAW, UI_C_COMMAND, UI_C_UNDO, UI_C_REDO,
	UI_C_VIEW1, UI_C_VIEW2, UI_C_VIEW3, UI_C_VIEW4, UI_C_NEXTVIEW,
	UI_C_BACK,
	/* records */
	UI_C_OPEN, UI_C_ADD, UI_C_EDIT, UI_C_EDITOR, UI_C_DELETE, UI_C_DONE,
	UI_C_EXPAND, UI_C_COLLAPSE, UI_C_STATUS, UI_C_OVERDUE, UI_C_SORT,
	UI_C_ALL, UI_C_OWNER, UI_C_PLAN,
	/* meeting mode */
	UI_C_MEETING,
	/* welcome screen */
	UI_C_DEMO, UI_C_IMPORT,
	/* forms */
	UI_C_SAVE, UI_C_CANCEL, UI_C_NEXTFIELD, UI_C_PREVFIELD,
	UI_NCMDS
};

struct ui_binding {
	int         key;
	enum ui_cmd cmd;
	const char *help;   /* NULL: an alias of the binding above */
};

/* A table ends with a binding whose key is 0. */
struct ui_keymap {
	const char              *title;   /* help section heading */
	const struct ui_binding *b;
};

/* The command `key` is bound to in `km`, or UI_C_NONE. */
enum ui_cmd ui_keymap_find(const struct ui_keymap *km, int key);

/*
 * Write the name of `key` into `buf` ("j", "Down", "PgDn", "Ctrl-R",
 * "Enter", "Space", "F10").  Always NUL-terminates.
 */
void ui_key_name(int key, char *buf, size_t n);

/*
 * The keys bound to `cmd` in `km`, joined ("j Down"), into buf; empty when
 * none.  For the help screen and the status-line hints.
 */
void ui_keymap_keys(const struct ui_keymap *km, enum ui_cmd cmd, char *buf,
		    size_t n);

/* The tables shared by every view: list movement and global keys. */
extern const struct ui_keymap ui_keys_list;
extern const struct ui_keymap ui_keys_global;

#endif
