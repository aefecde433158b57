/*
 * agenda.c — what the agenda walk shows for one item at one meeting, and
 * the small helpers the meeting files share (meeting_impl.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/meetings/track.h"
#include "meeting_impl.h"

int pd_recs_push(struct pd_recs *l, struct pd_record *r)
{
	if (pd_grow(&l->r, &l->cap, l->n + 1, sizeof *l->r, 8))
		return PD_ENOMEM;
	l->r[l->n++] = *r;
	memset(r->v, 0, sizeof r->v);
	r->extra = NULL;
	r->nextra = 0;
	return PD_OK;
}

void pd_recs_free(struct pd_recs *l)
{
	for (size_t i = 0; i < l->n; i++)
		pd_record_clear(&l->r[i]);
	free(l->r);
	memset(l, 0, sizeof *l);
}

int pd_mt_get(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	      struct pd_record *out, struct pd_err *err)
{
	int rc;

	pd_record_init(out, kind);
	rc = pd_get(txn, kind, id, out, err);
	if (rc == PD_NOTFOUND)
		return pd_err_set(err, PD_NOTFOUND, "no %s with id %llu",
				  pd_kind_info(kind)->label, (unsigned long long)id);
	return rc;
}

bool pd_update_at_meeting(const struct pd_record *u, const struct pd_record *m)
{
	uint64_t um = pd_get_ref(u, PD_UPDATE_MEETING);

	if (um)
		return um == m->id;
	return strcmp(pd_get_text(u, PD_UPDATE_DATE),
		      pd_get_text(m, PD_MEETING_DATE)) == 0;
}

int pd_mt_updates_at(struct pd_txn *txn, uint64_t item,
		     const struct pd_record *m, struct pd_recs *out,
		     struct pd_err *err)
{
	struct pd_record u;
	uint64_t *ids;
	size_t n;
	int rc = pd_index_ids(txn, PD_IX_UPDATES_BY_ITEM, item, &ids, &n, err);

	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		if ((rc = pd_mt_get(txn, PD_UPDATE, ids[i], &u, err)) != PD_OK)
			break;
		if (pd_update_at_meeting(&u, m) && pd_recs_push(out, &u) != PD_OK)
			rc = pd_err_nomem(err);
		pd_record_clear(&u);
	}
	free(ids);
	return rc;
}

void pd_mt_meeting_date(struct pd_txn *txn, uint64_t id,
			char iso[PD_DATE_ISO_SIZE])
{
	struct pd_record m;

	iso[0] = '\0';
	pd_record_init(&m, PD_MEETING);
	if (id && pd_get(txn, PD_MEETING, id, &m, NULL) == PD_OK)
		snprintf(iso, PD_DATE_ISO_SIZE, "%s", pd_get_text(&m, PD_MEETING_DATE));
	pd_record_clear(&m);
}

int pd_mt_meeting_cmp(const char *date_a, uint64_t a, const char *date_b,
		      uint64_t b)
{
	int c = strcmp(date_a, date_b);

	if (c)
		return c;
	return (a > b) - (a < b);
}

int pd_meeting_previous(struct pd_txn *txn, uint64_t meeting, uint64_t *id,
			struct pd_err *err)
{
	struct pd_record m;
	uint64_t *ids;
	size_t n;
	int rc;

	*id = 0;
	if ((rc = pd_mt_get(txn, PD_MEETING, meeting, &m, err)) != PD_OK) {
		pd_record_clear(&m);
		return rc;
	}
	rc = pd_index_ids(txn, PD_IX_MEETINGS_BY_PLAN, pd_get_ref(&m, PD_MEETING_PLAN),
		       &ids, &n, err);
	/* The index is in (date, id) order: the entry before ours. */
	for (size_t i = 0; rc == PD_OK && i < n; i++) {
		if (ids[i] == meeting)
			break;
		if (i + 1 == n)
			*id = 0;   /* not indexed: no previous (cannot happen) */
		else
			*id = ids[i];
	}
	free(ids);
	pd_record_clear(&m);
	return rc;
}

int pd_agenda_items(struct pd_txn *txn, uint64_t plan, uint64_t **ids,
		    size_t *n, struct pd_err *err)
{
	return pd_index_ids(txn, PD_IX_ITEMS_BY_PLAN, plan, ids, n, err);
}

void pd_agenda_free(struct pd_agenda *a)
{
	pd_record_clear(&a->item);
	pd_record_clear(&a->meeting);
	pd_recs_free(&a->agreed);
	pd_recs_free(&a->last);
	pd_recs_free(&a->todo);
	pd_recs_free(&a->notes);
	pd_recs_free(&a->actions);
}

/* A few meetings' dates, so each raised meeting is read once. */
struct date_cache {
	uint64_t id[8];
	char     iso[8][PD_DATE_ISO_SIZE];
	int      n, next;
};

