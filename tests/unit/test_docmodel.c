/*
 * test_docmodel.c — the document model (docmodel.h) and its writers: text
 * made safe on the way in, typed text read as paragraphs and lists,
 * empty columns left out; then one small document written in every
 * format and read back as its consumers read it — the Markdown and text
 * by eye (asserted), the HTML and every part of the Word and OpenDocument
 * files parsed by libxml2 and questioned with XPath: the structure Word
 * expects ([Content_Types].xml, relationships whose targets exist,
 * word/document.xml), header rows repeated, rows allowed to break, shaded
 * cells, A4 pages with margins, heading styles, page numbers.
 */
#include <stdio.h>

#include "zipcheck.h"
#include "plandesk/documents/docmodel.h"
#include "plandesk/documents/formats.h"
#include "plandesk/base/text.h"

static const char *run_text(const struct pd_dm_block *b)
{
	static char buf[512];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t r = 0; r < b->nruns; r++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", b->runs[r].text);
	return buf;
}

/* The document the writers are tested on: a little of everything. */
static void sample(struct pd_dm *dm, bool landscape)
{
	pd_dm_init(dm);
	pd_dm_titles(dm, "Cluster 3 partnership plan (C3P)",
		     "Minutes of the meeting of 26th June 2009", "C3P \xe2\x80\x93 minutes");
	dm->date = (struct pd_date){ 2009, 6, 26 };
	dm->landscape = landscape;
	pd_dm_table(dm, PD_DM_T_FIELDS, 0);
	pd_dm_col(dm, "", 18);
	pd_dm_col(dm, "", 82);
	pd_dm_row(dm, 0, 0);
	pd_dm_cell_text(dm, PD_ST_NONE, "Present");
	pd_dm_cell_text(dm, PD_ST_NONE, "Zo\xc3\xab Ashworth; Siobh\xc3\xa1n O'Brien; "
			"\xc5\x81ukasz <Nowak> & co");
	pd_dm_table_end(dm);
	pd_dm_heading(dm, 1, "1. Child protection training");
	pd_dm_field(dm, "Lead", "Cluster support officer");
	pd_dm_table(dm, 0, 2);
	pd_dm_col(dm, "Actions required", 30);
	pd_dm_col(dm, "Progress: 26th June 2009", 30);
	pd_dm_col(dm, "Nothing here", 10);
	pd_dm_col(dm, "To do by next meeting", 30);
	pd_dm_row(dm, 0, 0);
	pd_dm_cell(dm, PD_ST_NONE);
	pd_dm_item(dm, 1, 0, "Set up twice yearly CP level 1 training in cluster");
	pd_dm_item(dm, 1, PD_DM_DONE, "\xe2\x9c\x93 Explore on-line testing \xe2\x80\x94 done "
		   "15th May 2009");
	pd_dm_cell(dm, PD_ST_SLIPPED);
	pd_dm_field(dm, "Status", "3 \xe2\x80\x93 Slipped");
	pd_dm_item(dm, 1, 0, "Some amendments are to be made to the list including:\n"
		   "- Adding the name of the agency\n"
		   "- Including a website address and the name, role and contact "
		   "details of each of the team members who work with the cluster");
	pd_dm_cell(dm, PD_ST_NONE);
	pd_dm_cell(dm, PD_ST_NONE);
	pd_dm_para(dm, PD_DM_NOTE, "Nothing to do.");
	pd_dm_table_end(dm);
	pd_dm_heading(dm, 1, "Open actions by person");
	pd_dm_table(dm, PD_DM_T_COMPACT, 2);
	pd_dm_col(dm, "Item", 10);
	pd_dm_col(dm, "Action", 65);
	pd_dm_col(dm, "Due", 25);
	pd_dm_row(dm, PD_DM_ROW_GROUP, 0);
	pd_dm_cell_text(dm, PD_ST_NONE, "Karen Proctor (KP)");
	pd_dm_row(dm, 0, 0);
	pd_dm_cell_text(dm, PD_ST_NONE, "2");
	pd_dm_cell_text(dm, PD_ST_NONE, "KP to adjust and e-mail =SUM(1,2)");
	pd_dm_cell_text(dm, PD_ST_FAILED, "25th September 2009 (overdue)");
	pd_dm_row(dm, PD_DM_ROW_GROUP, 0);
	pd_dm_cell_text(dm, PD_ST_NONE, "No owner");
	pd_dm_row(dm, 0, 1);
	pd_dm_cell_text(dm, PD_ST_NONE, "5a");
	pd_dm_cell_text(dm, PD_ST_NONE, "Circulate the leaflet");
	pd_dm_cell_text(dm, PD_ST_NONE, NULL);
	pd_dm_table_end(dm);
	pd_dm_field(dm, "Next meeting", "25th September 2009");
	cr_assert_eq(dm->rc, PD_OK);
}

