/*
 * calendar.h — a calendar as the iCalendar export builds it (ical.h):
 * all-day events and to-dos with what each says, held as plain data so
 * that the records are read in the core and the file is written by the
 * document module (documents/formats.h, write_ics), which alone links
 * libical.  Part of what PD_FORMATS_VERSION covers.
 */
#ifndef PLANDESK_CALENDAR_H
#define PLANDESK_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/date.h"
#include "plandesk/base/status.h"

/* STATUS of a component. */
enum pd_cal_status {
	PD_CAL_CONFIRMED,      /* an event held */
	PD_CAL_TENTATIVE,      /* an event planned */
	PD_CAL_NEEDS_ACTION,   /* a to-do open */
	PD_CAL_COMPLETED,      /* a to-do done */
	PD_CAL_CANCELLED,      /* a to-do dropped */
};

/* PARTSTAT of an attendee. */
enum pd_cal_partstat {
	PD_CAL_PS_NEEDS_ACTION,
	PD_CAL_PS_ACCEPTED,
	PD_CAL_PS_DECLINED,
	PD_CAL_PS_COMPLETED,
};

struct pd_cal_attendee {
	char                *email;   /* without "mailto:" */
	char                *name;    /* CN: no '"' or control characters */
	enum pd_cal_partstat partstat;
};

struct pd_cal_entry {
	bool                    todo;       /* a VTODO; else an all-day VEVENT */
	char                    uid[96];
	int64_t                 created;    /* CREATED, UTC seconds */
	int64_t                 updated;    /* LAST-MODIFIED */
	struct pd_date          day;        /* VEVENT: its day (DTSTART) */
	struct pd_date          due;        /* VTODO: DUE; y == 0: none */
	struct pd_date          completed;  /* VTODO: COMPLETED at noon UTC
					       of this day; y == 0: none */
	int                     percent;    /* PERCENT-COMPLETE; < 0: none */
	enum pd_cal_status      status;
	char                   *summary;
	char                   *location;   /* NULL: none */
	char                   *description;
	struct pd_cal_attendee *att;
	size_t                  natt;
};

struct pd_cal {
	const char          *name;   /* X-WR-CALNAME */
	int64_t              now;    /* DTSTAMP of every entry, UTC seconds */
	struct pd_cal_entry *v;
	size_t               n, cap;
};

/*
 * A new entry at the end of `cal`, zeroed but for percent (-1); *out
 * points at it until the next one is added.  Returns PD_OK or PD_ENOMEM.
 */
int pd_cal_add(struct pd_cal *cal, struct pd_cal_entry **out);

/* Copy `s` into *dst (freeing what was there).  Returns PD_OK or
 * PD_ENOMEM. */
int pd_cal_text(char **dst, const char *s);

/* An attendee of `e`: `email`, and `name` (made safe for a parameter:
 * '"' becomes "'", control characters spaces).  Returns PD_OK or
 * PD_ENOMEM. */
int pd_cal_attend(struct pd_cal_entry *e, const char *email, const char *name,
		  enum pd_cal_partstat ps);

/* Free what `cal` holds; it may be used again. */
void pd_cal_free(struct pd_cal *cal);

#endif
