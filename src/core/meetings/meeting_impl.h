/*
 * meeting_impl.h — what the meeting files (agenda.c, meeting.c,
 * meeting_record.c, drafts.c, minutes*.c) share.  Not part of the API.
 */
#ifndef PLANDESK_MEETING_IMPL_H
#define PLANDESK_MEETING_IMPL_H

#include "plandesk/meetings/actionline.h"
#include "plandesk/meetings/meeting.h"

/* Append `r` to `l`, taking over its values (r is left empty). */
int pd_recs_push(struct pd_recs *l, struct pd_record *r);

/* Read (kind, id) with a message naming the kind when it is missing. */
int pd_mt_get(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	      struct pd_record *out, struct pd_err *err);

/* The updates of item `item` that belong to meeting record `m`. */
int pd_mt_updates_at(struct pd_txn *txn, uint64_t item,
		     const struct pd_record *m, struct pd_recs *out,
		     struct pd_err *err);

/* The ISO date of meeting `id` into iso ("" when it cannot be read). */
void pd_mt_meeting_date(struct pd_txn *txn, uint64_t id,
			char iso[PD_DATE_ISO_SIZE]);

/* Compare the (date, id) of two meetings, as their index orders them. */
int pd_mt_meeting_cmp(const char *date_a, uint64_t a, const char *date_b,
		      uint64_t b);

/* Read the meeting and the item, and check they share a plan
 * (meeting_status.c).  Clear both records even on failure. */
int pd_mt_load_pair(struct pd_txn *txn, uint64_t meeting, uint64_t item,
		    struct pd_record *m, struct pd_record *it, struct pd_err *err);

/* Give every update of meeting `m` on `item` the status `code` ("" clears;
 * a status-only update is added or removed as needed). */
int pd_mt_status_updates(struct pd_txn *txn, const struct pd_record *m,
			 uint64_t item, const struct pd_scale *sc,
			 const char *code, struct pd_err *err);

/* The owners an action line names (meeting_owners.c). */
struct pd_mt_owners {
	bool     is_action;   /* the line is an action (no doubtful owner) */
	uint64_t ids[PD_ACTIONLINE_MAX_OWNERS];
	size_t   n;
};

/*
 * Match the owner tokens of `al` (parsed from `line`) against the
 * directory, the meeting's attendance first.  A doubtful token makes the
 * line a note unless it names someone; an owner matching several people
 * is kept as text and said in `note` (nn bytes, may be NULL).
 * Returns PD_OK, PD_ECORRUPT, PD_EDB, PD_ENOMEM.
 */
int pd_mt_owners(struct pd_txn *txn, const struct pd_record *m, const char *line,
		 const struct pd_actionline *al, struct pd_mt_owners *o,
		 char *note, size_t nn, struct pd_err *err);

/*
 * Set action `a`'s text, owner as typed, owners and due date from `line`
 * (parsed as `al`, owners `o`) at meeting `m`: the due date written in
 * the line, else the meeting's next date.  out->due, own_due and note are
 * set.  Returns PD_OK or PD_ENOMEM.
 */
int pd_mt_action_fill(struct pd_record *a, const struct pd_record *m,
		      const char *line, const struct pd_actionline *al,
		      const struct pd_mt_owners *o, struct pd_recorded *out);

#endif
