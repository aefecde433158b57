/*
 * date_parse.c — reading a date in any of the forms people type
 * (date.h: "2009-06-26", "26/06/2009", "26th June 2009", "June 2009", …),
 * with a message that says what is wrong; and what reads one to show it
 * (pd_date_text) or to stand for today (pd_date_today).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date_impl.h"
#include "plandesk/base/date.h"
#include "plandesk/base/text.h"

/* How much of a bad date to quote back in an error message. */
#define QUOTE_MAX 60

#define FORMS "use YYYY-MM-DD, DD/MM/YYYY or \"26 June 2009\""

/* The text being parsed, trimmed. */
struct scan {
	const char *p;
	const char *end;
};

/* A date as read, before it is checked. */
struct parsed {
	int y, m, d;
	int has_year;
	int has_day;
	int noyear_ok;   /* "15/01" may end after the month */
};

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int to_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int is_alpha(int c)
{
	c = to_lower(c);
	return c >= 'a' && c <= 'z';
}

static void skip_space(struct scan *sc)
{
	while (sc->p < sc->end && is_space((unsigned char)*sc->p))
		sc->p++;
}

static int peek(const struct scan *sc)
{
	return sc->p < sc->end ? (unsigned char)*sc->p : -1;
}

/* Take the character `c` if it is next. */
static int accept(struct scan *sc, int c)
{
	if (peek(sc) != c)
		return 0;
	sc->p++;
	return 1;
}

/* Read a run of 1 to 4 digits; return how many, or 0 (and read nothing). */
static int read_num(struct scan *sc, int *val)
{
	const char *p = sc->p;
	int v = 0, n = 0;

	while (p < sc->end && is_digit((unsigned char)*p)) {
		if (++n > 4)
			return 0;
		v = v * 10 + (*p++ - '0');
	}
	if (n > 0) {
		sc->p = p;
		*val = v;
	}
	return n;
}

/* Read a run of letters, lowercased into `buf`; return its length. */
static size_t read_word(struct scan *sc, char *buf, size_t size)
{
	size_t n = 0;

	while (sc->p < sc->end && is_alpha((unsigned char)*sc->p)) {
		if (n + 1 < size)
			buf[n] = (char)to_lower((unsigned char)*sc->p);
		n++;
		sc->p++;
	}
	buf[n < size ? n : size - 1] = '\0';
	return n;
}

/* Read a month name (full, 3 letters or "sept", optional '.'); 0 if none. */
static int read_month(struct scan *sc)
{
	char w[16];
	size_t len, i, k;

	len = read_word(sc, w, sizeof w);
	if (len < 3 || len >= sizeof w)
		return 0;
	for (i = 0; i < 12; i++) {
		const char *name = pd_date_month_names[i];

		for (k = 0; k < len && to_lower(name[k]) == w[k]; k++)
			;
		if (k < len)
			continue;
		if (name[len] == '\0' || len == 3 ||
		    (i == 8 && len == 4)) {   /* "sept" */
			if (name[len] != '\0')
				accept(sc, '.');
			return (int)i + 1;
		}
	}
	return 0;
}

/* Skip an ordinal suffix ("st", "nd", "rd", "th") after a day number. */
static int read_ordinal(struct scan *sc)
{
	char w[4];
	size_t len;

	if (!is_alpha(peek(sc)))
		return 1;
	len = read_word(sc, w, sizeof w);
	return len == 2 && (strcmp(w, "st") == 0 || strcmp(w, "nd") == 0 ||
			    strcmp(w, "rd") == 0 || strcmp(w, "th") == 0);
}

/* Read a year of exactly 4 digits, or also 2 if `two` (with the pivot). */
static int read_year(struct scan *sc, int two, struct parsed *pd)
{
	int n;

	if ((n = read_num(sc, &pd->y)) == 2 && two)
		pd->y += pd->y < 70 ? 2000 : 1900;
	else if (n != 4)
		return 0;
	pd->has_year = 1;
	return 1;
}

