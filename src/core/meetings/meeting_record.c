/*
 * meeting_record.c — what happens on Enter and on the one-key commands of
 * the agenda walk: a line becomes a note or an action, a typed line is
 * edited, a note turns into an action and back, a to-do is ticked.  Each
 * is one write (one undo step).  Owners and due dates are read in
 * meeting_owners.c, statuses set in meeting_status.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/meetings/actionline.h"
#include "plandesk/base/text.h"
#include "plandesk/meetings/track.h"
#include "meeting_impl.h"

/* --- creating ----------------------------------------------------------- */

/* The position after the item's last action. */
static int next_position(struct pd_txn *txn, uint64_t item, int64_t *pos,
			 struct pd_err *err)
{
	struct pd_cursor *cur;
	struct pd_record a;
	uint64_t id;
	int rc;

	*pos = 1;
	if ((rc = pd_cursor_index(txn, PD_IX_ACTIONS_BY_ITEM, item, PD_CUR_REVERSE,
				  &cur, err)) != PD_OK)
		return rc;
	rc = pd_cursor_next(cur, &id, err);
	pd_cursor_close(cur);
	if (rc == PD_NOTFOUND)
		return PD_OK;
	if (rc != PD_OK || (rc = pd_mt_get(txn, PD_ACTION, id, &a, err)) != PD_OK) {
		pd_record_clear(&a);
		return rc;
	}
	if (pd_get_int(&a, PD_ACTION_POSITION) > 0)
		*pos = pd_get_int(&a, PD_ACTION_POSITION) + 1;
	pd_record_clear(&a);
	return PD_OK;
}

/* Store an action with the owners and due date read from `line`. */
static int new_action(struct pd_txn *txn, const struct pd_record *m, uint64_t item,
		      const char *line, const struct pd_actionline *al,
		      const struct pd_mt_owners *o, struct pd_recorded *out,
		      struct pd_err *err)
{
	struct pd_record a;
	int64_t pos;
	int rc;

	if ((rc = next_position(txn, item, &pos, err)) != PD_OK)
		return rc;
	pd_record_init(&a, PD_ACTION);
	if (pd_set_ref(&a, PD_ACTION_ITEM, item) ||
	    pd_set_text(&a, PD_ACTION_STATE, "open", (size_t)-1) ||
	    pd_set_ref(&a, PD_ACTION_RAISED, m->id) ||
	    pd_set_int(&a, PD_ACTION_POSITION, pos) ||
	    pd_mt_action_fill(&a, m, line, al, o, out))
		rc = pd_err_nomem(err);
	else
		rc = pd_put(txn, &a, err);
	out->kind = PD_ACTION;
	out->id = a.id;
	pd_record_clear(&a);
	return rc;
}

/*
 * Store a note of meeting `m` on `item`: it takes the status of the
 * meeting's other updates on the item, and replaces a status-only one.
 */
static int new_note(struct pd_txn *txn, const struct pd_record *m, uint64_t item,
		    const char *text, size_t len, struct pd_recorded *out,
		    struct pd_err *err)
{
	const struct pd_scale *sc = pd_plan_scale(txn, pd_get_ref(m, PD_MEETING_PLAN));
	struct pd_recs at = { 0 };
	struct pd_record u, *slot = NULL;
	const char *status = "";
	int rc;

