/* test_text.c — UTF-8 helpers: decoding, repair, folding, words, width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <utf8proc.h>

#include "plandesk/base/text.h"

/* Fold a NUL-terminated string; the result must be freed. */
static char *
fold(const char *s)
{
	char	*out = NULL;
	size_t	 len = 0;

	cr_assert_eq(pd_text_fold(s, strlen(s), &out, &len), PD_OK);
	cr_assert_not_null(out);
	cr_assert_eq(strlen(out), len, "length %zu for \"%s\"", len, out);
	return out;
}

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

/* --- words --------------------------------------------------------- */

struct words {
	char	list[1024];	/* words joined by '|' */
	int	count;
	int	stop_at;	/* return 42 at this word (1-based), or 0 */
};

static int
collect(const char *word, size_t len, void *ctx)
{
	struct words	*w = ctx;
	size_t		 used = strlen(w->list);

	cr_assert_gt(len, 0);
	snprintf(w->list + used, sizeof w->list - used, "%s%.*s",
	    w->count ? "|" : "", (int)len, word);
	w->count++;
	return w->count == w->stop_at ? 42 : 0;
}

static void
expect_words(const char *s, unsigned flags, const char *want)
{
	struct words	w;

	memset(&w, 0, sizeof w);
	cr_assert_eq(pd_text_words(s, strlen(s), flags, collect, &w), PD_OK);
	cr_expect_str_eq(w.list, want, "words(\"%s\", %u) = \"%s\", want \"%s\"",
	    s, flags, w.list, want);
}

Test(words, plain_splitting)
{
	expect_words("", PD_WORDS_INDEX, "");
	expect_words("  ,, ", PD_WORDS_INDEX, "");
	expect_words("hello world", PD_WORDS_INDEX, "hello|world");
	expect_words("  leading, trailing.  ", PD_WORDS_QUERY,
	    "leading|trailing");
	expect_words("k.pike@example.org", PD_WORDS_INDEX,
	    "k|pike|example|org");
	expect_words("k.pike@example.org", PD_WORDS_QUERY,
	    "k|pike|example|org");
	expect_words("plan 2009/0123 (v2)", 0, "plan|2009|0123|v2");
	expect_words("3.14", PD_WORDS_INDEX, "3|14");
	/* Any Unicode letter or number; punctuation and symbols split. */
	expect_words("\xe6\x9d\xb1\xe4\xba\xac\xe3\x80\x81\xce\xb1\xce\xb2",
	    0, "\xe6\x9d\xb1\xe4\xba\xac|\xce\xb1\xce\xb2");	/* 東京、αβ */
	expect_words("a\xe2\x82\xac" "b\xc2\xbd\xe2\x85\xa0", 0,
	    "a|b\xc2\xbd\xe2\x85\xa0");	/* a€b½Ⅰ: € splits, ½ Ⅰ are N */
	/* Combining marks stay with their letter. */
	expect_words("ze\xcc\x81 x", 0, "ze\xcc\x81|x");
	/* Invalid bytes split. */
	expect_words("ab\xff" "cd", 0, "ab|cd");
}

Test(words, joiners_index)
{
	expect_words("o'brien", PD_WORDS_INDEX, "o|brien|obrien");
	expect_words("smith-jones", PD_WORDS_INDEX,
	    "smith|jones|smithjones");
	expect_words("o\xe2\x80\x99" "brien", PD_WORDS_INDEX,
	    "o|brien|obrien");				/* ’ */
	expect_words("a\xe2\x80\x90" "b\xe2\x80\x91" "c\xe2\x80\x93" "d",
	    PD_WORDS_INDEX, "a|b|c|d|abcd");		/* ‐ ‑ – */
	expect_words("mary o'brien-smith x", PD_WORDS_INDEX,
	    "mary|o|brien|smith|obriensmith|x");
}

Test(words, joiners_query)
{
	expect_words("o'brien", PD_WORDS_QUERY, "obrien");
	expect_words("smith-jones", PD_WORDS_QUERY, "smithjones");
	expect_words("mary o'brien-smith x", PD_WORDS_QUERY,
	    "mary|obriensmith|x");
	expect_words("single", PD_WORDS_QUERY, "single");
}

Test(words, joiners_without_flags_split)
{
	expect_words("o'brien", 0, "o|brien");
	expect_words("smith-jones", 0, "smith|jones");
}

Test(words, joiners_that_do_not_join)
{
	expect_words("'quoted'", PD_WORDS_INDEX, "quoted");
	expect_words("-dash- x", PD_WORDS_INDEX, "dash|x");
	expect_words("rock--roll", PD_WORDS_INDEX, "rock|roll");
	expect_words("a - b", PD_WORDS_QUERY, "a|b");
	expect_words("jones'", PD_WORDS_QUERY, "jones");
	expect_words("x-\xe2\x82\xac", PD_WORDS_QUERY, "x");	/* x-€ */
	/* An em dash (—) is not a joiner. */
	expect_words("a\xe2\x80\x94" "b", PD_WORDS_INDEX, "a|b");
}

