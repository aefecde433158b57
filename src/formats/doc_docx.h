/*
 * doc_docx.h — what the two halves of the Word writer share (doc_docx.c:
 * the body and footer; doc_docx_parts.c: the fixed parts).  Not part of
 * the API.
 */
#ifndef PLANDESK_DOC_DOCX_H
#define PLANDESK_DOC_DOCX_H

#include "plandesk/documents/docmodel.h"
#include "doc_xml.h"

#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* A4 in twips (1/1440 inch), and the margin all round: 2 cm. */
#define DOCX_A4_W   11906
#define DOCX_A4_H   16838
#define DOCX_MARGIN 1134

/* The relationship of word/document.xml to its footer. */
#define DOCX_FOOTER_RID "rIdFooter1"

/*
 * Add the parts every document has — [Content_Types].xml, the package
 * and document relationships, docProps/core.xml and app.xml, and
 * word/styles.xml, numbering.xml and settings.xml — to `z`.  Failures are
 * kept in z->rc.
 */
void pd_docx_parts(struct pd_zipw *z, const struct pd_dm *dm);

#endif
