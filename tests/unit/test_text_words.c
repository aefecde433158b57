/* test_text_words.c — UTF-8 helpers: splitting words, and digits. */
#include "texttest.h"

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
