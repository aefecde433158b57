/*
 * view_directory.c — 4: the who's-who.  Organisations and people; `/` and
 * typing filters at once through the search index (a word's beginning,
 * case and accents ignored: "zoe" finds Zoë); Enter shows the card.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ds_dir.h"
#include "edit.h"
#include "form.h"
#include "list.h"
#include "recfmt.h"
#include "views.h"

static const struct ui_col dir_cols[] = {
	{ "Name", 24, 0 },
	{ "Role / what it does", 0, 0 },
	{ "Organisation", 22, UI_COL_DROP },
	{ "Phone", 14, UI_COL_DROP },
};

static const struct ui_binding dir_bindings[] = {
	{ UI_ENTER, UI_C_OPEN,   "show the card (services, referral, contacts, people)" },
	{ 'a',      UI_C_ADD,    "add an organisation or a person" },
	{ 'e',      UI_C_EDIT,   "edit the selected entry" },
	{ 'E',      UI_C_EDITOR, "edit its notes in $VISUAL/$EDITOR" },
	{ 'd',      UI_C_DELETE, "delete the selected entry (asks first)" },
	{ 0, UI_C_NONE, NULL },
};
static const struct ui_keymap dir_keys = { "Directory", dir_bindings };

struct dir_view {
	struct view    base;
	struct ui_list list;
};

static void fmt(void *ctx, struct pd_txn *txn, const struct pd_record *r,
		struct ui_row *row)
{
	char line[UI_CELL];

	(void)ctx;
	if (r->kind == PD_ORG) {
		ui_row_text(row, 0, pd_get_text(r, PD_ORG_NAME));
		row->cell_role[0] = UI_R_HEADING;
		ui_first_line(pd_is_set(r, PD_ORG_SERVICES) ? pd_get_text(r, PD_ORG_SERVICES)
			      : pd_get_text(r, PD_ORG_OVERVIEW), line, sizeof line);
		ui_row_set(row, 1, "organisation%s%s", line[0] ? ": " : "", line);
		row->cell_role[1] = UI_R_DIM;
		ui_row_text(row, 2, pd_get_text(r, PD_ORG_TAGS));
		row->cell_role[2] = UI_R_DIM;
		ui_row_text(row, 3, pd_get_text(r, PD_ORG_PHONE));
		return;
	}
	ui_row_text(row, 0, pd_get_text(r, PD_PERSON_NAME));
	ui_row_text(row, 1, pd_get_text(r, PD_PERSON_ROLE));
	if (pd_get_ref(r, PD_PERSON_ORG)) {
		ui_rec_name(txn, PD_ORG, pd_get_ref(r, PD_PERSON_ORG), line, sizeof line);
		ui_row_text(row, 2, line);
	}
	ui_row_text(row, 3, pd_is_set(r, PD_PERSON_PHONE) ? pd_get_text(r, PD_PERSON_PHONE)
			    : pd_get_text(r, PD_PERSON_MOBILE));
}

static void dv_draw(struct view *v, struct app *a, int y, int h, int w)
{
	struct dir_view *dv = (struct dir_view *)v;
	struct pd_txn *txn = app_txn(a);

	if (!txn)
		return;
	ui_list_draw(&dv->list, a, txn, y, 0, h, w);
	pd_txn_end(txn);
}

static int add_done(struct app *a, void *ctx, const char *text, int how)
{
	(void)ctx; (void)text;
	if (how == 'o')
		return ui_form_add(a, PD_ORG, 0, false);
	if (how == 'p')
		return ui_form_add(a, PD_PERSON, 0, false);
	return UI_REDRAW;
}

static int dv_key(struct view *v, struct app *a, int key)
{
	struct dir_view *dv = (struct dir_view *)v;
	struct ui_row *sel;
	enum ui_cmd cmd;
	int res;

	if ((res = ui_list_key(&dv->list, a, key)) != UI_UNHANDLED)
		return res;
	if ((cmd = ui_keymap_find(&dir_keys, key)) == UI_C_NONE)
		return UI_UNHANDLED;
	if (cmd == UI_C_ADD) {
		app_choose(a, "Add: o organisation  p person ", "op", add_done, NULL);
		return UI_REDRAW;
	}
	if (!(sel = malloc(sizeof *sel)))
		return UI_NOTHING;
	if (ui_list_selected(&dv->list, a, sel) != PD_OK || !sel->id) {
		free(sel);
		return UI_REDRAW;
	}
	switch (cmd) {
	case UI_C_OPEN:
		res = ui_open_record(a, sel->kind, sel->id);
		break;
	case UI_C_EDIT:
		res = app_push(a, ui_form_new(a, (enum pd_kind)sel->kind, sel->id, NULL));
		break;
	case UI_C_EDITOR:
		res = ui_edit_long(a, sel->kind, sel->id,
				   sel->kind == PD_ORG ? PD_ORG_NOTES : PD_PERSON_NOTES);
		break;
	case UI_C_DELETE:
		res = ui_delete_ask(a, sel->kind, sel->id);
		break;
	default:
		res = UI_UNHANDLED;
		break;
	}
	free(sel);
	return res;
}

static void dv_title(struct view *v, struct app *a, char *buf, size_t n)
{
	struct dir_view *dv = (struct dir_view *)v;

	(void)a;
	if (dv->list.query[0])
		snprintf(buf, n, "Directory: matching \"%s\"", dv->list.query);
	else
		snprintf(buf, n, "Directory (/ filters)");
}

static void dv_reload(struct view *v, struct app *a)
{
	ui_list_reload(&((struct dir_view *)v)->list, a);
}

static void dv_destroy(struct view *v)
{
	ui_list_free(&((struct dir_view *)v)->list);
	free(v);
}

static const struct view_ops dir_ops = {
	.name = "directory",
	.keys = &dir_keys,
	.list = true,
	.draw = dv_draw,
	.key = dv_key,
	.title = dv_title,
	.reload = dv_reload,
	.destroy = dv_destroy,
};

struct view *view_directory_new(struct app *a)
{
	struct dir_view *dv = calloc(1, sizeof *dv);
	struct ui_ds *ds;

	(void)a;
	if (!dv || !(ds = ui_ds_dir_new(fmt, dv))) {
		free(dv);
		return NULL;
	}
	dv->base.ops = &dir_ops;
	ui_list_init(&dv->list, ds, dir_cols, 4);
	dv->list.header = true;
	dv->list.indent_col = -1;
	dv->list.empty = "Nothing here: a adds an entry; / then Esc clears a filter";
	return &dv->base;
}
