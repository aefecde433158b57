/*
 * doc_txt.c — the document model as plain text for the body of an
 * e-mail: wrapped at 72 columns (counted in display width, so accents and
 * wide characters keep the margin), the title underlined with "=", level-1
 * headings with "-", bullets with hanging indents that wrapped lines and
 * sub-points keep, fields as "Label:   value".
 */
#include <stdio.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "docmodel_impl.h"

#define WIDTH 72
#define LABEL 14   /* the column field values start in */

/*
 * Append `s` wrapped at WIDTH: the first line begins with `first`, the
 * others with `rest` (both ASCII).  Line breaks in `s` start new lines.
 */
static int wrap(struct pd_buf *b, const char *s, const char *first,
		const char *rest)
{
	int col = (int)strlen(first), rc = pd_buf_puts(b, first);
	bool empty = true;   /* nothing on this line after the prefix yet */

	while (*s && rc == PD_OK) {
		size_t n = strcspn(s, " \n");
		int w = pd_utf8_width(s, n);
		if (n == 0) {
			if (*s == '\n') {
				if ((rc = pd_buf_putc(b, '\n')) == PD_OK)
					rc = pd_buf_puts(b, rest);
				col = (int)strlen(rest);
				empty = true;
			}
			s++;
			continue;
		}
		if (!empty && col + 1 + w > WIDTH) {
			if ((rc = pd_buf_putc(b, '\n')) == PD_OK)
				rc = pd_buf_puts(b, rest);
			col = (int)strlen(rest);
			empty = true;
		}
		if (!empty && rc == PD_OK) {
			rc = pd_buf_putc(b, ' ');
			col++;
		}
		if (rc == PD_OK)
			rc = pd_buf_add(b, s, n);
		col += w;
		empty = false;
		s += n;
	}
	return rc == PD_OK ? pd_buf_putc(b, '\n') : rc;
}

/* A heading underlined with `ch` (0: none) to its display width. */
static int heading(struct pd_buf *b, const char *text, char ch)
{
	int w = pd_utf8_width(text, strlen(text)), rc = wrap(b, text, "", "");

	if (w > WIDTH)
		w = WIDTH;
	for (int i = 0; ch && i < w && rc == PD_OK; i++)
		rc = pd_buf_putc(b, ch);
	if (rc == PD_OK && ch)
		rc = pd_buf_putc(b, '\n');
	return rc == PD_OK ? pd_buf_putc(b, '\n') : rc;
}

/* A block's runs as one string (styles do not show in plain text). */
static int plain(const struct pd_dm_block *blk, struct pd_buf *t)
{
	return pd_dm_plain(blk, t);
}

/* Paragraphs and items, each paragraph's lines starting with `indent`. */
static int blocks(struct pd_buf *b, const struct pd_dm_blocks *bl, const char *indent)
{
	struct pd_buf t = PD_BUF_INIT;
	char first[32], rest[32];
	bool in_list = false;
	int rc = PD_OK;

	for (size_t i = 0; i < bl->n && rc == PD_OK; i++) {
		const struct pd_dm_block *blk = &bl->v[i];
		if (blk->kind != PD_DM_PARA && blk->kind != PD_DM_ITEM)
			continue;
		if ((rc = plain(blk, &t)))
			break;
		if (blk->kind == PD_DM_ITEM) {
			bool sub = blk->level > 1;
			snprintf(first, sizeof first, "%s%s", indent, sub ? "    - " : "  * ");
			snprintf(rest, sizeof rest, "%s%s", indent, sub ? "      " : "    ");
			in_list = true;
		} else {
			if (in_list && (rc = pd_buf_putc(b, '\n')))
				break;
			snprintf(first, sizeof first, "%s", indent);
			snprintf(rest, sizeof rest, "%s", indent);
			in_list = false;
		}
		rc = wrap(b, t.p, first, rest);
		if (rc == PD_OK && blk->kind == PD_DM_PARA)
			rc = pd_buf_putc(b, '\n');
	}
	if (rc == PD_OK && in_list)
		rc = pd_buf_putc(b, '\n');
	pd_buf_free(&t);
	return rc;
}

/* A cell's text on one line: paragraphs and items joined by "; ". */
static int cell_line(const struct pd_dm_cell *c, struct pd_buf *out)
{
	struct pd_buf t = PD_BUF_INIT;
	int rc = PD_OK;

	for (size_t i = 0; i < c->body.n && rc == PD_OK; i++) {
		if ((rc = plain(&c->body.v[i], &t)) == PD_OK && t.n)
			rc = pd_buf_printf(out, "%s%s", out->n ? "; " : "", t.p);
	}
	pd_buf_free(&t);
	return rc;
}

/* "Head: " or "Progress: 26th June 2009 " for a column head as a label. */
static int label(struct pd_buf *b, const char *head)
{
	return pd_buf_printf(b, strchr(head, ':') ? "%s " : "%s: ", head);
}

