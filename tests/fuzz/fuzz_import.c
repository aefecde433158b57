/*
 * fuzz_import.c — libFuzzer target for the CSV importer: the input bytes
 * are imported as people, items, actions and meetings (dry runs, so every
 * input meets the same database) into a store created once per process,
 * which holds a plan, an item, a meeting and a few people for the
 * references to find.
 *
 *   ./configure --enable-fuzzing CC=clang && make tests/fuzz/fuzz_import
 *   cp -r tests/fuzz/corpus_import /tmp/corpus     (libFuzzer adds to it)
 *   tests/fuzz/fuzz_import -max_total_time=120 /tmp/corpus
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

static void seed(enum pd_kind kind, const char *csv)
{
	struct pd_import_opts o = { .kind = kind, .name = "seed.csv" };
	struct pd_err err;

	if (pd_import_mem(st, csv, strlen(csv), &o, NULL, &err) != PD_OK) {
		fprintf(stderr, "fuzz_import: seeding: %s\n", err.msg);
		abort();
	}
}

static void setup(void)
{
	char path[128];
	struct pd_err err;

	snprintf(dir, sizeof dir, "/tmp/plandesk-fuzz-XXXXXX");
	if (!mkdtemp(dir) ||
	    (snprintf(path, sizeof path, "%s/fuzz.db", dir),
	     pd_store_open(path, NULL, &st, &err) != PD_OK)) {
		fprintf(stderr, "fuzz_import: cannot set up %s\n", dir);
		abort();
	}
	atexit(teardown);
	seed(PD_PERSON, "name,initials,organisation,email\n"
	     "Karen Proctor,KP,Cluster 3,kp@example.org\n"
	     "Diane Dawson,DD,Cluster 3,\nDavid Dunn,DD,Police,\n");
	seed(PD_PLAN, "ref,title,scale\nP,Plan P,1-4\nR,Plan R,rag\n");
	seed(PD_ITEM, "plan,ref,title,parent\nP,1,One,\nP,1a,One a,1\nR,1,Red one,\n");
	seed(PD_MEETING, "plan,date,present\nP,2009-05-15,KP\n");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum pd_kind kinds[] = { PD_PERSON, PD_ITEM, PD_ACTION,
					      PD_MEETING };
	struct pd_import_opts o = { .name = "fuzz.csv", .dry_run = true };
	struct pd_import_stats stats;
	struct pd_err err;

	if (!st)
		setup();
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		o.kind = kinds[i];
		pd_import_mem(st, data, size, &o, &stats, &err);
	}
	return 0;
}
