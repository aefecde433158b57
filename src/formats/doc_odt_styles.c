/*
 * doc_odt_styles.c — the parts of an OpenDocument text file that do not
 * depend on the text: styles.xml (the paragraph styles with
 * LibreOffice's names, so Heading 1–3 are the outline the Navigator and a
 * table of contents show; the bullet list; the cell borders and shades;
 * the A4 page with 2 cm margins and a footer with "Page N of M"),
 * meta.xml and the manifest.
 */
#include <stdio.h>
#include <string.h>

#include "documents/docmodel_impl.h"
#include "doc_odt_styles.h"

void pd_odt_namespaces(struct pd_xml *x)
{
	pd_xml_attr(x, "xmlns:office", ODF_NS_OFFICE);
	pd_xml_attr(x, "xmlns:style", ODF_NS_STYLE);
	pd_xml_attr(x, "xmlns:text", ODF_NS_TEXT);
	pd_xml_attr(x, "xmlns:table", ODF_NS_TABLE);
	pd_xml_attr(x, "xmlns:fo", ODF_NS_FO);
	pd_xml_attr(x, "xmlns:svg", ODF_NS_SVG);
}

static const struct { enum pd_status_kind kind; const char *name; } cells[] = {
	{ PD_ST_DONE, "CellDone" }, { PD_ST_OK, "CellOk" },
	{ PD_ST_SLIPPED, "CellSlipped" }, { PD_ST_FAILED, "CellFailed" },
};

const char *pd_odt_cell_style(enum pd_status_kind kind)
{
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
		if (cells[i].kind == kind)
			return cells[i].name;
	return "Cell";
}

struct pstyle {
	const char *name, *display, *parent, *next;
	const char *size;          /* NULL: inherited */
	bool        bold, italic, keep;
	const char *above, *below; /* margins; NULL: inherited */
	int         outline;       /* 1–3, or 0 */
	const char *indent;        /* left margin, or NULL */
};

static const struct pstyle pstyles[] = {
	{ "Standard", NULL, NULL, NULL, NULL, false, false, false, NULL, NULL, 0, NULL },
	{ "Text_20_body", "Text body", "Standard", NULL, NULL, false, false, false,
	  "0cm", "0.18cm", 0, NULL },
	{ "Title", NULL, "Standard", "Subtitle", "16pt", true, false, true, "0cm", "0.1cm", 0, NULL },
	{ "Subtitle", NULL, "Standard", "Text_20_body", "12pt", false, false, true,
	  "0cm", "0.35cm", 0, NULL },
	{ "Heading", NULL, "Standard", "Text_20_body", NULL, true, false, true,
	  "0.45cm", "0.15cm", 0, NULL },
	{ "Heading_20_1", "Heading 1", "Heading", "Text_20_body", "13pt", true, false, true,
	  NULL, NULL, 1, NULL },
	{ "Heading_20_2", "Heading 2", "Heading", "Text_20_body", "11pt", true, false, true,
	  "0.4cm", NULL, 2, NULL },
	{ "Heading_20_3", "Heading 3", "Heading", "Text_20_body", "10pt", true, false, true,
	  "0.3cm", NULL, 3, NULL },
	{ "List_20_Contents", "List Contents", "Standard", NULL, NULL, false, false, false,
	  "0cm", "0.07cm", 0, NULL },
	{ "Note", NULL, "Standard", NULL, NULL, false, true, false, "0cm", "0.1cm", 0, NULL },
	{ "Table_20_Contents", "Table Contents", "Standard", NULL, NULL, false, false, false,
	  "0cm", "0.07cm", 0, NULL },
	{ "Table_20_Heading", "Table Heading", "Table_20_Contents", NULL, NULL, true, false,
	  false, NULL, NULL, 0, NULL },
	{ "TableSub", "Table Sub-item", "Table_20_Contents", NULL, NULL, false, false, false,
	  NULL, NULL, 0, "0.4cm" },
	{ "Footer", NULL, "Standard", NULL, "8pt", false, false, false, "0cm", "0cm", 0, NULL },
};

