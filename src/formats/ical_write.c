/*
 * ical_write.c — a calendar (calendar.h) as one VCALENDAR, with libical,
 * which escapes the text, folds lines at 75 octets and ends them with
 * CRLF.  The export (transfer/export_ical.c) decides what each entry
 * says; this file only spells it, in the order the properties have
 * always been written: UID, DTSTAMP, CREATED, LAST-MODIFIED, then the
 * component's own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "plandesk/transfer/calendar.h"
#include "writers.h"

static const icalproperty_status statuses[] = {
	[PD_CAL_CONFIRMED] = ICAL_STATUS_CONFIRMED,
	[PD_CAL_TENTATIVE] = ICAL_STATUS_TENTATIVE,
	[PD_CAL_NEEDS_ACTION] = ICAL_STATUS_NEEDSACTION,
	[PD_CAL_COMPLETED] = ICAL_STATUS_COMPLETED,
	[PD_CAL_CANCELLED] = ICAL_STATUS_CANCELLED,
};

static const icalparameter_partstat partstats[] = {
	[PD_CAL_PS_NEEDS_ACTION] = ICAL_PARTSTAT_NEEDSACTION,
	[PD_CAL_PS_ACCEPTED] = ICAL_PARTSTAT_ACCEPTED,
	[PD_CAL_PS_DECLINED] = ICAL_PARTSTAT_DECLINED,
	[PD_CAL_PS_COMPLETED] = ICAL_PARTSTAT_COMPLETED,
};

/* Add `p` to `c`; false (and nothing added) when libical made none. */
static bool add(icalcomponent *c, icalproperty *p)
{
	if (!p)
		return false;
	icalcomponent_add_property(c, p);
	return true;
}

static struct icaltimetype utc(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0,
					     icaltimezone_get_utc_timezone());
}

static struct icaltimetype day_of(const struct pd_date *d)
{
	struct icaltimetype t = icaltime_null_date();

	t.year = d->y;
	t.month = d->m;
	t.day = d->d;
	t.is_date = 1;
	return t;
}

static bool attendees(icalcomponent *c, const struct pd_cal_entry *e)
{
	for (size_t i = 0; i < e->natt; i++) {
		const struct pd_cal_attendee *at = &e->att[i];
		size_t n = strlen(at->email) + sizeof "mailto:";
		char *to = malloc(n);
		icalproperty *a;

		if (!to)
			return false;
		snprintf(to, n, "mailto:%s", at->email);
		a = icalproperty_new_attendee(to);
		free(to);
		if (!a)
			return false;
		icalproperty_add_parameter(a, icalparameter_new_cn(at->name));
		icalproperty_add_parameter(a, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(a, icalparameter_new_partstat(partstats[at->partstat]));
		icalcomponent_add_property(c, a);
	}
	return true;
}

static bool event(icalcomponent *ev, const struct pd_cal_entry *e)
{
	struct icaltimetype day = day_of(&e->day), end = day;

	icaltime_adjust(&end, 1, 0, 0, 0);
	return add(ev, icalproperty_new_dtstart(day)) &&
	       add(ev, icalproperty_new_dtend(end)) &&
	       add(ev, icalproperty_new_summary(e->summary)) &&
	       add(ev, icalproperty_new_status(statuses[e->status])) &&
	       add(ev, icalproperty_new_transp(ICAL_TRANSP_OPAQUE)) &&
	       (!e->location || add(ev, icalproperty_new_location(e->location)));
}

static bool todo(icalcomponent *td, const struct pd_cal_entry *e)
{
	struct icaltimetype done;

	if (!add(td, icalproperty_new_summary(e->summary)) ||
	    !add(td, icalproperty_new_status(statuses[e->status])) ||
	    (e->due.y && !add(td, icalproperty_new_due(day_of(&e->due)))) ||
	    (e->percent >= 0 && !add(td, icalproperty_new_percentcomplete(e->percent))))
		return false;
	if (e->completed.y) {
		/* COMPLETED is a UTC date-time: noon of that day */
		done = day_of(&e->completed);
		done.is_date = 0;
		done.hour = 12;
		done.minute = done.second = 0;
		done.zone = icaltimezone_get_utc_timezone();
		if (!add(td, icalproperty_new_completed(done)))
			return false;
	}
	return true;
}

static bool entry(icalcomponent *cal, const struct pd_cal_entry *e,
		  struct icaltimetype now)
{
	icalcomponent *c = e->todo ? icalcomponent_new_vtodo() : icalcomponent_new_vevent();

	if (!c)
		return false;
	icalcomponent_add_component(cal, c);   /* the calendar frees it */
	return add(c, icalproperty_new_uid(e->uid)) &&
	       add(c, icalproperty_new_dtstamp(now)) &&
	       add(c, icalproperty_new_created(utc(e->created))) &&
	       add(c, icalproperty_new_lastmodified(utc(e->updated))) &&
	       (e->todo ? todo(c, e) : event(c, e)) &&
	       attendees(c, e) &&
	       add(c, icalproperty_new_description(e->description));
}

int pd_ical_write(const struct pd_cal *cal, struct pd_buf *out, struct pd_err *err)
{
	struct icaltimetype now = utc(cal->now);
	icalcomponent *c;
	icalproperty *name;
	char *text;
	bool ok = true;
	int rc = PD_OK;

	c = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
				icalproperty_new_version("2.0"),
				icalproperty_new_prodid("-//plandesk//plandesk//EN"),
				icalproperty_new_calscale("GREGORIAN"),
				icalproperty_new_method(ICAL_METHOD_PUBLISH),
				(void *)0);
	if (!c)
		return pd_err_nomem(err);
	if ((name = icalproperty_new_x(cal->name))) {
		icalproperty_set_x_name(name, "X-WR-CALNAME");
		icalcomponent_add_property(c, name);
	}
	for (size_t i = 0; i < cal->n && ok; i++)
		ok = entry(c, &cal->v[i], now);
	if (!ok || !(text = icalcomponent_as_ical_string_r(c))) {
		rc = pd_err_nomem(err);
	} else {
		if (pd_buf_puts(out, text) != PD_OK)
			rc = pd_err_nomem(err);
		free(text);
	}
	icalcomponent_free(c);
	return rc;
}
