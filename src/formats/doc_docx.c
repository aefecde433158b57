/*
 * doc_docx.c — the document model as a Word file (Office Open XML,
 * WordprocessingML): word/document.xml and the footer with the page
 * numbers here; the fixed parts (styles, list numbering, settings,
 * content types, relationships, properties) in doc_docx_parts.c.
 *
 * The body uses the built-in styles (Title, Subtitle, Heading 1–3, List
 * Bullet) so Word's navigation pane and table of contents see the
 * structure.  Tables are fixed-width with their header row marked
 * w:tblHeader (repeated on each page) and no w:cantSplit, so a long row
 * breaks across pages instead of leaving the page before it half empty;
 * shaded cells keep their text (w:shd).  The page is A4 with 2 cm
 * margins, portrait or landscape, and its footer says "Page N of M".
 */
#include <string.h>

#include "documents/docmodel_impl.h"
#include "writers.h"
#include "doc_docx.h"

/* Text width in twips: A4 less two 2 cm margins. */
static long text_width(const struct pd_dm *dm)
{
	return (dm->landscape ? DOCX_A4_H : DOCX_A4_W) - 2 * DOCX_MARGIN;
}

/* <w:r> for text that may hold line breaks: <w:t> pieces and <w:br/>. */
static void run(struct pd_xml *x, const char *text, unsigned style, unsigned role)
{
	bool bold = (style & PD_DM_BOLD) || (role & PD_DM_FLAG);
	bool italic = (style & PD_DM_ITALIC) || (role & PD_DM_NOTE);

	pd_xml_start(x, "w:r");
	if (bold || italic) {
		pd_xml_start(x, "w:rPr");
		if (bold)
			pd_xml_empty(x, "w:b", NULL, NULL);
		if (italic) {
			pd_xml_empty(x, "w:i", NULL, NULL);
			if (role & PD_DM_NOTE)
				pd_xml_empty(x, "w:color", "w:val", "404040");
		}
		pd_xml_end(x);
	}
	for (;;) {
		size_t n = strcspn(text, "\n");
		if (n) {
			pd_xml_start(x, "w:t");
			pd_xml_attr(x, "xml:space", "preserve");
			pd_xml_text(x, text, n);
			pd_xml_end(x);
		}
		if (!text[n])
			break;
		pd_xml_empty(x, "w:br", NULL, NULL);
		text += n + 1;
	}
	pd_xml_end(x);
}

/*
 * A paragraph of style `pstyle` (NULL: Normal), indented `ind` twips;
 * `keep`: on the same page as the next (in a table: its row with the next
 * row, so a group's name is never the last line of a page).
 */
static void para(struct pd_xml *x, const struct pd_dm_block *blk,
		 const char *pstyle, long ind, bool keep)
{
	pd_xml_start(x, "w:p");
	if (pstyle || ind || keep) {
		pd_xml_start(x, "w:pPr");
		if (pstyle)
			pd_xml_empty(x, "w:pStyle", "w:val", pstyle);
		if (keep)
			pd_xml_empty(x, "w:keepNext", NULL, NULL);
		if (ind) {
			pd_xml_start(x, "w:ind");
			pd_xml_attrf(x, "w:left", "%ld", ind);
			pd_xml_end(x);
		}
		pd_xml_end(x);
	}
	for (size_t r = 0; r < blk->nruns; r++)
		run(x, blk->runs[r].text, blk->runs[r].style, blk->role);
	pd_xml_end(x);
}

/* A heading, paragraph or list item; `cell`: inside a table cell. */
static void block(struct pd_xml *x, const struct pd_dm_block *blk, bool cell,
		  bool head, long ind, bool keep)
{
	static const char *const headings[] = { "Heading1", "Heading2", "Heading3" };

	switch (blk->kind) {
	case PD_DM_HEADING:
		para(x, blk, headings[blk->level - 1], 0, false);
		break;
	case PD_DM_ITEM:
		para(x, blk, blk->level > 1 ? "ListBullet2" : "ListBullet", ind, keep);
		break;
	default:
		para(x, blk, head ? "TableHeading" : cell ? "TableText" : NULL, ind, keep);
	}
}

static void shade(struct pd_xml *x, const char *rgb)
{
	if (!rgb)
		return;
	pd_xml_start(x, "w:shd");
	pd_xml_attr(x, "w:val", "clear");
	pd_xml_attr(x, "w:color", "auto");
	pd_xml_attr(x, "w:fill", rgb);
	pd_xml_end(x);
}

