/*
 * import_plan.c — importing plans (keyed by ref) and their items (keyed by
 * plan and ref): themes by name (created when new), parents by ref (later
 * in the file is fine: they are resolved after the last row), the lead
 * linked to a person when it names one, the target kept as text and as a
 * date when it is one, the status parsed on the plan's scale.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "transfer_impl.h"

#define MAX_DEPTH 64   /* parents followed when looking for a cycle */

int pd_imp_plan_row(struct pd_imp *imp)
{
	const struct pd_kind_info *ki = pd_colmap_kind(&imp->map);
	struct pd_cell c[PD_COLS_MAX];
	const char *scale = NULL;
	uint64_t id = 0;
	int rc;

	pd_cells_get(&imp->map, &imp->row, c);
	if (!c[PD_PLAN_REF].n)
		return pd_imp_fail(imp, c[PD_PLAN_REF].field, PD_EINVAL,
				   "ref: a plan needs a ref");
	rc = pd_find_plan(imp->txn, c[PD_PLAN_REF].s, &id);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return pd_imp_fail(imp, c[PD_PLAN_REF].field, rc, "%s", pd_strerror(rc));
	if (!id && !c[PD_PLAN_TITLE].n)
		return pd_imp_fail(imp, c[PD_PLAN_TITLE].field, PD_EINVAL,
				   "title: a new plan needs a title");
	if (c[PD_PLAN_SCALE].n) {
		if (!pd_scale_known(c[PD_PLAN_SCALE].s))
			return pd_imp_fail(imp, c[PD_PLAN_SCALE].field, PD_EINVAL,
					   "scale: no scale called \"%s\" (use 1-4 or rag)",
					   c[PD_PLAN_SCALE].s);
		scale = pd_scale_get(c[PD_PLAN_SCALE].s)->name;
	}
	if ((rc = pd_imp_begin(imp, PD_PLAN, id)) != PD_OK)
		return rc;
	if ((rc = pd_imp_fields(imp, ki, c)) != PD_OK)
		return rc;
	/* The scale by its own name ("1-4" typed as "1–4" is the same one). */
	if (scale && pd_set_text(&imp->cur, PD_PLAN_SCALE, scale, (size_t)-1))
		return pd_err_nomem(imp->err);
	/* The cached plan may be this one, with another scale now. */
	free(imp->plan_ref);
	imp->plan_ref = NULL;
	return pd_imp_store(imp, id != 0, NULL);
}

/* Would `parent` as the parent of `item` make a loop? */
static int check_cycle(struct pd_imp *imp, uint64_t item, uint64_t parent,
		       int field)
{
	struct pd_record r;

	for (int depth = 0; parent && depth < MAX_DEPTH; depth++) {
		if (parent == item)
			return pd_imp_fail(imp, field, PD_EINVAL,
					   "parent: an item cannot be inside itself");
		if (pd_get(imp->txn, PD_ITEM, parent, &r, NULL) != PD_OK)
			return PD_OK;
		parent = pd_get_ref(&r, PD_ITEM_PARENT);
		pd_record_clear(&r);
	}
	return parent ? pd_imp_fail(imp, field, PD_EINVAL,
				    "parent: items nested more than %d deep", MAX_DEPTH)
		      : PD_OK;
}

static int defer_parent(struct pd_imp *imp, uint64_t plan,
			const struct pd_cell *c, bool unchanged)
{
	struct pd_deferred *d;

	if (pd_grow(&imp->defer, &imp->capdefer, imp->ndefer + 1,
		    sizeof *imp->defer, 16))
		return pd_err_nomem(imp->err);
	d = &imp->defer[imp->ndefer];
	if (!(d->parent = strdup(c->s)))
		return pd_err_nomem(imp->err);
	d->item = imp->cur.id;
	d->plan = plan;
	d->line = imp->row.line;
	d->field = c->field;
	d->was_unchanged = unchanged;
	imp->ndefer++;
	return PD_OK;
}

/* The lead text, linked to the person it names (if it names exactly one). */
static int set_lead(struct pd_imp *imp, const struct pd_cell *c)
{
	uint64_t who = 0;
	bool ambiguous;
	int rc;

	if (!c->n)
		return PD_OK;
	if ((rc = pd_imp_text(imp, PD_ITEM_LEAD, c)) != PD_OK)
		return rc;
	rc = pd_imp_person_named(imp, c->s, c->n, &who, &ambiguous);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return rc;
	return pd_set_ref(&imp->cur, PD_ITEM_LEAD_PERSON, rc == PD_OK ? who : 0) ?
		pd_err_nomem(imp->err) : PD_OK;
}

