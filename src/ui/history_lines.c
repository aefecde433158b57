/*
 * history_lines.c — a record's history (protect/history.h) at the foot of
 * its card or item page: when, what changed, by which write.
 */
#include "config.h"

#include <time.h>

#include "plandesk/protect/history.h"
#include "docview.h"
#include "history_lines.h"

struct hl {
	struct ui_doc *doc;
	int            kind;
	uint64_t       id;
	size_t         n;
};

static int line(void *ctx, const struct pd_hist_event *e)
{
	static const char *const what[] = {
		[PD_H_CREATED] = "created", [PD_H_CHANGED] = "changed",
		[PD_H_DELETED] = "deleted", [PD_H_RESTORED] = "put back",
	};
	struct hl *h = ctx;
	time_t t = (time_t)e->time;
	struct tm tm;
	char when[32] = "";

	if (localtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	h->n++;
	return ui_doc_add(h->doc, UI_R_DIM, 0, h->kind, h->id, "  %s  %s%s%s \xe2\x80\x94 %s",
			  when, what[e->what], e->fields[0] ? ": " : "", e->fields, e->label)
	       ? PD_ENOMEM : PD_OK;
}

int ui_doc_history(struct ui_doc *doc, struct pd_txn *txn, int kind, uint64_t id)
{
	struct hl h = { doc, kind, id, 0 };
	int64_t oldest = 0;
	int rc;

	if (ui_doc_add(doc, 0, 0, kind, id, " ") ||
	    ui_doc_add(doc, UI_R_HEADING, 0, kind, id, "History (the undo journal)"))
		return -1;
	rc = pd_history(txn, (enum pd_kind)kind, id, &oldest, line, &h, NULL);
	if (rc == PD_ENOMEM)
		return -1;
	if (rc != PD_OK)
		return ui_doc_add(doc, UI_R_DIM, 1, kind, id, "cannot be read");
	if (!h.n)
		return ui_doc_add(doc, UI_R_DIM, 1, kind, id, "nothing since the journal began");
	return 0;
}
