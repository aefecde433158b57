/*
 * doc_docx_parts.c — the parts of a Word file that do not depend on the
 * text: content types, relationships, document properties, the styles
 * (Word's built-in names, so Heading 1–3 drive the navigation pane and a
 * table of contents), the bullet list numbering and the settings.
 */
#include <stdio.h>
#include <string.h>

#include "doc_docx.h"

#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_OFFICE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

static void content_types(struct pd_xml *x)
{
	static const struct { const char *part, *type; } over[] = {
		{ "/word/document.xml", CT_WML "document.main+xml" },
		{ "/word/styles.xml", CT_WML "styles+xml" },
		{ "/word/numbering.xml", CT_WML "numbering+xml" },
		{ "/word/settings.xml", CT_WML "settings+xml" },
		{ "/word/footer1.xml", CT_WML "footer+xml" },
		{ "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
		{ "/docProps/app.xml",
		  "application/vnd.openxmlformats-officedocument.extended-properties+xml" },
	};

	pd_xml_start(x, "Types");
	pd_xml_attr(x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	pd_xml_start(x, "Default");
	pd_xml_attr(x, "Extension", "rels");
	pd_xml_attr(x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
	pd_xml_end(x);
	pd_xml_start(x, "Default");
	pd_xml_attr(x, "Extension", "xml");
	pd_xml_attr(x, "ContentType", "application/xml");
	pd_xml_end(x);
	for (size_t i = 0; i < sizeof over / sizeof over[0]; i++) {
		pd_xml_start(x, "Override");
		pd_xml_attr(x, "PartName", over[i].part);
		pd_xml_attr(x, "ContentType", over[i].type);
		pd_xml_end(x);
	}
	pd_xml_end(x);
}

struct rel { const char *id, *type, *target; };

static void rels(struct pd_xml *x, const struct rel *r, size_t n)
{
	pd_xml_start(x, "Relationships");
	pd_xml_attr(x, "xmlns", NS_PKG_REL);
	for (size_t i = 0; i < n; i++) {
		pd_xml_start(x, "Relationship");
		pd_xml_attr(x, "Id", r[i].id);
		pd_xml_attr(x, "Type", r[i].type);
		pd_xml_attr(x, "Target", r[i].target);
		pd_xml_end(x);
	}
	pd_xml_end(x);
}

static const struct rel package_rels[] = {
	{ "rId1", REL_OFFICE "officeDocument", "word/document.xml" },
	{ "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/"
		  "metadata/core-properties", "docProps/core.xml" },
	{ "rId3", REL_OFFICE "extended-properties", "docProps/app.xml" },
};

static const struct rel document_rels[] = {
	{ "rId1", REL_OFFICE "styles", "styles.xml" },
	{ "rId2", REL_OFFICE "numbering", "numbering.xml" },
	{ "rId3", REL_OFFICE "settings", "settings.xml" },
	{ DOCX_FOOTER_RID, REL_OFFICE "footer", "footer1.xml" },
};

static void core(struct pd_xml *x, const struct pd_dm *dm)
{
	char when[32];

	pd_xml_start(x, "cp:coreProperties");
	pd_xml_attr(x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/"
		    "metadata/core-properties");
	pd_xml_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	pd_xml_attr(x, "xmlns:dcterms", "http://purl.org/dc/terms/");
	pd_xml_attr(x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	pd_xml_elem(x, "dc:title", dm->title ? dm->title : "");
	pd_xml_elem(x, "dc:language", "en-GB");
	if (dm->date.y) {
		snprintf(when, sizeof when, "%04d-%02d-%02dT00:00:00Z", dm->date.y,
			 dm->date.m, dm->date.d ? dm->date.d : 1);
		pd_xml_start(x, "dcterms:created");
		pd_xml_attr(x, "xsi:type", "dcterms:W3CDTF");
		pd_xml_text(x, when, strlen(when));
		pd_xml_end(x);
	}
	pd_xml_end(x);
}

static void app_props(struct pd_xml *x)
{
	pd_xml_start(x, "Properties");
	pd_xml_attr(x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/"
		    "extended-properties");
	pd_xml_elem(x, "Application", "plandesk");
	pd_xml_end(x);
}

/* --- styles ---------------------------------------------------------------- */

struct style {
	const char *id, *name, *based, *next;
	int         size;        /* half-points; 0: inherited */
	bool        bold, italic, keep_next;
	int         before, after;   /* twips; -1: inherited */
	int         outline;     /* 0–2, or -1 */
	int         list;        /* list level + 1, or 0 */
};

static const struct style styles_tab[] = {
	{ "Normal", "Normal", NULL, NULL, 0, false, false, false, -1, -1, -1, 0 },
	{ "Title", "Title", "Normal", "Normal", 32, true, false, true, 0, 60, -1, 0 },
	{ "Subtitle", "Subtitle", "Normal", "Normal", 24, false, false, true, 0, 200, -1, 0 },
	{ "Heading1", "heading 1", "Normal", "Normal", 26, true, false, true, 280, 100, 0, 0 },
	{ "Heading2", "heading 2", "Normal", "Normal", 22, true, false, true, 220, 80, 1, 0 },
	{ "Heading3", "heading 3", "Normal", "Normal", 20, true, false, true, 180, 60, 2, 0 },
	{ "ListBullet", "List Bullet", "Normal", NULL, 0, false, false, false, -1, 40, -1, 1 },
	{ "ListBullet2", "List Bullet 2", "Normal", NULL, 0, false, false, false, -1, 40, -1, 2 },
	{ "TableText", "Table Text", "Normal", NULL, 0, false, false, false, 0, 40, -1, 0 },
	{ "TableHeading", "Table Heading", "TableText", NULL, 0, true, false, false, -1, -1, -1, 0 },
	{ "Footer", "footer", "Normal", NULL, 16, false, false, false, 0, 0, -1, 0 },
};

static void attr_int(struct pd_xml *x, const char *name, int v)
{
	pd_xml_attrf(x, name, "%d", v);
}

static void style(struct pd_xml *x, const struct style *s)
{
	pd_xml_start(x, "w:style");
	pd_xml_attr(x, "w:type", "paragraph");
	if (strcmp(s->id, "Normal") == 0)
		pd_xml_attr(x, "w:default", "1");
	pd_xml_attr(x, "w:styleId", s->id);
	pd_xml_empty(x, "w:name", "w:val", s->name);
	if (s->based)
		pd_xml_empty(x, "w:basedOn", "w:val", s->based);
	if (s->next)
		pd_xml_empty(x, "w:next", "w:val", s->next);
	pd_xml_empty(x, "w:qFormat", NULL, NULL);
	pd_xml_start(x, "w:pPr");
	/* In a table cell, a line is not moved to the next page for the
	 * sake of a widow or an orphan: the row breaks where it falls. */
	if (strncmp(s->id, "Table", 5) == 0)
		pd_xml_empty(x, "w:widowControl", "w:val", "0");
	if (s->keep_next) {
		pd_xml_empty(x, "w:keepNext", NULL, NULL);
		pd_xml_empty(x, "w:keepLines", NULL, NULL);
	}
	if (s->list) {
		pd_xml_start(x, "w:numPr");
		pd_xml_empty(x, "w:ilvl", "w:val", s->list > 1 ? "1" : "0");
		pd_xml_empty(x, "w:numId", "w:val", "1");
		pd_xml_end(x);
	}
	if (s->before >= 0 || s->after >= 0) {
		pd_xml_start(x, "w:spacing");
		if (s->before >= 0)
			attr_int(x, "w:before", s->before);
		if (s->after >= 0)
			attr_int(x, "w:after", s->after);
		pd_xml_end(x);
	}
	if (s->outline >= 0) {
		pd_xml_start(x, "w:outlineLvl");
		attr_int(x, "w:val", s->outline);
		pd_xml_end(x);
	}
	pd_xml_end(x);
	if (s->bold || s->italic || s->size) {
		pd_xml_start(x, "w:rPr");
		if (s->bold)
			pd_xml_empty(x, "w:b", NULL, NULL);
		if (s->italic)
			pd_xml_empty(x, "w:i", NULL, NULL);
		if (s->size) {
			pd_xml_start(x, "w:sz");
			attr_int(x, "w:val", s->size);
			pd_xml_end(x);
			pd_xml_start(x, "w:szCs");
			attr_int(x, "w:val", s->size);
			pd_xml_end(x);
		}
		pd_xml_end(x);
	}
	pd_xml_end(x);
}

static void styles(struct pd_xml *x)
{
	pd_xml_start(x, "w:styles");
	pd_xml_attr(x, "xmlns:w", DOCX_NS_W);
	pd_xml_start(x, "w:docDefaults");
	pd_xml_start(x, "w:rPrDefault");
	pd_xml_start(x, "w:rPr");
	pd_xml_start(x, "w:rFonts");
	pd_xml_attr(x, "w:ascii", "Arial");
	pd_xml_attr(x, "w:hAnsi", "Arial");
	pd_xml_attr(x, "w:eastAsia", "Arial");
	pd_xml_attr(x, "w:cs", "Arial");
	pd_xml_end(x);
	pd_xml_empty(x, "w:sz", "w:val", "20");
	pd_xml_empty(x, "w:szCs", "w:val", "20");
	pd_xml_empty(x, "w:lang", "w:val", "en-GB");
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_start(x, "w:pPrDefault");
	pd_xml_start(x, "w:pPr");
	pd_xml_start(x, "w:spacing");
	pd_xml_attr(x, "w:after", "100");
	pd_xml_attr(x, "w:line", "252");
	pd_xml_attr(x, "w:lineRule", "auto");
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_end(x);
	for (size_t i = 0; i < sizeof styles_tab / sizeof styles_tab[0]; i++)
		style(x, &styles_tab[i]);
	pd_xml_end(x);
}

/* One list: a bullet, then an en dash for sub-points. */
static void numbering(struct pd_xml *x)
{
	static const char *const marks[] = { "\xe2\x80\xa2", "\xe2\x80\x93" };

	pd_xml_start(x, "w:numbering");
	pd_xml_attr(x, "xmlns:w", DOCX_NS_W);
	pd_xml_start(x, "w:abstractNum");
	pd_xml_attr(x, "w:abstractNumId", "0");
	pd_xml_empty(x, "w:multiLevelType", "w:val", "hybridMultilevel");
	for (int l = 0; l < 2; l++) {
		pd_xml_start(x, "w:lvl");
		attr_int(x, "w:ilvl", l);
		pd_xml_empty(x, "w:start", "w:val", "1");
		pd_xml_empty(x, "w:numFmt", "w:val", "bullet");
		pd_xml_empty(x, "w:lvlText", "w:val", marks[l]);
		pd_xml_empty(x, "w:lvlJc", "w:val", "left");
		pd_xml_start(x, "w:pPr");
		pd_xml_start(x, "w:ind");
		attr_int(x, "w:left", 284 * (l + 1));
		attr_int(x, "w:hanging", 284);
		pd_xml_end(x);
		pd_xml_end(x);
		pd_xml_end(x);
	}
	pd_xml_end(x);
	pd_xml_start(x, "w:num");
	pd_xml_attr(x, "w:numId", "1");
	pd_xml_empty(x, "w:abstractNumId", "w:val", "0");
	pd_xml_end(x);
	pd_xml_end(x);
}

static void settings(struct pd_xml *x)
{
	pd_xml_start(x, "w:settings");
	pd_xml_attr(x, "xmlns:w", DOCX_NS_W);
	pd_xml_empty(x, "w:defaultTabStop", "w:val", "720");
	pd_xml_empty(x, "w:characterSpacingControl", "w:val", "doNotCompress");
	pd_xml_start(x, "w:compat");
	pd_xml_start(x, "w:compatSetting");
	pd_xml_attr(x, "w:name", "compatibilityMode");
	pd_xml_attr(x, "w:uri", "http://schemas.microsoft.com/office/word");
	pd_xml_attr(x, "w:val", "15");
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_end(x);
}

void pd_docx_parts(struct pd_zipw *z, const struct pd_dm *dm)
{
	struct pd_xml x;

	if (pd_xml_begin(&x) == PD_OK)
		content_types(&x);
	pd_xml_part(&x, z, "[Content_Types].xml");
	if (pd_xml_begin(&x) == PD_OK)
		rels(&x, package_rels, sizeof package_rels / sizeof package_rels[0]);
	pd_xml_part(&x, z, "_rels/.rels");
	if (pd_xml_begin(&x) == PD_OK)
		core(&x, dm);
	pd_xml_part(&x, z, "docProps/core.xml");
	if (pd_xml_begin(&x) == PD_OK)
		app_props(&x);
	pd_xml_part(&x, z, "docProps/app.xml");
	if (pd_xml_begin(&x) == PD_OK)
		rels(&x, document_rels, sizeof document_rels / sizeof document_rels[0]);
	pd_xml_part(&x, z, "word/_rels/document.xml.rels");
	if (pd_xml_begin(&x) == PD_OK)
		styles(&x);
	pd_xml_part(&x, z, "word/styles.xml");
	if (pd_xml_begin(&x) == PD_OK)
		numbering(&x);
	pd_xml_part(&x, z, "word/numbering.xml");
	if (pd_xml_begin(&x) == PD_OK)
		settings(&x);
	pd_xml_part(&x, z, "word/settings.xml");
}
