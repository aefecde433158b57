/* codec.c — encode and decode record values (see codec.h for the format). */
#include <stdlib.h>
#include <string.h>

#include "plandesk/records/codec.h"
#include "plandesk/base/date.h"
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

/* Version 2's number: big-endian in as few bytes as it needs, one at
 * least. */
static int put_number(struct pd_buf *out, unsigned tag, uint64_t v)
{
	unsigned char b[8];
	size_t n = 8;

	pd_put_be64(b, v);
	while (n > 1 && !b[8 - n])
		n--;
	return put_field(out, tag, b + 8 - n, n);
}

/* The number in n (1 to 8) big-endian bytes at p. */
static uint64_t get_number(const unsigned char *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/*
 * Can version 2 hold every value of r?  A date of one to three bytes
 * would read back as a packed one; no date is so short, but a record may
 * hold anything `check` reports, and such a record is written in version
 * 1.  So is a number that is not 8 bytes (it would not decode in either).
 */
static bool v2_holds(const struct pd_record *r, const struct pd_kind_info *ki)
{
	for (int f = 0; f < ki->nfields; f++) {
		const struct pd_val *v = &r->v[f];
		switch (ki->fields[f].type) {
		case PD_T_DATE:
			if (v->n && v->n <= PD_CODEC_DATE_MAX)
				return false;
			break;
		case PD_T_REF:
		case PD_T_INT:
			if (v->n && v->n != 8)
				return false;
			break;
		default:
			break;
		}
	}
	return true;
}

/* Field f of r in version 2: a number or a date that packs as a number,
 * anything else as its bytes. */
static int put_v2(struct pd_buf *out, const struct pd_field *fd, const struct pd_val *v)
{
	uint64_t x;

	if (fd->type == PD_T_REF || fd->type == PD_T_INT)
		return put_number(out, fd->tag, pd_get_be64((const unsigned char *)v->p));
	if (fd->type == PD_T_DATE && pd_date_pack(v->p, v->n, &x))
		return put_number(out, fd->tag, x);
	return put_field(out, fd->tag, v->p, v->n);
}

int pd_encode(const struct pd_record *r, struct pd_buf *out)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	bool v2 = v2_holds(r, ki);
	unsigned char version = v2 ? PD_CODEC_VERSION : PD_CODEC_VERSION_1;
	int rc;

	if (pd_buf_add(out, &version, 1) != PD_OK)
		return PD_ENOMEM;
	if (v2)
		rc = put_number(out, TAG_CREATED, (uint64_t)r->created);
	else
		rc = put_time(out, TAG_CREATED, r->created);
	if (rc == PD_OK && (!v2 || r->updated != r->created))
		rc = v2 ? put_number(out, TAG_UPDATED, (uint64_t)r->updated) :
			  put_time(out, TAG_UPDATED, r->updated);
	if (rc != PD_OK)
		return rc;
	for (int f = 0; f < ki->nfields; f++) {
		if (!r->v[f].n)
			continue;
		rc = v2 ? put_v2(out, &ki->fields[f], &r->v[f]) :
			  put_field(out, ki->fields[f].tag, r->v[f].p, r->v[f].n);
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

/*
 * Field f's value as a record holds it, from the len bytes at p of a
 * value of `version`: in version 2 a number is 1 to 8 bytes (made 8 again)
 * and a date of at most PD_CODEC_DATE_MAX bytes is packed (spelt again).
 * Sets *why for a value that cannot be.  Returns PD_OK, PD_ECORRUPT,
 * PD_ENOMEM.
 */
static int set_value(struct pd_record *r, int f, unsigned version,
		     const unsigned char *p, size_t len, const char **why)
{
	const struct pd_field *fd = &pd_kind_info(r->kind)->fields[f];
	unsigned char num[8];
	char date[PD_DATE_PACKED_TEXT];

	if (version >= 2 && (fd->type == PD_T_REF || fd->type == PD_T_INT)) {
		if (len < 1 || len > 8) {
			*why = "number is not 1 to 8 bytes";
			return PD_ECORRUPT;
		}
		pd_put_be64(num, get_number(p, len));
		p = num;
		len = 8;
	} else if (version >= 2 && fd->type == PD_T_DATE && len <= PD_CODEC_DATE_MAX) {
		if (!len || !(len = pd_date_unpack(get_number(p, len), date))) {
			*why = "bad packed date";
			return PD_ECORRUPT;
		}
		p = (const unsigned char *)date;
	} else if (check_value(fd, p, len, why)) {
		return PD_ECORRUPT;
	}
	if (!len)
		return PD_OK;
	if (!(r->v[f].p = malloc(len + 1)))
		return PD_ENOMEM;
	memcpy(r->v[f].p, p, len);
	r->v[f].p[len] = '\0';
	r->v[f].n = (uint32_t)len;
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
	unsigned version;

	if (n < 1)
		return corrupt(r, err, "empty value", 0);
	version = p[0];
	if (version != PD_CODEC_VERSION_1 && version != PD_CODEC_VERSION)
		return corrupt(r, err, "unknown encoding version", 0);
	while (at < n) {
		size_t start = at;
		uint64_t len;
		unsigned tag = p[at++];
		int f, rc;
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
			if (*have || (version == PD_CODEC_VERSION_1 ? len != 8 : len < 1 || len > 8))
				return corrupt(r, err, "bad timestamp", start);
			*have = true;
			*(tag == TAG_CREATED ? &r->created : &r->updated) =
				(int64_t)get_number(p + at, (size_t)len);
		} else if ((f = field_of_tag(ki, tag)) >= 0) {
			if (seen & (1u << f))
				return corrupt(r, err, "repeated field", start);
			seen |= 1u << f;
			rc = set_value(r, f, version, p + at, (size_t)len, &why);
			if (rc == PD_ECORRUPT)
				return corrupt(r, err, why, start);
			if (rc != PD_OK) {
				pd_record_clear(r);
				return rc;
			}
		} else if (add_extra(r, p + start, at - start + len) != PD_OK) {
			pd_record_clear(r);
			return PD_ENOMEM;
		}
		at += len;
	}
	if (version >= 2 && !have_updated)
		r->updated = r->created;   /* left out when the same */
	return PD_OK;
}
