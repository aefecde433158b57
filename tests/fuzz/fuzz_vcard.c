/*
 * fuzz_vcard.c — libFuzzer target for the vCard reader (vcard.h) and the
 * people import built on it: each input is read event by event, every
 * property's value and first components unescaped, then imported (a dry
 * run) as people into a store made once per process.  A value unescaped
 * and escaped again must unescape to the same text.
 *
 *   ./configure --enable-fuzzing CC=clang && make tests/fuzz/fuzz_vcard
 *   tests/fuzz/fuzz_vcard -max_total_time=120 -max_len=8192 /tmp/corpus_vcard
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* nftw */
#endif
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/transfer/transfer.h"
#include "plandesk/transfer/vcard.h"
#include "plandesk/directory/open.h"

static struct pd_store *st;
static char dir[64];

static int rm1(const char *p, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb; (void)type; (void)ftw;
	return remove(p);
}

static void teardown(void)
{
	pd_store_close(st);
	nftw(dir, rm1, 8, FTW_DEPTH | FTW_PHYS);
}

static void setup(void)
{
	char path[128];
	struct pd_err err;

	snprintf(dir, sizeof dir, "/tmp/plandesk-fuzz-XXXXXX");
	if (!mkdtemp(dir) ||
	    (snprintf(path, sizeof path, "%s/fuzz.db", dir),
	     pd_store_open(path, NULL, &st, &err) != PD_OK)) {
		fprintf(stderr, "fuzz_vcard: cannot set up %s\n", dir);
		abort();
	}
	atexit(teardown);
}

/* CRLF and CR as LF, in place: escaping writes every line break as \n. */
static void lf(struct pd_buf *b)
{
	size_t k = 0;

	for (size_t i = 0; i < b->n; i++) {
		if (b->p[i] == '\r' && i + 1 < b->n && b->p[i + 1] == '\n')
			continue;
		b->p[k++] = b->p[i] == '\r' ? '\n' : b->p[i];
	}
	b->n = k;
}

/* Unescape, escape, unescape: the text must come back the same (its line
 * breaks as LF). */
static void round_trip(const struct pd_vcard_prop *p)
{
	struct pd_buf a = PD_BUF_INIT, e = PD_BUF_INIT, b = PD_BUF_INIT;
	struct pd_vcard_prop q = *p;

	if (pd_vcard_text(p, PD_VCARD_WHOLE, &a) == PD_OK && p->version != 21 &&
	    pd_vcard_escape(&e, a.p ? a.p : "", a.n) == PD_OK) {
		q.value = e.p ? e.p : "";
		q.len = e.n;
		lf(&a);
		if (pd_vcard_text(&q, PD_VCARD_WHOLE, &b) == PD_OK &&
		    (a.n != b.n || (a.n && memcmp(a.p, b.p, a.n)))) {
			fprintf(stderr, "fuzz_vcard: escape does not round-trip\n");
			abort();
		}
	}
	pd_buf_free(&a);
	pd_buf_free(&e);
	pd_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pd_import_opts o = { .kind = PD_PERSON, .format = PD_IMPORT_VCARD,
				    .name = "fuzz.vcf", .dry_run = true };
	struct pd_vcard_reader *r;
	struct pd_vcard_prop p;
	struct pd_buf t = PD_BUF_INIT;
	struct pd_err err;

	if (!st)
		setup();
	if (pd_vcard_open_mem(data, size, NULL, &r, &err) == PD_OK) {
		while (pd_vcard_next(r, &p, &err) == PD_OK) {
			if (p.event != PD_VCARD_PROP)
				continue;
			if (strlen(p.value) != p.len)
				abort();
			for (size_t c = 0; c < 3; c++) {
				pd_buf_reset(&t);
				pd_vcard_text(&p, c, &t);
			}
			round_trip(&p);
		}
		pd_vcard_close(r);
	}
	pd_buf_free(&t);
	pd_import_mem(st, data, size, &o, NULL, &err);
	return 0;
}
