/*
 * doc_html.c — the document model as one self-contained HTML page:
 * inline CSS, no scripts or external files, well-formed (it parses as
 * XML: void elements closed, only the XML entities).  On screen the page
 * has a margin and a readable width; printed, A4 with 2 cm margins, the
 * header row of each table repeated on each page, rows that may break
 * across pages (a long row does not leave half a page empty), and the
 * shading of status cells printed.  Tables keep the old attributes
 * (border, cellpadding) that Word honours when it drops the CSS.
 */
#include <stdio.h>
#include <string.h>

#include "plandesk/documents/doc.h"
#include "docmodel_impl.h"

static const char style[] =
	"body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt;"
	" line-height: 1.3; color: #000; background: #fff; }\n"
	"@media print { body { margin: 0; font-size: 10pt; } }\n"
	"h1 { font-size: 16pt; margin: 0 0 2pt 0; }\n"
	"p.subtitle { font-size: 12pt; margin: 0 0 10pt 0; }\n"
	"h2 { font-size: 13pt; margin: 14pt 0 4pt 0; }\n"
	"h3 { font-size: 11.5pt; margin: 12pt 0 4pt 0; }\n"
	"h4 { font-size: 10.5pt; margin: 10pt 0 4pt 0; }\n"
	"h2, h3, h4 { page-break-after: avoid; break-after: avoid; }\n"
	"p { margin: 0 0 4pt 0; }\n"
	"p.note { font-style: italic; color: #333; }\n"
	"p.flag, li.flag { font-weight: bold; }\n"
	"ul { margin: 0 0 4pt 0; padding-left: 14pt; }\n"
	"li { margin: 0 0 2pt 0; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt 0; }\n"
	"th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top;"
	" text-align: left; }\n"
	"thead th { background: #" PD_DM_HEAD_RGB "; }\n"
	"thead { display: table-header-group; }\n"
	"tr { page-break-inside: auto; break-inside: auto; }\n"
	"tr.group th { background: #" PD_DM_GROUP_RGB "; }\n"
	"table.fields th { background: #" PD_DM_GROUP_RGB "; width: 18%; }\n"
	"tr.sub > td:first-child { padding-left: 16pt; }\n"
	"td.shade, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n";

static int put(struct pd_buf *b, const char *s)
{
	return pd_html_escape(b, s, strlen(s));
}

static int runs(struct pd_buf *b, const struct pd_dm_block *blk)
{
	int rc = PD_OK;

	for (size_t r = 0; r < blk->nruns && rc == PD_OK; r++) {
		const struct pd_dm_run *run = &blk->runs[r];
		const char *tag = run->style & PD_DM_BOLD ? "b" :
				  run->style & PD_DM_ITALIC ? "i" : NULL;
		if (tag && (rc = pd_buf_printf(b, "<%s>", tag)))
			break;
		rc = put(b, run->text);
		if (rc == PD_OK && tag)
			rc = pd_buf_printf(b, "</%s>", tag);
	}
	return rc;
}

static const char *role_class(unsigned role)
{
	return role & PD_DM_FLAG ? " class=\"flag\"" : role & PD_DM_NOTE ? " class=\"note\"" :
	       role & PD_DM_DONE ? " class=\"done\"" : "";
}

/* Paragraphs and lists; `depth` is the open list nesting (0–2). */
static int blocks(struct pd_buf *b, const struct pd_dm_blocks *bl)
{
	int depth = 0, rc = PD_OK;

	for (size_t i = 0; i < bl->n && rc == PD_OK; i++) {
		const struct pd_dm_block *blk = &bl->v[i];
		int want = blk->kind == PD_DM_ITEM ? blk->level : 0;

		if (blk->kind != PD_DM_PARA && blk->kind != PD_DM_ITEM)
			continue;
		if (want > depth + 1)
			want = depth + 1;   /* a sub-point with no point: one level */
		/* An open item ends at the next item of its level or above. */
		for (; rc == PD_OK && depth > want; depth--)
			rc = pd_buf_puts(b, "</li></ul>");
		if (rc == PD_OK && want && depth == want)
			rc = pd_buf_puts(b, "</li>");
		for (; rc == PD_OK && depth < want; depth++)
			rc = pd_buf_puts(b, "<ul>");
		if (rc != PD_OK)
			break;
		if (blk->kind == PD_DM_ITEM)
			rc = pd_buf_printf(b, "<li%s>", role_class(blk->role));
		else
			rc = pd_buf_printf(b, "<p%s>", role_class(blk->role));
		if (rc == PD_OK)
			rc = runs(b, blk);
		if (rc == PD_OK && blk->kind == PD_DM_PARA)
			rc = pd_buf_puts(b, "</p>");
	}
	while (rc == PD_OK && depth-- > 0)
		rc = pd_buf_puts(b, "</li></ul>");
	return rc;
}

