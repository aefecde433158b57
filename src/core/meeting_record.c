/*
 * meeting_record.c — what happens on Enter and on the one-key commands of
 * the agenda walk: a line becomes a note or an action, a note turns into
 * an action and back, a to-do is ticked, an item's status is set.  Each is
 * one write (one undo step).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/actionline.h"
#include "plandesk/people_match.h"
#include "plandesk/text.h"
#include "plandesk/track.h"
#include "meeting_impl.h"

size_t pd_status_text(const struct pd_scale *sc, const char *code, char *buf,
		      size_t n)
{
	const struct pd_level *l = pd_scale_level(sc, code);
	int len = snprintf(buf, n, "Status: %s", l ? l->label : code);

	return len < 0 ? 0 : (size_t)len;
}

bool pd_update_is_status_only(const struct pd_record *u,
			      const struct pd_scale *sc)
{
	char text[96];

	if (!pd_is_set(u, PD_UPDATE_STATUS))
		return false;
	pd_status_text(sc, pd_get_text(u, PD_UPDATE_STATUS), text, sizeof text);
	return strcmp(text, pd_get_text(u, PD_UPDATE_TEXT)) == 0;
}

/* Read the meeting and the item, and check they share a plan. */
static int load_pair(struct pd_txn *txn, uint64_t meeting, uint64_t item,
		     struct pd_record *m, struct pd_record *it,
		     struct pd_err *err)
{
	int rc;

	pd_record_init(it, PD_ITEM);
	if ((rc = pd_mt_get(txn, PD_MEETING, meeting, m, err)) ||
	    (rc = pd_mt_get(txn, PD_ITEM, item, it, err)))
		return rc;
	if (pd_get_ref(it, PD_ITEM_PLAN) != pd_get_ref(m, PD_MEETING_PLAN))
		return pd_err_set(err, PD_EINVAL, "item %s is not on this meeting's plan",
				  pd_get_text(it, PD_ITEM_REF));
	return PD_OK;
}

/* --- owners -------------------------------------------------------------- */

struct owners {
	bool     is_action;
	uint64_t ids[PD_ACTIONLINE_MAX_OWNERS];
	size_t   n;
};

/*
 * A sentence-starter ("Hope to …") names an owner only when it is someone
 * at the meeting or somebody's whole name: a directory of thousands holds
 * a Hope, a Will and a Grace.
 */
static bool confirmed(struct pd_txn *txn, const char *tok, size_t n,
		      const uint64_t *prefer, size_t nprefer, uint64_t id)
{
	struct pd_record p;
	bool ok = false;

	for (size_t i = 0; i < nprefer; i++)
		if (prefer[i] == id)
			return true;
	pd_record_init(&p, PD_PERSON);
	if (pd_get(txn, PD_PERSON, id, &p, NULL) == PD_OK)
		ok = pd_person_match(&p, tok, n) == PD_MATCH_EXACT;
	pd_record_clear(&p);
	return ok;
}

/*
 * Match the owner tokens of `al` (parsed from `line`) against the
 * directory, the meeting's attendance first.  A doubtful token makes the
 * line a note unless it names someone.
 */
static int resolve_owners(struct pd_txn *txn, const struct pd_record *m,
			  const char *line, const struct pd_actionline *al,
			  struct owners *o, struct pd_err *err)
{
	size_t np = pd_refs_count(m, PD_MEETING_PRESENT);
	size_t na = pd_refs_count(m, PD_MEETING_APOLOGIES);
	uint64_t *prefer = calloc(np + na + 1, sizeof *prefer), id;
	int rc = PD_OK;

	memset(o, 0, sizeof *o);
	if (!prefer)
		return pd_err_set(err, PD_ENOMEM, "out of memory");
	for (size_t i = 0; i < np; i++)
		prefer[i] = pd_refs_at(m, PD_MEETING_PRESENT, i);
	for (size_t i = 0; i < na; i++)
		prefer[np + i] = pd_refs_at(m, PD_MEETING_APOLOGIES, i);
	o->is_action = al->shaped;
	for (int k = 0; k < al->nowners && rc == PD_OK; k++) {
		const struct pd_owner_tok *t = &al->owners[k];
		rc = pd_people_match(txn, line + t->off, t->len, prefer, np + na,
				     &id, NULL);
		if (rc == PD_OK && t->shape == PD_OWNER_DOUBTFUL &&
		    !confirmed(txn, line + t->off, t->len, prefer, np + na, id))
			rc = PD_NOTFOUND;
		if (rc == PD_OK) {
			bool dup = false;
			for (size_t i = 0; i < o->n; i++)
				dup |= o->ids[i] == id;
			if (!dup)
				o->ids[o->n++] = id;
		} else if (rc == PD_NOTFOUND || rc == PD_ECONFLICT) {
			/* Kept as text; a doubtful word is no owner at all. */
			if (t->shape == PD_OWNER_DOUBTFUL)
				o->is_action = false;
			rc = PD_OK;
		} else {
			rc = pd_err_set(err, rc, "matching owners: %s", pd_strerror(rc));
		}
	}
	free(prefer);
	return rc;
}

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