Test(words, long_joined_word_uses_heap)
{
	char		in[701], want[1024];
	struct words	w;
	int		i;

	/* 100 × "abcdef-" then "z": joined word of 601 bytes. */
	for (i = 0; i < 100; i++)
		memcpy(in + i * 7, "abcdef-", 7);
	in[700] = 'z';
	memset(&w, 0, sizeof w);
	cr_assert_eq(pd_text_words(in, 701, PD_WORDS_QUERY, collect, &w),
	    PD_OK);
	cr_expect_eq(w.count, 1);
	for (i = 0; i < 100; i++)
		memcpy(want + i * 6, "abcdef", 6);
	want[600] = 'z';
	want[601] = '\0';
	cr_expect_str_eq(w.list, want);
}

Test(words, callback_stops_early)
{
	struct words	w;

	memset(&w, 0, sizeof w);
	w.stop_at = 2;
	cr_expect_eq(pd_text_words("one two three", 13, 0, collect, &w), 42);
	cr_expect_eq(w.count, 2);
	cr_expect_str_eq(w.list, "one|two");

	/* Stop on the joined word itself. */
	memset(&w, 0, sizeof w);
	w.stop_at = 3;
	cr_expect_eq(pd_text_words("o'brien after", 13, PD_WORDS_INDEX,
	    collect, &w), 42);
	cr_expect_str_eq(w.list, "o|brien|obrien");

	/* Stop on a part before the joined word. */
	memset(&w, 0, sizeof w);
	w.stop_at = 1;
	cr_expect_eq(pd_text_words("o'brien", 7, PD_WORDS_INDEX, collect,
	    &w), 42);
	cr_expect_str_eq(w.list, "o");
}

Test(words, bad_arguments)
{
	struct words	w;

	memset(&w, 0, sizeof w);
	cr_expect_eq(pd_text_words("a", 1, 0, NULL, NULL), PD_EINVAL);
	cr_expect_eq(pd_text_words(NULL, 1, 0, collect, &w), PD_EINVAL);
	cr_expect_eq(pd_text_words("a", 1, PD_WORDS_INDEX | PD_WORDS_QUERY,
	    collect, &w), PD_EINVAL);
	cr_expect_eq(pd_text_words("a", 1, 8, collect, &w), PD_EINVAL);
	cr_expect_eq(w.count, 0);
	cr_expect_eq(pd_text_words(NULL, 0, 0, collect, &w), PD_OK);
}

Test(words, over_folded_text)
{
	char	*f = fold("Mary O\xe2\x80\x99" "Brien-Sm\xc3\xaf" "th");

	expect_words(f, PD_WORDS_QUERY, "mary|obriensmith");
	free(f);
}

/* --- digits -------------------------------------------------------- */

Test(digits, phone_numbers)
{
	char	buf[32];

	cr_expect_eq(pd_text_digits("01632 960 123", 13, buf, sizeof buf), 11);
	cr_expect_str_eq(buf, "01632960123");
	cr_expect_eq(pd_text_digits("+44 (0)1632-960123", 18, buf, sizeof buf),
	    13);
	cr_expect_str_eq(buf, "440163296012" "3");
	cr_expect_eq(pd_text_digits("none", 4, buf, sizeof buf), 0);
	cr_expect_str_eq(buf, "");
	/* Non-ASCII digits (٣) are not copied. */
	cr_expect_eq(pd_text_digits("1\xd9\xa3" "2", 4, buf, sizeof buf), 2);
	cr_expect_str_eq(buf, "12");
	/* Only n bytes are read. */
	cr_expect_eq(pd_text_digits("123456", 3, buf, sizeof buf), 3);
	cr_expect_str_eq(buf, "123");
}

Test(digits, truncation)
{
	char	buf[4] = "xxx";

	cr_expect_eq(pd_text_digits("123456", 6, buf, sizeof buf), 3);
	cr_expect_str_eq(buf, "123");
	cr_expect_eq(pd_text_digits("123456", 6, buf, 1), 0);
	cr_expect_str_eq(buf, "");
	buf[0] = 'x';
	cr_expect_eq(pd_text_digits("123456", 6, buf, 0), 0);
	cr_expect_eq(buf[0], 'x');
	cr_expect_eq(pd_text_digits("123", 3, NULL, 0), 0);
}

/* --- width --------------------------------------------------------- */

static int
width(const char *s)
{
	return pd_utf8_width(s, strlen(s));
}

Test(width, columns)
{
	cr_expect_eq(width(""), 0);
	cr_expect_eq(width("abc"), 3);
	cr_expect_eq(width("Zo\xc3\xab"), 3);				/* Zoë */
	cr_expect_eq(width("Zoe\xcc\x88"), 3);				/* e + ̈ */
	cr_expect_eq(width("\xe6\x97\xa5\xe6\x9c\xac"), 4);		/* 日本 */
	cr_expect_eq(width("\xea\xb0\x80"), 2);				/* 가 */
	cr_expect_eq(width("\xef\xbc\xa1"), 2);				/* Ａ */
	cr_expect_eq(width("\xf0\x9f\x98\x80"), 2);			/* 😀 */
	cr_expect_eq(width("a\tb\n"), 2);				/* controls */
	cr_expect_eq(width("\x7f\xc2\x85"), 0);				/* DEL, NEL */
	cr_expect_eq(width("a\xff" "b"), 3);				/* invalid */
	cr_expect_eq(width("\xe2\x82"), 2);				/* 2 bad bytes */
	cr_expect_eq(width("\xe2\x80\x8b"), 0);				/* ZWSP */
	cr_expect_eq(pd_utf8_width("abc", 2), 2);
}

