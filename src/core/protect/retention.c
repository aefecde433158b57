/*
 * retention.c — legal holds and purges (retention.h).  Both are writes
 * with the undo journal off: a hold placed or lifted is undone only by
 * another, and a purge not at all, so each leaves no undo step; the
 * disclosure record keeps them instead, in the same write.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "plandesk/meetings/meeting.h"
#include "plandesk/protect/retention.h"
#include "plandesk/records/undo.h"
#include "store/handles.h"

struct hold_ctx {
	uint64_t              plan;
	const char           *reason;
	struct pd_disclosure *d;
	char                  ref[256];
};

static int hold_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct hold_ctx *h = ctx;
	struct pd_record p;
	int rc;

	txn->journal = false;
	if ((rc = pd_get(txn, PD_PLAN, h->plan, &p, err)) != PD_OK)
		return rc;
	snprintf(h->ref, sizeof h->ref, "%s", pd_get_text(&p, PD_PLAN_REF));
	if (!h->reason && !pd_is_set(&p, PD_PLAN_HOLD))
		rc = pd_err_set(err, PD_EEMPTY, "plan %s is not under a legal hold", h->ref);
	else if (pd_set_text(&p, PD_PLAN_HOLD, h->reason, h->reason ? (size_t)-1 : 0))
		rc = pd_err_nomem(err);
	else
		rc = pd_put(txn, &p, err);
	pd_record_clear(&p);
	h->d->what = "plan";
	h->d->plan = h->ref;
	return rc == PD_OK ? pd_disclosure_put(txn, h->d, err) : rc;
}

int pd_hold(struct pd_store *st, uint64_t plan, const char *reason,
	    struct pd_disclosure *d, struct pd_err *err)
{
	struct hold_ctx h = { .plan = plan, .reason = reason, .d = d };
	int rc;

	if (reason && (!*reason || strpbrk(reason, "\n\r") ||
		       !pd_utf8_valid(reason, strlen(reason))))
		return pd_err_set(err, PD_EINVAL, "a hold needs its reason: one line "
				  "of text");
	rc = pd_store_write(st, reason ? "place a legal hold" : "lift a legal hold", 0,
			    hold_body, &h, err);
	d->plan = NULL;   /* h.ref lives no longer */
	return rc;
}

/* --- purging ------------------------------------------------------------- */

/* The ids under `parent` in `ix`, added to `all` (and counted in *n). */
static int gather(struct pd_txn *txn, enum pd_index ix, uint64_t parent,
		  struct pd_u64map *all, size_t *n, struct pd_err *err)
{
	uint64_t *ids;
	size_t count;
	int rc = pd_index_ids(txn, ix, parent, &ids, &count, err);

	for (size_t i = 0; i < count && rc == PD_OK; i++) {
		uint64_t v;
		if (pd_u64map_get(all, ids[i], &v))
			continue;
		if (pd_u64map_add(all, ids[i], (uint64_t)ix + 1) != PD_OK)
			rc = pd_err_nomem(err);
		else if (n)
			(*n)++;
	}
	free(ids);
	return rc;
}

/* Every record of the plan into `all` (key: id; value: 1 + the index it
 * was found in), counted in *c. */
static int plan_records(struct pd_txn *txn, uint64_t plan, struct pd_u64map *all,
			struct pd_purge_counts *c, struct pd_err *err)
{
	uint64_t *items;
	size_t n;
	int rc;

	memset(c, 0, sizeof *c);
	if (!pd_exists(txn, PD_PLAN, plan))
		return pd_err_set(err, PD_NOTFOUND, "no plan with id %llu",
				  (unsigned long long)plan);
	if (pd_u64map_add(all, plan, 0) != PD_OK)
		return pd_err_nomem(err);
	if ((rc = gather(txn, PD_IX_THEMES_BY_PLAN, plan, all, &c->themes, err)) ||
	    (rc = gather(txn, PD_IX_MEETINGS_BY_PLAN, plan, all, &c->meetings, err)) ||
	    (rc = gather(txn, PD_IX_ITEMS_BY_PLAN, plan, all, &c->items, err)) ||
	    (rc = pd_index_ids(txn, PD_IX_ITEMS_BY_PLAN, plan, &items, &n, err)))
		return rc;
	for (size_t i = 0; i < n && rc == PD_OK; i++)
		if ((rc = gather(txn, PD_IX_ACTIONS_BY_ITEM, items[i], all, &c->actions,
				 err)) == PD_OK)
			rc = gather(txn, PD_IX_UPDATES_BY_ITEM, items[i], all, &c->updates,
				    err);
	free(items);
	return rc;
}

int pd_purge_count(struct pd_txn *txn, uint64_t plan, struct pd_purge_counts *c,
		   struct pd_err *err)
{
	struct pd_u64map all = { 0 };
	int rc = plan_records(txn, plan, &all, c, err);

	pd_u64map_free(&all, NULL);
	return rc;
}

struct purge_ctx {
	uint64_t               plan;
	struct pd_disclosure  *d;
	struct pd_purge_counts c;
	char                   ref[256];
};

static int purge_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct purge_ctx *x = ctx;
	struct pd_u64map all = { 0 };
	struct pd_record p;
	uint64_t *meetings = NULL;
	size_t n = 0;
	int rc;

	txn->journal = false;
	if ((rc = pd_get(txn, PD_PLAN, x->plan, &p, err)) != PD_OK)
		return rc;
	snprintf(x->ref, sizeof x->ref, "%s", pd_get_text(&p, PD_PLAN_REF));
	/* Asked again inside the write: a hold placed meanwhile stands. */
	if (pd_is_set(&p, PD_PLAN_HOLD))
		rc = pd_err_set(err, PD_EINVAL, "plan %s is under a legal hold (%s); "
				"nothing was removed", x->ref, pd_get_text(&p, PD_PLAN_HOLD));
	pd_record_clear(&p);
	if (rc == PD_OK &&
	    (rc = plan_records(txn, x->plan, &all, &x->c, err)) == PD_OK &&
	    (rc = pd_index_ids(txn, PD_IX_MEETINGS_BY_PLAN, x->plan, &meetings, &n,
			       err)) == PD_OK) {
		for (size_t i = 0; i < n && rc == PD_OK; i++)
			rc = pd_draft_clear_txn(txn, meetings[i], err);
		if (rc == PD_OK)
			rc = pd_del(txn, PD_PLAN, x->plan, err);
		if (rc == PD_OK)
			rc = pd_undo_forget(txn, &all, err);
	}
	x->d->what = "plan";
	x->d->plan = x->ref;
	x->d->rows = 1 + x->c.themes + x->c.items + x->c.actions + x->c.updates +
		     x->c.meetings;
	if (rc == PD_OK)
		rc = pd_disclosure_put(txn, x->d, err);
	free(meetings);
	pd_u64map_free(&all, NULL);
	return rc;
}

int pd_purge(struct pd_store *st, uint64_t plan, struct pd_disclosure *d,
	     struct pd_purge_counts *c, struct pd_err *err)
{
	struct purge_ctx x = { .plan = plan, .d = d };
	int rc = pd_store_write(st, "purge a plan", 0, purge_body, &x, err);

	d->plan = NULL;   /* x.ref lives no longer */
	if (c)
		*c = x.c;
	return rc;
}
