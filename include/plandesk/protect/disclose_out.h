/*
 * disclose_out.h — every file that leaves the database, made and recorded
 * in one call (disclose.h): minutes, reports and digests, exports of every
 * format, plain and encrypted backups.  The command line and the client
 * write files only through these (tests/cli/disclosure.sh checks that
 * they call nothing that writes one unrecorded).
 *
 * The caller fills d->command, d->path (NULL: standard output), and
 * d->reason; each function fills the rest of `d` (what, plan, meeting,
 * rows, format, the confidential counts) from what it wrote, so the
 * caller can say it.  Without a path the output is recorded and then
 * handed back (`out`, or the sink) for the caller to print; a failure to
 * record prints nothing.
 */
#ifndef PLANDESK_DISCLOSE_OUT_H
#define PLANDESK_DISCLOSE_OUT_H

#include <stdint.h>

#include "plandesk/documents/minutes.h"
#include "plandesk/documents/report.h"
#include "plandesk/protect/backup.h"
#include "plandesk/protect/disclose.h"
#include "plandesk/transfer/transfer.h"

/*
 * The minutes of `meeting` in `fmt` (pd_minutes, `opts` may be NULL).
 * Returns pd_minutes' codes and pd_disclosure_save's.
 */
int pd_disclose_minutes(struct pd_store *st, struct pd_disclosure *d,
			uint64_t meeting, enum pd_format fmt,
			const struct pd_minutes_opts *opts, struct pd_buf *out,
			struct pd_err *err);

/*
 * Report `kind` of plan `ref` (pd_report; `opts` NULL: the format from
 * d->path's extension, as pd_report_write).  The actions report as mail
 * is recorded as a digest.
 * Returns pd_report's codes and pd_disclosure_save's.
 */
int pd_disclose_report(struct pd_store *st, struct pd_disclosure *d,
		       enum pd_report_kind kind, const char *ref,
		       const struct pd_report_opts *opts, struct pd_buf *out,
		       struct pd_err *err);

/*
 * Every record of o->kind as CSV or a spreadsheet (pd_export; an unset
 * format from d->path's extension, as pd_export_file): to d->path, or,
 * once recorded, to `sink`.  Every record goes out, those marked
 * confidential too (the column says which): d->conf_shown counts them.
 * Returns pd_export's codes and pd_disclose_produce's.
 */
int pd_disclose_export(struct pd_store *st, struct pd_disclosure *d,
		       const struct pd_export_opts *o, pd_csv_sink sink,
		       void *sink_ctx, struct pd_err *err);

/*
 * A compact copy of the database at d->path (not NULL): plain when `pass`
 * is NULL (pd_store_backup), else encrypted with it (pd_backup_encrypt;
 * `kdf` may be NULL).  It holds everything, confidential entries too.
 * Returns those functions' codes and pd_disclose_produce's.
 */
int pd_disclose_backup(struct pd_store *st, struct pd_disclosure *d,
		       const char *pass, size_t passlen, const struct pd_kdf *kdf,
		       struct pd_err *err);

/* How many records of `kind` are marked confidential (0 for a kind that
 * has no such mark).  Returns PD_OK, PD_ECORRUPT, PD_EDB, PD_ENOMEM. */
int pd_conf_in_kind(struct pd_txn *txn, enum pd_kind kind, uint64_t *n,
		    struct pd_err *err);

#endif
