/*
 * form.c — the form view (form.h): drawing the fields and handling keys.
 * Loading, checking and saving live in form_data.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "draw.h"
#include "editor.h"
#include "form.h"
#include "form_impl.h"

#define LABEL_W 13

static const struct ui_binding form_bindings[] = {
	{ UI_TAB,            UI_C_NEXTFIELD, "next field (also Down, Enter)" },
	{ UI_FN(KEY_DOWN),   UI_C_NEXTFIELD, NULL },
	{ UI_FN(KEY_BTAB),   UI_C_PREVFIELD, "previous field (also Up)" },
	{ UI_FN(KEY_UP),     UI_C_PREVFIELD, NULL },
	{ UI_FN(KEY_F(10)),  UI_C_SAVE,      "save (also Enter on [ Save ])" },
	{ UI_CTRL('X'),      UI_C_SAVE,      NULL },
	{ UI_CTRL('O'),      UI_C_EDITOR,    "edit this field in $VISUAL/$EDITOR" },
	{ UI_FN(KEY_F(4)),   UI_C_EDITOR,    NULL },
	{ UI_ESC,            UI_C_CANCEL,    "cancel (asks when something was typed)" },
	{ 0, UI_C_NONE, NULL },
};
static const struct ui_bar form_bar[] = {
	{ UI_C_NEXTFIELD, "next", NULL },
	{ UI_C_PREVFIELD, "back", NULL },
	{ UI_C_SAVE, "save", NULL },
	{ UI_C_EDITOR, "editor", NULL },
	{ UI_C_CANCEL, "cancel", NULL },
	{ UI_C_NONE, NULL, NULL },
};
const struct ui_keymap ui_keys_form = { .title = "Form", .b = form_bindings,
					    .bar = form_bar };

static void form_title(struct view *v, struct app *a, char *buf, size_t n)
{
	struct form *fm = (struct form *)v;

	(void)a;
	snprintf(buf, n, "%c%s", fm->title[0] >= 'a' && fm->title[0] <= 'z'
		 ? fm->title[0] - 32 : fm->title[0], fm->title + 1);
}

static void form_draw(struct view *v, struct app *a, int y, int h, int w)
{
	struct form *fm = (struct form *)v;
	int rows = h - 2, cx = 0, cy = y;
	bool ascii = a->theme.ascii;
	int vw = w - LABEL_W - 2;

	if (rows < 1)
		rows = 1;
	/* Keep the focused row (fields, then [ Save ]) on screen. */
	if (fm->cur < fm->top)
		fm->top = fm->cur;
	if (fm->cur >= fm->top + rows)
		fm->top = fm->cur - rows + 1;
	for (int r = 0; r < rows; r++) {
		int i = fm->top + r, ry = y + r;
		char label[32];

		if (i > fm->nf)
			break;
		if (i == fm->nf) {
			attr_t at = app_attr(a, fm->cur == i ? UI_R_SELECTED : UI_R_KEY);
			ui_puts(ry, LABEL_W + 2, w - LABEL_W - 2, "[ Save ]", at, ascii);
			if (fm->cur == i) {
				cy = ry;
				cx = LABEL_W + 4;
			}
			continue;
		}
		snprintf(label, sizeof label, "%s%s", fm->f[i].label,
			 fm->f[i].required ? "*" : "");
		ui_puts(ry, LABEL_W - ui_width(label, strlen(label)) > 0
			? LABEL_W - ui_width(label, strlen(label)) : 0, LABEL_W, label,
			app_attr(a, fm->cur == i ? UI_R_KEY : UI_R_DIM), ascii);
		if (fm->cur == i) {
			ui_le_draw(&fm->f[i].le, ry, LABEL_W + 2, vw,
				   app_attr(a, UI_R_SELECTED), ascii, &cx);
			cy = ry;
		} else {
			ui_puts(ry, LABEL_W + 2, vw, fm->f[i].le.s, app_attr(a, UI_R_NORMAL),
				ascii);
		}
	}
	ui_puts(y + h - 1, 1, w - 2, "* a field that must be filled in",
		app_attr(a, UI_R_DIM), ascii);
	a->cur_y = cy;
	a->cur_x = cx;
}

static int cancel_done(struct app *a, void *ctx, const char *text, int how)
{
	(void)a; (void)ctx; (void)text;
	return how == 'y' ? UI_POP : UI_REDRAW;
}

static int save(struct form *fm, struct app *a)
{
	uint64_t id = 0;

	if (form_save(fm, a, &id) != 0)
		return UI_REDRAW;
	app_msg(a, UI_R_STATUS, "Saved: %s  (u undoes)", fm->saved);
	if (!fm->id && id) {
		a->focus_kind = fm->kind;
		a->focus_id = id;
	}
	return UI_POP_RELOAD;
}

static int editor(struct form *fm, struct app *a)
{
	struct pd_err err = { 0 };
	char path[4096], *out = NULL;
	int rc;

	if (fm->cur >= fm->nf)
		return UI_REDRAW;
	rc = ui_run_editor(a, fm->f[fm->cur].le.s, &out, path, sizeof path, &err);
	if (rc < 0)
		app_error(a, "Editor", &err);
	if (rc == 1) {
		ui_le_set(&fm->f[fm->cur].le, out);
		unlink(path);   /* the text is in the form now */
	}
	free(out);
	return UI_REDRAW;
}

