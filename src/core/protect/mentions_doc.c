/*
 * mentions_doc.c — the answer to a subject access request as a document
 * or a sheet (subject.h pd_mentions_doc), and recorded as it leaves
 * (pd_disclose_mentions).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/documents/docmodel.h"
#include "plandesk/documents/formats.h"
#include "plandesk/documents/sheet.h"
#include "plandesk/protect/subject.h"
#include "plandesk/records/records.h"
#include "listing_impl.h"

enum { C_RECORD, C_FIELD, C_HOW, C_TEXT, NCOLS };

static const struct pd_sheet_col cols[NCOLS] = {
	[C_RECORD] = { "record", PD_COL_TEXT },
	[C_FIELD]  = { "field", PD_COL_TEXT },
	[C_HOW]    = { "how", PD_COL_TEXT },
	[C_TEXT]   = { "text", PD_COL_NOTE },
};

static const struct { const char *head; unsigned width; } heads[NCOLS] = {
	[C_RECORD] = { "Record", 30 }, [C_FIELD] = { "Field", 10 },
	[C_HOW] = { "How", 12 }, [C_TEXT] = { "Text", 48 },
};

static const char *const hows[] = {
	[PD_MN_ENTRY] = "their directory entry",
	[PD_MN_LINK]  = "linked",
	[PD_MN_NAME]  = "named",
	[PD_MN_TEXT]  = "in the text",
};

struct mw {
	struct pd_listing l;   /* a document or a sheet */
	const struct pd_subject *s;
	uint64_t         n;
};

static int one(void *ctx, struct pd_txn *txn, const struct pd_mention *m,
	       struct pd_err *err)
{
	struct mw *w = ctx;
	const struct pd_field *fd = &pd_kind_info(m->r->kind)->fields[m->field];
	const char *cell[NCOLS];
	char where[512];

	pd_mention_where(txn, m->r, where, sizeof where);
	cell[C_RECORD] = where;
	cell[C_FIELD] = fd->col ? fd->col : fd->name;
	cell[C_HOW] = hows[m->how];
	/* A link reads as the name it stands for. */
	cell[C_TEXT] = fd->type == PD_T_TEXT ? pd_get_text(m->r, m->field) : w->s->name;
	w->n++;
	return pd_listing_row(&w->l, cell, NCOLS, err);
}

int pd_mentions_doc(struct pd_txn *txn, const struct pd_subject *s,
		    enum pd_format fmt, struct pd_buf *out, uint64_t *rows,
		    struct pd_err *err)
{
	struct mw w = { .s = s };
	const struct pd_formats *fm;
	char title[320], sought[400];
	struct pd_dm dm;
	int rc;

	if (fmt != PD_FMT_CSV && fmt != PD_FMT_XLSX &&
	    !(PD_FMTS_DOCUMENT & PD_FMT_BIT(fmt)))
		return pd_err_set(err, PD_EINVAL, "mentions are not written as %s",
				  pd_format_name(fmt));
	if ((rc = pd_formats_for(pd_txn_store(txn), fmt, &fm, err)) != PD_OK)
		return rc;
	if (fmt == PD_FMT_CSV || fmt == PD_FMT_XLSX) {
		rc = pd_sheet_open(&w.l.sh, fmt, fm, "mentions", cols, NCOLS, false,
				   pd_listing_to_buf, out, err);
		if (rc == PD_OK)
			rc = pd_mentions_each(txn, s, one, &w, err);
		if (w.l.sh)
			rc = pd_sheet_close(w.l.sh, rc, err);
	} else {
		pd_dm_init(&dm);
		w.l.dm = &dm;
		snprintf(title, sizeof title, "Records that name %s", s->name);
		snprintf(sought, sizeof sought, "Looked for: the whole name \xe2\x80\x9c%s\xe2\x80\x9d "
			 "in any case%s%s%s; %s.", s->name, s->initials[0] ? ", the initials \xe2\x80\x9c" : "",
			 s->initials, s->initials[0] ? "\xe2\x80\x9d as written" : "",
			 s->person ? "links to their directory entry" : "no one in the directory "
			 "has this name");
		pd_dm_titles(&dm, title, sought, "plandesk mentions");
		pd_dm_table(&dm, PD_DM_T_COMPACT, 2);
		for (int c = 0; c < NCOLS; c++)
			pd_dm_col(&dm, heads[c].head, heads[c].width);
		rc = pd_mentions_each(txn, s, one, &w, err);
		pd_dm_table_end(&dm);
		if (rc == PD_OK && !w.n)
			pd_dm_para(&dm, PD_DM_NOTE, "No record names them.");
		if (rc == PD_OK)
			rc = pd_dm_write(&dm, fmt, fm, out, err);
		pd_dm_free(&dm);
	}
	if (rows)
		*rows = w.n;
	return rc;
}

int pd_disclose_mentions(struct pd_store *st, struct pd_disclosure *d,
			 const struct pd_subject *s, enum pd_format fmt,
			 struct pd_buf *out, struct pd_err *err)
{
	struct pd_txn *txn;
	int rc;

	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	rc = pd_mentions_doc(txn, s, fmt, out, &d->rows, err);
	pd_txn_end(txn);
	if (rc != PD_OK)
		return rc;
	d->what = "mentions";
	d->format = pd_format_name(fmt);
	return pd_disclosure_save(st, d, out->p, out->n, err);
}
