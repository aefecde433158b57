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
#define UI_ALT(c)   (0x130000 + (c))   /* Alt-c: Esc then c, sent together */
#define UI_IS_ALT(k) ((k) >= 0x130000 && (k) < 0x130080)
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
	UI_C_ALL, UI_C_OWNER, UI_C_PLAN, UI_C_MARK,
	/* meeting mode */
	UI_C_MEETING, UI_C_RECORD, UI_C_TURN, UI_C_LOOKUP, UI_C_ATTEND,
	UI_C_END, UI_C_MENU,
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

/* One hint of a key bar: the command's first key, then `label`. */
struct ui_bar {
	enum ui_cmd cmd;
	const char *label;   /* NULL ends the bar */
	const char *keys;    /* shown instead of the key's name ("1-4"), or NULL */
};

/* A hint as drawn. */
struct ui_bar_hint {
	char        key[24];
	const char *label;
	enum ui_cmd cmd;
};

/* A table ends with a binding whose key is 0. */
struct ui_keymap {
	const char              *title;   /* help section heading */
	const struct ui_binding *b;
	const struct ui_bar     *bar;     /* the key bar, or NULL */
	const char *const       *notes;   /* help lines after the keys
					     (NULL-terminated), or NULL */
};

/* The command `key` is bound to in `km`, or UI_C_NONE. */
enum ui_cmd ui_keymap_find(const struct ui_keymap *km, int key);

/*
 * Write the name of `key` into `buf` ("j", "Down", "PgDn", "Ctrl-R",
 * "Enter", "Space", "F10", "Alt-1").  Always NUL-terminates.
 */
void ui_key_name(int key, char *buf, size_t n);

/*
 * The keys bound to `cmd` in `km`, joined ("j Down"), into buf; empty when
 * none.  For the help screen and the status-line hints.
 */
void ui_keymap_keys(const struct ui_keymap *km, enum ui_cmd cmd, char *buf,
		    size_t n);

/*
 * The first key bound to `cmd` in `km` (then in `fallback`, may be NULL)
 * named into buf ("Ctrl-_"); "" when none.
 */
void ui_keymap_first(const struct ui_keymap *km, const struct ui_keymap *fallback,
		     enum ui_cmd cmd, char *buf, size_t n);

/*
 * The hints of `km`'s key bar ("Enter save", "Tab next", "F10 end") that
 * fit in `w` columns with two spaces between them, whole: the bar is cut
 * after the last hint that fits, never in the middle of one.  Fills at
 * most `max` of `out`; returns how many.
 */
int ui_keymap_bar(const struct ui_keymap *km, int w, struct ui_bar_hint *out,
		  int max);

/* The tables shared by every view: list movement and global keys. */
extern const struct ui_keymap ui_keys_list;
extern const struct ui_keymap ui_keys_global;

/* Each view's own table, in its file. */
extern const struct ui_keymap ui_keys_welcome, ui_keys_plans, ui_keys_actions,
	ui_keys_meetings, ui_keys_directory, ui_keys_item, ui_keys_meeting,
	ui_keys_card, ui_keys_form, ui_keys_help, ui_keys_lookup, ui_keys_log;
/* Meeting mode's (meeting_keys.c). */
extern const struct ui_keymap ui_keys_during_meeting, ui_keys_attendance,
	ui_keys_after_meeting;

/* Every table, in the order the man page's KEYS section lists them;
 * NULL-terminated. */
extern const struct ui_keymap *const ui_keymaps_all[];

#endif
