/*
 * view_welcome.c — the first screen of an empty database: what plandesk
 * is for and the keys that begin (add a plan, import a file, the demo).
 */
#include "config.h"

#include <stdio.h>

#include "cmdline.h"
#include "docview.h"
#include "form.h"
#include "views.h"

static const struct ui_binding welcome_bindings[] = {
	{ 'a', UI_C_ADD,    "add a plan" },
	{ 'i', UI_C_IMPORT, "import a CSV file (:import KIND FILE)" },
	{ 'D', UI_C_DEMO,   "open the demo database (three plans, a directory); yours is left as it is" },
	{ 0, UI_C_NONE, NULL },
};
const struct ui_keymap ui_keys_welcome = { .title = "Getting started", .b = welcome_bindings };

static int build(struct docview *dv, struct app *a, struct pd_txn *txn,
		 struct ui_doc *doc, int w)
{
	static const char *const lines[] = {
		"",
		"Welcome to plandesk.",
		"",
		"It keeps the partnership's plans, their projects and priorities, the",
		"actions agreed and the progress reported at each meeting, and a",
		"who's-who directory of organisations and people.",
		"",
		"The database is empty.  To begin:",
		"",
		"  a        add a plan",
		"  i        import a CSV file (:import KIND FILE, e.g. :import orgs orgs.csv)",
		"  D        try the demo database (yours is left empty)",
		"",
		"  ?        help on the keys at any time;  q  quits.",
		"",
		"Everything you type is saved at once; u undoes the last change.",
	};

	(void)a; (void)txn;
	snprintf(dv->title, sizeof dv->title, "Welcome");
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (ui_doc_wrap(doc, i == 1 ? UI_R_HEADING : UI_R_NORMAL, 1, -1, 0,
				lines[i][0] ? lines[i] : " ", w))
			return PD_ENOMEM;
	return PD_OK;
}

static int cmd(struct docview *dv, struct app *a, enum ui_cmd c,
	       const struct ui_row *sel)
{
	(void)dv; (void)sel;
	switch (c) {
	case UI_C_ADD:
		return ui_form_add(a, PD_PLAN, 0, false);
	case UI_C_DEMO:
		return ui_open_demo(a);
	case UI_C_IMPORT:
		ui_cmdline_start(a);
		ui_le_set(&a->prompt.le, "import ");
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

static const struct docview_spec welcome_spec = {
	.name = "welcome",
	.keys = &ui_keys_welcome,
	.build = build,
	.cmd = cmd,
};

struct view *view_welcome_new(struct app *a)
{
	struct view *v = docview_new(a, &welcome_spec, -1, 0, NULL);

	if (v)
		v->placeholder = true;
	return v;
}
