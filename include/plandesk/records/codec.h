/*
 * codec.h — the on-disk encoding of a record value.
 *
 *   value  = version field*
 *   version= 0x02 (0x01: an older value, still read)
 *   field  = tag(1 byte, 1..255) length(unsigned LEB128, at most 4 bytes)
 *            bytes(length)
 *
 * Tag 1 is `created` and tag 2 `updated` (seconds since the epoch); tags
 * 16 and up are the kind's fields (schema.c).  TEXT and DATE are UTF-8
 * without NUL bytes, REFS a multiple of 8 bytes (ids big-endian).
 *
 * Version 2 (schema 7) spells numbers short: a timestamp, a REF and an INT
 * are big-endian in as few bytes as they need (1 to 8), `updated` is left
 * out when it equals `created`, and a DATE that packs (pd_date_pack:
 * "YYYY-MM" or "YYYY-MM-DD") is that number, in 1 to 3 bytes; any other
 * date is its text, which is longer (a record holding a date text of at
 * most three bytes is written in version 1).  A million people's records
 * are about 26 bytes each smaller.  Version 1 spells every number in 8
 * bytes and every date as text; its values are read as they are, and a
 * record is written in version 2 the next time it changes.
 *
 * A tag this build does not know is kept verbatim in pd_record.extra and
 * written back after the known fields, so a record touched by an older
 * plandesk loses nothing (a number it holds in 8 bytes reads the same in
 * version 2).  The id is the LMDB key, not part of the value.
 *
 * The lengths' unsigned LEB128 (seven bits a byte, least significant
 * first, the top bit set on every byte but the last) is written and read
 * by pd_leb128_put and pd_leb128_get, which the directory cards use too.
 */
#ifndef PLANDESK_CODEC_H
#define PLANDESK_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/records/record.h"

#define PD_CODEC_VERSION   2   /* what pd_encode writes */
#define PD_CODEC_VERSION_1 1   /* what it writes when version 2 cannot hold a
				  record; and every value of schema 6 or older */
#define PD_CODEC_DATE_MAX  3   /* bytes of a packed date in version 2 */
#define PD_LEB128_MAX 10   /* bytes of the longest number, a uint64_t */

/* Write `v` as unsigned LEB128 to `out` (room for PD_LEB128_MAX bytes);
 * returns the bytes written, 1 to PD_LEB128_MAX.  (Inline, as the two
 * below: both are called for every field of every value.) */
static inline size_t pd_leb128_put(unsigned char *out, uint64_t v)
{
	size_t h = 0;

	do {
		unsigned char byte = v & 0x7f;
		v >>= 7;
		out[h++] = byte | (v ? 0x80 : 0);
	} while (v);
	return h;
}

/*
 * Read an unsigned LEB128 number of at most `max` bytes (1 to
 * PD_LEB128_MAX) from p[*at] on, to `v`, and move *at past it.  Not
 * checked: a number spelt with more bytes than it needs (a last byte 0).
 * Returns PD_OK; PD_ECORRUPT when it runs past `n` (*at is then n), is
 * longer than `max` bytes (*at then at the byte past the max-th) or
 * overflows 64 bits (*at at its last byte).
 */
static inline int pd_leb128_get(const unsigned char *p, size_t n, size_t *at,
				size_t max, uint64_t *v)
{
	uint64_t x = 0;

	if (*at < n && p[*at] < 0x80) {   /* most are one byte */
		*v = p[(*at)++];
		return PD_OK;
	}
	for (size_t i = 0;; i++) {
		unsigned char byte;
		if (*at >= n || i == max)
			return PD_ECORRUPT;
		byte = p[*at];
		if (i == PD_LEB128_MAX - 1 && byte > 1)
			return PD_ECORRUPT;   /* bits past the 64th */
		x |= (uint64_t)(byte & 0x7f) << (7 * i);
		++*at;
		if (!(byte & 0x80))
			break;
	}
	*v = x;
	return PD_OK;
}

/*
 * Append the encoding of `r` to `out`.
 * Returns PD_OK, PD_ENOMEM, or PD_EINVAL when a value is longer than the
 * format allows (256 MiB).
 */
int pd_encode(const struct pd_record *r, struct pd_buf *out);

/*
 * Decode `n` bytes at `p` into `r`, an empty record of the expected kind
 * (pd_record_init).  Every length is checked against what remains.
 * Returns PD_OK; PD_ECORRUPT (message in err) for a truncated value, a bad
 * version, a zero tag, a repeated field, a REF/INT not 8 bytes long, a REFS
 * length not a multiple of 8, or TEXT/DATE that is not UTF-8 or holds NUL;
 * PD_ENOMEM.  On failure `r` is left cleared.
 */
int pd_decode(const void *p, size_t n, struct pd_record *r, struct pd_err *err);

#endif
