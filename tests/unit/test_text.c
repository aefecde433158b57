/* test_text.c — UTF-8 helpers: decoding, repair, folding. */
#include "texttest.h"

#include "plandesk/base/buf.h"

static void
expect_fold(const char *in, const char *want)
{
	char	*got = fold(in);

	cr_expect_str_eq(got, want, "fold(\"%s\") = \"%s\", want \"%s\"", in,
	    got, want);
	free(got);
}

/* --- decoding ------------------------------------------------------ */

Test(decode, valid_sequences)
{
	uint32_t	cp;

	cr_expect_eq(pd_utf8_decode("A", 1, &cp), 1);
	cr_expect_eq(cp, 'A');
	cr_expect_eq(pd_utf8_decode("\xc3\xa9", 2, &cp), 2);	/* é */
	cr_expect_eq(cp, 0xE9);
	cr_expect_eq(pd_utf8_decode("\xe2\x80\x99x", 4, &cp), 3); /* ’ */
	cr_expect_eq(cp, 0x2019);
	cr_expect_eq(pd_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4); /* 😀 */
	cr_expect_eq(cp, 0x1F600);
	cr_expect_eq(pd_utf8_decode("\xef\xbf\xbd", 3, &cp), 3);
	cr_expect_eq(cp, 0xFFFD);
	cr_expect_eq(pd_utf8_decode("", 1, &cp), 1);	/* NUL is valid */
	cr_expect_eq(cp, 0);
	cr_expect_eq(pd_utf8_decode("abc", 0, &cp), 0);
	cr_expect_eq(cp, 0);
	cr_expect_eq(pd_utf8_decode("\xc3\xa9", 2, NULL), 2);
}

Test(decode, invalid_sequences_consume_one_byte)
{
	static const struct {
		const char	*s;
		size_t		 n;
	} bad[] = {
		{ "\x80", 1 },			/* lone continuation */
		{ "\xbf\x80", 2 },
		{ "\xc0\x80", 2 },		/* overlong NUL */
		{ "\xc1\xbf", 2 },		/* overlong */
		{ "\xe0\x80\x80", 3 },		/* overlong */
		{ "\xf0\x80\x80\x80", 4 },	/* overlong */
		{ "\xed\xa0\x80", 3 },		/* surrogate D800 */
		{ "\xed\xbf\xbf", 3 },		/* surrogate DFFF */
		{ "\xf4\x90\x80\x80", 4 },	/* above U+10FFFF */
		{ "\xf5\x80\x80\x80", 4 },
		{ "\xff", 1 },
		{ "\xe2\x82", 2 },		/* truncated */
		{ "\xe2\x82\xac", 2 },		/* cut short by n */
		{ "\xc3", 1 },
		{ "\xc3" "A", 2 },		/* bad continuation */
	};
	uint32_t	cp;
	size_t		i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cp = 0;
		cr_expect_eq(pd_utf8_decode(bad[i].s, bad[i].n, &cp), 1,
		    "case %zu", i);
		cr_expect_eq(cp, 0xFFFD, "case %zu: cp %x", i, cp);
		cr_expect(!pd_utf8_valid(bad[i].s, bad[i].n), "case %zu", i);
	}
}

Test(decode, valid_buffers)
{
	cr_expect(pd_utf8_valid("", 0));
	cr_expect(pd_utf8_valid(NULL, 0));
	cr_expect(pd_utf8_valid("plain", 5));
	cr_expect(pd_utf8_valid("Z\xc3\xb6\xc3\xab \xe6\x97\xa5 \xf0\x9f\x98\x80",
	    15));
	cr_expect(!pd_utf8_valid("ok\xff", 3));
	cr_expect(pd_utf8_valid("ok\xe2\x82\xac", 5));
	cr_expect(!pd_utf8_valid("ok\xe2\x82\xac", 4));
}

/* --- repair -------------------------------------------------------- */

static void
expect_repair(const char *in, size_t n, const char *want)
{
	char	*out = NULL;
	size_t	 len = 0;

	cr_assert_eq(pd_utf8_repair(in, n, &out, &len), PD_OK);
	cr_expect_eq(len, strlen(want));
	cr_expect_str_eq(out, want);
	cr_expect(pd_utf8_valid(out, len));
	free(out);
}