static int fields(struct pd_buf *b, const struct pd_dm_table *t)
{
	struct pd_buf name = PD_BUF_INIT, value = PD_BUF_INIT;
	char first[64];
	int rc = PD_OK;

	for (size_t r = 0; r < t->nrows && rc == PD_OK; r++) {
		const struct pd_dm_row *row = &t->rows[r];
		if (row->ncells < 2 || !row->cells[0].body.n)
			continue;
		pd_buf_reset(&value);
		if ((rc = plain(&row->cells[0].body.v[0], &name)) ||
		    (rc = cell_line(&row->cells[1], &value)))
			break;
		snprintf(first, sizeof first, "%-*s", LABEL, "");
		memcpy(first, name.p, name.n < LABEL - 2 ? name.n : LABEL - 2);
		first[name.n < LABEL - 2 ? name.n : LABEL - 2] = ':';
		rc = wrap(b, value.p ? value.p : "", first, "              ");
	}
	pd_buf_free(&name);
	pd_buf_free(&value);
	return rc == PD_OK ? pd_buf_putc(b, '\n') : rc;
}

/* A table: group rows and row heads as headings, then each cell as
 * "Head: text" (compact tables: a row's cells on one bulleted line). */
static int rows(struct pd_buf *b, const struct pd_dm_table *t)
{
	struct pd_buf line = PD_BUF_INIT, text = PD_BUF_INIT;
	bool compact = t->flags & PD_DM_T_COMPACT, listed = false;
	int rc = PD_OK;

	for (size_t r = 0; r < t->nrows && rc == PD_OK; r++) {
		const struct pd_dm_row *row = &t->rows[r];
		bool head = (row->flags & PD_DM_ROW_GROUP) ||
			    ((t->flags & PD_DM_T_ROWHEAD) && !compact);
		if (head && row->cells[0].body.n) {
			if (listed && (rc = pd_buf_putc(b, '\n')))
				break;
			listed = false;
			if ((rc = plain(&row->cells[0].body.v[0], &text)) ||
			    (rc = heading(b, text.p, t->level + row->depth <= 1 ? '-' : 0)))
				break;
		}
		if (row->flags & PD_DM_ROW_GROUP)
			continue;
		pd_buf_reset(&line);
		for (size_t c = head ? 1 : 0; c < row->ncells && rc == PD_OK; c++) {
			const struct pd_dm_cell *cell = &row->cells[c];
			if (pd_dm_cell_empty(cell))
				continue;
			if (compact) {
				pd_buf_reset(&text);
				if ((rc = cell_line(cell, &text)) == PD_OK)
					rc = pd_buf_printf(&line, "%s%s: %s", line.n ?
							   " \xe2\x80\x94 " : "", t->cols[c].head, text.p);
			} else if (cell->body.n == 1 && cell->body.v[0].kind == PD_DM_PARA &&
				   !strchr(t->cols[c].head, ':')) {
				if ((rc = plain(&cell->body.v[0], &text)) == PD_OK &&
				    (rc = label(&line, t->cols[c].head)) == PD_OK &&
				    (rc = pd_buf_puts(&line, text.p)) == PD_OK)
					rc = wrap(b, line.p, "", "  ");
				if (rc == PD_OK)
					rc = pd_buf_putc(b, '\n');
				pd_buf_reset(&line);
			} else {
				if ((rc = label(&line, t->cols[c].head)) == PD_OK)
					rc = pd_buf_printf(b, "%.*s\n", (int)line.n - 1, line.p);
				pd_buf_reset(&line);
				if (rc == PD_OK)
					rc = blocks(b, &cell->body, "");
			}
		}
		if (rc == PD_OK && compact && line.n) {
			rc = wrap(b, line.p, "  * ", "    ");
			listed = true;
		}
	}
	if (rc == PD_OK && listed)
		rc = pd_buf_putc(b, '\n');
	pd_buf_free(&line);
	pd_buf_free(&text);
	return rc;
}

int pd_dm_write_txt(const struct pd_dm *dm, struct pd_buf *b)
{
	struct pd_dm_blocks run = { 0 };
	int rc = heading(b, dm->title ? dm->title : "", '=');

	if (rc == PD_OK && dm->subtitle)
		rc = heading(b, dm->subtitle, 0);
	for (size_t i = 0; i < dm->body.n && rc == PD_OK; i++) {
		const struct pd_dm_block *blk = &dm->body.v[i];
		struct pd_buf t = PD_BUF_INIT;
		if (blk->kind == PD_DM_PARA || blk->kind == PD_DM_ITEM) {
			/* A run of paragraphs and items goes out together. */
			if (!run.v)
				run.v = (struct pd_dm_block *)blk;
			run.n++;
			if (i + 1 < dm->body.n && (dm->body.v[i + 1].kind == PD_DM_PARA ||
						   dm->body.v[i + 1].kind == PD_DM_ITEM))
				continue;
			rc = blocks(b, &run, "");
			run.v = NULL;
			run.n = 0;
			continue;
		}
		if (blk->kind == PD_DM_HEADING) {
			if ((rc = plain(blk, &t)) == PD_OK)
				rc = heading(b, t.p, blk->level == 1 ? '-' : 0);
		} else if (blk->table->flags & PD_DM_T_FIELDS) {
			rc = fields(b, blk->table);
		} else {
			rc = rows(b, blk->table);
		}
		pd_buf_free(&t);
	}
	while (rc == PD_OK && b->n >= 2 && b->p[b->n - 1] == '\n' && b->p[b->n - 2] == '\n')
		b->p[--b->n] = '\0';
	return rc;
}
