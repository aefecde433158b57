/*
 * export_ical.c — meetings as VEVENTs and actions as VTODOs (ical.h):
 * the records read into a calendar (calendar.h), which the document
 * module writes as iCalendar with libical (formats.h, write_ics).  What
 * goes into each component is in ical.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plandesk/base/date.h"
#include "plandesk/documents/formats.h"
#include "plandesk/transfer/calendar.h"
#include "plandesk/transfer/ical.h"
#include "plandesk/directory/people_match.h"
#include "plandesk/base/text.h"
#include "plandesk/meetings/track.h"

/* What every component of an export shares. */
struct ix {
	struct pd_txn              *txn;
	const struct pd_ical_opts  *o;
	struct pd_err              *err;
	struct pd_cal               cal;
	struct pd_ical_stats        st;
	struct pd_buf               tmp;
};

/* A stored date as a calendar's day.  A month-only date is the month's
 * last day when `month_end`, else no date (false). */
static bool ics_date(const char *iso, bool month_end, struct pd_date *out)
{
	if (!*iso || pd_date_parse(iso, out, NULL) != PD_OK || (!out->d && !month_end))
		return false;
	if (!out->d)
		for (out->d = 31; out->d > 28 && !pd_date_valid(out); out->d--)
			;
	return true;
}

/* UID, CREATED and LAST-MODIFIED of record `r`, whose UID is made with
 * `what` ("meeting", "next"). */
static void stamp(struct pd_cal_entry *e, const char *what, const struct pd_record *r)
{
	snprintf(e->uid, sizeof e->uid, "plandesk-%s-%lld-%llu", what,
		 (long long)r->created, (unsigned long long)r->id);
	e->created = r->created;
	e->updated = r->updated;
}

/*
 * An ATTENDEE for person `id` when they have an e-mail address; their
 * name (with " (KP)") is appended to `names` ("; " between) either way.
 * Returns PD_OK, PD_ENOMEM (a person who is gone is skipped).
 */
static int attendee(struct ix *x, struct pd_cal_entry *e, uint64_t id,
		    enum pd_cal_partstat ps, struct pd_buf *names)
{
	struct pd_record p;
	int rc = PD_OK;

	pd_record_init(&p, PD_PERSON);
	if (pd_get(x->txn, PD_PERSON, id, &p, NULL) != PD_OK) {
		pd_record_clear(&p);
		return PD_OK;
	}
	if (names && ((names->n && pd_buf_puts(names, ", ") != PD_OK) ||
		      pd_buf_puts(names, pd_get_text(&p, PD_PERSON_NAME)) != PD_OK))
		rc = PD_ENOMEM;
	if (rc == PD_OK && pd_is_set(&p, PD_PERSON_EMAIL))
		rc = pd_cal_attend(e, pd_get_text(&p, PD_PERSON_EMAIL),
				   pd_get_text(&p, PD_PERSON_NAME), ps);
	pd_record_clear(&p);
	return rc == PD_OK ? PD_OK : pd_err_nomem(x->err);
}

/* --- meetings ------------------------------------------------------------- */

struct plan_seen {
	struct pd_record plan;
	struct pd_record last;   /* its latest meeting */
};

struct meetings {
	struct plan_seen *p;
	size_t            np;
	char            (*held)[8 + PD_DATE_ISO_SIZE];  /* plan id + date */
	size_t            nheld;
};

/* The plan of id `id`, read once. */
static int plan_of(struct ix *x, struct meetings *m, uint64_t id, struct plan_seen **out)
{
	struct plan_seen *grown;
	int rc;

	for (size_t i = 0; i < m->np; i++)
		if (m->p[i].plan.id == id) {
			*out = &m->p[i];
			return PD_OK;
		}
	if (!(grown = realloc(m->p, (m->np + 1) * sizeof *grown)))
		return pd_err_nomem(x->err);
	m->p = grown;
	*out = &m->p[m->np];
	pd_record_init(&(*out)->plan, PD_PLAN);
	pd_record_init(&(*out)->last, PD_MEETING);
	if ((rc = pd_get(x->txn, PD_PLAN, id, &(*out)->plan, x->err)) != PD_OK)
		return rc;
	m->np++;
	return PD_OK;
}