Test(repair, replaces_each_invalid_byte)
{
	expect_repair("plain", 5, "plain");
	expect_repair("", 0, "");
	expect_repair("Zo\xc3\xab", 4, "Zo\xc3\xab");
	expect_repair("a\xff" "b", 3, "a\xef\xbf\xbd" "b");
	expect_repair("\xe2\x82", 2, "\xef\xbf\xbd\xef\xbf\xbd");
	expect_repair("\xc0\x80", 2, "\xef\xbf\xbd\xef\xbf\xbd");
	expect_repair("\xed\xa0\x80x", 4,
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdx");
	/* Latin-1 "café" */
	expect_repair("caf\xe9", 4, "caf\xef\xbf\xbd");
}

Test(repair, bad_arguments)
{
	char	*out = NULL;

	cr_expect_eq(pd_utf8_repair("x", 1, NULL, NULL), PD_EINVAL);
	cr_expect_eq(pd_utf8_repair(NULL, 1, &out, NULL), PD_EINVAL);
	cr_expect_null(out);
	cr_expect_eq(pd_utf8_repair(NULL, 0, &out, NULL), PD_OK);
	cr_expect_str_eq(out, "");
	free(out);
}

/* --- folding ------------------------------------------------------- */

Test(fold, names_from_the_brief)
{
	expect_fold("Zo\xc3\xab", "zoe");			/* Zoë */
	expect_fold("\xc5\x81ukasz", "lukasz");			/* Łukasz */
	expect_fold("\xc3\x85ngstr\xc3\xb6m", "angstrom");	/* Ångström */
	expect_fold("S\xc3\xb8ren S\xc3\xb8ndergaard",
	    "soren sondergaard");
	expect_fold("S\xc3\xa3o", "sao");			/* São */
	expect_fold("STRASSE", "strasse");
	expect_fold("Stra\xc3\x9f" "e", "strasse");		/* Straße */
	expect_fold("\xef\xac\x81", "fi");			/* ﬁ */
}

Test(fold, latin_letters_without_decomposition)
{
	expect_fold("\xc5\x82\xc5\x81", "ll");		/* łŁ */
	expect_fold("\xc3\xb8\xc3\x98", "oo");		/* øØ */
	expect_fold("\xc4\x91\xc4\x90", "dd");		/* đĐ */
	expect_fold("\xc3\x9f\xe1\xba\x9e", "ssss");	/* ßẞ */
	expect_fold("\xc3\xa6\xc3\x86", "aeae");	/* æÆ */
	expect_fold("\xc5\x93\xc5\x92", "oeoe");	/* œŒ */
	expect_fold("\xc3\xbe\xc3\x9e", "thth");	/* þÞ */
	expect_fold("\xc4\xb1", "i");			/* ı */
	expect_fold("\xc4\xb0", "i");			/* İ */
	expect_fold("\xc3\xb0\xc3\x90", "dd");		/* ðÐ */
	expect_fold("\xc5\x80\xc4\xbf", "ll");		/* ŀĿ */
	expect_fold("col\xc5\x80" "egi", "collegi");	/* Catalan */
	expect_fold("\xc4\xa7\xc4\xa6", "hh");		/* ħĦ */
	expect_fold("\xc5\xa7\xc5\xa6", "tt");		/* ŧŦ */
	expect_fold("\xc4\xb8", "k");			/* ĸ */
	expect_fold("\xc5\x8b\xc5\x8a", "nn");		/* ŋŊ */
	expect_fold("\xc7\xbf", "o");			/* ǿ: ø + acute */
	expect_fold("Gda\xc5\x84sk \xc5\x81\xc3\xb3" "d\xc5\xba",
	    "gdansk lodz");
	expect_fold("\xc3\x86sir \xc3\x9e\xc3\xb3r\xc3\xb0ur",
	    "aesir thordur");				/* Æsir Þórður */
}

Test(fold, compatibility_and_marks)
{
	expect_fold("e\xcc\x81", "e");			/* e + combining acute */
	expect_fold("\xe2\x84\xab", "a");		/* Å ANGSTROM SIGN */
	expect_fold("\xef\xbc\xa1\xef\xbc\xa2", "ab");	/* fullwidth ＡＢ */
	expect_fold("\xe2\x91\xa0", "1");		/* ① */
	expect_fold("\xc2\xbd", "1\xe2\x81\x84" "2");	/* ½ → 1⁄2 */
	expect_fold("co\xc2\xad" "operate", "cooperate"); /* soft hyphen */
	expect_fold("\xce\xa3\xce\x8f\xce\xa3", "\xcf\x83\xcf\x89\xcf\x83");
							/* ΣΏΣ → σωσ */
	expect_fold("\xd0\x81\xd0\xb6", "\xd0\xb5\xd0\xb6"); /* Ёж → еж */
	expect_fold("\xe6\x9d\xb1\xe4\xba\xac", "\xe6\x9d\xb1\xe4\xba\xac");
	expect_fold("\xea\xb0\x80", "\xea\xb0\x80");	/* 가 stays */
	/* Conjoining jamo compose as in NFKC: ᄀ + ᅡ + ᆨ → 각 */
	expect_fold("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", "\xea\xb0\x81");
	/* 가 + ᆨ → 각 */
	expect_fold("\xea\xb0\x80\xe1\x86\xa8", "\xea\xb0\x81");
}

Test(fold, ascii_fast_path)
{
	expect_fold("", "");
	expect_fold("Hello, World! 123", "hello, world! 123");
	expect_fold("K.Pike@Example.ORG", "k.pike@example.org");
	expect_fold("tab\there\n", "tab\there\n");
}

Test(fold, invalid_bytes_become_replacement)
{
	expect_fold("Caf\xe9", "caf\xef\xbf\xbd");
	expect_fold("\xff\xfe", "\xef\xbf\xbd\xef\xbf\xbd");
	expect_fold("A\xe2\x82" "B", "a\xef\xbf\xbd\xef\xbf\xbd" "b");
	expect_fold("\xc3", "\xef\xbf\xbd");
}

Test(fold, embedded_nul_and_lengths)
{
	char	*out = NULL;
	size_t	 len = 0;

	cr_assert_eq(pd_text_fold("A\0B", 3, &out, &len), PD_OK);
	cr_expect_eq(len, 3);
	cr_expect_eq(memcmp(out, "a\0b", 4), 0);
	free(out);
	cr_expect_eq(pd_text_fold("x", 1, NULL, NULL), PD_EINVAL);
	cr_expect_eq(pd_text_fold(NULL, 2, &out, NULL), PD_EINVAL);
	cr_assert_eq(pd_text_fold(NULL, 0, &out, NULL), PD_OK);
	cr_expect_str_eq(out, "");
	free(out);
}

Test(fold, growth_of_long_input)
{
	/* U+FDFA folds to 18 code points (33 bytes): force many reallocs. */
	size_t	 i, reps = 1000, len = 0;
	char	*in = malloc(reps * 3 + 1), *out = NULL, *one;

	cr_assert_not_null(in);
	for (i = 0; i < reps; i++)
		memcpy(in + i * 3, "\xef\xb7\xba", 3);
	in[reps * 3] = '\0';
	one = fold("\xef\xb7\xba");
	cr_assert_eq(pd_text_fold(in, reps * 3, &out, &len), PD_OK);
	cr_expect_eq(len, reps * strlen(one));
	for (i = 0; i < reps; i++)
		cr_assert_eq(memcmp(out + i * strlen(one), one, strlen(one)), 0);
	free(one);
	free(out);
	free(in);
}

/* Into one buffer, reset in between: each fold as pd_text_fold's, whatever the
 * buffer held before (longer, shorter, grown by an expansion). */
Test(fold, into_a_reused_buffer)
{
	static const char *const in[] = {
		"Straße", "Ångström and Zoë", "", "X", "\xef\xb7\xba\xef\xb7\xba",
		"ABC\xff", "Łukasz"
	};
	struct pd_buf b = PD_BUF_INIT;
	char	*want;
	size_t	 n;

	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		cr_assert_eq(pd_text_fold(in[i], strlen(in[i]), &want, &n), PD_OK);
		cr_assert_eq(pd_text_fold_buf(in[i], strlen(in[i]), &b), PD_OK);
		cr_expect_eq(b.n, n, "%s: %zu bytes, not %zu", in[i], b.n, n);
		cr_expect_eq(memcmp(b.p, want, n + 1), 0, "%s: \"%s\", not \"%s\"",
			     in[i], b.p, want);
		free(want);
		pd_buf_reset(&b);
	}
	/* Appended after what the buffer holds. */
	cr_assert_eq(pd_buf_add(&b, "E", 1), PD_OK);
	cr_assert_eq(pd_text_fold_buf("Zoë", strlen("Zoë"), &b), PD_OK);
	cr_expect_str_eq(b.p, "Ezoe");
	cr_expect_eq(b.n, 4);
	cr_expect_eq(pd_text_fold_buf(NULL, 2, &b), PD_EINVAL);
	cr_expect_str_eq(b.p, "Ezoe");
	pd_buf_free(&b);
}

