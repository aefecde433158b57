/*
 * view_log.c — the disclosure record in the client (`:log`): every file
 * that left the database, every purge, erasure and hold, oldest first,
 * two lines an entry.  Like `plandesk log`, reading it is not recorded:
 * it names files and reasons, not what was in them.
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "plandesk/protect/disclose.h"
#include "docview.h"
#include "views.h"

static const struct ui_binding log_bindings[] = {
	{ 0, UI_C_NONE, NULL },
};
static const char *const log_notes[] = {
	"Each entry: when, the command (the client's begin with ':'), what, the",
	"file and its format, the confidential entries in it or left out, the",
	"reason given (--reason) and who. Entries cannot be edited; undo never",
	"removes one. G goes to the newest.",
	NULL,
};
const struct ui_keymap ui_keys_log = { .title = "Disclosure record", .b = log_bindings,
				       .notes = log_notes };

struct lw {
	struct ui_doc *doc;
	size_t         n;
};

static int entry(void *ctx, const struct pd_disclosure *d)
{
	struct lw *w = ctx;
	time_t t = (time_t)d->time;
	char when[32] = "", conf[64], rows[32] = "";
	struct tm tm;

	if (localtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	pd_disclosure_conf_text(d, conf, sizeof conf);
	if (d->rows)
		snprintf(rows, sizeof rows, ", %llu rows", (unsigned long long)d->rows);
	w->n++;
	if (ui_doc_add(w->doc, UI_R_KEY, 0, -1, 0, "%s  %s \xe2\x80\x94 %s%s%s%s%s%s", when,
		       d->command, d->what ? d->what : "", d->plan ? " " : "",
		       d->plan ? d->plan : "", d->meeting ? " " : "",
		       d->meeting ? d->meeting : "", rows) ||
	    ui_doc_add(w->doc, 0, 2, -1, 0, "%s%s%s%s%s%s%s \xc2\xb7 by %s",
		       d->path ? d->path : d->format ? "(standard output)" : "(no file)",
		       d->format ? ", " : "", d->format ? d->format : "",
		       conf[0] ? ", confidential: " : "", conf,
		       d->reason ? "; reason: " : "", d->reason ? d->reason : "",
		       d->user ? d->user : "?"))
		return PD_ENOMEM;
	return PD_OK;
}

static int build(struct docview *dv, struct app *a, struct pd_txn *txn,
		 struct ui_doc *doc, int w)
{
	struct lw lw = { doc, 0 };
	int rc;

	(void)a; (void)w;
	snprintf(dv->title, sizeof dv->title, "Disclosure record");
	rc = pd_disclosure_each_txn(txn, 0, entry, &lw, NULL);
	if (rc == PD_OK && !lw.n &&
	    ui_doc_add(doc, UI_R_DIM, 0, -1, 0, "Nothing has left the database yet."))
		rc = PD_ENOMEM;
	return rc;
}

static int cmd(struct docview *dv, struct app *a, enum ui_cmd c, const struct ui_row *sel)
{
	(void)dv; (void)a; (void)c; (void)sel;
	return UI_NOTHING;   /* an entry opens nothing: it is no record */
}

static const struct docview_spec log_spec = {
	.name = "log",
	.keys = &ui_keys_log,
	.build = build,
	.cmd = cmd,
};

struct view *view_log_new(struct app *a)
{
	return docview_new(a, &log_spec, -1, 0, NULL);
}
