/* test_codec.c — the record value encoding: round trips, unknown tags,
 * truncation, garbage and specific malformed values. */
#include "testdb.h"

#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/records/codec.h"

/* A UTF-8 text with 2-, 3- and 4-byte sequences. */
#define MB_TEXT "Zo\xc3\xab \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80"

/* Set every field of `r` to a value of its type, distinct per field. */
static void fill_all(struct pd_record *r)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	char text[128];

	r->created = 1245974400;        /* 2009-06-26 */
	r->updated = -86400;            /* before the epoch: sign kept */
	for (int f = 0; f < ki->nfields; f++) {
		switch (ki->fields[f].type) {
		case PD_T_TEXT:
			snprintf(text, sizeof text, "%s field %d", MB_TEXT, f);
			cr_assert_eq(pd_set_text(r, f, text, (size_t)-1), PD_OK);
			break;
		case PD_T_DATE:
			cr_assert_eq(pd_set_text(r, f, f % 2 ? "2009-06" : "2009-06-26",
						 (size_t)-1), PD_OK);
			break;
		case PD_T_REF:
			cr_assert_eq(pd_set_ref(r, f, 0x0102030405060700ull + (uint64_t)f),
				     PD_OK);
			break;
		case PD_T_REFS:
			for (uint64_t i = 1; i <= 3; i++)
				cr_assert_eq(pd_refs_add(r, f, i * 1000 + (uint64_t)f), PD_OK);
			break;
		case PD_T_INT:
			cr_assert_eq(pd_set_int(r, f, -42 - f), PD_OK);
			break;
		}
	}
}

static void expect_cleared(const struct pd_record *r)
{
	for (int f = 0; f < PD_MAX_FIELDS; f++)
		cr_expect_null(r->v[f].p, "field %d left set after a failed decode", f);
	cr_expect_null(r->extra);
	cr_expect_eq(r->nextra, 0);
	cr_expect_eq(r->created, 0);
}

/* Decode n bytes from an exactly sized heap copy (so ASan sees over-reads). */
static int decode_copy(const void *p, size_t n, struct pd_record *r,
		       struct pd_err *err)
{
	unsigned char *copy = malloc(n ? n : 1);
	int rc;

	cr_assert_not_null(copy);
	if (n)
		memcpy(copy, p, n);
	rc = pd_decode(copy, n, r, err);
	free(copy);
	return rc;
}

Test(codec, round_trip_every_kind_every_field)
{
	for (int k = 0; k < PD_NKINDS; k++) {
		const struct pd_kind_info *ki = pd_kind_info(k);
		struct pd_record r, back;
		struct pd_buf enc = PD_BUF_INIT, again = PD_BUF_INIT;
		struct pd_err err = { 0 };

		pd_record_init(&r, k);
		fill_all(&r);
		cr_assert_eq(pd_encode(&r, &enc), PD_OK, "encode %s", ki->name);
		cr_assert_eq((unsigned char)enc.p[0], PD_CODEC_VERSION);
		pd_record_init(&back, k);
		cr_assert_eq(pd_decode(enc.p, enc.n, &back, &err), PD_OK,
			     "decode %s: %s", ki->name, err.msg);
		cr_expect_eq(back.created, r.created);
		cr_expect_eq(back.updated, r.updated);
		cr_expect_eq(back.nextra, 0);
		for (int f = 0; f < ki->nfields; f++) {
			cr_assert(pd_is_set(&back, f), "%s.%s lost", ki->name,
				  ki->fields[f].name);
			cr_expect_eq(back.v[f].n, r.v[f].n, "%s.%s length", ki->name,
				     ki->fields[f].name);
			cr_expect(!memcmp(back.v[f].p, r.v[f].p, r.v[f].n),
				  "%s.%s bytes differ", ki->name, ki->fields[f].name);
		}
		cr_expect(pd_record_same_fields(&r, &back));
		/* typed accessors see the same values */
		for (int f = 0; f < ki->nfields; f++) {
			switch (ki->fields[f].type) {
			case PD_T_TEXT:
			case PD_T_DATE:
				cr_expect_str_eq(pd_get_text(&back, f), pd_get_text(&r, f));
				break;
			case PD_T_REF:
				cr_expect_eq(pd_get_ref(&back, f),
					     0x0102030405060700ull + (uint64_t)f);
				break;
			case PD_T_REFS:
				cr_expect_eq(pd_refs_count(&back, f), 3);
				cr_expect_eq(pd_refs_at(&back, f, 2), 3000 + (uint64_t)f);
				break;
			case PD_T_INT:
				cr_expect_eq(pd_get_int(&back, f), -42 - f);
				break;
			}
		}
		/* the encoding is canonical: re-encoding gives the same bytes */
		cr_assert_eq(pd_encode(&back, &again), PD_OK);
		cr_expect_eq(again.n, enc.n);
		cr_expect(!memcmp(again.p, enc.p, enc.n), "%s re-encodes differently",
			  ki->name);
		pd_buf_free(&enc);
		pd_buf_free(&again);
		pd_record_clear(&r);
		pd_record_clear(&back);
	}
}

