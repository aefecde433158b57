/*
 * test_u64map.c — the one hash table: sets, maps, several values under
 * one key, growing, and 100,000 random keys checked against a sorted
 * array.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "plandesk/base/status.h"
#include "plandesk/base/u64map.h"

Test(u64map, get_add_and_sets)
{
	struct pd_u64map m = PD_U64MAP_INIT;
	uint64_t v = 0;
	bool added;

	cr_assert_not(pd_u64map_get(&m, 7, &v), "empty");
	cr_assert_eq(pd_u64map_add(&m, 0, 1), PD_EINVAL, "key 0 is refused");
	cr_assert_eq(pd_u64map_add(&m, 7, 70), PD_OK);
	cr_assert(pd_u64map_get(&m, 7, &v));
	cr_assert_eq(v, 70);
	cr_assert_eq(pd_u64map_put_new(&m, 7, 71, &added), PD_OK);
	cr_assert_not(added, "a set keeps one");
	cr_assert_eq(pd_u64map_put_new(&m, 8, 80, &added), PD_OK);
	cr_assert(added);
	cr_assert_eq(m.n, 2);
	pd_u64map_clear(&m);
	cr_assert_eq(m.n, 0);
	cr_assert_not(pd_u64map_get(&m, 7, NULL));
	pd_u64map_free(&m, NULL);
}

Test(u64map, several_values_under_one_key)
{
	struct pd_u64map m = PD_U64MAP_INIT;
	uint64_t v, seen = 0;
	size_t it = 0, n = 0;

	for (uint64_t i = 1; i <= 5; i++)
		cr_assert_eq(pd_u64map_add(&m, 42, i), PD_OK);
	/* Others in between, so the run is interleaved. */
	for (uint64_t k = 100; k < 400; k++)
		cr_assert_eq(pd_u64map_add(&m, k, k), PD_OK);
	while (pd_u64map_next(&m, 42, &it, &v)) {
		seen |= 1u << v;
		n++;
	}
	cr_assert_eq(n, 5);
	cr_assert_eq(seen, 0x3e, "values 1 to 5, each once");
	it = 0;
	cr_assert_not(pd_u64map_next(&m, 43, &it, &v));
	pd_u64map_free(&m, NULL);
}

static size_t freed;
static void count_free(uint64_t v)
{
	free((void *)(uintptr_t)v);
	freed++;
}

Test(u64map, values_can_be_pointers_freed_with_the_map)
{
	struct pd_u64map m = PD_U64MAP_INIT;

	for (uint64_t k = 1; k <= 1000; k++)
		cr_assert_eq(pd_u64map_add(&m, k, (uintptr_t)malloc(8)), PD_OK);
	freed = 0;
	pd_u64map_free(&m, count_free);
	cr_assert_eq(freed, 1000);
	cr_assert_eq(m.cap, 0);
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

Test(u64map, random_keys_against_a_sorted_array)
{
	enum { N = 100000 };
	uint64_t *keys = malloc(N * sizeof *keys), x = 88172645463325252ull, v;
	struct pd_u64map m = PD_U64MAP_INIT;

	cr_assert_not_null(keys);
	cr_assert_eq(pd_u64map_reserve(&m, N / 2), PD_OK);
	for (size_t i = 0; i < N; i++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;   /* xorshift64 */
		/* Ids as the store hands them out: small and dense, some
		 * far apart. */
		keys[i] = i % 3 ? (x % 200000) + 1 : x | 1;
		cr_assert_eq(pd_u64map_put_new(&m, keys[i], keys[i] * 3, NULL), PD_OK);
	}
	qsort(keys, N, sizeof *keys, cmp);
	size_t distinct = 0;
	for (size_t i = 0; i < N; i++)
		if (!i || keys[i] != keys[i - 1]) {
			distinct++;
			cr_assert(pd_u64map_get(&m, keys[i], &v));
			cr_assert_eq(v, keys[i] * 3);
		}
	cr_assert_eq(m.n, distinct);
	cr_assert_leq(m.n * 2, m.cap, "at most half full");
	for (uint64_t k = 200001; k < 201000; k++)
		if (!bsearch(&k, keys, N, sizeof *keys, cmp))
			cr_assert_not(pd_u64map_get(&m, k, NULL));
	free(keys);
	pd_u64map_free(&m, NULL);
}

Test(u64map, string_hashes_are_never_zero)
{
	cr_assert_neq(pd_u64map_hash("", 0), 0);
	cr_assert_neq(pd_u64map_hash("Cluster 3", 9), pd_u64map_hash("Cluster 4", 9));
}
