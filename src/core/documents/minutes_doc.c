/*
 * minutes_doc.c — the minutes laid out as a document (docmodel.h), in the
 * shape partnerships send them in (the sample's C3P meetings,
 * share/sample):
 *
 *	the plan as the title, "Minutes of the meeting of <date>" under it,
 *	and a title block: meeting, date, place, present, apologies;
 *	for each item a heading ("1. Title"), its lead, and a table of one
 *	row — Actions required | Progress: <date> | To do by next meeting —
 *	the progress cell shaded by the status given at the meeting (which
 *	it also states); a column no item has anything for is left out,
 *	and an empty cell says so ("None.", "Nothing to do.");
 *	"Open actions by person": a person per group row, their actions
 *	with the item and due date, "No owner" last;
 *	the next meeting's date.
 */
#include <stdio.h>
#include <string.h>

#include "minutes_impl.h"

/* "Kath Pike (KP); Jane Fallows", or "none recorded". */
static int names(struct pd_dm *dm, const char *label, const struct mn_list *l)
{
	struct pd_buf all = PD_BUF_INIT;
	int rc = PD_OK;

	for (size_t i = 0; i < l->n && rc == PD_OK; i++)
		rc = pd_buf_printf(&all, "%s%s", i ? "; " : "", l->s[i]);
	if (rc != PD_OK) {
		pd_buf_free(&all);
		return PD_ENOMEM;
	}
	pd_dm_row(dm, 0, 0);
	pd_dm_cell_text(dm, PD_ST_NONE, label);
	pd_dm_cell(dm, PD_ST_NONE);
	pd_dm_para(dm, l->n ? 0 : PD_DM_NOTE, l->n ? all.p : "none recorded");
	pd_buf_free(&all);
	return dm->rc;
}

static void field(struct pd_dm *dm, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	pd_dm_row(dm, 0, 0);
	pd_dm_cell_text(dm, PD_ST_NONE, label);
	pd_dm_cell_text(dm, PD_ST_NONE, value);
}

static void head(struct pd_dm *dm, const struct mn_doc *doc)
{
	pd_dm_table(dm, PD_DM_T_FIELDS, 0);
	pd_dm_col(dm, "", 18);
	pd_dm_col(dm, "", 82);
	field(dm, "Partnership", doc->partnership);
	field(dm, "Meeting", doc->title);
	field(dm, "Date", doc->date);
	field(dm, "Place", doc->location);
	names(dm, "Present", &doc->present);
	names(dm, "Apologies", &doc->apologies);
	pd_dm_table_end(dm);
}

/* A cell of list items, or a note saying there are none. */
static void list_cell(struct pd_dm *dm, const struct mn_list *l, const char *none)
{
	for (size_t i = 0; i < l->n; i++)
		pd_dm_item(dm, 1, l->role[i], l->s[i]);
	if (!l->n && none)
		pd_dm_para(dm, PD_DM_NOTE, none);
}

static void item(struct pd_dm *dm, const struct mn_doc *doc, const struct mn_item *it,
		 bool required, bool todo)
{
	char head[96];

	pd_dm_heading(dm, 1, it->heading);
	if (it->lead)
		pd_dm_field(dm, "Lead", it->lead);
	snprintf(head, sizeof head, "Progress: %s", doc->date);
	pd_dm_table(dm, 0, 2);
	if (required)
		pd_dm_col(dm, "Actions required", 33);
	pd_dm_col(dm, head, 34);
	if (todo)
		pd_dm_col(dm, "To do by next meeting", 33);
	pd_dm_row(dm, 0, 0);
	if (required) {
		pd_dm_cell(dm, PD_ST_NONE);
		list_cell(dm, &it->required, "None.");
	}
	pd_dm_cell(dm, it->kind);
	if (it->status)
		pd_dm_field(dm, "Status", it->status);
	list_cell(dm, &it->progress, it->status ? NULL : "No progress recorded.");
	if (todo) {
		pd_dm_cell(dm, PD_ST_NONE);
		list_cell(dm, &it->todo, "Nothing to do.");
	}
	pd_dm_table_end(dm);
}

static void by_person(struct pd_dm *dm, const struct mn_doc *doc)
{
	pd_dm_heading(dm, 1, "Open actions by person");
	if (!doc->ngroups) {
		pd_dm_para(dm, PD_DM_NOTE, "No open actions.");
		return;
	}
	pd_dm_table(dm, PD_DM_T_COMPACT, 2);
	pd_dm_col(dm, "Item", 10);
	pd_dm_col(dm, "Action", 65);
	pd_dm_col(dm, "Due", 25);
	for (size_t g = 0; g < doc->ngroups; g++) {
		const struct mn_group *gr = &doc->groups[g];
		pd_dm_row(dm, PD_DM_ROW_GROUP, 0);
		pd_dm_cell_text(dm, PD_ST_NONE, gr->name);
		for (size_t i = 0; i < gr->n; i++) {
			pd_dm_row(dm, 0, 0);
			pd_dm_cell_text(dm, PD_ST_NONE, gr->e[i].item);
			pd_dm_cell_text(dm, PD_ST_NONE, gr->e[i].text);
			pd_dm_cell_text(dm, PD_ST_NONE, gr->e[i].due);
		}
	}
	pd_dm_table_end(dm);
}

int mn_layout(const struct mn_doc *doc, struct pd_dm *dm)
{
	char sub[96], foot[160];
	bool required = false, todo = false;

	snprintf(sub, sizeof sub, "Minutes of the meeting of %s", doc->date);
	snprintf(foot, sizeof foot, "%s \xe2\x80\x93 minutes of %s", doc->plan, doc->date);
	pd_dm_titles(dm, doc->plan, sub, foot);
	dm->date = doc->when;
	head(dm, doc);
	pd_conf_note(dm, &doc->conf);
	/* A column no item has anything for is left out of every item's table. */
	for (size_t i = 0; i < doc->nitems; i++) {
		required = required || doc->items[i].required.n;
		todo = todo || doc->items[i].todo.n;
	}
	for (size_t i = 0; i < doc->nitems; i++)
		item(dm, doc, &doc->items[i], required, todo);
	by_person(dm, doc);
	pd_dm_field(dm, "Next meeting", doc->next[0] ? doc->next : "to be arranged");
	return dm->rc;
}
