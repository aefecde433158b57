/*
 * ui_bench_filter.c — the cost of one keystroke in the Directory filter:
 * the real client (app_key + app_draw) on an off-screen 24x80 screen, on
 * a database given as argument (e.g. a million people), typing queries a
 * character at a time and timing each keystroke from key to finished
 * frame.
 *
 *   make bench && tests/bench/ui_bench_filter DB [QUERY...]
 *
 * Prints, per query, each keystroke's time, and at the end the median,
 * 90th percentile and maximum over every keystroke; then, for scale, the
 * time of a few whole-list keys (G to the end of the unfiltered
 * Directory and of the Actions view, which read every id).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "app.h"
#include "keymap.h"
#include "plandesk/directory/open.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static const char *const dflt[] = { "zoe", "karen proctor", "smith", "01632 9000", "lukasz", "s" };
	const char *const *queries = dflt;
	int nq = (int)(sizeof dflt / sizeof dflt[0]);
	struct pd_open_opts oo = { .read_only = false };
	struct pd_store *st;
	struct pd_err err;
	struct app a;
	double t[4096];
	int nt = 0;
	FILE *out, *in;
	SCREEN *scr;

	if (argc < 2) {
		fprintf(stderr, "usage: %s DB [QUERY...]\n", argv[0]);
		return 2;
	}
	if (argc > 2) {
		queries = (const char *const *)argv + 2;
		nq = argc - 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	if (pd_store_open(argv[1], &oo, &st, &err) != PD_OK) {
		fprintf(stderr, "%s\n", err.msg);
		return 2;
	}
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (!out || !in || !(scr = newterm("xterm-256color", out, in))) {
		fprintf(stderr, "cannot start curses\n");
		return 2;
	}
	set_term(scr);
	resizeterm(24, 80);
	if (app_init(&a, st, NULL, true)) {
		fprintf(stderr, "app_init failed\n");
		return 2;
	}
	app_key(&a, '4');
	app_draw(&a);
	for (int q = 0; q < nq; q++) {
		const char *p = queries[q];

		app_key(&a, '/');
		app_draw(&a);
		printf("%-16s", queries[q]);
		while (*p && nt < 4096) {
			double t0 = now_ms();
			app_key(&a, (unsigned char)*p++);   /* ASCII queries */
			app_draw(&a);
			t[nt] = now_ms() - t0;
			printf(" %.3f", t[nt]);
			nt++;
		}
		printf("  [%s]\n", a.pos);
		app_key(&a, UI_ESC);
		app_draw(&a);
	}
	qsort(t, (size_t)nt, sizeof t[0], cmp);
	printf("keystrokes: %d  median %.3f ms  p90 %.3f ms  max %.3f ms\n", nt,
	       t[nt / 2], t[nt * 9 / 10], t[nt - 1]);
	{
		static const struct { int view; int key; const char *what; } big[] = {
			{ '4', 'G', "Directory, G (every id)" },
			{ '4', 'g', "Directory, g" },
			{ '2', 0,   "Actions, first screen" },
			{ '2', 'G', "Actions, G (every open action)" },
			{ '1', 0,   "Plans, first screen" },
		};
		for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
			double t0 = now_ms();
			app_key(&a, big[i].view);
			if (big[i].key)
				app_key(&a, big[i].key);
			app_draw(&a);
			printf("%-32s %9.3f ms  [%s]\n", big[i].what, now_ms() - t0, a.pos);
		}
	}
	app_free(&a);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	pd_store_close(st);
	return 0;
}