Test(codec, unset_fields_are_not_stored)
{
	struct pd_record r, back;
	struct pd_buf enc = PD_BUF_INIT;

	pd_record_init(&r, PD_PERSON);
	pd_set_text(&r, PD_PERSON_NAME, "Kim", 3);
	cr_assert_eq(pd_encode(&r, &enc), PD_OK);
	/* version + created 0 (tag, length, one byte; `updated` the same, so
	 * left out) + name (1+1+3) */
	cr_expect_eq(enc.n, 1 + 3 + 5);
	pd_record_init(&back, PD_PERSON);
	cr_assert_eq(pd_decode(enc.p, enc.n, &back, NULL), PD_OK);
	cr_expect_str_eq(pd_get_text(&back, PD_PERSON_NAME), "Kim");
	cr_expect_not(pd_is_set(&back, PD_PERSON_ORG));
	cr_expect_not(pd_is_set(&back, PD_PERSON_EMAIL));
	pd_buf_free(&enc);
	pd_record_clear(&r);
	pd_record_clear(&back);
}

/* version, created, updated, org name "abc", then an unknown tag 200. */
static const unsigned char with_unknown[] = {
	0x01,
	0x01, 0x08, 0, 0, 0, 0, 0x4a, 0x44, 0x10, 0x80,
	0x02, 0x08, 0, 0, 0, 0, 0x4a, 0x44, 0x10, 0x81,
	16, 0x03, 'a', 'b', 'c',
	200, 0x04, 'w', 'x', 'y', 'z',
};

/* The same in version 2. */
static const unsigned char with_unknown_v2[] = {
	0x02,
	0x01, 0x04, 0x4a, 0x44, 0x10, 0x80,
	0x02, 0x04, 0x4a, 0x44, 0x10, 0x81,
	16, 0x03, 'a', 'b', 'c',
	200, 0x04, 'w', 'x', 'y', 'z',
};

Test(codec, unknown_tag_survives_round_trip)
{
	struct pd_record r;
	struct pd_buf enc = PD_BUF_INIT;
	struct pd_err err = { 0 };

	pd_record_init(&r, PD_ORG);
	cr_assert_eq(pd_decode(with_unknown, sizeof with_unknown, &r, &err), PD_OK,
		     "%s", err.msg);
	cr_expect_str_eq(pd_get_text(&r, PD_ORG_NAME), "abc");
	cr_expect_eq(r.created, 0x4a441080);
	cr_expect_eq(r.updated, 0x4a441081);
	cr_assert_eq(r.nextra, 6);
	cr_expect(!memcmp(r.extra, "\xc8\x04wxyz", 6));
	/* written again in version 2, short numbers, the unknown field last
	 * and byte for byte */
	cr_assert_eq(pd_encode(&r, &enc), PD_OK);
	cr_assert_eq(enc.n, sizeof with_unknown_v2);
	cr_expect(!memcmp(enc.p, with_unknown_v2, sizeof with_unknown_v2),
		  "unknown field not re-emitted byte for byte");
	pd_buf_free(&enc);
	pd_record_clear(&r);
	/* and a version-2 value round-trips byte for byte */
	pd_record_init(&r, PD_ORG);
	cr_assert_eq(pd_decode(with_unknown_v2, sizeof with_unknown_v2, &r, &err), PD_OK,
		     "%s", err.msg);
	cr_expect_eq(r.created, 0x4a441080);
	cr_expect_eq(r.updated, 0x4a441081);
	cr_assert_eq(pd_encode(&r, &enc), PD_OK);
	cr_expect(enc.n == sizeof with_unknown_v2 &&
		  !memcmp(enc.p, with_unknown_v2, sizeof with_unknown_v2));
	pd_buf_free(&enc);
	pd_record_clear(&r);
}

