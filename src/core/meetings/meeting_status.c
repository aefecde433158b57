/*
 * meeting_status.c — an item's status given at a meeting (meeting.h: the
 * item's latest assessment, and the status of the meeting's updates on it,
 * with a status-only update when there is no note yet).
 */
#include <stdio.h>
#include <string.h>

#include "plandesk/meetings/track.h"
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

int pd_mt_load_pair(struct pd_txn *txn, uint64_t meeting, uint64_t item,
		    struct pd_record *m, struct pd_record *it, struct pd_err *err)
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

int pd_mt_status_updates(struct pd_txn *txn, const struct pd_record *m,
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
			rc = pd_err_nomem(err);
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
			rc = pd_err_nomem(err);
		else
			rc = pd_put(txn, &u, err);
	}
	pd_record_clear(&u);
	pd_recs_free(&at);
	return rc;
}

struct status_ctx {
	uint64_t    meeting, item;
	const char *code;
};

static int status_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct status_ctx *s = ctx;
	struct pd_record m, it;
	const struct pd_scale *sc;
	const struct pd_level *l = NULL;
	int rc;

	if ((rc = pd_mt_load_pair(txn, s->meeting, s->item, &m, &it, err)) != PD_OK)
		goto out;
	sc = pd_plan_scale(txn, pd_get_ref(&m, PD_MEETING_PLAN));
	if (*s->code && !(l = pd_scale_level(sc, s->code))) {
		rc = pd_err_set(err, PD_EINVAL, "\"%s\" is not a status on scale %s",
				s->code, sc->name);
		goto out;
	}
	if (pd_set_text(&it, PD_ITEM_STATUS, l ? l->code : "", (size_t)-1)) {
		rc = pd_err_nomem(err);
		goto out;
	}
	pd_txn_set_label(txn, "status of item %s: %s", pd_get_text(&it, PD_ITEM_REF),
			 l ? l->label : "none");
	if ((rc = pd_put(txn, &it, err)) == PD_OK)
		rc = pd_mt_status_updates(txn, &m, s->item, sc, l ? l->code : "", err);
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
