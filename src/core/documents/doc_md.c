/*
 * doc_md.c — the document model as Markdown (CommonMark): "#" headings
 * one level below the title's, "- " lists, "**Label:** value" fields, and
 * tables either as pipe tables (compact tables, one line a row) or as a
 * block per row, readable in a terminal and in any Markdown viewer.
 */
#include <string.h>

#include "plandesk/documents/doc.h"
#include "docmodel_impl.h"

/*
 * n bytes at s escaped for CommonMark: \ ` * _ [ ] < > | # ~ get a
 * backslash, and so does an '&' that would begin an entity.  At the start
 * of a line (`bol`), what would make a list item, a numbered list or a
 * heading underline is escaped too (doc.h pd_md_escape).
 */
static int esc(struct pd_buf *b, const char *s, size_t n, bool bol)
{
	int rc = PD_OK;

	if (bol)
		return pd_md_escape(b, s, n);
	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		if (strchr("\\`*_[]<>|#~", s[i]) ||
		    (s[i] == '&' && i + 1 < n && s[i + 1] != ' '))
			rc = pd_buf_putc(b, '\\');
		if (rc == PD_OK)
			rc = pd_buf_putc(b, s[i]);
	}
	return rc;
}

/*
 * A run's text, escaped.  A line break is a hard break followed by
 * `indent`; with `indent` NULL (a heading, a table cell) a space.  `bol`:
 * the run begins a line.
 */
static int md_run(struct pd_buf *b, const char *s, const char *indent, bool bol)
{
	int rc = PD_OK;

	while (rc == PD_OK) {
		size_t n = strcspn(s, "\n");
		rc = esc(b, s, n, bol && indent);
		if (!s[n] || rc != PD_OK)
			break;
		if ((rc = pd_buf_puts(b, indent ? "  \n" : " ")) == PD_OK && indent)
			rc = pd_buf_puts(b, indent);
		s += n + 1;
		bol = true;
	}
	return rc;
}

/*
 * The runs of a block, styled; `indent` follows each line break (NULL:
 * line breaks become spaces, for headings and table cells).
 */
static int md_runs(struct pd_buf *b, const struct pd_dm_block *blk,
		   const char *indent, bool bol)
{
	const char *wrap = blk->role & PD_DM_FLAG ? "**" :
			   blk->role & PD_DM_NOTE ? "*" : "";
	int rc = pd_buf_puts(b, wrap);

	for (size_t r = 0; r < blk->nruns && rc == PD_OK; r++) {
		const struct pd_dm_run *run = &blk->runs[r];
		const char *mark = *wrap ? "" : run->style & PD_DM_BOLD ? "**" :
				   run->style & PD_DM_ITALIC ? "*" : "";
		const char *t = run->text;
		size_t lead = strspn(t, " "), n = strlen(t), trail = 0;

		/* Emphasis may not begin or end with a space: keep it outside. */
		while (*mark && trail < n - lead && t[n - 1 - trail] == ' ')
			trail++;
		if (!*mark || lead == n) {
			rc = md_run(b, t, indent, bol && r == 0 && !*wrap);
			continue;
		}
		if ((rc = pd_buf_add(b, t, lead)) || (rc = pd_buf_puts(b, mark)))
			break;
		{
			struct pd_buf mid = PD_BUF_INIT;
			if ((rc = pd_buf_add(&mid, t + lead, n - lead - trail)) == PD_OK)
				rc = md_run(b, mid.p, indent, false);
			pd_buf_free(&mid);
		}
		if (rc == PD_OK && (rc = pd_buf_puts(b, mark)) == PD_OK)
			rc = pd_buf_add(b, t + n - trail, trail);
	}
	return rc == PD_OK ? pd_buf_puts(b, wrap) : rc;
}

static int md_heading(struct pd_buf *b, int level, const char *text)
{
	int rc;

	if (level > 6)
		level = 6;
	if ((rc = pd_buf_printf(b, "%.*s ", level, "######")) == PD_OK &&
	    (rc = md_run(b, text, NULL, false)) == PD_OK)
		rc = pd_buf_puts(b, "\n\n");
	return rc;
}

