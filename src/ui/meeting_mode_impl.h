/*
 * meeting_mode_impl.h — the state of meeting mode, shared by its files:
 * view_meeting_mode.c (the view: keys, drafts), meeting_agenda.c (the
 * agenda page), meeting_attend.c (the attendance page) and
 * meeting_start.c (start, end, :minutes).  Not for other views.
 */
#ifndef PLANDESK_UI_MEETING_MODE_IMPL_H
#define PLANDESK_UI_MEETING_MODE_IMPL_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "plandesk/date.h"
#include "plandesk/meeting.h"
#include "app.h"
#include "lineedit.h"
#include "meeting_mode.h"

#define MM_NAME "meeting mode"
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
};

/* One row of the attendance page. */
struct mm_att {
	int            kind;   /* PD_PERSON; -1 a name not in the directory;
				  -2 "add what was typed" */
	uint64_t       id;
	enum pd_attend how;
	char           text[256];
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
	char               head[512], lead[256], status[128];
	int                status_role;
	int                sel_kind;      /* the selected record */
	uint64_t           sel_id;
	int                scroll;        /* first screen row of the panel */

	/* the entry line and its draft */
	struct ui_lineedit le;
	char              *saved;         /* the text last kept as draft */
	uint64_t           saved_item;
	struct timespec    last_edit;
	long               idle_ms;       /* keep the draft after this idle time */

	/* the attendance page */
	struct ui_lineedit q;
	struct mm_att      att[MM_ROWS];
	size_t             natt, att_sel, att_top;
};

/* --- view_meeting_mode.c --------------------------------------------- */
/* Save the entry line as the meeting's draft now if it changed. */
void mm_keep_draft(struct mm_view *m, struct app *a);
/* Move to agenda entry `cur` (an item index or MM_ATTEND) and rebuild. */
void mm_go(struct mm_view *m, struct app *a, size_t cur);

/* --- meeting_agenda.c ---------------------------------------------------- */
/* Re-read the meeting, its agenda and the page of items[cur]. */
void mm_load(struct mm_view *m, struct app *a);
void mm_lines_free(struct mm_view *m);
void mm_draw_agenda(struct mm_view *m, struct app *a, int y, int h, int w);
void mm_draw_summary(struct mm_view *m, struct app *a, int y, int h, int w);
/* Select the next (dir 1) or previous (-1) selectable line. */
void mm_select_step(struct mm_view *m, int dir);
/* Select the default line: the newest typed here, else the first to-do. */
void mm_select_default(struct mm_view *m);
/* The selected line, or NULL. */
const struct mm_line *mm_selected(const struct mm_view *m);

/* --- meeting_attend.c ---------------------------------------------------- */
void mm_draw_attend(struct mm_view *m, struct app *a, int y, int h, int w);
/* A key on the attendance page: enum ui_res, UI_UNHANDLED if not its. */
int mm_attend_key(struct mm_view *m, struct app *a, int key);

/* --- meeting_start.c ---------------------------------------------------- */
/* Ask the next date, end the meeting, show the summary.  enum ui_res. */
int mm_end_ask(struct mm_view *m, struct app *a);

#endif