Test(codec, unknown_tag_kept_through_copy_and_change)
{
	struct pd_record r, copy;
	struct pd_buf enc = PD_BUF_INIT;

	pd_record_init(&r, PD_ORG);
	cr_assert_eq(pd_decode(with_unknown, sizeof with_unknown, &r, NULL), PD_OK);
	cr_assert_eq(pd_record_copy(&copy, &r), PD_OK);
	pd_set_text(&copy, PD_ORG_PHONE, "01632 960123", (size_t)-1);
	cr_assert_eq(pd_encode(&copy, &enc), PD_OK);
	/* the extra bytes come last, after the new known field */
	cr_assert_gt(enc.n, 6);
	cr_expect(!memcmp(enc.p + enc.n - 6, "\xc8\x04wxyz", 6));
	pd_buf_free(&enc);
	pd_record_clear(&r);
	pd_record_clear(&copy);
}

/* Offsets at which a whole field ends (a prefix there is a valid value). */
static size_t field_ends(const unsigned char *p, size_t n, size_t *ends,
			 size_t max)
{
	size_t at = 1, k = 0;

	ends[k++] = 1;
	while (at < n && k < max) {
		size_t len = 0;
		int shift = 0;
		at++;   /* tag */
		do {
			len |= (size_t)(p[at] & 0x7f) << shift;
			shift += 7;
		} while (p[at++] & 0x80);
		at += len;
		ends[k++] = at;
	}
	return k;
}

Test(codec, every_truncation_is_corrupt_or_a_shorter_record)
{
	for (int k = 0; k < PD_NKINDS; k++) {
		struct pd_record r;
		struct pd_buf enc = PD_BUF_INIT;
		size_t ends[64], nends, ncorrupt = 0;

		pd_record_init(&r, k);
		fill_all(&r);
		cr_assert_eq(pd_encode(&r, &enc), PD_OK);
		pd_record_clear(&r);
		nends = field_ends((unsigned char *)enc.p, enc.n, ends, 64);
		cr_assert_eq(ends[nends - 1], enc.n);
		for (size_t len = 0; len < enc.n; len++) {
			struct pd_record back;
			struct pd_err err = { 0 };
			bool boundary = false;
			int rc;

			for (size_t i = 0; i < nends; i++)
				boundary |= ends[i] == len;
			pd_record_init(&back, k);
			rc = decode_copy(enc.p, len, &back, &err);
			if (boundary) {
				/* No length prefix in the format: a cut between
				 * fields is a record with fewer fields. */
				cr_expect_eq(rc, PD_OK, "%s prefix %zu", pd_kind_info(k)->name,
					     len);
			} else {
				ncorrupt++;
				cr_expect_eq(rc, PD_ECORRUPT, "%s prefix %zu of %zu: rc %d",
					     pd_kind_info(k)->name, len, enc.n, rc);
				cr_expect(strstr(err.msg, "corrupt") != NULL, "msg: %s",
					  err.msg);
				expect_cleared(&back);
			}
			pd_record_clear(&back);
		}
		cr_expect_gt(ncorrupt, enc.n / 2);
		pd_buf_free(&enc);
	}
}

/* xorshift64*: a fixed sequence on every run. */
static uint64_t rnd_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 0x2545f4914f6cdd1dull;
}