static int cell(struct pd_buf *b, const char *tag, const struct pd_dm_cell *c,
		const char *attrs)
{
	const char *rgb = pd_dm_shade_rgb(c->shade);
	int rc;

	if (rgb)
		rc = pd_buf_printf(b, "<%s class=\"shade\" style=\"background: #%s\"%s>",
				   tag, rgb, attrs);
	else
		rc = pd_buf_printf(b, "<%s%s>", tag, attrs);
	if (rc == PD_OK)
		rc = blocks(b, &c->body);
	return rc == PD_OK ? pd_buf_printf(b, "</%s>", tag) : rc;
}

static int table(struct pd_buf *b, const struct pd_dm_table *t)
{
	bool fields = t->flags & PD_DM_T_FIELDS;
	int rc = pd_buf_printf(b, "<table class=\"%s\" border=\"1\" cellspacing=\"0\" "
			       "cellpadding=\"4\">\n", fields ? "fields" : "data");

	if (rc == PD_OK && !fields) {
		rc = pd_buf_puts(b, "<thead><tr>");
		for (size_t c = 0; c < t->ncols && rc == PD_OK; c++) {
			if ((rc = pd_buf_printf(b, "<th style=\"width: %u%%\">",
						t->cols[c].width)) == PD_OK &&
			    (rc = put(b, t->cols[c].head)) == PD_OK)
				rc = pd_buf_puts(b, "</th>");
		}
		if (rc == PD_OK)
			rc = pd_buf_puts(b, "</tr></thead>\n");
	}
	if (rc == PD_OK)
		rc = pd_buf_puts(b, "<tbody>\n");
	for (size_t r = 0; r < t->nrows && rc == PD_OK; r++) {
		const struct pd_dm_row *row = &t->rows[r];
		char span[48];
		if (row->flags & PD_DM_ROW_GROUP) {
			snprintf(span, sizeof span, " colspan=\"%zu\"", t->ncols);
			if ((rc = pd_buf_puts(b, "<tr class=\"group\">")) == PD_OK &&
			    (rc = cell(b, "th", &row->cells[0], span)) == PD_OK)
				rc = pd_buf_puts(b, "</tr>\n");
			continue;
		}
		rc = pd_buf_puts(b, row->depth ? "<tr class=\"sub\">" : "<tr>");
		for (size_t c = 0; c < row->ncells && rc == PD_OK; c++)
			rc = cell(b, fields && c == 0 ? "th" : "td", &row->cells[c],
				  fields && c == 0 ? " scope=\"row\"" : "");
		if (rc == PD_OK)
			rc = pd_buf_puts(b, "</tr>\n");
	}
	return rc == PD_OK ? pd_buf_puts(b, "</tbody>\n</table>\n") : rc;
}

int pd_dm_write_html(const struct pd_dm *dm, struct pd_buf *b)
{
	const char *title = dm->title ? dm->title : "";
	struct pd_dm_blocks run = { 0 };
	int rc;

	if ((rc = pd_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
			      "<meta charset=\"utf-8\" />\n"
			      "<meta name=\"generator\" content=\"plandesk\" />\n<title>")) ||
	    (rc = put(b, title)) ||
	    (rc = pd_buf_printf(b, "</title>\n<style>\n@page { size: A4%s; margin: 2cm; }\n",
				dm->landscape ? " landscape" : "")) ||
	    (rc = pd_buf_puts(b, style)) ||
	    (rc = pd_buf_printf(b, "@media screen { body { max-width: %s; margin: 2em auto;"
				" padding: 0 1.5em; } }\n", dm->landscape ? "70em" : "50em")) ||
	    (rc = pd_buf_puts(b, "</style>\n</head>\n<body>\n<h1>")) ||
	    (rc = put(b, title)) || (rc = pd_buf_puts(b, "</h1>\n")))
		return rc;
	if (dm->subtitle && ((rc = pd_buf_puts(b, "<p class=\"subtitle\">")) ||
			     (rc = put(b, dm->subtitle)) || (rc = pd_buf_puts(b, "</p>\n"))))
		return rc;
	for (size_t i = 0; i < dm->body.n && rc == PD_OK; i++) {
		const struct pd_dm_block *blk = &dm->body.v[i];
		if (blk->kind == PD_DM_PARA || blk->kind == PD_DM_ITEM) {
			if (!run.v)
				run.v = (struct pd_dm_block *)blk;
			run.n++;
			if (i + 1 < dm->body.n && (dm->body.v[i + 1].kind == PD_DM_PARA ||
						   dm->body.v[i + 1].kind == PD_DM_ITEM))
				continue;
			if ((rc = blocks(b, &run)) == PD_OK)
				rc = pd_buf_putc(b, '\n');
			run.v = NULL;
			run.n = 0;
		} else if (blk->kind == PD_DM_HEADING) {
			int h = blk->level + 1;
			if ((rc = pd_buf_printf(b, "<h%d>", h)) == PD_OK &&
			    (rc = runs(b, blk)) == PD_OK)
				rc = pd_buf_printf(b, "</h%d>\n", h);
		} else {
			rc = table(b, blk->table);
		}
	}
	return rc == PD_OK ? pd_buf_puts(b, "</body>\n</html>\n") : rc;
}
