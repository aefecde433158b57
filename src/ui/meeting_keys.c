/*
 * meeting_keys.c — the keys of meeting mode, one table per page (the
 * agenda walk, attendance, after the meeting), from which its help, its
 * key bars and the man page's KEYS are made.  Every key here is one that
 * typing never produces (control, function and Alt keys), so that
 * everything typed goes into the line; view_meeting_mode.c dispatches on
 * them.
 */
#include "config.h"

#include <curses.h>

#include "keymap.h"

static const struct ui_binding mm_bindings[] = {
	{ UI_ENTER,         UI_C_RECORD,  "save the line: a note, or an action (\"KP to … by 15 January\")" },
	{ UI_TAB,           UI_C_NEXT,    "next item (each item keeps its own half-typed line)" },
	{ UI_FN(KEY_NPAGE), UI_C_NEXT,    NULL },
	{ UI_FN(KEY_BTAB),  UI_C_PREV,    "previous item (before the first: attendance)" },
	{ UI_FN(KEY_PPAGE), UI_C_PREV,    NULL },
	{ UI_CTRL('G'),     UI_C_FILTER,  "go to an item by its ref" },
	{ UI_FN(KEY_DOWN),  UI_C_DOWN,    "select the next to-do or line typed here" },
	{ UI_FN(KEY_UP),    UI_C_UP,      "select the previous one" },
	{ UI_FN(KEY_F(2)),  UI_C_EDIT,    "edit the selected line typed here (Enter saves, Esc cancels)" },
	{ UI_ALT('e'),      UI_C_EDIT,    NULL },
	{ UI_ALT('1'),      UI_C_STATUS,  "the item's status: Alt-1 to Alt-4 (Esc then the digit); Alt-0 clears" },
	{ UI_ALT('2'),      UI_C_STATUS,  NULL },
	{ UI_ALT('3'),      UI_C_STATUS,  NULL },
	{ UI_ALT('4'),      UI_C_STATUS,  NULL },
	{ UI_ALT('0'),      UI_C_STATUS,  NULL },
	{ UI_CTRL('T'),     UI_C_TURN,    "turn the selected note into an action, or back" },
	{ UI_ALT('c'),      UI_C_MARK,    "mark the selected line confidential (again: not)" },
	{ UI_CTRL('X'),     UI_C_DONE,    "tick the selected to-do done (again: open)" },
	{ UI_CTRL('F'),     UI_C_LOOKUP,  "look someone up in the directory; Esc comes back here" },
	{ UI_CTRL('O'),     UI_C_ATTEND,  "attendance: who is here, who sent apologies" },
	{ UI_FN(KEY_F(10)), UI_C_END,     "end the meeting: next date, then a summary" },
	{ UI_CTRL('_'),     UI_C_UNDO,    "undo the last change (Ctrl-/); Ctrl-R redoes" },
	{ UI_ESC,           UI_C_MENU,    "status, end the meeting, or leave it open for now" },
	{ UI_ALT(':'),      UI_C_COMMAND, "a command (:minutes FILE.docx)" },
	{ UI_FN(KEY_F(1)),  UI_C_HELP,    "this help" },
	{ 0, UI_C_NONE, NULL },
};

static const struct ui_bar mm_bar[] = {
	{ UI_C_RECORD, "save", NULL },
	{ UI_C_NEXT, "next", NULL },
	{ UI_C_STATUS, "status", "Alt-1..4" },
	{ UI_C_EDIT, "edit", NULL },
	{ UI_C_LOOKUP, "find", NULL },
	{ UI_C_END, "end", NULL },
	{ UI_C_MENU, "more", NULL },
	{ UI_C_HELP, "help", NULL },
	{ UI_C_NONE, NULL, NULL },
};