static bool was_held(const struct meetings *m, uint64_t plan, const char *date)
{
	char key[8 + PD_DATE_ISO_SIZE] = { 0 };

	pd_put_be64((unsigned char *)key, plan);
	snprintf(key + 8, PD_DATE_ISO_SIZE, "%s", date);
	for (size_t i = 0; i < m->nheld; i++)
		if (!memcmp(m->held[i], key, sizeof key))
			return true;
	return false;
}

/* Present, apologies and the names of those not in the directory. */
static int people(struct ix *x, struct pd_cal_entry *ev, const struct pd_record *mt,
		  bool planned, struct pd_buf *desc)
{
	static const struct { int refs, other; const char *label; enum pd_cal_partstat ps; }
	lists[] = {
		{ PD_MEETING_PRESENT, PD_MEETING_PRESENT_OTHER, "Present",
		  PD_CAL_PS_ACCEPTED },
		{ PD_MEETING_APOLOGIES, PD_MEETING_APOLOGIES_OTHER, "Apologies",
		  PD_CAL_PS_DECLINED },
	};
	struct pd_buf names = PD_BUF_INIT;
	int rc = PD_OK;

	for (size_t l = 0; l < 2 && rc == PD_OK; l++) {
		pd_buf_reset(&names);
		for (size_t i = 0; i < pd_refs_count(mt, lists[l].refs) && rc == PD_OK; i++)
			rc = attendee(x, ev, pd_refs_at(mt, lists[l].refs, i),
				      planned ? PD_CAL_PS_NEEDS_ACTION : lists[l].ps,
				      &names);
		const char *other = pd_get_text(mt, lists[l].other);
		if (rc == PD_OK && *other &&
		    ((names.n && pd_buf_puts(&names, ", ") != PD_OK) ||
		     pd_buf_puts(&names, other) != PD_OK))
			rc = pd_err_nomem(x->err);
		if (rc == PD_OK && names.n && !planned &&
		    pd_buf_printf(desc, "\n%s: %s", lists[l].label, names.p) != PD_OK)
			rc = pd_err_nomem(x->err);
	}
	pd_buf_free(&names);
	return rc;
}

/* One VEVENT: meeting `mt` of plan `pl` on `day`; `planned` for the next
 * meeting (its UID from the plan, tentative, everyone yet to answer). */
static int event(struct ix *x, const struct pd_record *pl, const struct pd_record *mt,
		 struct pd_date day, bool planned)
{
	struct pd_cal_entry *ev;
	struct pd_buf *b = &x->tmp;
	const char *title = pd_get_text(mt, PD_MEETING_TITLE);
	char when[PD_DATE_LONG_SIZE];
	struct pd_date d;
	int rc;

	if (pd_cal_add(&x->cal, &ev) != PD_OK)
		return pd_err_nomem(x->err);
	ev->day = day;
	ev->status = planned ? PD_CAL_TENTATIVE : PD_CAL_CONFIRMED;
	stamp(ev, planned ? "next" : "meeting", planned ? pl : mt);
	pd_buf_reset(b);
	if (planned)
		rc = pd_buf_printf(b, "Next meeting: %s", pd_get_text(pl, PD_PLAN_TITLE));
	else if (*title)
		rc = pd_buf_puts(b, title);
	else
		rc = pd_buf_printf(b, "%s meeting", pd_get_text(pl, PD_PLAN_TITLE));
	if (rc != PD_OK || pd_cal_text(&ev->summary, b->p) != PD_OK ||
	    (pd_is_set(mt, PD_MEETING_LOCATION) &&
	     pd_cal_text(&ev->location, pd_get_text(mt, PD_MEETING_LOCATION)) != PD_OK))
		return pd_err_nomem(x->err);
	pd_buf_reset(b);
	if (pd_buf_printf(b, "Plan %s: %s", pd_get_text(pl, PD_PLAN_REF),
			  pd_get_text(pl, PD_PLAN_TITLE)) != PD_OK)
		return pd_err_nomem(x->err);
	if (planned && pd_date_parse(pd_get_text(mt, PD_MEETING_DATE), &d, NULL) == PD_OK) {
		pd_date_long(&d, when, sizeof when);
		if (pd_buf_printf(b, "\nAgreed at the meeting of %s.", when) != PD_OK)
			return pd_err_nomem(x->err);
	}
	if ((rc = people(x, ev, mt, planned, b)) != PD_OK)
		return rc;
	if (pd_cal_text(&ev->description, b->p) != PD_OK)
		return pd_err_nomem(x->err);
	x->st.written++;
	return PD_OK;
}