static char *write(const struct pd_dm *dm, enum pd_format f, struct pd_buf *b)
{
	struct pd_err err = { 0 };

	pd_buf_reset(b);
	cr_assert_eq(pd_dm_write(dm, f, &pd_formats_module, b, &err), PD_OK, "%s", err.msg);
	return b->p;
}

/* --- building ------------------------------------------------------------- */

Test(docmodel, text_is_made_safe)
{
	struct pd_dm dm;

	pd_dm_init(&dm);
	pd_dm_para(&dm, 0, "a\x01" "b\xff" "c\td\r\x7f\xef\xbf\xbe" "e");
	cr_assert_eq(dm.rc, PD_OK);
	cr_assert_str_eq(run_text(&dm.body.v[0]), "ab\xef\xbf\xbd" "c de");
	pd_dm_free(&dm);
}

Test(docmodel, typed_text)
{
	struct pd_dm dm;

	pd_dm_init(&dm);
	pd_dm_text(&dm, "Lead.\n\n- one\n\xe2\x80\xa2 two\n  After.  \n\xe2\x96\xaa three", 0);
	cr_assert_eq(dm.body.n, 5);
	cr_assert_eq(dm.body.v[0].kind, PD_DM_PARA);
	cr_assert_str_eq(run_text(&dm.body.v[0]), "Lead.");
	cr_assert_eq(dm.body.v[1].kind, PD_DM_ITEM);
	cr_assert_str_eq(run_text(&dm.body.v[2]), "two");
	cr_assert_eq(dm.body.v[3].kind, PD_DM_PARA);
	cr_assert_str_eq(run_text(&dm.body.v[3]), "After.");
	cr_assert_eq(dm.body.v[4].level, 1);
	pd_dm_free(&dm);

	/* The points of an update: sub-points under the point before. */
	pd_dm_init(&dm);
	pd_dm_text(&dm, "a\n- x\nb", PD_DM_LIST);
	cr_assert_eq(dm.body.n, 3);
	cr_assert(dm.body.v[0].kind == PD_DM_ITEM && dm.body.v[0].level == 1);
	cr_assert(dm.body.v[1].level == 2 && !strcmp(run_text(&dm.body.v[1]), "x"));
	cr_assert_eq(dm.body.v[2].level, 1);
	pd_dm_free(&dm);

	/* A note with sub-points; a note of two lines stays one item. */
	pd_dm_init(&dm);
	pd_dm_item(&dm, 1, 0, "Some:\n- a\n- b");
	pd_dm_item(&dm, 1, 0, "first\nsecond");
	cr_assert_eq(dm.body.n, 4);
	cr_assert_str_eq(run_text(&dm.body.v[0]), "Some:");
	cr_assert(dm.body.v[1].level == 2 && !strcmp(run_text(&dm.body.v[2]), "b"));
	cr_assert_str_eq(run_text(&dm.body.v[3]), "first\nsecond");
	cr_assert_eq(pd_dm_run(&dm, PD_DM_BOLD, "!"), PD_OK);
	pd_dm_free(&dm);
}

