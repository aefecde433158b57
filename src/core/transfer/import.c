/*
 * import.c — importing a CSV file: the header is mapped before anything
 * is written (so a missing column is an error before any row is read),
 * then every row goes through its kind's handler inside one write
 * transaction.  The write body may run again after the map grows, so it
 * starts from the top of the file with fresh counts each time.  What a
 * row handler uses (places, warnings, a record begun and stored) is in
 * import_row.c.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "plandesk/transfer/vcard.h"
#include "transfer_impl.h"

#define PROGRESS_EVERY 4096u  /* rows between progress reports */

static int (*const handlers[PD_NKINDS])(struct pd_imp *) = {
	[PD_ORG]     = pd_imp_org,
	[PD_PERSON]  = pd_imp_person,
	[PD_PLAN]    = pd_imp_plan_row,
	[PD_ITEM]    = pd_imp_item_row,
	[PD_ACTION]  = pd_imp_action_row,
	[PD_UPDATE]  = pd_imp_update_row,
	[PD_MEETING] = pd_imp_meeting_row,
};

/* --- the write ------------------------------------------------------------ */

/* Forget what a previous try of the write did. */
static void reset_try(struct pd_imp *imp)
{
	memset(&imp->st, 0, sizeof imp->st);
	pd_buf_reset(&imp->warnings);
	imp->nshown = 0;
	pd_imp_refs_free(imp);
	pd_imp_orgs_free(imp);
	pd_imp_vcard_reset(imp);
	for (size_t i = 0; i < imp->ndefer; i++)
		free(imp->defer[i].parent);
	imp->ndefer = 0;
	free(imp->plan_ref);
	imp->plan_ref = NULL;
	imp->plan_id = 0;
	imp->scale = NULL;
	pd_record_clear(&imp->cur);
	pd_record_clear(&imp->old);
}

static void report(struct pd_imp *imp, bool last)
{
	struct pd_progress p = { .rows = imp->st.rows, .last = last };

	if (!imp->o->progress)
		return;
	if (imp->vc)
		pd_vcard_position(imp->vc, &p.done, &p.total);
	else
		pd_csv_position(imp->rd, &p.done, &p.total);
	if (last)
		p.done = p.total;
	imp->o->progress(imp->o->ctx, &p);
}

/* A reader error: its message already says "LINE:COL: ". */
static int reader_error(struct pd_imp *imp, int rc)
{
	pd_err_prefix(imp->err, "%s:", imp->name);
	imp->err->code = rc;
	return rc;
}

/* The next record: a CSV row, or a vCard's card made into one. */
static int next_row(struct pd_imp *imp)
{
	int rc;

	if (imp->vc)
		return pd_imp_vcard_next(imp);
	rc = pd_csv_next(imp->rd, &imp->row, imp->err);
	return rc == PD_OK || rc == PD_NOTFOUND ? rc : reader_error(imp, rc);
}

static int body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct pd_imp *imp = ctx;
	int (*handle)(struct pd_imp *) = handlers[imp->o->kind];
	int rc;

	reset_try(imp);
	imp->txn = txn;
	imp->err = err;
	if (imp->vc) {
		pd_vcard_rewind(imp->vc);
	} else if ((rc = pd_csv_rewind(imp->rd, err)) != PD_OK ||
		   (rc = pd_csv_next(imp->rd, &imp->row, err)) != PD_OK) { /* the header */
		return rc == PD_NOTFOUND ? PD_OK : reader_error(imp, rc);
	}
	while ((rc = next_row(imp)) == PD_OK) {
		imp->st.rows++;
		if ((rc = handle(imp)) != PD_OK)
			return rc;
		if (imp->st.rows % PROGRESS_EVERY == 0)
			report(imp, false);
		/* A bulk write commits its copy in pieces (store.h). */
		if ((rc = pd_txn_checkpoint(txn, err)) != PD_OK)
			return rc;
	}
	if (rc != PD_NOTFOUND)
		return rc;
	if (imp->vc)
		pd_imp_vcard_warnings(imp);
	if (imp->o->kind == PD_ITEM && (rc = pd_imp_item_parents(imp)) != PD_OK)
		return rc;
	/* What matched rows to records is done with; the flush that follows
	 * is a large import's largest part. */
	pd_imp_refs_free(imp);
	pd_imp_orgs_free(imp);
	pd_txn_set_label(txn, "import %s: %zu added, %zu updated", imp->name,
			 imp->st.added, imp->st.updated);
	return PD_OK;
}

