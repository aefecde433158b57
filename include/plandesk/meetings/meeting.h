/*
 * meeting.h — meeting mode: start a meeting of a plan, take attendance,
 * walk the agenda recording one line at a time, tick to-dos, set each
 * item's status, end with the next date.  Also the half-typed line kept
 * across a dropped connection (drafts).
 *
 * Every operation that changes something is one pd_store_write: one
 * committed transaction, one undo step.  Nothing here keeps a transaction
 * open between calls.
 *
 * What belongs to meeting M (same plan):
 *	its updates	update.meeting == M, or update.meeting unset and
 *			update.date == M's date (imported updates have a
 *			date, not a meeting)
 *	its actions	action.raised == M
 * Actions with no `raised` meeting are the item's agreed actions (the
 * plan's "Actions required"); actions raised at earlier meetings are the
 * to-dos carried forward.
 *
 * Status: setting an item's status at M sets the item's `status` (the
 * latest assessment) and the `status` of every update of M on that item,
 * so the history of assessments stays in the updates.  When M has no
 * update on the item yet, a status-only update is stored whose text is
 * pd_status_text() ("Status: On track"); the first note recorded later on
 * that item at M takes its place (keeping the status), and minutes do not
 * print it as a note (pd_update_is_status_only).  Notes recorded after a
 * status was set take that status too.
 */
#ifndef PLANDESK_MEETING_H
#define PLANDESK_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/date.h"
#include "plandesk/records/record.h"
#include "plandesk/meetings/scale.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

/* --- finding meetings --------------------------------------------------- */

/*
 * The meeting of plan `plan` on date `iso` ("2009-06-26").  When there are
 * several that day, the first created.  Returns PD_OK (*id set),
 * PD_NOTFOUND, PD_ECORRUPT, PD_EDB, PD_ENOMEM.
 */
int pd_meeting_find(struct pd_txn *txn, uint64_t plan, const char *iso,
		    uint64_t *id, struct pd_err *err);

/*
 * The meeting of the same plan just before `meeting` (by date, then by
 * creation).  *id is 0 when there is none.  Returns PD_OK, PD_NOTFOUND
 * (no meeting `meeting`), PD_ECORRUPT, PD_EDB, PD_ENOMEM.
 */
int pd_meeting_previous(struct pd_txn *txn, uint64_t meeting, uint64_t *id,
			struct pd_err *err);

/* True when update `u` belongs to meeting `m` (see the top of this file). */
bool pd_update_at_meeting(const struct pd_record *u, const struct pd_record *m);

/* --- starting ----------------------------------------------------------- */

struct pd_meeting_spec {
	uint64_t    plan;
	const char *date;      /* any pd_date_parse form with a day; NULL or ""
				  for today (pd_date_today) */
	const char *title;     /* may be NULL */
	const char *location;  /* may be NULL */
};

/*
 * Start the meeting of spec->plan on spec->date, or find the one already
 * there (then *resumed is true and a title or location given replaces
 * the stored one only where that is unset).  `resumed` may be NULL.
 * Returns PD_OK (*id set); PD_EINVAL (no such plan, a date without a day
 * or unreadable: message in err); PD_EREADONLY; PD_EDB; PD_EIO; PD_ENOMEM.
 */
int pd_meeting_start(struct pd_store *st, const struct pd_meeting_spec *spec,
		     uint64_t *id, bool *resumed, struct pd_err *err);

/* --- attendance --------------------------------------------------------- */

enum pd_attend { PD_ATTEND_NONE, PD_ATTEND_PRESENT, PD_ATTEND_APOLOGIES };

/* How person `person` is recorded in meeting record `m`. */
enum pd_attend pd_meeting_attendance(const struct pd_record *m, uint64_t person);

/*
 * Mark person `person` present, as having sent apologies, or neither, at
 * `meeting` (one write; moving from one list to the other).
 * Returns PD_OK, PD_NOTFOUND (no such meeting), PD_EINVAL (no such
 * person), PD_EREADONLY, PD_EDB, PD_EIO, PD_ENOMEM.
 */
int pd_meeting_attend(struct pd_store *st, uint64_t meeting, uint64_t person,
		      enum pd_attend how, struct pd_err *err);

/*
 * The same for someone not in the directory, kept as text: `name` is
 * added to present_other or apologies_other ("; "-separated) and removed
 * from the other list (compared folded); PD_ATTEND_NONE removes it.
 * Returns PD_OK, PD_EINVAL (empty name or one containing ';'),
 * PD_NOTFOUND, PD_EREADONLY, PD_EDB, PD_EIO, PD_ENOMEM.
 */
