/*
 * uitest.h — the client on an off-screen curses screen for view tests:
 * a store in a temporary directory (testdb.h), newterm on /dev/null at a
 * fixed size, keys fed to app_key, and the screen read back with
 * mvinnwstr.  Include it first.
 */
#ifndef PLANDESK_UITEST_H
#define PLANDESK_UITEST_H

#include "testdb.h"

#include <locale.h>
#include <stdarg.h>
#include <wchar.h>

#include <curses.h>

#include "app.h"
#include "draw.h"
#include "keymap.h"

static struct {
	SCREEN    *scr;
	FILE      *out, *in;
	struct app app;
	bool       started;
} ut __attribute__((unused));

/* Start curses at `lines` x `cols` (no app yet). */
static inline void ut_screen(int lines, int cols)
{
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8 locale");
	setenv("TERM", "xterm-256color", 1);
	unsetenv("PLANDESK_ASCII");
	ut.out = fopen("/dev/null", "w");
	ut.in = fopen("/dev/null", "r");
	cr_assert(ut.out && ut.in);
	ut.scr = newterm("xterm-256color", ut.out, ut.in);
	cr_assert_not_null(ut.scr, "newterm");
	set_term(ut.scr);
	resizeterm(lines, cols);
	mousemask(ALL_MOUSE_EVENTS, NULL);
}

/* Start the app on tdb.st (fill the database first). */
static inline void ut_start(void)
{
	cr_assert_eq(app_init(&ut.app, tdb.st, NULL, false), 0);
	ut.started = true;
	app_draw(&ut.app);
}

/* Suite .init: a store, a 24x80 screen. */
static inline void ut_setup(void)
{
	setenv("PLANDESK_TODAY", "2016-07-01", 1);
	tdb_setup();
	ut_screen(24, 80);
}

/* Suite .fini. */
static inline void ut_teardown(void)
{
	if (ut.started)
		app_free(&ut.app);
	ut.started = false;
	endwin();
	delscreen(ut.scr);
	fclose(ut.out);
	fclose(ut.in);
	tdb_teardown();
}

/* Feed one key and draw. */
static inline void ut_key(int key)
{
	app_key(&ut.app, key);
	app_draw(&ut.app);
}

/* Feed each character of UTF-8 `s` as a key. */
static inline void ut_type(const char *s)
{
	mbstate_t ps;
	wchar_t wc;
	size_t n, len = strlen(s);

	memset(&ps, 0, sizeof ps);
	while (len && (n = mbrtowc(&wc, s, len, &ps)) > 0 && n <= len) {
		ut_key((int)wc);
		s += n;
		len -= n;
	}
}

/* Screen line y as UTF-8 (trailing blanks kept). */
static inline const char *ut_line(int y)
{
	static char buf[4096];
	wchar_t w[1024];
	int n, cy, cx;

	getyx(stdscr, cy, cx);   /* reading moves the cursor: put it back */
	n = mvinnwstr(y, 0, w, 1023);
	move(cy, cx);
	if (n < 0)
		n = 0;
	w[n] = L'\0';
	if (wcstombs(buf, w, sizeof buf) == (size_t)-1)
		snprintf(buf, sizeof buf, "(unconvertible)");
	return buf;
}

/* The row on which `text` appears, or -1. */
static inline int ut_find(const char *text)
{
	for (int y = 0; y < LINES; y++)
		if (strstr(ut_line(y), text))
			return y;
	return -1;
}

/* The whole screen, for failure messages. */
static inline const char *ut_dump(void)
{
	static char all[16384];
	size_t used = 0;

	for (int y = 0; y < LINES && used < sizeof all - 200; y++)
		used += (size_t)snprintf(all + used, sizeof all - used, "\n|%s", ut_line(y));
	return all;
}

#define ut_assert_shows(text) \
	cr_assert_geq(ut_find(text), 0, "screen lacks \"%s\":%s", text, ut_dump())
/* Hidden above the status line (which may name what was just changed). */
#define ut_assert_hides(text) \
	cr_assert(ut_find(text) < 0 || ut_find(text) == LINES - 1, \
		  "screen shows \"%s\":%s", text, ut_dump())

/* The status line. */
/* The status line; a message too long for it, the rows it wraps over
 * (joined by spaces, with whatever of the view shares them above it). */
static inline const char *ut_status(void)
{
	static char all[8192];
	int rows = 1;
	size_t len = 0;

	if (ut.app.msg[0] && ui_width(ut.app.msg, strlen(ut.app.msg)) > COLS)
		rows = UI_MSG_ROWS_MAX < LINES ? UI_MSG_ROWS_MAX : LINES;
	all[0] = '\0';
	for (int y = LINES - rows; y < LINES; y++) {
		const char *l = ut_line(y);
		size_t n = strlen(l);
		while (n && l[n - 1] == ' ')
			n--;
		if (len + n + 2 > sizeof all)
			break;
		memcpy(all + len, l, n);
		len += n;
		if (y + 1 < LINES)
			all[len++] = ' ';
		all[len] = '\0';
	}
	return all;
}

/* Resize the off-screen terminal as a window change would. */
static inline void ut_resize(int lines, int cols)
{
	resizeterm(lines, cols);
	ut_key(UI_FN(KEY_RESIZE));
}

/* --- data --------------------------------------------------------------- */

static inline uint64_t ut_person(const char *name, const char *role, uint64_t org)
{
	struct pd_record r = make_person(name, NULL, NULL, org);

	pd_set_text(&r, PD_PERSON_ROLE, role, (size_t)-1);
	return tdb_add(r);
}

#endif
