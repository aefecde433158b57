/*
 * statusline.h — what the bottom line holds: messages and prompts (a
 * line of text, a y/N question, a one-key choice) that take the keys
 * while they are open.  Drawing it is status_draw.h's.
 */
#ifndef PLANDESK_UI_STATUSLINE_H
#define PLANDESK_UI_STATUSLINE_H

#include <stdbool.h>

#include "app.h"

/* Handle a key while a prompt is open; returns an enum ui_res, or
 * UI_UNHANDLED for an Alt key it has no use for (then: Esc, then the key). */
int ui_prompt_key(struct app *a, int key);

/* True when the locale's character set is UTF-8. */
bool ui_utf8_locale(void);

#endif
