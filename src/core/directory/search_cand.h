/*
 * search_cand.h — the candidates of a query of several words
 * (search_cand.c): each entry met is checked against every query word and
 * the best `keep` of them kept.  The walks that meet them are
 * search_lead.c and search_drive.c; search_many.c runs those and passes
 * the kept ones on.  search_many.h says how the work is shared.  Internal
 * to core.
 */
#ifndef PLANDESK_SEARCH_CAND_H
#define PLANDESK_SEARCH_CAND_H

#include "search_query.h"

#define PD_SQ_ORG_CACHE_BITS 10  /* organisations a search remembers: 2^this */
/* search_drive.c seeks through another word's name runs when it has at
 * most this many keys. */
#define PD_SQ_SEEK_KEYS_MAX 256

struct pd_sq_cand {
	unsigned char rank, worst;           /* best and worst class */
	unsigned char word;                  /* the query word d is an entry of */
	unsigned char dlen;
	unsigned char d[PD_TERM_DATA_MAX];   /* the entry, class first */
};

struct pd_sq_many {
	struct pd_sq_search  *s;
	size_t          drv;                 /* the driving word */
	size_t          count[PD_SQ_MAX_WORDS];    /* entries under each word's keys */
	struct pd_buf   keys[PD_SQ_MAX_WORDS];     /* each word's keys: len(1) + bytes */
	size_t          nkeys[PD_SQ_MAX_WORDS];
	bool            partial[PD_SQ_MAX_WORDS];  /* keys not all scanned */
	size_t          reads[PD_SQ_MAX_WORDS];    /* records read for each word */
	bool            tried[PD_SQ_MAX_WORDS];    /* a small set was tried */
	bool            has_set[PD_SQ_MAX_WORDS];
	bool            covered[PD_SQ_MAX_WORDS];  /* see seek_name_starts */
	struct pd_u64map other[PD_SQ_MAX_WORDS];   /* records with the word elsewhere */
	struct pd_post_cur *gcur;            /* for gathering */
	struct pd_sq_orgbits {                     /* pd_sq_check_record's organisations */
		uint64_t id;
		uint32_t mask;               /* query words in its name */
	} orgs[1 << PD_SQ_ORG_CACHE_BITS];
	struct pd_sq_cand    *c;                   /* kept: a max-heap when bounded */
	size_t          n, cap, keep;        /* keep: the bound, or SIZE_MAX */
	struct pd_sq_cand    *later;               /* put off (pd_sq_check_later) */
	size_t          nlater, caplater;
	bool            no_sets;             /* no word's keys scanned yet: a
						word not in the name is read
						from the record (search_lead.c) */
};

/*
 * Count the entries under the keys word i begins, and keep the keys
 * (m->count, m->keys, m->nkeys).  Once past `cap` entries and
 * PD_SQ_SEEK_KEYS_MAX keys it stops, with m->partial[i] set: the word is not
 * the rarest, and search_drive.c only needs to know it has many keys.  A
 * call for a word left partial goes on from there (gathering its set
 * scans it whole first).
 * Returns PD_OK, PD_ENOMEM, PD_EDB.
 */
int pd_sq_scan_word(struct pd_sq_many *m, size_t i, size_t cap);

/* The order of (rank, worst, entry d of dn bytes) against candidate y:
 * below 0 when it comes first. */
int pd_sq_key_cmp(unsigned char rank, unsigned char worst,
		  const unsigned char *d, size_t dn, const struct pd_sq_cand *y);

/* Is the set of kept candidates full?  Then m->c[0] is the worst kept. */
static inline bool pd_sq_many_full(const struct pd_sq_many *m)
{
	return m->n == m->keep;
}

/*
 * Check entry d of query word `word` against every word and keep it if it
 * matches and may be kept; a candidate its name cannot settle is put off
 * (m->later).  A record already met is passed over.
 * Returns PD_OK, PD_ENOMEM, PD_ECORRUPT, PD_EDB.
 */
int pd_sq_visit(struct pd_sq_many *m, size_t word, const MDB_val *d);

/*
 * Settle every word of entry d's record (dn bytes) from the record itself:
 * b->cls gets each word's best class there (a person's organisation name
 * counted as OTHER; all PD_SQ_NO_MATCH when the record is gone or does
 * not decode, which pd_check reports).  Returns PD_OK, PD_ENOMEM, PD_EDB
 * (s->err filled).
 */
int pd_sq_check_record(struct pd_sq_many *m, const unsigned char *d, size_t dn,
		       struct pd_sq_best *b);

/* c->rank and c->worst from the words' classes in b (PD_SQ_NO_MATCH
 * counted as OTHER). */
void pd_sq_order_of(const struct pd_sq_many *m, const struct pd_sq_best *b,
		    struct pd_sq_cand *c);

/* Keep candidate c, whose order is settled, when it may be kept.
 * Returns PD_OK, PD_ENOMEM. */
int pd_sq_keep(struct pd_sq_many *m, const struct pd_sq_cand *c);

/* Check the candidates put off, best first, while they may be kept; then
 * none is left put off.  Returns as pd_sq_visit. */
int pd_sq_check_later(struct pd_sq_many *m);

/* Pass on the kept candidates in order (pd_sq_emit).  Returns PD_OK,
 * PD_SQ_ENOUGH. */
int pd_sq_emit_kept(struct pd_sq_many *m);

/* Free what m holds (not m itself). */
void pd_sq_many_free(struct pd_sq_many *m);

#endif