Test(codec, garbage_never_crashes)
{
	static const unsigned char tags[] = { 0, 1, 2, 3, 16, 17, 18, 19, 20,
					      21, 22, 24, 27, 28, 200, 255 };
	size_t nok = 0, ncorrupt = 0;

	for (int iter = 0; iter < 20000; iter++) {
		unsigned char buf[96];
		size_t n = rnd() % sizeof buf;
		enum pd_kind kind = (enum pd_kind)(rnd() % PD_NKINDS);
		struct pd_record r;
		struct pd_err err = { 0 };
		int rc;

		for (size_t i = 0; i < n; i++)
			buf[i] = (unsigned char)rnd();
		if (iter % 2 && n) {
			/* plausible structure, so decoding gets past the header */
			size_t at = 1;
			buf[0] = PD_CODEC_VERSION;
			while (at + 2 < n) {
				size_t len = rnd() % 12;
				buf[at] = tags[rnd() % sizeof tags];
				buf[at + 1] = (unsigned char)(rnd() % 8 ? len : rnd());
				at += 2 + len;
			}
		}
		pd_record_init(&r, kind);
		rc = decode_copy(buf, n, &r, &err);
		cr_assert(rc == PD_OK || rc == PD_ECORRUPT, "rc %d at iteration %d",
			  rc, iter);
		if (rc == PD_ECORRUPT) {
			ncorrupt++;
			expect_cleared(&r);
		} else {
			/* whatever decodes re-encodes to a stable form */
			struct pd_buf a = PD_BUF_INIT, b = PD_BUF_INIT;
			struct pd_record r2;

			nok++;
			cr_assert_eq(pd_encode(&r, &a), PD_OK);
			pd_record_init(&r2, kind);
			cr_assert_eq(pd_decode(a.p, a.n, &r2, &err), PD_OK,
				     "iteration %d: %s", iter, err.msg);
			cr_expect(pd_record_same_fields(&r, &r2));
			cr_expect_eq(r2.created, r.created);
			cr_assert_eq(pd_encode(&r2, &b), PD_OK);
			cr_expect(a.n == b.n && !memcmp(a.p, b.p, a.n),
				  "iteration %d: encoding not stable", iter);
			pd_record_clear(&r2);
			pd_buf_free(&a);
			pd_buf_free(&b);
		}
		pd_record_clear(&r);
	}
	/* both outcomes were exercised */
	cr_expect_gt(nok, 100);
	cr_expect_gt(ncorrupt, 1000);
}

static void expect_corrupt(enum pd_kind kind, const unsigned char *p, size_t n,
			   const char *why)
{
	struct pd_record r;
	struct pd_err err = { 0 };
	int rc;

	pd_record_init(&r, kind);
	rc = decode_copy(p, n, &r, &err);
	cr_expect_eq(rc, PD_ECORRUPT, "%s: rc %d", why, rc);
	cr_expect(strstr(err.msg, "corrupt") != NULL, "%s: message \"%s\"", why,
		  err.msg);
	expect_cleared(&r);
	pd_record_clear(&r);
}

#define BAD(kind, why, ...) do { \
	static const unsigned char b_[] = { __VA_ARGS__ }; \
	expect_corrupt(kind, b_, sizeof b_, why); \
} while (0)

