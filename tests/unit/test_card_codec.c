/* test_card_codec.c — the `cards` value (directory/card.h) without a
 * store: both layouts round-trip every text; the packed one holds each
 * date form in three bytes and spells it back exactly, leaves anything
 * else as text, and is smaller; every cut, added byte, long or overlong
 * number, far year and date left as text is PD_ECORRUPT; garbage never
 * crashes, and what decodes of it encodes back to the same bytes. */
#include "testdb.h"

#include "querygen.h"

#include "directory/card.h"
#include "plandesk/records/codec.h"

TestSuite(card_codec);

/* A card of the texts given (verified last), org `org`. */
static struct pd_card card_of(uint64_t org, const char *name, const char *role,
			      const char *verified)
{
	struct pd_card c = { .kind = PD_PERSON, .id = 7, .org = org };

	c.name = (struct pd_card_text){ name, strlen(name) };
	c.role = (struct pd_card_text){ role, strlen(role) };
	c.phone = (struct pd_card_text){ "01632 960 123", 13 };
	c.mobile = (struct pd_card_text){ "", 0 };
	c.email = (struct pd_card_text){ "zoe@fire.example", 16 };
	c.verified = (struct pd_card_text){ verified, strlen(verified) };
	return c;
}

static bool same_text(struct pd_card_text a, struct pd_card_text b)
{
	return a.n == b.n && !memcmp(a.p, b.p, a.n);
}

static void expect_same_card(const struct pd_card *a, const struct pd_card *b,
			     const char *what)
{
	cr_expect_eq(a->org, b->org, "%s: org", what);
	cr_expect(same_text(a->name, b->name), "%s: name", what);
	cr_expect(same_text(a->role, b->role), "%s: role", what);
	cr_expect(same_text(a->phone, b->phone), "%s: phone", what);
	cr_expect(same_text(a->mobile, b->mobile), "%s: mobile", what);
	cr_expect(same_text(a->email, b->email), "%s: email", what);
	cr_expect(same_text(a->verified, b->verified), "%s: verified \"%.*s\"", what,
		  (int)b->verified.n, b->verified.p);
}

/* Encode c in a layout, decode it, and compare; the value's size. */
static size_t round_trip(const struct pd_card *c, bool packed)
{
	struct pd_buf v = PD_BUF_INIT;
	struct pd_card back;
	char date[PD_CARD_DATE_MAX];
	size_t n;

	cr_assert_eq(pd_card_put(c, packed, &v), PD_OK);
	cr_assert_eq(pd_card_decode(v.p, v.n, packed, c->kind, c->id, date, &back),
		     PD_OK, "\"%.*s\" (%s)", (int)c->verified.n, c->verified.p,
		     packed ? "packed" : "fixed");
	cr_expect_eq(back.kind, c->kind);
	cr_expect_eq(back.id, c->id);
	expect_same_card(c, &back, c->verified.p);
	n = v.n;
	pd_buf_free(&v);
	return n;
}

/* The texts' bytes of c. */
static size_t text_bytes(const struct pd_card *c)
{
	return c->name.n + c->role.n + c->phone.n + c->mobile.n + c->email.n;
}

Test(card_codec, every_date_form_is_three_bytes_and_spelt_back_exactly)
{
	static const char *const packed[] = {   /* the years 22 to 2730-08-31 */
		"2026-03-01", "2026-03", "0022-01-01", "2730-08-31", "1999-12-31",
		"2025-02-30", "2009-06-26", "2024-10",
	};
	static const char *const wide[] = { "2730-09", "2730-09-01", "9999-12-31" };
	static const char *const one[] = { "0000-01-01", "0000-01", "0000-02-29" };

	for (size_t i = 0; i < sizeof packed / sizeof packed[0]; i++) {
		struct pd_card c = card_of(3, "Zoë Ångström", "Lead", packed[i]);
		cr_expect_eq(round_trip(&c, true), 1 + 5 + text_bytes(&c) + 3, "%s",
			     packed[i]);
		round_trip(&c, false);
	}
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++) {   /* 4 bytes */
		struct pd_card c = card_of(3, "Zoë Ångström", "Lead", wide[i]);
		cr_expect_eq(round_trip(&c, true), 1 + 5 + text_bytes(&c) + 4, "%s",
			     wide[i]);
	}
	for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {   /* 1 byte */
		struct pd_card c = card_of(3, "Zoë Ångström", "Lead", one[i]);
		cr_expect_eq(round_trip(&c, true), 1 + 5 + text_bytes(&c) + 1, "%s",
			     one[i]);
	}
}

