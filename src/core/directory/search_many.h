/*
 * search_many.h — a query of several words, in three files (internal to
 * core; the format of the entries is in search_terms.h, and the exact-name
 * matches were already passed on):
 *
 *   search_many.c   the candidates: each checked against every word, the
 *                   best `need` of them kept; the entry point;
 *   search_lead.c   first, the names a query word begins as a first word,
 *                   in name order: nearly always a whole first screenful,
 *                   and then provably the right one;
 *   search_drive.c  else, the entries of the rarest word, walked with
 *                   bounds.
 *
 * Order: by the best class any word reaches (the rank), then by the worst
 * ("john s" shows John Smith, whose "s" is in his name, before John Brown,
 * whose "s" is only in his school's name), then name, kind and id.
 */
#ifndef PLANDESK_SEARCH_MANY_H
#define PLANDESK_SEARCH_MANY_H

#include "search_impl.h"

#define ORG_CACHE_BITS 8   /* organisations a search remembers: 2^this */
/* search_drive.c seeks through another word's name runs when it has at
 * most this many keys. */
#define SEEK_KEYS_MAX 256

struct cand {
	unsigned char rank, worst;           /* best and worst class */
	unsigned char word;                  /* the query word d is an entry of */
	unsigned char dlen;
	unsigned char d[PD_TERM_DATA_MAX];   /* the entry, class first */
};

struct many {
	struct search  *s;
	size_t          drv;                 /* the driving word */
	size_t          count[MAX_WORDS];    /* entries under each word's keys */
	struct pd_buf   keys[MAX_WORDS];     /* each word's keys: len(1) + bytes */
	size_t          nkeys[MAX_WORDS];
	bool            partial[MAX_WORDS];  /* keys not all scanned */
	size_t          reads[MAX_WORDS];    /* records read for each word */
	bool            tried[MAX_WORDS];    /* a small set was tried */
	bool            has_set[MAX_WORDS];
	bool            covered[MAX_WORDS];  /* see seek_name_starts */
	struct pd_u64map other[MAX_WORDS];   /* records with the word elsewhere */
	MDB_cursor     *gcur;                /* for gathering */
	struct orgbits {                     /* check_record's organisations */
		uint64_t id;
		uint32_t mask;               /* query words in its name */
	} orgs[1 << ORG_CACHE_BITS];
	struct cand    *c;                   /* kept: a max-heap when bounded */
	size_t          n, cap, keep;        /* keep: the bound, or SIZE_MAX */
	struct cand    *later;               /* put off (many_check_later) */
	size_t          nlater, caplater;
	bool            no_sets;             /* no word's keys scanned yet: a
						word not in the name is read
						from the record (search_lead.c) */
};

/*
 * Count the entries under the keys word i begins, and keep the keys
 * (m->count, m->keys, m->nkeys).  Once past `cap` entries and
 * SEEK_KEYS_MAX keys it stops, with m->partial[i] set: the word is not
 * the rarest, and search_drive.c only needs to know it has many keys.  A
 * call for a word left partial goes on from there (gathering its set
 * scans it whole first).
 * Returns PD_OK, PD_ENOMEM, PD_EDB.
 */
int many_scan_word(struct many *m, size_t i, size_t cap);

/* The order of (rank, worst, entry d of dn bytes) against candidate y:
 * below 0 when it comes first. */
int many_key_cmp(unsigned char rank, unsigned char worst,
		 const unsigned char *d, size_t dn, const struct cand *y);

/* Is the set of kept candidates full?  Then m->c[0] is the worst kept. */
static inline bool many_full(const struct many *m)
{
	return m->n == m->keep;
}

/*
 * Check entry d of query word `word` against every word and keep it if it
 * matches and may be kept; a candidate its name cannot settle is put off
 * (m->later).  A record already met is passed over.
 * Returns PD_OK, PD_ENOMEM, PD_ECORRUPT, PD_EDB.
 */
int many_visit(struct many *m, size_t word, const MDB_val *d);

/* Check the candidates put off, best first, while they may be kept; then
 * none is left put off.  Returns as many_visit. */
int many_check_later(struct many *m);

/*
 * The name-start walk (search_lead.c).  *complete is set when the kept
 * candidates are then the search's answer (m->later may still hold some
 * to check); else search_drive must go on from where it left.
 * Returns as many_visit.
 */
int search_lead(struct many *m, bool *complete);

/* The walk of the rarest word's entries (search_drive.c), with every
 * word's keys scanned.  Returns as many_visit. */
int search_drive(struct many *m);

#endif