static int form_key(struct view *v, struct app *a, int key)
{
	struct form *fm = (struct form *)v;

	if (key == UI_FN(KEY_F(1)) || key == UI_CTRL('L'))
		return UI_UNHANDLED;
	if (key == UI_FN(KEY_MOUSE)) {
		MEVENT ev;
		if (getmouse(&ev) == OK && ev.y >= 1) {
			int i = fm->top + ev.y - 1;
			if (i >= 0 && i <= fm->nf)
				fm->cur = i;
		}
		return UI_REDRAW;
	}
	if (key == UI_ENTER) {
		if (fm->cur == fm->nf)
			return save(fm, a);
		fm->cur++;
		return UI_REDRAW;
	}
	switch (ui_keymap_find(&ui_keys_form, key)) {
	case UI_C_NEXTFIELD:
		fm->cur = fm->cur < fm->nf ? fm->cur + 1 : 0;
		return UI_REDRAW;
	case UI_C_PREVFIELD:
		fm->cur = fm->cur > 0 ? fm->cur - 1 : fm->nf;
		return UI_REDRAW;
	case UI_C_SAVE:
		return save(fm, a);
	case UI_C_EDITOR:
		return editor(fm, a);
	case UI_C_CANCEL:
		if (!form_dirty(fm))
			return UI_POP;
		app_confirm(a, "Discard what you typed?", cancel_done, fm);
		return UI_REDRAW;
	default:
		break;
	}
	if (fm->cur < fm->nf && ui_le_key(&fm->f[fm->cur].le, key) == UI_LE_UNHANDLED &&
	    UI_IS_ALT(key))
		return UI_UNHANDLED;   /* Esc, then the key */
	return UI_REDRAW;
}

static void form_destroy(struct view *v)
{
	struct form *fm = (struct form *)v;

	for (int i = 0; i < fm->nf; i++) {
		ui_le_free(&fm->f[i].le);
		free(fm->f[i].orig);
	}
	pd_record_clear(&fm->preset);
	free(fm);
}

static const struct view_ops form_ops = {
	.name = "form",
	.keys = &ui_keys_form,
	.draw = form_draw,
	.key = form_key,
	.title = form_title,
	.destroy = form_destroy,
};

bool ui_is_form(const struct view *v)
{
	return v && v->ops == &form_ops;
}

struct view *ui_form_open(struct app *a, const struct pd_kind_info *ki,
			  uint64_t id, const struct pd_record *preset)
{
	struct form *fm = calloc(1, sizeof *fm);

	if (!fm)
		return NULL;
	fm->base.ops = &form_ops;
	fm->kind = ki->kind;
	fm->ki = ki;
	fm->id = id;
	pd_record_init(&fm->preset, ki->kind);
	if ((preset && pd_record_copy(&fm->preset, preset) != PD_OK) ||
	    form_load(fm, a) != 0) {
		form_destroy(&fm->base);
		return NULL;
	}
	return &fm->base;
}

struct view *ui_form_new(struct app *a, enum pd_kind kind, uint64_t id,
			 const struct pd_record *preset)
{
	return ui_form_open(a, pd_kind_info(kind), id, preset);
}

int ui_form_add(struct app *a, enum pd_kind kind, uint64_t parent, bool sub)
{
	struct pd_record pre;
	struct pd_txn *txn;
	struct pd_record par;
	struct view *v;
	int rc = PD_OK;

	pd_record_init(&pre, kind);
	switch (kind) {
	case PD_THEME:   rc = pd_set_ref(&pre, PD_THEME_PLAN, parent); break;
	case PD_MEETING: rc = pd_set_ref(&pre, PD_MEETING_PLAN, parent); break;
	case PD_ACTION:  rc = pd_set_ref(&pre, PD_ACTION_ITEM, parent); break;
	case PD_UPDATE:  rc = pd_set_ref(&pre, PD_UPDATE_ITEM, parent); break;
	case PD_ITEM:
		if (!sub) {
			rc = pd_set_ref(&pre, PD_ITEM_PLAN, parent);
			break;
		}
		/* A sub-item: the parent's plan and theme. */
		if (!(txn = app_txn(a)))
			return UI_REDRAW;
		pd_record_init(&par, PD_ITEM);
		if (pd_get(txn, PD_ITEM, parent, &par, NULL) == PD_OK) {
			rc = pd_set_ref(&pre, PD_ITEM_PLAN, pd_get_ref(&par, PD_ITEM_PLAN));
			rc |= pd_set_ref(&pre, PD_ITEM_THEME, pd_get_ref(&par, PD_ITEM_THEME));
			rc |= pd_set_ref(&pre, PD_ITEM_PARENT, parent);
		}
		pd_record_clear(&par);
		pd_txn_end(txn);
		break;
	default:
		break;
	}
	if (rc != PD_OK) {
		pd_record_clear(&pre);
		return UI_REDRAW;
	}
	v = ui_form_new(a, kind, 0, &pre);
	pd_record_clear(&pre);
	return v ? app_push(a, v) : UI_REDRAW;
}
