/*
 * fuzz_decode.c — libFuzzer target for the record codec: the input bytes
 * are decoded as a value of each of the eight kinds.  A value that decodes
 * must hold what codec.h promises, survive pd_record_copy, and round-trip:
 * encode, decode again, the same record; encode that, the same bytes.  A
 * value that does not decode must be PD_ECORRUPT with the record cleared.
 * The bytes are decoded as a directory card too (directory/card.h), of
 * each layout: PD_OK or PD_ECORRUPT only; a card that decodes has its
 * texts inside the input (or, a packed date, in the date buffer) and
 * encodes back to the same bytes.  Anything else aborts, so libFuzzer
 * keeps the input.
 *
 *   ./configure --enable-fuzzing CC=clang && make tests/fuzz/fuzz_decode
 *   cp -r tests/fuzz/corpus_decode /tmp/corpus
 *   tests/fuzz/fuzz_decode -max_total_time=120 -max_len=1024 /tmp/corpus
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/records/codec.h"
#include "plandesk/records/record.h"
#include "directory/card.h"

static _Noreturn void fail(enum pd_kind kind, const char *what)
{
	fprintf(stderr, "fuzz_decode: %s: %s\n", pd_kind_info(kind)->name, what);
	abort();
}

/* Every field, both times and the unknown fields are equal. */
static bool same_record(const struct pd_record *a, const struct pd_record *b)
{
	return pd_record_same_fields(a, b) &&
	    a->created == b->created && a->updated == b->updated &&
	    a->nextra == b->nextra &&
	    (!a->nextra || memcmp(a->extra, b->extra, a->nextra) == 0);
}

static bool is_cleared(const struct pd_record *r)
{
	for (int f = 0; f < PD_MAX_FIELDS; f++)
		if (r->v[f].p || r->v[f].n)
			return false;
	return !r->extra && !r->nextra && !r->created && !r->updated;
}

/* What codec.h promises of a decoded value, field by field. */
static void check_values(const struct pd_record *r)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);

	for (int f = ki->nfields; f < PD_MAX_FIELDS; f++)
		if (r->v[f].p || r->v[f].n)
			fail(r->kind, "a slot past the kind's fields is set");
	for (int f = 0; f < ki->nfields; f++) {
		const struct pd_val *v = &r->v[f];

		if (!v->n != !v->p)
			fail(r->kind, "a value's pointer and length disagree");
		if (!v->n)
			continue;
		switch (ki->fields[f].type) {
		case PD_T_REF:
		case PD_T_INT:
			if (v->n != 8)
				fail(r->kind, "a REF/INT is not 8 bytes");
			break;
		case PD_T_REFS:
			if (v->n % 8)
				fail(r->kind, "a REFS is not a multiple of 8");
			break;
		default:
			if (v->p[v->n] != '\0' || strlen(v->p) != v->n)
				fail(r->kind, "a TEXT holds a NUL or lacks one");
		}
	}
}

static void one_kind(enum pd_kind kind, const uint8_t *data, size_t size)
{
	struct pd_record r, back, copy;
	struct pd_buf enc = PD_BUF_INIT, again = PD_BUF_INIT;
	struct pd_err err = { 0 };
	int rc;

	pd_record_init(&r, kind);
	rc = pd_decode(data, size, &r, &err);
	if (rc == PD_ECORRUPT) {
		if (err.code != PD_ECORRUPT || !err.msg[0])
			fail(kind, "PD_ECORRUPT without its message");
		if (!is_cleared(&r) || r.kind != kind)
			fail(kind, "a failed decode left the record set");
		return;
	}
	if (rc != PD_OK)
		fail(kind, "decode returned neither PD_OK nor PD_ECORRUPT");
	check_values(&r);

	if (pd_record_copy(&copy, &r) != PD_OK)
		fail(kind, "copy failed");
	if (!same_record(&r, &copy))
		fail(kind, "the copy differs");
	pd_record_clear(&copy);

	if (pd_encode(&r, &enc) != PD_OK)
		fail(kind, "a decoded record does not encode");
	pd_record_init(&back, kind);
	if (pd_decode(enc.p, enc.n, &back, &err) != PD_OK)
		fail(kind, "its encoding does not decode");
	if (!same_record(&r, &back))
		fail(kind, "decode(encode(r)) differs from r");
	if (pd_encode(&back, &again) != PD_OK)
		fail(kind, "the record decoded again does not encode");
	if (again.n != enc.n || memcmp(again.p, enc.p, enc.n) != 0)
		fail(kind, "the encoding is not stable");

	pd_buf_free(&enc);
	pd_buf_free(&again);
	pd_record_clear(&r);
	pd_record_clear(&back);
}

static bool inside(struct pd_card_text t, const uint8_t *data, size_t size,
		   const char *date)
{
	const char *p = (const char *)data;

	return (t.n == 0 || (t.p >= p && t.p + t.n <= p + size)) ||
	       (t.p == date && t.n <= PD_CARD_DATE_MAX);
}

static void one_card(bool packed, const uint8_t *data, size_t size)
{
	struct pd_card c;
	struct pd_buf again = PD_BUF_INIT;
	char date[PD_CARD_DATE_MAX];
	int rc = pd_card_decode(data, size, packed, PD_PERSON, 1, date, &c);

	if (rc == PD_ECORRUPT)
		return;
	if (rc != PD_OK)
		fail(PD_PERSON, "a card decoded to neither PD_OK nor PD_ECORRUPT");
	if (!inside(c.name, data, size, date) || !inside(c.role, data, size, date) ||
	    !inside(c.phone, data, size, date) || !inside(c.mobile, data, size, date) ||
	    !inside(c.email, data, size, date) || !inside(c.verified, data, size, date))
		fail(PD_PERSON, "a card's text lies outside its value");
	if (pd_card_put(&c, packed, &again) != PD_OK)
		fail(PD_PERSON, "a decoded card does not encode");
	if (again.n != size || (size && memcmp(again.p, data, size) != 0))
		fail(PD_PERSON, "a decoded card encodes to other bytes");
	pd_buf_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int k = 0; k < PD_NKINDS; k++)
		one_kind((enum pd_kind)k, data, size);
	one_card(true, data, size);
	one_card(false, data, size);
	return 0;
}
