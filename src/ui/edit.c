/*
 * edit.c — writes from the client (edit.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plandesk/meetings/scale.h"
#include "plandesk/meetings/track.h"
#include "plandesk/protect/mark.h"
#include "edit.h"
#include "editor.h"
#include "recfmt.h"

struct apply_ctx {
	enum pd_kind kind;
	uint64_t     id;
	ui_apply_fn  fn;
	void        *ctx;
	uint64_t     new_id;
};

static int apply_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct apply_ctx *c = ctx;
	struct pd_record r;
	int rc;

	pd_record_init(&r, c->kind);
	c->new_id = 0;
	if (c->id && (rc = pd_get(txn, c->kind, c->id, &r, err)) != PD_OK) {
		pd_record_clear(&r);
		if (rc == PD_NOTFOUND)
			pd_err_set(err, rc, "the %s was deleted meanwhile",
				   pd_kind_info(c->kind)->label);
		return rc;
	}
	if ((rc = c->fn(txn, &r, c->ctx, err)) == PD_OK &&
	    (rc = pd_put(txn, &r, err)) == PD_OK)
		c->new_id = r.id;
	pd_record_clear(&r);
	return rc;
}

int ui_write_apply(struct app *a, enum pd_kind kind, uint64_t id, ui_apply_fn fn,
		   void *ctx, const char *label, uint64_t *new_id,
		   struct pd_err *err)
{
	struct apply_ctx c = { kind, id, fn, ctx, 0 };
	int rc = pd_store_write(a->st, label, 0, apply_body, &c, err);

	if (rc == PD_OK && new_id)
		*new_id = c.new_id;
	return rc;
}

/* --- delete --------------------------------------------------------------- */

struct del_ctx {
	int      kind;
	uint64_t id;
	char     label[256];
};

static int del_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct del_ctx *d = ctx;

	return pd_del(txn, (enum pd_kind)d->kind, d->id, err);
}

static int del_done(struct app *a, void *ctx, const char *text, int how)
{
	struct del_ctx *d = ctx;
	struct pd_err err = { 0 };
	int res = UI_REDRAW;

	(void)text;
	if (how != 'y') {
		app_msg(a, UI_R_STATUS, "Not deleted");
	} else if (pd_store_write(a->st, d->label, 0, del_body, d, &err) != PD_OK) {
		app_error(a, "Not deleted", &err);
	} else {
		app_msg(a, UI_R_STATUS, "Deleted: %s  (u undoes)", d->label + strlen("delete "));
		res = UI_RELOAD;
	}
	free(d);
	return res;
}

/* What deleting (kind, id) takes with it, for the question. */
static void owned_counts(struct pd_txn *txn, int kind, uint64_t id, char *buf,
			 size_t n)
{
	size_t items = 0, actions = 0, updates = 0, meetings = 0;

	buf[0] = '\0';
	if (kind == PD_PLAN) {
		pd_count_index(txn, PD_IX_ITEMS_BY_PLAN, id, &items);
		pd_count_index(txn, PD_IX_MEETINGS_BY_PLAN, id, &meetings);
		snprintf(buf, n, " with its %zu items and %zu meetings", items, meetings);
	} else if (kind == PD_ITEM) {
		pd_count_index(txn, PD_IX_ITEMS_BY_PARENT, id, &items);
		pd_count_index(txn, PD_IX_ACTIONS_BY_ITEM, id, &actions);
		pd_count_index(txn, PD_IX_UPDATES_BY_ITEM, id, &updates);
		if (items + actions + updates)
			snprintf(buf, n, " with its %zu sub-items, %zu actions and %zu updates",
				 items, actions, updates);
	}
}

