/*
 * minutes_txt.c — the minutes as plain text for the body of an e-mail:
 * wrapped at 72 columns (counted in display width, so accents and wide
 * characters do not break the margin), headings underlined, bullets with
 * hanging indents.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "plandesk/text.h"
#include "minutes_impl.h"

#define WIDTH 72

/*
 * Append `s` wrapped at WIDTH: the first line begins with `first`, the
 * others with `rest` (both ASCII).  Line breaks in `s` start new lines.
 */
static int wrap(struct pd_buf *b, const char *s, const char *first,
		const char *rest)
{
	const char *prefix = first;
	int col, rc = pd_buf_puts(b, first);
	bool empty = true;   /* nothing on this line after the prefix yet */

	col = (int)strlen(first);
	while (*s && rc == PD_OK) {
		size_t n = strcspn(s, " \t\r\n");
		int w = pd_utf8_width(s, n);
		if (n == 0) {
			if (*s == '\n') {
				prefix = rest;
				if ((rc = pd_buf_putc(b, '\n')) == PD_OK)
					rc = pd_buf_puts(b, prefix);
				col = (int)strlen(prefix);
				empty = true;
			}
			s++;
			continue;
		}
		if (!empty && col + 1 + w > WIDTH) {
			prefix = rest;
			if ((rc = pd_buf_putc(b, '\n')) == PD_OK)
				rc = pd_buf_puts(b, prefix);
			col = (int)strlen(prefix);
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

/* A heading underlined with `ch` to its display width. */
static int heading(struct pd_buf *b, const char *text, char ch)
{
	int w = pd_utf8_width(text, strlen(text)), rc;

	if (w > WIDTH) {
		if ((rc = wrap(b, text, "", "")))
			return rc;
		w = WIDTH;
	} else if ((rc = pd_buf_printf(b, "%s\n", text))) {
		return rc;
	}
	for (int i = 0; i < w && rc == PD_OK; i++)
		rc = pd_buf_putc(b, ch);
	return rc == PD_OK ? pd_buf_puts(b, "\n\n") : rc;
}

/* "Label:     value" with the value wrapped under itself. */
static int field(struct pd_buf *b, const char *label, const char *value)
{
	char first[32];

	if (!value || !*value)
		return PD_OK;
	snprintf(first, sizeof first, "%-14s", label);
	return wrap(b, value, first, "              ");
}

static int names(struct pd_buf *b, const char *label, const struct mn_list *l)
{
	struct pd_buf all = PD_BUF_INIT;
	int rc = PD_OK;

	for (size_t i = 0; i < l->n && rc == PD_OK; i++)
		rc = pd_buf_printf(&all, "%s%s", i ? "; " : "", l->s[i]);
	if (rc == PD_OK)
		rc = field(b, label, l->n ? all.p : "none recorded");
	pd_buf_free(&all);
	return rc;
}

static int list(struct pd_buf *b, const char *title, const struct mn_list *l,
		const char *none)
{
	int rc = pd_buf_printf(b, "%s\n", title);

	if (rc == PD_OK && !l->n)
		rc = wrap(b, none, "  ", "  ");
	for (size_t i = 0; i < l->n && rc == PD_OK; i++)
		rc = wrap(b, l->s[i], "  * ", "    ");
	return rc == PD_OK ? pd_buf_putc(b, '\n') : rc;
}

static int item(struct pd_buf *b, const struct mn_doc *doc, const struct mn_item *it)
{
	int rc;

	if ((rc = heading(b, it->heading, '-')))
		return rc;
	if (it->lead && ((rc = field(b, "Lead:", it->lead)) || (rc = pd_buf_putc(b, '\n'))))
		return rc;
	if ((rc = list(b, "Actions required", &it->required, "None.")) ||
	    (rc = pd_buf_printf(b, "Progress: %s\n", doc->date)))
		return rc;
	if (it->status)
		rc = wrap(b, it->status, "  Status: ", "          ");
	else if (!it->progress.n)
		rc = wrap(b, "No progress recorded.", "  ", "  ");
	for (size_t i = 0; i < it->progress.n && rc == PD_OK; i++)
		rc = wrap(b, it->progress.s[i], "  * ", "    ");
	if (rc == PD_OK)
		rc = pd_buf_putc(b, '\n');
	if (rc == PD_OK)
		rc = list(b, "To do by next meeting", &it->todo, "Nothing to do.");
	return rc;
}

static int groups(struct pd_buf *b, const struct mn_doc *doc)
{
	struct pd_buf line = PD_BUF_INIT;
	int rc = heading(b, "Open actions by person", '=');

	if (rc == PD_OK && !doc->ngroups)
		rc = pd_buf_puts(b, "No open actions have an owner.\n\n");
	for (size_t g = 0; g < doc->ngroups && rc == PD_OK; g++) {
		const struct mn_group *gr = &doc->groups[g];
		rc = pd_buf_printf(b, "%s\n", gr->name);
		for (size_t i = 0; i < gr->n && rc == PD_OK; i++) {
			pd_buf_reset(&line);
			rc = pd_buf_printf(&line, "[%s] %s", gr->e[i].item, gr->e[i].text);
			if (rc == PD_OK && gr->e[i].due)
				rc = pd_buf_printf(&line, " \xe2\x80\x94 due %s", gr->e[i].due);
			if (rc == PD_OK)
				rc = wrap(b, line.p, "  * ", "    ");
		}
		if (rc == PD_OK)
			rc = pd_buf_putc(b, '\n');
	}
	pd_buf_free(&line);
	return rc;
}

int mn_write_txt(const struct mn_doc *doc, struct pd_buf *b)
{
	char sub[80];
	int rc;

	snprintf(sub, sizeof sub, "Minutes of the meeting of %s", doc->date);
	if ((rc = heading(b, doc->plan, '=')) ||
	    (rc = pd_buf_printf(b, "%s\n\n", sub)) ||
	    (rc = field(b, "Meeting:", doc->title)) ||
	    (rc = field(b, "Date:", doc->date)) ||
	    (rc = field(b, "Place:", doc->location)) ||
	    (rc = names(b, "Present:", &doc->present)) ||
	    (rc = names(b, "Apologies:", &doc->apologies)) ||
	    (rc = pd_buf_putc(b, '\n')))
		return rc;
	for (size_t i = 0; i < doc->nitems; i++)
		if ((rc = item(b, doc, &doc->items[i])))
			return rc;
	if ((rc = groups(b, doc)))
		return rc;
	return field(b, "Next meeting:", doc->next[0] ? doc->next : "to be arranged");
}
