/*
 * search_impl.h — what search.c (the query, the entry points),
 * search_one.c (one word) and search_many.c (several words) share.
 * Internal to core.
 */
#ifndef PLANDESK_SEARCH_IMPL_H
#define PLANDESK_SEARCH_IMPL_H

#include <string.h>

#include "plandesk/base/u64map.h"
#include "search_terms.h"

#define MAX_WORDS 32
#define STOP (-1)        /* enough matches: end the search */
#define TOO_MANY (-3)    /* more keys than asked for (search_collect_keys) */
#define NO_MATCH 4       /* a word's class when it matches nothing */

/* The query, folded and split: each word must begin some indexed word. */
struct query {
	struct pd_buf text;   /* the words, back to back */
	size_t        off[MAX_WORDS], len[MAX_WORDS];
	size_t        n;      /* longest first */
	struct pd_buf exact;  /* the exact key: 0x01 + the query's normal form */
};

/* A set of record ids (open addressing; 0 is never an id). */
struct search {
	struct pd_txn  *txn;
	MDB_dbi         dbi;     /* `terms` */
	MDB_cursor     *cur;
	unsigned        kinds;   /* PD_SEARCH_* */
	struct query    q;
	struct pd_u64map seen;   /* records already passed over */
	size_t          offset, limit;
	size_t          need;    /* stop after this many matches */
	size_t          count;   /* matches so far */
	pd_hit_cb       cb;
	void           *ctx;
	struct pd_err  *err;
};

static inline const char *qword(const struct query *q, size_t i)
{
	return q->text.p + q->off[i];
}

static inline bool is_prefix(const char *p, size_t pn, const char *s, size_t sn)
{
	return pn <= sn && !memcmp(p, s, pn);
}

/* The characters (not bytes) of UTF-8 `s`. */
static inline size_t nchars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* An entry's data has the shape of search_terms.h. */
static inline bool data_ok(const MDB_val *d)
{
	const unsigned char *p = d->mv_data;

	return d->mv_size >= PD_TERM_DATA_MIN && d->mv_size <= PD_TERM_DATA_MAX &&
	       p[0] <= PD_RANK_OTHER && p[d->mv_size - 10] == 0 &&
	       p[d->mv_size - 9] < PD_NKINDS;
}

static inline enum pd_kind data_kind(const unsigned char *d, size_t n)
{
	return (enum pd_kind)d[n - 9];
}

static inline uint64_t data_id(const unsigned char *d, size_t n)
{
	return pd_get_be64(d + n - 8);
}

/* memcmp order, a prefix first: LMDB's order of duplicates. */
static inline int data_cmp(const unsigned char *a, size_t an,
			   const unsigned char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c ? c : (an > bn) - (an < bn);
}

/* The best class each query word reaches in a record's name. */
struct best {
	const struct query *q;
	unsigned char       cls[MAX_WORDS];   /* NO_MATCH: not in the name */
};

/* An entry's folded name is whole: too short to have been cut. */
static inline bool name_whole(const unsigned char *d, size_t n)
{
	return n - PD_TERM_DATA_MIN + 3 < PD_SORT_MAX;
}

static inline bool is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       (c >= 'A' && c <= 'Z');
}

/* Lower b->cls[j] to `cls` for each query word j that begins word w. */
void search_best_of(struct best *b, const char *w, size_t len, enum pd_rank cls);
/* search_best_of as a pd_name_word_cb; ctx is the struct best. */
int search_best_cb(const char *w, size_t len, enum pd_rank cls, void *ctx);

/*
 * Lower b->cls[j] to the class of each word of the folded name (ns, n)
 * that query word j begins (1 for the name's first word, 2 for the
 * others, as pd_name_words gives them).  Returns PD_OK, PD_ENOMEM.
 */
int search_name_classes(const unsigned char *ns, size_t n, struct best *b);


/* 1 if the entry's record is of a wanted kind and not yet seen (it is then
 * marked seen), 0 if not, -PD_ENOMEM. */