int ui_delete_ask(struct app *a, int kind, uint64_t id)
{
	struct pd_txn *txn;
	struct pd_record r;
	struct del_ctx *d;
	char q[512], owned[128];

	if (kind < 0 || kind >= PD_NKINDS || !id) {
		app_msg(a, UI_R_STATUS, "Nothing to delete here");
		return UI_REDRAW;
	}
	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	pd_record_init(&r, (enum pd_kind)kind);
	if (pd_get(txn, (enum pd_kind)kind, id, &r, NULL) != PD_OK) {
		pd_txn_end(txn);
		app_msg(a, UI_R_ERROR, "It is gone already");
		return UI_REDRAW;
	}
	owned_counts(txn, kind, id, owned, sizeof owned);
	pd_txn_end(txn);
	if (!(d = calloc(1, sizeof *d))) {
		pd_record_clear(&r);
		return UI_REDRAW;
	}
	d->kind = kind;
	d->id = id;
	ui_rec_label("delete", &r, d->label, sizeof d->label);
	pd_record_clear(&r);
	/* d->label is "delete KIND “TITLE”": the question repeats it. */
	snprintf(q, sizeof q, "Delete %s%s?", d->label + strlen("delete "), owned);
	app_confirm(a, q, del_done, d);
	return UI_REDRAW;
}

/* --- action done / open ------------------------------------------------- */

static int toggle_fn(struct pd_txn *txn, struct pd_record *r, void *ctx,
		     struct pd_err *err)
{
	const struct pd_date *today = ctx;
	enum pd_action_state s = pd_action_state(r);

	(void)txn;
	if (pd_action_set_state(r, s == PD_AS_OPEN ? PD_AS_DONE : PD_AS_OPEN, today))
		return pd_err_nomem(err);
	return PD_OK;
}

int ui_action_toggle(struct app *a, uint64_t id)
{
	struct pd_txn *txn;
	struct pd_record r;
	struct pd_err err = { 0 };
	char label[256];
	bool was_open;

	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	pd_record_init(&r, PD_ACTION);
	if (pd_get(txn, PD_ACTION, id, &r, NULL) != PD_OK) {
		pd_txn_end(txn);
		pd_record_clear(&r);
		app_msg(a, UI_R_STATUS, "Select an action first");
		return UI_REDRAW;
	}
	pd_txn_end(txn);
	was_open = pd_action_state(&r) == PD_AS_OPEN;
	ui_rec_label(was_open ? "tick done" : "reopen", &r, label, sizeof label);
	pd_record_clear(&r);
	if (ui_write_apply(a, PD_ACTION, id, toggle_fn, &a->today, label, NULL, &err)) {
		app_error(a, "Not changed", &err);
		return UI_REDRAW;
	}
	app_msg(a, UI_R_STATUS, "%s  (u undoes)", was_open ? "Done" : "Open again");
	return UI_RELOAD;
}

/* --- confidential --------------------------------------------------------- */

int ui_mark_toggle(struct app *a, int kind, uint64_t id)
{
	struct pd_err err = { 0 };
	bool now;

	if (!id || pd_mark_toggle(a->st, (enum pd_kind)kind, id, &now, &err) != PD_OK) {
		if (!id)
			pd_err_set(&err, PD_EINVAL, "select an item, action or update first");
		app_error(a, "Not marked", &err);
		return UI_REDRAW;
	}
	app_msg(a, UI_R_STATUS, now ? "Marked CONFIDENTIAL: minutes leave it out unless asked  "
		"(u undoes)" : "No longer confidential  (u undoes)");
	return UI_RELOAD;
}

/* --- status --------------------------------------------------------------- */

struct status_ctx {
	uint64_t               item;
	const struct pd_scale *sc;
	const char            *code;
};

static int status_fn(struct pd_txn *txn, struct pd_record *r, void *ctx,
		     struct pd_err *err)
{
	struct status_ctx *s = ctx;

	(void)txn;
	if (pd_set_text(r, PD_ITEM_STATUS, s->code, (size_t)-1))
		return pd_err_nomem(err);
	return PD_OK;
}

