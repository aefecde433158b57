/*
 * meeting_impl.h — what the meeting files (agenda.c, meeting.c,
 * meeting_record.c, drafts.c, minutes*.c) share.  Not part of the API.
 */
#ifndef PLANDESK_MEETING_IMPL_H
#define PLANDESK_MEETING_IMPL_H

#include "plandesk/meeting.h"

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

#endif
