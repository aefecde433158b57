/*
 * search.h — directory search: people and organisations found by the
 * beginnings of their words, blind to case and accents.
 *
 * A query is split into words after folding (pd_text_fold: "Zoë" is
 * "zoe", "Łukasz" is "lukasz", "O'Brien" is "obrien").  An entry matches
 * when every query word begins some word indexed for it (AND):
 *
 *	person        name, initials, role, its organisation's name, e-mail;
 *	              phone and mobile by their digits ("01632960" finds
 *	              "01632 960 123")
 *	organisation  name, overview, services, tags, e-mail; phone by digits
 *
 * Apostrophes and hyphens inside a word both split and join it, so
 * "obrien", "o'brien" and "brien" all find "O'Brien".  A query whose words
 * are all digits is run together ("01632 960" is "01632960").
 *
 * Order (deterministic): by rank (enum pd_rank: the best class any query
 * word reaches), then for several words by the worst class any word
 * reaches ("john s" puts John Smith before John Brown of Southgate
 * School), then by the folded name, then organisations before people, then
 * id.
 *
 * Cost: the index lives in LMDB (the `terms` database) and is kept in the
 * same write transaction as the records, so a search reads no table.  A
 * one-word query costs one cursor range scan over the words it begins plus
 * a merge of their (already ordered) entries, so a first screenful costs
 * the same whether it matches 10 or 100 000 entries.  A query of several
 * words walks the entries of its rarest word and checks each against the
 * others (mostly from the name stored in the entry), seeking straight to
 * the names a query word begins and leaving runs the page cannot need, so
 * a first screenful mostly costs far less than that word's matches.
 */
#ifndef PLANDESK_SEARCH_H
#define PLANDESK_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/records/record.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

/* How well an entry matches, best first. */
enum pd_rank {
	PD_RANK_EXACT,       /* the query is the whole name */
	PD_RANK_NAME_START,  /* a query word begins the name's first word */
	PD_RANK_NAME_WORD,   /* a query word begins another word of the name */
	PD_RANK_OTHER,       /* only other fields match */
};

/* Kinds to search (the `kinds` arguments); 0 means both. */
#define PD_SEARCH_ORGS   (1u << PD_ORG)
#define PD_SEARCH_PEOPLE (1u << PD_PERSON)

/* One match. */
#define PD_HIT_KEY_MAX 42   /* bytes of pd_hit.key */

struct pd_hit {
	enum pd_kind  kind;   /* PD_PERSON or PD_ORG */
	uint64_t      id;
	enum pd_rank  rank;
	/* Where the entry's directory card is (pd_card_read); set by the
	 * search.  keylen 0 (a hit made by hand): the record is read. */
	unsigned char keylen;
	unsigned char key[PD_HIT_KEY_MAX];
};

/*
 * Called by pd_search_each for each match in order.  Return 0 to go on,
 * anything else to stop (pd_search_each then returns PD_OK).  The callback
 * may read records with `txn`; it must not write.
 */
typedef int (*pd_hit_cb)(const struct pd_hit *hit, void *ctx);

/*
 * Find the matches of `query` in order and pass matches number `offset`
 * to `offset` + `limit` - 1 to `cb` (limit SIZE_MAX: all of them).  Runs
 * in `txn` (read or write).  A query with no words (empty, or only
 * punctuation) matches nothing.  `more` (may be NULL) is set to true when
 * there is at least one match after the last one passed.
 * Returns PD_OK (also when nothing matches), PD_EINVAL (query NULL or of
 * more than 32 words), PD_ECORRUPT (a malformed index entry), PD_ENOMEM,
 * PD_EDB.
 */
int pd_search_each(struct pd_txn *txn, const char *query, unsigned kinds,
		   size_t offset, size_t limit, pd_hit_cb cb, void *ctx,
		   bool *more, struct pd_err *err);

/*
 * One page of matches, for a screen that shows rows `offset` to
 * `offset` + `limit` - 1: up to `limit` matches go to `hits` (room for
 * `limit`), *n gets how many, *more (may be NULL) whether more follow.
 * Returns as pd_search_each.
 */
int pd_search(struct pd_txn *txn, const char *query, unsigned kinds,
	      size_t offset, size_t limit, struct pd_hit *hits, size_t *n,
	      bool *more, struct pd_err *err);

/*
 * Count the matches of `query`, stopping at `max` (so a caller can show
 * "1000+" cheaply): *count gets min(matches, max).
 * Returns as pd_search_each.
 */
int pd_search_count(struct pd_txn *txn, const char *query, unsigned kinds,
		    size_t max, size_t *count, struct pd_err *err);

/*
 * A directory card: what a lookup line shows of a person or an
 * organisation, kept in the `cards` database next to the search index,
 * in the search's order, so the rows of many hits are read from a few
 * neighbouring pages.  The texts are not NUL-terminated (pd_card_read
 * says how long they live).
 */
struct pd_card_text {
	const char *p;
	size_t      n;
};

struct pd_card {
	enum pd_kind        kind;
	uint64_t            id;
	uint64_t            org;   /* a person's organisation; 0: none */
	struct pd_card_text name, role, phone, mobile, email, verified;
};

/* Reads the cards of hits one by one, in the transaction it was opened in. */
struct pd_card_reader;

/*
 * A reader of the cards of `txn` to *out (close it with
 * pd_card_reader_close before the transaction ends).  In a write
 * transaction the search entries queued so far are put first, so the
 * cards of this write are read back; do not write while it is open.
 * Returns PD_OK, PD_ENOMEM, PD_EMAPFULL (putting the queue), PD_EDB.
 */
int pd_card_reader_open(struct pd_txn *txn, struct pd_card_reader **out,
			struct pd_err *err);

/*
 * The card of hit `h` to `c`, whose texts stay valid until the next
 * pd_card_read or pd_card_reader_close.  Hits are best read in the order
 * the search passed them on: each class's hits are in the cards' order,
 * so the reader walks forward over neighbouring pages.  A hit without a
 * key, or whose card is missing or damaged (a database not yet upgraded,
 * opened read-only; `check` names a damaged card), is read from its
 * record.
 * Returns PD_OK, PD_NOTFOUND (the record is gone: skip it), PD_ECORRUPT
 * (the record does not decode), PD_ENOMEM, PD_EDB.
 */
int pd_card_read(struct pd_card_reader *rd, const struct pd_hit *h,
		 struct pd_card *c, struct pd_err *err);

/* Close a reader (NULL: nothing). */
void pd_card_reader_close(struct pd_card_reader *rd);

#endif
