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

#include "plandesk/date.h"
#include "plandesk/record.h"
#include "plandesk/scale.h"
#include "plandesk/status.h"
#include "plandesk/store.h"

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
};

/*
 * Record one typed line at `meeting` on item `item`, in one write: an
 * action when the line reads "OWNERS to …" (actionline.h; owners matched
 * with pd_people_match, the meeting's attendance first; a name that is a
 * sentence-starter counts only when it is someone at the meeting or a
 * person's whole name), else a progress note.
 *	note	{item, date = the meeting's date, text, meeting, status of
 *		 the meeting's other updates on the item}
 *	action	{item, text = the whole line, owner = the owners as typed,
 *		 owners = those found in the directory, raised = meeting,
 *		 due = the meeting's next date if set, state open, position
 *		 last}
 * The meeting's draft is cleared in the same transaction.
 * Returns PD_OK (*out set; may be NULL); PD_EEMPTY (nothing but white
 * space); PD_NOTFOUND (no such meeting or item); PD_EINVAL (the item is
 * of another plan, invalid UTF-8); PD_EREADONLY; PD_EDB; PD_EIO;
 * PD_ENOMEM.
 */
int pd_meeting_record(struct pd_store *st, uint64_t meeting, uint64_t item,
		      const char *line, struct pd_recorded *out,
		      struct pd_err *err);

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
 * or "" clears it); open actions raised at the meeting with no due date,
 * or due on the previous next date, become due on `next`.  One write.
 * `sum` (may be NULL) gets the summary afterwards.
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

/* --- drafts: the half-typed line ---------------------------------------- */

/*
 * Keep the half-typed `text` of `meeting`, being typed at item `item`, in
 * its own small write that leaves no undo entry and does not move the
 * change counter (PD_W_NO_JOURNAL).  One draft per meeting; empty text
 * clears it.  Returns PD_OK, PD_EREADONLY, PD_EDB, PD_EIO, PD_ENOMEM.
 */
int pd_draft_save(struct pd_store *st, uint64_t meeting, uint64_t item,
		  const char *text, struct pd_err *err);

/*
 * Read the draft of `meeting`: *item gets the item it was typed at,
 * *text a malloc'd copy (free it).  Returns PD_OK, PD_NOTFOUND (none),
 * PD_ECORRUPT, PD_EDB, PD_ENOMEM.
 */
int pd_draft_load(struct pd_store *st, uint64_t meeting, uint64_t *item,
		  char **text, struct pd_err *err);

/*
 * A meeting that has a draft (the one created last, when several have):
 * *meeting gets its id.  For offering the line back at start-up.
 * Returns PD_OK, PD_NOTFOUND (no draft anywhere), PD_ECORRUPT, PD_EDB.
 */
int pd_draft_find(struct pd_store *st, uint64_t *meeting, struct pd_err *err);

/* Forget the draft of `meeting`.  Returns PD_OK, PD_EREADONLY, PD_EDB, PD_EIO. */
int pd_draft_clear(struct pd_store *st, uint64_t meeting, struct pd_err *err);

/* The same inside a write the caller runs (pd_meeting_record uses it). */
int pd_draft_clear_txn(struct pd_txn *txn, uint64_t meeting, struct pd_err *err);

#endif
