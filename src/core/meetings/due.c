/*
 * due.c — "by 15 January": the due date at the end of an action typed in
 * a meeting.  due.h has the phrases read and what they mean.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "plandesk/meetings/due.h"

#define MAXWORDS 6

static const char *const weekday_names[7][4] = {
	{ "monday", "mon", NULL, NULL },
	{ "tuesday", "tue", "tues", NULL },
	{ "wednesday", "wed", "weds", NULL },
	{ "thursday", "thu", "thur", "thurs" },
	{ "friday", "fri", NULL, NULL },
	{ "saturday", "sat", NULL, NULL },
	{ "sunday", "sun", NULL, NULL },
};

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};

/* The words of a phrase (ASCII letters and digits; others end a word). */
struct words {
	const char *p[MAXWORDS];
	size_t      n[MAXWORDS];
	int         count;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool word_is(const struct words *w, int i, const char *s)
{
	return i < w->count && strlen(s) == w->n[i] &&
	       strncasecmp(w->p[i], s, w->n[i]) == 0;
}

/* Split s[0, n) at white space; false when it has too many words. */
static bool split(const char *s, size_t n, struct words *w)
{
	size_t i = 0;

	w->count = 0;
	while (i < n) {
		while (i < n && is_space(s[i]))
			i++;
		if (i == n)
			break;
		if (w->count == MAXWORDS)
			return false;
		w->p[w->count] = s + i;
		while (i < n && !is_space(s[i]))
			i++;
		w->n[w->count] = (size_t)(s + i - w->p[w->count]);
		w->count++;
	}
	return true;
}

static int weekday_of(const struct words *w, int i)
{
	for (int d = 0; d < 7; d++)
		for (int k = 0; k < 4 && weekday_names[d][k]; k++)
			if (word_is(w, i, weekday_names[d][k]))
				return d;
	return -1;
}

/* A month name, whole or its first three letters ("sept" too); 1-12, or 0. */
static int month_of(const struct words *w, int i)
{
	if (i >= w->count || w->n[i] < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t len = strlen(month_names[m]);
		if ((w->n[i] == len || w->n[i] == 3 || (m == 8 && w->n[i] == 4)) &&
		    w->n[i] <= len && strncasecmp(w->p[i], month_names[m], w->n[i]) == 0)
			return m + 1;
	}
	return 0;
}

/* Monday 0 … Sunday 6 (1970-01-01 was a Thursday). */
static int weekday(const struct pd_date *d)
{
	long days = pd_date_days(d);

	return (int)(((days % 7) + 7 + 3) % 7);
}

static struct pd_date last_of_month(int y, int m)
{
	struct pd_date d = { y, m, 1 };

	pd_date_add_months(&d, 1);
	pd_date_add_days(&d, -1);
	return d;
}

/* The first date of day d, month m on or after `from` (some year). */
static bool next_day_month(const struct pd_date *from, int d, int m,
			   struct pd_date *out)
{
	for (int y = from->y; y <= from->y + 8; y++) {
		struct pd_date c = { y, m, d };
		if (pd_date_valid(&c) && pd_date_cmp(&c, from) >= 0) {
			*out = c;
			return true;
		}
	}
	return false;
}

/* "15th": a day of the month with its ordinal suffix; 0 if not one. */
static int ordinal_day(const struct words *w, int i)
{
	const char *s;
	size_t n;
	int d = 0, k = 0;

	if (i >= w->count)
		return 0;
	s = w->p[i];
	n = w->n[i];
	while ((size_t)k < n && k < 2 && s[k] >= '0' && s[k] <= '9')
		d = d * 10 + (s[k++] - '0');
	if (k == 0 || n - (size_t)k != 2 || d < 1 || d > 31)
		return 0;
	s += k;
	if (strncasecmp(s, "st", 2) && strncasecmp(s, "nd", 2) &&
	    strncasecmp(s, "rd", 2) && strncasecmp(s, "th", 2))
		return 0;
	return d;
}

/* "end of …" from word i on. */
static bool end_of(const struct words *w, int i, const struct pd_date *from,
		   struct pd_due *out)
{
	int m, y;

	if (word_is(w, i, "the"))
		i++;
	if (w->count == i + 1 && word_is(w, i, "week")) {
		out->date = *from;
		pd_date_add_days(&out->date, (4 - weekday(from) + 7) % 7);
		return true;
	}
	if (w->count == i + 1 && word_is(w, i, "month")) {
		out->date = last_of_month(from->y, from->m);
		return true;
	}
	if (w->count == i + 2 && word_is(w, i, "next") && word_is(w, i + 1, "month")) {
		struct pd_date d = { from->y, from->m, 1 };
		pd_date_add_months(&d, 1);
		out->date = last_of_month(d.y, d.m);
		return true;
	}
	if (!(m = month_of(w, i)))
		return false;
	if (w->count == i + 2) {
		char year[8];
		if (w->n[i + 1] != 4)
			return false;
		memcpy(year, w->p[i + 1], 4);
		year[4] = '\0';
		if (sscanf(year, "%4d", &y) != 1 || y < 1 || y > 9999)
			return false;
		out->date = last_of_month(y, m);
		return true;
	}
	if (w->count != i + 1)
		return false;
	out->date = last_of_month(from->y, m);
	if (pd_date_cmp(&out->date, from) < 0)
		out->date = last_of_month(from->y + 1, m);
	return true;
}

/* Read the phrase s[0, n) (after "by"); kind NONE when it is no date. */
static void phrase(const char *s, size_t n, const struct pd_date *from,
		   struct pd_due *out)
{
	struct pd_err err = { 0 };
	struct pd_date d;
	struct words w;
	int i = 0, wd, rc;

