/*
 * delete.c — deleting a record and what it owns (pd_del, records.h),
 * unless a legal hold keeps it (held.c).  Above records.c, whose
 * pd_raw_set removes each record with its derived entries.
 */
#include <stdlib.h>

#include "plandesk/records/records.h"
#include "records_impl.h"
#include "store/indexes.h"

static int del_children(struct pd_txn *txn, enum pd_index ix, uint64_t parent,
			struct pd_err *err)
{
	uint64_t *ids;
	size_t n;
	int rc = pd_index_ids(txn, ix, parent, &ids, &n, err);

	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		rc = pd_del(txn, pd_ixdef(ix)->kind, ids[i], err);
		if (rc == PD_NOTFOUND)   /* a sub-item already gone with its parent */
			rc = PD_OK;
	}
	free(ids);
	return rc;
}

int pd_del(struct pd_txn *txn, enum pd_kind kind, uint64_t id, struct pd_err *err)
{
	static const struct { enum pd_kind kind; enum pd_index ix; } owned[] = {
		{ PD_PLAN, PD_IX_THEMES_BY_PLAN },  { PD_PLAN, PD_IX_ITEMS_BY_PLAN },
		{ PD_PLAN, PD_IX_MEETINGS_BY_PLAN }, { PD_ITEM, PD_IX_ITEMS_BY_PARENT },
		{ PD_ITEM, PD_IX_ACTIONS_BY_ITEM }, { PD_ITEM, PD_IX_UPDATES_BY_ITEM },
	};
	int rc;

	if (!txn->write)
		return pd_err_set(err, PD_EREADONLY, "not in a write transaction");
	if (!pd_exists(txn, kind, id))
		return pd_err_set(err, PD_NOTFOUND, "no %s with id %llu",
				  pd_kind_info(kind)->label, (unsigned long long)id);
	if ((rc = pd_hold_refuse(txn, kind, id, err)) != PD_OK)
		return rc;
	for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++)
		if (owned[i].kind == kind &&
		    (rc = del_children(txn, owned[i].ix, id, err)) != PD_OK)
			return rc;
	if ((rc = pd_raw_set(txn, kind, id, NULL, err)) == PD_OK)
		pd_err_clear(err);   /* children already gone are not an error */
	return rc;
}
