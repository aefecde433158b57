/*
 * view_help.c — `?`: the keys of the view below and the shared ones,
 * generated from the keymap tables (keymap.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "command.h"
#include "docview.h"
#include "draw.h"
#include "theme.h"
#include "views.h"

static const struct ui_col help_cols[] = {
	{ NULL, 20, 0 },
	{ NULL, 0, 0 },
};

/* A printable key (one typing would produce). */
static bool printable(int key)
{
	return key >= 32 && key != 127 && key < UI_FN(0);
}

/* The keys bound to b->cmd in `km` ("Tab PgDn"); `typing`: only the
 * ones typing would not produce. */
static void keys_of(const struct ui_keymap *km, const struct ui_binding *b,
		    bool typing, char *keys, size_t n)
{
	char name[32];

	if (!typing) {
		ui_keymap_keys(km, b->cmd, keys, n);
		return;
	}
	keys[0] = '\0';
	for (const struct ui_binding *c = km->b; c->key; c++)
		if (c->cmd == b->cmd && !printable(c->key)) {
			ui_key_name(c->key, name, sizeof name);
			snprintf(keys + strlen(keys), n - strlen(keys), "%s%s",
				 keys[0] ? " " : "", name);
		}
}

/*
 * The keys of `km` for the help, the text wrapped to the width left
 * beside the widest keys; `typing`: only the keys that work where
 * everything printable is typed.
 */
/* The width the keys of `km` take in the help, with the indent and gap. */
static int keys_width(const struct ui_keymap *km, bool typing, int kw)
{
	char keys[64];

	for (const struct ui_binding *b = km ? km->b : NULL; b && b->key; b++)
		if (b->help && !(typing && printable(b->key))) {
			keys_of(km, b, typing, keys, sizeof keys);
			if (ui_width(keys, strlen(keys)) + 4 > kw)
				kw = ui_width(keys, strlen(keys)) + 4;
		}
	return kw;
}

static int add_map(struct ui_doc *doc, const struct ui_keymap *km, bool typing,
		   int w, int kw)
{
	char keys[64];

	if (!km)
		return 0;
	if (ui_doc_add(doc, UI_R_HEADING, 0, -1, 0, "%s", km->title))
		return -1;
	for (const struct ui_binding *b = km->b; b->key; b++) {
		const char *t;
		size_t n, k;
		bool first = true;

		if (!b->help || (typing && printable(b->key)))
			continue;
		keys_of(km, b, typing, keys, sizeof keys);
		for (t = b->help, n = strlen(t); n || first; first = false) {
			k = n;
			if (ui_width(t, n) > w - kw - 1 && w - kw - 1 > 10) {
				k = pd_utf8_fit(t, n, w - kw - 1, NULL);
				while (k > 0 && t[k - 1] != ' ')
					k--;
				if (!k)
					k = pd_utf8_fit(t, n, w - kw - 1, NULL);
			}
			if (ui_doc_add(doc, UI_R_NORMAL, 1, -1, 0, "  %s\t%.*s",
				       first ? keys : "", (int)k, t))
				return -1;
			t += k;
			n -= k;
			while (n && *t == ' ') {
				t++;
				n--;
			}
		}
	}
	for (const char *const *n = km->notes; n && *n; n++)
		if (ui_doc_add(doc, UI_R_DIM, 0, -1, 0, "  %s", *n))
			return -1;
	return ui_doc_add(doc, UI_R_NORMAL, 0, -1, 0, "%s", "");
}