Test(codec, specific_bad_values)
{
	struct pd_record r;

	/* sanity: the good base decodes */
	pd_record_init(&r, PD_ORG);
	cr_assert_eq(decode_copy((const unsigned char[]){ 1, 16, 1, 'a' }, 4, &r, NULL),
		     PD_OK);
	pd_record_clear(&r);

	BAD(PD_ORG, "empty", 0);
	expect_corrupt(PD_ORG, (const unsigned char *)"", 0, "zero length");
	BAD(PD_ORG, "wrong version", 3, 16, 1, 'a');
	BAD(PD_ORG, "version 0", 0, 16, 1, 'a');
	BAD(PD_ORG, "zero tag", 1, 0, 1, 'a');
	BAD(PD_PERSON, "REF of 7 bytes", 1, 19, 7, 0, 0, 0, 0, 0, 0, 1);
	BAD(PD_PERSON, "REF of 9 bytes", 1, 19, 9, 0, 0, 0, 0, 0, 0, 0, 0, 1);
	BAD(PD_PERSON, "REF of 0 bytes", 1, 19, 0);
	BAD(PD_ACTION, "REFS of 12 bytes", 1, 19, 12,
	    0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2);
	BAD(PD_THEME, "INT of 4 bytes", 1, 18, 4, 0, 0, 0, 1);
	BAD(PD_ORG, "timestamp of 4 bytes", 1, 1, 4, 0, 0, 0, 1);
	BAD(PD_ORG, "repeated timestamp", 1, 2, 8, 0, 0, 0, 0, 0, 0, 0, 1,
	    2, 8, 0, 0, 0, 0, 0, 0, 0, 1);
	BAD(PD_ORG, "repeated field", 1, 16, 1, 'a', 16, 1, 'b');
	BAD(PD_ORG, "repeated field apart", 1, 16, 1, 'a', 17, 1, 'x', 16, 1, 'a');
	BAD(PD_ORG, "invalid UTF-8", 1, 16, 2, 0xc3, 0x28);
	BAD(PD_ORG, "lone continuation byte", 1, 16, 2, 'a', 0x80);
	BAD(PD_ORG, "overlong UTF-8", 1, 16, 2, 0xc0, 0xaf);
	BAD(PD_ORG, "surrogate in UTF-8", 1, 16, 3, 0xed, 0xa0, 0x80);
	BAD(PD_ORG, "NUL inside TEXT", 1, 16, 3, 'a', 0, 'b');
	BAD(PD_ORG, "NUL inside DATE", 1, 25, 3, '2', 0, '9');
	BAD(PD_ORG, "length past the end", 1, 16, 5, 'a', 'b');
	BAD(PD_ORG, "varint past the end", 1, 16, 0x80);
	BAD(PD_ORG, "varint ends the value", 1, 16, 0x81, 0x80);
	BAD(PD_ORG, "varint of 5 bytes", 1, 16, 0x80, 0x80, 0x80, 0x80, 0x01, 'a');
	BAD(PD_ORG, "huge varint length", 1, 16, 0xff, 0xff, 0xff, 0x7f, 'a');
	BAD(PD_ORG, "unknown tag past the end", 1, 200, 3, 'a');
	BAD(PD_ORG, "tag without a length", 1, 16);
	/* version 2: numbers of 1 to 8 bytes, dates packed in 1 to 3 */
	BAD(PD_PERSON, "v2 REF of 9 bytes", 2, 19, 9, 0, 0, 0, 0, 0, 0, 0, 0, 1);
	BAD(PD_PERSON, "v2 REF of 0 bytes", 2, 19, 0);
	BAD(PD_THEME, "v2 INT of 0 bytes", 2, 18, 0);
	BAD(PD_ORG, "v2 timestamp of 0 bytes", 2, 1, 0);
	BAD(PD_ORG, "v2 timestamp of 9 bytes", 2, 1, 9, 0, 0, 0, 0, 0, 0, 0, 0, 1);
	BAD(PD_ORG, "v2 date of 0 bytes", 2, 25, 0);
	BAD(PD_ORG, "v2 packed date past 9999", 2, 25, 3, 0xff, 0xff, 0xff);
	BAD(PD_ORG, "v2 date text with a NUL", 2, 25, 4, '2', 0, '0', '9');
	BAD(PD_ACTION, "v2 REFS of 12 bytes", 2, 19, 12,
	    0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2);
}

/* A person as version 1 wrote it: created, updated the same, name, org
 * 4000 (8 bytes), verified 2023-11-23 (text). */
static const unsigned char person_v1[] = {
	0x01,
	0x01, 0x08, 0, 0, 0, 0, 0x6b, 0x17, 0x5d, 0xe5,
	0x02, 0x08, 0, 0, 0, 0, 0x6b, 0x17, 0x5d, 0xe5,
	16, 0x03, 'K', 'i', 'm',
	19, 0x08, 0, 0, 0, 0, 0, 0, 0x0f, 0xa0,
	24, 0x0a, '2', '0', '2', '3', '-', '1', '1', '-', '2', '3',
};

