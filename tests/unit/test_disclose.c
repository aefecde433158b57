/*
 * test_disclose.c — the disclosure record on a real store: entries read
 * back as written, numbered, never undone; a file recorded before it is
 * named, and neither without the other; nothing leaves a store opened
 * read-only; minutes, exports and backups filling their entries.
 */
#include "testdb.h"
#include "rawdb.h"

#include <sys/stat.h>
#include <time.h>

#include "plandesk/protect/disclose_out.h"

TestSuite(disclose, .init = tdb_setup, .fini = tdb_teardown);

/* The entries, one a line: "seq|command|what|plan|meeting|rows|path|
 * format|shown|left|reason|user". */
static int collect(void *ctx, const struct pd_disclosure *d)
{
	return pd_buf_printf(ctx, "%llu|%s|%s|%s|%s|%llu|%s|%s|%llu|%llu|%s|%s\n",
			     (unsigned long long)d->seq, d->command, d->what,
			     d->plan ? d->plan : "-", d->meeting ? d->meeting : "-",
			     (unsigned long long)d->rows, d->path ? d->path : "-",
			     d->format ? d->format : "-",
			     (unsigned long long)d->conf_shown,
			     (unsigned long long)d->conf_left_out,
			     d->reason ? d->reason : "-", d->user ? d->user : "?");
}

static char *entries(int64_t since)
{
	struct pd_buf b = PD_BUF_INIT;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_disclosure_each(tdb.st, since, collect, &b, &err), PD_OK, "%s",
		     err.msg);
	pd_buf_putc(&b, '\0');
	return b.p;
}

