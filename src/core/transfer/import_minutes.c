/*
 * import_minutes.c — importing what meetings produce: actions (keyed by
 * item and text), progress updates (item, date and text) and meetings
 * (plan and date).  Owners, attendance and apologies name people by
 * initials or name; whoever matches no one is kept as typed.
 */
#include <string.h>
#include <strings.h>

#include "plandesk/base/date.h"
#include "transfer_impl.h"

/* A required date cell as ISO text in `iso`. */
static int need_date(struct pd_imp *imp, const struct pd_cell *c,
		     const char *what, char iso[static PD_DATE_ISO_SIZE])
{
	struct pd_date d;

	if (!c->n)
		return pd_imp_fail(imp, c->field, PD_EINVAL, "%s: a date is required", what);
	if (pd_date_parse(c->s, &d, imp->err) != PD_OK)
		return pd_imp_place(imp, c->field, PD_EINVAL, what);
	pd_date_iso(&d, iso);
	return PD_OK;
}

/* "open", "done" or "dropped", in any case. */
static int action_state(struct pd_imp *imp, const struct pd_cell *c,
			const char **state)
{
	static const char *const states[] = { "open", "done", "dropped" };

	*state = NULL;
	if (!c->n)
		return PD_OK;
	for (size_t i = 0; i < 3; i++)
		if (!strcasecmp(c->s, states[i]))
			*state = states[i];
	if (!*state)
		return pd_imp_fail(imp, c->field, PD_EINVAL,
				   "state: \"%s\" is not a state (use open, done or dropped)",
				   c->s);
	return PD_OK;
}

/* The meeting an action was raised at, by its date. */
static int action_raised(struct pd_imp *imp, uint64_t plan,
			 const struct pd_cell *c)
{
	char iso[PD_DATE_ISO_SIZE];
	uint64_t meeting;
	int rc;

	if (!c->n)
		return PD_OK;
	if ((rc = need_date(imp, c, "raised", iso)) != PD_OK)
		return rc;
	rc = pd_imp_meeting_on(imp, plan, iso, &meeting);
	if (rc == PD_NOTFOUND) {
		pd_imp_warn(imp, c->field, "raised: plan %s has no meeting on %s; left unset",
			    imp->plan_ref ? imp->plan_ref : "?", iso);
		return PD_OK;
	}
	if (rc != PD_OK)
		return rc;
	return pd_set_ref(&imp->cur, PD_ACTION_RAISED, meeting) ? pd_err_nomem(imp->err) : PD_OK;
}

int pd_imp_action_row(struct pd_imp *imp)
{
	struct pd_cell c[AC_N];
	const char *state;
	uint64_t plan, item, id = 0;
	int rc;

	pd_cells_get(&imp->map, &imp->row, c);
	if ((rc = pd_imp_plan(imp, &c[AC_PLAN], &plan)) ||
	    (rc = pd_imp_item(imp, plan, &c[AC_ITEM], &item)))
		return rc;
	if (!c[AC_TEXT].n)
		return pd_imp_fail(imp, c[AC_TEXT].field, PD_EINVAL,
				   "text: an action needs its text");
	if ((rc = action_state(imp, &c[AC_STATE], &state)) != PD_OK)
		return rc;
	rc = pd_imp_child_with(imp, PD_IX_ACTIONS_BY_ITEM, item, PD_ACTION_TEXT,
			       c[AC_TEXT].s, -1, NULL, &id);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return rc;
	if ((rc = pd_imp_begin(imp, PD_ACTION, id)) != PD_OK ||
	    (rc = pd_imp_fields(imp, pd_colmap_kind(&imp->map), c)) != PD_OK)
		return rc;
	if (!id && !state)
		state = "open";
	if (pd_set_ref(&imp->cur, PD_ACTION_ITEM, item) ||
	    (state && pd_set_text(&imp->cur, PD_ACTION_STATE, state, (size_t)-1)) ||
	    pd_set_int(&imp->cur, PD_ACTION_POSITION, (int64_t)imp->st.rows))
		return pd_err_nomem(imp->err);
	if ((rc = action_raised(imp, plan, &c[AC_RAISED])))
		return rc;
	if (c[AC_OWNER].n) {
		/* The text as typed (the table's); the people it names, as links. */
		if (pd_set_text(&imp->cur, PD_ACTION_OWNERS, NULL, 0))
			return pd_err_nomem(imp->err);
		if ((rc = pd_imp_people_list(imp, &c[AC_OWNER], PD_ACTION_OWNERS, NULL)))
			return rc;
	}
	return pd_imp_store(imp, id != 0, NULL);
}