	pd_record_init(&u, PD_UPDATE);
	if ((rc = pd_mt_updates_at(txn, item, m, &at, err)) != PD_OK)
		goto out;
	for (size_t i = 0; i < at.n; i++) {
		if (pd_is_set(&at.r[i], PD_UPDATE_STATUS))
			status = pd_get_text(&at.r[i], PD_UPDATE_STATUS);
		if (!slot && pd_update_is_status_only(&at.r[i], sc))
			slot = &at.r[i];
	}
	if (!slot) {
		slot = &u;
		if (pd_set_ref(slot, PD_UPDATE_ITEM, item) ||
		    pd_set_text(slot, PD_UPDATE_DATE, pd_get_text(m, PD_MEETING_DATE),
				(size_t)-1) ||
		    pd_set_ref(slot, PD_UPDATE_MEETING, m->id) ||
		    pd_set_text(slot, PD_UPDATE_STATUS, status, (size_t)-1))
			goto nomem;
	}
	if (pd_set_text(slot, PD_UPDATE_TEXT, text, len))
		goto nomem;
	rc = pd_put(txn, slot, err);
	out->kind = PD_UPDATE;
	out->id = slot->id;
	goto out;
nomem:
	rc = pd_err_nomem(err);
out:
	pd_record_clear(&u);
	pd_recs_free(&at);
	return rc;
}

/* Check a typed line: not empty, valid UTF-8.  PD_OK or the error. */
static int check_line(const char *line, struct pd_err *err)
{
	struct pd_actionline al;

	if (!line)
		return pd_err_set(err, PD_EEMPTY, "nothing to record");
	pd_actionline_parse(line, strlen(line), &al);
	if (!al.text_len)
		return pd_err_set(err, PD_EEMPTY, "nothing to record");
	if (!pd_utf8_valid(line, strlen(line)))
		return pd_err_set(err, PD_EINVAL, "the line is not valid UTF-8");
	return PD_OK;
}

/* --- recording a line ----------------------------------------------------- */

struct rec_ctx {
	uint64_t           meeting, item;
	const char        *line;       /* after a "!c" mark */
	bool               conf;       /* the line had one */
	struct pd_recorded what;   /* toggle, edit: the record changed */
	struct pd_recorded out;
};

/* Mark record `w`, written in this transaction, confidential. */
static int mark_conf(struct pd_txn *txn, const struct pd_recorded *w,
		     struct pd_err *err)
{
	int f = pd_field_flagged(pd_kind_info(w->kind), PD_F_CONFIDENTIAL);
	struct pd_record r;
	int rc;

	if ((rc = pd_mt_get(txn, w->kind, w->id, &r, err)) == PD_OK)
		rc = pd_set_flag(&r, f, true) ? pd_err_nomem(err) : pd_put(txn, &r, err);
	pd_record_clear(&r);
	return rc;
}

static int record_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct rec_ctx *c = ctx;
	struct pd_record m, it;
	struct pd_actionline al;
	struct pd_mt_owners o;
	int rc;

	memset(&c->out, 0, sizeof c->out);
	if ((rc = pd_mt_load_pair(txn, c->meeting, c->item, &m, &it, err)) != PD_OK)
		goto out;
	pd_actionline_parse(c->line, strlen(c->line), &al);
	if ((rc = pd_mt_owners(txn, &m, c->line, &al, &o, c->out.note,
			       sizeof c->out.note, err)) != PD_OK)
		goto out;
	if (o.is_action)
		rc = new_action(txn, &m, c->item, c->line, &al, &o, &c->out, err);
	else
		rc = new_note(txn, &m, c->item, c->line + al.text_off, al.text_len,
			      &c->out, err);
	if (rc == PD_OK && c->conf)
		rc = mark_conf(txn, &c->out, err);
	if (rc == PD_OK) {
		pd_txn_set_label(txn, "%s%s on item %s", c->conf ? "confidential " : "",
				 o.is_action ? "action" : "note", pd_get_text(&it, PD_ITEM_REF));
		rc = pd_draft_clear_line_txn(txn, c->meeting, c->item, err);
	}
out:
	pd_record_clear(&m);
	pd_record_clear(&it);
	return rc;
}

int pd_meeting_record(struct pd_store *st, uint64_t meeting, uint64_t item,
		      const char *line, struct pd_recorded *out,
		      struct pd_err *err)
{
	size_t skip = line ? pd_actionline_confidential(line, strlen(line)) : 0;
	struct rec_ctx c = { .meeting = meeting, .item = item, .line = line ? line + skip : NULL,
			     .conf = skip > 0 };
	int rc;

