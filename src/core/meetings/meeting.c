/*
 * meeting.c — starting a meeting, attendance, ending it, and its summary.
 * Recording lines is in meeting_record.c, the agenda in agenda.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/text.h"
#include "plandesk/meetings/track.h"
#include "meeting_impl.h"

int pd_meeting_find(struct pd_txn *txn, uint64_t plan, const char *iso,
		    uint64_t *id, struct pd_err *err)
{
	struct pd_record m;
	uint64_t *ids;
	size_t n;
	int rc = pd_index_ids(txn, PD_IX_MEETINGS_BY_PLAN, plan, &ids, &n, err);

	*id = 0;
	for (size_t i = 0; i < n && rc == PD_OK && !*id; i++) {
		if ((rc = pd_mt_get(txn, PD_MEETING, ids[i], &m, err)) == PD_OK &&
		    strcmp(pd_get_text(&m, PD_MEETING_DATE), iso) == 0)
			*id = ids[i];
		pd_record_clear(&m);
	}
	free(ids);
	if (rc == PD_OK && !*id)
		return PD_NOTFOUND;
	return rc;
}

/* --- starting ----------------------------------------------------------- */

/* A date that does not parse is a bad argument here (message kept). */
static int bad_date(struct pd_err *err)
{
	if (err)
		err->code = PD_EINVAL;
	return PD_EINVAL;
}

struct start_ctx {
	const struct pd_meeting_spec *spec;
	char     iso[PD_DATE_ISO_SIZE];
	uint64_t id;
	bool     resumed;
};

static int set_if_unset(struct pd_record *r, int f, const char *s, bool *changed)
{
	if (!s || !*s || pd_is_set(r, f))
		return PD_OK;
	*changed = true;
	return pd_set_text(r, f, s, (size_t)-1);
}

static int start_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct start_ctx *c = ctx;
	struct pd_record m;
	bool changed = false;
	int rc;

	c->id = 0;
	c->resumed = false;
	if (!pd_exists(txn, PD_PLAN, c->spec->plan))
		return pd_err_set(err, PD_EINVAL, "no plan with id %llu",
				  (unsigned long long)c->spec->plan);
	rc = pd_meeting_find(txn, c->spec->plan, c->iso, &c->id, err);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return rc;
	pd_record_init(&m, PD_MEETING);
	if (rc == PD_OK) {
		c->resumed = true;
		if ((rc = pd_mt_get(txn, PD_MEETING, c->id, &m, err)) != PD_OK)
			goto out;
	} else {
		changed = true;
		if (pd_set_ref(&m, PD_MEETING_PLAN, c->spec->plan) ||
		    pd_set_text(&m, PD_MEETING_DATE, c->iso, (size_t)-1)) {
			rc = pd_err_nomem(err);
			goto out;
		}
	}
	if (set_if_unset(&m, PD_MEETING_TITLE, c->spec->title, &changed) ||
	    set_if_unset(&m, PD_MEETING_LOCATION, c->spec->location, &changed)) {
		rc = pd_err_nomem(err);
		goto out;
	}
	rc = changed ? pd_put(txn, &m, err) : PD_OK;
	c->id = m.id;
out:
	pd_record_clear(&m);
	return rc;
}

int pd_meeting_start(struct pd_store *st, const struct pd_meeting_spec *spec,
		     uint64_t *id, bool *resumed, struct pd_err *err)
{
	struct start_ctx c = { .spec = spec };
	struct pd_date d;
	int rc;

	*id = 0;
	if (!spec->date || !*spec->date) {
		if (pd_date_today(&d) != PD_OK)
			return pd_err_set(err, PD_EINVAL, "cannot tell today's date");
	} else if (pd_date_parse(spec->date, &d, err) != PD_OK) {
		return bad_date(err);
	}
	if (d.d == 0)
		return pd_err_set(err, PD_EINVAL,
				  "a meeting needs a day, not only a month: %s",
				  spec->date);
	pd_date_iso(&d, c.iso);
	rc = pd_store_write(st, "start meeting", 0, start_body, &c, err);
	if (rc == PD_OK) {
		*id = c.id;
		if (resumed)
			*resumed = c.resumed;
	}
	return rc;
}

