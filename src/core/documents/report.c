/*
 * report.c — the entry points of report.h: names of kinds, the options
 * checked, today's date, and writing a report to a file.
 */
#include <string.h>
#include <strings.h>

#include "plandesk/documents/doc.h"
#include "report_impl.h"

int pd_report_kind_parse(const char *name, enum pd_report_kind *out)
{
	static const struct { const char *name; enum pd_report_kind kind; } k[] = {
		{ "progress", PD_REPORT_PROGRESS },
		{ "monitoring", PD_REPORT_MONITORING },
		{ "actions", PD_REPORT_ACTIONS },
		{ "retention", PD_REPORT_RETENTION },
	};

	for (size_t i = 0; name && i < sizeof k / sizeof k[0]; i++) {
		if (strcasecmp(name, k[i].name) == 0) {
			*out = k[i].kind;
			return PD_OK;
		}
	}
	return PD_EINVAL;
}

int pd_report(struct pd_txn *txn, enum pd_report_kind kind, const char *ref,
	      const struct pd_report_opts *opts, struct pd_buf *out,
	      struct pd_err *err)
{
	struct pd_report_opts o = { .format = PD_FMT_MD };
	const struct pd_formats *fm;
	int rc;

	if (opts)
		o = *opts;
	if ((unsigned)o.format >= PD_FMT_COUNT ||
	    !((kind == PD_REPORT_ACTIONS ? PD_FMTS_REPORT_ACTIONS : PD_FMTS_REPORT) &
	      PD_FMT_BIT(o.format)))
		return pd_err_set(err, PD_EINVAL, "%s", o.format == PD_FMT_MAIL ?
				  "only the actions report can be written as mail "
				  "(one message per owner)" : "a report is not written as that");
	if ((!ref || !*ref) && kind != PD_REPORT_RETENTION)
		return pd_err_set(err, PD_EINVAL, "which plan? (give its ref)");
	if (o.today.y == 0 && (rc = pd_date_today(&o.today)) != PD_OK)
		return pd_err_set(err, rc, rc == PD_EINVAL ?
				  "PLANDESK_TODAY is not a date with a day" :
				  "cannot read the system clock");
	if (!pd_date_valid(&o.today) || o.today.d == 0)
		return pd_err_set(err, PD_EINVAL, "today must be a date with a day");
	if (o.since.y != 0 && !pd_date_valid(&o.since))
		return pd_err_set(err, PD_EINVAL, "the --since date is not valid");
	if ((rc = pd_formats_for(pd_txn_store(txn), o.format, &fm, err)) != PD_OK)
		return rc;
	switch (kind) {
	case PD_REPORT_PROGRESS:
		return rep_progress(txn, ref, &o, fm, out, err);
	case PD_REPORT_MONITORING:
		return rep_monitoring(txn, ref, &o, fm, out, err);
	case PD_REPORT_ACTIONS:
		return rep_actions(txn, ref, &o, fm, out, err);
	case PD_REPORT_RETENTION:
		return rep_retention(txn, &o, fm, out, err);
	}
	return pd_err_set(err, PD_EINVAL, "unknown report kind %d", (int)kind);
}

int pd_report_write(struct pd_store *st, enum pd_report_kind kind,
		    const char *ref, const struct pd_report_opts *opts,
		    const char *path, struct pd_err *err)
{
	struct pd_report_opts o = { .format = PD_FMT_MD };
	struct pd_buf b = PD_BUF_INIT;
	struct pd_txn *txn;
	int rc;

	if (opts)
		o = *opts;
	else if ((rc = pd_format_choose(NULL, path, PD_FMTS_REPORT, PD_FMT_MD,
					&o.format, err)) != PD_OK)
		return rc;
	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	rc = pd_report(txn, kind, ref, &o, &b, err);
	pd_txn_end(txn);
	if (rc == PD_OK)
		rc = pd_doc_save(path, b.p ? b.p : "", b.n, err);
	pd_buf_free(&b);
	return rc;
}