int pd_meeting_attend_other(struct pd_store *st, uint64_t meeting,
			    const char *name, enum pd_attend how,
			    struct pd_err *err);

/*
 * How many came and how many sent apologies to meeting record `m`: people
 * of the directory and names typed as text alike.  Either pointer may be
 * NULL.
 */
void pd_meeting_counts(const struct pd_record *m, size_t *present,
		       size_t *apologies);

/*
 * Step through a "; "-separated list of names (present_other): *pos starts
 * at 0; each call sets *s, *n to the next name, trimmed.  Returns true
 * while there is one.
 */
bool pd_names_next(const char *list, size_t *pos, const char **s, size_t *n);

/* --- recording ---------------------------------------------------------- */

/* What a line became. */
struct pd_recorded {
	enum pd_kind kind;   /* PD_UPDATE (a note) or PD_ACTION */
	uint64_t     id;
	/* An action's due date ("" none yet), and whether it came from the
	 * line itself ("by 15 January") rather than the next meeting. */
	char         due[PD_DATE_ISO_SIZE];
	bool         own_due;
	/* What the caller should tell the user, or "": an owner that matches
	 * several people, kept as typed; a due phrase that names no day. */
	char         note[256];
};

/*
 * Record one typed line at `meeting` on item `item`, in one write: an
 * action when the line reads "OWNERS to …" (actionline.h; owners matched
 * with pd_people_match, the meeting's attendance first; a name that is a
 * sentence-starter counts only when it is someone at the meeting or a
 * person's whole name), else a progress note.  The text is kept exactly
 * as typed (trimmed).
 *	note	{item, date = the meeting's date, text, meeting, status of
 *		 the meeting's other updates on the item}
 *	action	{item, text = the whole line, owner = the owners as typed,
 *		 owners = those found in the directory (an owner matching
 *		 several people is kept as typed only, with out->note saying
 *		 so), raised = meeting, due = the date at the end of the line
 *		 (due.h: "by 15 January", "by Friday", counted from the
 *		 meeting's date), else the meeting's next date if set; state
 *		 open, position last}
 * A due phrase that names no day ("by 31/02") leaves the text as typed
 * and the action without its own date; out->note says why.  A line that
 * begins "!c " (pd_actionline_confidential) is recorded without the mark
 * and marked confidential.  The line kept as the item's draft is
 * forgotten in the same transaction.
 * Returns PD_OK (*out set; may be NULL); PD_EEMPTY (nothing but white
 * space); PD_NOTFOUND (no such meeting or item); PD_EINVAL (the item is
 * of another plan, invalid UTF-8); PD_EREADONLY; PD_EDB; PD_EIO;
 * PD_ENOMEM.
 */
int pd_meeting_record(struct pd_store *st, uint64_t meeting, uint64_t item,
		      const char *line, struct pd_recorded *out,
		      struct pd_err *err);

/*
 * Change the text of note or action `what` to `line`, in one write (one
 * undo step): a note keeps its status; an action keeps its state, and its
 * owners and due date are read again from the new text as
 * pd_meeting_record reads them; a "!c " at its start marks the record
 * confidential (it is never unmarked here).  The item's draft line is
 * forgotten in the same write.  *out (may be NULL) gets the record (same kind and id) with
 * its due date and note.
 * Returns PD_OK; PD_EEMPTY (nothing but white space); PD_NOTFOUND (no such
 * record or meeting); PD_EINVAL (what->kind is neither, invalid UTF-8);
 * PD_EREADONLY; PD_EDB; PD_EIO; PD_ENOMEM.
 */
int pd_meeting_edit(struct pd_store *st, uint64_t meeting,
		    const struct pd_recorded *what, const char *line,
		    struct pd_recorded *out, struct pd_err *err);

/*
 * The due date written at the end of action `a`'s text (due.h), counted
 * from meeting `m`'s date: true with *out set for a date, false for none,
 * "next meeting", or a phrase naming no day.
 */
bool pd_action_own_due(const struct pd_record *a, const struct pd_record *m,
		       struct pd_date *out);

