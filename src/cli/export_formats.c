/*
 * export_formats.c — `export` in the forms other programs import: people
 * as vCards (vcard.h) and meetings and actions as iCalendar (ical.h).
 * Both are built in memory from one read transaction and disclosed like
 * a document (pd_disclosure_save: recorded, mode 0600, renamed into place
 * when complete).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_transfer.h"
#include "plandesk/protect/disclose_out.h"
#include "plandesk/transfer/ical.h"
#include "plandesk/transfer/vcard.h"

/* Record `d` and save or print `doc`; then the store is closed.  Returns
 * the exit status. */
static int disclose(struct cli_ctx *ctx, struct pd_store *st,
		    struct pd_disclosure *d, const struct pd_buf *doc,
		    const char *what)
{
	struct pd_err err = { 0 };
	int rc = pd_disclosure_save(st, d, doc->p ? doc->p : "", doc->n, &err);

	pd_store_close(st);
	if (rc != PD_OK) {
		cli_error(ctx, "export %s: %s", d->what, err.msg);
		return CLI_ERROR;
	}
	return d->path ? CLI_OK : cli_print_doc(ctx, doc, what);
}

int cli_export_vcards(struct cli_ctx *ctx, enum pd_kind kind,
		      struct pd_disclosure *d, int version)
{
	struct pd_buf doc = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct pd_store *st;
	struct pd_txn *txn;
	size_t n = 0;
	int rc, status;

	if (kind != PD_PERSON) {
		cli_error(ctx, "export %s: vCards are for people (export people -o "
			  "FILE.vcf)", pd_kind_info(kind)->plural);
		return CLI_ERROR;
	}
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	if ((rc = pd_txn_read(st, &txn, &err)) == PD_OK) {
		rc = pd_export_vcards(txn, version, &doc, &n, &err);
		pd_txn_end(txn);
	}
	d->what = "people";
	d->rows = n;
	d->format = "vcf";
	if (rc != PD_OK) {
		pd_store_close(st);
		cli_error(ctx, "export people: %s", err.msg);
		status = CLI_ERROR;
	} else if ((status = disclose(ctx, st, d, &doc, "the vCards")) == CLI_OK &&
		   d->path) {
		fprintf(stderr, "%s: %zu %s exported (vCard %d.0)\n", d->path, n,
			n == 1 ? "person" : "people", version / 10);
	}
	pd_buf_free(&doc);
	return status;
}

int cli_export_ical(struct cli_ctx *ctx, enum pd_kind kind,
		    struct pd_disclosure *d, const char *owner)
{
	struct pd_ical_opts o = { .owner = owner };
	struct pd_ical_stats stats = { 0 };
	struct pd_buf doc = PD_BUF_INIT;
	struct pd_err err = { 0 };
	struct pd_store *st;
	struct pd_txn *txn;
	const char *now = getenv("PLANDESK_NOW");
	int rc, status;

	if (kind != PD_MEETING && kind != PD_ACTION) {
		cli_error(ctx, "export %s: iCalendar is for meetings and actions",
			  pd_kind_info(kind)->plural);
		return CLI_ERROR;
	}
	if (owner && kind != PD_ACTION) {
		cli_error(ctx, "export: --owner is for actions");
		return CLI_ERROR;
	}
	/* PLANDESK_NOW (seconds since the epoch) fixes DTSTAMP, for tests */
	if (now && *now)
		o.now = strtoll(now, NULL, 10);
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	if ((rc = pd_txn_read(st, &txn, &err)) == PD_OK) {
		rc = pd_export_ical(txn, kind, &o, &doc, &stats, &err);
		if (rc == PD_OK)
			rc = pd_conf_in_kind(txn, kind, &d->conf_shown, &err);
		pd_txn_end(txn);
	}
	d->what = pd_kind_info(kind)->plural;
	d->rows = stats.written;
	d->format = "ics";
	if (rc != PD_OK) {
		pd_store_close(st);
		if (rc == PD_EMODULE)
			cli_write_error(ctx, NULL, d->path, PD_FMT_ICS, &err);
		else
			cli_error(ctx, "export %s: %s", pd_kind_info(kind)->plural, err.msg);
		status = CLI_ERROR;
	} else if ((status = disclose(ctx, st, d, &doc, "the calendar")) == CLI_OK) {
		if (stats.undated)
			fprintf(stderr, "%s: note: %zu meeting%s dated only by a month "
				"left out (a calendar needs a day)\n", ctx->progname,
				stats.undated, stats.undated == 1 ? "" : "s");
		if (d->path)
			fprintf(stderr, "%s: %zu %s exported\n", d->path, stats.written,
				kind == PD_MEETING ? (stats.written == 1 ? "event" : "events")
				: (stats.written == 1 ? "to-do" : "to-dos"));
	}
	pd_buf_free(&doc);
	return status;
}
