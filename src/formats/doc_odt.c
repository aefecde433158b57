/*
 * doc_odt.c — the document model as an OpenDocument text file (.odt):
 * the mimetype entry first and stored, as ODF asks, then content.xml
 * here and the styles, metadata and manifest from doc_odt_styles.c.
 *
 * Headings are text:h with their outline level and the Heading 1–3
 * styles; tables put their header row in table:table-header-rows (so it
 * repeats on each page) and let rows break across pages (fo:keep-together
 * "auto"); shaded cells keep their text.
 */
#include <stdio.h>
#include <string.h>

#include "documents/docmodel_impl.h"
#include "writers.h"
#include "doc_odt_styles.h"

#define MIMETYPE "application/vnd.oasis.opendocument.text"

/*
 * Text as ODF keeps it: white space collapses there, so a space after
 * another (or at the start of a paragraph) is written as text:s, and a
 * line break as text:line-break.  *start: at the start of the paragraph.
 */
static void text(struct pd_xml *x, const char *s, bool *start)
{
	while (*s) {
		size_t n = strcspn(s, " \n");
		if (n) {
			pd_xml_text(x, s, n);
			*start = false;
			s += n;
			continue;
		}
		if (*s == '\n') {
			pd_xml_empty(x, "text:line-break", NULL, NULL);
			*start = true;
			s++;
			continue;
		}
		n = strspn(s, " ");
		if (!*start) {
			pd_xml_text(x, " ", 1);
			n--;
		}
		if (n) {
			pd_xml_start(x, "text:s");
			if (n > 1)
				pd_xml_attrf(x, "text:c", "%zu", n);
			pd_xml_end(x);
		}
		*start = false;
		s += strspn(s, " ");
	}
}

static void runs(struct pd_xml *x, const struct pd_dm_block *blk)
{
	bool start = true;

	for (size_t r = 0; r < blk->nruns; r++) {
		unsigned st = blk->runs[r].style;
		const char *span = (st & PD_DM_BOLD) || (blk->role & PD_DM_FLAG) ?
				   "Strong_20_Emphasis" :
				   (st & PD_DM_ITALIC) ? "Emphasis" : NULL;
		if (span) {
			pd_xml_start(x, "text:span");
			pd_xml_attr(x, "text:style-name", span);
		}
		text(x, blk->runs[r].text, &start);
		if (span)
			pd_xml_end(x);
	}
}

static void para(struct pd_xml *x, const struct pd_dm_block *blk, const char *style)
{
	pd_xml_start(x, "text:p");
	pd_xml_attr(x, "text:style-name", blk->role & PD_DM_NOTE ? "Note" : style);
	runs(x, blk);
	pd_xml_end(x);
}

/*
 * Paragraphs and lists: `pstyle` is the paragraphs' style, `list_pstyle`
 * the list items'.  An item of level 2 nests in the item before it.
 */
static void blocks(struct pd_xml *x, const struct pd_dm_blocks *bl,
		   const char *pstyle, const char *list_pstyle)
{
	int depth = 0;

	for (size_t i = 0; i < bl->n; i++) {
		const struct pd_dm_block *blk = &bl->v[i];
		int want = blk->kind == PD_DM_ITEM ? blk->level : 0;

		if (blk->kind == PD_DM_HEADING || blk->kind == PD_DM_TABLE)
			continue;
		if (want > depth + 1)
			want = depth + 1;
		/* An open list item ends at the next item of its level or above. */
		for (; depth > want; depth--) {
			pd_xml_end(x);   /* text:list-item */
			pd_xml_end(x);   /* text:list */
		}
		if (want && depth == want)
			pd_xml_end(x);   /* the sibling's text:list-item */
		for (; depth < want; depth++) {
			pd_xml_start(x, "text:list");
			if (depth == 0)
				pd_xml_attr(x, "text:style-name", "Bullets");
		}
		if (want)
			pd_xml_start(x, "text:list-item");
		para(x, blk, want ? list_pstyle : pstyle);
	}
	for (; depth > 0; depth--) {
		pd_xml_end(x);
		pd_xml_end(x);
	}
}

static void cell(struct pd_xml *x, const struct pd_dm_cell *c, const char *style,
		 size_t span, const char *pstyle)
{
	pd_xml_start(x, "table:table-cell");
	pd_xml_attr(x, "table:style-name", c->shade != PD_ST_NONE ?
		    pd_odt_cell_style(c->shade) : style);
	if (span > 1)
		pd_xml_attrf(x, "table:number-columns-spanned", "%zu", span);
	pd_xml_attr(x, "office:value-type", "string");
	blocks(x, &c->body, pstyle, pstyle);
	if (!c->body.n) {
		pd_xml_start(x, "text:p");
		pd_xml_attr(x, "text:style-name", pstyle);
		pd_xml_end(x);
	}
	pd_xml_end(x);
	for (size_t k = 1; k < span; k++)
		pd_xml_empty(x, "table:covered-table-cell", NULL, NULL);
}

