/*
 * minutes_md.c — the minutes in Markdown (CommonMark): headings per item,
 * bullet lists, hard line breaks in the heading block.
 */
#include <stdbool.h>
#include <string.h>

#include "minutes_impl.h"

/*
 * At the start of a line, what would begin a list: "- ", "+ ", "1. ",
 * "2) ".  Returns how many bytes to copy before a backslash goes in.
 */
static size_t list_marker(const char *s)
{
	size_t i = 0;

	if ((s[0] == '-' || s[0] == '+') && (s[1] == ' ' || s[1] == '\0'))
		return 1;
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	if (i && i < 10 && (s[i] == '.' || s[i] == ')'))
		return i + 1;
	return 0;
}

/*
 * Text with Markdown's active characters escaped; line breaks indented by
 * `indent`.  A NULL indent is for headings: no list markers to guard, and
 * line breaks become spaces.
 */
static int md_text(struct pd_buf *b, const char *s, const char *indent)
{
	int rc = PD_OK;
	bool bol = indent != NULL;

	for (; *s && rc == PD_OK; s++) {
		size_t m;
		if (bol && (m = list_marker(s))) {
			/* "1." becomes "1\.", "-" becomes "\-". */
			if (m > 1)
				rc = pd_buf_add(b, s, m - 1);
			if (rc == PD_OK)
				rc = pd_buf_putc(b, '\\');
			if (rc == PD_OK)
				rc = pd_buf_putc(b, s[m - 1]);
			s += m - 1;
			bol = false;
			continue;
		}
		bol = false;
		if (*s == '\n' && !indent) {
			rc = pd_buf_putc(b, ' ');
			continue;
		}
		if (*s == '\n') {
			rc = pd_buf_puts(b, "  \n");
			if (rc == PD_OK)
				rc = pd_buf_puts(b, indent);
			bol = true;
			continue;
		}
		if (*s == '\r')
			continue;
		if (strchr("\\`*_[]<>|#", *s))
			rc = pd_buf_putc(b, '\\');
		if (rc == PD_OK)
			rc = pd_buf_putc(b, *s);
	}
	return rc;
}

/* "**Label:** value" with a hard line break, when value is set. */
static int md_field(struct pd_buf *b, const char *label, const char *value)
{
	int rc;

	if (!value || !*value)
		return PD_OK;
	if ((rc = pd_buf_printf(b, "**%s:** ", label)) == PD_OK &&
	    (rc = md_text(b, value, "")) == PD_OK)
		rc = pd_buf_puts(b, "  \n");
	return rc;
}

static int md_names(struct pd_buf *b, const char *label, const struct mn_list *l)
{
	int rc = pd_buf_printf(b, "**%s:** ", label);

	for (size_t i = 0; i < l->n && rc == PD_OK; i++) {
		if (i)
			rc = pd_buf_puts(b, "; ");
		if (rc == PD_OK)
			rc = md_text(b, l->s[i], "");
	}
	if (rc == PD_OK && !l->n)
		rc = pd_buf_puts(b, "none recorded");
	return rc == PD_OK ? pd_buf_puts(b, "  \n") : rc;
}

static int md_list(struct pd_buf *b, const struct mn_list *l, const char *none)
{
	int rc = PD_OK;

	if (!l->n)
		return pd_buf_printf(b, "%s\n\n", none);
	for (size_t i = 0; i < l->n && rc == PD_OK; i++) {
		if ((rc = pd_buf_puts(b, "- ")) == PD_OK &&
		    (rc = md_text(b, l->s[i], "  ")) == PD_OK)
			rc = pd_buf_putc(b, '\n');
	}
	return rc == PD_OK ? pd_buf_putc(b, '\n') : rc;
}

static int md_item(struct pd_buf *b, const struct mn_doc *doc,
		   const struct mn_item *it)
{
	int rc;

	if ((rc = pd_buf_puts(b, "## ")) || (rc = md_text(b, it->heading, NULL)) ||
	    (rc = pd_buf_puts(b, "\n\n")))
		return rc;
	if (it->lead && ((rc = md_field(b, "Lead", it->lead)) ||
			 (rc = pd_buf_putc(b, '\n'))))
		return rc;
	if ((rc = pd_buf_puts(b, "### Actions required\n\n")) ||
	    (rc = md_list(b, &it->required, "None.")) ||
	    (rc = pd_buf_printf(b, "### Progress: %s\n\n", doc->date)))
		return rc;
	if (it->status && ((rc = md_field(b, "Status", it->status)) ||
			   (rc = pd_buf_putc(b, '\n'))))
		return rc;
	if ((rc = md_list(b, &it->progress, it->status ? "No notes." :
			  "No progress recorded.")) ||
	    (rc = pd_buf_puts(b, "### To do by next meeting\n\n")))
		return rc;
	return md_list(b, &it->todo, "Nothing to do.");
}

static int md_groups(struct pd_buf *b, const struct mn_doc *doc)
{
	int rc = pd_buf_puts(b, "## Open actions by person\n\n");

	if (rc == PD_OK && !doc->ngroups)
		rc = pd_buf_puts(b, "No open actions have an owner.\n\n");
	for (size_t g = 0; g < doc->ngroups && rc == PD_OK; g++) {
		const struct mn_group *gr = &doc->groups[g];
		if ((rc = pd_buf_puts(b, "### ")) || (rc = md_text(b, gr->name, NULL)) ||
		    (rc = pd_buf_puts(b, "\n\n")))
			break;
		for (size_t i = 0; i < gr->n && rc == PD_OK; i++) {
			if ((rc = pd_buf_puts(b, "- **")) ||
			    (rc = md_text(b, gr->e[i].item, "")) ||
			    (rc = pd_buf_puts(b, "** ")) ||
			    (rc = md_text(b, gr->e[i].text, "  ")))
				break;
			if (gr->e[i].due)
				rc = pd_buf_printf(b, " \xe2\x80\x94 due %s", gr->e[i].due);
			if (rc == PD_OK)
				rc = pd_buf_putc(b, '\n');
		}
		if (rc == PD_OK)
			rc = pd_buf_putc(b, '\n');
	}
	return rc;
}

int mn_write_md(const struct mn_doc *doc, struct pd_buf *b)
{
	int rc;

	if ((rc = pd_buf_puts(b, "# ")) || (rc = md_text(b, doc->plan, NULL)) ||
	    (rc = pd_buf_printf(b, "\n\n## Minutes of the meeting of %s\n\n", doc->date)) ||
	    (rc = md_field(b, "Meeting", doc->title)) ||
	    (rc = md_field(b, "Date", doc->date)) ||
	    (rc = md_field(b, "Place", doc->location)) ||
	    (rc = md_names(b, "Present", &doc->present)) ||
	    (rc = md_names(b, "Apologies", &doc->apologies)) ||
	    (rc = pd_buf_putc(b, '\n')))
		return rc;
	for (size_t i = 0; i < doc->nitems; i++)
		if ((rc = md_item(b, doc, &doc->items[i])))
			return rc;
	if ((rc = md_groups(b, doc)))
		return rc;
	if (doc->next[0])
		rc = pd_buf_printf(b, "**Next meeting:** %s\n", doc->next);
	else
		rc = pd_buf_puts(b, "**Next meeting:** to be arranged\n");
	return rc;
}
