/*
 * run.c — ui_run: the terminal set up and torn down around the main loop.
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "plandesk/base/text.h"
#include "app.h"
#include "form.h"
#include "ui.h"

#define PASTE_DRAW_MS 100   /* draw at least this often during a paste */

/* Set by SIGINT/SIGTERM/SIGHUP; the loop sees it and leaves cleanly. */
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
	stop_signal = sig;
}

static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/*
 * Keys are read a byte at a time and UTF-8 is put together here, not by
 * wget_wch: on a byte that is not UTF-8 (a paste from a Windows-1252
 * document) ncurses' wget_wch drops every key already typed after it.
 * A byte that starts no valid sequence, or a sequence cut short, is one
 * U+FFFD; the key that cut it short is read next, not lost.
 */
static int utf8_length(int lead)
{
	if ((lead & 0xe0) == 0xc0)
		return 2;
	if ((lead & 0xf0) == 0xe0)
		return 3;
	if ((lead & 0xf8) == 0xf0)
		return 4;
	return 1;
}

/* The next key as curses gives it, the paste brackets taken out. */
static int next_key(struct app *a)
{
	int c;

	do {
		/* A view waiting to do something soon (keep a half-typed
		 * line) shortens the wait for a key, but not within a paste. */
		timeout(!a->paste.on && a->wake_ms > 0 && a->wake_ms < UI_TICK_MS
			? a->wake_ms : UI_TICK_MS);
		a->wake_ms = 0;
	} while ((c = ui_paste_key(&a->paste, wgetch(stdscr))) == UI_PASTE_SKIP);
	return c;
}

int app_getkey(struct app *a)
{
	char buf[4];
	int c, len, n = 0;
	uint32_t cp;

	if ((c = next_key(a)) == ERR)
		return -1;
	if (c == KEY_ENTER || c == '\r')
		return UI_ENTER;
	if (c >= KEY_MIN)
		return UI_FN(c);
	if (c == UI_ESC) {
		/* Alt-x arrives as Esc and x in one write: both are already
		 * read, so look without waiting.  A lone Esc is Esc. */
		int d;
		nodelay(stdscr, TRUE);
		d = wgetch(stdscr);
		nodelay(stdscr, FALSE);
		if ((d >= 32 && d <= 127) || d == UI_CTRL('H'))
			return UI_ALT(d);   /* Alt-Backspace too */
		if (d != ERR)
			ungetch(d);
		return UI_ESC;
	}
	if (c < 0x80)
		return c;
	buf[n++] = (char)c;
	len = utf8_length(c);
	while (n < len) {
		/* The rest of a character comes in the same write; wait at
		 * most a tick for it. */
		int d = wgetch(stdscr);
		if (d == ERR)
			break;
		if (d >= KEY_MIN || (d & 0xc0) != 0x80) {
			ungetch(d);
			break;
		}
		buf[n++] = (char)d;
	}
	if (pd_utf8_decode(buf, (size_t)n, &cp) != (size_t)n)
		return (int)PD_UTF8_REPLACEMENT;
	return (int)cp;
}

/* Keys already typed and not yet read (a paste going on)?  A paste's
 * closing bracket is no key: the screen is drawn when it comes. */
static bool keys_waiting(struct app *a)
{
	int c;

	nodelay(stdscr, TRUE);
	while (ui_paste_bracket(c = wgetch(stdscr)))
		ui_paste_key(&a->paste, c);
	nodelay(stdscr, FALSE);
	if (c == ERR)
		return false;
	ungetch(c);
	return true;
}

static long since_ms(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t->tv_sec) * 1000 +
	       (long)(now.tv_nsec - t->tv_nsec) / 1000000;
}

static bool env_set(const char *name)
{
	const char *v = getenv(name);
	return v && *v;
}

int ui_run(struct pd_store *st, const struct ui_opts *o)
{
	const char *term = getenv("TERM");
	bool color;
	SCREEN *scr;
	struct app a;
	struct timespec drawn;
	bool undrawn = false;

	setlocale(LC_ALL, "");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "plandesk: the full-screen client needs a terminal; "
			"see plandesk --help for the commands\n");
		return 2;
	}
	if (!term || !*term) {
		fprintf(stderr, "plandesk: TERM is not set, so the full-screen client "
			"cannot run; see plandesk --help for the commands\n");
		return 2;
	}
	color = !(o && o->mono) && !env_set("NO_COLOR") && strcmp(term, "dumb") != 0;
	/* newterm, not initscr: initscr exits on an unknown terminal. */
	if (!(scr = newterm(NULL, stdout, stdin))) {
		fprintf(stderr, "plandesk: cannot start the full-screen client on "
			"terminal type \"%s\"; see plandesk --help for the commands\n", term);
		return 2;
	}
	set_term(scr);
	/* A terminal that cannot move the cursor (TERM=dumb) cannot show a
	 * full screen: say so rather than scribble. */
	{
		char *cup = tigetstr("cup");
		if (!cup || cup == (char *)-1) {
			endwin();
			delscreen(scr);
			fprintf(stderr, "plandesk: cannot start the full-screen client: "
				"terminal type \"%s\" cannot move the cursor; see "
				"plandesk --help for the commands\n", term);
			return 2;
		}
	}
	if (color && has_colors())
		start_color();
	cbreak();
	/* Ctrl-C must not make the terminal throw away keys typed ahead of
	 * it: Ctrl-C in a form asks before anything is discarded. */
	noqiflush();
	noecho();
	keypad(stdscr, TRUE);
	ui_paste_keys();
	/* Draw every frame whole even with keys waiting: frames are cheap,
	 * and a half-drawn screen misleads. */
	typeahead(-1);
	set_escdelay(25);
	timeout(UI_TICK_MS);
	curs_set(1);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		  | BUTTON5_PRESSED
#endif
		  , NULL);
	mouseinterval(0);
	catch_signals();
	if (app_init(&a, st, o ? o->share_dir : NULL, color)) {
		endwin();
		delscreen(scr);
		fprintf(stderr, "plandesk: out of memory\n");
		return 2;
	}
	a.demo = o && o->demo;
	ui_paste_mode(true);
	app_draw(&a);
	clock_gettime(CLOCK_MONOTONIC, &drawn);
	while (!a.quit) {
		int key;

		if (stop_signal == SIGINT && (a.prompt.kind != UI_PR_NONE ||
					      ui_is_form(app_top(&a)))) {
			/* Ctrl-C in a prompt or a form cancels it, as Esc does:
			 * nothing typed is thrown away without a question. */
			stop_signal = 0;
			app_key(&a, UI_ESC);
			app_draw(&a);
			continue;
		}
		if (stop_signal)
			break;
		key = app_getkey(&a);

		if (key < 0) {
			/* A key taken but not drawn (what seemed to wait was a
			 * paste's closing bracket) is drawn now. */
			if (app_poll(&a) || undrawn) {
				app_draw(&a);
				undrawn = false;
			}
			continue;
		}
		app_key(&a, key);
		undrawn = true;
		if (!a.quit) {
			app_poll(&a);
			/* A paste arrives as thousands of keys: draw when they
			 * stop coming, or every so often, not after each. */
			if (!keys_waiting(&a) || since_ms(&drawn) >= PASTE_DRAW_MS) {
				app_draw(&a);
				undrawn = false;
				clock_gettime(CLOCK_MONOTONIC, &drawn);
			}
		}
	}
	app_free(&a);
	endwin();
	ui_paste_mode(false);
	delscreen(scr);
	return a.exit_code;
}