/* The next meeting each plan's latest meeting planned, when none is
 * recorded on that date. */
static int next_meetings(struct ix *x, struct meetings *m)
{
	struct pd_date day;
	int rc;

	for (size_t i = 0; i < m->np; i++) {
		const struct pd_record *last = &m->p[i].last;
		const char *next = pd_get_text(last, PD_MEETING_NEXT);
		if (!*next || strcmp(next, pd_get_text(last, PD_MEETING_DATE)) <= 0 ||
		    was_held(m, m->p[i].plan.id, next))
			continue;
		if (!ics_date(next, false, &day)) {
			x->st.undated++;
			continue;
		}
		if ((rc = event(x, &m->p[i].plan, last, day, true)) != PD_OK)
			return rc;
	}
	return PD_OK;
}

static int meeting(struct ix *x, struct meetings *m, const struct pd_record *mt)
{
	struct plan_seen *ps = NULL;
	struct pd_date day;
	void *grown;
	int rc;

	if ((rc = plan_of(x, m, pd_get_ref(mt, PD_MEETING_PLAN), &ps)) != PD_OK)
		return rc;
	if (!(grown = realloc(m->held, (m->nheld + 1) * sizeof *m->held)))
		return pd_err_nomem(x->err);
	m->held = grown;
	memset(m->held[m->nheld], 0, sizeof m->held[0]);
	pd_put_be64((unsigned char *)m->held[m->nheld], ps->plan.id);
	snprintf(m->held[m->nheld] + 8, PD_DATE_ISO_SIZE, "%s",
		 pd_get_text(mt, PD_MEETING_DATE));
	m->nheld++;
	pd_record_clear(&ps->last);
	if (pd_record_copy(&ps->last, mt) != PD_OK)
		return pd_err_nomem(x->err);
	if (!ics_date(pd_get_text(mt, PD_MEETING_DATE), false, &day)) {
		x->st.undated++;
		return PD_OK;
	}
	return event(x, &ps->plan, mt, day, false);
}

static int all_meetings(struct ix *x)
{
	struct meetings m = { 0 };
	struct pd_cursor *cur;
	struct pd_record mt;
	uint64_t id;
	int rc;

	if ((rc = pd_cursor_index(x->txn, PD_IX_MEETINGS_BY_DATE, 0, 0, &cur, x->err)) != PD_OK)
		return rc;
	pd_record_init(&mt, PD_MEETING);
	while ((rc = pd_cursor_next(cur, &id, x->err)) == PD_OK) {
		pd_record_clear(&mt);
		if ((rc = pd_get(x->txn, PD_MEETING, id, &mt, x->err)) != PD_OK ||
		    (rc = meeting(x, &m, &mt)) != PD_OK)
			break;
	}
	pd_cursor_close(cur);
	pd_record_clear(&mt);
	if (rc == PD_NOTFOUND)
		rc = next_meetings(x, &m);
	for (size_t i = 0; i < m.np; i++) {
		pd_record_clear(&m.p[i].plan);
		pd_record_clear(&m.p[i].last);
	}
	free(m.p);
	free(m.held);
	return rc;
}

/* --- actions --------------------------------------------------------------- */

/* Is action `a` the --owner's?  By the people it links (matched as the
 * reports match them), else by the owner as typed, part by part. */
