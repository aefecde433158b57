/*
 * disclose_out.c — files that leave the database, each made and recorded
 * in one call (disclose_out.h): the document or rows are made from one
 * read transaction, then written and recorded as disclose.c does.
 *
 * What the caller gave in `d` is copied: the entry is made from the copy,
 * with the plan's ref and the meeting's date (which live only as long as
 * the call) added to it; only the numbers, the format and what it was
 * go back into `d`.
 */
#include <string.h>

#include "plandesk/protect/disclose_out.h"
#include "backup_impl.h"
#include "disclose_impl.h"
#include "store/handles.h"

int pd_conf_in_kind(struct pd_txn *txn, enum pd_kind kind, uint64_t *n,
		    struct pd_err *err)
{
	struct pd_cursor *cur;
	struct pd_record r;
	uint64_t id;
	int rc;

	*n = 0;
	if (pd_field_flagged(pd_kind_info(kind), PD_F_CONFIDENTIAL) < 0)
		return PD_OK;
	if ((rc = pd_cursor_kind(txn, kind, 0, &cur, err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &id, err)) == PD_OK) {
		if ((rc = pd_get(txn, kind, id, &r, err)) != PD_OK)
			break;
		*n += pd_record_confidential(&r);
		pd_record_clear(&r);
	}
	pd_cursor_close(cur);
	return rc == PD_NOTFOUND ? PD_OK : rc;
}

/* What goes back to the caller of what the entry said. */
static void hand_back(struct pd_disclosure *d, const struct pd_disclosure *e)
{
	d->what = e->what;
	d->rows = e->rows;
	d->format = e->format;
	d->conf_shown = e->conf_shown;
	d->conf_left_out = e->conf_left_out;
}

/* Disclose the document in `doc` as `e` says: saved, or recorded and
 * handed to `out`. */
static int disclose_doc(struct pd_store *st, const struct pd_disclosure *e,
			struct pd_buf *doc, struct pd_buf *out, struct pd_err *err)
{
	int rc = pd_disclosure_save(st, e, doc->p ? doc->p : "", doc->n, err);

	if (rc == PD_OK && !e->path && out && doc->n &&
	    pd_buf_add(out, doc->p, doc->n) != PD_OK)
		rc = pd_err_nomem(err);
	return rc;
}

int pd_disclose_minutes(struct pd_store *st, struct pd_disclosure *d,
			uint64_t meeting, enum pd_format fmt,
			const struct pd_minutes_opts *opts, struct pd_buf *out,
			struct pd_err *err)
{
	struct pd_minutes_opts o = { 0 };
	struct pd_disclosure e = *d;
	struct pd_conf_count c = { 0 };
	struct pd_buf doc = PD_BUF_INIT;
	struct pd_record m, p;
	struct pd_txn *txn;
	int rc;

	if (opts)
		o = *opts;
	o.count = &c;
	pd_record_init(&m, PD_MEETING);
	pd_record_init(&p, PD_PLAN);
	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	if ((rc = pd_get(txn, PD_MEETING, meeting, &m, err)) == PD_OK &&
	    (rc = pd_get(txn, PD_PLAN, pd_get_ref(&m, PD_MEETING_PLAN), &p, err)) == PD_OK)
		rc = pd_minutes(txn, meeting, fmt, &o, &doc, err);
	pd_txn_end(txn);
	e.what = "minutes";
	e.plan = pd_get_text(&p, PD_PLAN_REF);
	e.meeting = pd_get_text(&m, PD_MEETING_DATE);
	e.format = pd_format_name(fmt);
	e.conf_shown = c.shown;
	e.conf_left_out = c.left_out;
	if (rc == PD_OK)
		rc = disclose_doc(st, &e, &doc, out, err);
	if (opts && opts->count)
		*opts->count = c;
	hand_back(d, &e);
	pd_record_clear(&m);
	pd_record_clear(&p);
	pd_buf_free(&doc);
	return rc;
}

int pd_disclose_report(struct pd_store *st, struct pd_disclosure *d,
		       enum pd_report_kind kind, const char *ref,
		       const struct pd_report_opts *opts, struct pd_buf *out,
		       struct pd_err *err)
{
	static const char *const what[] = {
		[PD_REPORT_PROGRESS] = "progress report",
		[PD_REPORT_MONITORING] = "monitoring report",
		[PD_REPORT_ACTIONS] = "actions report",
		[PD_REPORT_RETENTION] = "retention report",
	};
	struct pd_report_opts o = { .format = PD_FMT_MD };
	struct pd_disclosure e = *d;
	struct pd_conf_count c = { 0 };
	struct pd_buf doc = PD_BUF_INIT;
	struct pd_txn *txn;
	int rc;

