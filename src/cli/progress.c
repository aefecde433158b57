/*
 * progress.c — the progress line of long imports and exports: rows,
 * percent and rows per second on stderr, redrawn at most ten times a
 * second, and only on a terminal.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli_transfer.h"

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void cli_progress_init(struct cli_progress *p, const char *what)
{
	p->what = what;
	p->tty = isatty(2);
	p->shown = false;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->last = p->start;
}

void cli_progress_clear(struct cli_progress *p)
{
	if (p->shown)
		fputs("\r\033[K", stderr);
	p->shown = false;
}

void cli_progress_cb(void *ctx, const struct pd_progress *pr)
{
	struct cli_progress *p = ctx;
	struct timespec now;
	double elapsed;

	if (!p->tty)
		return;
	if (pr->last) {
		cli_progress_clear(p);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	elapsed = since(&p->start, &now);
	if (elapsed < 0.5 || (p->shown && since(&p->last, &now) < 0.1))
		return;
	p->last = now;
	fprintf(stderr, "\r%s: %llu rows", p->what, (unsigned long long)pr->rows);
	if (pr->total)
		fprintf(stderr, ", %3.0f%%", 100.0 * (double)pr->done / (double)pr->total);
	fprintf(stderr, ", %.0f rows/s\033[K", (double)pr->rows / elapsed);
	fflush(stderr);
	p->shown = true;
}

void cli_progress_warn(void *ctx, const char *msg)
{
	cli_progress_clear(ctx);
	fprintf(stderr, "%s\n", msg);
}
