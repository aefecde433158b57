/*
 * test_text.c — the line editor and text drawing: UTF-8 in, characters
 * moved over whole, wide characters drawn by display columns, invalid
 * bytes shown as U+FFFD and control characters never sent.
 */
#include "uitest.h"

#include "draw.h"
#include "lineedit.h"
#include "paste.h"

TestSuite(text, .init = ut_setup, .fini = ut_teardown);

Test(text, the_editor_inserts_and_deletes_whole_characters)
{
	struct ui_lineedit le;

	cr_assert_eq(ui_le_init(&le), 0);
	ui_le_insert(&le, 0x5C71);   /* 山 */
	ui_le_insert(&le, 'a');
	ui_le_insert(&le, 0xEB);     /* ë */
	cr_assert_str_eq(le.s, "山aë");
	cr_assert_eq(ui_le_key(&le, UI_FN(KEY_LEFT)), UI_LE_MOVED);
	cr_assert_eq(le.cur, 4);
	ui_le_key(&le, UI_FN(KEY_LEFT));
	ui_le_key(&le, UI_FN(KEY_LEFT));
	cr_assert_eq(le.cur, 0);
	ui_le_key(&le, UI_FN(KEY_RIGHT));
	cr_assert_eq(le.cur, 3, "one step over a 3-byte character");
	cr_assert_eq(ui_le_key(&le, 127), UI_LE_CHANGED);
	cr_assert_str_eq(le.s, "aë");
	ui_le_key(&le, UI_CTRL('E'));
	ui_le_key(&le, UI_FN(KEY_BACKSPACE));
	cr_assert_str_eq(le.s, "a");
	cr_assert_eq(ui_le_key(&le, UI_ENTER), UI_LE_UNHANDLED);
	ui_le_free(&le);
}

Test(text, kill_keys_cut_words_and_lines)
{
	struct ui_lineedit le;

	ui_le_init(&le);
	ui_le_set(&le, "KP to e-mail Zoë");
	ui_le_key(&le, UI_CTRL('W'));
	cr_assert_str_eq(le.s, "KP to e-mail ");
	ui_le_key(&le, UI_CTRL('A'));
	ui_le_key(&le, UI_CTRL('K'));
	cr_assert_str_eq(le.s, "");
	ui_le_set(&le, "abc");
	ui_le_key(&le, UI_FN(KEY_LEFT));
	ui_le_key(&le, UI_CTRL('U'));
	cr_assert_str_eq(le.s, "c");
	ui_le_free(&le);
}

Test(text, invalid_utf8_is_repaired_when_editing_starts)
{
	struct ui_lineedit le;

	ui_le_init(&le);
	ui_le_set(&le, "a\xff" "b");
	cr_assert_str_eq(le.s, "a\xef\xbf\xbd" "b");
	ui_le_free(&le);
}

Test(text, the_editor_scrolls_by_display_columns)
{
	struct ui_lineedit le;
	int cx = -1;

	ui_le_init(&le);
	ui_le_set(&le, "一二三四五六七八九十");   /* 20 columns */
	ui_le_draw(&le, 5, 0, 10, A_NORMAL, false, &cx);
	/* The cursor at the end needs the last 4 characters and a free cell. */
	cr_assert_eq(cx, 9);
	cr_assert(strncmp(ut_line(5), "七八九十", strlen("七八九十")) == 0 ||
		  strncmp(ut_line(5), " 七八九十", strlen(" 七八九十")) == 0,
		  "[%s]", ut_line(5));
	ui_le_key(&le, UI_CTRL('A'));
	ui_le_draw(&le, 5, 0, 10, A_NORMAL, false, &cx);
	cr_assert_eq(cx, 0);
	cr_assert(strncmp(ut_line(5), "一二三四五", strlen("一二三四五")) == 0, "[%s]", ut_line(5));
	ui_le_free(&le);
}

