/* test_text_width.c — UTF-8 helpers: display width, fitting and cutting. */
#include "texttest.h"

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
