/*
 * search_query.h — the query and what every walk over `terms` shares
 * (search_query.c): the parsed query, the search under way, the shape of
 * an entry's data (search_terms.h), the classes a name gives each query
 * word, and counting and passing on a match.  Used by the walks
 * (search_merge.c, search_one.c, search_cand.c, search_lead.c,
 * search_drive.c) and by search.c, which runs them.  Internal to core.
 */
#ifndef PLANDESK_SEARCH_QUERY_H
#define PLANDESK_SEARCH_QUERY_H

#include <string.h>

#include "plandesk/base/u64map.h"
#include "search_terms.h"
#include "store/postings.h"

#define PD_SQ_MAX_WORDS 32   /* words of a query */
#define PD_SQ_NO_MATCH 4     /* a word's class (enum pd_rank) when it
				matches nothing */

/*
 * What the steps of a search return besides PD_OK and the PD_E* codes
 * (those fill s->err): outcomes, not errors.  They lie above PD_NSTATUS,
 * so none is mistaken for a status, and none leaves the search.
 */
enum pd_sq_status {
	PD_SQ_ENOUGH = PD_NSTATUS + 1,  /* the search has all the matches it
					   needs: stop walking (pd_sq_emit) */
	PD_SQ_TOO_MANY,   /* a word begins more keys than asked for
			     (pd_sq_collect_keys): the keys are not all kept */
	PD_SQ_GAVE_UP,    /* the name-start walk passed its bound
			     (search_lead.c): search_drive.c goes on */
	PD_SQ_GATHER,     /* gathering a word's set now pays (search_cand.c) */
};

/* The query, folded and split: each word must begin some indexed word. */
struct pd_sq_query {
	struct pd_buf text;   /* the words, back to back */
	size_t        off[PD_SQ_MAX_WORDS], len[PD_SQ_MAX_WORDS];
	size_t        n;      /* longest first */
	struct pd_buf exact;  /* the exact key: 0x01 + the query's normal form */
};

/* A search under way: where it reads, what it wants, what it has found. */
struct pd_sq_search {
	struct pd_txn  *txn;
	MDB_dbi         dbi;     /* `terms` */
	struct pd_post_cur *cur;
	unsigned        kinds;   /* PD_SEARCH_* */
	struct pd_sq_query q;
	struct pd_u64map seen;   /* records already passed over */
	size_t          offset, limit;
	size_t          need;    /* stop after this many matches */
	size_t          count;   /* matches so far */
	pd_hit_cb       cb;
	void           *ctx;
	struct pd_err  *err;
};

/* Query word i (q->len[i] bytes, no NUL). */
static inline const char *pd_sq_word(const struct pd_sq_query *q, size_t i)
{
	return q->text.p + q->off[i];
}

/* Does `p` (pn bytes) begin `s` (sn bytes)?  (The first bytes are
 * compared before memcmp is called: most words of a name differ there.) */
static inline bool pd_sq_is_prefix(const char *p, size_t pn, const char *s, size_t sn)
{
	return pn <= sn && (!pn || (p[0] == s[0] && !memcmp(p, s, pn)));
}

/* The characters (not bytes) of UTF-8 `s`. */
static inline size_t pd_sq_nchars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* An entry's data has the shape of search_terms.h. */
static inline bool pd_sq_data_ok(const MDB_val *d)
{
	const unsigned char *p = d->mv_data;

	return d->mv_size >= PD_TERM_DATA_MIN && d->mv_size <= PD_TERM_DATA_MAX &&
	       p[0] <= PD_RANK_OTHER && p[d->mv_size - 10] == 0 &&
	       p[d->mv_size - 9] < PD_NKINDS;
}

static inline enum pd_kind pd_sq_data_kind(const unsigned char *d, size_t n)
{
	return (enum pd_kind)d[n - 9];
}

static inline uint64_t pd_sq_data_id(const unsigned char *d, size_t n)
{
	return pd_get_be64(d + n - 8);
}

/* memcmp order, a prefix first: LMDB's order of duplicates. */
static inline int pd_sq_data_cmp(const unsigned char *a, size_t an,
				 const unsigned char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c ? c : (an > bn) - (an < bn);
}

/* The best class each query word reaches in a record's name. */
struct pd_sq_best {
	const struct pd_sq_query *q;
	unsigned char       cls[PD_SQ_MAX_WORDS];   /* PD_SQ_NO_MATCH: not in the name */
};

/* An entry's folded name is whole: too short to have been cut. */
static inline bool pd_sq_name_whole(const unsigned char *d, size_t n)
{
	return n - PD_TERM_DATA_MIN + 3 < PD_SORT_MAX;
}

/* An ASCII letter or digit. */
static inline bool pd_sq_is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (c >= 'A' && c <= 'Z');
}

/* Bytes of a key range's prefix (pd_sq_key_range). */
#define PD_SQ_RANGE_MAX (2 + PD_TERM_MAX)

/*
 * The keys of word w (wn bytes) that may hold an entry a query word w
 * needs lie in ranges of keys with a common prefix: range 0, the keys
 * beginning w; range r of 1 to wn - 1, the shadowed keys (search_terms.h)
 * whose name shares r bytes of w and which go on with w's other bytes.
 * *pfx gets range r's prefix (w itself, or made in buf).  Returns its
 * length, or 0 when there is no range r (none past 0 on a file without
 * shadowed keys): the ranges are 0, 1, ... up to the first 0.
 */
size_t pd_sq_key_range(const struct pd_sq_search *s, const char *w, size_t wn,
		       size_t r, unsigned char buf[PD_SQ_RANGE_MAX],
		       const char **pfx);

/* Lower b->cls[j] to `cls` for each query word j that begins word w. */
void pd_sq_best_of(struct pd_sq_best *b, const char *w, size_t len, enum pd_rank cls);
/* pd_sq_best_of as a pd_name_word_cb; ctx is the struct pd_sq_best. */
int pd_sq_best_cb(const char *w, size_t len, enum pd_rank cls, void *ctx);

/*
 * Lower b->cls[j] to the class of each word of the folded name (ns, n)
 * that query word j begins (1 for the name's first word, 2 for the
 * others, as pd_name_words gives them).  Returns PD_OK, PD_ENOMEM.
 */
int pd_sq_name_classes(const unsigned char *ns, size_t n, struct pd_sq_best *b);

/*
 * Parse `query` into q (zeroed by the caller; pd_buf_free its text and
 * exact when done): folded, split into query words, phone digits joined,
 * words another makes redundant dropped, the longest first.
 * Returns PD_OK; PD_EINVAL (more than PD_SQ_MAX_WORDS words), PD_ENOMEM
 * (err filled).
 */
int pd_sq_parse(struct pd_sq_query *q, const char *query, struct pd_err *err);

/* Is entry (d, n) of a wanted kind and its record not yet seen?  *fresh
 * says (the record is then marked seen).  Returns PD_OK, PD_ENOMEM (err
 * filled). */
int pd_sq_fresh(struct pd_sq_search *s, const unsigned char *d, size_t n,
		bool *fresh);
/* Count one match, passing it to the callback when it is on the page.
 * Returns PD_OK, or PD_SQ_ENOUGH when the search has enough. */
int pd_sq_emit(struct pd_sq_search *s, const unsigned char *d, size_t n,
	       enum pd_rank rank);
/* Fill s->err with PD_ECORRUPT for a malformed entry; returns it. */
int pd_sq_corrupt(struct pd_sq_search *s);
/* Fill s->err with LMDB code rc mapped (pd_mdb_err); returns the status. */
int pd_sq_db_err(struct pd_sq_search *s, int rc);

#endif