	if ((rc = check_line(c.line, err)) != PD_OK)
		return rc;
	rc = pd_store_write(st, "record", 0, record_body, &c, err);
	if (rc == PD_OK && out)
		*out = c.out;
	return rc;
}

/* --- editing a typed line -------------------------------------------------- */

static int edit_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct rec_ctx *c = ctx;
	struct pd_record r, m;
	struct pd_actionline al;
	struct pd_mt_owners o;
	int rc;

	memset(&c->out, 0, sizeof c->out);
	pd_record_init(&m, PD_MEETING);
	if ((rc = pd_mt_get(txn, c->what.kind, c->what.id, &r, err)) != PD_OK)
		goto out;
	pd_record_clear(&m);
	if ((rc = pd_mt_get(txn, PD_MEETING, c->meeting, &m, err)) != PD_OK)
		goto out;
	pd_actionline_parse(c->line, strlen(c->line), &al);
	c->out.kind = c->what.kind;
	c->out.id = c->what.id;
	if (c->what.kind == PD_ACTION) {
		c->item = pd_get_ref(&r, PD_ACTION_ITEM);
		if ((rc = pd_mt_owners(txn, &m, c->line, &al, &o, c->out.note,
				       sizeof c->out.note, err)) != PD_OK)
			goto out;
		if (!o.is_action) {   /* edited as a note's words: no owner */
			al.shaped = false;
			o.n = 0;
		}
		if (pd_mt_action_fill(&r, &m, c->line, &al, &o, &c->out))
			rc = pd_err_nomem(err);
	} else {
		c->item = pd_get_ref(&r, PD_UPDATE_ITEM);
		if (pd_set_text(&r, PD_UPDATE_TEXT, c->line + al.text_off, al.text_len))
			rc = pd_err_nomem(err);
	}
	if (rc == PD_OK && c->conf &&
	    pd_set_flag(&r, pd_field_flagged(pd_kind_info(r.kind), PD_F_CONFIDENTIAL), true))
		rc = pd_err_nomem(err);
	if (rc == PD_OK)
		rc = pd_put(txn, &r, err);
	if (rc == PD_OK) {
		pd_txn_set_label(txn, "edit %s", c->what.kind == PD_ACTION ? "action" : "note");
		rc = pd_draft_clear_line_txn(txn, c->meeting, c->item, err);
	}
out:
	pd_record_clear(&r);
	pd_record_clear(&m);
	return rc;
}

int pd_meeting_edit(struct pd_store *st, uint64_t meeting,
		    const struct pd_recorded *what, const char *line,
		    struct pd_recorded *out, struct pd_err *err)
{
	size_t skip = line ? pd_actionline_confidential(line, strlen(line)) : 0;
	struct rec_ctx c = { .meeting = meeting, .line = line ? line + skip : NULL,
			     .conf = skip > 0, .what = *what };
	int rc;

	if (what->kind != PD_UPDATE && what->kind != PD_ACTION)
		return pd_err_set(err, PD_EINVAL, "only notes and actions can be edited");
	if ((rc = check_line(c.line, err)) != PD_OK)
		return rc;
	rc = pd_store_write(st, "edit", 0, edit_body, &c, err);
	if (rc == PD_OK && out)
		*out = c.out;
	return rc;
}

/* --- note <-> action ----------------------------------------------------- */

