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
 *   value  (schema 6 on, "packed"; num is unsigned LEB128, codec.h)
 *          org      num (0: none, or an organisation's own card)
 *          name, role, phone, mobile, email
 *                   each num(length) + bytes (no NUL)
 *          verified num v: v even, a text of v / 2 bytes follows (0:
 *                   empty); v odd, the date (v - 1) / 2 =
 *                   (year × 12 + month - 1) × 32 + day, day 0 for
 *                   "YYYY-MM", which is spelt back "YYYY-MM-DD" or
 *                   "YYYY-MM" (a text that reads as such a date, month
 *                   01-12, day 01-31, is always packed)
 *          Every number is in its shortest form, so a card has one value.
 *          Beside its texts a card spends 7 to 11 bytes (an org id below
 *          2^21, texts under 128 bytes, a date of the years 22 to 2730);
 *          the fixed layout spent 32, and 10 more on a date.
 *   value  (schema 2 to 5, "fixed") org(8, big-endian), then name, role,
 *          phone, mobile, email, verified, each as len(4, big-endian) +
 *          bytes.  Read (and derived, so `check` compares like with like)
 *          only from a file of those schemas opened read-only; opened
 *          writable, the upgrade rewrites every card packed.
 *
 * The entry is derived like an index entry (pd_search_entries), so it is
 * written, removed and restored by undo in the record's transaction.
 */
#ifndef PLANDESK_CARD_H
#define PLANDESK_CARD_H

#include <stdbool.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "plandesk/directory/search.h"

/* Bytes of a packed date spelt out: "YYYY-MM-DD". */
#define PD_CARD_DATE_MAX PD_DATE_PACKED_TEXT

/*
 * Append the value of card `c` to `out`, in the packed layout, or the
 * fixed one when `packed` is false (the store's cards_packed).
 * Returns PD_OK, PD_ENOMEM (also for a fixed text of 4 GiB or more).
 */
int pd_card_put(const struct pd_card *c, bool packed, struct pd_buf *out);

/*
 * Append the card value of `r` (a person or an organisation) to `out`
 * (pd_card_put of pd_card_of_record).  Returns PD_OK, PD_ENOMEM.
 */
int pd_card_encode(const struct pd_record *r, bool packed, struct pd_buf *out);

/*
 * Decode card value (p, n) of (kind, id), of the packed layout or the
 * fixed one, into `c`, whose texts then point into p, or for a packed
 * date into `date`.  Every length is checked against what is left.
 * Returns PD_OK; PD_ECORRUPT for a value cut short, a length past its end,
 * bytes after the last text, and (packed) a number longer than 64 bits or
 * than it needs, a date of a year past 9999, or a date left as text.
 */
int pd_card_decode(const void *p, size_t n, bool packed, enum pd_kind kind,
		   uint64_t id, char date[PD_CARD_DATE_MAX], struct pd_card *c);

/* The card of record `r`, its texts pointing into r's fields. */
void pd_card_of_record(const struct pd_record *r, struct pd_card *c);

#endif
