/* searchbench.h — what bench_search.c (queries, index size, main) and
 * bench_search_gen.c (gen) share. */
#ifndef SEARCHBENCH_H
#define SEARCHBENCH_H

#include <stddef.h>
#include <stdint.h>

/* The PRNG (xorshift64): its state, which `query` reseeds, and the next
 * number. */
extern uint64_t rng;
uint64_t rnd(void);

/* bench_search gen DB N [CSV [ABOOK]]; the exit status. */
int gen(const char *db, size_t n, const char *csv, const char *abook);

#endif
