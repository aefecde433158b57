/*
 * statusline.h — the bottom line: messages, the hints, and prompts (a
 * line of text, a y/N question, a one-key choice) that take the keys
 * while they are open.
 */
#ifndef PLANDESK_UI_STATUSLINE_H
#define PLANDESK_UI_STATUSLINE_H

#include <stdbool.h>

#include "app.h"

/* Handle a key while a prompt is open; returns an enum ui_res, or
 * UI_UNHANDLED for an Alt key it has no use for (then: Esc, then the key). */
int ui_prompt_key(struct app *a, int key);

/*
 * Draw the key bar of the view on top (its keymap's bar, else the global
 * one) on row `y` in `w` columns: whole hints only.
 */
void ui_bar_draw(struct app *a, int y, int w);

/* Draw the status line on row `y` (and place the cursor in a prompt). */
void ui_status_draw(struct app *a, int y);

/* True when the locale's character set is UTF-8. */
bool ui_utf8_locale(void);

#endif
