/*
 * test_buf.c — the byte buffer, and pd_grow: contents kept, the first
 * capacity, doubling, and an overflowing size refused with the array and
 * capacity left as they were.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/status.h"

struct pair {
	uint64_t a;
	uint32_t b;
};

Test(buf, add_and_printf)
{
	struct pd_buf b = PD_BUF_INIT;

	cr_assert_eq(pd_buf_puts(&b, "plan"), PD_OK);
	cr_assert_eq(pd_buf_putc(&b, '-'), PD_OK);
	cr_assert_eq(pd_buf_printf(&b, "%d", 42), PD_OK);
	cr_assert_str_eq(b.p, "plan-42");
	cr_assert_eq(b.n, 7);
	pd_buf_free(&b);
	cr_assert_null(b.p);
}

/* pd_buf_add's inline path up to the last byte that fits (cap holds the
 * NUL too), then the one that grows the buffer. */
Test(buf, add_fills_to_capacity_then_grows)
{
	struct pd_buf b = PD_BUF_INIT;
	size_t cap;

	cr_assert_eq(pd_buf_add(&b, "a", 1), PD_OK);
	cap = b.cap;
	while (b.n + 1 < cap - 1)
		cr_assert_eq(pd_buf_add(&b, "b", 1), PD_OK);
	cr_assert_eq(pd_buf_add(&b, "c", 1), PD_OK);
	cr_expect_eq(b.cap, cap, "the last byte that fits grew the buffer");
	cr_expect_eq(b.n, cap - 1);
	cr_assert_eq(pd_buf_add(&b, "de", 2), PD_OK);
	cr_expect_gt(b.cap, cap);
	cr_expect_eq(b.n, cap + 1);
	cr_expect_eq(b.p[0], 'a');
	cr_expect_eq(memcmp(b.p + cap - 2, "cde", 4), 0);
	cr_assert_eq(pd_buf_add(&b, NULL, 0), PD_OK);
	cr_expect_eq(b.n, cap + 1);
	pd_buf_free(&b);
}

Test(grow, first_capacity_and_doubling)
{
	struct pair *v = NULL;
	size_t cap = 0;

	cr_assert_eq(pd_grow(&v, &cap, 1, sizeof *v, 32), PD_OK);
	cr_assert_not_null(v);
	cr_assert_eq(cap, 32, "the first capacity");
	cr_assert_eq(pd_grow(&v, &cap, 32, sizeof *v, 32), PD_OK);
	cr_assert_eq(cap, 32, "room enough: unchanged");
	cr_assert_eq(pd_grow(&v, &cap, 33, sizeof *v, 32), PD_OK);
	cr_assert_eq(cap, 64, "doubles");
	cr_assert_eq(pd_grow(&v, &cap, 65, sizeof *v, 32), PD_OK);
	cr_assert_eq(cap, 128);
	cr_assert_eq(pd_grow(&v, &cap, 1000, sizeof *v, 32), PD_OK);
	cr_assert_eq(cap, 1024, "doubles until it holds need");
	free(v);

	v = NULL;
	cap = 0;
	cr_assert_eq(pd_grow(&v, &cap, 5, sizeof *v, 4), PD_OK);
	cr_assert_eq(cap, 8, "a need past first doubles first");
	free(v);
}

Test(grow, keeps_contents)
{
	struct pair *v = NULL;
	size_t n = 0, cap = 0;

	for (uint32_t i = 0; i < 5000; i++) {
		cr_assert_eq(pd_grow(&v, &cap, n + 1, sizeof *v, 4), PD_OK);
		cr_assert_geq(cap, n + 1);
		v[n++] = (struct pair){ (uint64_t)i * 0x9e3779b97f4a7c15u, i };
	}
	cr_assert_eq(cap, 8192);
	for (uint32_t i = 0; i < 5000; i++) {
		cr_assert_eq(v[i].a, (uint64_t)i * 0x9e3779b97f4a7c15u, "at %u", i);
		cr_assert_eq(v[i].b, i);
	}
	free(v);
}

Test(grow, overflow_leaves_array_and_cap)
{
	struct pair *v = NULL, *was;
	size_t cap = 0;

	cr_assert_eq(pd_grow(&v, &cap, 3, sizeof *v, 16), PD_OK);
	v[0] = (struct pair){ 7, 8 };
	was = v;
	/* need * elem does not fit a size_t */
	cr_assert_eq(pd_grow(&v, &cap, SIZE_MAX / sizeof *v + 1, sizeof *v, 16),
		     PD_ENOMEM);
	cr_assert_eq(v, was, "the array is kept");
	cr_assert_eq(cap, 16, "the capacity is kept");
	cr_assert_eq(pd_grow(&v, &cap, SIZE_MAX, sizeof *v, 16), PD_ENOMEM);
	cr_assert_eq(v, was);
	cr_assert_eq(cap, 16);
	cr_assert_eq(v[0].a, 7);
	cr_assert_eq(v[0].b, 8);
	free(v);
}

Test(grow, overflow_from_empty)
{
	struct pair *v = NULL;
	size_t cap = 0;

	cr_assert_eq(pd_grow(&v, &cap, SIZE_MAX / 2, sizeof *v, 16), PD_ENOMEM);
	cr_assert_null(v);
	cr_assert_eq(cap, 0);
}
