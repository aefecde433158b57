/*
 * minutes_html.c — the minutes as one self-contained HTML file: inline
 * CSS (A4 page margins, bordered tables), no scripts or external files.
 * Each item is a three-column table — Actions required | Progress | To do
 * by next meeting — as in the minutes partnerships make in Word.  The
 * markup is well-formed XML (void elements closed, only the five XML
 * entities) so that any parser reads it, and it keeps the old table
 * attributes (border, cellpadding) that Word honours when CSS is ignored.
 */
#include <string.h>

#include "minutes_impl.h"

static const char style[] =
	"@page { size: A4; margin: 2cm 2cm 2cm 2cm; }\n"
	"body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt;"
	" line-height: 1.3; color: #000; background: #fff; margin: 0; }\n"
	"h1 { font-size: 16pt; margin: 0 0 4pt 0; }\n"
	"h2 { font-size: 13pt; margin: 16pt 0 4pt 0; page-break-after: avoid; }\n"
	"p { margin: 4pt 0; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; }\n"
	"th, td { border: 1px solid #000; padding: 4pt 6pt; vertical-align: top;"
	" text-align: left; }\n"
	"th { background: #e6e6e6; font-weight: bold; }\n"
	"table.head th { width: 18%; }\n"
	"tr { page-break-inside: avoid; }\n"
	"ul { margin: 0; padding-left: 14pt; }\n"
	"li { margin: 0 0 3pt 0; }\n"
	".status { font-weight: bold; }\n"
	".none { color: #444; font-style: italic; }\n"
	"@media print { body { font-size: 10.5pt; } }\n";

/* Text with the characters XML reserves escaped; line breaks kept. */
static int esc(struct pd_buf *b, const char *s)
{
	int rc = PD_OK;

	for (; *s && rc == PD_OK; s++) {
		switch (*s) {
		case '&':  rc = pd_buf_puts(b, "&amp;"); break;
		case '<':  rc = pd_buf_puts(b, "&lt;"); break;
		case '>':  rc = pd_buf_puts(b, "&gt;"); break;
		case '"':  rc = pd_buf_puts(b, "&quot;"); break;
		case '\'': rc = pd_buf_puts(b, "&#39;"); break;
		case '\n': rc = pd_buf_puts(b, "<br />"); break;
		case '\r': break;
		default:
			/* Control characters are not allowed in XML. */
			if ((unsigned char)*s < 0x20 && *s != '\t')
				break;
			rc = pd_buf_putc(b, *s);
		}
	}
	return rc;
}

/* <tag>text</tag> */
static int elem(struct pd_buf *b, const char *open, const char *text,
		const char *close)
{
	int rc = pd_buf_puts(b, open);

	if (rc == PD_OK)
		rc = esc(b, text);
	return rc == PD_OK ? pd_buf_puts(b, close) : rc;
}

static int head_row(struct pd_buf *b, const char *label, const char *value)
{
	int rc;

	if (!value || !*value)
		return PD_OK;
	if ((rc = pd_buf_printf(b, "<tr><th scope=\"row\">%s</th>", label)) == PD_OK)
		rc = elem(b, "<td>", value, "</td></tr>\n");
	return rc;
}

static int names_row(struct pd_buf *b, const char *label, const struct mn_list *l)
{
	int rc = pd_buf_printf(b, "<tr><th scope=\"row\">%s</th><td>", label);

	for (size_t i = 0; i < l->n && rc == PD_OK; i++) {
		if (i)
			rc = pd_buf_puts(b, "; ");
		if (rc == PD_OK)
			rc = esc(b, l->s[i]);
	}
	if (rc == PD_OK && !l->n)
		rc = pd_buf_puts(b, "<span class=\"none\">none recorded</span>");
	return rc == PD_OK ? pd_buf_puts(b, "</td></tr>\n") : rc;
}

static int ul(struct pd_buf *b, const struct mn_list *l, const char *none)
{
	int rc = PD_OK;

	if (!l->n)
		return none ? elem(b, "<p class=\"none\">", none, "</p>") : PD_OK;
	rc = pd_buf_puts(b, "<ul>");
	for (size_t i = 0; i < l->n && rc == PD_OK; i++)
		rc = elem(b, "<li>", l->s[i], "</li>");
	return rc == PD_OK ? pd_buf_puts(b, "</ul>") : rc;
}

static const char table_open[] =
	"<table border=\"1\" cellspacing=\"0\" cellpadding=\"5\">\n";