static void
expect_fit(const char *s, int cols, size_t want_bytes, int want_used)
{
	int	used = -1;
	size_t	got = pd_utf8_fit(s, strlen(s), cols, &used);

	cr_expect_eq(got, want_bytes, "fit(\"%s\", %d) = %zu bytes, want %zu",
	    s, cols, got, want_bytes);
	cr_expect_eq(used, want_used, "fit(\"%s\", %d) used %d, want %d", s,
	    cols, used, want_used);
}

Test(fit, prefixes)
{
	expect_fit("hello", 3, 3, 3);
	expect_fit("hello", 10, 5, 5);
	expect_fit("hello", 0, 0, 0);
	expect_fit("hello", -5, 0, 0);
	expect_fit("", 4, 0, 0);
	expect_fit("Zo\xc3\xab!", 3, 4, 3);			/* whole ë */
	expect_fit("Zo\xc3\xab!", 2, 2, 2);
	/* Combining marks stay with their base character. */
	expect_fit("e\xcc\x81x", 1, 3, 1);
	expect_fit("\xff\xff", 1, 1, 1);
}

Test(fit, never_cuts_a_wide_character)
{
	/* 日本語: 3 bytes and 2 columns each. */
	const char	*s = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";
	int		 cols;

	expect_fit(s, 1, 0, 0);
	expect_fit(s, 2, 3, 2);
	expect_fit(s, 3, 3, 2);
	expect_fit(s, 5, 6, 4);
	expect_fit(s, 6, 9, 6);
	expect_fit("a\xe6\x97\xa5", 2, 1, 1);
	expect_fit("a\xf0\x9f\x98\x80" "b", 2, 1, 1);
	expect_fit("a\xf0\x9f\x98\x80" "b", 3, 5, 3);

	/* Over a mixed string: every prefix is whole and fits. */
	s = "a\xe6\x97\xa5" "b\xf0\x9f\x98\x80\xc3\xa9\xcc\x81" "c\xff\xe8\xaa\x9e";
	for (cols = 0; cols < 16; cols++) {
		int	used;
		size_t	len = pd_utf8_fit(s, strlen(s), cols, &used);

		cr_expect_leq(used, cols);
		cr_expect_eq(pd_utf8_width(s, len), used);
		cr_expect(len == strlen(s) ||
		    ((unsigned char)s[len] & 0xC0) != 0x80,
		    "cut inside a character at %zu", len);
		cr_expect(len == strlen(s) ||
		    pd_utf8_width(s, len + pd_utf8_decode(s + len,
		    strlen(s) - len, NULL)) > cols,
		    "prefix at %d columns is not the longest", cols);
	}
	cr_expect_eq(pd_utf8_fit(s, strlen(s), 3, NULL), 4);
}

Test(cut, never_inside_a_character)
{
	const char *s = "Zo\xc3\xab \xe2\x80\x94 \xf0\x9f\x98\x80";   /* Zoë — 😀 */
	size_t n = strlen(s);

	cr_assert_eq(pd_utf8_cut(s, n, n + 5), n, "short enough: whole");
	cr_assert_eq(pd_utf8_cut(s, n, 3), 2, "not half of ë");
	cr_assert_eq(pd_utf8_cut(s, n, 4), 4);
	cr_assert_eq(pd_utf8_cut(s, n, 6), 5, "not the first bytes of —");
	cr_assert_eq(pd_utf8_cut(s, n, 10), 9, "not the first bytes of 😀");
	cr_assert_eq(pd_utf8_cut(s, n, 0), 0);
}

Test(cut, whole_drops_only_a_character_cut_short)
{
	const char *s = "Zo\xc3\xab \xe2\x80\x94 \xef\xbf\xbd";   /* Zoë — U+FFFD */
	size_t n = strlen(s);

	cr_assert_eq(pd_utf8_whole(s, n), n, "complete, U+FFFD included");
	cr_assert_eq(pd_utf8_whole(s, 3), 2, "ë cut after its first byte");
	cr_assert_eq(pd_utf8_whole(s, 4), 4);
	cr_assert_eq(pd_utf8_whole(s, 6), 5, "— cut after one byte");
	cr_assert_eq(pd_utf8_whole(s, 7), 5, "— cut after two");
	cr_assert_eq(pd_utf8_whole(s, 8), 8);
	cr_assert_eq(pd_utf8_whole("abc", 3), 3);
	cr_assert_eq(pd_utf8_whole("", 0), 0);
}
