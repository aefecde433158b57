/*
 * paste.h — bracketed paste.  Asked for, the terminal sends ESC [200~
 * before what is pasted and ESC [201~ after it, so the client knows a
 * paste from typing.  A pasted line is still one Enter (in meeting mode
 * each line of a pasted e-mail is one note or action, in order), but a
 * tab in it would move to the next item halfway through the paste, and a
 * Windows line end (CR LF) or an empty line would be a second Enter on an
 * empty line (which, while a line is being corrected, asks whether to
 * delete it — and the next pasted key answers).  So within the brackets
 * a tab is a space and a run of line breaks is one Enter.
 */
#ifndef PLANDESK_UI_PASTE_H
#define PLANDESK_UI_PASTE_H

#include <stdbool.h>

/* Where a paste is: set by ui_paste_key. */
struct ui_paste {
	bool on;    /* between the brackets */
	bool gap;   /* the last key given was a line break */
};

/* ui_paste_key's answer when the key is not one to hand on. */
#define UI_PASTE_SKIP (-2)

/* Teach curses the brackets (once, after keypad(stdscr, TRUE)). */
void ui_paste_keys(void);

/* Ask the terminal to bracket pastes (on), or stop asking (off: before
 * curses lets go of the terminal, to another program or for good). */
void ui_paste_mode(bool on);

/* Is `c` (from wgetch) one of the brackets? */
bool ui_paste_bracket(int c);

/*
 * The key curses gave (`c`, ERR on a timeout) as the client should see
 * it: ERR ends a paste whose closing bracket never came (the keys
 * stopped); a bracket, or a line break after another within a paste, is
 * UI_PASTE_SKIP; within a paste a line break is '\r' (Enter) and a tab
 * ' '; any other key is itself.
 */
int ui_paste_key(struct ui_paste *p, int c);

#endif