Test(docmodel, empty_columns_are_left_out)
{
	struct pd_dm dm;
	const struct pd_dm_table *t;
	unsigned sum = 0;

	sample(&dm, false);
	t = dm.body.v[3].table;
	cr_assert_eq(dm.body.v[3].kind, PD_DM_TABLE);
	cr_assert_eq(t->ncols, 3, "the empty column is left out");
	cr_assert_str_eq(t->cols[2].head, "To do by next meeting");
	cr_assert_eq(t->rows[0].ncells, 3);
	for (size_t c = 0; c < t->ncols; c++)
		sum += t->cols[c].width;
	cr_assert_eq(sum, 100, "the others share its width");
	/* A column with something in one row stays (Due, empty for 5a). */
	cr_assert_eq(dm.body.v[5].table->ncols, 3);
	pd_dm_free(&dm);
}

Test(docmodel, misuse_is_kept)
{
	struct pd_dm dm;
	struct pd_buf b = PD_BUF_INIT;
	struct pd_err err = { 0 };

	pd_dm_init(&dm);
	cr_assert_eq(pd_dm_cell(&dm, PD_ST_NONE), PD_EINVAL);
	cr_assert_eq(pd_dm_para(&dm, 0, "later calls do nothing"), PD_EINVAL);
	cr_assert_eq(dm.body.n, 0);
	cr_assert_eq(pd_dm_write(&dm, PD_FMT_MD, NULL, &b, &err), PD_EINVAL);
	pd_dm_free(&dm);
	pd_dm_init(&dm);
	cr_assert_eq(pd_dm_write(&dm, PD_FMT_CSV, NULL, &b, &err), PD_EINVAL);
	pd_dm_free(&dm);
	pd_buf_free(&b);
}

/* --- the text writers ------------------------------------------------------ */

Test(docmodel, markdown)
{
	struct pd_dm dm;
	struct pd_buf b = PD_BUF_INIT;
	const char *md;

	sample(&dm, false);
	md = write(&dm, PD_FMT_MD, &b);
	cr_assert(strstr(md, "# Cluster 3 partnership plan (C3P)\n\n"
			 "## Minutes of the meeting of 26th June 2009\n\n"), "%s", md);
	cr_assert(strstr(md, "**Present:** Zo\xc3\xab Ashworth; Siobh\xc3\xa1n O'Brien; "
			 "\xc5\x81ukasz \\<Nowak\\> & co\n"));
	cr_assert(strstr(md, "## 1. Child protection training\n\n**Lead:** Cluster support officer\n"));
	cr_assert(strstr(md, "**Actions required:**\n\n- Set up twice yearly"));
	cr_assert(strstr(md, "- \xe2\x9c\x93 Explore on-line testing \xe2\x80\x94 done 15th May 2009\n"));
	/* A head with a colon stands alone; sub-points nest. */
	cr_assert(strstr(md, "**Progress: 26th June 2009**\n\n**Status:** 3 \xe2\x80\x93 Slipped\n\n"
			 "- Some amendments are to be made to the list including:\n"
			 "  - Adding the name of the agency\n"), "%s", md);
	cr_assert(strstr(md, "**To do by next meeting:** *Nothing to do.*\n"));
	cr_assert_null(strstr(md, "Nothing here"));
	/* A compact table: a heading for each group, a pipe table under it. */
	cr_assert(strstr(md, "### Karen Proctor (KP)\n\n| Item | Action | Due |\n|---|---|---|\n"
			 "| 2 | KP to adjust and e-mail =SUM(1,2) | 25th September 2009 "
			 "(overdue) |\n"), "%s", md);
	cr_assert(strstr(md, "| 5a | Circulate the leaflet |  |\n\n**Next meeting:** 25th "
			 "September 2009\n"));
	cr_assert_eq(md[b.n - 1], '\n');
	cr_assert_neq(md[b.n - 2], '\n');
	pd_dm_free(&dm);
	pd_buf_free(&b);
}

