/*
 * status_draw.h — drawing the bottom line (status_draw.c): the key bar,
 * and the message or the open prompt.  app_draw.c calls them once a turn.
 */
#ifndef PLANDESK_UI_STATUS_DRAW_H
#define PLANDESK_UI_STATUS_DRAW_H

#include "app.h"

/*
 * Draw the key bar of the view on top (its keymap's bar, else the global
 * one) on row `y` in `w` columns: whole hints only.
 */
void ui_bar_draw(struct app *a, int y, int w);

/* Draw the status line on row `y` (and place the cursor in a prompt). */
void ui_status_draw(struct app *a, int y);

#endif
