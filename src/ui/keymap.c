/*
 * keymap.c — key lookup, key names, and the tables every view shares.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "draw.h"
#include "keymap.h"

static const struct ui_binding list_bindings[] = {
	{ 'j',              UI_C_DOWN,   "next row" },
	{ UI_FN(KEY_DOWN),  UI_C_DOWN,   NULL },
	{ 'k',              UI_C_UP,     "previous row" },
	{ UI_FN(KEY_UP),    UI_C_UP,     NULL },
	{ UI_FN(KEY_NPAGE), UI_C_PGDN,   "next page" },
	{ ' ',              UI_C_PGDN,   NULL },
	{ UI_CTRL('F'),     UI_C_PGDN,   NULL },
	{ UI_FN(KEY_PPAGE), UI_C_PGUP,   "previous page" },
	{ '-',              UI_C_PGUP,   NULL },
	{ UI_CTRL('B'),     UI_C_PGUP,   NULL },
	{ UI_CTRL('D'),     UI_C_HALFDN, "half a page down" },
	{ UI_CTRL('U'),     UI_C_HALFUP, "half a page up" },
	{ 'g',              UI_C_TOP,    "first row" },
	{ UI_FN(KEY_HOME),  UI_C_TOP,    NULL },
	{ 'G',              UI_C_BOTTOM, "last row" },
	{ UI_FN(KEY_END),   UI_C_BOTTOM, NULL },
	{ '/',              UI_C_FILTER, "filter (or find) as you type; Enter keeps, Esc clears" },
	{ 'n',              UI_C_NEXT,   "next match" },
	{ 'N',              UI_C_PREV,   "previous match" },
	{ 0, UI_C_NONE, NULL },
};
const struct ui_keymap ui_keys_list = { .title = "Moving around", .b = list_bindings };

static const struct ui_binding global_bindings[] = {
	{ '?',              UI_C_HELP,     "this help" },
	{ UI_FN(KEY_F(1)),  UI_C_HELP,     NULL },
	{ '1',              UI_C_VIEW1,    "Plans" },
	{ '2',              UI_C_VIEW2,    "Actions" },
	{ '3',              UI_C_VIEW3,    "Meetings" },
	{ '4',              UI_C_VIEW4,    "Directory" },
	{ UI_TAB,           UI_C_NEXTVIEW, "next of the four views" },
	{ ':',              UI_C_COMMAND,  "command line: :import :export :minutes :report :backup :q (listed below)" },
	{ 'u',              UI_C_UNDO,     "undo the last change (asks first when another client made it)" },
	{ UI_CTRL('_'),     UI_C_UNDO,     NULL },
	{ UI_CTRL('R'),     UI_C_REDO,     "redo" },
	{ UI_CTRL('L'),     UI_C_REDRAW,   "redraw the screen" },
	{ 'm',              UI_C_MEETING,  "back to the meeting left open (its line as it was)" },
	{ 'q',              UI_C_BACK,     "back; quit from a top view (asks while a meeting is open)" },
	{ 0, UI_C_NONE, NULL },
};
static const struct ui_bar global_bar[] = {
	{ UI_C_HELP, "help", NULL },
	{ UI_C_BACK, "back", NULL },   /* "quit" at the top (statusline.c) */
	{ UI_C_VIEW1, "views", "1-4" },
	{ UI_C_COMMAND, "command", NULL },
	{ UI_C_NONE, NULL, NULL },
};
const struct ui_keymap ui_keys_global = { .title = "Everywhere", .b = global_bindings,
					  .bar = global_bar };

const struct ui_keymap *const ui_keymaps_all[] = {
	&ui_keys_global, &ui_keys_list, &ui_keys_welcome, &ui_keys_plans,
	&ui_keys_actions, &ui_keys_meetings, &ui_keys_directory, &ui_keys_item,
	&ui_keys_meeting, &ui_keys_card, &ui_keys_form,
	&ui_keys_during_meeting, &ui_keys_attendance, &ui_keys_after_meeting,
	&ui_keys_lookup, &ui_keys_log, NULL,
};

enum ui_cmd ui_keymap_find(const struct ui_keymap *km, int key)
{
	if (!km)
		return UI_C_NONE;
	for (const struct ui_binding *b = km->b; b->key; b++)
		if (b->key == key)
			return b->cmd;
	return UI_C_NONE;
}