/*
 * Turn note `what` into an action (owners read from its text as in
 * pd_meeting_record, raised at `meeting`) or action `what` into a note of
 * `meeting`, in one write: the old record is deleted, the new one created
 * with the same text; *out gets the new record.  A status the note carried
 * stays with the meeting (on its other updates of the item, or a
 * status-only one).
 * Returns PD_OK, PD_NOTFOUND, PD_EINVAL (what->kind is neither),
 * PD_EREADONLY, PD_EDB, PD_EIO, PD_ENOMEM.
 */
int pd_meeting_toggle(struct pd_store *st, uint64_t meeting,
		      const struct pd_recorded *what, struct pd_recorded *out,
		      struct pd_err *err);

/*
 * Tick action `action` done at `meeting` (state done, closed = the
 * meeting's date), or, when it is done or dropped already, open it again
 * (closed cleared).  *done (may be NULL) gets the new state.
 * Returns PD_OK, PD_NOTFOUND, PD_EREADONLY, PD_EDB, PD_EIO, PD_ENOMEM.
 */
int pd_meeting_tick(struct pd_store *st, uint64_t meeting, uint64_t action,
		    bool *done, struct pd_err *err);

/*
 * Set item `item`'s status at `meeting` to `code` (a level of the plan's
 * scale, or "" to clear it), as described at the top of this file.
 * Returns PD_OK, PD_NOTFOUND, PD_EINVAL (a code not on the plan's scale,
 * an item of another plan), PD_EREADONLY, PD_EDB, PD_EIO, PD_ENOMEM.
 */
int pd_meeting_set_status(struct pd_store *st, uint64_t meeting, uint64_t item,
			  const char *code, struct pd_err *err);

/*
 * The text of a status-only update: "Status: " and the level's label
 * ("Status: On track"), or the code itself when it is not on the scale.
 * Writes at most n bytes with the NUL; returns the full length.
 */
size_t pd_status_text(const struct pd_scale *sc, const char *code, char *buf,
		      size_t n);

/* True when update `u` only carries a status (its text is pd_status_text). */
bool pd_update_is_status_only(const struct pd_record *u,
			      const struct pd_scale *sc);

/* --- ending ------------------------------------------------------------- */

struct pd_meeting_summary {
	size_t items;      /* items with anything recorded at the meeting */
	size_t notes;      /* progress notes (status-only ones not counted) */
	size_t actions;    /* actions raised */
	size_t dated;      /*   of which due on a date given in the line */
	size_t at_next;    /*   of which due at the next meeting (its date, or
			      none yet) */
	size_t done;       /* to-dos ticked done (closed on the meeting's date) */
	size_t statuses;   /* items given a status */
	size_t present, apologies;   /* people and other names */
};

/*
 * Count what was recorded at `meeting` (reads every item of its plan).
 * Returns PD_OK, PD_NOTFOUND, PD_ECORRUPT, PD_EDB, PD_ENOMEM.
 */
int pd_meeting_summarise(struct pd_txn *txn, uint64_t meeting,
			 struct pd_meeting_summary *out, struct pd_err *err);

/*
 * End `meeting`: set its next date to `next` (any pd_date_parse form; NULL
 * or "" clears it); open actions raised at the meeting that give no date
 * of their own (pd_action_own_due) become due on `next`; those with their
 * own date keep it.  The meeting is closed (its drafts forgotten).  One
 * write.  `sum` (may be NULL) gets the summary afterwards.
 * Returns PD_OK, PD_NOTFOUND, PD_EINVAL (an unreadable date, or one before
 * the meeting), PD_EREADONLY, PD_EDB, PD_EIO, PD_ENOMEM.
 */
int pd_meeting_end(struct pd_store *st, uint64_t meeting, const char *next,
		   struct pd_meeting_summary *sum, struct pd_err *err);

/* --- the agenda --------------------------------------------------------- */

/* A list of records, owned by its holder. */
struct pd_recs {
	struct pd_record *r;
	size_t            n, cap;
};

/* Free every record and the list. */
void pd_recs_free(struct pd_recs *l);

/*
 * The items of plan `plan` in agenda order (PD_IX_ITEMS_BY_PLAN):
 * *ids is malloc'd (free it), *n their number.
 * Returns PD_OK, PD_ECORRUPT, PD_EDB, PD_ENOMEM.
 */
int pd_agenda_items(struct pd_txn *txn, uint64_t plan, uint64_t **ids,
		    size_t *n, struct pd_err *err);