/* The same in version 2: created in 4 bytes, updated left out, the org in
 * 2, the date packed ((2023 × 12 + 10) × 32 + 23 = 777175) in 3. */
static const unsigned char person_v2[] = {
	0x02,
	0x01, 0x04, 0x6b, 0x17, 0x5d, 0xe5,
	16, 0x03, 'K', 'i', 'm',
	19, 0x02, 0x0f, 0xa0,
	24, 0x03, 0x0b, 0xdb, 0xd7,
};

Test(codec, version_2_spells_numbers_and_dates_short)
{
	struct pd_record r, back;
	struct pd_buf enc = PD_BUF_INIT;
	struct pd_err err = { 0 };

	cr_assert_eq(PD_PERSON_NAME, 0);   /* the tags above are schema.c's */
	pd_record_init(&r, PD_PERSON);
	cr_assert_eq(pd_decode(person_v1, sizeof person_v1, &r, &err), PD_OK, "%s", err.msg);
	cr_expect_str_eq(pd_get_text(&r, PD_PERSON_NAME), "Kim");
	cr_expect_eq(pd_get_ref(&r, PD_PERSON_ORG), 4000);
	cr_expect_str_eq(pd_get_text(&r, PD_PERSON_VERIFIED), "2023-11-23");
	cr_expect_eq(r.updated, r.created);
	cr_assert_eq(pd_encode(&r, &enc), PD_OK);
	cr_expect_eq(enc.n, sizeof person_v2, "%zu bytes, not %zu", enc.n, sizeof person_v2);
	cr_expect(enc.n == sizeof person_v2 && !memcmp(enc.p, person_v2, enc.n),
		  "not the version-2 bytes");
	pd_record_init(&back, PD_PERSON);
	cr_assert_eq(pd_decode(enc.p, enc.n, &back, &err), PD_OK, "%s", err.msg);
	cr_expect(pd_record_same_fields(&r, &back));
	cr_expect_eq(back.created, r.created);
	cr_expect_eq(back.updated, r.created, "a left-out updated is created");
	pd_record_clear(&back);
	/* updated apart from created is written */
	pd_buf_reset(&enc);
	r.updated = r.created + 60;
	cr_assert_eq(pd_encode(&r, &enc), PD_OK);
	pd_record_init(&back, PD_PERSON);
	cr_assert_eq(pd_decode(enc.p, enc.n, &back, NULL), PD_OK);
	cr_expect_eq(back.updated, r.created + 60);
	pd_record_clear(&back);
	pd_record_clear(&r);
	pd_buf_free(&enc);
}

Test(codec, dates_that_do_not_pack_stay_text)
{
	/* a month packs; other texts (check reports them) stay as they are */
	static const char *dates[] = { "2009-06", "2025-02-30", "0000-01",
				       "2009-13-01", "2009-6-26", "26/06/2009",
				       "someday", "2009" };
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
		struct pd_record r, back;
		struct pd_buf enc = PD_BUF_INIT;

		pd_record_init(&r, PD_ORG);
		cr_assert_eq(pd_set_text(&r, PD_ORG_VERIFIED, dates[i], (size_t)-1), PD_OK);
		cr_assert_eq(pd_encode(&r, &enc), PD_OK);
		cr_expect_eq((unsigned char)enc.p[0], PD_CODEC_VERSION);
		pd_record_init(&back, PD_ORG);
		cr_assert_eq(pd_decode(enc.p, enc.n, &back, NULL), PD_OK, "%s", dates[i]);
		cr_expect_str_eq(pd_get_text(&back, PD_ORG_VERIFIED), dates[i]);
		pd_record_clear(&back);
		pd_record_clear(&r);
		pd_buf_free(&enc);
	}
}