	if (opts)
		o = *opts;
	else if (d->path && (rc = pd_format_choose(NULL, d->path, PD_FMTS_REPORT,
						   PD_FMT_MD, &o.format, err)) != PD_OK)
		return rc;
	o.count = &c;
	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	rc = pd_report(txn, kind, ref, &o, &doc, err);
	pd_txn_end(txn);
	e.what = o.format == PD_FMT_MAIL ? "digest" :
		 (unsigned)kind < sizeof what / sizeof what[0] ? what[kind] : "report";
	e.plan = kind == PD_REPORT_RETENTION ? NULL : ref;
	e.format = pd_format_name(o.format);
	e.conf_shown = c.shown;
	e.conf_left_out = c.left_out;
	if (rc == PD_OK)
		rc = disclose_doc(st, &e, &doc, out, err);
	if (opts && opts->count)
		*opts->count = c;
	hand_back(d, &e);
	pd_buf_free(&doc);
	return rc;
}

/* The rows and the confidential ones of `kind` (all of it: a backup). */
static int counts(struct pd_store *st, int kind, struct pd_disclosure *e,
		  struct pd_err *err)
{
	struct pd_txn *txn;
	int rc;

	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	e->rows = e->conf_shown = 0;
	for (int k = kind < 0 ? 0 : kind; rc == PD_OK && k < PD_NKINDS; k++) {
		size_t n = 0;
		uint64_t conf = 0;
		if ((rc = pd_count_kind(txn, (enum pd_kind)k, &n)) == PD_OK &&
		    (rc = pd_conf_in_kind(txn, (enum pd_kind)k, &conf, err)) == PD_OK) {
			e->rows += n;
			e->conf_shown += conf;
		}
		if (kind >= 0)
			break;
	}
	pd_txn_end(txn);
	return rc;
}

struct export_ctx {
	struct pd_store             *st;
	const struct pd_export_opts *o;
	struct pd_disclosure        *e;
};

static int write_save(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	return pd_save_write(ctx, p, n, err);
}

static int export_into(void *ctx, struct pd_save *sv, struct pd_err *err)
{
	struct export_ctx *x = ctx;
	size_t rows = 0;
	int rc = pd_export(x->st, x->o, write_save, sv, &rows, err);

	x->e->rows = rows;
	return rc;
}

int pd_disclose_export(struct pd_store *st, struct pd_disclosure *d,
		       const struct pd_export_opts *o, pd_csv_sink sink,
		       void *sink_ctx, struct pd_err *err)
{
	struct pd_export_opts by_name = *o;
	struct pd_disclosure e = *d;
	struct export_ctx x = { st, &by_name, &e };
	size_t rows = 0;
	int rc;

	/* Unset (0): the file's extension says, and no extension is CSV. */
	if (o->format != PD_FMT_CSV && o->format != PD_FMT_XLSX) {
		by_name.format = PD_FMT_CSV;
		if (d->path && (rc = pd_format_choose(NULL, d->path, PD_FMTS_EXPORT,
						      PD_FMT_CSV, &by_name.format,
						      err)) != PD_OK)
			return rc;
	}
	if (by_name.format != PD_FMT_CSV && by_name.format != PD_FMT_XLSX)
		return pd_err_set(err, PD_EINVAL, "%s files are not written by this "
				  "export", pd_format_name(by_name.format));
	e.what = pd_kind_info(o->kind)->plural;
	e.format = pd_format_name(by_name.format);
	if ((rc = counts(st, o->kind, &e, err)) != PD_OK)
		return rc;
	if (d->path) {
		rc = pd_disclose_produce(st, &e, export_into, &x, err);
	} else if ((rc = pd_disclosure_record(st, &e, err)) == PD_OK) {
		rc = pd_export(st, &by_name, sink, sink_ctx, &rows, err);
		e.rows = rows;
	}
	hand_back(d, &e);
	return rc;
}

struct backup_ctx {
	struct pd_store     *st;
	const char          *pass;
	size_t               passlen;
	const struct pd_kdf *kdf;
};

static int backup_into(void *ctx, struct pd_save *sv, struct pd_err *err)
{
	struct backup_ctx *b = ctx;
	int rc;

	pd_store_current(b->st);
	if (b->pass)
		return pd_backup_seal(b->st, sv, b->pass, b->passlen, b->kdf, err);
	if ((rc = mdb_env_copyfd2(b->st->env, sv->fd, MDB_CP_COMPACT)) != MDB_SUCCESS)
		return pd_err_set(err, PD_EIO, "backup to %s failed: %s", sv->path,
				  mdb_strerror(rc));
	return PD_OK;
}

int pd_disclose_backup(struct pd_store *st, struct pd_disclosure *d,
		       const char *pass, size_t passlen, const struct pd_kdf *kdf,
		       struct pd_err *err)
{
	struct backup_ctx b = { st, pass, passlen, kdf };
	struct pd_disclosure e = *d;
	int rc;

	if (!d->path)
		return pd_err_set(err, PD_EINVAL, "a backup needs a file");
	/* A passphrase that will not do creates nothing. */
	if (pass && (rc = pd_backup_check_pass(pass, passlen, err)) != PD_OK)
		return rc;
	e.what = "database";
	e.format = pass ? "encrypted" : "lmdb";
	if ((rc = counts(st, -1, &e, err)) == PD_OK)
		rc = pd_disclose_produce(st, &e, backup_into, &b, err);
	hand_back(d, &e);
	return rc;
}
