/*
 * views.h — the constructors of every view.  Each returns NULL when out of
 * memory (the caller shows a message).
 */
#ifndef PLANDESK_UI_VIEWS_H
#define PLANDESK_UI_VIEWS_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"

/* The first screen of an empty database: how to begin. */
struct view *view_welcome_new(struct app *a);
/* 1: plans, their themes and items as a tree with status. */
struct view *view_plans_new(struct app *a);
/* Select plan `plan` in Plans view `v`. */
void view_plans_focus(struct view *v, struct app *a, uint64_t plan);
/* 2: open actions across plans. */
struct view *view_actions_new(struct app *a);
/* 3: meetings by date, newest first. */
struct view *view_meetings_new(struct app *a);
/* 4: organisations and people, filtered through the search index. */
struct view *view_directory_new(struct app *a);
/*
 * The directory as a lookup from meeting mode (Ctrl-F): everything typed
 * is the search, Up/Down choose, Enter shows the card, Esc goes back.
 */
struct view *view_directory_lookup_new(struct app *a);
/* The keys of view `about` (and the shared ones). */
struct view *view_help_new(struct app *a, const struct view *about);
/* True when `v` is a help screen. */
bool ui_is_help(const struct view *v);
/* One item: fields, sub-items, actions, the update timeline. */
struct view *view_item_new(struct app *a, uint64_t item);
/* One meeting: attendance, updates and actions taken at it. */
struct view *view_meeting_new(struct app *a, uint64_t meeting);
/* Meeting mode (meeting_mode.h): attendance, then the agenda walk with
 * the entry line always ready.  NULL when the meeting cannot be read. */
struct view *view_meeting_mode_new(struct app *a, uint64_t meeting);
/* Push meeting mode for `meeting`.  enum ui_res. */
int ui_meeting_run(struct app *a, uint64_t meeting);
/* Start (or resume) a meeting of `plan` (0: ask its ref), asking the date
 * (today by default), place and title; then meeting mode.  enum ui_res. */
int ui_meeting_start(struct app *a, uint64_t plan);
/* The disclosure record (`:log`), oldest first. */
struct view *view_log_new(struct app *a);

/* A directory card: an organisation or a person. */
struct view *view_card_new(struct app *a, int kind, uint64_t id);

/*
 * Open the view that shows record (kind, id): an item (or the item an
 * action or update belongs to), a meeting, a card.  Returns an enum
 * ui_res (UI_PUSH, or UI_REDRAW with a message when there is none).
 */
int ui_open_record(struct app *a, int kind, uint64_t id);

#endif
