/*
 * codec.h — the on-disk encoding of a record value.
 *
 *   value  = version field*
 *   version= 0x01
 *   field  = tag(1 byte, 1..255) length(unsigned LEB128, at most 4 bytes)
 *            bytes(length)
 *
 * Tag 1 is `created` and tag 2 `updated` (8-byte big-endian seconds); tags
 * 16 and up are the kind's fields (schema.c).  REF and INT values are 8
 * bytes big-endian, REFS a multiple of 8; TEXT and DATE are UTF-8 without
 * NUL bytes.  A tag this build does not know is kept verbatim in
 * pd_record.extra and written back after the known fields, so a record
 * touched by an older plandesk loses nothing.  The id is the LMDB key, not
 * part of the value.
 */
#ifndef PLANDESK_CODEC_H
#define PLANDESK_CODEC_H

#include <stddef.h>

#include "plandesk/base/buf.h"
#include "plandesk/records/record.h"

#define PD_CODEC_VERSION 1

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