static size_t count(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static const char *at(const char *name)
{
	static char path[256];

	snprintf(path, sizeof path, "%s/%s", tdb.dir, name);
	return path;
}

Test(disclose, entries_read_back_in_order)
{
	struct pd_disclosure d = { .command = "report progress", .what = "progress report",
				   .plan = "CSE", .rows = 3, .path = "/tmp/r.docx",
				   .format = "docx", .conf_left_out = 2,
				   .reason = "for the select committee" };
	struct pd_err err = { 0 };
	char *s = entries(0), conf[64];

	cr_assert_str_eq(s, "", "nothing recorded yet, no table yet");
	free(s);
	cr_assert_eq(pd_disclosure_record(tdb.st, &d, &err), PD_OK, "%s", err.msg);
	d.command = "purge";
	d.path = d.format = d.reason = NULL;
	d.conf_left_out = 0;
	cr_assert_eq(pd_disclosure_record(tdb.st, &d, &err), PD_OK, "%s", err.msg);
	s = entries(0);
	static const char first[] = "1|report progress|progress report|CSE|-|3|"
				    "/tmp/r.docx|docx|0|2|for the select committee|";

	cr_assert(!strncmp(s, first, sizeof first - 1), "%s", s);
	cr_assert(strstr(s, "\n2|purge|progress report|CSE|-|3|-|-|0|0|-|"), "%s", s);
	cr_assert_eq(count(s), 2);
	free(s);
	/* Only those made at or after `since`. */
	s = entries((int64_t)time(NULL) + 3600);
	cr_assert_str_eq(s, "");
	free(s);
	d.conf_shown = 4;
	pd_disclosure_conf_text(&d, conf, sizeof conf);
	cr_assert_str_eq(conf, "yes (4)");
	d.conf_shown = 0;
	d.conf_left_out = 1;
	pd_disclosure_conf_text(&d, conf, sizeof conf);
	cr_assert_str_eq(conf, "no (1 left out)");
}

/* A relative path is kept as it will still be found. */
Test(disclose, paths_are_made_absolute)
{
	struct pd_disclosure d = { .command = "export people", .what = "people",
				   .path = "people.csv", .format = "csv" };
	char cwd[4096], want[4200], *s;

	cr_assert_not_null(getcwd(cwd, sizeof cwd));
	cr_assert_eq(pd_disclosure_record(tdb.st, &d, NULL), PD_OK);
	s = entries(0);
	snprintf(want, sizeof want, "|%s/people.csv|csv|", cwd);
	cr_assert(strstr(s, want), "%s", s);
	free(s);
}

/* An entry is no change to records: no undo step of its own, and undoing
 * the change before it leaves it. */
Test(disclose, undo_does_not_remove_them)
{
	struct pd_disclosure d = { .command = "minutes", .what = "minutes" };
	size_t nundo = 9, nredo = 9;
	uint64_t plan = tdb_add(make_plan("P", "A plan"));
	char *s;

	cr_assert_eq(pd_store_history(tdb.st, &nundo, &nredo, NULL, 0, NULL), PD_OK);
	cr_assert_eq(nundo, 1);
	cr_assert_eq(pd_disclosure_record(tdb.st, &d, NULL), PD_OK);
	cr_assert_eq(pd_store_history(tdb.st, &nundo, &nredo, NULL, 0, NULL), PD_OK);
	cr_assert_eq(nundo, 1, "the disclosure left no undo step");
	tdb_undo();
	cr_assert_eq(tdb_count(PD_PLAN), 0);
	(void)plan;
	s = entries(0);
	cr_assert_eq(count(s), 1, "%s", s);
	free(s);
	cr_assert_eq(pd_store_redo(tdb.st, NULL, 0, NULL), PD_OK);
	s = entries(0);
	cr_assert_eq(count(s), 1, "%s", s);
	free(s);
}

Test(disclose, a_file_is_recorded_before_it_is_named)
{
	struct pd_disclosure d = { .command = "minutes", .what = "minutes",
				   .format = "md" };
	struct pd_err err = { 0 };
	struct stat sb;
	char *s;

	d.path = at("m.md");
	cr_assert_eq(pd_disclosure_save(tdb.st, &d, "# Minutes\n", 10, &err), PD_OK,
		     "%s", err.msg);
	cr_assert_eq(stat(d.path, &sb), 0);
	cr_assert_eq(sb.st_size, 10);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	/* Nowhere to write it: no file, no entry. */
	d.path = at("no/such/folder/m.md");
	cr_assert_eq(pd_disclosure_save(tdb.st, &d, "# Minutes\n", 10, &err), PD_EIO);
	s = entries(0);
	cr_assert_eq(count(s), 1, "%s", s);
	free(s);
}

Test(disclose, nothing_leaves_a_store_opened_read_only)
{
	struct pd_open_opts ro = { .read_only = true };
	struct pd_disclosure d = { .command = "minutes", .what = "minutes",
				   .format = "md" };
	struct pd_buf out = PD_BUF_INIT;
	struct pd_export_opts eo = { .kind = PD_PLAN };
	struct pd_err err = { 0 };
	struct stat sb;
	char *s;

	tdb_add(make_plan("P", "A plan"));
	tdb_close();
	tdb_open(&ro);
	d.path = at("m.md");
	cr_assert_eq(pd_disclosure_save(tdb.st, &d, "x", 1, &err), PD_EREADONLY);
	cr_assert(strstr(err.msg, "cannot be recorded in the disclosure record; "
			 "nothing was written"), "%s", err.msg);
	cr_assert_neq(stat(d.path, &sb), 0, "no file");
	d.path = NULL;
	cr_assert_eq(pd_disclose_export(tdb.st, &d, &eo, NULL, NULL, &err), PD_EREADONLY);
	d.path = at("b.db");
	cr_assert_eq(pd_disclose_backup(tdb.st, &d, NULL, 0, NULL, &err), PD_EREADONLY);
	cr_assert_neq(stat(d.path, &sb), 0, "no backup");
	s = entries(0);
	cr_assert_str_eq(s, "");
	free(s);
	pd_buf_free(&out);
}

static int to_buf(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	(void)err;
	return pd_buf_add(ctx, p, n);
}

Test(disclose, exports_and_backups_fill_their_entries)
{
	struct pd_record r;
	struct pd_disclosure d = { .command = "export items" };
	struct pd_export_opts eo = { .kind = PD_ITEM };
	struct pd_buf out = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct pd_kdf fast = { 1, 8192 };
	uint64_t plan = tdb_add(make_plan("CSE", "CSE"));
	struct stat sb;
	char *s;

	r = make_item(plan, "1", "One");
	pd_set_flag(&r, PD_ITEM_CONFIDENTIAL, true);
	tdb_add(r);
	tdb_add(make_item(plan, "2", "Two"));
	/* To a sink, after the entry. */
	cr_assert_eq(pd_disclose_export(tdb.st, &d, &eo, to_buf, &out, &err), PD_OK,
		     "%s", err.msg);
	cr_assert(strstr(out.p, "CSE,,1,One,,,,,,,yes\n"), "%s", out.p);
	cr_assert_eq(d.rows, 2);
	cr_assert_eq(d.conf_shown, 1);
	cr_assert_str_eq(d.what, "items");
	/* To a file: its format from the name. */
	d.path = at("items.xlsx");
	cr_assert_eq(pd_disclose_export(tdb.st, &d, &eo, NULL, NULL, &err), PD_OK,
		     "%s", err.msg);
	cr_assert_str_eq(d.format, "xlsx");
	d.command = "backup";
	d.path = at("b.db");
	cr_assert_eq(pd_disclose_backup(tdb.st, &d, NULL, 0, NULL, &err), PD_OK, "%s",
		     err.msg);
	cr_assert_eq(stat(d.path, &sb), 0);
	d.command = "backup --encrypt";
	d.path = at("b.pdbk");
	cr_assert_eq(pd_disclose_backup(tdb.st, &d, "short", 5, &fast, &err), PD_EINVAL);
	cr_assert_neq(stat(d.path, &sb), 0, "a passphrase too short creates nothing");
	cr_assert_eq(pd_disclose_backup(tdb.st, &d, "correct horse", 13, &fast, &err),
		     PD_OK, "%s", err.msg);
	s = entries(0);
	cr_assert_eq(count(s), 4, "%s", s);
	cr_assert(strstr(s, "1|export items|items|-|-|2|-|csv|1|0|"), "%s", s);
	cr_assert(strstr(s, "2|export items|items|-|-|2|"), "%s", s);
	cr_assert(strstr(s, "|xlsx|1|0|"), "%s", s);
	cr_assert(strstr(s, "3|backup|database|-|-|3|"), "a plan and two items: %s", s);
	cr_assert(strstr(s, "/b.db|lmdb|1|0|"), "%s", s);
	cr_assert(strstr(s, "4|backup --encrypt|database|-|-|3|"), "%s", s);
	cr_assert(strstr(s, "/b.pdbk|encrypted|1|0|"), "%s", s);
	free(s);
	pd_buf_free(&out);
}

Test(disclose, a_damaged_entry_is_named)
{
	struct pd_disclosure d = { .command = "minutes", .what = "minutes" };
	struct pd_err err = { 0 };
	struct pd_buf b = PD_BUF_INIT;
	unsigned char key[8], junk[40] = { 1 };
	struct raw raw;

	cr_assert_eq(pd_disclosure_record(tdb.st, &d, NULL), PD_OK);
	raw_begin(&raw);
	pd_put_be64(key, 2);
	cr_assert_eq(mdb_put(raw.txn, raw_dbi(&raw, "disclosures", 0),
			     &(MDB_val){ 8, key }, &(MDB_val){ sizeof junk, junk }, 0), 0);
	raw_commit(&raw);
	cr_assert_eq(pd_disclosure_each(tdb.st, 0, collect, &b, &err), PD_ECORRUPT);
	cr_assert_str_eq(err.msg, "disclosure record entry 2 is damaged");
	pd_buf_free(&b);
}
