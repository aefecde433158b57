/*
 * vcard_impl.h — what the vCard reader (vcard_read.c) takes from
 * vcard_value.c: a content line's parameters, quoted-printable and
 * charset decoding.  Not part of the public API.
 */
#ifndef PLANDESK_VCARD_IMPL_H
#define PLANDESK_VCARD_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/base/buf.h"

/* What a content line's parameters say. */
struct vc_head {
	unsigned types;        /* PD_VC_* */
	bool     qp, b64;      /* ENCODING=QUOTED-PRINTABLE, BASE64 or b */
	char     charset[40];  /* CHARSET=, or "" */
};

/*
 * Split a head, `n` bytes at `s` ("item1.TEL;TYPE=work,voice" — the name
 * with an optional group, then parameters), into `name` (upper case,
 * without the group; replaced) and `h`.  Returns false when the name is
 * empty or not made of letters, digits, '-' and '_' (or out of memory).
 */
bool vc_parse_head(const char *s, size_t n, struct pd_buf *name,
		   struct vc_head *h);

/* True when `n` bytes at `s` are `word`, ignoring ASCII case. */
bool vc_is(const char *s, size_t n, const char *word);

/*
 * Decode quoted-printable: `n` bytes at `s` into `out` (replaced; soft
 * line breaks are already gone).  Returns PD_OK, PD_ENOMEM, or PD_EPARSE
 * with *bad the offset of an '=' not followed by two hex digits.
 */
int vc_qp_decode(const char *s, size_t n, struct pd_buf *out, size_t *bad);

/*
 * Convert `n` bytes at `s` from charset `from` to UTF-8 into `out`
 * (replaced).  Returns PD_OK; PD_EINVAL (iconv does not know `from`);
 * PD_EPARSE (bytes `from` cannot read); PD_ENOMEM.
 */
int vc_convert(const char *from, const char *s, size_t n, struct pd_buf *out);

#endif