static int item(struct pd_buf *b, const struct mn_doc *doc, const struct mn_item *it)
{
	int rc;

	if ((rc = elem(b, "<h2>", it->heading, "</h2>\n")))
		return rc;
	if (it->lead && ((rc = pd_buf_puts(b, "<p><b>Lead:</b> ")) ||
			 (rc = elem(b, "", it->lead, "</p>\n"))))
		return rc;
	if ((rc = pd_buf_puts(b, table_open)) ||
	    (rc = pd_buf_printf(b, "<thead><tr><th style=\"width: 33%%\">Actions required</th>"
				"<th style=\"width: 34%%\">Progress: %s</th>"
				"<th style=\"width: 33%%\">To do by next meeting</th></tr></thead>\n"
				"<tbody><tr><td>", doc->date)) ||
	    (rc = ul(b, &it->required, "None.")) ||
	    (rc = pd_buf_puts(b, "</td><td>")))
		return rc;
	if (it->status && (rc = elem(b, "<p class=\"status\">Status: ", it->status, "</p>")))
		return rc;
	if ((rc = ul(b, &it->progress, it->status ? NULL : "No progress recorded.")) ||
	    (rc = pd_buf_puts(b, "</td><td>")) ||
	    (rc = ul(b, &it->todo, "Nothing to do.")))
		return rc;
	return pd_buf_puts(b, "</td></tr></tbody>\n</table>\n");
}

static int groups(struct pd_buf *b, const struct mn_doc *doc)
{
	int rc = pd_buf_puts(b, "<h2>Open actions by person</h2>\n");

	if (rc == PD_OK && !doc->ngroups)
		return pd_buf_puts(b, "<p class=\"none\">No open actions have an owner.</p>\n");
	if (rc == PD_OK)
		rc = pd_buf_printf(b, "%s<thead><tr><th style=\"width: 24%%\">Person</th>"
				   "<th style=\"width: 8%%\">Item</th><th>Action</th>"
				   "<th style=\"width: 20%%\">Due</th></tr></thead>\n<tbody>\n",
				   table_open);
	for (size_t g = 0; g < doc->ngroups && rc == PD_OK; g++) {
		const struct mn_group *gr = &doc->groups[g];
		for (size_t i = 0; i < gr->n && rc == PD_OK; i++) {
			if (i == 0)
				rc = pd_buf_printf(b, "<tr><th scope=\"rowgroup\" rowspan=\"%zu\">",
						   gr->n);
			else
				rc = pd_buf_puts(b, "<tr>");
			if (rc == PD_OK && i == 0)
				rc = elem(b, "", gr->name, "</th>");
			if (rc == PD_OK)
				rc = elem(b, "<td>", gr->e[i].item, "</td>");
			if (rc == PD_OK)
				rc = elem(b, "<td>", gr->e[i].text, "</td>");
			if (rc == PD_OK)
				rc = elem(b, "<td>", gr->e[i].due ? gr->e[i].due : "", "</td></tr>\n");
		}
	}
	return rc == PD_OK ? pd_buf_puts(b, "</tbody>\n</table>\n") : rc;
}

int mn_write_html(const struct mn_doc *doc, struct pd_buf *b)
{
	int rc;

	if ((rc = pd_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
			      "<meta charset=\"utf-8\" />\n"
			      "<meta name=\"generator\" content=\"plandesk\" />\n")) ||
	    (rc = elem(b, "<title>", doc->plan, "")) ||
	    (rc = pd_buf_printf(b, " \xe2\x80\x94 minutes of %s</title>\n<style>\n%s</style>\n"
				"</head>\n<body>\n", doc->date, style)) ||
	    (rc = elem(b, "<h1>", doc->plan, "</h1>\n")) ||
	    (rc = pd_buf_printf(b, "<p>Minutes of the meeting of %s</p>\n"
				"<table class=\"head\" border=\"1\" cellspacing=\"0\" "
				"cellpadding=\"5\">\n", doc->date)) ||
	    (rc = head_row(b, "Meeting", doc->title)) ||
	    (rc = head_row(b, "Date", doc->date)) ||
	    (rc = head_row(b, "Place", doc->location)) ||
	    (rc = names_row(b, "Present", &doc->present)) ||
	    (rc = names_row(b, "Apologies", &doc->apologies)) ||
	    (rc = pd_buf_puts(b, "</table>\n")))
		return rc;
	for (size_t i = 0; i < doc->nitems; i++)
		if ((rc = item(b, doc, &doc->items[i])))
			return rc;
	if ((rc = groups(b, doc)))
		return rc;
	return pd_buf_printf(b, "<p><b>Next meeting:</b> %s</p>\n</body>\n</html>\n",
			     doc->next[0] ? doc->next : "to be arranged");
}