Test(text, put_shows_bad_bytes_as_replacement_and_no_controls)
{
	int w;

	erase();
	w = ui_puts(2, 0, 20, "ok\xff" "x\x1b[2Jy\tz", A_NORMAL, false);
	cr_assert(strncmp(ut_line(2), "ok\xef\xbf\xbdx\xef\xbf\xbd[2Jy z",
			  strlen("ok\xef\xbf\xbdx\xef\xbf\xbd[2Jy z")) == 0, "[%s]", ut_line(2));
	cr_assert_eq(w, 11);
}

Test(text, put_never_splits_a_wide_character)
{
	int w;

	erase();
	w = ui_puts(3, 0, 5, "漢字漢字", A_NORMAL, false);
	cr_assert_eq(w, 4, "two characters fit in 5 columns, not two and a half");
	cr_assert(strncmp(ut_line(3), "漢字 ", strlen("漢字 ")) == 0, "[%s]", ut_line(3));
}

Test(text, ellipsize_cuts_by_columns)
{
	char buf[64];

	ui_ellipsize("Zoë Ashworth", 6, false, buf, sizeof buf);
	cr_assert_str_eq(buf, "Zoë A…");
	ui_ellipsize("Zoë", 6, false, buf, sizeof buf);
	cr_assert_str_eq(buf, "Zoë");
	ui_ellipsize("Zoë Ashworth", 6, true, buf, sizeof buf);
	cr_assert_str_eq(buf, "Zoë...");
}

Test(text, wrap_line_breaks_after_the_last_space_that_fits)
{
	const char *s = "minutes: cannot create /a/long/path: No such file";
	size_t n = strlen(s);

	cr_assert_eq(ui_wrap_line(s, n, 80), n, "all of it fits");
	cr_assert_eq(ui_wrap_line(s, n, 20), strlen("minutes: cannot "),
		     "broken after the last space that fits");
	cr_assert_eq(ui_wrap_line("abcdefghij", 10, 4), 4, "a long word is cut");
	cr_assert_eq(ui_wrap_line("山山山", 9, 3), 3, "never inside a wide character");
	cr_assert_eq(ui_wrap_line("山山", 6, 1), 3, "at least one character");
}

/* The keys a bracketed paste gives, as the client sees them. */
static void paste_keys(const int *in, size_t n, char *out)
{
	struct ui_paste p = { 0 };

	for (size_t i = 0; i < n; i++) {
		int k = ui_paste_key(&p, in[i]);
		if (k == UI_PASTE_SKIP)
			continue;
		*out++ = k == ERR ? '#' : (char)k;
	}
	*out = '\0';
}

Test(text, a_bracketed_paste_keeps_its_lines_but_not_its_tabs)
{
	/* The brackets as curses reports them (ui_paste_keys). */
	enum { B = KEY_MAX + 1, E = KEY_MAX + 2 };
	const int pasted[] = { 'a', '\t', 'b', '\r', '\n', '\r', '\n', 'c', '\n', E,
			       '\t', '\n', '\n' };
	const int typed[] = { B, 'a', '\t', 'b', '\r', '\n', '\r', '\n', 'c', '\n', E,
			      '\t', '\n', '\n' };
	const int cut[] = { B, 'x', '\n', ERR, '\n', '\n' };
	char out[32];

	cr_assert(ui_paste_bracket(B) && ui_paste_bracket(E) && !ui_paste_bracket('\n'));
	paste_keys(pasted, sizeof pasted / sizeof *pasted, out);
	cr_assert_str_eq(out, "a\tb\r\n\r\nc\n\t\n\n", "outside a paste every key is itself");
	paste_keys(typed, sizeof typed / sizeof *typed, out);
	cr_assert_str_eq(out, "a b\rc\r\t\n\n",
			 "in a paste: a tab is a space, a run of line breaks one Enter");
	paste_keys(cut, sizeof cut / sizeof *cut, out);
	cr_assert_str_eq(out, "x\r#\n\n", "a paste never closed ends when the keys stop");
}