/* The brief's extra mappings, applied to the reference output. */
static const char *
ref_latin(utf8proc_int32_t cp)
{
	switch (cp) {
	case 0x00DF: return "ss";
	case 0x00E6: return "ae";
	case 0x00F0: case 0x0111: return "d";
	case 0x00F8: return "o";
	case 0x00FE: return "th";
	case 0x0127: return "h";
	case 0x0131: return "i";
	case 0x0138: return "k";
	case 0x0142: return "l";
	case 0x014B: return "n";
	case 0x0153: return "oe";
	case 0x0167: return "t";
	default: return NULL;
	}
}

/*
 * The reference: utf8proc_map's NFKC_Casefold without marks, then the
 * Latin table.  Returns a malloc'd string.
 */
static char *
ref_fold(const char *s, size_t n)
{
	utf8proc_uint8_t	*mapped = NULL;
	utf8proc_ssize_t	 k, i, len;
	utf8proc_int32_t	 cp;
	char			*out, *o;
	const char		*a;

	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &mapped, UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
	    UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
	cr_assert_geq(k, 0, "utf8proc_map: %s", utf8proc_errmsg(k));
	o = out = malloc((size_t)k * 2 + 1);
	cr_assert_not_null(out);
	for (i = 0; i < k; i += len) {
		len = utf8proc_iterate(mapped + i, k - i, &cp);
		cr_assert_gt(len, 0);
		if ((a = ref_latin(cp)) != NULL) {
			strcpy(o, a);
			o += strlen(a);
		} else {
			memcpy(o, mapped + i, (size_t)len);
			o += len;
		}
	}
	*o = '\0';
	free(mapped);
	return out;
}

