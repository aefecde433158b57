/* codec.c — encode and decode record values (see codec.h for the format). */
#include <stdlib.h>
#include <string.h>

#include "plandesk/records/codec.h"
#include "plandesk/base/text.h"

#define TAG_CREATED 1
#define TAG_UPDATED 2
#define MAX_LEN (1u << 28)   /* 4 LEB128 bytes */

static int put_field(struct pd_buf *out, unsigned tag, const void *p, size_t n)
{
	unsigned char hdr[1 + PD_LEB128_MAX];
	size_t h;

	if (n >= MAX_LEN)
		return PD_EINVAL;
	hdr[0] = (unsigned char)tag;
	h = 1 + pd_leb128_put(hdr + 1, n);
	if (pd_buf_add(out, hdr, h) != PD_OK || pd_buf_add(out, p, n) != PD_OK)
		return PD_ENOMEM;
	return PD_OK;
}

static int put_time(struct pd_buf *out, unsigned tag, int64_t t)
{
	unsigned char b[8];

	pd_put_be64(b, (uint64_t)t);
	return put_field(out, tag, b, 8);
}

int pd_encode(const struct pd_record *r, struct pd_buf *out)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	unsigned char version = PD_CODEC_VERSION;
	int rc;

	if (pd_buf_add(out, &version, 1) != PD_OK)
		return PD_ENOMEM;
	if ((rc = put_time(out, TAG_CREATED, r->created)) != PD_OK ||
	    (rc = put_time(out, TAG_UPDATED, r->updated)) != PD_OK)
		return rc;
	for (int f = 0; f < ki->nfields; f++) {
		if (!r->v[f].n)
			continue;
		rc = put_field(out, ki->fields[f].tag, r->v[f].p, r->v[f].n);
		if (rc != PD_OK)
			return rc;
	}
	if (r->nextra && pd_buf_add(out, r->extra, r->nextra) != PD_OK)
		return PD_ENOMEM;
	return PD_OK;
}

static int field_of_tag(const struct pd_kind_info *ki, unsigned tag)
{
	/* Tags are dense from 16 in schema.c, but do not rely on it. */
	for (int f = 0; f < ki->nfields; f++)
		if (ki->fields[f].tag == tag)
			return f;
	return -1;
}

static int corrupt(struct pd_record *r, struct pd_err *err, const char *what,
		   size_t at)
{
	pd_record_clear(r);
	return pd_err_set(err, PD_ECORRUPT, "corrupt %s record: %s at byte %zu",
			  pd_kind_info(r->kind)->name, what, at);
}

static int check_value(const struct pd_field *fd, const unsigned char *p,
		       size_t n, const char **why)
{
	switch (fd->type) {
	case PD_T_REF:
	case PD_T_INT:
		if (n != 8) { *why = "numeric field is not 8 bytes"; return -1; }
		break;
	case PD_T_REFS:
		if (n % 8) { *why = "link list length is not a multiple of 8"; return -1; }
		break;
	default:
		if (memchr(p, '\0', n) || !pd_utf8_valid((const char *)p, n)) {
			*why = "text is not valid UTF-8";
			return -1;
		}
	}
	return 0;
}

static int add_extra(struct pd_record *r, const unsigned char *p, size_t n)
{
	char *grown = realloc(r->extra, r->nextra + n);

	if (!grown)
		return PD_ENOMEM;
	memcpy(grown + r->nextra, p, n);
	r->extra = grown;
	r->nextra += (uint32_t)n;
	return PD_OK;
}

int pd_decode(const void *data, size_t n, struct pd_record *r,
	      struct pd_err *err)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	const unsigned char *p = data;
	size_t at = 1;
	uint32_t seen = 0;   /* bit per known field, to reject repeats */
	bool have_created = false, have_updated = false;

	if (n < 1)
		return corrupt(r, err, "empty value", 0);
	if (p[0] != PD_CODEC_VERSION)
		return corrupt(r, err, "unknown encoding version", 0);
	while (at < n) {
		size_t start = at;
		uint64_t len;
		unsigned tag = p[at++];
		int f;
		const char *why;

		if (!tag)
			return corrupt(r, err, "zero tag", start);
		if (pd_leb128_get(p, n, &at, 4, &len) != PD_OK)
			return corrupt(r, err, at >= n ? "truncated length" :
				       "length too long", at);
		if (len > n - at)
			return corrupt(r, err, "field runs past the end", start);
		if (tag == TAG_CREATED || tag == TAG_UPDATED) {
			bool *have = tag == TAG_CREATED ? &have_created : &have_updated;
			if (len != 8 || *have)
				return corrupt(r, err, "bad timestamp", start);
			*have = true;
			*(tag == TAG_CREATED ? &r->created : &r->updated) =
				(int64_t)pd_get_be64(p + at);
		} else if ((f = field_of_tag(ki, tag)) >= 0) {
			if (seen & (1u << f))
				return corrupt(r, err, "repeated field", start);
			seen |= 1u << f;
			if (check_value(&ki->fields[f], p + at, len, &why))
				return corrupt(r, err, why, start);
			if (len) {
				r->v[f].p = malloc(len + 1);
				if (!r->v[f].p) {
					pd_record_clear(r);
					return PD_ENOMEM;
				}
				memcpy(r->v[f].p, p + at, len);
				r->v[f].p[len] = '\0';
				r->v[f].n = (uint32_t)len;
			}
		} else if (add_extra(r, p + start, at - start + len) != PD_OK) {
			pd_record_clear(r);
			return PD_ENOMEM;
		}
		at += len;
	}
	return PD_OK;
}
