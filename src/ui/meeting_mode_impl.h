/*
 * meeting_mode_impl.h — the state of meeting mode, shared by its files:
 * view_meeting_mode.c (the view and its keys), meeting_lines.c (the line
 * of each item and keeping it), meeting_agenda.c (the agenda page),
 * meeting_attend.c (the attendance page) and meeting_start.c (start,
 * end, the meeting left open, :minutes).  Not for other views.
 */
#ifndef PLANDESK_UI_MEETING_MODE_IMPL_H
#define PLANDESK_UI_MEETING_MODE_IMPL_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "plandesk/base/date.h"
#include "plandesk/meetings/meeting.h"
#include "app.h"
#include "lineedit.h"
#include "meeting_mode.h"

#define MM_ATTEND ((size_t)-1)   /* `cur` of the attendance page */
#define MM_ROWS 64               /* attendance rows kept for a screen */

/* One entry of the agenda panel, before wrapping to the screen. */
struct mm_line {
	char    *text;
	char     mark[8];   /* "[ ]" "[x]" "·" "→", or "" */
	int      role;      /* enum ui_role */
	int      indent;    /* columns before the mark */
	int      kind;      /* PD_ACTION or PD_UPDATE when selectable, else -1 */
	uint64_t id;
	bool     here;      /* typed at this meeting: can be edited */
};

/* One row of the attendance page. */
struct mm_att {
	int            kind;   /* PD_PERSON; -1 a name not in the directory;
				  -2 "add what was typed" */
	uint64_t       id;
	enum pd_attend how;
	char           text[256];
};

/*
 * The half-typed line of one item: what it says, and what was last kept
 * of it in the database.  The line of the item on screen lives in
 * mm_view.le while it is shown; the others wait here.
 */
struct mm_draft {
	uint64_t item;
	int      kind;    /* -1 a new line; PD_UPDATE/PD_ACTION: an edit of id */
	uint64_t id;
	char    *text;    /* NULL: empty */
	char    *kept;    /* as last saved (NULL: nothing kept) */
	int      kept_kind;
};

struct mm_view {
	struct view        base;
	struct app        *app;        /* for destroy, which gets no app */
	uint64_t           meeting, plan;
	char               date_iso[PD_DATE_ISO_SIZE];
	char               date_long[PD_DATE_LONG_SIZE];
	char               plan_ref[64];
	size_t             npresent, napologies;
	bool               gone;       /* the meeting was deleted */
	bool               ended;      /* showing the summary */
	struct pd_meeting_summary sum;
	char               next_long[PD_DATE_LONG_SIZE];

	/* the agenda */
	uint64_t          *items;
	size_t             nitems, cur;   /* cur: index, or MM_ATTEND */

	/* the agenda page of items[cur] */
	struct mm_line    *lines;
	size_t             nlines, cap;
	char               head[512], lead[256], status[128], legend[256];
	int                status_role;
	int                sel_kind;      /* the selected record */
	uint64_t           sel_id;
	int                scroll;        /* first screen row of the panel */

	/* the entry line of items[cur], and the others' (meeting_lines.c) */
	struct ui_lineedit le;
	int                edit_kind;     /* -1, or the kind of the line edited */
	uint64_t           edit_id;
	struct mm_draft   *drafts;
	size_t             ndrafts;
	uint64_t           kept_item;     /* the item on screen as last kept */
	struct timespec    last_edit, last_keep;
	long               idle_ms;       /* keep lines after this idle time */

	/* the attendance page */
	struct ui_lineedit q;
	struct mm_att      att[MM_ROWS];
	size_t             natt, att_sel, att_top;
};

/* The item on screen, or 0 on the attendance page. */
static inline uint64_t mm_cur_item(const struct mm_view *m)
{
	return m->cur == MM_ATTEND || m->cur >= m->nitems ? 0 : m->items[m->cur];
}

/* --- meeting_lines.c ---------------------------------------------------- */
/* Put the entry line away as the line of the item on screen. */
void mm_lines_stash(struct mm_view *m);
/* Put the line of the item now on screen into the entry line. */
void mm_lines_unstash(struct mm_view *m);
/* Keep in the database every line that changed since last kept, and the
 * item on screen (one small write each; nothing when nothing changed). */
void mm_lines_keep(struct mm_view *m, struct app *a);
/* Read what was kept of the meeting (the item on screen and the lines).
 * True when something was there. */
bool mm_lines_restore(struct mm_view *m, struct app *a);
/* Refs of the items other than the one on screen with a line typed
 * ("3, 5") into buf; returns how many. */
size_t mm_lines_elsewhere(struct mm_view *m, struct app *a, char *buf, size_t n);
/* Free every kept line. */
void mm_lines_free_drafts(struct mm_view *m);

/* --- meeting_agenda.c --------------------------------------------------- */
/* Re-read the meeting, its agenda and the page of items[cur]. */
void mm_load(struct mm_view *m, struct app *a);
/* Move to agenda entry `cur` (an item index or MM_ATTEND), taking each
 * item's own line along, and rebuild. */
void mm_go(struct mm_view *m, struct app *a, size_t cur);
void mm_lines_free(struct mm_view *m);
void mm_draw_agenda(struct mm_view *m, struct app *a, int y, int h, int w);
void mm_draw_summary(struct mm_view *m, struct app *a, int y, int h, int w);
/* Select the next (dir 1) or previous (-1) selectable line. */
void mm_select_step(struct mm_view *m, int dir);
/* Select the default line: the newest typed here, else the first to-do. */
void mm_select_default(struct mm_view *m);
/* The selected line, or NULL. */
const struct mm_line *mm_selected(const struct mm_view *m);
/* Mark the selected line's record confidential, or no longer.  enum ui_res. */
int mm_mark(struct mm_view *m, struct app *a);

/* --- meeting_attend.c --------------------------------------------------- */
void mm_draw_attend(struct mm_view *m, struct app *a, int y, int h, int w);
/* A key on the attendance page: enum ui_res, UI_UNHANDLED if not its. */
int mm_attend_key(struct mm_view *m, struct app *a, int key);

/* --- meeting_end.c ------------------------------------------------------ */
/* Ask the next date (first warning of lines not saved), end the meeting,
 * show the summary.  enum ui_res. */
int mm_end_ask(struct mm_view *m, struct app *a);

#endif