static const char *const mm_notes[] = {
	"Everything you type goes into the line at the bottom, and only there:",
	"a note may begin with a number. Enter saves the line as a progress note,",
	"or as an action when it reads \"KP to …\" (initials or a name, then \"to\").",
	"End an action with its due date: \"… by 15 January\", \"by 15/01/2027\",",
	"\"by Friday\", \"by the end of March\", \"by next meeting\". A date without a",
	"year is the next one on or after the meeting. Undated actions take the",
	"next meeting's date when the meeting is ended (F10).",
	"Begin a line with !c to keep it confidential: minutes and reports leave",
	"it out unless asked for, and here it reads CONFIDENTIAL.",
	"Status: Alt-1 … Alt-4 as shown under the item; or Esc, then the digit.",
	"To change a line typed here: Up/Down selects it, F2 puts it in the line,",
	"Enter saves it (owner and due date read again), Esc leaves it as it was.",
	"Ctrl-F looks up the directory; Esc (or Enter on a card, then Esc) comes",
	"back here with the line as it was. Esc then l leaves the meeting open:",
	"every screen says so, and m comes back. Ctrl-_ undoes the last change.",
	NULL,
};

const struct ui_keymap ui_keys_during_meeting = {
	.title = "During the meeting", .b = mm_bindings, .bar = mm_bar, .notes = mm_notes,
};

static const struct ui_binding summary_bindings[] = {
	{ UI_ENTER, UI_C_OPEN,    "back to the agenda" },
	{ 'q',      UI_C_BACK,    "leave meeting mode" },
	{ UI_ESC,   UI_C_BACK,    NULL },
	{ ':',      UI_C_COMMAND, "a command (:minutes FILE.docx writes the minutes)" },
	{ UI_ALT(':'), UI_C_COMMAND, NULL },
	{ 0, UI_C_NONE, NULL },
};
static const struct ui_bar summary_bar[] = {
	{ UI_C_OPEN, "agenda", NULL },
	{ UI_C_BACK, "leave", NULL },
	{ UI_C_COMMAND, "command", NULL },
	{ UI_C_NONE, NULL, NULL },
};
const struct ui_keymap ui_keys_after_meeting = {
	.title = "After the meeting", .b = summary_bindings, .bar = summary_bar,
};

static const struct ui_binding mm_attend_bindings[] = {
	{ UI_ENTER,         UI_C_OPEN,   "mark the selected person present (again: not recorded)" },
	{ UI_CTRL('X'),     UI_C_DONE,   "mark them as having sent apologies (again: neither)" },
	{ UI_FN(KEY_DOWN),  UI_C_DOWN,   "next name" },
	{ UI_FN(KEY_UP),    UI_C_UP,     "previous name" },
	{ UI_TAB,           UI_C_NEXT,   "the agenda: the first item" },
	{ UI_FN(KEY_NPAGE), UI_C_NEXT,   NULL },
	{ UI_CTRL('G'),     UI_C_FILTER, "go to an item by its ref" },
	{ UI_CTRL('F'),     UI_C_LOOKUP, "look someone up in the directory; Esc comes back here" },
	{ UI_FN(KEY_F(10)), UI_C_END,    "end the meeting: next date, then a summary" },
	{ UI_CTRL('_'),     UI_C_UNDO,   "undo the last change" },
	{ UI_ESC,           UI_C_MENU,   "clear the name typed; else end the meeting or leave it open" },
	{ UI_ALT(':'),      UI_C_COMMAND, "a command (:minutes FILE.docx)" },
	{ UI_FN(KEY_F(1)),  UI_C_HELP,   "this help" },
	{ 0, UI_C_NONE, NULL },
};
static const struct ui_bar mm_attend_bar[] = {
	{ UI_C_OPEN, "present", NULL },
	{ UI_C_DONE, "apologies", NULL },
	{ UI_C_NEXT, "agenda", NULL },
	{ UI_C_END, "end", NULL },
	{ UI_C_MENU, "more", NULL },
	{ UI_C_HELP, "help", NULL },
	{ UI_C_NONE, NULL, NULL },
};
static const char *const mm_attend_notes[] = {
	"Type part of a name: the directory answers as you type. Someone not in",
	"the directory is typed in full and added as written (the last row).",
	NULL,
};
const struct ui_keymap ui_keys_attendance = {
	.title = "Attendance", .b = mm_attend_bindings, .bar = mm_attend_bar,
	.notes = mm_attend_notes,
};
