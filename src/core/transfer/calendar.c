/*
 * calendar.c — the calendar the iCalendar export builds (calendar.h).
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/transfer/calendar.h"

int pd_cal_add(struct pd_cal *cal, struct pd_cal_entry **out)
{
	if (cal->n == cal->cap) {
		size_t cap = cal->cap ? cal->cap * 2 : 16;
		struct pd_cal_entry *v = realloc(cal->v, cap * sizeof *v);
		if (!v)
			return PD_ENOMEM;
		cal->v = v;
		cal->cap = cap;
	}
	*out = &cal->v[cal->n++];
	memset(*out, 0, sizeof **out);
	(*out)->percent = -1;
	return PD_OK;
}

int pd_cal_text(char **dst, const char *s)
{
	char *copy = strdup(s);

	if (!copy)
		return PD_ENOMEM;
	free(*dst);
	*dst = copy;
	return PD_OK;
}

int pd_cal_attend(struct pd_cal_entry *e, const char *email, const char *name,
		  enum pd_cal_partstat ps)
{
	struct pd_cal_attendee *v = realloc(e->att, (e->natt + 1) * sizeof *v), *a;

	if (!v)
		return PD_ENOMEM;
	e->att = v;
	a = &v[e->natt];
	memset(a, 0, sizeof *a);
	a->partstat = ps;
	if (pd_cal_text(&a->email, email) != PD_OK ||
	    pd_cal_text(&a->name, name) != PD_OK) {
		free(a->email);
		free(a->name);
		return PD_ENOMEM;
	}
	for (char *s = a->name; *s; s++)
		if (*s == '"')
			*s = '\'';
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
	e->natt++;
	return PD_OK;
}

void pd_cal_free(struct pd_cal *cal)
{
	for (size_t i = 0; i < cal->n; i++) {
		struct pd_cal_entry *e = &cal->v[i];
		for (size_t a = 0; a < e->natt; a++) {
			free(e->att[a].email);
			free(e->att[a].name);
		}
		free(e->att);
		free(e->summary);
		free(e->location);
		free(e->description);
	}
	free(cal->v);
	cal->v = NULL;
	cal->n = cal->cap = 0;
}
