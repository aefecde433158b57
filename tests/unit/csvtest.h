/*
 * csvtest.h — helpers for the CSV tests: fixture paths, reading every row
 * of a file, and a reader for the csv-spectrum acid tests' JSON (arrays of
 * flat objects whose values are strings, which is all those files hold).
 */
#ifndef PLANDESK_CSVTEST_H
#define PLANDESK_CSVTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "plandesk/base/buf.h"
#include "plandesk/transfer/csv.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

/* A fixture under tests/data (a static buffer: use before the next call). */
static inline const char *fixture(const char *name)
{
	static char path[1024];

	snprintf(path, sizeof path, "%s/tests/data/%s", TOP_SRCDIR, name);
	return path;
}

/* The whole of a file, malloc'd and NUL-terminated; *n its length. */
static inline char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	struct pd_buf b = PD_BUF_INIT;
	char chunk[65536];
	size_t got;

	cr_assert_not_null(f, "cannot open %s", path);
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		cr_assert_eq(pd_buf_add(&b, chunk, got), PD_OK);
	fclose(f);
	if (!b.p)
		cr_assert_eq(pd_buf_add(&b, "", 0), PD_OK);
	*n = b.n;
	return b.p;
}

static inline void spill(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f, "cannot create %s", path);
	cr_assert_eq(fwrite(p, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
}

/* Rows as read: fields joined by '|' , rows by '\n', each prefixed with
 * "LINE:" — a compact form to compare in assertions. */
static inline int read_all(struct pd_csv_reader *r, struct pd_buf *out,
			   struct pd_err *err)
{
	struct pd_csv_row row;
	int rc;

	pd_buf_reset(out);
	while ((rc = pd_csv_next(r, &row, err)) == PD_OK) {
		pd_buf_printf(out, "%lu:", row.line);
		for (size_t i = 0; i < row.n; i++) {
			if (i)
				pd_buf_putc(out, '|');
			pd_buf_add(out, row.f[i], row.len[i]);
		}
		pd_buf_putc(out, '\n');
	}
	return rc == PD_NOTFOUND ? PD_OK : rc;
}

/* --- csv-spectrum's JSON ------------------------------------------------- */

struct jrow {
	size_t n;
	char  *key[16];
	char  *val[16];
};

struct jdoc {
	size_t      n;
	struct jrow row[16];
};

static inline void jskip(const char **p)
{
	while (**p == ' ' || **p == '\n' || **p == '\r' || **p == '\t' || **p == ',' ||
	       **p == ':')
		(*p)++;
}

static inline char *jstring(const char **p)
{
	struct pd_buf b = PD_BUF_INIT;

	cr_assert_eq(**p, '"', "JSON: a string expected at \"%.20s\"", *p);
	(*p)++;
	pd_buf_add(&b, "", 0);
	while (**p && **p != '"') {
		char c = *(*p)++;
		if (c == '\\') {
			c = *(*p)++;
			switch (c) {
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'u': {
				unsigned cp = (unsigned)strtoul((char[5]){ (*p)[0], (*p)[1],
					(*p)[2], (*p)[3], 0 }, NULL, 16);
				*p += 4;
				if (cp < 0x80) {
					pd_buf_putc(&b, (int)cp);
				} else if (cp < 0x800) {
					pd_buf_putc(&b, (int)(0xC0 | cp >> 6));
					pd_buf_putc(&b, (int)(0x80 | (cp & 0x3F)));
				} else {
					pd_buf_putc(&b, (int)(0xE0 | cp >> 12));
					pd_buf_putc(&b, (int)(0x80 | ((cp >> 6) & 0x3F)));
					pd_buf_putc(&b, (int)(0x80 | (cp & 0x3F)));
				}
				continue;
			}
			default: break;   /* \" \\ \/ */
			}
		}
		pd_buf_putc(&b, c);
	}
	(*p)++;
	return b.p;
}

static inline void jobject(const char **p, struct jrow *row)
{
	cr_assert_eq(**p, '{');
	(*p)++;
	row->n = 0;
	for (jskip(p); **p != '}'; jskip(p)) {
		cr_assert_lt(row->n, 16);
		row->key[row->n] = jstring(p);
		jskip(p);
		row->val[row->n++] = jstring(p);
	}
	(*p)++;
}

/* Parse `s`: an array of objects, or one object. */
static inline void jparse(const char *s, struct jdoc *doc)
{
	const char *p = s;

	doc->n = 0;
	jskip(&p);
	if (*p == '{') {
		jobject(&p, &doc->row[doc->n++]);
		return;
	}
	cr_assert_eq(*p, '[');
	p++;
	for (jskip(&p); *p != ']'; jskip(&p)) {
		cr_assert_lt(doc->n, 16);
		jobject(&p, &doc->row[doc->n++]);
	}
}

static inline void jfree(struct jdoc *doc)
{
	for (size_t i = 0; i < doc->n; i++)
		for (size_t k = 0; k < doc->row[i].n; k++) {
			free(doc->row[i].key[k]);
			free(doc->row[i].val[k]);
		}
}

/* The csv-spectrum directory next to the source tree, or NULL. */
static inline const char *spectrum_dir(void)
{
	static char dir[1024];
	FILE *f;

	snprintf(dir, sizeof dir, "%s/../shared/csv-spectrum", TOP_SRCDIR);
	{
		char probe[1100];
		snprintf(probe, sizeof probe, "%s/csvs/simple.csv", dir);
		if (!(f = fopen(probe, "rb")))
			return NULL;
		fclose(f);
	}
	return dir;
}

/* csv-spectrum's cases, all but location_coordinates (see the tests). */
static const char *const spectrum_cases[] __attribute__((unused)) = {
	"comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json",
	"newlines", "newlines_crlf", "quotes_and_newlines", "simple",
	"simple_crlf", "utf8",
};

/* --- importing into the test database (include testdb.h first) ---------- */
#ifdef PLANDESK_TESTDB_H
#include "plandesk/transfer/transfer.h"

/* Warnings given by the last import, one a line. */
static struct pd_buf warned __attribute__((unused));

static inline void note_warning(void *ctx, const char *msg)
{
	(void)ctx;
	pd_buf_puts(&warned, msg);
	pd_buf_putc(&warned, '\n');
}

/* Import a file; `opts` may be NULL.  Returns the code. */
static inline int import_path(enum pd_kind kind, const char *path,
			      const struct pd_import_opts *opts,
			      struct pd_import_stats *st, struct pd_err *err)
{
	struct pd_import_opts o = { .kind = kind };
	const char *slash = strrchr(path, '/');

	if (opts)
		o = *opts;
	o.kind = kind;
	o.name = slash ? slash + 1 : path;
	o.warn = note_warning;
	pd_buf_reset(&warned);
	return pd_import_file(tdb.st, path, &o, st, err);
}

/* Import a fixture and assert it succeeds. */
static inline struct pd_import_stats import_ok(enum pd_kind kind, const char *path)
{
	struct pd_import_stats st;
	struct pd_err err = { 0 };
	int rc = import_path(kind, path, NULL, &st, &err);

	cr_assert_eq(rc, PD_OK, "import %s: %s", path, err.msg);
	return st;
}

/* Import text as "test.csv". */
static inline int import_text(enum pd_kind kind, const char *csv,
			      struct pd_import_stats *st, struct pd_err *err)
{
	struct pd_import_opts o = { .kind = kind, .name = "test.csv",
				    .warn = note_warning };

	pd_buf_reset(&warned);
	return pd_import_mem(tdb.st, csv, strlen(csv), &o, st, err);
}

/* The sample data of share/sample, as `plandesk demo` loads it. */
static inline void import_samples(void)
{
	static const char *const files[] = { "orgs", "people", "plans", "items",
					     "meetings", "actions", "updates" };
	static const enum pd_kind kinds[] = { PD_ORG, PD_PERSON, PD_PLAN, PD_ITEM,
					      PD_MEETING, PD_ACTION, PD_UPDATE };
	char path[1024];

	for (size_t i = 0; i < 7; i++) {
		snprintf(path, sizeof path, "%s/share/sample/%s.csv", TOP_SRCDIR, files[i]);
		import_ok(kinds[i], path);
	}
}

/* The record of `kind` whose TEXT field f is `value` (asserts it exists);
 * free with pd_record_clear. */
static inline struct pd_record find_rec(enum pd_kind kind, int f, const char *value)
{
	struct pd_record r;
	struct pd_cursor *cur;
	struct pd_txn *txn;
	uint64_t id;

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_cursor_kind(txn, kind, 0, &cur, NULL), PD_OK);
	while (pd_cursor_next(cur, &id, NULL) == PD_OK) {
		cr_assert_eq(pd_get(txn, kind, id, &r, NULL), PD_OK);
		if (!strcmp(pd_get_text(&r, f), value)) {
			pd_cursor_close(cur);
			pd_txn_end(txn);
			return r;
		}
		pd_record_clear(&r);
	}
	pd_cursor_close(cur);
	pd_txn_end(txn);
	cr_assert_fail("no %s with %s \"%s\"", pd_kind_info(kind)->name,
		       pd_kind_info(kind)->fields[f].name, value);
	return r;
}

/* Text field f of the record `ref` (kind, id). */
static inline char *text_of(enum pd_kind kind, uint64_t id, int f)
{
	struct pd_record r;
	char *s;

	cr_assert_eq(tdb_get(kind, id, &r), PD_OK);
	s = strdup(pd_get_text(&r, f));
	pd_record_clear(&r);
	return s;
}

static inline uint64_t changes(void)
{
	uint64_t n;

	cr_assert_eq(pd_store_changes(tdb.st, &n, NULL), PD_OK);
	return n;
}
#endif

#endif
