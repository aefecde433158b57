/*
 * import_row.c — what every row handler (import_dir.c, import_plan.c,
 * import_minutes.c, and the look-ups of import_refs.c) uses: the place of
 * a cell in messages and warnings, the record a row makes (begun from the
 * stored one, stored only when it changed), a cell put into a field, and
 * the plan and item a row names.  Below import.c, which drives the rows.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/date.h"
#include "transfer_impl.h"

#define MAX_SHOWN 50   /* warnings shown; the rest are counted */

/* Where field `field` (1-based) of the current record is: FILE:LINE:FIELD
 * in a CSV file, FILE:LINE of the property it came from in a vCard. */
static void where(const struct pd_imp *imp, int field, char *out, size_t n)
{
	if (imp->by_line) {
		unsigned long line = imp->row.line;
		if (field >= 1 && field <= PD_COLS_MAX && imp->field_line[field - 1])
			line = imp->field_line[field - 1];
		snprintf(out, n, "%s:%lu", imp->name, line);
	} else {
		snprintf(out, n, "%s:%lu:%d", imp->name, imp->row.line, field);
	}
}

int pd_imp_fail(struct pd_imp *imp, int field, int code, const char *fmt, ...)
{
	char msg[PD_ERR_MSG], at[PD_ERR_MSG];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	where(imp, field, at, sizeof at);
	return pd_err_set(imp->err, code, "%s: %s", at, msg);
}

int pd_imp_place(struct pd_imp *imp, int field, int code, const char *what)
{
	char at[PD_ERR_MSG];

	if (code == PD_EIO)   /* the disk, not the row: "cannot save to …" */
		return imp->err->code = code;
	where(imp, field, at, sizeof at);
	pd_err_prefix(imp->err, "%s: %s%s", at, what ? what : "", what ? ": " : "");
	imp->err->code = code;
	return code;
}

static void add_warning(struct pd_imp *imp, const char *msg)
{
	imp->st.warnings++;
	if (imp->nshown >= MAX_SHOWN)
		return;
	if (pd_buf_add(&imp->warnings, msg, strlen(msg) + 1) == PD_OK)
		imp->nshown++;
}

void pd_imp_warn_line(struct pd_imp *imp, const char *line)
{
	add_warning(imp, line);
}

void pd_imp_warn(struct pd_imp *imp, int field, const char *fmt, ...)
{
	char msg[PD_ERR_MSG], at[PD_ERR_MSG], line[2 * PD_ERR_MSG + 16];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (field > 0) {
		where(imp, field, at, sizeof at);
		snprintf(line, sizeof line, "%s: warning: %s", at, msg);
	} else
		snprintf(line, sizeof line, "%s: warning: %s", imp->name, msg);
	add_warning(imp, line);
}

int pd_imp_begin(struct pd_imp *imp, enum pd_kind kind, uint64_t id)
{
	int rc;

	pd_record_clear(&imp->cur);
	pd_record_clear(&imp->old);
	pd_record_init(&imp->cur, kind);
	pd_record_init(&imp->old, kind);
	if (!id)
		return PD_OK;
	if ((rc = pd_get(imp->txn, kind, id, &imp->old, imp->err)) != PD_OK)
		return pd_imp_place(imp, 1, rc, NULL);
	if (pd_record_copy(&imp->cur, &imp->old) != PD_OK)
		return pd_err_nomem(imp->err);
	return PD_OK;
}

int pd_imp_store(struct pd_imp *imp, bool existing, bool *changed)
{
	int rc;

	if (changed)
		*changed = false;
	if (existing && pd_record_same_fields(&imp->cur, &imp->old)) {
		imp->st.unchanged++;
		return PD_OK;
	}
	if ((rc = pd_put(imp->txn, &imp->cur, imp->err)) != PD_OK)
		return pd_imp_place(imp, 1, rc, NULL);
	if (existing)
		imp->st.updated++;
	else
		imp->st.added++;
	if (changed)
		*changed = true;
	return PD_OK;
}

int pd_imp_fields(struct pd_imp *imp, const struct pd_kind_info *ki,
		  const struct pd_cell *c)
{
	int bad, rc = pd_cells_to_record(ki, c, &imp->cur, &bad, imp->err);

	if (rc == PD_EINVAL && bad >= 0)
		return pd_imp_place(imp, c[bad].field, rc, ki->fields[bad].col);
	return rc;
}

int pd_imp_text(struct pd_imp *imp, int f, const struct pd_cell *c)
{
	if (c->n && pd_set_text(&imp->cur, f, c->s, c->n) != PD_OK)
		return pd_err_nomem(imp->err);
	return PD_OK;
}

int pd_imp_date(struct pd_imp *imp, int f, const struct pd_cell *c,
		const char *colname)
{
	struct pd_date d;
	char iso[PD_DATE_ISO_SIZE];

	if (!c->n)
		return PD_OK;
	if (pd_date_parse(c->s, &d, imp->err) != PD_OK)
		return pd_imp_place(imp, c->field, PD_EINVAL, colname);
	pd_date_iso(&d, iso);
	if (pd_set_text(&imp->cur, f, iso, (size_t)-1) != PD_OK)
		return pd_err_nomem(imp->err);
	return PD_OK;
}

int pd_imp_plan(struct pd_imp *imp, const struct pd_cell *c, uint64_t *id)
{
	struct pd_record plan;
	int rc;

	if (!c->n)
		return pd_imp_fail(imp, c->field, PD_EINVAL, "plan: a ref is required");
	if (imp->plan_ref && !strcmp(imp->plan_ref, c->s)) {
		*id = imp->plan_id;
		return PD_OK;
	}
	rc = pd_find_plan(imp->txn, c->s, id);
	if (rc == PD_NOTFOUND)
		return pd_imp_fail(imp, c->field, PD_EINVAL,
				   "plan: no plan with ref \"%s\" (import the plans first)", c->s);
	if (rc != PD_OK)
		return pd_imp_fail(imp, c->field, rc, "plan: %s", pd_strerror(rc));
	if ((rc = pd_get(imp->txn, PD_PLAN, *id, &plan, imp->err)) != PD_OK)
		return pd_imp_place(imp, c->field, rc, "plan");
	imp->scale = pd_scale_get(pd_get_text(&plan, PD_PLAN_SCALE));
	pd_record_clear(&plan);
	free(imp->plan_ref);
	if (!(imp->plan_ref = strdup(c->s)))
		return pd_err_nomem(imp->err);
	imp->plan_id = *id;
	return PD_OK;
}

int pd_imp_item(struct pd_imp *imp, uint64_t plan, const struct pd_cell *c,
		uint64_t *id)
{
	int rc;

	if (!c->n)
		return pd_imp_fail(imp, c->field, PD_EINVAL, "item: a ref is required");
	rc = pd_find_item(imp->txn, plan, c->s, id);
	if (rc == PD_NOTFOUND)
		return pd_imp_fail(imp, c->field, PD_EINVAL,
				   "item: plan %s has no item \"%s\"",
				   imp->plan_ref ? imp->plan_ref : "?", c->s);
	if (rc != PD_OK)
		return pd_imp_fail(imp, c->field, rc, "item: %s", pd_strerror(rc));
	return PD_OK;
}