static const char *cached_date(struct pd_txn *txn, struct date_cache *c,
			       uint64_t id)
{
	int slot;

	for (int i = 0; i < c->n; i++)
		if (c->id[i] == id)
			return c->iso[i];
	slot = c->n < 8 ? c->n++ : c->next++ % 8;
	c->id[slot] = id;
	pd_mt_meeting_date(txn, id, c->iso[slot]);
	return c->iso[slot];
}

/* Sort an action into the agreed, this meeting's or carried-forward list. */
static int place_action(struct pd_txn *txn, struct pd_agenda *a,
			struct date_cache *dc, struct pd_record *r)
{
	uint64_t raised = pd_get_ref(r, PD_ACTION_RAISED);
	const char *mdate = pd_get_text(&a->meeting, PD_MEETING_DATE);
	const char *rdate, *closed;

	if (!raised)
		return pd_recs_push(&a->agreed, r);
	if (raised == a->meeting.id)
		return pd_recs_push(&a->actions, r);
	rdate = cached_date(txn, dc, raised);
	if (pd_mt_meeting_cmp(rdate, raised, mdate, a->meeting.id) > 0)
		return PD_OK;   /* raised at a later meeting */
	closed = pd_get_text(r, PD_ACTION_CLOSED);
	if (pd_action_state(r) == PD_AS_OPEN || !*closed || strcmp(closed, mdate) >= 0)
		return pd_recs_push(&a->todo, r);
	return PD_OK;
}

static int load_actions(struct pd_txn *txn, struct pd_agenda *a,
			struct pd_err *err)
{
	struct date_cache dc = { .n = 0 };
	struct pd_record r;
	uint64_t *ids;
	size_t n;
	int rc = pd_index_ids(txn, PD_IX_ACTIONS_BY_ITEM, a->item.id, &ids, &n, err);

	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		if ((rc = pd_mt_get(txn, PD_ACTION, ids[i], &r, err)) == PD_OK &&
		    place_action(txn, a, &dc, &r) != PD_OK)
			rc = pd_err_nomem(err);
		pd_record_clear(&r);
	}
	free(ids);
	return rc;
}

static int load_updates(struct pd_txn *txn, struct pd_agenda *a,
			const struct pd_record *prev, struct pd_err *err)
{
	struct pd_record r;
	uint64_t *ids;
	size_t n;
	int rc = pd_index_ids(txn, PD_IX_UPDATES_BY_ITEM, a->item.id, &ids, &n, err);

	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		if ((rc = pd_mt_get(txn, PD_UPDATE, ids[i], &r, err)) != PD_OK)
			break;
		if (pd_update_at_meeting(&r, &a->meeting))
			rc = pd_recs_push(&a->notes, &r);
		else if (prev && pd_update_at_meeting(&r, prev))
			rc = pd_recs_push(&a->last, &r);
		if (rc != PD_OK)
			rc = pd_err_nomem(err);
		pd_record_clear(&r);
	}
	free(ids);
	for (size_t i = a->notes.n; i-- > 0;)
		if (pd_is_set(&a->notes.r[i], PD_UPDATE_STATUS)) {
			snprintf(a->status, sizeof a->status, "%s",
				 pd_get_text(&a->notes.r[i], PD_UPDATE_STATUS));
			break;
		}
	return rc;
}

int pd_agenda_load(struct pd_txn *txn, uint64_t meeting, uint64_t item,
		   struct pd_agenda *a, struct pd_err *err)
{
	struct pd_record prev;
	int rc;

	memset(a, 0, sizeof *a);
	pd_record_init(&a->item, PD_ITEM);
	pd_record_init(&prev, PD_MEETING);
	if ((rc = pd_mt_get(txn, PD_MEETING, meeting, &a->meeting, err)) ||
	    (rc = pd_mt_get(txn, PD_ITEM, item, &a->item, err)))
		return rc;
	if (pd_get_ref(&a->item, PD_ITEM_PLAN) != pd_get_ref(&a->meeting, PD_MEETING_PLAN))
		return pd_err_set(err, PD_EINVAL, "item %s is not on this meeting's plan",
				  pd_get_text(&a->item, PD_ITEM_REF));
	if ((rc = pd_meeting_previous(txn, meeting, &a->previous, err)) != PD_OK)
		return rc;
	if (a->previous &&
	    (rc = pd_mt_get(txn, PD_MEETING, a->previous, &prev, err)) != PD_OK)
		goto out;
	if (a->previous)
		snprintf(a->previous_date, sizeof a->previous_date, "%s",
			 pd_get_text(&prev, PD_MEETING_DATE));
	if ((rc = load_actions(txn, a, err)) == PD_OK)
		rc = load_updates(txn, a, a->previous ? &prev : NULL, err);
out:
	pd_record_clear(&prev);
	return rc;
}