/* --- attendance --------------------------------------------------------- */

enum pd_attend pd_meeting_attendance(const struct pd_record *m, uint64_t person)
{
	for (size_t i = 0; i < pd_refs_count(m, PD_MEETING_PRESENT); i++)
		if (pd_refs_at(m, PD_MEETING_PRESENT, i) == person)
			return PD_ATTEND_PRESENT;
	for (size_t i = 0; i < pd_refs_count(m, PD_MEETING_APOLOGIES); i++)
		if (pd_refs_at(m, PD_MEETING_APOLOGIES, i) == person)
			return PD_ATTEND_APOLOGIES;
	return PD_ATTEND_NONE;
}

bool pd_names_next(const char *list, size_t *pos, const char **s, size_t *n)
{
	size_t i = *pos, end;

	while (list && list[i]) {
		while (list[i] == ' ' || list[i] == ';' || list[i] == '\t')
			i++;
		end = i;
		while (list[end] && list[end] != ';')
			end++;
		*pos = end;
		while (end > i && (list[end - 1] == ' ' || list[end - 1] == '\t'))
			end--;
		if (end > i) {
			*s = list + i;
			*n = end - i;
			return true;
		}
		i = *pos;
	}
	*pos = i;
	return false;
}

struct attend_ctx {
	uint64_t       meeting, person;
	const char    *name;
	enum pd_attend how;
};

static int attend_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct attend_ctx *a = ctx;
	struct pd_record m;
	int rc;

	if ((rc = pd_mt_get(txn, PD_MEETING, a->meeting, &m, err)) != PD_OK)
		goto out;
	if (!pd_exists(txn, PD_PERSON, a->person)) {
		rc = pd_err_set(err, PD_EINVAL, "no person with id %llu",
				(unsigned long long)a->person);
		goto out;
	}
	pd_refs_remove(&m, PD_MEETING_PRESENT, a->person);
	pd_refs_remove(&m, PD_MEETING_APOLOGIES, a->person);
	if ((a->how == PD_ATTEND_PRESENT &&
	     pd_refs_add(&m, PD_MEETING_PRESENT, a->person)) ||
	    (a->how == PD_ATTEND_APOLOGIES &&
	     pd_refs_add(&m, PD_MEETING_APOLOGIES, a->person))) {
		rc = pd_err_nomem(err);
		goto out;
	}
	rc = pd_put(txn, &m, err);
out:
	pd_record_clear(&m);
	return rc;
}

int pd_meeting_attend(struct pd_store *st, uint64_t meeting, uint64_t person,
		      enum pd_attend how, struct pd_err *err)
{
	struct attend_ctx a = { meeting, person, NULL, how };

	return pd_store_write(st, how == PD_ATTEND_PRESENT ? "mark present" :
			      how == PD_ATTEND_APOLOGIES ? "mark apologies" :
			      "unmark attendance", 0, attend_body, &a, err);
}

/* Folded equality of two names. */
static bool same_name(const char *a, size_t an, const char *b, size_t bn)
{
	char *fa = NULL, *fb = NULL;
	size_t na, nb;
	bool same = false;

	if (pd_text_fold(a, an, &fa, &na) == PD_OK &&
	    pd_text_fold(b, bn, &fb, &nb) == PD_OK)
		same = na == nb && memcmp(fa, fb, na) == 0;
	free(fa);
	free(fb);
	return same;
}

/* Rewrite list field `f` without `name`, then with it when `add`. */
static int edit_names(struct pd_record *m, int f, const char *name, bool add)
{
	struct pd_buf b = PD_BUF_INIT;
	const char *list = pd_get_text(m, f), *s;
	size_t pos = 0, n;
	int rc = PD_OK;

	while (rc == PD_OK && pd_names_next(list, &pos, &s, &n)) {
		if (same_name(s, n, name, strlen(name)))
			continue;
		if (b.n)
			rc = pd_buf_puts(&b, "; ");
		if (rc == PD_OK)
			rc = pd_buf_add(&b, s, n);
	}
	if (rc == PD_OK && add) {
		if (b.n)
			rc = pd_buf_puts(&b, "; ");
		if (rc == PD_OK)
			rc = pd_buf_puts(&b, name);
	}
	if (rc == PD_OK)
		rc = pd_set_text(m, f, b.p, b.n);
	pd_buf_free(&b);
	return rc;
}

