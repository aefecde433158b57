/*
 * u64map.h — the one hash table: 64-bit keys to 64-bit values (an id, a
 * count, or a pointer as uintptr_t), open addressing with linear probing,
 * kept at most half full.  A key may be added more than once (a multimap:
 * the people of one name hash); pd_u64map_next walks them.  Key 0 is not
 * allowed (it marks an empty slot).
 *
 * Used for the sets and caches of the search, import, export and lookup,
 * where the keys are record ids or hashes of folded names.  Lookups are
 * inline: they sit in the search's inner loops.
 */
#ifndef PLANDESK_U64MAP_H
#define PLANDESK_U64MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pd_u64map {
	uint64_t *key;   /* 0: empty */
	uint64_t *val;
	size_t    cap;   /* a power of two, or 0 */
	size_t    n;     /* entries */
	unsigned  shift; /* 64 - log2(cap) */
};

#define PD_U64MAP_INIT { NULL, NULL, 0, 0, 0 }

/* The slot where `key`'s probe starts (Fibonacci hashing: the high bits of
 * key times 2^64/φ, so ids that differ only in their low bits spread). */
static inline size_t pd_u64map_home(const struct pd_u64map *m, uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> m->shift);
}

/*
 * Walk the entries of `key`: start with *it = 0; each true return puts one
 * value in *val (may be NULL).  Entries added later may be missed.
 */
static inline bool pd_u64map_next(const struct pd_u64map *m, uint64_t key,
				  size_t *it, uint64_t *val)
{
	size_t i;

	if (!m->n || !key)
		return false;
	i = *it ? *it : pd_u64map_home(m, key) + 1;
	for (i--; m->key[i]; i = (i + 1) & (m->cap - 1))
		if (m->key[i] == key) {
			*it = ((i + 1) & (m->cap - 1)) + 1;
			if (val)
				*val = m->val[i];
			return true;
		}
	return false;
}

/* The value of `key` (the first added) into *val (may be NULL); false when
 * it is not there. */
static inline bool pd_u64map_get(const struct pd_u64map *m, uint64_t key,
				 uint64_t *val)
{
	size_t it = 0;

	return pd_u64map_next(m, key, &it, val);
}

/*
 * Make room for `n` entries in all without growing again.
 * Returns PD_OK or PD_ENOMEM (the map is unchanged).
 */
int pd_u64map_reserve(struct pd_u64map *m, size_t n);

/*
 * Add (key, val), also when `key` is there already.
 * Returns PD_OK, PD_EINVAL (key 0), PD_ENOMEM (nothing added).
 */
int pd_u64map_add(struct pd_u64map *m, uint64_t key, uint64_t val);

/*
 * Add `key` unless it is there (a set): *added (may be NULL) says which.
 * Returns PD_OK, PD_EINVAL (key 0), PD_ENOMEM.
 */
int pd_u64map_put_new(struct pd_u64map *m, uint64_t key, uint64_t val,
		      bool *added);

/* Forget every entry, keeping the memory. */
void pd_u64map_clear(struct pd_u64map *m);

/* Free the table; `free_val` (may be NULL) is called on each value first
 * (the maps whose values are malloc'd pointers). */
void pd_u64map_free(struct pd_u64map *m, void (*free_val)(uint64_t val));

/* FNV-1a of n bytes: a key for a string (never 0). */
uint64_t pd_u64map_hash(const void *p, size_t n);

#endif