/* "[, ]YYYY" at the end of words, or nothing at all (no year). */
static int read_words_year(struct scan *sc, struct parsed *pd)
{
	skip_space(sc);
	accept(sc, ',');
	skip_space(sc);
	if (sc->p == sc->end)
		return 1;   /* has_year stays 0 */
	return read_year(sc, 0, pd);
}

/* After a leading day: "th of June, 2009", "-Jun-09" or "/06/2009". */
static int parse_day_first(struct scan *sc, struct parsed *pd)
{
	char w[4];
	int sep, n;

	sep = peek(sc);
	if (sep == '/' || sep == '.' || sep == '-') {
		sc->p++;
		if (sep == '-' && is_alpha(peek(sc))) {   /* 26-Jun-09 */
			if ((pd->m = read_month(sc)) == 0 || !accept(sc, '-'))
				return 0;
			return read_year(sc, 1, pd);
		}
		if ((n = read_num(sc, &pd->m)) == 4 && sep == '/') {
			pd->y = pd->m;   /* 06/2009 */
			pd->m = pd->d;
			pd->d = 0;
			pd->has_day = 0;
			pd->has_year = 1;
			return 1;
		}
		if (n < 1 || n > 2)
			return 0;
		if (!accept(sc, sep))
			return pd->noyear_ok && sc->p == sc->end;
		return read_year(sc, 1, pd);
	}
	if (!read_ordinal(sc))
		return 0;
	skip_space(sc);
	if (peek(sc) == 'o' || peek(sc) == 'O') {   /* "of" */
		struct scan save = *sc;

		if (read_word(sc, w, sizeof w) != 2 || strcmp(w, "of") != 0)
			*sc = save;
		skip_space(sc);
	}
	if ((pd->m = read_month(sc)) == 0)
		return 0;
	return read_words_year(sc, pd);
}

/* After a leading month name: " 2009", " 26, 2009" or " 26th 2009". */
static int parse_month_first(struct scan *sc, struct parsed *pd)
{
	int n, v;

	skip_space(sc);
	accept(sc, ',');
	skip_space(sc);
	if (sc->p == sc->end)
		return 1;   /* "June": no year */
	if ((n = read_num(sc, &v)) == 4) {
		pd->y = v;
		pd->has_year = 1;
		return 1;
	}
	if (n < 1 || n > 2 || !read_ordinal(sc))
		return 0;
	pd->d = v;
	pd->has_day = 1;
	return read_words_year(sc, pd);
}

/* Read the whole text into `pd`; return 0 if it is in no known form. */
static int parse_form(struct scan *sc, struct parsed *pd)
{
	int n, v;

	if (is_digit(peek(sc))) {
		n = read_num(sc, &v);
		if (n == 4 && accept(sc, '-')) {   /* ISO */
			pd->y = v;
			pd->has_year = 1;
			n = read_num(sc, &pd->m);
			if (n < 1 || n > 2)
				return 0;
			if (!accept(sc, '-'))
				return 1;   /* 2009-06 */
			n = read_num(sc, &pd->d);
			pd->has_day = 1;
			return n >= 1 && n <= 2;
		}
		if (n < 1 || n > 2)
			return 0;
		pd->d = v;
		pd->has_day = 1;
		return parse_day_first(sc, pd);
	}
	if ((pd->m = read_month(sc)) == 0)
		return 0;
	return parse_month_first(sc, pd);
}

/* Quote at most QUOTE_MAX bytes of `s`, not cutting a UTF-8 sequence. */
static int quote_len(const char *s, size_t len)
{
	return (int)pd_utf8_cut(s, len, QUOTE_MAX);
}

static int parse_error(struct pd_err *, const struct scan *, const char *,
		       ...) __attribute__((format(printf, 3, 4)));

