/*
 * docmodel_impl.h — the writers of the document model (docmodel.h), one
 * file each, and what they share.  Not part of the API.
 *
 *	doc_md.c    Markdown
 *	doc_txt.c   plain text
 *	doc_html.c  HTML
 *
 * Word and OpenDocument are written by the document module
 * (src/formats/: doc_docx.c, doc_odt.c), reached through its table
 * (formats.h).  doc_write.c picks the writer of a format (pd_dm_write).
 */
#ifndef PLANDESK_DOCMODEL_IMPL_H
#define PLANDESK_DOCMODEL_IMPL_H

#include "plandesk/documents/docmodel.h"

/* Text writers: PD_OK or PD_ENOMEM. */
int pd_dm_write_md(const struct pd_dm *dm, struct pd_buf *out);
int pd_dm_write_txt(const struct pd_dm *dm, struct pd_buf *out);
int pd_dm_write_html(const struct pd_dm *dm, struct pd_buf *out);

/* True when cell `c` holds no text. */
bool pd_dm_cell_empty(const struct pd_dm_cell *c);

/* The text of a block's runs, one after the other, into b (reset first).
 * PD_OK or PD_ENOMEM. */
int pd_dm_plain(const struct pd_dm_block *blk, struct pd_buf *b);

/* The fill of a cell shaded for `kind`, as RRGGBB hex; NULL for none.
 * Light enough that black text stays readable on it, and distinct in
 * grey print as well (the text says the status too). */
const char *pd_dm_shade_rgb(enum pd_status_kind kind);

/* The fills of header rows, group rows and field labels. */
#define PD_DM_HEAD_RGB  "D9D9D9"
#define PD_DM_GROUP_RGB "EDEDED"

#endif