/* The `:` commands, from their table (a->commands, command.h). */
static int add_commands(struct ui_doc *doc, const struct app *a,
			const struct view *about, int w, int kw)
{
	char key[32], head[96];

	ui_keymap_first(about ? app_keys_now((struct view *)about) : NULL, &ui_keys_global,
			UI_C_COMMAND, key, sizeof key);
	snprintf(head, sizeof head, "Commands (%s, then the command and Enter)", key);
	if (ui_doc_add(doc, UI_R_HEADING, 0, -1, 0, "%s", head))
		return -1;
	for (const struct ui_command *c = a->commands; c && c->name; c++) {
		char use[128];
		if (!c->help)
			continue;
		snprintf(use, sizeof use, ":%s%s%s", c->name, c->usage[0] ? " " : "", c->usage);
		/* Long usages take their own line; the text goes under them. */
		if (ui_width(use, strlen(use)) + 4 > kw) {
			if (ui_doc_add(doc, UI_R_NORMAL, 1, -1, 0, "  %s", use) ||
			    ui_doc_add(doc, UI_R_NORMAL, 1, -1, 0, "  \t%s", c->help))
				return -1;
		} else if (ui_doc_add(doc, UI_R_NORMAL, 1, -1, 0, "  %s\t%s", use, c->help)) {
			return -1;
		}
	}
	(void)w;
	return ui_doc_add(doc, UI_R_NORMAL, 0, -1, 0, "%s", "");
}

static int build(struct docview *dv, struct app *a, struct pd_txn *txn,
		 struct ui_doc *doc, int w)
{
	const struct view *about = dv->about;
	bool typing = about && about->ops->typing;
	char undo[32], line[160];
	int kw;

	(void)a; (void)txn;
	snprintf(dv->title, sizeof dv->title, "Help%s%s", about ? ": " : "",
		 about ? about->ops->name : "");
	/* One width for the keys of every section, so the texts line up. */
	kw = keys_width(about ? about->ops->keys : NULL, false, 0);
	for (const struct ui_keymap *const *k = about ? about->ops->more_keys : NULL;
	     k && *k; k++)
		kw = keys_width(*k, false, kw);
	if (!about || about->ops->list)
		kw = keys_width(&ui_keys_list, false, kw);
	kw = keys_width(&ui_keys_global, typing, kw);
	if (about && about->ops->keys && add_map(doc, about->ops->keys, false, w, kw))
		return PD_ENOMEM;
	for (const struct ui_keymap *const *k = about ? about->ops->more_keys : NULL;
	     k && *k; k++)
		if (add_map(doc, *k, false, w, kw))
			return PD_ENOMEM;
	if ((!about || about->ops->list) && add_map(doc, &ui_keys_list, false, w, kw))
		return PD_ENOMEM;
	if (add_map(doc, &ui_keys_global, typing, w, kw))
		return PD_ENOMEM;
	if (typing && ui_doc_add(doc, UI_R_DIM, 0, -1, 0, "%s", "  Here every letter, "
				 "digit and sign you type goes into the line."))
		return PD_ENOMEM;
	if (add_commands(doc, a, about, w, kw))
		return PD_ENOMEM;
	ui_keymap_first(about ? about->ops->keys : NULL, &ui_keys_global, UI_C_UNDO,
			undo, sizeof undo);
	snprintf(line, sizeof line, "Every change is saved at once; %s undoes it, even "
		 "after a restart.", undo);
	if (ui_doc_add(doc, UI_R_DIM, 0, -1, 0, "%s",
		       "Editing a line (/, :, forms, meeting mode): Left/Right, Ctrl-A/E start/end, "
		       "Ctrl-U/K delete to start/end, Ctrl-W word, Esc cancels.") ||
	    ui_doc_add(doc, UI_R_DIM, 0, -1, 0, "%s", line))
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
const struct ui_keymap ui_keys_help = { .title = "Help", .b = help_bindings };

static const struct docview_spec help_spec = {
	.name = "help",
	.keys = &ui_keys_help,
	.cols = help_cols,
	.ncols = 2,
	.build = build,
	.cmd = cmd,
};

struct view *view_help_new(struct app *a, const struct view *about)
{
	return docview_new(a, &help_spec, -1, 0, about);
}

bool ui_is_help(const struct view *v)
{
	return docview_spec(v) == &help_spec;
}
