/*
 * date.c — calendar dates: the calendar itself (month lengths, day
 * numbers), formatting and arithmetic.  Reading a date is date_parse.c.
 */
#include <stdio.h>
#include <strings.h>

#include "date_impl.h"
#include "plandesk/base/date.h"

const char *const pd_date_month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int pd_date_month_days(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

/* Days since 1970-01-01 of a valid y-m-d (H. Hinnant's algorithm). */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static void civil_from_days(long z, struct pd_date *out)
{
	long era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->y = (int)(y + (out->m <= 2));
}

bool pd_date_valid(const struct pd_date *d)
{
	if (d == NULL || d->y < PD_DATE_YEAR_MIN || d->y > PD_DATE_YEAR_MAX ||
	    d->m < 1 || d->m > 12)
		return false;
	return d->d >= 0 && d->d <= pd_date_month_days(d->y, d->m);
}

size_t pd_date_iso(const struct pd_date *d, char buf[static PD_DATE_ISO_SIZE])
{
	int n;

	if (!pd_date_valid(d)) {
		buf[0] = '\0';
		return 0;
	}
	if (d->d == 0)
		n = snprintf(buf, PD_DATE_ISO_SIZE, "%04d-%02d", d->y, d->m);
	else
		n = snprintf(buf, PD_DATE_ISO_SIZE, "%04d-%02d-%02d", d->y,
			     d->m, d->d);
	return n < 0 ? 0 : (size_t)n;
}

/* The English ordinal suffix of a day of the month. */
static const char *ordinal(int d)
{
	if (d >= 11 && d <= 13)
		return "th";
	switch (d % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	default:
		return "th";
	}
}

size_t pd_date_long(const struct pd_date *d, char *buf, size_t n)
{
	int len;

	if (buf == NULL)
		n = 0;
	if (!pd_date_valid(d)) {
		if (n > 0)
			buf[0] = '\0';
		return 0;
	}
	if (d->d == 0)
		len = snprintf(buf, n, "%s %d", pd_date_month_names[d->m - 1], d->y);
	else
		len = snprintf(buf, n, "%d%s %s %d", d->d, ordinal(d->d),
			       pd_date_month_names[d->m - 1], d->y);
	return len < 0 ? 0 : (size_t)len;
}

int pd_date_style_parse(const char *name, enum pd_date_style *out)
{
	static const char *const names[] = { "long", "short", "iso" };

	for (int i = 0; name && i < 3; i++) {
		if (strcasecmp(name, names[i]) == 0) {
			*out = (enum pd_date_style)i;
			return PD_OK;
		}
	}
	return PD_EINVAL;
}

size_t pd_date_styled(const struct pd_date *d, enum pd_date_style style, char *buf,
		      size_t n)
{
	int len;

	if (style == PD_DS_LONG || !pd_date_valid(d))
		return pd_date_long(d, buf, n);
	if (style == PD_DS_ISO)
		len = d->d ? snprintf(buf, n, "%04d-%02d-%02d", d->y, d->m, d->d)
		      : snprintf(buf, n, "%04d-%02d", d->y, d->m);
	else
		len = d->d ? snprintf(buf, n, "%02d/%02d/%04d", d->d, d->m, d->y)
		      : snprintf(buf, n, "%02d/%04d", d->m, d->y);
	return len < 0 ? 0 : (size_t)len;
}

static int cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

int pd_date_cmp(const struct pd_date *a, const struct pd_date *b)
{
	if (a == NULL || b == NULL)
		return cmp_int(a != NULL, b != NULL);
	if (a->y != b->y)
		return cmp_int(a->y, b->y);
	if (a->m != b->m)
		return cmp_int(a->m, b->m);
	return cmp_int(a->d, b->d);
}

void pd_date_add_days(struct pd_date *d, int days)
{
	long long z, lo, hi;

	if (!pd_date_valid(d))
		return;
	lo = days_from_civil(PD_DATE_YEAR_MIN, 1, 1);
	hi = days_from_civil(PD_DATE_YEAR_MAX, 12, 31);
	z = (long long)days_from_civil(d->y, d->m, d->d == 0 ? 1 : d->d) +
	    days;
	if (z < lo)
		z = lo;
	if (z > hi)
		z = hi;
	civil_from_days((long)z, d);
}

void pd_date_add_months(struct pd_date *d, int months)
{
	long long total, lo, hi;
	int dim;

	if (!pd_date_valid(d))
		return;
	lo = (long long)PD_DATE_YEAR_MIN * 12;
	hi = (long long)PD_DATE_YEAR_MAX * 12 + 11;
	total = (long long)d->y * 12 + (d->m - 1) + months;
	if (total < lo)
		total = lo;
	if (total > hi)
		total = hi;
	d->y = (int)(total / 12);
	d->m = (int)(total % 12) + 1;
	dim = pd_date_month_days(d->y, d->m);
	if (d->d > dim)
		d->d = dim;
}

long pd_date_days(const struct pd_date *d)
{
	if (!pd_date_valid(d))
		return 0;
	return days_from_civil(d->y, d->m, d->d == 0 ? 1 : d->d);
}