static void pstyle(struct pd_xml *x, const struct pstyle *s, double width)
{
	pd_xml_start(x, "style:style");
	pd_xml_attr(x, "style:name", s->name);
	if (s->display)
		pd_xml_attr(x, "style:display-name", s->display);
	pd_xml_attr(x, "style:family", "paragraph");
	if (s->parent)
		pd_xml_attr(x, "style:parent-style-name", s->parent);
	if (s->next)
		pd_xml_attr(x, "style:next-style-name", s->next);
	if (s->outline)
		pd_xml_attrf(x, "style:default-outline-level", "%d", s->outline);
	pd_xml_start(x, "style:paragraph-properties");
	if (s->above)
		pd_xml_attr(x, "fo:margin-top", s->above);
	if (s->below)
		pd_xml_attr(x, "fo:margin-bottom", s->below);
	if (s->indent)
		pd_xml_attr(x, "fo:margin-left", s->indent);
	if (s->keep)
		pd_xml_attr(x, "fo:keep-with-next", "always");
	if (strncmp(s->name, "Table", 5) == 0) {
		/* A row breaks where it falls, not a line early. */
		pd_xml_attr(x, "fo:widows", "0");
		pd_xml_attr(x, "fo:orphans", "0");
	}
	if (strcmp(s->name, "Footer") == 0) {
		pd_xml_start(x, "style:tab-stops");
		pd_xml_start(x, "style:tab-stop");
		pd_xml_attrf(x, "style:position", "%.2fcm", width);
		pd_xml_attr(x, "style:type", "right");
		pd_xml_end(x);
		pd_xml_end(x);
	}
	pd_xml_end(x);
	if (s->size || s->bold || s->italic || strcmp(s->name, "Note") == 0) {
		pd_xml_start(x, "style:text-properties");
		if (s->size)
			pd_xml_attr(x, "fo:font-size", s->size);
		if (s->bold)
			pd_xml_attr(x, "fo:font-weight", "bold");
		if (s->italic)
			pd_xml_attr(x, "fo:font-style", "italic");
		if (strcmp(s->name, "Note") == 0)
			pd_xml_attr(x, "fo:color", "#404040");
		pd_xml_end(x);
	}
	pd_xml_end(x);
}

static void text_style(struct pd_xml *x, const char *name, const char *display,
		       const char *attr, const char *value)
{
	pd_xml_start(x, "style:style");
	pd_xml_attr(x, "style:name", name);
	pd_xml_attr(x, "style:display-name", display);
	pd_xml_attr(x, "style:family", "text");
	pd_xml_empty(x, "style:text-properties", attr, value);
	pd_xml_end(x);
}

static void cell_style(struct pd_xml *x, const char *name, const char *rgb)
{
	pd_xml_start(x, "style:style");
	pd_xml_attr(x, "style:name", name);
	pd_xml_attr(x, "style:family", "table-cell");
	pd_xml_start(x, "style:table-cell-properties");
	pd_xml_attr(x, "fo:padding", "0.1cm");
	pd_xml_attr(x, "fo:border", "0.5pt solid #000000");
	if (rgb)
		pd_xml_attrf(x, "fo:background-color", "#%s", rgb);
	pd_xml_end(x);
	pd_xml_end(x);
}

void pd_odt_cell_styles(struct pd_xml *x)
{
	cell_style(x, "Cell", NULL);
	cell_style(x, "CellHead", PD_DM_HEAD_RGB);
	cell_style(x, "CellGroup", PD_DM_GROUP_RGB);
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
		cell_style(x, cells[i].name, pd_dm_shade_rgb(cells[i].kind));
	pd_xml_start(x, "style:style");
	pd_xml_attr(x, "style:name", "Row");
	pd_xml_attr(x, "style:family", "table-row");
	pd_xml_empty(x, "style:table-row-properties", "fo:keep-together", "auto");
	pd_xml_end(x);
}

/* A bullet, then an en dash for sub-points. */
static void bullets(struct pd_xml *x)
{
	static const char *const marks[] = { "\xe2\x80\xa2", "\xe2\x80\x93" };

	pd_xml_start(x, "text:list-style");
	pd_xml_attr(x, "style:name", "Bullets");
	for (int l = 0; l < 2; l++) {
		pd_xml_start(x, "text:list-level-style-bullet");
		pd_xml_attrf(x, "text:level", "%d", l + 1);
		pd_xml_attr(x, "text:bullet-char", marks[l]);
		pd_xml_start(x, "style:list-level-properties");
		pd_xml_attr(x, "text:list-level-position-and-space-mode", "label-alignment");
		pd_xml_start(x, "style:list-level-label-alignment");
		pd_xml_attr(x, "text:label-followed-by", "listtab");
		pd_xml_attrf(x, "text:list-tab-stop-position", "%.1fcm", 0.5 * (l + 1));
		pd_xml_attr(x, "fo:text-indent", "-0.5cm");
		pd_xml_attrf(x, "fo:margin-left", "%.1fcm", 0.5 * (l + 1));
		pd_xml_end(x);
		pd_xml_end(x);
		pd_xml_end(x);
	}
	pd_xml_end(x);
}

static void page(struct pd_xml *x, const struct pd_dm *dm)
{
	pd_xml_start(x, "style:page-layout");
	pd_xml_attr(x, "style:name", "A4");
	pd_xml_start(x, "style:page-layout-properties");
	pd_xml_attr(x, "fo:page-width", dm->landscape ? "29.7cm" : "21cm");
	pd_xml_attr(x, "fo:page-height", dm->landscape ? "21cm" : "29.7cm");
	pd_xml_attr(x, "style:print-orientation", dm->landscape ? "landscape" : "portrait");
	pd_xml_attr(x, "fo:margin-top", "2cm");
	pd_xml_attr(x, "fo:margin-bottom", "1cm");
	pd_xml_attr(x, "fo:margin-left", "2cm");
	pd_xml_attr(x, "fo:margin-right", "2cm");
	pd_xml_end(x);
	pd_xml_start(x, "style:footer-style");
	pd_xml_start(x, "style:header-footer-properties");
	pd_xml_attr(x, "fo:min-height", "0.6cm");
	pd_xml_attr(x, "fo:margin-top", "0.4cm");
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_end(x);
}