/*
 * Paragraphs and lists, a blank line between blocks but not between the
 * items of one list.  *in_list says whether the last thing written was a
 * list item (a paragraph after one needs the blank line first).
 */
static int md_block(struct pd_buf *b, const struct pd_dm_block *blk, bool *in_list)
{
	int rc = PD_OK;

	if (blk->kind == PD_DM_ITEM) {
		const char *ind = blk->level > 1 ? "    " : "  ";
		if ((rc = pd_buf_puts(b, blk->level > 1 ? "  - " : "- ")) == PD_OK &&
		    (rc = md_runs(b, blk, ind, true)) == PD_OK)
			rc = pd_buf_putc(b, '\n');
		*in_list = true;
		return rc;
	}
	if (*in_list && (rc = pd_buf_putc(b, '\n')))
		return rc;
	*in_list = false;
	if ((rc = md_runs(b, blk, "", true)) == PD_OK)
		rc = pd_buf_puts(b, "\n\n");
	return rc;
}

static int md_blocks(struct pd_buf *b, const struct pd_dm_blocks *bl)
{
	bool in_list = false;
	int rc = PD_OK;

	for (size_t i = 0; i < bl->n && rc == PD_OK; i++)
		rc = md_block(b, &bl->v[i], &in_list);
	if (rc == PD_OK && in_list)
		rc = pd_buf_putc(b, '\n');
	return rc;
}

/* A cell on one line: its blocks' runs joined by spaces. */
static int md_inline(struct pd_buf *b, const struct pd_dm_cell *c, const char *sep)
{
	int rc = PD_OK;

	for (size_t i = 0; i < c->body.n && rc == PD_OK; i++) {
		if (i && (rc = pd_buf_puts(b, sep)))
			break;
		rc = md_runs(b, &c->body.v[i], NULL, false);
	}
	return rc;
}

/* A column head as a label: "Due:", but "Progress: 26th June 2009" as is. */
static int md_label(struct pd_buf *b, const char *head)
{
	int rc = pd_buf_puts(b, "**");

	if (rc == PD_OK)
		rc = md_run(b, head, NULL, false);
	return rc == PD_OK ? pd_buf_puts(b, strchr(head, ':') ? "**" : ":**") : rc;
}

static int md_fields(struct pd_buf *b, const struct pd_dm_table *t)
{
	int rc = PD_OK;

	for (size_t r = 0; r < t->nrows && rc == PD_OK; r++) {
		const struct pd_dm_row *row = &t->rows[r];
		struct pd_buf label = PD_BUF_INIT;
		if (row->ncells < 2 || !row->cells[0].body.n)
			continue;
		if ((rc = pd_dm_plain(&row->cells[0].body.v[0], &label)) == PD_OK &&
		    (rc = md_label(b, label.p)) == PD_OK && (rc = pd_buf_putc(b, ' ')) == PD_OK &&
		    (rc = md_inline(b, &row->cells[1], "; ")) == PD_OK)
			rc = pd_buf_puts(b, r + 1 < t->nrows ? "  \n" : "\n");
		pd_buf_free(&label);
	}
	return rc == PD_OK ? pd_buf_putc(b, '\n') : rc;
}

static int md_pipe_head(struct pd_buf *b, const struct pd_dm_table *t)
{
	int rc = PD_OK;

	for (size_t c = 0; c < t->ncols && rc == PD_OK; c++)
		if ((rc = pd_buf_puts(b, "| ")) == PD_OK &&
		    (rc = md_run(b, t->cols[c].head, NULL, false)) == PD_OK)
			rc = pd_buf_putc(b, ' ');
	if (rc == PD_OK)
		rc = pd_buf_puts(b, "|\n");
	for (size_t c = 0; c < t->ncols && rc == PD_OK; c++)
		rc = pd_buf_puts(b, "|---");
	return rc == PD_OK ? pd_buf_puts(b, "|\n") : rc;
}