static void deliver(struct pd_imp *imp)
{
	const char *p = imp->warnings.p;
	char more[PD_ERR_MSG + 64];

	if (!imp->o->warn)
		return;
	for (size_t i = 0; i < imp->nshown; i++) {
		imp->o->warn(imp->o->ctx, p);
		p += strlen(p) + 1;
	}
	if (imp->st.warnings > imp->nshown) {
		snprintf(more, sizeof more, "%s: %zu more warnings not shown",
			 imp->name, imp->st.warnings - imp->nshown);
		imp->o->warn(imp->o->ctx, more);
	}
}

/* Warnings about the file as a whole, given before any row is read. */
static void file_warnings(struct pd_imp *imp, unsigned long header_line)
{
	char msg[PD_ERR_MSG + 128];
	unsigned long bad = pd_csv_fallback_line(imp->rd);

	imp->file_warnings = (bad != 0) + (imp->map.nunknown != 0);
	if (!imp->o->warn)
		return;
	if (bad) {
		snprintf(msg, sizeof msg, "%s:%lu: warning: not valid UTF-8; the file "
			 "is read as Windows-1252 (use --encoding to say otherwise)",
			 imp->name, bad);
		imp->o->warn(imp->o->ctx, msg);
	}
	if (imp->map.nunknown) {
		snprintf(msg, sizeof msg, "%s:%lu: warning: ignoring %zu unknown "
			 "column%s: %s", imp->name, header_line, imp->map.nunknown,
			 imp->map.nunknown == 1 ? "" : "s", imp->map.unknown.p);
		imp->o->warn(imp->o->ctx, msg);
	}
}

/* The size of what is imported: a large import is a bulk write. */
static uint64_t input_bytes(struct pd_imp *imp)
{
	uint64_t done, total = 0;

	if (imp->vc)
		pd_vcard_position(imp->vc, &done, &total);
	else
		pd_csv_position(imp->rd, &done, &total);
	return total;
}

static int run(struct pd_store *st, struct pd_imp *imp, struct pd_import_stats *stats,
	       struct pd_err *err)
{
	const struct pd_import_opts *o = imp->o;
	char label[200];
	int rc;

	imp->err = err;
	if (imp->vc) {
		if ((rc = pd_imp_vcard_start(imp)) != PD_OK)
			return rc;
		goto write;
	}
	rc = pd_csv_next(imp->rd, &imp->row, err);
	if (rc == PD_NOTFOUND)
		return pd_err_set(err, PD_EINVAL, "%s: the file is empty (no header line)",
				  imp->name);
	if (rc != PD_OK)
		return reader_error(imp, rc);
	imp->map.kind = o->kind;
	if ((rc = pd_colmap_build(&imp->map, &imp->row, err)) != PD_OK)
		return pd_err_prefix(err, "%s:%lu:1: ", imp->name, imp->row.line);
	file_warnings(imp, imp->row.line);
write:
	snprintf(label, sizeof label, "import %s", imp->name);
	rc = pd_store_write(st, label, (o->dry_run ? PD_W_DRY_RUN : 0) |
			    (input_bytes(imp) >= pd_store_bulk_bytes(st) ? PD_W_BULK : 0),
			    body, imp, err);
	report(imp, true);
	deliver(imp);
	imp->st.warnings += imp->file_warnings;
	if (stats)
		*stats = imp->st;
	return rc;
}