/* Store an action with the owners read from `line` (text is all of it). */
static int new_action(struct pd_txn *txn, const struct pd_record *m, uint64_t item,
		      const char *line, const struct pd_actionline *al,
		      const struct owners *o, struct pd_recorded *out,
		      struct pd_err *err)
{
	struct pd_record a;
	int64_t pos;
	int rc;

	if ((rc = next_position(txn, item, &pos, err)) != PD_OK)
		return rc;
	pd_record_init(&a, PD_ACTION);
	rc = pd_set_ref(&a, PD_ACTION_ITEM, item) ||
	     pd_set_text(&a, PD_ACTION_TEXT, line + al->text_off, al->text_len) ||
	     pd_set_text(&a, PD_ACTION_STATE, "open", (size_t)-1) ||
	     pd_set_ref(&a, PD_ACTION_RAISED, m->id) ||
	     pd_set_text(&a, PD_ACTION_DUE, pd_get_text(m, PD_MEETING_NEXT), (size_t)-1) ||
	     pd_set_int(&a, PD_ACTION_POSITION, pos);
	if (al->shaped)
		rc = rc || pd_set_text(&a, PD_ACTION_OWNER, line + al->owner_off,
				       al->owner_len);
	for (size_t i = 0; i < o->n && !rc; i++)
		rc = pd_refs_add(&a, PD_ACTION_OWNERS, o->ids[i]);
	if (rc)
		rc = pd_err_set(err, PD_ENOMEM, "out of memory");
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
	rc = pd_err_set(err, PD_ENOMEM, "out of memory");
out:
	pd_record_clear(&u);
	pd_recs_free(&at);
	return rc;
}

static int status_updates(struct pd_txn *txn, const struct pd_record *m,
			  uint64_t item, const struct pd_scale *sc,
			  const char *code, struct pd_err *err);

/* --- recording a line ----------------------------------------------------- */

struct rec_ctx {
	uint64_t           meeting, item;
	const char        *line;
	struct pd_recorded what;   /* toggle: the record to turn */
	struct pd_recorded out;
};

