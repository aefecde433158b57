/*
 * theme.h — colours named by what they mark, with a monochrome fallback
 * (attributes only) for NO_COLOR, TERM=dumb and terminals without colour.
 * Status is never shown by colour alone: ui_status_mark gives a text mark.
 */
#ifndef PLANDESK_UI_THEME_H
#define PLANDESK_UI_THEME_H

#include <stdbool.h>

#include <curses.h>

#include "plandesk/meetings/scale.h"

enum ui_role {
	UI_R_NORMAL, UI_R_TITLE, UI_R_TAB, UI_R_STATUS, UI_R_SELECTED, UI_R_DIM,
	UI_R_ERROR, UI_R_HEADER, UI_R_KEY, UI_R_DONE, UI_R_ONTRACK,
	UI_R_SLIPPED, UI_R_FAILED, UI_R_OVERDUE, UI_R_HEADING,
	UI_R_NOTICE,   /* something to keep in mind: a meeting left open */
	UI_R_NROLES
};

struct ui_theme {
	attr_t attr[UI_R_NROLES];
	bool   color;   /* colour pairs in use */
	bool   ascii;   /* marks and rules in ASCII (not a UTF-8 locale) */
};

/*
 * Fill `t` for the current screen: colours when `want_color` and the
 * terminal has them (call after start_color()), else attributes only.
 * `ascii` picks the ASCII marks.
 */
void ui_theme_init(struct ui_theme *t, bool want_color, bool ascii);

/* The role that shows status kind `k` (done, on track, …). */
enum ui_role ui_status_role(enum pd_status_kind k);

/* The text mark of status kind `k`: ✓ ~ ! ✗ · (ASCII: + ~ ! x .). */
const char *ui_status_mark(const struct ui_theme *t, enum pd_status_kind k);

#endif
