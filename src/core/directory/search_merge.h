/*
 * search_merge.h — runs of `terms` entries merged in search order, or in
 * name order (search_merge.c); used by a one-word query (search_one.c)
 * and the name-start walk (search_lead.c), and for the keys a short word
 * begins by search_drive.c.  Internal to core.
 */
#ifndef PLANDESK_SEARCH_MERGE_H
#define PLANDESK_SEARCH_MERGE_H

#include "search_query.h"

/* One run: a key's entries from a given one on, while they are of class
 * maxcls or better and (pfx not NULL) their names begin with pfx. */
struct pd_sq_stream {
	size_t        koff, klen;   /* the key, in merge.keys */
	unsigned char d[PD_TERM_DATA_MAX];   /* the entry it is on */
	size_t        dlen;
	unsigned char maxcls;
	unsigned char word;         /* the query word it is for */
	const char   *pfx;
	size_t        pfxlen;
	struct pd_post_cur *c;      /* opened when first advanced */
};

struct pd_sq_merge {
	struct pd_sq_stream *s;
	size_t         n, cap;
	size_t        *heap, nheap;
	struct pd_buf  keys;
	struct pd_post_cur *seek;   /* for entering keys further on */
	bool           by_name;     /* merge by name, kind and id, not class
				       first (set before pd_sq_merge_start) */
	uint64_t       last_id;     /* the entry merged last (search_one.c) */
	unsigned char  last_kind, last_cls;
};

/*
 * Add a run of key k starting at its entry d (none when d is outside the
 * bounds), for query word `word`.  Returns PD_OK, PD_ECORRUPT (d
 * malformed), PD_ENOMEM.
 */
int pd_sq_merge_add(struct pd_sq_search *s, struct pd_sq_merge *m, const MDB_val *k,
		    const MDB_val *d, unsigned maxcls, const char *pfx, size_t pfxlen,
		    unsigned word);
/*
 * Add the run of key k's entries of class `cls` whose names begin with
 * pfx, entered at the first of them: `first` (may be NULL) is the key's
 * first entry, which saves a seek when it is already there.  Returns as
 * pd_sq_merge_add, and PD_EDB.
 */
int pd_sq_merge_add_at(struct pd_sq_search *s, struct pd_sq_merge *m, const MDB_val *k,
		       const MDB_val *first, unsigned cls, const char *pfx,
		       size_t pfxlen, unsigned word);
/*
 * Call cb with each key holding the names with a word that word w (at
 * most three characters) begins — its word keys of at most three
 * characters and the prefix keys it begins — and the key's first entry
 * (both valid during the call only).  cb returns PD_OK to go on; anything
 * else stops the walk and is returned.  Uses s->cur.  Returns PD_OK, what
 * cb returned, PD_EDB.
 */
typedef int (*pd_sq_key_cb)(const MDB_val *k, const MDB_val *first, void *ctx);
int pd_sq_short_keys(struct pd_sq_search *s, const char *w, size_t wn,
		     pd_sq_key_cb cb, void *ctx);
/*
 * The keys pd_sq_short_keys finds for w, appended to `out` as len(1) +
 * bytes each, while there are at most `max` of them.  Returns PD_OK,
 * PD_SQ_TOO_MANY (more than max: out holds max of them), PD_ENOMEM (err
 * filled), PD_EDB.
 */
int pd_sq_collect_keys(struct pd_sq_search *s, const char *w, size_t wn,
		       size_t max, struct pd_buf *out);
/*
 * The runs that hold every name with a word that word w (at most three
 * characters) begins: its word keys of at most three characters and the
 * prefix keys it begins.  lead false: each run's classes 1 and 2; lead
 * true: the class-1 entries of each whose names begin with w (the names w
 * begins as a first word; see search_lead.c).  Uses s->cur.  Returns as
 * pd_sq_merge_add_at.
 */
int pd_sq_merge_add_short(struct pd_sq_search *s, struct pd_sq_merge *m, const char *w,
			  size_t wn, bool lead, unsigned word);
/* Order the runs added (then no more may be added).  PD_OK, PD_ENOMEM. */
int pd_sq_merge_start(struct pd_sq_search *s, struct pd_sq_merge *m);
/* The run whose entry comes first, or NULL when all are done. */
static inline struct pd_sq_stream *pd_sq_merge_top(struct pd_sq_merge *m)
{
	return m->nheap ? &m->s[m->heap[0]] : NULL;
}
/* Step the top run to its next entry.  PD_OK, PD_ECORRUPT, PD_EDB. */
int pd_sq_merge_next(struct pd_sq_search *s, struct pd_sq_merge *m);
/* Close the cursors and free what m holds; m is zeroed. */
void pd_sq_merge_free(struct pd_sq_merge *m);

#endif
