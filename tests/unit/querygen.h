/*
 * querygen.h — what the tests that type generated queries share
 * (test_search_order.c, test_search_join.c): a seeded pseudo-random
 * pick, so a failure is the same failure on every run (the random tests
 * of test_postings.c and test_card_codec.c draw from it too), and the
 * first characters of a word as someone types them.
 */
#ifndef QUERYGEN_H
#define QUERYGEN_H

#include <stdint.h>
#include <stdio.h>

/* A number below n from the xorshift64 state *rng (never 0). */
static inline unsigned qg_pick(uint64_t *rng, unsigned n)
{
	*rng ^= *rng << 13;
	*rng ^= *rng >> 7;
	*rng ^= *rng << 17;
	return (unsigned)(*rng % n);
}

/* Up to `chars` characters (not bytes) of word w into buf. */
static inline void qg_prefix_of(char *buf, size_t n, const char *w, unsigned chars)
{
	size_t i = 0;

	for (unsigned c = 0; w[i] && c < chars; c++)
		for (i++; ((unsigned char)w[i] & 0xC0) == 0x80; i++)
			;
	snprintf(buf, n, "%.*s", (int)i, w);
}

#endif