static int toggle_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct rec_ctx *c = ctx;
	struct pd_record old, m, it;
	struct pd_actionline al;
	struct pd_mt_owners o;
	const char *text;
	int rc;

	memset(&c->out, 0, sizeof c->out);
	pd_record_init(&m, PD_MEETING);
	pd_record_init(&it, PD_ITEM);
	if ((rc = pd_mt_get(txn, c->what.kind, c->what.id, &old, err)) != PD_OK)
		goto out;
	c->item = pd_get_ref(&old, c->what.kind == PD_ACTION ? PD_ACTION_ITEM
							     : PD_UPDATE_ITEM);
	pd_record_clear(&m);
	if ((rc = pd_mt_load_pair(txn, c->meeting, c->item, &m, &it, err)) != PD_OK)
		goto out;
	text = pd_get_text(&old, c->what.kind == PD_ACTION ? PD_ACTION_TEXT
							   : PD_UPDATE_TEXT);
	pd_actionline_parse(text, strlen(text), &al);
	if ((rc = pd_del(txn, c->what.kind, c->what.id, err)) != PD_OK)
		goto out;
	if (c->what.kind == PD_UPDATE) {
		if ((rc = pd_mt_owners(txn, &m, text, &al, &o, c->out.note,
				       sizeof c->out.note, err)) != PD_OK)
			goto out;
		if (!o.is_action) {   /* asked for an action: no owner */
			al.shaped = false;
			o.n = 0;
		}
		rc = new_action(txn, &m, c->item, text, &al, &o, &c->out, err);
		/* The note carried the item's status at this meeting: keep it. */
		if (rc == PD_OK && pd_is_set(&old, PD_UPDATE_STATUS))
			rc = pd_mt_status_updates(txn, &m, c->item,
					pd_plan_scale(txn, pd_get_ref(&m, PD_MEETING_PLAN)),
					pd_get_text(&old, PD_UPDATE_STATUS), err);
		pd_txn_set_label(txn, "make note an action");
	} else {
		rc = new_note(txn, &m, c->item, text + al.text_off, al.text_len,
			      &c->out, err);
		pd_txn_set_label(txn, "make action a note");
	}
out:
	pd_record_clear(&old);
	pd_record_clear(&m);
	pd_record_clear(&it);
	return rc;
}

int pd_meeting_toggle(struct pd_store *st, uint64_t meeting,
		      const struct pd_recorded *what, struct pd_recorded *out,
		      struct pd_err *err)
{
	struct rec_ctx c = { .meeting = meeting, .what = *what };
	int rc;

	if (what->kind != PD_UPDATE && what->kind != PD_ACTION)
		return pd_err_set(err, PD_EINVAL, "only notes and actions can be turned");
	rc = pd_store_write(st, "turn note/action", 0, toggle_body, &c, err);
	if (rc == PD_OK && out)
		*out = c.out;
	return rc;
}

/* --- ticking to-dos -------------------------------------------------------- */

struct tick_ctx {
	uint64_t meeting, action;
	bool     done;
};

static int tick_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct tick_ctx *t = ctx;
	struct pd_record a, m;
	struct pd_date d;
	int rc;

	pd_record_init(&a, PD_ACTION);
	if ((rc = pd_mt_get(txn, PD_MEETING, t->meeting, &m, err)) ||
	    (rc = pd_mt_get(txn, PD_ACTION, t->action, &a, err)))
		goto out;
	t->done = pd_action_state(&a) == PD_AS_OPEN;
	if (pd_date_parse(pd_get_text(&m, PD_MEETING_DATE), &d, NULL) != PD_OK)
		pd_date_today(&d);
	if (pd_action_set_state(&a, t->done ? PD_AS_DONE : PD_AS_OPEN, &d)) {
		rc = pd_err_nomem(err);
		goto out;
	}
	pd_txn_set_label(txn, t->done ? "tick to-do done" : "reopen to-do");
	rc = pd_put(txn, &a, err);
out:
	pd_record_clear(&a);
	pd_record_clear(&m);
	return rc;
}

int pd_meeting_tick(struct pd_store *st, uint64_t meeting, uint64_t action,
		    bool *done, struct pd_err *err)
{
	struct tick_ctx t = { meeting, action, false };
	int rc = pd_store_write(st, "tick to-do", 0, tick_body, &t, err);

	if (rc == PD_OK && done)
		*done = t.done;
	return rc;
}