/* One cell: width, span, shading, then its paragraphs (at least one). */
static void cell(struct pd_xml *x, const struct pd_dm_cell *c, long width,
		 size_t span, const char *fill, bool head, long ind, bool keep)
{
	const char *rgb = pd_dm_shade_rgb(c->shade);

	pd_xml_start(x, "w:tc");
	pd_xml_start(x, "w:tcPr");
	pd_xml_start(x, "w:tcW");
	pd_xml_attrf(x, "w:w", "%ld", width);
	pd_xml_attr(x, "w:type", "dxa");
	pd_xml_end(x);
	if (span > 1) {
		pd_xml_start(x, "w:gridSpan");
		pd_xml_attrf(x, "w:val", "%zu", span);
		pd_xml_end(x);
	}
	shade(x, rgb ? rgb : fill);
	pd_xml_end(x);
	for (size_t i = 0; i < c->body.n; i++)
		block(x, &c->body.v[i], true, head, ind, keep);
	if (!c->body.n) {
		pd_xml_start(x, "w:p");
		pd_xml_start(x, "w:pPr");
		pd_xml_empty(x, "w:pStyle", "w:val", "TableText");
		pd_xml_end(x);
		pd_xml_end(x);
	}
	pd_xml_end(x);
}

static void table_props(struct pd_xml *x)
{
	static const char *const sides[] = {
		"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV",
	};

	pd_xml_start(x, "w:tblPr");
	pd_xml_start(x, "w:tblW");
	pd_xml_attr(x, "w:w", "5000");
	pd_xml_attr(x, "w:type", "pct");
	pd_xml_end(x);
	pd_xml_start(x, "w:tblBorders");
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		pd_xml_start(x, sides[i]);
		pd_xml_attr(x, "w:val", "single");
		pd_xml_attr(x, "w:sz", "4");
		pd_xml_attr(x, "w:space", "0");
		pd_xml_attr(x, "w:color", "000000");
		pd_xml_end(x);
	}
	pd_xml_end(x);
	pd_xml_empty(x, "w:tblLayout", "w:type", "fixed");
	pd_xml_start(x, "w:tblCellMar");
	pd_xml_start(x, "w:left");
	pd_xml_attr(x, "w:w", "85");
	pd_xml_attr(x, "w:type", "dxa");
	pd_xml_end(x);
	pd_xml_start(x, "w:right");
	pd_xml_attr(x, "w:w", "85");
	pd_xml_attr(x, "w:type", "dxa");
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_start(x, "w:tblLook");
	pd_xml_attr(x, "w:val", "04A0");
	pd_xml_attr(x, "w:firstRow", "1");
	pd_xml_attr(x, "w:lastRow", "0");
	pd_xml_attr(x, "w:firstColumn", "0");
	pd_xml_attr(x, "w:lastColumn", "0");
	pd_xml_attr(x, "w:noHBand", "1");
	pd_xml_attr(x, "w:noVBand", "1");
	pd_xml_end(x);
	pd_xml_end(x);
}

static void table(struct pd_xml *x, const struct pd_dm_table *t, long tw)
{
	bool fields = t->flags & PD_DM_T_FIELDS;
	long w[64], left = tw;
	size_t nc = t->ncols < 64 ? t->ncols : 64;

	for (size_t c = 0; c < nc; c++) {
		w[c] = c + 1 == nc ? left : tw * (long)t->cols[c].width / 100;
		left -= w[c];
	}
	pd_xml_start(x, "w:tbl");
	table_props(x);
	pd_xml_start(x, "w:tblGrid");
	for (size_t c = 0; c < nc; c++) {
		pd_xml_start(x, "w:gridCol");
		pd_xml_attrf(x, "w:w", "%ld", w[c]);
		pd_xml_end(x);
	}
	pd_xml_end(x);
	if (!fields) {
		/* The header row, repeated at the top of each page. */
		pd_xml_start(x, "w:tr");
		pd_xml_start(x, "w:trPr");
		pd_xml_empty(x, "w:tblHeader", NULL, NULL);
		pd_xml_end(x);
		for (size_t c = 0; c < nc; c++) {
			struct pd_dm_block blk = { .kind = PD_DM_PARA };
			struct pd_dm_run r = { .text = t->cols[c].head };
			struct pd_dm_cell hc = { .body = { &blk, 1, 1 }, .shade = PD_ST_NONE };
			blk.runs = &r;
			blk.nruns = 1;
			cell(x, &hc, w[c], 1, PD_DM_HEAD_RGB, true, 0, false);
		}
		pd_xml_end(x);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		const struct pd_dm_row *row = &t->rows[r];
		pd_xml_start(x, "w:tr");
		if (row->flags & PD_DM_ROW_GROUP) {
			cell(x, &row->cells[0], tw, nc, PD_DM_GROUP_RGB, true, 0, true);
		} else {
			for (size_t c = 0; c < nc && c < row->ncells; c++)
				cell(x, &row->cells[c], w[c], 1,
				     fields && c == 0 ? PD_DM_GROUP_RGB : NULL,
				     fields && c == 0, c == 0 ? 227L * row->depth : 0, false);
		}
		pd_xml_end(x);
	}
	pd_xml_end(x);
	/* A paragraph after each table keeps the next one apart (Word joins
	 * tables that touch) and gives the space a hand-made report has there. */
	pd_xml_empty(x, "w:p", NULL, NULL);
}

