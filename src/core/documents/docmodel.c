/*
 * docmodel.c — building the document model (docmodel.h): copying text in
 * safely, reading typed text as paragraphs and lists, tables and their
 * empty columns; what the writers share about it (pd_dm_plain, the
 * shades).  pd_dm_write (doc_write.c) hands the finished model to a
 * writer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/text.h"
#include "docmodel_impl.h"

#define REPLACEMENT "\xef\xbf\xbd"   /* U+FFFD */

void pd_dm_init(struct pd_dm *dm)
{
	memset(dm, 0, sizeof *dm);
	dm->cur = &dm->body;
}

static void blocks_free(struct pd_dm_blocks *bl);

static void table_free(struct pd_dm_table *t)
{
	if (!t)
		return;
	for (size_t c = 0; c < t->ncols; c++)
		free(t->cols[c].head);
	free(t->cols);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->rows[r].ncells; c++)
			blocks_free(&t->rows[r].cells[c].body);
		free(t->rows[r].cells);
	}
	free(t->rows);
	free(t);
}

static void blocks_free(struct pd_dm_blocks *bl)
{
	for (size_t i = 0; i < bl->n; i++) {
		for (size_t r = 0; r < bl->v[i].nruns; r++)
			free(bl->v[i].runs[r].text);
		free(bl->v[i].runs);
		table_free(bl->v[i].table);
	}
	free(bl->v);
	memset(bl, 0, sizeof *bl);
}

void pd_dm_free(struct pd_dm *dm)
{
	free(dm->title);
	free(dm->subtitle);
	free(dm->footer);
	blocks_free(&dm->body);
	pd_dm_init(dm);
}

/* Record the first failure; later calls see it and do nothing. */
static int failed(struct pd_dm *dm, int rc)
{
	if (dm->rc == PD_OK)
		dm->rc = rc;
	return dm->rc;
}

/*
 * A copy of n bytes at s that every format can carry: invalid UTF-8 as
 * U+FFFD, tab as a space, CR and other control characters (and U+FFFE/F,
 * which XML forbids) dropped, LF kept.  NULL when out of memory.
 */
static char *safe_copy(const char *s, size_t n)
{
	struct pd_buf b = PD_BUF_INIT;
	size_t i = 0, len;
	uint32_t cp;
	int rc = pd_buf_reserve(&b, n + 1);

	while (rc == PD_OK && i < n) {
		len = pd_utf8_decode(s + i, n - i, &cp);
		if (cp == PD_UTF8_REPLACEMENT && len == 1)
			rc = pd_buf_puts(&b, REPLACEMENT);
		else if (cp == '\t')
			rc = pd_buf_putc(&b, ' ');
		else if ((cp < 0x20 && cp != '\n') || cp == 0x7F || cp == 0xFFFE ||
			 cp == 0xFFFF)
			;
		else
			rc = pd_buf_add(&b, s + i, len);
		i += len;
	}
	if (rc != PD_OK) {
		pd_buf_free(&b);
		return NULL;
	}
	b.p[b.n] = '\0';   /* pd_buf_reserve made room; "" adds nothing */
	return b.p;
}

static int set_str(struct pd_dm *dm, char **dst, const char *s)
{
	char *copy = NULL;

	if (dm->rc)
		return dm->rc;
	if (s && !(copy = safe_copy(s, strlen(s))))
		return failed(dm, PD_ENOMEM);
	free(*dst);
	*dst = copy;
	return PD_OK;
}

int pd_dm_titles(struct pd_dm *dm, const char *title, const char *subtitle,
		 const char *footer)
{
	set_str(dm, &dm->title, title);
	set_str(dm, &dm->subtitle, subtitle);
	return set_str(dm, &dm->footer, footer);
}