Test(docmodel, text_keeps_the_indent_of_sub_points)
{
	struct pd_dm dm;
	struct pd_buf b = PD_BUF_INIT;
	const char *txt, *line;

	sample(&dm, false);
	txt = write(&dm, PD_FMT_TXT, &b);
	cr_assert(strstr(txt, "Cluster 3 partnership plan (C3P)\n================================\n"));
	cr_assert(strstr(txt, "Present:      Zo\xc3\xab Ashworth"));
	/* A wrapped sub-point goes on under itself, not at the margin. */
	cr_assert(strstr(txt, "  * Some amendments are to be made to the list including:\n"
			 "    - Adding the name of the agency\n"
			 "    - Including a website address and the name, role and contact details\n"
			 "      of each of the team members who work with the cluster\n"),
		  "%s", txt);
	cr_assert(strstr(txt, "  * Item: 2 \xe2\x80\x94 Action: KP to adjust and e-mail "
			 "=SUM(1,2) \xe2\x80\x94 Due: 25th\n    September 2009 (overdue)\n"), "%s", txt);
	for (line = txt; *line; ) {
		size_t n = strcspn(line, "\n");
		cr_assert_leq(pd_utf8_width(line, n), 72, "%.*s", (int)n, line);
		line += n + (line[n] == '\n');
	}
	pd_dm_free(&dm);
	pd_buf_free(&b);
}

Test(docmodel, html_is_well_formed_and_prints)
{
	struct pd_dm dm;
	struct pd_buf b = PD_BUF_INIT;
	xmlDocPtr doc;
	const char *html;

	sample(&dm, false);
	html = write(&dm, PD_FMT_HTML, &b);
	cr_assert_not_null(doc = xmlReadMemory(html, (int)b.n, "x.html", NULL,
					       XML_PARSE_NONET | XML_PARSE_NOERROR));
	/* A sub-point's list is inside its point's item. */
	cr_assert_eq(zc_num(doc, "//li[starts-with(., 'Some amendments')]/ul/li"), 2);
	cr_assert_eq(zc_num(doc, "//table[@class='data']/thead/tr/th"), 6);
	cr_assert_eq(zc_num(doc, "//tr[@class='group']/th[@colspan='3']"), 2);
	cr_assert_eq(zc_num(doc, "//td[@class='shade' and contains(@style, '#FFD966')]"), 1);
	xmlFreeDoc(doc);
	cr_assert(strstr(html, "@page { size: A4; margin: 2cm; }"));
	cr_assert(strstr(html, "tr { page-break-inside: auto; break-inside: auto; }"));
	cr_assert(strstr(html, "thead { display: table-header-group; }"));
	cr_assert(strstr(html, "@media screen { body { max-width: 50em; margin: 2em auto;"));
	cr_assert(strstr(html, "&lt;Nowak&gt; &amp; co"));
	pd_dm_free(&dm);
	pd_buf_free(&b);
}

/* --- Word ----------------------------------------------------------------- */

/* Every relationship of `rels` names a part that is in the archive. */
static void targets_exist(zip_t *za, xmlDocPtr rels, const char *dir)
{
	double n = zc_num(rels, "/pr:Relationships/pr:Relationship");

	cr_assert_gt(n, 0);
	for (int i = 1; i <= (int)n; i++) {
		char expr[96], path[256], *t;
		snprintf(expr, sizeof expr, "string(/pr:Relationships/pr:Relationship[%d]/@Target)", i);
		t = zc_str(rels, expr);
		snprintf(path, sizeof path, "%s%s", dir, t);
		cr_assert_geq(zip_name_locate(za, path, 0), 0, "no part %s", path);
		free(t);
	}
}