Test(card_codec, what_is_no_date_form_stays_text)
{
	static const char *const texts[] = {
		"", "2026-13-01", "2026-00", "2026-03-00", "2026-03-32", "2026-3-1",
		"26-03-01", "2026/03/01", "2026-03-01 ", " 2026-03", "2026-03-1x",
		"２０２６-03", "soon", "2026-03-", "20260301", "-2026-03",
		"2026-03-01T10:00",
	};

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct pd_card c = card_of(0, "Sam", "", texts[i]);
		size_t n = strlen(texts[i]);
		cr_expect_eq(round_trip(&c, true), 1 + 5 + text_bytes(&c) + 1 + n, "\"%s\"",
			     texts[i]);
		round_trip(&c, false);
	}
}

Test(card_codec, org_ids_of_every_size_round_trip)
{
	static const uint64_t orgs[] = { 0, 1, 127, 128, 16383, 16384, 1000004,
					 UINT64_C(1) << 63, UINT64_MAX };
	static const size_t bytes[] = { 1, 1, 1, 2, 2, 3, 3, 10, 10 };

	for (size_t i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
		struct pd_card c = card_of(orgs[i], "Sam Smith", "Lead", "");
		cr_expect_eq(round_trip(&c, true), bytes[i] + 5 + text_bytes(&c) + 1);
		cr_expect_eq(round_trip(&c, false), 8 + 24 + text_bytes(&c));
	}
}

/* Value (p, n) of a layout must not decode. */
static void expect_corrupt(const void *p, size_t n, bool packed, const char *what)
{
	struct pd_card c;
	char date[PD_CARD_DATE_MAX];

	cr_expect_eq(pd_card_decode(p, n, packed, PD_PERSON, 1, date, &c),
		     PD_ECORRUPT, "%s (%s)", what, packed ? "packed" : "fixed");
}

#define BAD(what, ...) do { \
	const unsigned char v_[] = { __VA_ARGS__ }; \
	expect_corrupt(v_, sizeof v_, true, what); \
} while (0)

Test(card_codec, every_cut_and_added_byte_is_corrupt)
{
	struct pd_card c = card_of(1000004, "Zoë Ångström", "Lead", "2026-03-01");

	for (int packed = 0; packed < 2; packed++) {
		struct pd_buf v = PD_BUF_INIT;
		cr_assert_eq(pd_card_put(&c, packed, &v), PD_OK);
		for (size_t n = 0; n < v.n; n++)
			expect_corrupt(v.p, n, packed, "cut");
		for (int b = 0; b < 256; b++) {
			pd_buf_putc(&v, (char)b);
			expect_corrupt(v.p, v.n, packed, "a byte added");
			v.n--;
		}
		pd_buf_free(&v);
	}
}

