/*
 * u64map.c — the one hash table (u64map.h).
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/status.h"
#include "plandesk/base/u64map.h"

#define MIN_CAP 64

/* Put (key, val) in the first free slot of its probe (there is one). */
static void place(struct pd_u64map *m, uint64_t key, uint64_t val)
{
	size_t i = pd_u64map_home(m, key);

	while (m->key[i])
		i = (i + 1) & (m->cap - 1);
	m->key[i] = key;
	m->val[i] = val;
	m->n++;
}

/* Move everything into `cap` slots (a power of two). */
static int regrow(struct pd_u64map *m, size_t cap)
{
	struct pd_u64map g = { calloc(cap, sizeof *g.key), calloc(cap, sizeof *g.val),
			       cap, 0, 64 };

	if (!g.key || !g.val) {
		free(g.key);
		free(g.val);
		return PD_ENOMEM;
	}
	for (size_t c = cap; c > 1; c >>= 1)
		g.shift--;
	for (size_t i = 0; i < m->cap; i++)
		if (m->key[i])
			place(&g, m->key[i], m->val[i]);
	free(m->key);
	free(m->val);
	*m = g;
	return PD_OK;
}

int pd_u64map_reserve(struct pd_u64map *m, size_t n)
{
	size_t cap = m->cap ? m->cap : MIN_CAP;

	while (cap < 2 * n) {
		if (cap > SIZE_MAX / 4)
			return PD_ENOMEM;
		cap *= 2;
	}
	return cap > m->cap ? regrow(m, cap) : PD_OK;
}

int pd_u64map_add(struct pd_u64map *m, uint64_t key, uint64_t val)
{
	int rc;

	if (!key)
		return PD_EINVAL;
	if ((m->n + 1) * 2 > m->cap && (rc = pd_u64map_reserve(m, m->n + 1)) != PD_OK)
		return rc;
	place(m, key, val);
	return PD_OK;
}

int pd_u64map_put_new(struct pd_u64map *m, uint64_t key, uint64_t val,
		      bool *added)
{
	if (added)
		*added = false;
	if (!key)
		return PD_EINVAL;
	if (pd_u64map_get(m, key, NULL))
		return PD_OK;
	if (added)
		*added = true;
	return pd_u64map_add(m, key, val);
}

void pd_u64map_clear(struct pd_u64map *m)
{
	if (m->cap) {
		memset(m->key, 0, m->cap * sizeof *m->key);
		memset(m->val, 0, m->cap * sizeof *m->val);
	}
	m->n = 0;
}

void pd_u64map_free(struct pd_u64map *m, void (*free_val)(uint64_t val))
{
	for (size_t i = 0; free_val && i < m->cap; i++)
		if (m->key[i])
			free_val(m->val[i]);
	free(m->key);
	free(m->val);
	memset(m, 0, sizeof *m);
}

uint64_t pd_u64map_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ull;
	return h ? h : 1;
}