/* What one screen of the agenda walk shows for an item. */
struct pd_agenda {
	struct pd_record item;
	struct pd_record meeting;
	uint64_t         previous;       /* the previous meeting, or 0 */
	char             previous_date[PD_DATE_ISO_SIZE];
	struct pd_recs   agreed;    /* actions raised at no meeting, in order */
	struct pd_recs   last;      /* updates of the previous meeting */
	struct pd_recs   todo;      /* actions raised at earlier meetings, open
				       or closed on or after this meeting's date */
	struct pd_recs   notes;     /* updates of this meeting, oldest first */
	struct pd_recs   actions;   /* actions raised at this meeting */
	char             status[16];/* this meeting's status code, "" none */
};

/*
 * Load the agenda entry of item `item` at `meeting` into `out` (free it
 * with pd_agenda_free even on failure).  Reads the item's actions and
 * updates (two index ranges) and the meetings they name.
 * Returns PD_OK, PD_NOTFOUND, PD_EINVAL (an item of another plan),
 * PD_ECORRUPT, PD_EDB, PD_ENOMEM.
 */
int pd_agenda_load(struct pd_txn *txn, uint64_t meeting, uint64_t item,
		   struct pd_agenda *out, struct pd_err *err);

void pd_agenda_free(struct pd_agenda *a);

/* --- drafts: the meeting left open, and its half-typed lines ------------- */

/*
 * A meeting is "open" from the moment meeting mode shows it until it is
 * ended (pd_meeting_end) or its drafts cleared: the client offers it back
 * at the next start.  Each item has its own half-typed line, so moving to
 * another item never carries a line there.  Drafts are kept in small
 * writes that leave no undo entry and do not move the change counter
 * (PD_W_NO_JOURNAL).
 */

/* A half-typed line. */
struct pd_draft_line {
	uint64_t item;   /* the item it is typed at */
	int      kind;   /* -1 a new line; PD_UPDATE or PD_ACTION: an edit of `id` */
	uint64_t id;
	char    *text;   /* UTF-8 (malloc'd in what pd_draft_load returns) */
};

/* What is kept of an open meeting. */
struct pd_draft {
	uint64_t              item;    /* the item on screen (0: attendance) */
	struct pd_draft_line *lines;   /* the items' half-typed lines */
	size_t                n;
};

/*
 * Mark `meeting` open with item `item` on screen (0: attendance).
 * Returns PD_OK, PD_EREADONLY, PD_EDB, PD_EIO, PD_ENOMEM.
 */
int pd_draft_open(struct pd_store *st, uint64_t meeting, uint64_t item,
		  struct pd_err *err);

/*
 * Keep `meeting` open with item `item` on screen, and keep `line` (may be
 * NULL) as the half-typed line of line->item: a new line with empty text
 * forgets that item's line.  One small write.
 * Returns PD_OK, PD_EINVAL (text not valid UTF-8), PD_EREADONLY, PD_EDB,
 * PD_EIO, PD_ENOMEM.
 */
int pd_draft_save(struct pd_store *st, uint64_t meeting, uint64_t item,
		  const struct pd_draft_line *line, struct pd_err *err);

/*
 * Read what is kept of `meeting` into `out` (free it with pd_draft_free;
 * empty on failure).  Returns PD_OK; PD_NOTFOUND (the meeting is not
 * open); PD_ECORRUPT; PD_EDB; PD_ENOMEM.
 */
int pd_draft_load(struct pd_store *st, uint64_t meeting, struct pd_draft *out,
		  struct pd_err *err);

/* Free what pd_draft_load filled. */
void pd_draft_free(struct pd_draft *d);

/*
 * An open meeting (the one created last, when several are): *meeting gets
 * its id.  For offering it back at start-up.
 * Returns PD_OK, PD_NOTFOUND (none is open), PD_ECORRUPT, PD_EDB.
 */
int pd_draft_find(struct pd_store *st, uint64_t *meeting, struct pd_err *err);

/* Close `meeting`: forget it and all its lines.  Returns PD_OK,
 * PD_EREADONLY, PD_EDB, PD_EIO. */
int pd_draft_clear(struct pd_store *st, uint64_t meeting, struct pd_err *err);

/* The same inside a write the caller runs (pd_meeting_end uses it). */
int pd_draft_clear_txn(struct pd_txn *txn, uint64_t meeting, struct pd_err *err);

/* Forget the line of `item` only, inside a write the caller runs
 * (pd_meeting_record, pd_meeting_edit).  Returns PD_OK, PD_EDB, PD_EMAPFULL. */
int pd_draft_clear_line_txn(struct pd_txn *txn, uint64_t meeting,
			    uint64_t item, struct pd_err *err);

#endif