int search_fresh(struct search *s, const unsigned char *d, size_t n);
/* Count one match, passing it to the callback when it is on the page.
 * Returns PD_OK, or STOP when the search has enough. */
int search_emit(struct search *s, const unsigned char *d, size_t n,
		enum pd_rank rank);
/* Fill s->err: PD_ECORRUPT for a malformed entry; an LMDB code. */
int search_corrupt(struct search *s);
int search_db_err(struct search *s, int rc);

/* --- search_merge.c: runs of entries merged in search order ------------- */

/* One run: a key's entries from a given one on, while they are of class
 * maxcls or better and (pfx not NULL) their names begin with pfx. */
struct stream {
	size_t        koff, klen;   /* the key, in merge.keys */
	unsigned char d[PD_TERM_DATA_MAX];   /* the entry it is on */
	size_t        dlen;
	unsigned char maxcls;
	unsigned char word;         /* the query word it is for */
	const char   *pfx;
	size_t        pfxlen;
	MDB_cursor   *c;            /* opened when first advanced */
};

struct merge {
	struct stream *s;
	size_t         n, cap;
	size_t        *heap, nheap;
	struct pd_buf  keys;
	MDB_cursor    *seek;        /* for entering keys further on */
	bool           by_name;     /* merge by name, kind and id, not class
				       first (set before merge_start) */
	uint64_t       last_id;     /* the entry merged last (search_one.c) */
	unsigned char  last_kind, last_cls;
};

/*
 * Add a run of key k starting at its entry d (none when d is outside the
 * bounds), for query word `word`.  Returns PD_OK, PD_ECORRUPT (d
 * malformed), PD_ENOMEM.
 */
int merge_add(struct search *s, struct merge *m, const MDB_val *k,
	      const MDB_val *d, unsigned maxcls, const char *pfx, size_t pfxlen,
	      unsigned word);
/*
 * Add the run of key k's entries of class `cls` whose names begin with
 * pfx, entered at the first of them: `first` (may be NULL) is the key's
 * first entry, which saves a seek when it is already there.  Returns as
 * merge_add, and PD_EDB.
 */
int merge_add_at(struct search *s, struct merge *m, const MDB_val *k,
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
typedef int (*search_key_cb)(const MDB_val *k, const MDB_val *first, void *ctx);
int search_short_keys(struct search *s, const char *w, size_t wn,
		      search_key_cb cb, void *ctx);
/*
 * The keys search_short_keys finds for w, appended to `out` as len(1) +
 * bytes each, while there are at most `max` of them.  Returns PD_OK,
 * TOO_MANY (more than max: out holds max of them), PD_ENOMEM (err
 * filled), PD_EDB.
 */
int search_collect_keys(struct search *s, const char *w, size_t wn,
			size_t max, struct pd_buf *out);
/*
 * The runs that hold every name with a word that word w (at most three
 * characters) begins: its word keys of at most three characters and the
 * prefix keys it begins.  lead false: each run's classes 1 and 2; lead
 * true: the class-1 entries of each whose names begin with w (the names w
 * begins as a first word; see search_lead.c).  Uses s->cur.  Returns as
 * merge_add_at.
 */
int merge_add_short(struct search *s, struct merge *m, const char *w,
		    size_t wn, bool lead, unsigned word);
/* Order the runs added (then no more may be added).  PD_OK, PD_ENOMEM. */
int merge_start(struct search *s, struct merge *m);
/* The run whose entry comes first, or NULL when all are done. */
static inline struct stream *merge_top(struct merge *m)
{
	return m->nheap ? &m->s[m->heap[0]] : NULL;
}
/* Step the top run to its next entry.  PD_OK, PD_ECORRUPT, PD_EDB. */
int merge_next(struct search *s, struct merge *m);
/* Close the cursors and free what m holds; m is zeroed. */
void merge_free(struct merge *m);

/* --- the queries ------------------------------------------------------------ */

/* One word (search_one.c).  Returns PD_OK, STOP or an error. */
int search_one_word(struct search *s);
/* Several words (search_many.c).  Returns PD_OK, STOP or an error. */
int search_many_words(struct search *s);

#endif