int pd_imp_update_row(struct pd_imp *imp)
{
	struct pd_cell c[UC_N];
	char iso[PD_DATE_ISO_SIZE];
	const char *status = NULL;
	uint64_t plan, item, meeting, id = 0;
	int rc;

	pd_cells_get(&imp->map, &imp->row, c);
	if ((rc = pd_imp_plan(imp, &c[UC_PLAN], &plan)) ||
	    (rc = pd_imp_item(imp, plan, &c[UC_ITEM], &item)) ||
	    (rc = need_date(imp, &c[UC_DATE], "date", iso)))
		return rc;
	if (!c[UC_TEXT].n)
		return pd_imp_fail(imp, c[UC_TEXT].field, PD_EINVAL,
				   "text: an update needs its text");
	if (c[UC_STATUS].n &&
	    pd_scale_parse(imp->scale, c[UC_STATUS].s, &status, imp->err) != PD_OK)
		return pd_imp_place(imp, c[UC_STATUS].field, PD_EINVAL, "status");
	rc = pd_imp_child_with(imp, PD_IX_UPDATES_BY_ITEM, item, PD_UPDATE_DATE, iso,
			       PD_UPDATE_TEXT, c[UC_TEXT].s, &id);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return rc;
	if ((rc = pd_imp_begin(imp, PD_UPDATE, id)) != PD_OK ||
	    (rc = pd_imp_fields(imp, pd_colmap_kind(&imp->map), c)) != PD_OK)
		return rc;
	if (pd_set_ref(&imp->cur, PD_UPDATE_ITEM, item) ||
	    (status && pd_set_text(&imp->cur, PD_UPDATE_STATUS, status, (size_t)-1)))
		return pd_err_nomem(imp->err);
	/* Given at a meeting of the plan on that day? */
	rc = pd_imp_meeting_on(imp, plan, iso, &meeting);
	if (rc == PD_OK && pd_set_ref(&imp->cur, PD_UPDATE_MEETING, meeting))
		return pd_err_nomem(imp->err);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return rc;
	return pd_imp_store(imp, id != 0, NULL);
}

/* Present or apologies: the people named, and the others as typed. */
static int attendance(struct pd_imp *imp, const struct pd_cell *c, int refs,
		      int other)
{
	struct pd_buf *names = &imp->tmp;
	int rc;

	if (!c->n)
		return PD_OK;
	if (pd_set_text(&imp->cur, refs, NULL, 0))
		return pd_err_nomem(imp->err);
	if ((rc = pd_imp_people_list(imp, c, refs, names)) != PD_OK)
		return rc;
	return pd_set_text(&imp->cur, other, names->n ? names->p : NULL, names->n) ?
		pd_err_nomem(imp->err) : PD_OK;
}

int pd_imp_meeting_row(struct pd_imp *imp)
{
	struct pd_cell c[PD_COLS_MAX];
	char iso[PD_DATE_ISO_SIZE];
	uint64_t plan, id = 0;
	int rc;

	pd_cells_get(&imp->map, &imp->row, c);
	if ((rc = pd_imp_plan(imp, &c[MC_PLAN], &plan)) ||
	    (rc = need_date(imp, &c[MC_DATE], "date", iso)))
		return rc;
	rc = pd_imp_meeting_on(imp, plan, iso, &id);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return rc;
	if ((rc = pd_imp_begin(imp, PD_MEETING, id)) != PD_OK ||
	    (rc = pd_imp_fields(imp, pd_colmap_kind(&imp->map), c)) != PD_OK)
		return rc;
	if (pd_set_ref(&imp->cur, PD_MEETING_PLAN, plan))
		return pd_err_nomem(imp->err);
	if ((rc = attendance(imp, &c[MC_PRESENT], PD_MEETING_PRESENT,
			     PD_MEETING_PRESENT_OTHER)) ||
	    (rc = attendance(imp, &c[MC_APOLOGIES], PD_MEETING_APOLOGIES,
			     PD_MEETING_APOLOGIES_OTHER)))
		return rc;
	return pd_imp_store(imp, id != 0, NULL);
}
