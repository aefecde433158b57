/* date_pack.c — a stored date's text as one number, and back (date.h). */
#include "plandesk/base/date.h"

/* The number of `n` decimal digits at s, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool pd_date_pack(const char *s, size_t n, uint64_t *x)
{
	int y, m, d = 0;

	if ((n != 7 && n != 10) || s[4] != '-' ||
	    (y = digits(s, 4)) < 0 || (m = digits(s + 5, 2)) < 1 || m > 12)
		return false;
	if (n == 10 && (s[7] != '-' || (d = digits(s + 8, 2)) < 1 || d > 31))
		return false;
	*x = ((uint64_t)y * 12 + (uint64_t)(m - 1)) * 32 + (uint64_t)d;
	return true;
}

/* v as `n` decimal digits at s. */
static void put_digits(char *s, unsigned v, int n)
{
	while (n--) {
		s[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

size_t pd_date_unpack(uint64_t x, char out[static PD_DATE_PACKED_TEXT])
{
	unsigned d = (unsigned)(x % 32), m = (unsigned)(x / 32 % 12) + 1;
	uint64_t y = x / 32 / 12;

	if (y > 9999)
		return 0;
	put_digits(out, (unsigned)y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	if (!d)
		return 7;
	out[7] = '-';
	put_digits(out + 8, d, 2);
	return 10;
}
