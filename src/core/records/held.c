/*
 * held.c — a legal hold, as the record layer keeps it (records_impl.h):
 * a record whose PD_F_KEPT field is set (a plan's `hold`, its reason)
 * holds itself and everything filed under it, followed up each kind's
 * required link (an update's item, the item's plan).  Nothing held is
 * deleted — by pd_del, by undo or by redo — and undo and redo leave the
 * hold itself as it is now, so that taking back an older edit of a plan
 * cannot lift it.  Records held may still be edited.
 */
#include <stdio.h>
#include <string.h>

#include "plandesk/records/codec.h"
#include "plandesk/records/records.h"
#include "records_impl.h"

#define MAX_UP 64   /* links followed: a loop (which check reports) ends */

int pd_hold_refuse(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		   struct pd_err *err)
{
	for (int depth = 0; depth < MAX_UP; depth++) {
		const struct pd_kind_info *ki = pd_kind_info(kind);
		int hold = pd_field_flagged(ki, PD_F_KEPT), up = pd_field_owner(ki);
		struct pd_record r;
		int rc;

		if (hold < 0 && up < 0)
			return PD_OK;
		if ((rc = pd_get(txn, kind, id, &r, NULL)) != PD_OK)
			return rc == PD_NOTFOUND ? PD_OK : pd_err_set(err, rc, "%s",
					pd_strerror(rc));
		if (hold >= 0 && pd_is_set(&r, hold)) {
			rc = pd_err_set(err, PD_EINVAL, "%s %s is under a legal hold (%s): "
				"nothing of it may be deleted until the hold is lifted",
				ki->label, pd_get_text(&r, ki->key), pd_get_text(&r, hold));
			pd_record_clear(&r);
			return rc;
		}
		id = up >= 0 ? pd_get_ref(&r, up) : 0;
		kind = up >= 0 ? (enum pd_kind)ki->fields[up].ref : kind;
		pd_record_clear(&r);
		if (!id)
			return PD_OK;
	}
	return PD_OK;
}

int pd_hold_keep(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		 struct pd_buf *img, struct pd_err *err)
{
	const struct pd_kind_info *ki = pd_kind_info(kind);
	struct pd_record now, back;
	int rc;

	if (pd_field_flagged(ki, PD_F_KEPT) < 0 || !img->n)
		return PD_OK;
	pd_record_init(&back, kind);
	if ((rc = pd_get(txn, kind, id, &now, NULL)) == PD_NOTFOUND)
		return PD_OK;   /* nothing held now: the image goes back as it is */
	if (rc != PD_OK || (rc = pd_decode(img->p, img->n, &back, err)) != PD_OK)
		goto out;
	for (int f = 0; f < ki->nfields && rc == PD_OK; f++)
		if (ki->fields[f].flags & PD_F_KEPT)
			rc = pd_set_text(&back, f, now.v[f].p, now.v[f].n);
	pd_buf_reset(img);
	if (rc == PD_OK && (rc = pd_encode(&back, img)) != PD_OK)
		rc = pd_err_set(err, rc, "%s", pd_strerror(rc));
	else if (rc != PD_OK)
		rc = pd_err_nomem(err);
out:
	pd_record_clear(&now);
	pd_record_clear(&back);
	return rc;
}