/* The target as typed, and as a date when it is one. */
static int set_target(struct pd_imp *imp, const struct pd_cell *c)
{
	struct pd_date d;
	char iso[PD_DATE_ISO_SIZE] = "";
	int rc;

	if (!c->n)
		return PD_OK;
	if ((rc = pd_imp_text(imp, PD_ITEM_TARGET, c)) != PD_OK)
		return rc;
	if (pd_date_parse(c->s, &d, NULL) == PD_OK)
		pd_date_iso(&d, iso);
	return pd_set_text(&imp->cur, PD_ITEM_TARGET_DATE, iso, (size_t)-1) ?
		pd_err_nomem(imp->err) : PD_OK;
}

int pd_imp_item_row(struct pd_imp *imp)
{
	struct pd_cell c[PD_COLS_MAX];
	const char *status = NULL;
	uint64_t plan, id = 0, theme = 0, parent = 0;
	bool changed, later = false;
	int rc;

	pd_cells_get(&imp->map, &imp->row, c);
	if ((rc = pd_imp_plan(imp, &c[IC_PLAN], &plan)) != PD_OK)
		return rc;
	if (!c[IC_REF].n)
		return pd_imp_fail(imp, c[IC_REF].field, PD_EINVAL,
				   "ref: an item needs a ref");
	rc = pd_find_item(imp->txn, plan, c[IC_REF].s, &id);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return pd_imp_fail(imp, c[IC_REF].field, rc, "%s", pd_strerror(rc));
	if (!id && !c[IC_TITLE].n)
		return pd_imp_fail(imp, c[IC_TITLE].field, PD_EINVAL,
				   "title: a new item needs a title");
	if (c[IC_STATUS].n &&
	    pd_scale_parse(imp->scale, c[IC_STATUS].s, &status, imp->err) != PD_OK)
		return pd_imp_place(imp, c[IC_STATUS].field, PD_EINVAL, "status");
	if (c[IC_THEME].n && (rc = pd_imp_theme(imp, plan, &c[IC_THEME], &theme)))
		return rc;
	if (c[IC_PARENT].n) {
		rc = pd_find_item(imp->txn, plan, c[IC_PARENT].s, &parent);
		if (rc == PD_NOTFOUND)
			later = true;
		else if (rc != PD_OK)
			return pd_imp_fail(imp, c[IC_PARENT].field, rc, "%s", pd_strerror(rc));
		else if (id && (rc = check_cycle(imp, id, parent, c[IC_PARENT].field)))
			return rc;
	}
	if ((rc = pd_imp_begin(imp, PD_ITEM, id)) != PD_OK ||
	    (rc = pd_imp_fields(imp, pd_colmap_kind(&imp->map), c)) != PD_OK)
		return rc;
	/* What the table cannot say: links, the status by its code, the
	 * lead's person and the target's date. */
	if (pd_set_ref(&imp->cur, PD_ITEM_PLAN, plan) ||
	    (theme && pd_set_ref(&imp->cur, PD_ITEM_THEME, theme)) ||
	    (parent && pd_set_ref(&imp->cur, PD_ITEM_PARENT, parent)) ||
	    (status && pd_set_text(&imp->cur, PD_ITEM_STATUS, status, (size_t)-1)) ||
	    pd_set_int(&imp->cur, PD_ITEM_POSITION, (int64_t)imp->st.rows))
		return pd_err_nomem(imp->err);
	if ((rc = set_lead(imp, &c[IC_LEAD])) || (rc = set_target(imp, &c[IC_TARGET])))
		return rc;
	if ((rc = pd_imp_store(imp, id != 0, &changed)) != PD_OK)
		return rc;
	if (later)
		return defer_parent(imp, plan, &c[IC_PARENT], id && !changed);
	return PD_OK;
}

int pd_imp_item_parents(struct pd_imp *imp)
{
	for (size_t i = 0; i < imp->ndefer; i++) {
		const struct pd_deferred *d = &imp->defer[i];
		uint64_t parent;
		int rc;

		imp->row.line = d->line;
		rc = pd_find_item(imp->txn, d->plan, d->parent, &parent);
		if (rc == PD_NOTFOUND)
			return pd_imp_fail(imp, d->field, PD_EINVAL,
					   "parent: the plan has no item \"%s\"", d->parent);
		if (rc != PD_OK)
			return pd_imp_fail(imp, d->field, rc, "%s", pd_strerror(rc));
		if ((rc = check_cycle(imp, d->item, parent, d->field)) ||
		    (rc = pd_imp_begin(imp, PD_ITEM, d->item)))
			return rc;
		if (pd_set_ref(&imp->cur, PD_ITEM_PARENT, parent))
			return pd_err_nomem(imp->err);
		if (pd_record_same_fields(&imp->cur, &imp->old))
			continue;
		if ((rc = pd_put(imp->txn, &imp->cur, imp->err)) != PD_OK)
			return pd_imp_place(imp, d->field, rc, "parent");
		if (d->was_unchanged) {
			imp->st.unchanged--;
			imp->st.updated++;
		}
	}
	return PD_OK;
}