/* Fill `err` with: not a date: "<text>" (<why>). */
static int parse_error(struct pd_err *err, const struct scan *text,
		       const char *fmt, ...)
{
	size_t len = (size_t)(text->end - text->p);
	int q = quote_len(text->p, len);
	char why[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return pd_err_set(err, PD_EPARSE, "not a date: \"%.*s%s\" (%s)", q,
			  text->p, (size_t)q < len ? "..." : "", why);
}

/* Check what was read and report the first problem. */
static int check_parsed(const struct parsed *pd, const struct scan *text,
			struct pd_err *err)
{
	int dim;

	if (!pd->has_year && !pd->noyear_ok)
		return parse_error(err, text, "the year is missing");
	if (pd->has_year && pd->y < PD_DATE_YEAR_MIN)
		return parse_error(err, text, "there is no year %d", pd->y);
	if (pd->m < 1 || pd->m > 12)
		return parse_error(err, text, "there is no month %d", pd->m);
	if (pd->has_day && pd->d == 0)
		return parse_error(err, text, "there is no day 0");
	/* With no year, 29 February is a day of some years. */
	dim = pd_date_month_days(pd->has_year ? pd->y : 2000, pd->m);
	if (pd->d > dim && pd->m == 2 && !pd->has_year)
		return parse_error(err, text, "February has at most 29 days");
	if (pd->d > dim && pd->m == 2)
		return parse_error(err, text, "February has %d days in %d",
				   dim, pd->y);
	if (pd->d > dim)
		return parse_error(err, text, "%s has %d days",
				   pd_date_month_names[pd->m - 1], dim);
	return PD_OK;
}

/* Parse s[0, n) into `out`; the year may be missing when `noyear_ok`.
 * *shaped tells a date shape naming no day from no date shape at all. */
static int parse_text(const char *s, size_t n, int noyear_ok, struct pd_date *out,
		      int *shaped, struct pd_err *err)
{
	struct scan text, sc;
	struct parsed pd;
	int rc;

	text.p = s;
	text.end = s + n;
	skip_space(&text);
	while (text.end > text.p && is_space((unsigned char)text.end[-1]))
		text.end--;
	memset(&pd, 0, sizeof pd);
	pd.noyear_ok = noyear_ok;
	sc = text;
	*shaped = parse_form(&sc, &pd) && sc.p == sc.end;
	if (!*shaped)
		return parse_error(err, &text, "%s", FORMS);
	if ((rc = check_parsed(&pd, &text, err)) != PD_OK)
		return rc;
	out->y = pd.has_year ? pd.y : 0;
	out->m = pd.m;
	out->d = pd.has_day ? pd.d : 0;
	return PD_OK;
}

int pd_date_parse(const char *s, struct pd_date *out, struct pd_err *err)
{
	int shaped;

	if (s == NULL || out == NULL)
		return pd_err_set(err, PD_EINVAL, "no date given");
	return parse_text(s, strlen(s), 0, out, &shaped, err);
}

int pd_date_parse_noyear(const char *s, size_t n, struct pd_date *out,
			 struct pd_err *err)
{
	int shaped, rc;

	if (s == NULL || out == NULL)
		return pd_err_set(err, PD_EINVAL, "no date given");
	rc = parse_text(s, n, 1, out, &shaped, err);
	if (rc != PD_OK && shaped && err)
		err->code = PD_EINVAL;
	return rc != PD_OK && shaped ? PD_EINVAL : rc;
}

size_t pd_date_text(const char *text, enum pd_date_style style,
		    char buf[static PD_DATE_TEXT_SIZE])
{
	struct pd_date d;

	buf[0] = '\0';
	if (text == NULL || pd_date_parse(text, &d, NULL) != PD_OK)
		return 0;
	return pd_date_styled(&d, style, buf, PD_DATE_TEXT_SIZE);
}

int pd_date_today(struct pd_date *out)
{
	const char *env;
	struct pd_date d;
	struct tm tm;
	time_t now;

	if (out == NULL)
		return PD_EINVAL;
	env = getenv("PLANDESK_TODAY");
	if (env != NULL && env[0] != '\0') {
		if (pd_date_parse(env, &d, NULL) != PD_OK || d.d == 0)
			return PD_EINVAL;
		*out = d;
		return PD_OK;
	}
	if ((now = time(NULL)) == (time_t)-1 || gmtime_r(&now, &tm) == NULL)
		return PD_EIO;
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
	return PD_OK;
}
