/*
 * view_help.c — `?`: the keys of the view below and the shared ones,
 * generated from the keymap tables (keymap.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "docview.h"
#include "theme.h"
#include "views.h"

static const struct ui_col help_cols[] = {
	{ NULL, 20, 0 },
	{ NULL, 0, 0 },
};

static int add_map(struct ui_doc *doc, const struct ui_keymap *km)
{
	if (!km)
		return 0;
	if (ui_doc_add(doc, UI_R_HEADING, 0, -1, 0, "%s", km->title))
		return -1;
	for (const struct ui_binding *b = km->b; b->key; b++) {
		char keys[64];

		if (!b->help)
			continue;
		ui_keymap_keys(km, b->cmd, keys, sizeof keys);
		if (ui_doc_add(doc, UI_R_NORMAL, 1, -1, 0, "  %s\t%s", keys, b->help))
			return -1;
	}
	return ui_doc_add(doc, UI_R_NORMAL, 0, -1, 0, "%s", "");
}

static int build(struct docview *dv, struct app *a, struct pd_txn *txn,
		 struct ui_doc *doc, int w)
{
	const struct view *about = dv->about;

	(void)a; (void)txn; (void)w;
	snprintf(dv->title, sizeof dv->title, "Help%s%s", about ? ": " : "",
		 about ? about->ops->name : "");
	if (about && about->ops->keys && add_map(doc, about->ops->keys))
		return PD_ENOMEM;
	if ((!about || about->ops->list) && add_map(doc, &ui_keys_list))
		return PD_ENOMEM;
	if (add_map(doc, &ui_keys_global))
		return PD_ENOMEM;
	if (ui_doc_add(doc, UI_R_DIM, 0, -1, 0, "%s",
		       "Lines editing (/, :, forms): Left/Right, Ctrl-A/E start/end, "
		       "Ctrl-U/K delete to start/end, Ctrl-W word, Esc cancels.") ||
	    ui_doc_add(doc, UI_R_DIM, 0, -1, 0, "%s",
		       "Every change is saved at once; u undoes it, even after a restart."))
		return PD_ENOMEM;
	return PD_OK;
}

static int cmd(struct docview *dv, struct app *a, enum ui_cmd c,
	       const struct ui_row *sel)
{
	(void)dv; (void)a; (void)sel;
	return c == UI_C_BACK ? UI_POP : UI_UNHANDLED;
}

static const struct ui_binding help_bindings[] = {
	{ UI_ESC, UI_C_BACK, "close the help" },
	{ 0, UI_C_NONE, NULL },
};
static const struct ui_keymap help_keys = { "Help", help_bindings };

static const struct docview_spec help_spec = {
	.name = "help",
	.keys = &help_keys,
	.cols = help_cols,
	.ncols = 2,
	.build = build,
	.cmd = cmd,
};

struct view *view_help_new(struct app *a, const struct view *about)
{
	return docview_new(a, &help_spec, -1, 0, about);
}
