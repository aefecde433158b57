/* texttest.h — helpers shared by the test_text*.c programs. */
#ifndef TEXTTEST_H
#define TEXTTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <utf8proc.h>

#include "plandesk/base/text.h"

/* Fold a NUL-terminated string; the result must be freed. */
static inline char *
fold(const char *s)
{
	char	*out = NULL;
	size_t	 len = 0;

	cr_assert_eq(pd_text_fold(s, strlen(s), &out, &len), PD_OK);
	cr_assert_not_null(out);
	cr_assert_eq(strlen(out), len, "length %zu for \"%s\"", len, out);
	return out;
}

#endif