static int attend_other_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct attend_ctx *a = ctx;
	struct pd_record m;
	int rc;

	if ((rc = pd_mt_get(txn, PD_MEETING, a->meeting, &m, err)) != PD_OK)
		goto out;
	if (edit_names(&m, PD_MEETING_PRESENT_OTHER, a->name,
		       a->how == PD_ATTEND_PRESENT) ||
	    edit_names(&m, PD_MEETING_APOLOGIES_OTHER, a->name,
		       a->how == PD_ATTEND_APOLOGIES)) {
		rc = pd_err_nomem(err);
		goto out;
	}
	rc = pd_put(txn, &m, err);
out:
	pd_record_clear(&m);
	return rc;
}

int pd_meeting_attend_other(struct pd_store *st, uint64_t meeting,
			    const char *name, enum pd_attend how,
			    struct pd_err *err)
{
	struct attend_ctx a = { meeting, 0, NULL, how };
	char *trimmed;
	size_t pos = 0, n;
	const char *s;
	int rc;

	if (!name || strchr(name, ';'))
		return pd_err_set(err, PD_EINVAL, "a name cannot contain ';'");
	if (!pd_names_next(name, &pos, &s, &n))
		return pd_err_set(err, PD_EINVAL, "no name given");
	if (!(trimmed = strndup(s, n)))
		return pd_err_nomem(err);
	a.name = trimmed;
	rc = pd_store_write(st, "attendance", 0, attend_other_body, &a, err);
	free(trimmed);
	return rc;
}

/* --- summary and end ---------------------------------------------------- */

static void count_names(const char *list, size_t *count)
{
	size_t pos = 0, n;
	const char *s;

	while (pd_names_next(list, &pos, &s, &n))
		(*count)++;
}

void pd_meeting_counts(const struct pd_record *m, size_t *present,
		       size_t *apologies)
{
	size_t p = pd_refs_count(m, PD_MEETING_PRESENT);
	size_t a = pd_refs_count(m, PD_MEETING_APOLOGIES);

	count_names(pd_get_text(m, PD_MEETING_PRESENT_OTHER), &p);
	count_names(pd_get_text(m, PD_MEETING_APOLOGIES_OTHER), &a);
	if (present)
		*present = p;
	if (apologies)
		*apologies = a;
}

int pd_meeting_summarise(struct pd_txn *txn, uint64_t meeting,
			 struct pd_meeting_summary *out, struct pd_err *err)
{
	struct pd_agenda a;
	struct pd_record m;
	const struct pd_scale *sc;
	uint64_t *ids = NULL;
	size_t n = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = pd_mt_get(txn, PD_MEETING, meeting, &m, err)) != PD_OK) {
		pd_record_clear(&m);
		return rc;
	}
	sc = pd_plan_scale(txn, pd_get_ref(&m, PD_MEETING_PLAN));
	pd_meeting_counts(&m, &out->present, &out->apologies);
	rc = pd_agenda_items(txn, pd_get_ref(&m, PD_MEETING_PLAN), &ids, &n, err);
	pd_record_clear(&m);
	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		size_t before = out->notes + out->actions + out->done;
		bool status;
		if ((rc = pd_agenda_load(txn, meeting, ids[i], &a, err)) == PD_OK) {
			for (size_t k = 0; k < a.notes.n; k++)
				out->notes += !pd_update_is_status_only(&a.notes.r[k], sc);
			out->actions += a.actions.n;
			for (size_t k = 0; k < a.actions.n; k++) {
				struct pd_date own;
				if (pd_action_own_due(&a.actions.r[k], &a.meeting, &own))
					out->dated++;
				else
					out->at_next++;
			}
			for (size_t k = 0; k < a.todo.n; k++)
				out->done += pd_action_state(&a.todo.r[k]) != PD_AS_OPEN &&
					strcmp(pd_get_text(&a.todo.r[k], PD_ACTION_CLOSED),
					       pd_get_text(&a.meeting, PD_MEETING_DATE)) == 0;
			status = a.status[0] != '\0';
			out->statuses += status;
			out->items += status ||
				out->notes + out->actions + out->done > before;
		}
		pd_agenda_free(&a);
	}
	free(ids);
	return rc;
}

