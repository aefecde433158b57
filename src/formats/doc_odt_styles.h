/*
 * doc_odt_styles.h — the styles half of the OpenDocument writer
 * (doc_odt_styles.c: styles.xml, meta.xml, the manifest, and the cell
 * styles content.xml carries), with what both halves use: the namespaces
 * and the text width.  doc_odt.c writes content.xml.  Not part of the API.
 */
#ifndef PLANDESK_DOC_ODT_STYLES_H
#define PLANDESK_DOC_ODT_STYLES_H

#include "plandesk/documents/docmodel.h"
#include "doc_xml.h"

#define ODF_VERSION "1.3"
#define ODF_NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define ODF_NS_STYLE  "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define ODF_NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define ODF_NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define ODF_NS_FO     "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define ODF_NS_SVG    "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define ODF_NS_META   "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define ODF_NS_DC     "http://purl.org/dc/elements/1.1/"

/* The text width: A4 less two 2 cm margins, in cm. */
#define ODT_WIDTH(dm) ((dm)->landscape ? 25.7 : 17.0)

/* Declare the namespaces content.xml and styles.xml use on `x`'s root. */
void pd_odt_namespaces(struct pd_xml *x);

/* The cell style of a shade: "Cell", "CellDone", … */
const char *pd_odt_cell_style(enum pd_status_kind kind);

/* The automatic styles of cells ("Cell", "CellHead", "CellDone", …) and
 * rows ("Row": may break across pages).  LibreOffice reads cell and row
 * styles only as automatic styles, so they go in content.xml. */
void pd_odt_cell_styles(struct pd_xml *x);

/* Add styles.xml, meta.xml and META-INF/manifest.xml to `z` (failures in
 * z->rc).  The mimetype entry comes first and is the caller's. */
void pd_odt_parts(struct pd_zipw *z, const struct pd_dm *dm);

#endif
