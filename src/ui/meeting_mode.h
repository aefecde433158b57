/*
 * meeting_mode.h — meeting mode in the client: the attendance page and the
 * agenda walk of one meeting with the entry line always ready (see
 * view_meeting_mode.c for the keys), starting and ending a meeting, the
 * `:minutes` command, and offering back a line left half-typed.
 */
#ifndef PLANDESK_UI_MEETING_MODE_H
#define PLANDESK_UI_MEETING_MODE_H

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
 * At start-up: when a line was left half-typed in a meeting (the
 * connection dropped, the program was killed), open that meeting's mode
 * with the line back in the entry line.  Call after the first view is up.
 */
void ui_meeting_resume_draft(struct app *a);

#endif