static void
expect_ref(const char *s, size_t n)
{
	char	*got = NULL, *want;
	size_t	 len;

	cr_assert_eq(pd_text_fold(s, n, &got, &len), PD_OK);
	want = ref_fold(s, n);
	cr_expect_str_eq(got, want, "input %s", s);
	free(got);
	free(want);
}

Test(fold, every_code_point_matches_nfkc_casefold)
{
	utf8proc_uint8_t	buf[8];
	utf8proc_int32_t	cp;
	utf8proc_ssize_t	n;

	for (cp = 0; cp < 0x110000; cp++) {
		if (cp >= 0xD800 && cp < 0xE000)
			continue;
		/* ŀ: NFKC gives "l·"; pd_text_fold gives "l" on purpose. */
		if (cp == 0x013F || cp == 0x0140)
			continue;
		n = utf8proc_encode_char(cp, buf);
		buf[n] = '\0';
		if (cp == 0)
			continue;
		expect_ref((const char *)buf, (size_t)n);
	}
}

Test(fold, random_strings_match_nfkc_casefold)
{
	/* Latin, marks, Greek, Cyrillic, jamo, Hangul, CJK, compat forms. */
	static const utf8proc_int32_t pool[] = {
		'a', 'Z', ' ', '-', 0xC5, 0xDF, 0xF8, 0x142, 0x1E9E,
		0x300, 0x301, 0x308, 0x327, 0x345, 0x3A3, 0x3C2, 0x390,
		0x401, 0x419, 0x1100, 0x1112, 0x1161, 0x1175, 0x11A8,
		0x11C2, 0xAC00, 0xAC01, 0xD7A3, 0x3099, 0x304B, 0x30AB,
		0xFB01, 0xFDFA, 0xFF21, 0x2126, 0x212B, 0xAD, 0x200D,
		0xFE0F, 0x1F600, 0x0915, 0x093F, 0x0B47, 0x0B3E, 0x1E0C,
		0x0307, 0x0130, 0x00C7, 0x01C4, 0x2460,
	};
	utf8proc_uint8_t	buf[64 * 4 + 1];
	unsigned long		seed = 12345;
	size_t			len;
	int			t, i, k;

	for (t = 0; t < 20000; t++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		k = 1 + (int)((seed >> 33) % 12);
		len = 0;
		for (i = 0; i < k; i++) {
			seed = seed * 6364136223846793005UL +
			    1442695040888963407UL;
			len += (size_t)utf8proc_encode_char(
			    pool[(seed >> 33) % (sizeof pool / sizeof pool[0])],
			    buf + len);
		}
		buf[len] = '\0';
		expect_ref((const char *)buf, len);
	}
}
