/*
 * docview.c — document views (docview.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "docview.h"
#include "draw.h"

int ui_doc_wrap(struct ui_doc *doc, int role, int depth, int kind, uint64_t id,
		const char *text, int w)
{
	const char *p = text;
	int avail = w - depth * 2 - 1;

	if (avail < 10)
		avail = 10;
	if (!*p)
		return 0;
	while (*p) {
		size_t line = strcspn(p, "\n");
		const char *end = p + line;

		/* Each screen line: as much as fits, broken at the last space. */
		do {
			size_t cut = ui_wrap_line(p, (size_t)(end - p), avail);

			if (ui_doc_add(doc, role, depth, kind, id, "%.*s", (int)cut, p))
				return -1;
			p += cut;
			while (p < end && *p == ' ')
				p++;
		} while (p < end);
		p = *end ? end + 1 : end;
	}
	return 0;
}

static void rebuild(struct docview *dv, struct app *a, int w)
{
	struct pd_txn *txn;
	struct pd_err err = { 0 };
	int rc;

	ui_doc_clear(&dv->doc);
	dv->built_w = w;
	if (!(txn = app_txn(a)))
		return;
	rc = dv->spec->build(dv, a, txn, &dv->doc, w);
	pd_txn_end(txn);
	dv->gone = rc == PD_NOTFOUND;
	if (rc == PD_NOTFOUND)
		ui_doc_add(&dv->doc, UI_R_DIM, 0, -1, 0,
			   "This record was deleted (u undoes a delete made here).");
	else if (rc != PD_OK)
		ui_doc_add(&dv->doc, UI_R_ERROR, 0, -1, 0, "Cannot show this: %s",
			   err.msg[0] ? err.msg : pd_strerror(rc));
}

static void dv_draw(struct view *v, struct app *a, int y, int h, int w)
{
	struct docview *dv = (struct docview *)v;
	struct pd_txn *txn;

	if (w != dv->built_w) {
		rebuild(dv, a, w);
		ui_list_reload(&dv->list, a);
	}
	if (!(txn = app_txn(a)))
		return;
	ui_list_draw(&dv->list, a, txn, y, 0, h, w);
	pd_txn_end(txn);
}

static void dv_reload(struct view *v, struct app *a)
{
	struct docview *dv = (struct docview *)v;

	rebuild(dv, a, dv->built_w ? dv->built_w : a->cols);
	ui_list_reload(&dv->list, a);
}

static int dv_key(struct view *v, struct app *a, int key)
{
	struct docview *dv = (struct docview *)v;
	enum ui_cmd cmd;
	struct ui_row *row;
	int res;

	if ((res = ui_list_key(&dv->list, a, key)) != UI_UNHANDLED)
		return res;
	cmd = ui_keymap_find(dv->spec->keys, key);
	if (cmd == UI_C_NONE && (key == UI_ENTER || key == UI_FN(KEY_RIGHT) || key == 'l'))
		cmd = UI_C_OPEN;
	if (cmd == UI_C_NONE)
		return UI_UNHANDLED;
	if (!(row = malloc(sizeof *row)))
		return UI_NOTHING;
	if (ui_list_selected(&dv->list, a, row) != PD_OK)
		ui_row_clear(row);
	res = dv->spec->cmd ? dv->spec->cmd(dv, a, cmd, row) : UI_UNHANDLED;
	if (res == UI_UNHANDLED && cmd == UI_C_OPEN) {
		/* Opening the record this view shows would only stack it again. */
		if (row->id && !(row->id == dv->id && row->kind == dv->kind))
			res = app_open(a, row->kind, row->id);
		else
			res = UI_NOTHING;
	}
	free(row);
	return res;
}

static void dv_title(struct view *v, struct app *a, char *buf, size_t n)
{
	struct docview *dv = (struct docview *)v;

	(void)a;
	snprintf(buf, n, "%s", dv->title);
}

static void dv_destroy(struct view *v)
{
	struct docview *dv = (struct docview *)v;

	ui_list_free(&dv->list);
	ui_doc_clear(&dv->doc);
	free(dv);
}

struct view *docview_new(struct app *a, const struct docview_spec *spec,
			 int kind, uint64_t id, const void *about)
{
	struct docview *dv = calloc(1, sizeof *dv);
	struct ui_ds *ds;

	if (!dv)
		return NULL;
	if (!(ds = ui_ds_doc_new(&dv->doc))) {
		free(dv);
		return NULL;
	}
	dv->ops = (struct view_ops){
		.name = spec->name, .keys = spec->keys, .list = true,
		.draw = dv_draw, .key = dv_key, .title = dv_title,
		.reload = dv_reload, .destroy = dv_destroy,
	};
	dv->base.ops = &dv->ops;
	dv->spec = spec;
	dv->kind = kind;
	dv->id = id;
	ui_list_init(&dv->list, ds, spec->cols, spec->ncols);
	dv->list.indent_col = -1;
	dv->about = about;
	rebuild(dv, a, a->cols);
	return &dv->base;
}

const struct docview_spec *docview_spec(const struct view *v)
{
	return v && v->ops->draw == dv_draw ? ((const struct docview *)v)->spec : NULL;
}

void docview_select(struct view *v, struct app *a, int kind, uint64_t id)
{
	ui_list_select_id(&((struct docview *)v)->list, a, kind, id);
}