Test(codec, a_record_version_2_cannot_hold_is_written_in_version_1)
{
	/* a date text of three bytes would read back as a packed date */
	struct pd_record r, back;
	struct pd_buf enc = PD_BUF_INIT;

	pd_record_init(&r, PD_ORG);
	pd_set_text(&r, PD_ORG_NAME, "Acme", (size_t)-1);
	pd_set_text(&r, PD_ORG_VERIFIED, "abc", (size_t)-1);
	r.created = r.updated = 1245974400;
	cr_assert_eq(pd_encode(&r, &enc), PD_OK);
	cr_expect_eq((unsigned char)enc.p[0], PD_CODEC_VERSION_1);
	pd_record_init(&back, PD_ORG);
	cr_assert_eq(pd_decode(enc.p, enc.n, &back, NULL), PD_OK);
	cr_expect_str_eq(pd_get_text(&back, PD_ORG_VERIFIED), "abc");
	cr_expect_eq(back.updated, 1245974400);
	pd_record_clear(&back);
	pd_record_clear(&r);
	pd_buf_free(&enc);
}

Test(codec, accepted_edge_values)
{
	struct pd_record r;
	struct pd_err err = { 0 };

	/* a two-byte varint for a short length is still a valid length */
	pd_record_init(&r, PD_ORG);
	cr_expect_eq(decode_copy((const unsigned char[]){ 1, 16, 0x82, 0x00, 'h', 'i' },
				 6, &r, &err), PD_OK, "%s", err.msg);
	cr_expect_str_eq(pd_get_text(&r, PD_ORG_NAME), "hi");
	pd_record_clear(&r);
	/* a 200-byte text needs a two-byte length and round-trips */
	{
		char big[201];
		struct pd_buf enc = PD_BUF_INIT;
		struct pd_record back;

		memset(big, 'x', 200);
		big[200] = '\0';
		pd_record_init(&r, PD_ORG);
		pd_set_text(&r, PD_ORG_NOTES, big, 200);
		cr_assert_eq(pd_encode(&r, &enc), PD_OK);
		cr_expect_eq(enc.n, 1 + 3 + 1 + 2 + 200);
		pd_record_init(&back, PD_ORG);
		cr_assert_eq(pd_decode(enc.p, enc.n, &back, NULL), PD_OK);
		cr_expect_eq(back.v[PD_ORG_NOTES].n, 200);
		pd_record_clear(&back);
		pd_record_clear(&r);
		pd_buf_free(&enc);
	}
}

Test(codec, leb128_numbers_of_every_size)
{
	static const uint64_t nums[] = { 0, 1, 127, 128, 16383, 16384,
					 (1u << 28) - 1, 1u << 28,
					 UINT64_C(1) << 63, UINT64_MAX };
	static const size_t bytes[] = { 1, 1, 1, 2, 2, 3, 4, 5, 10, 10 };
	unsigned char b[PD_LEB128_MAX + 1];
	uint64_t v;
	size_t at;

	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		size_t n = pd_leb128_put(b, nums[i]);
		cr_expect_eq(n, bytes[i], "%llu", (unsigned long long)nums[i]);
		at = 0;
		cr_expect_eq(pd_leb128_get(b, n, &at, PD_LEB128_MAX, &v), PD_OK);
		cr_expect_eq(v, nums[i]);
		cr_expect_eq(at, n);
		at = 0;   /* cut by a byte */
		cr_expect_eq(pd_leb128_get(b, n - 1, &at, PD_LEB128_MAX, &v), PD_ECORRUPT);
		cr_expect_eq(at, n - 1, "a cut number leaves *at at the end");
	}
	/* longer than `max`: *at at the byte past the max-th */
	at = 0;
	cr_expect_eq(pd_leb128_get((const unsigned char[]){ 0x80, 0x80, 0x80, 0x80, 1 },
				   5, &at, 4, &v), PD_ECORRUPT);
	cr_expect_eq(at, 4);
	/* bits past the 64th */
	memset(b, 0xff, 9);
	b[9] = 0x02;
	at = 0;
	cr_expect_eq(pd_leb128_get(b, 10, &at, PD_LEB128_MAX, &v), PD_ECORRUPT);
	b[9] = 0x81;
	b[10] = 0;
	at = 0;
	cr_expect_eq(pd_leb128_get(b, 11, &at, PD_LEB128_MAX, &v), PD_ECORRUPT);
}
