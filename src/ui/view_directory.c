/*
 * view_directory.c — 4: the who's-who.  Organisations and people; `/` and
 * typing filters at once through the search index (a word's beginning,
 * case and accents ignored: "zoe" finds Zoë); Enter shows the card.
 *
 * The same list is meeting mode's lookup (Ctrl-F): there every key typed
 * is the search, so that nothing typed is taken for a command, and Esc
 * goes back to the meeting.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "ds_dir.h"
#include "edit.h"
#include "form.h"
#include "lineedit.h"
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
const struct ui_keymap ui_keys_directory = { .title = "Directory", .b = dir_bindings };

static const struct ui_binding lookup_bindings[] = {
	{ UI_ENTER,         UI_C_OPEN, "show the card of the selected entry" },
	{ UI_FN(KEY_DOWN),  UI_C_DOWN, "next entry" },
	{ UI_FN(KEY_UP),    UI_C_UP,   "previous entry" },
	{ UI_FN(KEY_NPAGE), UI_C_PGDN, "next page" },
	{ UI_FN(KEY_PPAGE), UI_C_PGUP, "previous page" },
	{ UI_ESC,           UI_C_BACK, "back to the meeting, the line as it was" },
	{ 0, UI_C_NONE, NULL },
};
static const struct ui_bar lookup_bar[] = {
	{ UI_C_OPEN, "card", NULL },
	{ UI_C_DOWN, "next", NULL },
	{ UI_C_BACK, "back to the meeting", NULL },
	{ UI_C_NONE, NULL, NULL },
};
static const char *const lookup_notes[] = {
	"Type a name, an organisation, a role, part of a phone number: the",
	"directory answers as you type (case and accents do not matter).",
	NULL,
};
const struct ui_keymap ui_keys_lookup = {
	.title = "Directory lookup", .b = lookup_bindings, .bar = lookup_bar,
	.notes = lookup_notes,
};

struct dir_view {
	struct view        base;
	struct ui_list     list;
	bool               lookup;   /* meeting mode's Ctrl-F */
	struct ui_lineedit q;        /* the lookup's search */
};

static void fmt(void *ctx, struct pd_txn *txn, const struct pd_record *r,
		struct ui_row *row)
{
	char line[UI_CELL];

	(void)ctx;
	if (r->kind == PD_ORG) {
		/* What kind of organisation and where: its own words, not a
		 * label repeated on every row. */
		ui_row_text(row, 0, pd_get_text(r, PD_ORG_NAME));
		row->cell_role[0] = UI_R_HEADING;
		ui_first_sentence(pd_is_set(r, PD_ORG_OVERVIEW) ? pd_get_text(r, PD_ORG_OVERVIEW)
				  : pd_get_text(r, PD_ORG_SERVICES), line, sizeof line);
		ui_row_text(row, 1, line);
		row->cell_role[1] = UI_R_DIM;
		ui_first_line(pd_get_text(r, PD_ORG_ADDRESS), line, sizeof line);
		ui_row_text(row, 2, line);
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
	int x, cx = 0;

	if (!txn)
		return;
	if (!dv->lookup) {
		ui_list_draw(&dv->list, a, txn, y, 0, h, w);
		pd_txn_end(txn);
		return;
	}
	ui_list_draw(&dv->list, a, txn, y + 1, 0, h - 1, w);
	pd_txn_end(txn);
	x = ui_puts(y, 0, w, "Find: ", app_attr(a, UI_R_KEY), a->theme.ascii);
	ui_le_draw(&dv->q, y, x, w - x, 0, a->theme.ascii, &cx);
	if (!dv->q.n)
		ui_puts(y, x + 1, w - x - 1, "(a name, an organisation, a role, a phone number)",
			app_attr(a, UI_R_DIM), a->theme.ascii);
	/* The cursor stays in the search, where the typing goes. */
	a->cur_y = y;
	a->cur_x = cx;
}

/* A key in the lookup: typing searches; the table's keys move and open. */
static int lookup_key(struct dir_view *dv, struct app *a, int key)
{
	struct ui_row *sel;
	int res;

	switch (ui_keymap_find(&ui_keys_lookup, key)) {
	case UI_C_OPEN:
		if (!(sel = malloc(sizeof *sel)))
			return UI_NOTHING;
		res = ui_list_selected(&dv->list, a, sel) == PD_OK && sel->id ?
		      app_open(a, sel->kind, sel->id) : UI_REDRAW;
		free(sel);
		return res;
	case UI_C_DOWN: case UI_C_UP: case UI_C_PGDN: case UI_C_PGUP:
		return ui_list_key(&dv->list, a, key);
	case UI_C_BACK:
		return UI_POP;
	default:
		break;
	}
	switch (ui_le_key(&dv->q, key)) {
	case UI_LE_CHANGED:
		ui_list_set_query(&dv->list, a, dv->q.s);
		return UI_REDRAW;
	case UI_LE_MOVED:
		return UI_REDRAW;
	default:
		return key >= 32 && key < UI_FN(0) && key != 127 ? UI_NOTHING : UI_UNHANDLED;
	}
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

	if (dv->lookup)
		return lookup_key(dv, a, key);
	if ((res = ui_list_key(&dv->list, a, key)) != UI_UNHANDLED)
		return res;
	if ((cmd = ui_keymap_find(&ui_keys_directory, key)) == UI_C_NONE)
		return UI_UNHANDLED;
	if (cmd == UI_C_ADD) {
		app_choose(a, "Add:", "o organisation  p person  Esc nothing", "op", add_done, NULL);
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
		res = app_open(a, sel->kind, sel->id);
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
	if (dv->lookup)
		snprintf(buf, n, "Directory lookup");
	else if (dv->list.query[0])
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
	struct dir_view *dv = (struct dir_view *)v;

	ui_list_free(&dv->list);
	ui_le_free(&dv->q);
	free(v);
}

static const struct view_ops dir_ops = {
	.name = "directory",
	.keys = &ui_keys_directory,
	.list = true,
	.draw = dv_draw,
	.key = dv_key,
	.title = dv_title,
	.reload = dv_reload,
	.destroy = dv_destroy,
};

static const struct view_ops lookup_ops = {
	.name = "directory lookup",
	.keys = &ui_keys_lookup,
	.list = false,
	.typing = true,
	.draw = dv_draw,
	.key = dv_key,
	.title = dv_title,
	.reload = dv_reload,
	.destroy = dv_destroy,
};

static struct dir_view *dir_new(bool lookup)
{
	struct dir_view *dv = calloc(1, sizeof *dv);
	struct ui_ds *ds;

	if (!dv || ui_le_init(&dv->q) || !(ds = ui_ds_dir_new(fmt, dv))) {
		if (dv)
			ui_le_free(&dv->q);
		free(dv);
		return NULL;
	}
	dv->base.ops = lookup ? &lookup_ops : &dir_ops;
	dv->lookup = lookup;
	ui_list_init(&dv->list, ds, dir_cols, 4);
	dv->list.header = true;
	dv->list.indent_col = -1;
	dv->list.empty = lookup ? "No match: fewer letters find more" :
			 "Nothing here: a adds an entry; / then Esc clears a filter";
	return dv;
}

struct view *view_directory_new(struct app *a)
{
	struct dir_view *dv = dir_new(false);

	(void)a;
	return dv ? &dv->base : NULL;
}

struct view *view_directory_lookup_new(struct app *a)
{
	struct dir_view *dv = dir_new(true);

	(void)a;
	return dv ? &dv->base : NULL;
}