Test(docmodel, docx_has_the_structure_word_expects)
{
	struct pd_dm dm;
	struct pd_buf b = PD_BUF_INIT, again = PD_BUF_INIT;
	xmlDocPtr ct, rels, drels, doc, styles, footer, core;
	zip_t *za;
	char *rid;

	sample(&dm, false);
	write(&dm, PD_FMT_DOCX, &b);
	za = zc_open(&b);
	ct = zc_xml(za, "[Content_Types].xml");
	cr_assert_eq(zc_num(ct, "/ct:Types/ct:Override[@PartName='/word/document.xml' and "
			    "@ContentType='application/vnd.openxmlformats-officedocument."
			    "wordprocessingml.document.main+xml']"), 1);
	cr_assert_eq(zc_num(ct, "/ct:Types/ct:Default[@Extension='rels']"), 1);
	/* Every part has a content type. */
	for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
		char expr[256];
		if (strstr(name, ".rels") || !strcmp(name, "[Content_Types].xml"))
			continue;
		snprintf(expr, sizeof expr, "/ct:Types/ct:Override[@PartName='/%s']", name);
		cr_assert_eq(zc_num(ct, expr), 1, "%s has no content type", name);
	}
	rels = zc_xml(za, "_rels/.rels");
	cr_assert_eq(zc_num(rels, "/pr:Relationships/pr:Relationship[@Type='http://schemas."
			    "openxmlformats.org/officeDocument/2006/relationships/officeDocument' "
			    "and @Target='word/document.xml']"), 1);
	targets_exist(za, rels, "");
	drels = zc_xml(za, "word/_rels/document.xml.rels");
	targets_exist(za, drels, "word/");
	doc = zc_xml(za, "word/document.xml");
	/* The footer's relationship is the one the section names. */
	rid = zc_str(doc, "string(//w:sectPr/w:footerReference/@r:id)");
	{
		char expr[160];
		snprintf(expr, sizeof expr, "string(/pr:Relationships/pr:Relationship[@Id='%s']"
			 "/@Target)", rid);
		zc_assert_str(drels, expr, "footer1.xml");
	}
	free(rid);
	/* A4 portrait with 2 cm margins. */
	zc_assert_str(doc, "string(//w:sectPr/w:pgSz/@w:w)", "11906");
	zc_assert_str(doc, "string(//w:sectPr/w:pgSz/@w:h)", "16838");
	zc_assert_str(doc, "string(//w:sectPr/w:pgMar/@w:left)", "1134");
	/* Title, headings in Heading 1, the title block and two tables. */
	zc_assert_str(doc, "string(//w:p[w:pPr/w:pStyle/@w:val='Title'])",
		      "Cluster 3 partnership plan (C3P)");
	zc_assert_str(doc, "string(//w:p[w:pPr/w:pStyle/@w:val='Heading1'][2])",
		      "Open actions by person");
	cr_assert_eq(zc_num(doc, "//w:tbl"), 3);
	/* Header rows repeat on each page; no row is kept from breaking. */
	cr_assert_eq(zc_num(doc, "//w:tr[w:trPr/w:tblHeader]"), 2);
	cr_assert_eq(zc_num(doc, "//w:tr[1][w:trPr/w:tblHeader]"), 2);
	cr_assert_eq(zc_num(doc, "//w:cantSplit"), 0);
	/* The grid and the cells agree; the empty column is gone. */
	cr_assert_eq(zc_num(doc, "//w:tbl[2]/w:tblGrid/w:gridCol"), 3);
	cr_assert_eq(zc_num(doc, "sum(//w:tbl[2]/w:tblGrid/w:gridCol/@w:w)"), 11906 - 2 * 1134);
	/* Shaded cells keep their text. */
	zc_assert_str(doc, "string((//w:tc[w:tcPr/w:shd/@w:fill='FFD966']//w:t)[2])",
		      "3 \xe2\x80\x93 Slipped");
	zc_assert_str(doc, "string(//w:tc[w:tcPr/w:shd/@w:fill='F4A7A7'])",
		      "25th September 2009 (overdue)");
	cr_assert_eq(zc_num(doc, "//w:tc[w:tcPr/w:gridSpan/@w:val='3']"), 2);
	/* Lists in the built-in list styles, sub-points a level down. */
	cr_assert_eq(zc_num(doc, "//w:p[w:pPr/w:pStyle/@w:val='ListBullet2']"), 2);
	cr_assert(zc_num(doc, "count(//w:t[contains(., '\xc5\x81ukasz <Nowak> & co')])") == 1);
	styles = zc_xml(za, "word/styles.xml");
	zc_assert_str(styles, "string(//w:style[@w:styleId='Heading1']/w:name/@w:val)", "heading 1");
	zc_assert_str(styles, "string(//w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl/@w:val)", "0");
	zc_assert_str(styles, "string(//w:style[@w:styleId='Heading2']/w:pPr/w:outlineLvl/@w:val)", "1");
	zc_assert_str(styles, "string(//w:style[@w:styleId='ListBullet']/w:pPr/w:numPr/w:numId/@w:val)", "1");
	zc_assert_str(styles, "string(//w:docDefaults//w:lang/@w:val)", "en-GB");
	xmlFreeDoc(zc_xml(za, "word/numbering.xml"));
	xmlFreeDoc(zc_xml(za, "word/settings.xml"));
	footer = zc_xml(za, "word/footer1.xml");
	cr_assert_eq(zc_num(footer, "//w:fldSimple[normalize-space(@w:instr)='PAGE']"), 1);
	cr_assert_eq(zc_num(footer, "//w:fldSimple[normalize-space(@w:instr)='NUMPAGES']"), 1);
	core = zc_xml(za, "docProps/core.xml");
	zc_assert_str(core, "string(//dc:title)", "Cluster 3 partnership plan (C3P)");
	xmlFreeDoc(zc_xml(za, "docProps/app.xml"));
	/* The same document makes the same bytes. */
	write(&dm, PD_FMT_DOCX, &again);
	cr_assert(b.n == again.n && !memcmp(b.p, again.p, b.n));
	xmlFreeDoc(ct);
	xmlFreeDoc(rels);
	xmlFreeDoc(drels);
	xmlFreeDoc(doc);
	xmlFreeDoc(styles);
	xmlFreeDoc(footer);
	xmlFreeDoc(core);
	zip_discard(za);
	pd_dm_free(&dm);
	pd_buf_free(&b);
	pd_buf_free(&again);
}