static void table(struct pd_xml *x, const struct pd_dm_table *t, size_t no)
{
	bool fields = t->flags & PD_DM_T_FIELDS;

	pd_xml_start(x, "table:table");
	pd_xml_attrf(x, "table:name", "Table%zu", no);
	pd_xml_attrf(x, "table:style-name", "T%zu", no);
	for (size_t c = 0; c < t->ncols; c++) {
		pd_xml_start(x, "table:table-column");
		pd_xml_attrf(x, "table:style-name", "T%zu.%zu", no, c + 1);
		pd_xml_end(x);
	}
	if (!fields) {
		pd_xml_start(x, "table:table-header-rows");
		pd_xml_start(x, "table:table-row");
		pd_xml_attr(x, "table:style-name", "Row");
		for (size_t c = 0; c < t->ncols; c++) {
			struct pd_dm_run r = { .text = t->cols[c].head };
			struct pd_dm_block blk = { .kind = PD_DM_PARA, .runs = &r, .nruns = 1 };
			struct pd_dm_cell hc = { .body = { &blk, 1, 1 }, .shade = PD_ST_NONE };
			cell(x, &hc, "CellHead", 1, "Table_20_Heading");
		}
		pd_xml_end(x);
		pd_xml_end(x);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		const struct pd_dm_row *row = &t->rows[r];
		pd_xml_start(x, "table:table-row");
		pd_xml_attr(x, "table:style-name", "Row");
		if (row->flags & PD_DM_ROW_GROUP) {
			cell(x, &row->cells[0], "CellGroup", t->ncols, "Table_20_Heading");
		} else {
			for (size_t c = 0; c < row->ncells; c++)
				cell(x, &row->cells[c],
				     fields && c == 0 ? "CellGroup" : "Cell", 1,
				     fields && c == 0 ? "Table_20_Heading" :
				     c == 0 && row->depth ? "TableSub" : "Table_20_Contents");
		}
		pd_xml_end(x);
	}
	pd_xml_end(x);
}

/* The automatic styles: each table's width and its columns' widths. */
static void table_styles(struct pd_xml *x, const struct pd_dm *dm)
{
	double width = ODT_WIDTH(dm);
	size_t no = 0;

	for (size_t i = 0; i < dm->body.n; i++) {
		const struct pd_dm_table *t = dm->body.v[i].table;
		if (dm->body.v[i].kind != PD_DM_TABLE)
			continue;
		no++;
		pd_xml_start(x, "style:style");
		pd_xml_attrf(x, "style:name", "T%zu", no);
		pd_xml_attr(x, "style:family", "table");
		pd_xml_start(x, "style:table-properties");
		pd_xml_attrf(x, "style:width", "%.2fcm", width);
		pd_xml_attr(x, "table:align", "margins");
		pd_xml_attr(x, "fo:margin-bottom", "0.3cm");
		pd_xml_attr(x, "style:may-break-between-rows", "true");
		pd_xml_attr(x, "table:border-model", "collapsing");
		pd_xml_end(x);
		pd_xml_end(x);
		for (size_t c = 0; c < t->ncols; c++) {
			pd_xml_start(x, "style:style");
			pd_xml_attrf(x, "style:name", "T%zu.%zu", no, c + 1);
			pd_xml_attr(x, "style:family", "table-column");
			pd_xml_start(x, "style:table-column-properties");
			pd_xml_attrf(x, "style:column-width", "%.3fcm",
				     width * t->cols[c].width / 100.0);
			pd_xml_attrf(x, "style:rel-column-width", "%u*", t->cols[c].width * 100);
			pd_xml_end(x);
			pd_xml_end(x);
		}
	}
}

static void content(struct pd_xml *x, const struct pd_dm *dm)
{
	static const char *const headings[] = {
		"Heading_20_1", "Heading_20_2", "Heading_20_3",
	};
	size_t tables = 0;

	pd_xml_start(x, "office:document-content");
	pd_odt_namespaces(x);
	pd_xml_attr(x, "office:version", ODF_VERSION);
	pd_xml_start(x, "office:automatic-styles");
	pd_odt_cell_styles(x);
	table_styles(x, dm);
	pd_xml_end(x);
	pd_xml_start(x, "office:body");
	pd_xml_start(x, "office:text");
	pd_xml_start(x, "text:p");
	pd_xml_attr(x, "text:style-name", "Title");
	pd_xml_text(x, dm->title ? dm->title : "", dm->title ? strlen(dm->title) : 0);
	pd_xml_end(x);
	if (dm->subtitle) {
		pd_xml_start(x, "text:p");
		pd_xml_attr(x, "text:style-name", "Subtitle");
		pd_xml_text(x, dm->subtitle, strlen(dm->subtitle));
		pd_xml_end(x);
	}
	for (size_t i = 0; i < dm->body.n; i++) {
		const struct pd_dm_block *blk = &dm->body.v[i];
		size_t j = i;
		if (blk->kind == PD_DM_HEADING) {
			pd_xml_start(x, "text:h");
			pd_xml_attr(x, "text:style-name", headings[blk->level - 1]);
			pd_xml_attrf(x, "text:outline-level", "%d", blk->level);
			runs(x, blk);
			pd_xml_end(x);
		} else if (blk->kind == PD_DM_TABLE) {
			table(x, blk->table, ++tables);
		} else {
			/* A run of paragraphs and items, so lists nest. */
			struct pd_dm_blocks run = { (struct pd_dm_block *)blk, 0, 0 };
			while (j < dm->body.n && (dm->body.v[j].kind == PD_DM_PARA ||
						  dm->body.v[j].kind == PD_DM_ITEM))
				j++;
			run.n = j - i;
			blocks(x, &run, "Text_20_body", "List_20_Contents");
			i = j - 1;
		}
	}
	pd_xml_end(x);
	pd_xml_end(x);
	pd_xml_end(x);
}

int pd_dm_write_odt(const struct pd_dm *dm, struct pd_buf *out, struct pd_err *err)
{
	struct pd_zipw z;
	struct pd_xml x;
	if (pd_zip_open(&z, pd_zip_time(&dm->date), err) != PD_OK)
		return z.rc;
	pd_zip_add(&z, "mimetype", MIMETYPE, strlen(MIMETYPE), true);
	if (pd_xml_begin(&x) == PD_OK)
		content(&x, dm);
	pd_xml_part(&x, &z, "content.xml");
	pd_odt_parts(&z, dm);
	return pd_zip_close(&z, out);
}