static bool owner_wanted(struct ix *x, const struct pd_record *a)
{
	const char *who = x->o ? x->o->owner : NULL, *s;
	char *want = NULL, *part = NULL;
	bool yes = false;

	if (!who || !*who)
		return true;
	for (size_t i = 0; i < pd_refs_count(a, PD_ACTION_OWNERS) && !yes; i++) {
		struct pd_record p;
		pd_record_init(&p, PD_PERSON);
		if (pd_get(x->txn, PD_PERSON, pd_refs_at(a, PD_ACTION_OWNERS, i), &p, NULL) == PD_OK)
			yes = pd_person_match(&p, who, strlen(who)) != PD_MATCH_NONE;
		pd_record_clear(&p);
	}
	if (yes || pd_text_fold(who, strlen(who), &want, NULL) != PD_OK)
		return yes;
	for (s = pd_get_text(a, PD_ACTION_OWNER); *s && !yes; ) {
		size_t n = strcspn(s, ";"), a0 = 0, a1 = n;
		while (a0 < a1 && s[a0] == ' ')
			a0++;
		while (a1 > a0 && s[a1 - 1] == ' ')
			a1--;
		if (pd_text_fold(s + a0, a1 - a0, &part, NULL) == PD_OK)
			yes = !strcmp(part, want);
		free(part);
		part = NULL;
		s += n + (s[n] == ';');
	}
	free(want);
	return yes;
}

/* "Item 3: title (plan C3P)" and "Raised at the meeting of …" into b. */
static int action_context(struct ix *x, const struct pd_record *a, struct pd_buf *b)
{
	struct pd_record it, pl, mt;
	struct pd_date d;
	char when[PD_DATE_LONG_SIZE];
	int rc = PD_OK;

	pd_record_init(&it, PD_ITEM);
	pd_record_init(&pl, PD_PLAN);
	pd_record_init(&mt, PD_MEETING);
	if (pd_get(x->txn, PD_ITEM, pd_get_ref(a, PD_ACTION_ITEM), &it, NULL) == PD_OK) {
		pd_get(x->txn, PD_PLAN, pd_get_ref(&it, PD_ITEM_PLAN), &pl, NULL);
		rc = pd_buf_printf(b, "\n\nItem %s: %s (plan %s)", pd_get_text(&it, PD_ITEM_REF),
				   pd_get_text(&it, PD_ITEM_TITLE), pd_get_text(&pl, PD_PLAN_REF));
	}
	if (rc == PD_OK && pd_is_set(a, PD_ACTION_OWNER))
		rc = pd_buf_printf(b, "\nOwner: %s", pd_get_text(a, PD_ACTION_OWNER));
	if (rc == PD_OK && pd_get_ref(a, PD_ACTION_RAISED) &&
	    pd_get(x->txn, PD_MEETING, pd_get_ref(a, PD_ACTION_RAISED), &mt, NULL) == PD_OK &&
	    pd_date_parse(pd_get_text(&mt, PD_MEETING_DATE), &d, NULL) == PD_OK) {
		pd_date_long(&d, when, sizeof when);
		rc = pd_buf_printf(b, "\nRaised at the meeting of %s.", when);
	}
	pd_record_clear(&it);
	pd_record_clear(&pl);
	pd_record_clear(&mt);
	return rc == PD_OK ? PD_OK : pd_err_nomem(x->err);
}