/* A new, empty block at the end of the current place. */
static struct pd_dm_block *add_block(struct pd_dm *dm, enum pd_dm_kind kind,
				     int level, unsigned role)
{
	struct pd_dm_blocks *bl = dm->cur;
	struct pd_dm_block *b;

	if (dm->rc)
		return NULL;
	if (pd_grow(&bl->v, &bl->cap, bl->n + 1, sizeof *bl->v, 8)) {
		failed(dm, PD_ENOMEM);
		return NULL;
	}
	b = &bl->v[bl->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->level = level;
	b->role = role;
	return b;
}

/* Append a run of n bytes at s to block b. */
static int add_run(struct pd_dm *dm, struct pd_dm_block *b, unsigned style,
		   const char *s, size_t n)
{
	struct pd_dm_run *runs;
	char *copy;

	if (dm->rc)
		return dm->rc;
	if (!(copy = safe_copy(s, n)))
		return failed(dm, PD_ENOMEM);
	if (!(runs = realloc(b->runs, (b->nruns + 1) * sizeof *runs))) {
		free(copy);
		return failed(dm, PD_ENOMEM);
	}
	b->runs = runs;
	runs[b->nruns].text = copy;
	runs[b->nruns++].style = style;
	return PD_OK;
}

int pd_dm_heading(struct pd_dm *dm, int level, const char *text)
{
	struct pd_dm_block *b = add_block(dm, PD_DM_HEADING,
					  level < 1 ? 1 : level > 3 ? 3 : level, 0);

	return b ? add_run(dm, b, 0, text, strlen(text)) : dm->rc;
}

int pd_dm_para(struct pd_dm *dm, unsigned role, const char *text)
{
	struct pd_dm_block *b = add_block(dm, PD_DM_PARA, 0, role);

	return b ? add_run(dm, b, 0, text, strlen(text)) : dm->rc;
}

int pd_dm_field(struct pd_dm *dm, const char *label, const char *value)
{
	struct pd_dm_block *b = add_block(dm, PD_DM_PARA, 0, 0);

	struct pd_buf l = PD_BUF_INIT;

	if (b && pd_buf_printf(&l, "%s: ", label) != PD_OK)
		failed(dm, PD_ENOMEM);
	if (b && add_run(dm, b, PD_DM_BOLD, l.p, l.n) == PD_OK)
		add_run(dm, b, 0, value, strlen(value));
	pd_buf_free(&l);
	return dm->rc;
}

int pd_dm_run(struct pd_dm *dm, unsigned style, const char *text)
{
	struct pd_dm_block *b;

	if (dm->rc)
		return dm->rc;
	if (!dm->cur->n)
		return PD_EINVAL;
	b = &dm->cur->v[dm->cur->n - 1];
	if (b->kind != PD_DM_PARA && b->kind != PD_DM_ITEM)
		return PD_EINVAL;
	return add_run(dm, b, style, text, strlen(text));
}

/* --- typed text ---------------------------------------------------------- */

/* The bullets people type at the start of a line, each then a space. */
static const char *const bullets[] = {
	"-", "*", "\xe2\x80\xa2" /* • */, "\xe2\x96\xaa" /* ▪ */,
	"\xc2\xb7" /* · */, "\xe2\x97\xa6" /* ◦ */, "\xe2\x80\x93" /* – */,
};

/* The length of the bullet and its blanks at the start of s[0..n), or 0. */
static size_t bullet_len(const char *s, size_t n)
{
	for (size_t k = 0; k < sizeof bullets / sizeof bullets[0]; k++) {
		size_t bl = strlen(bullets[k]), i = bl;

		if (n <= bl || memcmp(s, bullets[k], bl) != 0 ||
		    (s[bl] != ' ' && s[bl] != '\t'))
			continue;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		return i;
	}
	return 0;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

struct line {
	const char *s;   /* trimmed, the bullet removed */
	size_t      n;
	bool        bullet;
};

/* Cut the next line from text[*pos..]; false at the end.  A blank line
 * comes back with n == 0. */
static bool next_line(const char *text, size_t *pos, struct line *ln)
{
	size_t a = *pos, e, bl;

	if (!text[a])
		return false;
	e = a + strcspn(text + a, "\n");
	*pos = text[e] ? e + 1 : e;
	while (a < e && blank(text[a]))
		a++;
	while (e > a && blank(text[e - 1]))
		e--;
	bl = bullet_len(text + a, e - a);
	ln->s = text + a + bl;
	ln->n = e - a - bl;
	ln->bullet = bl > 0;
	return true;
}

int pd_dm_item(struct pd_dm *dm, int level, unsigned role, const char *text)
{
	struct pd_dm_block *b = add_block(dm, PD_DM_ITEM, level < 2 ? 1 : 2, role);
	size_t at = dm->cur->n - 1, pos = 0;   /* b moves when a sub-point is added */
	struct line ln;
	bool any = false;

	while (b && dm->rc == PD_OK && next_line(text, &pos, &ln)) {
		if (!ln.n)
			continue;
		if (ln.bullet && any && level < 2) {
			struct pd_dm_block *sub = add_block(dm, PD_DM_ITEM, 2, role);
			if (sub)
				add_run(dm, sub, 0, ln.s, ln.n);
			continue;
		}
		b = &dm->cur->v[at];
		if (any)
			add_run(dm, b, 0, "\n", 1);
		add_run(dm, b, 0, ln.s, ln.n);
		any = true;
	}
	if (b && !any)
		add_run(dm, &dm->cur->v[at], 0, "", 0);
	return dm->rc;
}

int pd_dm_text(struct pd_dm *dm, const char *text, unsigned flags)
{
	bool list = flags & PD_DM_LIST, under = false;   /* a level-1 item before */
	struct line ln;
	size_t pos = 0;

	while (dm->rc == PD_OK && text && next_line(text, &pos, &ln)) {
		struct pd_dm_block *b;
		if (!ln.n)
			continue;
		if (list)
			b = add_block(dm, PD_DM_ITEM, ln.bullet && under ? 2 : 1, 0);
		else
			b = add_block(dm, ln.bullet ? PD_DM_ITEM : PD_DM_PARA,
				      ln.bullet ? 1 : 0, 0);
		if (b)
			add_run(dm, b, 0, ln.s, ln.n);
		under = list && (under || !ln.bullet);
	}
	return dm->rc;
}

/* --- tables ---------------------------------------------------------------- */

int pd_dm_table(struct pd_dm *dm, unsigned flags, int level)
{
	struct pd_dm_block *b;
	struct pd_dm_table *t;

	if (dm->rc)
		return dm->rc;
	if (dm->table)
		return failed(dm, PD_EINVAL);   /* no tables in tables */
	if (!(t = calloc(1, sizeof *t)))
		return failed(dm, PD_ENOMEM);
	if (!(b = add_block(dm, PD_DM_TABLE, 0, 0))) {
		free(t);
		return dm->rc;
	}
	t->flags = flags;
	t->level = level;
	b->table = t;
	dm->table = t;
	return PD_OK;
}

int pd_dm_col(struct pd_dm *dm, const char *head, unsigned width)
{
	struct pd_dm_table *t = dm->table;
	struct pd_dm_col *c;

	if (dm->rc)
		return dm->rc;
	if (!t || t->nrows)
		return failed(dm, PD_EINVAL);
	if (!(c = realloc(t->cols, (t->ncols + 1) * sizeof *c)))
		return failed(dm, PD_ENOMEM);
	t->cols = c;
	c[t->ncols].width = width;
	c[t->ncols].head = NULL;
	if (!(c[t->ncols].head = safe_copy(head, strlen(head))))
		return failed(dm, PD_ENOMEM);
	t->ncols++;
	return PD_OK;
}

int pd_dm_row(struct pd_dm *dm, unsigned flags, int depth)
{
	struct pd_dm_table *t = dm->table;
	struct pd_dm_row *r;

	if (dm->rc)
		return dm->rc;
	if (!t || !t->ncols)
		return failed(dm, PD_EINVAL);
	if (pd_grow(&t->rows, &t->caprows, t->nrows + 1, sizeof *t->rows, 8))
		return failed(dm, PD_ENOMEM);
	r = &t->rows[t->nrows];
	memset(r, 0, sizeof *r);
	r->flags = flags;
	r->depth = depth;
	if (!(r->cells = calloc(flags & PD_DM_ROW_GROUP ? 1 : t->ncols, sizeof *r->cells)))
		return failed(dm, PD_ENOMEM);
	t->nrows++;
	dm->cur = &dm->body;   /* until the first cell begins */
	return PD_OK;
}

int pd_dm_cell(struct pd_dm *dm, enum pd_status_kind shade)
{
	struct pd_dm_table *t = dm->table;
	struct pd_dm_row *r;
	size_t max;

	if (dm->rc)
		return dm->rc;
	if (!t || !t->nrows)
		return failed(dm, PD_EINVAL);
	r = &t->rows[t->nrows - 1];
	max = r->flags & PD_DM_ROW_GROUP ? 1 : t->ncols;
	if (r->ncells == max)
		return failed(dm, PD_EINVAL);
	r->cells[r->ncells].shade = shade;
	dm->cur = &r->cells[r->ncells++].body;
	return PD_OK;
}

int pd_dm_cell_text(struct pd_dm *dm, enum pd_status_kind shade, const char *text)
{
	if (pd_dm_cell(dm, shade) == PD_OK && text && *text)
		pd_dm_para(dm, 0, text);
	return dm->rc;
}

bool pd_dm_cell_empty(const struct pd_dm_cell *c)
{
	for (size_t i = 0; i < c->body.n; i++)
		for (size_t r = 0; r < c->body.v[i].nruns; r++)
			if (c->body.v[i].runs[r].text[0])
				return false;
	return true;
}

/* Leave out column k of every row. */
static void drop_column(struct pd_dm_table *t, size_t k)
{
	free(t->cols[k].head);
	memmove(&t->cols[k], &t->cols[k + 1], (t->ncols - k - 1) * sizeof *t->cols);
	for (size_t r = 0; r < t->nrows; r++) {
		struct pd_dm_row *row = &t->rows[r];
		if (row->flags & PD_DM_ROW_GROUP || k >= row->ncells)
			continue;
		blocks_free(&row->cells[k].body);
		memmove(&row->cells[k], &row->cells[k + 1],
			(row->ncells - k - 1) * sizeof *row->cells);
		row->ncells--;
	}
	t->ncols--;
}

/* Make the widths add up to 100 per cent, in proportion. */
static void share_widths(struct pd_dm_table *t)
{
	unsigned sum = 0, left = 100;

	for (size_t c = 0; c < t->ncols; c++)
		sum += t->cols[c].width;
	for (size_t c = 0; c < t->ncols; c++) {
		unsigned w = !sum ? 100 / (unsigned)t->ncols :
			     t->cols[c].width * 100 / sum;
		t->cols[c].width = c + 1 == t->ncols ? left : w;
		left -= t->cols[c].width;
	}
}

int pd_dm_table_end(struct pd_dm *dm)
{
	struct pd_dm_table *t = dm->table;

	if (dm->rc)
		return dm->rc;
	if (!t)
		return failed(dm, PD_EINVAL);
	for (size_t k = t->ncols; k-- > 0 && t->nrows;) {
		bool empty = true;
		for (size_t r = 0; r < t->nrows && empty; r++)
			if (!(t->rows[r].flags & PD_DM_ROW_GROUP) && k < t->rows[r].ncells)
				empty = pd_dm_cell_empty(&t->rows[r].cells[k]);
		if (empty && t->ncols > 1)
			drop_column(t, k);
	}
	share_widths(t);
	dm->table = NULL;
	dm->cur = &dm->body;
	return PD_OK;
}

int pd_dm_plain(const struct pd_dm_block *blk, struct pd_buf *b)
{
	int rc = PD_OK;

	pd_buf_reset(b);
	for (size_t r = 0; r < blk->nruns && rc == PD_OK; r++)
		rc = pd_buf_puts(b, blk->runs[r].text);
	if (rc == PD_OK && !b->p)
		rc = pd_buf_puts(b, "");
	return rc;
}

const char *pd_dm_shade_rgb(enum pd_status_kind kind)
{
	switch (kind) {
	case PD_ST_DONE:    return "A9D18E";   /* green */
	case PD_ST_OK:      return "D9EAD3";   /* pale green */
	case PD_ST_SLIPPED: return "FFD966";   /* amber */
	case PD_ST_FAILED:  return "F4A7A7";   /* red */
	default:            return NULL;
	}
}