static int record_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct rec_ctx *c = ctx;
	struct pd_record m, it;
	struct pd_actionline al;
	struct owners o;
	int rc;

	memset(&c->out, 0, sizeof c->out);
	if ((rc = load_pair(txn, c->meeting, c->item, &m, &it, err)) != PD_OK)
		goto out;
	pd_actionline_parse(c->line, strlen(c->line), &al);
	if ((rc = resolve_owners(txn, &m, c->line, &al, &o, err)) != PD_OK)
		goto out;
	if (o.is_action)
		rc = new_action(txn, &m, c->item, c->line, &al, &o, &c->out, err);
	else
		rc = new_note(txn, &m, c->item, c->line + al.text_off, al.text_len,
			      &c->out, err);
	if (rc == PD_OK) {
		pd_txn_set_label(txn, "%s on item %s", o.is_action ? "action" : "note",
				 pd_get_text(&it, PD_ITEM_REF));
		rc = pd_draft_clear_txn(txn, c->meeting, err);
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
	struct rec_ctx c = { .meeting = meeting, .item = item, .line = line };
	struct pd_actionline al;
	int rc;

	if (!line)
		return pd_err_set(err, PD_EEMPTY, "nothing to record");
	pd_actionline_parse(line, strlen(line), &al);
	if (!al.text_len)
		return pd_err_set(err, PD_EEMPTY, "nothing to record");
	if (!pd_utf8_valid(line, strlen(line)))
		return pd_err_set(err, PD_EINVAL, "the line is not valid UTF-8");
	rc = pd_store_write(st, "record", 0, record_body, &c, err);
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
	struct owners o;
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
	if ((rc = load_pair(txn, c->meeting, c->item, &m, &it, err)) != PD_OK)
		goto out;
	text = pd_get_text(&old, c->what.kind == PD_ACTION ? PD_ACTION_TEXT
							   : PD_UPDATE_TEXT);
	pd_actionline_parse(text, strlen(text), &al);
	if ((rc = pd_del(txn, c->what.kind, c->what.id, err)) != PD_OK)
		goto out;
	if (c->what.kind == PD_UPDATE) {
		if ((rc = resolve_owners(txn, &m, text, &al, &o, err)) != PD_OK)
			goto out;
		if (!o.is_action) {   /* asked for an action: no owner */
			al.shaped = false;
			o.n = 0;
		}
		rc = new_action(txn, &m, c->item, text, &al, &o, &c->out, err);
		/* The note carried the item's status at this meeting: keep it. */
		if (rc == PD_OK && pd_is_set(&old, PD_UPDATE_STATUS))
			rc = status_updates(txn, &m, c->item,
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
		rc = pd_err_set(err, PD_ENOMEM, "out of memory");
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

/* --- status ---------------------------------------------------------------- */

struct status_ctx {
	uint64_t    meeting, item;
	const char *code;
};

/* Give every update of the meeting on the item the status `code`. */
static int status_updates(struct pd_txn *txn, const struct pd_record *m,
			  uint64_t item, const struct pd_scale *sc,
			  const char *code, struct pd_err *err)
{
	struct pd_recs at = { 0 };
	struct pd_record u;
	char text[96];
	int rc = pd_mt_updates_at(txn, item, m, &at, err);

	pd_record_init(&u, PD_UPDATE);
	for (size_t i = 0; i < at.n && rc == PD_OK; i++) {
		struct pd_record *r = &at.r[i];
		bool only = pd_update_is_status_only(r, sc);
		if (only && !*code) {
			rc = pd_del(txn, PD_UPDATE, r->id, err);
			continue;
		}
		if (strcmp(pd_get_text(r, PD_UPDATE_STATUS), code) == 0)
			continue;
		pd_status_text(sc, code, text, sizeof text);
		if (pd_set_text(r, PD_UPDATE_STATUS, code, (size_t)-1) ||
		    (only && pd_set_text(r, PD_UPDATE_TEXT, text, (size_t)-1)))
			rc = pd_err_set(err, PD_ENOMEM, "out of memory");
		else
			rc = pd_put(txn, r, err);
	}
	if (rc == PD_OK && at.n == 0 && *code) {
		pd_status_text(sc, code, text, sizeof text);
		if (pd_set_ref(&u, PD_UPDATE_ITEM, item) ||
		    pd_set_text(&u, PD_UPDATE_DATE, pd_get_text(m, PD_MEETING_DATE),
				(size_t)-1) ||
		    pd_set_ref(&u, PD_UPDATE_MEETING, m->id) ||
		    pd_set_text(&u, PD_UPDATE_STATUS, code, (size_t)-1) ||
		    pd_set_text(&u, PD_UPDATE_TEXT, text, (size_t)-1))
			rc = pd_err_set(err, PD_ENOMEM, "out of memory");
		else
			rc = pd_put(txn, &u, err);
	}
	pd_record_clear(&u);
	pd_recs_free(&at);
	return rc;
}

static int status_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct status_ctx *s = ctx;
	struct pd_record m, it;
	const struct pd_scale *sc;
	const struct pd_level *l = NULL;
	int rc;

	if ((rc = load_pair(txn, s->meeting, s->item, &m, &it, err)) != PD_OK)
		goto out;
	sc = pd_plan_scale(txn, pd_get_ref(&m, PD_MEETING_PLAN));
	if (*s->code && !(l = pd_scale_level(sc, s->code))) {
		rc = pd_err_set(err, PD_EINVAL, "\"%s\" is not a status on scale %s",
				s->code, sc->name);
		goto out;
	}
	if (pd_set_text(&it, PD_ITEM_STATUS, l ? l->code : "", (size_t)-1)) {
		rc = pd_err_set(err, PD_ENOMEM, "out of memory");
		goto out;
	}
	pd_txn_set_label(txn, "status of item %s", pd_get_text(&it, PD_ITEM_REF));
	if ((rc = pd_put(txn, &it, err)) == PD_OK)
		rc = status_updates(txn, &m, s->item, sc, l ? l->code : "", err);
out:
	pd_record_clear(&m);
	pd_record_clear(&it);
	return rc;
}

int pd_meeting_set_status(struct pd_store *st, uint64_t meeting, uint64_t item,
			  const char *code, struct pd_err *err)
{
	struct status_ctx s = { meeting, item, code ? code : "" };

	return pd_store_write(st, "set status", 0, status_body, &s, err);
}