static const struct { int key; const char *name; } fn_names[] = {
	{ KEY_DOWN, "Down" }, { KEY_UP, "Up" }, { KEY_LEFT, "Left" },
	{ KEY_RIGHT, "Right" }, { KEY_NPAGE, "PgDn" }, { KEY_PPAGE, "PgUp" },
	{ KEY_HOME, "Home" }, { KEY_END, "End" }, { KEY_ENTER, "Enter" },
	{ KEY_BACKSPACE, "Backspace" }, { KEY_DC, "Delete" },
	{ KEY_IC, "Insert" }, { KEY_BTAB, "Shift-Tab" },
};

void ui_key_name(int key, char *buf, size_t n)
{
	if (UI_IS_ALT(key)) {
		char base[16];
		ui_key_name(key - UI_ALT(0), base, sizeof base);
		snprintf(buf, n, "Alt-%s", base);
		return;
	}
	if (key >= UI_FN(0)) {
		int k = key - UI_FN(0);
		for (size_t i = 0; i < sizeof fn_names / sizeof fn_names[0]; i++)
			if (fn_names[i].key == k) {
				snprintf(buf, n, "%s", fn_names[i].name);
				return;
			}
		if (k >= KEY_F(1) && k <= KEY_F(12))
			snprintf(buf, n, "F%d", k - KEY_F(0));
		else
			snprintf(buf, n, "key %d", k);
		return;
	}
	switch (key) {
	case UI_ENTER: case '\r': snprintf(buf, n, "Enter"); return;
	case UI_TAB:   snprintf(buf, n, "Tab"); return;
	case UI_ESC:   snprintf(buf, n, "Esc"); return;
	case ' ':      snprintf(buf, n, "Space"); return;
	case 127:      snprintf(buf, n, "Backspace"); return;
	}
	if (key == UI_CTRL('_')) {   /* what Ctrl-/ sends too */
		snprintf(buf, n, "Ctrl-_");
		return;
	}
	if (key < 32) {
		snprintf(buf, n, "Ctrl-%c", key + '@');
		return;
	}
	if (key < 128) {
		snprintf(buf, n, "%c", key);
		return;
	}
	/* A non-ASCII character: its UTF-8 bytes. */
	char u[5] = { 0 };
	unsigned cp = (unsigned)key;
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
	} else {
		u[0] = (char)(0xF0 | cp >> 18); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F));
	}
	snprintf(buf, n, "%s", u);
}

void ui_keymap_keys(const struct ui_keymap *km, enum ui_cmd cmd, char *buf,
		    size_t n)
{
	size_t used = 0;

	if (n)
		buf[0] = '\0';
	if (!km)
		return;
	for (const struct ui_binding *b = km->b; b->key; b++) {
		char name[32];
		int w;

		if (b->cmd != cmd)
			continue;
		ui_key_name(b->key, name, sizeof name);
		w = snprintf(buf + used, n - used, "%s%s", used ? " " : "", name);
		if (w < 0 || (size_t)w >= n - used)
			return;
		used += (size_t)w;
	}
}

void ui_keymap_first(const struct ui_keymap *km, const struct ui_keymap *fallback,
		     enum ui_cmd cmd, char *buf, size_t n)
{
	for (int pass = 0; pass < 2; pass++, km = fallback) {
		if (!km)
			continue;
		for (const struct ui_binding *b = km->b; b->key; b++)
			if (b->cmd == cmd) {
				ui_key_name(b->key, buf, n);
				return;
			}
	}
	if (n)
		buf[0] = '\0';
}

int ui_keymap_bar(const struct ui_keymap *km, int w, struct ui_bar_hint *out,
		  int max)
{
	int cols = 0, count = 0;

	if (!km || !km->bar)
		return 0;
	for (const struct ui_bar *h = km->bar; h->label && count < max; h++) {
		struct ui_bar_hint *o = &out[count];
		int hw;

		if (h->keys)
			snprintf(o->key, sizeof o->key, "%s", h->keys);
		else
			ui_keymap_first(km, NULL, h->cmd, o->key, sizeof o->key);
		if (!o->key[0])
			continue;
		o->label = h->label;
		o->cmd = h->cmd;
		hw = (count ? 2 : 0) + ui_width(o->key, strlen(o->key)) + 1 +
		     ui_width(h->label, strlen(h->label));
		if (cols + hw > w)
			break;
		cols += hw;
		count++;
	}
	return count;
}
