/*
 * mark.c — the confidential mark turned over on one record (mark.h).  The
 * field is whichever the kind's table flags PD_F_CONFIDENTIAL, so a kind
 * given the field later needs nothing here.
 */
#include "plandesk/protect/mark.h"
#include "plandesk/records/records.h"
#include "plandesk/records/schema.h"

struct mark_ctx {
	enum pd_kind kind;
	uint64_t     id;
	int          field;
	bool         now;
};

static int mark_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct mark_ctx *m = ctx;
	const struct pd_kind_info *ki = pd_kind_info(m->kind);
	struct pd_record r;
	int rc;

	pd_record_init(&r, m->kind);
	if ((rc = pd_get(txn, m->kind, m->id, &r, err)) == PD_OK) {
		m->now = !pd_get_flag(&r, m->field);
		if (pd_set_flag(&r, m->field, m->now))
			rc = pd_err_nomem(err);
		else
			rc = pd_put(txn, &r, err);
	}
	if (rc == PD_OK)
		pd_txn_set_label(txn, "%s %s %.40s%s", m->now ? "mark" : "unmark", ki->label,
				 pd_get_text(&r, ki->key), m->now ? " confidential" : "");
	pd_record_clear(&r);
	return rc;
}

int pd_mark_toggle(struct pd_store *st, enum pd_kind kind, uint64_t id, bool *now,
		   struct pd_err *err)
{
	struct mark_ctx m = { .kind = kind, .id = id };
	int rc;

	if ((unsigned)kind >= PD_NKINDS ||
	    (m.field = pd_field_flagged(pd_kind_info(kind), PD_F_CONFIDENTIAL)) < 0)
		return pd_err_set(err, PD_EINVAL, "only items, actions and updates "
				  "can be marked confidential");
	rc = pd_store_write(st, "mark confidential", 0, mark_body, &m, err);
	if (rc == PD_OK && now)
		*now = m.now;
	return rc;
}