static int todo(struct ix *x, const struct pd_record *a)
{
	static const enum pd_cal_status status[] = {
		[PD_AS_OPEN] = PD_CAL_NEEDS_ACTION,
		[PD_AS_DONE] = PD_CAL_COMPLETED,
		[PD_AS_DROPPED] = PD_CAL_CANCELLED,
	};
	static const enum pd_cal_partstat partstat[] = {
		[PD_AS_OPEN] = PD_CAL_PS_NEEDS_ACTION,
		[PD_AS_DONE] = PD_CAL_PS_COMPLETED,
		[PD_AS_DROPPED] = PD_CAL_PS_DECLINED,
	};
	enum pd_action_state state = pd_action_state(a);
	struct pd_cal_entry *td;
	struct pd_buf *b = &x->tmp;
	const char *text = pd_get_text(a, PD_ACTION_TEXT);
	int rc = PD_OK;

	if (!owner_wanted(x, a))
		return PD_OK;
	if (pd_cal_add(&x->cal, &td) != PD_OK)
		return pd_err_nomem(x->err);
	td->todo = true;
	td->status = status[state];
	stamp(td, "action", a);
	pd_buf_reset(b);
	if (pd_buf_puts(b, text) != PD_OK)
		return pd_err_nomem(x->err);
	for (char *c = b->p; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	if (pd_cal_text(&td->summary, b->p) != PD_OK)
		return pd_err_nomem(x->err);
	if (!ics_date(pd_get_text(a, PD_ACTION_DUE), true, &td->due))
		td->due.y = 0;
	if (state == PD_AS_DONE) {
		td->percent = 100;
		if (!ics_date(pd_get_text(a, PD_ACTION_CLOSED), true, &td->completed))
			td->completed.y = 0;
	}
	for (size_t i = 0; i < pd_refs_count(a, PD_ACTION_OWNERS) && rc == PD_OK; i++)
		rc = attendee(x, td, pd_refs_at(a, PD_ACTION_OWNERS, i), partstat[state], NULL);
	pd_buf_reset(b);
	if (rc != PD_OK || pd_buf_puts(b, text) != PD_OK)
		return rc != PD_OK ? rc : pd_err_nomem(x->err);
	if ((rc = action_context(x, a, b)) != PD_OK)
		return rc;
	if (pd_cal_text(&td->description, b->p) != PD_OK)
		return pd_err_nomem(x->err);
	x->st.written++;
	return PD_OK;
}

static int all_actions(struct ix *x)
{
	struct pd_cursor *cur;
	struct pd_record a;
	uint64_t id;
	int rc;

	if ((rc = pd_cursor_kind(x->txn, PD_ACTION, 0, &cur, x->err)) != PD_OK)
		return rc;
	pd_record_init(&a, PD_ACTION);
	while ((rc = pd_cursor_next(cur, &id, x->err)) == PD_OK) {
		pd_record_clear(&a);
		if ((rc = pd_get(x->txn, PD_ACTION, id, &a, x->err)) != PD_OK ||
		    (rc = todo(x, &a)) != PD_OK)
			break;
	}
	pd_cursor_close(cur);
	pd_record_clear(&a);
	return rc == PD_NOTFOUND ? PD_OK : rc;
}

/* --- the calendar ---------------------------------------------------------- */

int pd_export_ical(struct pd_txn *txn, enum pd_kind kind,
		   const struct pd_ical_opts *opts, struct pd_buf *out,
		   struct pd_ical_stats *stats, struct pd_err *err)
{
	struct ix x = { .txn = txn, .o = opts, .err = err };
	const struct pd_formats *fm;
	int rc;

	if (stats)
		memset(stats, 0, sizeof *stats);
	if (kind != PD_MEETING && kind != PD_ACTION)
		return pd_err_set(err, PD_EINVAL, "%s have no iCalendar form (meetings "
				  "and actions have)", pd_kind_info(kind)->plural);
	if (kind == PD_MEETING && opts && opts->owner && *opts->owner)
		return pd_err_set(err, PD_EINVAL, "an owner is for actions, not meetings");
	if ((rc = pd_formats_for(pd_txn_store(txn), PD_FMT_ICS, &fm, err)) != PD_OK)
		return rc;
	x.cal.now = opts && opts->now ? opts->now : (int64_t)time(NULL);
	/* the name calendars show for an imported or subscribed file */
	x.cal.name = kind == PD_MEETING ? "plandesk meetings" : "plandesk actions";
	rc = kind == PD_MEETING ? all_meetings(&x) : all_actions(&x);
	if (rc == PD_OK)
		rc = fm->write_ics(&x.cal, out, err);
	pd_cal_free(&x.cal);
	pd_buf_free(&x.tmp);
	if (stats)
		*stats = x.st;
	return rc;
}