static void footer(struct pd_xml *x, const struct pd_dm *dm)
{
	pd_xml_start(x, "style:master-page");
	pd_xml_attr(x, "style:name", "Standard");
	pd_xml_attr(x, "style:page-layout-name", "A4");
	pd_xml_start(x, "style:footer");
	pd_xml_start(x, "text:p");
	pd_xml_attr(x, "text:style-name", "Footer");
	if (dm->footer)
		pd_xml_text(x, dm->footer, strlen(dm->footer));
	pd_xml_empty(x, "text:tab", NULL, NULL);
	pd_xml_text(x, "Page ", 5);
	pd_xml_start(x, "text:page-number");
	pd_xml_attr(x, "text:select-page", "current");
	pd_xml_text(x, "1", 1);
	pd_xml_end(x);
	pd_xml_text(x, " of ", 4);
	pd_xml_elem(x, "text:page-count", "1");
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_end(x);
}

static void styles(struct pd_xml *x, const struct pd_dm *dm)
{
	pd_xml_start(x, "office:document-styles");
	pd_odt_namespaces(x);
	pd_xml_attr(x, "office:version", ODF_VERSION);
	pd_xml_start(x, "office:font-face-decls");
	pd_xml_start(x, "style:font-face");
	pd_xml_attr(x, "style:name", "Arial");
	pd_xml_attr(x, "svg:font-family", "Arial");
	pd_xml_attr(x, "style:font-family-generic", "swiss");
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_start(x, "office:styles");
	pd_xml_start(x, "style:default-style");
	pd_xml_attr(x, "style:family", "paragraph");
	pd_xml_start(x, "style:text-properties");
	pd_xml_attr(x, "style:font-name", "Arial");
	pd_xml_attr(x, "fo:font-size", "10pt");
	pd_xml_attr(x, "fo:language", "en");
	pd_xml_attr(x, "fo:country", "GB");
	pd_xml_end(x);
	pd_xml_end(x);
	for (size_t i = 0; i < sizeof pstyles / sizeof pstyles[0]; i++)
		pstyle(x, &pstyles[i], ODT_WIDTH(dm));
	text_style(x, "Strong_20_Emphasis", "Strong Emphasis", "fo:font-weight", "bold");
	text_style(x, "Emphasis", "Emphasis", "fo:font-style", "italic");
	bullets(x);
	pd_xml_end(x);
	pd_xml_start(x, "office:automatic-styles");
	page(x, dm);
	pd_xml_end(x);
	pd_xml_start(x, "office:master-styles");
	footer(x, dm);
	pd_xml_end(x);
	pd_xml_end(x);
}

static void meta(struct pd_xml *x, const struct pd_dm *dm)
{
	char when[32];

	pd_xml_start(x, "office:document-meta");
	pd_xml_attr(x, "xmlns:office", ODF_NS_OFFICE);
	pd_xml_attr(x, "xmlns:meta", ODF_NS_META);
	pd_xml_attr(x, "xmlns:dc", ODF_NS_DC);
	pd_xml_attr(x, "office:version", ODF_VERSION);
	pd_xml_start(x, "office:meta");
	pd_xml_elem(x, "meta:generator", "plandesk");
	pd_xml_elem(x, "dc:title", dm->title ? dm->title : "");
	pd_xml_elem(x, "dc:language", "en-GB");
	if (dm->date.y) {
		snprintf(when, sizeof when, "%04d-%02d-%02dT00:00:00", dm->date.y,
			 dm->date.m, dm->date.d ? dm->date.d : 1);
		pd_xml_elem(x, "meta:creation-date", when);
	}
	pd_xml_end(x);
	pd_xml_end(x);
}

static void manifest(struct pd_xml *x)
{
	static const char *const parts[] = { "content.xml", "styles.xml", "meta.xml" };

	pd_xml_start(x, "manifest:manifest");
	pd_xml_attr(x, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
	pd_xml_attr(x, "manifest:version", ODF_VERSION);
	pd_xml_start(x, "manifest:file-entry");
	pd_xml_attr(x, "manifest:full-path", "/");
	pd_xml_attr(x, "manifest:version", ODF_VERSION);
	pd_xml_attr(x, "manifest:media-type", "application/vnd.oasis.opendocument.text");
	pd_xml_end(x);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		pd_xml_start(x, "manifest:file-entry");
		pd_xml_attr(x, "manifest:full-path", parts[i]);
		pd_xml_attr(x, "manifest:media-type", "text/xml");
		pd_xml_end(x);
	}
	pd_xml_end(x);
}

void pd_odt_parts(struct pd_zipw *z, const struct pd_dm *dm)
{
	struct pd_xml x;

	if (pd_xml_begin(&x) == PD_OK)
		styles(&x, dm);
	pd_xml_part(&x, z, "styles.xml");
	if (pd_xml_begin(&x) == PD_OK)
		meta(&x, dm);
	pd_xml_part(&x, z, "meta.xml");
	if (pd_xml_begin(&x) == PD_OK)
		manifest(&x);
	pd_xml_part(&x, z, "META-INF/manifest.xml");
}