Test(card_codec, specific_bad_packed_values)
{
	/* sanity: org 5, five empty texts, no date */
	{
		const unsigned char ok[] = { 5, 0, 0, 0, 0, 0, 0 };
		struct pd_card c;
		char date[PD_CARD_DATE_MAX];
		cr_assert_eq(pd_card_decode(ok, sizeof ok, true, PD_ORG, 9, date, &c), PD_OK);
		cr_expect_eq(c.org, 5);
		cr_expect_eq(c.verified.n, 0);
	}
	BAD("empty");
	BAD("org in two bytes for one", 0x85, 0x00, 0, 0, 0, 0, 0, 0);
	BAD("zero org in two bytes", 0x80, 0x00, 0, 0, 0, 0, 0, 0);
	BAD("length in two bytes for one", 5, 0x81, 0x00, 'a', 0, 0, 0, 0, 0);
	BAD("org of 11 bytes", 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	    0x81, 0x00, 0, 0, 0, 0, 0, 0);
	BAD("org past 64 bits", 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	    0x02, 0, 0, 0, 0, 0, 0);
	BAD("org past the end", 0x85);
	BAD("length past the end", 5, 3, 'a', 'b');
	BAD("huge length", 5, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	    0x01, 'a');
	BAD("no verified", 5, 0, 0, 0, 0, 0);
	BAD("verified text past the end", 5, 0, 0, 0, 0, 0, 8, 's', 'o');
	/* the year 10000, month 1, day 1: x = 10000 × 384 + 1, v = 2x + 1 */
	BAD("year 10000", 5, 0, 0, 0, 0, 0, 0x83, 0xe0, 0xd4, 0x03);
	BAD("a date left as text", 5, 0, 0, 0, 0, 0, 14,
	    '2', '0', '2', '6', '-', '0', '3');
	BAD("a byte after the date", 5, 0, 0, 0, 0, 0, 0x81, 0x80, 0x01, 0);
	/* the fixed layout of the same card does not read as packed */
	{
		const unsigned char fixed[32] = { [7] = 5 };
		expect_corrupt(fixed, sizeof fixed, true, "a fixed card");
		expect_corrupt(fixed, 31, false, "a fixed card cut");
	}
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static unsigned rnd(unsigned n) { return qg_pick(&rng, n); }

/* A text of c lies within the value (p, n) or within date[]. */
static bool inside(struct pd_card_text t, const unsigned char *p, size_t n,
		   const char *date)
{
	const char *s = (const char *)p;

	return (t.p >= s && t.p + t.n <= s + n) ||
	       (t.p == date && t.n <= PD_CARD_DATE_MAX);
}

/* A random card's value in a layout, to v (emptied first). */
static void random_value(bool packed, struct pd_buf *v)
{
	static const char *const texts[] = {
		"", "Sam", "Zoë Ångström", "2026-03-01", "2026-03", "0113 496 0001",
		"9999-12", "2026-13-01", "x",
	};
	static const uint64_t orgs[] = { 0, 5, 200, 1000004, UINT64_MAX };
	struct pd_card c = card_of(orgs[rnd(5)], texts[rnd(9)], texts[rnd(9)],
				   texts[rnd(9)]);

	c.mobile = (struct pd_card_text){ texts[rnd(9)], 0 };
	c.mobile.n = strlen(c.mobile.p);
	v->n = 0;
	cr_assert_eq(pd_card_put(&c, packed, v), PD_OK);
}

Test(card_codec, garbage_never_crashes_and_what_decodes_encodes_back)
{
	struct pd_buf v = PD_BUF_INIT;
	size_t decoded = 0;

	for (int round = 0; round < 200000; round++) {
		bool packed = round & 1;
		struct pd_card c;
		char date[PD_CARD_DATE_MAX];
		int rc;

		/* a card's value with one to three bytes changed, cut or added */
		random_value(packed, &v);
		for (unsigned k = 1 + rnd(3); k > 0; k--) {
			unsigned at = rnd((unsigned)v.n + 1);
			switch (rnd(3)) {
			case 0:
				if (at < v.n)
					v.p[at] = (char)rnd(256);
				break;
			case 1:
				v.n = at;
				break;
			default:
				pd_buf_putc(&v, 0);
				memmove(v.p + at + 1, v.p + at, v.n - 1 - at);
				v.p[at] = (char)(rnd(2) ? rnd(4) : rnd(256));
			}
		}
		rc = pd_card_decode(v.p, v.n, packed, PD_PERSON, 1, date, &c);
		cr_assert(rc == PD_OK || rc == PD_ECORRUPT, "rc %d", rc);
		if (rc != PD_OK)
			continue;
		decoded++;
		cr_assert(inside(c.name, (unsigned char *)v.p, v.n, date) &&
			  inside(c.role, (unsigned char *)v.p, v.n, date) &&
			  inside(c.phone, (unsigned char *)v.p, v.n, date) &&
			  inside(c.mobile, (unsigned char *)v.p, v.n, date) &&
			  inside(c.email, (unsigned char *)v.p, v.n, date) &&
			  inside(c.verified, (unsigned char *)v.p, v.n, date));
		{
			struct pd_buf again = PD_BUF_INIT;
			cr_assert_eq(pd_card_put(&c, packed, &again), PD_OK);
			cr_assert(again.n == v.n && !memcmp(again.p, v.p, v.n),
				  "a decoded card encodes to other bytes");
			pd_buf_free(&again);
		}
	}
	pd_buf_free(&v);
	cr_expect_gt(decoded, 1000, "only %zu changed values decoded", decoded);
}
