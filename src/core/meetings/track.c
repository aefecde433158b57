/*
 * track.c — action states, overdue tests and plan tallies (track.h).
 */
#include <string.h>
#include <strings.h>

#include "plandesk/meetings/track.h"

enum pd_action_state pd_action_state(const struct pd_record *a)
{
	const char *s = pd_get_text(a, PD_ACTION_STATE);

	if (strcasecmp(s, "done") == 0)
		return PD_AS_DONE;
	if (strcasecmp(s, "dropped") == 0)
		return PD_AS_DROPPED;
	return PD_AS_OPEN;
}

const char *pd_action_state_name(enum pd_action_state s)
{
	switch (s) {
	case PD_AS_DONE:    return "done";
	case PD_AS_DROPPED: return "dropped";
	default:            return "open";
	}
}

int pd_action_set_state(struct pd_record *a, enum pd_action_state s,
			const struct pd_date *today)
{
	char iso[PD_DATE_ISO_SIZE];

	if (pd_set_text(a, PD_ACTION_STATE, pd_action_state_name(s), (size_t)-1))
		return PD_ENOMEM;
	if (s == PD_AS_OPEN)
		return pd_set_text(a, PD_ACTION_CLOSED, NULL, 0);
	if (!today)
		return PD_OK;
	pd_date_iso(today, iso);
	return pd_set_text(a, PD_ACTION_CLOSED, iso, (size_t)-1);
}

/* True when date field `f` of `r` holds a date before `today`. */
static bool before_today(const struct pd_record *r, int f,
			 const struct pd_date *today)
{
	struct pd_date d;

	if (!today || !pd_is_set(r, f) ||
	    pd_date_parse(pd_get_text(r, f), &d, NULL) != PD_OK)
		return false;
	/* A month ("June 2009") is only past once the month is over. */
	if (d.d == 0) {
		pd_date_add_months(&d, 1);
		pd_date_add_days(&d, -1);
	}
	return pd_date_cmp(&d, today) < 0;
}

bool pd_action_overdue(const struct pd_record *a, const struct pd_date *today)
{
	return pd_action_state(a) == PD_AS_OPEN &&
	       before_today(a, PD_ACTION_DUE, today);
}

const struct pd_scale *pd_plan_scale(struct pd_txn *txn, uint64_t plan)
{
	struct pd_record p;
	const struct pd_scale *sc;

	pd_record_init(&p, PD_PLAN);
	if (!plan || pd_get(txn, PD_PLAN, plan, &p, NULL) != PD_OK)
		return pd_scale_get(NULL);
	sc = pd_scale_get(pd_get_text(&p, PD_PLAN_SCALE));
	pd_record_clear(&p);
	return sc ? sc : pd_scale_get(NULL);
}

enum pd_status_kind pd_item_status_kind(const struct pd_record *item,
					const struct pd_scale *sc)
{
	const struct pd_level *lv;

	if (!pd_is_set(item, PD_ITEM_STATUS))
		return PD_ST_NONE;
	lv = pd_scale_level(sc, pd_get_text(item, PD_ITEM_STATUS));
	return lv ? lv->kind : PD_ST_NONE;
}

bool pd_item_overdue(const struct pd_record *item, const struct pd_scale *sc,
		     const struct pd_date *today)
{
	if (pd_is_set(item, PD_ITEM_COMPLETED) ||
	    pd_item_status_kind(item, sc) == PD_ST_DONE)
		return false;
	return before_today(item, PD_ITEM_TARGET_DATE, today);
}

int pd_plan_tally(struct pd_txn *txn, uint64_t plan, const struct pd_date *today,
		  struct pd_tally *out, struct pd_err *err)
{
	const struct pd_scale *sc = pd_plan_scale(txn, plan);
	struct pd_cursor *cur;
	struct pd_record it;
	uint64_t id;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = pd_cursor_index(txn, PD_IX_ITEMS_BY_PLAN, plan, 0, &cur, err)))
		return rc;
	while ((rc = pd_cursor_next(cur, &id, err)) == PD_OK) {
		pd_record_init(&it, PD_ITEM);
		rc = pd_get(txn, PD_ITEM, id, &it, err);
		if (rc == PD_NOTFOUND)   /* a stale entry: `check` reports it */
			continue;
		if (rc != PD_OK)
			break;
		out->items++;
		out->by_status[pd_item_status_kind(&it, sc)]++;
		if (pd_item_overdue(&it, sc, today))
			out->overdue++;
		pd_record_clear(&it);
	}
	pd_cursor_close(cur);
	return rc == PD_NOTFOUND ? PD_OK : rc;
}