/* A compact table: pipe tables, a heading for each group row. */
static int md_compact(struct pd_buf *b, const struct pd_dm_table *t)
{
	bool open = false;
	int rc = PD_OK;

	for (size_t r = 0; r < t->nrows && rc == PD_OK; r++) {
		const struct pd_dm_row *row = &t->rows[r];
		if (row->flags & PD_DM_ROW_GROUP) {
			struct pd_buf name = PD_BUF_INIT;
			if (open && (rc = pd_buf_putc(b, '\n')))
				break;
			open = false;
			if (row->cells[0].body.n &&
			    (rc = pd_dm_plain(&row->cells[0].body.v[0], &name)) == PD_OK)
				rc = md_heading(b, t->level + 1, name.p);
			pd_buf_free(&name);
			continue;
		}
		if (!open && (rc = md_pipe_head(b, t)))
			break;
		open = true;
		for (size_t c = 0; c < row->ncells && rc == PD_OK; c++)
			if ((rc = pd_buf_puts(b, c ? " | " : "| ")) == PD_OK)
				rc = md_inline(b, &row->cells[c], " ");
		if (rc == PD_OK)
			rc = pd_buf_puts(b, " |\n");
	}
	return rc == PD_OK && open ? pd_buf_putc(b, '\n') : rc;
}

/* Any other table: a block per row. */
static int md_rows(struct pd_buf *b, const struct pd_dm_table *t)
{
	struct pd_buf name = PD_BUF_INIT;
	int rc = PD_OK;

	for (size_t r = 0; r < t->nrows && rc == PD_OK; r++) {
		const struct pd_dm_row *row = &t->rows[r];
		bool head = (t->flags & PD_DM_T_ROWHEAD) || (row->flags & PD_DM_ROW_GROUP);
		size_t first = head ? 1 : 0;

		if (head && row->cells[0].body.n) {
			if ((rc = pd_dm_plain(&row->cells[0].body.v[0], &name)) ||
			    (rc = md_heading(b, t->level + 1 + row->depth, name.p)))
				break;
		}
		for (size_t c = first; c < row->ncells && rc == PD_OK; c++) {
			const struct pd_dm_cell *cell = &row->cells[c];
			if (pd_dm_cell_empty(cell))
				continue;
			if ((rc = md_label(b, t->cols[c].head)))
				break;
			/* "**Due:** 25th September 2009"; a head that says more
			 * ("Progress: 26th June 2009") stands on its own line. */
			if (cell->body.n == 1 && cell->body.v[0].kind == PD_DM_PARA &&
			    !strchr(t->cols[c].head, ':')) {
				if ((rc = pd_buf_putc(b, ' ')) == PD_OK &&
				    (rc = md_runs(b, &cell->body.v[0], "", false)) == PD_OK)
					rc = pd_buf_puts(b, "\n\n");
			} else if ((rc = pd_buf_puts(b, "\n\n")) == PD_OK) {
				rc = md_blocks(b, &cell->body);
			}
		}
	}
	pd_buf_free(&name);
	return rc;
}

int pd_dm_write_md(const struct pd_dm *dm, struct pd_buf *b)
{
	bool in_list = false;
	int rc = md_heading(b, 1, dm->title ? dm->title : "");

	if (rc == PD_OK && dm->subtitle)
		rc = md_heading(b, 2, dm->subtitle);
	for (size_t i = 0; i < dm->body.n && rc == PD_OK; i++) {
		const struct pd_dm_block *blk = &dm->body.v[i];
		if (blk->kind == PD_DM_PARA || blk->kind == PD_DM_ITEM) {
			rc = md_block(b, blk, &in_list);
			continue;
		}
		if (in_list && (rc = pd_buf_putc(b, '\n')))
			break;
		in_list = false;
		if (blk->kind == PD_DM_HEADING) {
			struct pd_buf text = PD_BUF_INIT;
			if ((rc = pd_dm_plain(blk, &text)) == PD_OK)
				rc = md_heading(b, blk->level + 1, text.p);
			pd_buf_free(&text);
		} else if (blk->table->flags & PD_DM_T_FIELDS) {
			rc = md_fields(b, blk->table);
		} else if (blk->table->flags & PD_DM_T_COMPACT) {
			rc = md_compact(b, blk->table);
		} else {
			rc = md_rows(b, blk->table);
		}
	}
	/* One newline at the end, not a blank line. */
	while (rc == PD_OK && b->n >= 2 && b->p[b->n - 1] == '\n' && b->p[b->n - 2] == '\n')
		b->p[--b->n] = '\0';
	return rc;
}
