/*
 * card_fields.c — a directory card's fields from the kind's table
 * (card_fields.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "plandesk/base/date.h"
#include "card_fields.h"
#include "docview.h"
#include "recfmt.h"

/* A labelled field; long text wraps under its label. */
static int field(struct ui_doc *doc, int kind, uint64_t id, const char *label,
		 const char *value, int w)
{
	if (!value || !*value)
		return 0;
	if (!strchr(value, '\n') && (int)strlen(value) < w - 16)
		return ui_doc_add(doc, 0, 0, kind, id, "%s\t%s", label, value);
	if (ui_doc_add(doc, UI_R_DIM, 0, kind, id, "%s", label) ||
	    ui_doc_wrap(doc, 0, 1, kind, id, value, w))
		return -1;
	return 0;
}

/* "2026-11-09" and how long ago, flagged when over a year. */
static int verified(struct ui_doc *doc, struct app *a, int kind, uint64_t id,
		    const char *label, const char *iso)
{
	struct pd_date d;
	long days;

	if (!*iso)
		return ui_doc_add(doc, UI_R_SLIPPED, 0, kind, id, "%s\tnever", label);
	if (pd_date_parse(iso, &d, NULL) != PD_OK)
		return ui_doc_add(doc, 0, 0, kind, id, "%s\t%s", label, iso);
	days = pd_date_days(&a->today) - pd_date_days(&d);
	return ui_doc_add(doc, days > 365 ? UI_R_SLIPPED : 0, 0, kind, id,
			  "%s\t%s%s", label, iso, days > 365 ? " (over a year ago)" : "");
}

/* A link: the linked record's name, on a line that opens it. */
static int link(struct ui_doc *doc, struct pd_txn *txn, const char *label,
		int kind, uint64_t id)
{
	char name[256];

	if (!id)
		return 0;
	ui_rec_name(txn, kind, id, name, sizeof name);
	return ui_doc_add(doc, 0, 0, kind, id, "%s\t%s", label, name);
}

int ui_card_fields(struct ui_doc *doc, struct app *a, struct pd_txn *txn,
		   const struct pd_kind_info *ki, const struct pd_record *r, int w)
{
	int order[PD_MAX_FIELDS], n = pd_fields_placed(ki, PD_PLACE_CARD, order);

	for (int i = 0; i < n; i++) {
		const struct pd_field *fd = &ki->fields[order[i]];
		const char *label = fd->card_label ? fd->card_label :
				    fd->label ? fd->label : fd->name;
		int rc;

		if (fd->flags & PD_F_VERIFIED)
			rc = verified(doc, a, ki->kind, r->id, label,
				      pd_get_text(r, order[i]));
		else if (fd->type == PD_T_REF)
			rc = link(doc, txn, label, fd->ref, pd_get_ref(r, order[i]));
		else
			rc = field(doc, ki->kind, r->id, label, pd_get_text(r, order[i]), w);
		if (rc)
			return PD_ENOMEM;
	}
	return PD_OK;
}