	out->kind = PD_DUE_NONE;
	if (!split(s, n, &w) || w.count == 0)
		return;
	if (word_is(&w, 0, "the"))
		i = 1;
	if (w.count == i + 2 && word_is(&w, i, "next") && word_is(&w, i + 1, "meeting")) {
		out->kind = PD_DUE_NEXT_MEETING;
		return;
	}
	out->kind = PD_DUE_DATE;
	if (w.count == 1 && (word_is(&w, 0, "today") || word_is(&w, 0, "tomorrow"))) {
		out->date = *from;
		pd_date_add_days(&out->date, word_is(&w, 0, "today") ? 0 : 1);
		return;
	}
	if (w.count == i + 1 && (wd = weekday_of(&w, i)) >= 0) {
		out->date = *from;
		pd_date_add_days(&out->date, (wd - weekday(from) + 6) % 7 + 1);
		return;
	}
	if (w.count == 2 && word_is(&w, 0, "this") && (wd = weekday_of(&w, 1)) >= 0) {
		out->date = *from;
		pd_date_add_days(&out->date, (wd - weekday(from) + 6) % 7 + 1);
		return;
	}
	if (w.count == 2 && word_is(&w, 0, "next") && (wd = weekday_of(&w, 1)) >= 0) {
		out->date = *from;   /* Monday of next week, then the day */
		pd_date_add_days(&out->date, 7 - weekday(from) + wd);
		return;
	}
	if (w.count >= i + 3 && word_is(&w, i, "end") && word_is(&w, i + 1, "of") &&
	    end_of(&w, i + 2, from, out))
		return;
	if (i == 1 && w.count == 2 && (wd = ordinal_day(&w, 1)) > 0) {
		/* "the 15th": the next 15th of a month on or after the day */
		for (int k = 0; k < 3; k++) {
			struct pd_date c = { from->y, from->m, 1 };
			pd_date_add_months(&c, k);
			c.d = wd;
			if (pd_date_valid(&c) && pd_date_cmp(&c, from) >= 0) {
				out->date = c;
				return;
			}
		}
	}
	/* A date, with or without its year. */
	rc = pd_date_parse_noyear(w.p[i], (size_t)(s + n - w.p[i]), &d, &err);
	if (rc == PD_EINVAL) {
		/* The reason alone: "not a date: "31/02" (February has …)". */
		const char *why = strrchr(err.msg, '(');
		size_t len = why ? strlen(why + 1) : 0;
		out->kind = PD_DUE_BAD;
		if (why && len && why[len] == ')')
			snprintf(out->why, sizeof out->why, "%.*s", (int)(len - 1 < 127 ? len - 1 : 127),
				 why + 1);
		else
			snprintf(out->why, sizeof out->why, "%.127s", err.msg);
		return;
	}
	if (rc != PD_OK || d.d == 0) {   /* "by June" says no day */
		out->kind = PD_DUE_NONE;
		return;
	}
	if (d.y == 0 && !next_day_month(from, d.d, d.m, &d)) {
		out->kind = PD_DUE_NONE;
		return;
	}
	out->date = d;
}

/* Does word `kw` end at s[i] and start a word (i.e. " by ")? */
static bool keyword_at(const char *s, size_t n, size_t i, const char *kw)
{
	size_t k = strlen(kw);

	return i + k < n && (i == 0 || is_space(s[i - 1])) &&
	       strncasecmp(s + i, kw, k) == 0 && is_space(s[i + k]);
}

bool pd_due_parse(const char *s, size_t n, const struct pd_date *from,
		  struct pd_due *out)
{
	size_t end = n;

	memset(out, 0, sizeof *out);
	if (!s || !from || !pd_date_valid(from) || from->d == 0)
		return false;
	while (end > 0 && (is_space(s[end - 1]) || strchr(".;,!", s[end - 1])))
		end--;
	/* The last "by" (or "due") whose rest reads as a date wins. */
	for (size_t i = end; i-- > 0;) {
		size_t k;
		if (keyword_at(s, end, i, "by"))
			k = 2;
		else if (keyword_at(s, end, i, "due"))
			k = 3;
		else
			continue;
		phrase(s + i + k, end - i - k, from, out);
		if (out->kind != PD_DUE_NONE) {
			out->off = i;
			out->len = end - i;
			return true;
		}
	}
	memset(out, 0, sizeof *out);
	return false;
}