Test(docmodel, docx_landscape)
{
	struct pd_dm dm;
	struct pd_buf b = PD_BUF_INIT;
	xmlDocPtr doc;
	zip_t *za;

	sample(&dm, true);
	write(&dm, PD_FMT_DOCX, &b);
	za = zc_open(&b);
	doc = zc_xml(za, "word/document.xml");
	zc_assert_str(doc, "string(//w:sectPr/w:pgSz/@w:w)", "16838");
	zc_assert_str(doc, "string(//w:sectPr/w:pgSz/@w:orient)", "landscape");
	cr_assert_eq(zc_num(doc, "sum(//w:tbl[2]/w:tblGrid/w:gridCol/@w:w)"), 16838 - 2 * 1134);
	xmlFreeDoc(doc);
	zip_discard(za);
	pd_dm_free(&dm);
	pd_buf_free(&b);
}

/* --- OpenDocument ------------------------------------------------------------ */

Test(docmodel, odt_has_the_structure_odf_asks)
{
	struct pd_dm dm;
	struct pd_buf b = PD_BUF_INIT;
	xmlDocPtr man, content, styles;
	zip_stat_t st;
	zip_t *za;
	char *mt;

	sample(&dm, false);
	write(&dm, PD_FMT_ODT, &b);
	za = zc_open(&b);
	/* The mimetype first, stored, so the file can be told by its bytes. */
	cr_assert_str_eq(zip_get_name(za, 0, 0), "mimetype");
	cr_assert_eq(zip_stat_index(za, 0, 0, &st), 0);
	cr_assert_eq(st.comp_method, ZIP_CM_STORE);
	cr_assert_eq(memcmp(b.p + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47), 0);
	mt = zc_read(za, "mimetype", NULL);
	cr_assert_str_eq(mt, "application/vnd.oasis.opendocument.text");
	free(mt);
	man = zc_xml(za, "META-INF/manifest.xml");
	cr_assert_eq(zc_num(man, "//manifest:file-entry[@manifest:full-path='content.xml']"), 1);
	cr_assert_eq(zc_num(man, "//manifest:file-entry[@manifest:full-path='/' and "
			    "@manifest:media-type='application/vnd.oasis.opendocument.text']"), 1);
	content = zc_xml(za, "content.xml");
	cr_assert_eq(zc_num(content, "//text:h[@text:outline-level='1' and "
			    "@text:style-name='Heading_20_1']"), 2);
	cr_assert_eq(zc_num(content, "//table:table"), 3);
	cr_assert_eq(zc_num(content, "//table:table-header-rows/table:table-row"), 2);
	cr_assert_eq(zc_num(content, "//style:style[@style:name='Row']/"
			    "style:table-row-properties[@fo:keep-together='auto']"), 1);
	cr_assert_eq(zc_num(content, "//table:table[2]/table:table-column"), 3);
	zc_assert_str(content, "string(//table:table-cell[@table:style-name='CellSlipped'])",
		      "Status: 3 \xe2\x80\x93 Slipped"
		      "Some amendments are to be made to the list including:"
		      "Adding the name of the agency"
		      "Including a website address and the name, role and contact details "
		      "of each of the team members who work with the cluster");
	cr_assert_eq(zc_num(content, "//style:style[@style:name='CellSlipped']/"
			    "style:table-cell-properties[@fo:background-color='#FFD966']"), 1);
	cr_assert_eq(zc_num(content, "//table:table-cell[@table:number-columns-spanned='3']"), 2);
	cr_assert_eq(zc_num(content, "//text:list-item/text:list/text:list-item"), 2);
	styles = zc_xml(za, "styles.xml");
	cr_assert_eq(zc_num(styles, "//style:page-layout-properties[@fo:page-width='21cm' and "
			    "@fo:page-height='29.7cm' and @fo:margin-left='2cm']"), 1);
	cr_assert_eq(zc_num(styles, "//style:footer//text:page-number"), 1);
	cr_assert_eq(zc_num(styles, "//style:footer//text:page-count"), 1);
	cr_assert_eq(zc_num(styles, "//style:style[@style:name='Heading_20_1' and "
			    "@style:default-outline-level='1']"), 1);
	xmlFreeDoc(zc_xml(za, "meta.xml"));
	xmlFreeDoc(man);
	xmlFreeDoc(content);
	xmlFreeDoc(styles);
	zip_discard(za);
	pd_dm_free(&dm);
	pd_buf_free(&b);
}

/* ODF collapses white space: spaces are kept with text:s. */
Test(docmodel, odt_keeps_spaces)
{
	struct pd_dm dm;
	struct pd_buf b = PD_BUF_INIT;
	xmlDocPtr content;
	zip_t *za;

	pd_dm_init(&dm);
	pd_dm_titles(&dm, "T", NULL, NULL);
	pd_dm_para(&dm, 0, "  two  spaces\nthen a line");
	write(&dm, PD_FMT_ODT, &b);
	za = zc_open(&b);
	content = zc_xml(za, "content.xml");
	cr_assert_eq(zc_num(content, "//text:p[@text:style-name='Text_20_body']/text:s[@text:c='2']"), 1);
	cr_assert_eq(zc_num(content, "//text:p[@text:style-name='Text_20_body']/text:s[not(@text:c)]"), 1);
	cr_assert_eq(zc_num(content, "//text:line-break"), 1);
	xmlFreeDoc(content);
	zip_discard(za);
	pd_dm_free(&dm);
	pd_buf_free(&b);
}