static void titles(struct pd_xml *x, const struct pd_dm *dm)
{
	struct pd_dm_run r = { .text = dm->title ? dm->title : "" };
	struct pd_dm_block blk = { .kind = PD_DM_PARA, .runs = &r, .nruns = 1 };

	para(x, &blk, "Title", 0, false);
	if (dm->subtitle) {
		r.text = dm->subtitle;
		para(x, &blk, "Subtitle", 0, false);
	}
}

static void section(struct pd_xml *x, const struct pd_dm *dm)
{
	pd_xml_start(x, "w:sectPr");
	pd_xml_start(x, "w:footerReference");
	pd_xml_attr(x, "w:type", "default");
	pd_xml_attr(x, "r:id", DOCX_FOOTER_RID);
	pd_xml_end(x);
	pd_xml_start(x, "w:pgSz");
	pd_xml_attrf(x, "w:w", "%d", dm->landscape ? DOCX_A4_H : DOCX_A4_W);
	pd_xml_attrf(x, "w:h", "%d", dm->landscape ? DOCX_A4_W : DOCX_A4_H);
	if (dm->landscape)
		pd_xml_attr(x, "w:orient", "landscape");
	pd_xml_end(x);
	pd_xml_start(x, "w:pgMar");
	pd_xml_attrf(x, "w:top", "%d", DOCX_MARGIN);
	pd_xml_attrf(x, "w:right", "%d", DOCX_MARGIN);
	pd_xml_attrf(x, "w:bottom", "%d", DOCX_MARGIN);
	pd_xml_attrf(x, "w:left", "%d", DOCX_MARGIN);
	pd_xml_attr(x, "w:header", "567");
	pd_xml_attr(x, "w:footer", "567");
	pd_xml_attr(x, "w:gutter", "0");
	pd_xml_end(x);
	pd_xml_end(x);
}

static void document(struct pd_xml *x, const struct pd_dm *dm)
{
	pd_xml_start(x, "w:document");
	pd_xml_attr(x, "xmlns:w", DOCX_NS_W);
	pd_xml_attr(x, "xmlns:r", DOCX_NS_R);
	pd_xml_start(x, "w:body");
	titles(x, dm);
	for (size_t i = 0; i < dm->body.n; i++) {
		const struct pd_dm_block *blk = &dm->body.v[i];
		if (blk->kind == PD_DM_TABLE)
			table(x, blk->table, text_width(dm));
		else
			block(x, blk, false, false, 0, false);
	}
	section(x, dm);
	pd_xml_end(x);
	pd_xml_end(x);
}

/* "Title                                   Page 3 of 7" */
static void footer(struct pd_xml *x, const struct pd_dm *dm)
{
	static const char *const fields[] = { " PAGE ", " NUMPAGES " };

	pd_xml_start(x, "w:ftr");
	pd_xml_attr(x, "xmlns:w", DOCX_NS_W);
	pd_xml_attr(x, "xmlns:r", DOCX_NS_R);
	pd_xml_start(x, "w:p");
	pd_xml_start(x, "w:pPr");
	pd_xml_empty(x, "w:pStyle", "w:val", "Footer");
	pd_xml_start(x, "w:tabs");
	pd_xml_start(x, "w:tab");
	pd_xml_attr(x, "w:val", "right");
	pd_xml_attrf(x, "w:pos", "%ld", text_width(dm));
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_end(x);
	if (dm->footer)
		run(x, dm->footer, 0, 0);
	pd_xml_start(x, "w:r");
	pd_xml_empty(x, "w:tab", NULL, NULL);
	pd_xml_end(x);
	run(x, "Page ", 0, 0);
	for (int f = 0; f < 2; f++) {
		if (f)
			run(x, " of ", 0, 0);
		pd_xml_start(x, "w:fldSimple");
		pd_xml_attr(x, "w:instr", fields[f]);
		run(x, "1", 0, 0);
		pd_xml_end(x);
	}
	pd_xml_end(x);
	pd_xml_end(x);
}

int pd_dm_write_docx(const struct pd_dm *dm, struct pd_buf *out, struct pd_err *err)
{
	struct pd_zipw z;
	struct pd_xml x;
	if (pd_zip_open(&z, pd_zip_time(&dm->date), err) != PD_OK)
		return z.rc;
	pd_docx_parts(&z, dm);
	if (pd_xml_begin(&x) == PD_OK)
		document(&x, dm);
	pd_xml_part(&x, &z, "word/document.xml");
	if (pd_xml_begin(&x) == PD_OK)
		footer(&x, dm);
	pd_xml_part(&x, &z, "word/footer1.xml");
	return pd_zip_close(&z, out);
}