struct end_ctx {
	uint64_t    meeting;
	const char *next;   /* ISO, or "" */
};

/*
 * Give the meeting's open actions on `item` that name no date of their own
 * the next date (also when they had the old next date, which is moving).
 */
static int set_dues(struct pd_txn *txn, uint64_t item, const struct pd_record *m,
		    const char *old_next, const char *next, struct pd_err *err)
{
	struct pd_record a;
	struct pd_date own;
	uint64_t *ids;
	size_t n;
	int rc = pd_index_ids(txn, PD_IX_ACTIONS_BY_ITEM, item, &ids, &n, err);

	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		const char *due;
		if ((rc = pd_mt_get(txn, PD_ACTION, ids[i], &a, err)) != PD_OK)
			break;
		due = pd_get_text(&a, PD_ACTION_DUE);
		if (pd_get_ref(&a, PD_ACTION_RAISED) == m->id &&
		    pd_action_state(&a) == PD_AS_OPEN && !pd_action_own_due(&a, m, &own) &&
		    (!*due || strcmp(due, old_next) == 0) && strcmp(due, next) != 0) {
			if (pd_set_text(&a, PD_ACTION_DUE, next, (size_t)-1))
				rc = pd_err_nomem(err);
			else
				rc = pd_put(txn, &a, err);
		}
		pd_record_clear(&a);
	}
	free(ids);
	return rc;
}

static int end_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct end_ctx *e = ctx;
	struct pd_record m;
	char old_next[PD_DATE_ISO_SIZE];
	uint64_t *items = NULL;
	size_t n = 0;
	int rc;

	if ((rc = pd_mt_get(txn, PD_MEETING, e->meeting, &m, err)) != PD_OK)
		goto out;
	if (*e->next && strcmp(e->next, pd_get_text(&m, PD_MEETING_DATE)) < 0) {
		rc = pd_err_set(err, PD_EINVAL, "the next meeting (%s) is before this one (%s)",
				e->next, pd_get_text(&m, PD_MEETING_DATE));
		goto out;
	}
	snprintf(old_next, sizeof old_next, "%s", pd_get_text(&m, PD_MEETING_NEXT));
	if (pd_set_text(&m, PD_MEETING_NEXT, e->next, (size_t)-1)) {
		rc = pd_err_nomem(err);
		goto out;
	}
	if ((rc = pd_put(txn, &m, err)) != PD_OK ||
	    (rc = pd_agenda_items(txn, pd_get_ref(&m, PD_MEETING_PLAN), &items, &n,
				  err)) != PD_OK)
		goto out;
	for (size_t i = 0; i < n && rc == PD_OK && *e->next; i++)
		rc = set_dues(txn, items[i], &m, old_next, e->next, err);
	if (rc == PD_OK)   /* ended: no longer open */
		rc = pd_draft_clear_txn(txn, e->meeting, err);
out:
	free(items);
	pd_record_clear(&m);
	return rc;
}

int pd_meeting_end(struct pd_store *st, uint64_t meeting, const char *next,
		   struct pd_meeting_summary *sum, struct pd_err *err)
{
	struct end_ctx e = { meeting, "" };
	char iso[PD_DATE_ISO_SIZE] = "";
	struct pd_txn *txn;
	struct pd_date d;
	int rc;

	if (next && *next) {
		if (pd_date_parse(next, &d, err) != PD_OK)
			return bad_date(err);
		pd_date_iso(&d, iso);
		e.next = iso;
	}
	if ((rc = pd_store_write(st, "end meeting", 0, end_body, &e, err)) != PD_OK)
		return rc;
	if (!sum)
		return PD_OK;
	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	rc = pd_meeting_summarise(txn, meeting, sum, err);
	pd_txn_end(txn);
	return rc;
}
