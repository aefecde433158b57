/*
 * man_columns.c — print the man page's list of CSV columns from the field
 * tables (columns.h pd_columns: the columns export writes, required ones
 * marked *), so that the page and the tables cannot disagree:
 * `make man-columns` writes it into share/man/plandesk.1 between the
 * COLUMNS markers, and tests/cli/man_columns.sh checks that the page holds
 * exactly what this prints.
 */
#include <stdio.h>

#include "plandesk/transfer/columns.h"

/* `s` for roff: backslashes and hyphens escaped. */
static void roff(const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

int main(void)
{
	for (int k = 0; k < PD_NKINDS; k++) {
		const struct pd_kind_info *ki = pd_kind_info((enum pd_kind)k);
		struct pd_col cols[PD_COLS_MAX];
		size_t n = pd_columns(ki, false, cols);

		if (!n)
			continue;
		puts(".TP 10");
		fputs(".B ", stdout);
		roff(ki->plural);
		putchar('\n');
		for (size_t c = 0; c < n; c++) {
			roff(cols[c].name);
			fputs(cols[c].required ? "*" : "", stdout);
			fputs(c + 1 < n ? ", " : "\n", stdout);
		}
	}
	return 0;
}