static void imp_free(struct pd_imp *imp)
{
	reset_try(imp);
	free(imp->defer);
	pd_buf_free(&imp->warnings);
	pd_buf_free(&imp->tmp);
	pd_buf_free(&imp->tmp2);
	pd_colmap_free(&imp->map);
	pd_csv_close(imp->rd);
	pd_vcard_close(imp->vc);
	pd_imp_vcard_free(imp);
}

/* True when `name` ends with `ext` (ignoring case). */
static bool ends_with(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && !strcasecmp(name + n - e, ext);
}

/* Whether to read the input as a vCard file (people only). */
static int want_vcard(const char *path, const void *data, size_t n,
		      const struct pd_import_opts *o, const char *name, bool *yes,
		      struct pd_err *err)
{
	char head[512];
	ssize_t got = 0;
	int fd;

	*yes = false;
	if (o->format == PD_IMPORT_CSV)
		return PD_OK;
	if (o->kind != PD_PERSON) {
		if (o->format == PD_IMPORT_VCARD)
			return pd_err_set(err, PD_EINVAL, "%s: only people can be "
					  "imported from a vCard file", name);
		return PD_OK;
	}
	if (o->format == PD_IMPORT_VCARD || ends_with(name, ".vcf") ||
	    ends_with(name, ".vcard")) {
		*yes = true;
		return PD_OK;
	}
	if (!path) {
		*yes = pd_vcard_sniff(data, n);
		return PD_OK;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		got = read(fd, head, sizeof head);
		close(fd);
	}
	*yes = got > 0 && pd_vcard_sniff(head, (size_t)got);
	return PD_OK;
}

static int import_common(struct pd_store *st, const char *path, const void *data,
			 size_t n, const struct pd_import_opts *o,
			 struct pd_import_stats *stats, struct pd_err *err)
{
	struct pd_csv_opts copts = { o->delimiter, o->encoding };
	struct pd_vcard_opts vopts = { o->encoding };
	struct pd_imp imp = { .o = o };
	struct pd_err local;
	bool vcard;
	int rc;

	if (!err)
		err = &local;
	pd_err_clear(err);
	if (stats)
		memset(stats, 0, sizeof *stats);
	imp.name = o->name ? o->name : path ? path : "-";
	if ((unsigned)o->kind >= PD_NKINDS || !handlers[o->kind])
		return pd_err_set(err, PD_EINVAL, "%s have no CSV form",
				  pd_kind_info(o->kind)->plural);
	if ((rc = want_vcard(path, data, n, o, imp.name, &vcard, err)) != PD_OK)
		return rc;
	pd_record_init(&imp.cur, o->kind);
	pd_record_init(&imp.old, o->kind);
	if (vcard)
		rc = path ? pd_vcard_open_file(path, &vopts, &imp.vc, err)
			  : pd_vcard_open_mem(data, n, &vopts, &imp.vc, err);
	else
		rc = path ? pd_csv_open_file(path, &copts, &imp.rd, err)
			  : pd_csv_open_mem(data, n, &copts, &imp.rd, err);
	if (rc == PD_OK)
		rc = run(st, &imp, stats, err);
	else if (rc == PD_EPARSE)
		pd_err_prefix(err, "%s:", imp.name);
	imp_free(&imp);
	return rc;
}

const enum pd_kind *pd_import_order(size_t *n)
{
	static const enum pd_kind order[] = {
		PD_ORG, PD_PERSON, PD_PLAN, PD_ITEM, PD_MEETING, PD_ACTION, PD_UPDATE,
	};

	*n = sizeof order / sizeof order[0];
	return order;
}

int pd_import_file(struct pd_store *st, const char *path,
		   const struct pd_import_opts *opts, struct pd_import_stats *stats,
		   struct pd_err *err)
{
	return import_common(st, path, NULL, 0, opts, stats, err);
}

int pd_import_mem(struct pd_store *st, const void *data, size_t n,
		  const struct pd_import_opts *opts, struct pd_import_stats *stats,
		  struct pd_err *err)
{
	return import_common(st, NULL, data, n, opts, stats, err);
}
