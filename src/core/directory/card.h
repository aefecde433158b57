/*
 * card.h — the value format of the `cards` database (internal to core;
 * the public side is pd_card_read in search.h).
 *
 * `cards` maps a record's search position to what a lookup line shows of
 * it, so a lookup of thousands of hits reads neighbouring pages instead
 * of one record page each:
 *
 *   key    the data of the record's `terms` entries past the class byte:
 *          sort(n) 0x00 kind(1) id(8) — the search's order
 *   value  org(8, big-endian; 0: none or an organisation's own card)
 *          then name, role, phone, mobile, email, verified, each as
 *          len(4, big-endian) + bytes (no NUL)
 *
 * The entry is derived like an index entry (pd_search_entries), so it is
 * written, removed and restored by undo in the record's transaction.
 */
#ifndef PLANDESK_CARD_H
#define PLANDESK_CARD_H

#include "plandesk/base/buf.h"
#include "plandesk/directory/search.h"

/*
 * Append the card value of `r` (a person or an organisation) to `out`.
 * Returns PD_OK, PD_ENOMEM.
 */
int pd_card_encode(const struct pd_record *r, struct pd_buf *out);

/*
 * Decode card value (p, n) of (kind, id) into `c`, whose texts then point
 * into p.  Returns PD_OK, PD_ECORRUPT (short, or a length past the end).
 */
int pd_card_decode(const void *p, size_t n, enum pd_kind kind, uint64_t id,
		   struct pd_card *c);

/* The card of record `r`, its texts pointing into r's fields. */
void pd_card_of_record(const struct pd_record *r, struct pd_card *c);

#endif
