/*
 * meeting_mode.h — meeting mode in the client: the attendance page and the
 * agenda walk of one meeting with the entry line always ready (see
 * view_meeting_mode.c for the keys), starting and ending a meeting, the
 * meeting left open while other screens are used, and the `:minutes`
 * command.
 *
 * While a meeting is open its view is kept (app->meeting), on the stack
 * or not, with each item's half-typed line: leaving it for the directory
 * or the plans and coming back with `m` finds the same item and the same
 * line, and every other screen says the meeting is open.
 */
#ifndef PLANDESK_UI_MEETING_MODE_H
#define PLANDESK_UI_MEETING_MODE_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "views.h"

/* view_meeting_mode_new, ui_meeting_run and ui_meeting_start: views.h */

/*
 * `:minutes [DATE] FILE`: write the minutes of the meeting on screen (or
 * of the one held on DATE) to FILE, in the format its extension names
 * (.html .htm .txt .md; Markdown otherwise).  Returns an enum ui_res.
 */
int ui_minutes_command(struct app *a, int argc, char **argv);

/* The meeting the top view shows (meeting mode, a meeting's page), or 0. */
uint64_t ui_meeting_shown(struct app *a);

/*
 * At start-up: when a meeting was left open (the client quit, the
 * connection dropped, the program was killed), ask whether to return to
 * it (Enter: yes).  Keys typed before the question are thrown away, never
 * typed into the meeting's line.  Call after the first view is up.
 */
void ui_meeting_offer(struct app *a);

/* "C3P, 7th December 2026": the meeting left open, into buf.  False when
 * none is open. */
bool ui_meeting_open_label(struct app *a, char *buf, size_t n);

/* `m`: back to the open meeting, on the item and line it was left at.
 * enum ui_res (a message when no meeting is open). */
int ui_meeting_return(struct app *a);

/* True when `v` is a meeting mode view. */
bool ui_is_meeting_mode(const struct view *v);

#endif