static int status_done(struct app *a, void *ctx, const char *text, int how)
{
	struct status_ctx *s = ctx;
	const struct pd_level *lv = NULL;
	struct pd_err err = { 0 };
	char label[256];
	int res = UI_REDRAW;

	(void)text;
	if (how == UI_ESC) {
		free(s);
		return UI_REDRAW;
	}
	if (how != '0')
		lv = pd_scale_nth(s->sc, how - '0');
	s->code = lv ? lv->code : "";
	snprintf(label, sizeof label, "set status %s", lv ? lv->label : "(none)");
	if (ui_write_apply(a, PD_ITEM, s->item, status_fn, s, label, NULL, &err))
		app_error(a, "Status not set", &err);
	else {
		app_msg(a, UI_R_STATUS, "Status: %s  (u undoes)", lv ? lv->label : "none");
		res = UI_RELOAD;
	}
	free(s);
	return res;
}

int ui_status_ask(struct app *a, uint64_t item)
{
	struct pd_txn *txn;
	struct pd_record it;
	struct status_ctx *s;
	char q[64], hints[256], keys[16];
	int k = 0;

	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	pd_record_init(&it, PD_ITEM);
	if (pd_get(txn, PD_ITEM, item, &it, NULL) != PD_OK || !(s = calloc(1, sizeof *s))) {
		pd_txn_end(txn);
		pd_record_clear(&it);
		app_msg(a, UI_R_STATUS, "Select an item first");
		return UI_REDRAW;
	}
	s->item = item;
	s->sc = pd_plan_scale(txn, pd_get_ref(&it, PD_ITEM_PLAN));
	pd_txn_end(txn);
	pd_record_clear(&it);
	snprintf(q, sizeof q, "Status:");
	ui_scale_hints(s->sc, "", true, hints, sizeof hints);
	for (k = 0; k < s->sc->nlevels && k < 9; k++)
		keys[k] = (char)('1' + k);
	keys[k++] = '0';
	keys[k] = '\0';
	app_choose(a, q, hints, keys, status_done, s);
	return UI_REDRAW;
}

/* --- long text in $EDITOR ------------------------------------------------- */

struct long_ctx {
	int         field;
	const char *text;
};

static int long_fn(struct pd_txn *txn, struct pd_record *r, void *ctx,
		   struct pd_err *err)
{
	struct long_ctx *l = ctx;

	(void)txn;
	if (pd_set_text(r, l->field, l->text, (size_t)-1))
		return pd_err_nomem(err);
	return PD_OK;
}

int ui_edit_long(struct app *a, int kind, uint64_t id, int field)
{
	struct pd_txn *txn;
	struct pd_record r;
	struct pd_err err = { 0 };
	struct long_ctx l = { field, NULL };
	char label[256], path[4096], *out = NULL;
	int rc;

	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	pd_record_init(&r, (enum pd_kind)kind);
	rc = pd_get(txn, (enum pd_kind)kind, id, &r, NULL);
	pd_txn_end(txn);   /* never across the editor: it may run for hours */
	if (rc != PD_OK) {
		pd_record_clear(&r);
		app_msg(a, UI_R_STATUS, "Nothing to edit here");
		return UI_REDRAW;
	}
	rc = ui_run_editor(a, pd_get_text(&r, field), &out, path, sizeof path, &err);
	if (rc < 0) {
		app_error(a, "Editor", &err);
	} else if (rc == 0) {
		app_msg(a, UI_R_STATUS, "Unchanged");
	} else {
		char verb[64];
		snprintf(verb, sizeof verb, "edit %s of",
			 pd_kind_info((enum pd_kind)kind)->fields[field].name);
		ui_rec_label(verb, &r, label, sizeof label);
		l.text = out;
		if (ui_write_apply(a, (enum pd_kind)kind, id, long_fn, &l, label, NULL, &err)) {
			/* Keep what was typed: the file stays. */
			app_msg(a, UI_R_ERROR, "Not saved: %s (your text is kept in %s)",
				err.msg, path);
		} else {
			unlink(path);
			app_msg(a, UI_R_STATUS, "Saved  (u undoes)");
			rc = 2;
		}
	}
	free(out);
	pd_record_clear(&r);
	return rc == 2 ? UI_RELOAD : UI_REDRAW;
}
