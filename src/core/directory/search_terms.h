/*
 * search_terms.h — the format of the `terms` database and the terms a
 * record derives (internal to core; the query side is search.c).
 *
 * `terms` is a posting table (store/postings.h): each term holds a sorted
 * set of entries, stored front-coded in blocks and read through a cursor
 * that moves as on an MDB_DUPSORT table (which it was before schema 4,
 * and still is in an older file opened read-only).  Four kinds of term:
 *
 *   word key   a folded word (letters and digits, at most PD_TERM_MAX
 *              bytes, cut at a character boundary), or the digits of a
 *              phone number.  Never starts with a byte below '0'.
 *   exact key  0x01 + the record's name in normal form: its query words
 *              (pd_text_words PD_WORDS_QUERY of the folded name) joined by
 *              single spaces, at most PD_EXACT_MAX bytes.
 *   prefix key 0x02 + the first PD_PREFIX_CHARS characters of a word of
 *              the name that is longer than that (classes 1 and 2 only):
 *              so a query of one to three characters ("smi") reads its
 *              names from a few lists instead of merging every word it
 *              begins (see search_one.c).
 *   inner key  0x03 + a word of the name's first word (class 1) that the
 *              folded name does not begin with: "paul" of "Jean-Paul",
 *              "obrien" (the parts run together) of "O'Brien's", a word
 *              after leading punctuation, a first word longer than the
 *              sort prefix.  Few records have one.  Every other class-1
 *              word begins the name, so the names a query word begins
 *              as a first word are a run of each of its prefix keys in
 *              name order, and these keys hold the rest (search_lead.c).
 *              Schema 3; not on a schema-2 file opened read-only.
 *   shadowed   0x04 + w[0..L] + 0x01 + w[L..], in place of word key w,
 *   key        for a record's class-3 entry under w when a word of its
 *              name shares the first L >= 1 bytes with w (L the most any
 *              shares; pd_term_shadow): "smith974889" of the e-mail of
 *              Reuben Smith is 0x04 "smith" 0x01 "974889".  A query word q
 *              that begins w with at most L bytes begins that name word
 *              too, so the record's name ranks it better and the entry
 *              would only be passed over: its keys are those beginning
 *              q, and the shadowed keys of the same bytes split at each
 *              L below |q| (pd_sq_key_range).  So a surname's e-mail
 *              words, a key a person, are off the walk of the keys "smi"
 *              or "smith" begins.  Schema 5; not on a schema-4 file
 *              opened read-only (has_shadow).
 *
 * Entries (the same layout under all of them; the shape postings.h asks
 * for):
 *
 *   class(1)  enum pd_rank: 0 under an exact key; 1 under an inner key;
 *             under a word or prefix key 1 for words of the name's first
 *             word, 2 for the name's other words, 3 for every other field
 *   sort(n)   the folded name, cut to at most PD_SORT_MAX bytes at a
 *             character boundary (it never holds a NUL byte)
 *   0x00
 *   kind(1)   enum pd_kind
 *   id(8)     big-endian
 *
 * A term's entries sort by memcmp, so each word's entries come out
 * already in search order: class, then name, then kind, then id — a
 * one-word query merges the few keys its word begins and reads the first
 * screenful straight off them.  A record derives each distinct key once,
 * with its best class.
 *
 * A person's terms include its organisation's name, read from the
 * database; the provider of these entries (search_entries.c) keeps them
 * in step when an organisation is renamed, deleted or restored.
 */
#ifndef PLANDESK_SEARCH_TERMS_H
#define PLANDESK_SEARCH_TERMS_H

#include "plandesk/directory/search.h"
#include "store/handles.h"

#define PD_TERM_EXACT  0x01  /* first byte of an exact key */
#define PD_TERM_PREFIX 0x02  /* first byte of a prefix key */
#define PD_TERM_INNER  0x03  /* first byte of an inner key */
#define PD_TERM_SHADOW 0x04  /* first byte of a shadowed key */
#define PD_SHADOW_SEP  0x01  /* ends the shared bytes in a shadowed key */
#define PD_PREFIX_CHARS 3    /* characters of a word in a prefix key */
#define PD_TERM_MAX    100   /* bytes of a word kept in a key */
#define PD_EXACT_MAX   400   /* bytes of a normal-form name in a key */
#define PD_SORT_MAX    32    /* bytes of the folded name in the data */
#define PD_TERM_DATA_MIN 11  /* class + NUL + kind + id */
#define PD_TERM_DATA_MAX (PD_TERM_DATA_MIN + PD_SORT_MAX)

/* One term of a record: text in the list's buffer, and its class. */
struct pd_term {
	size_t       off, len;
	enum pd_rank cls;
};

/* The terms of one record, sorted by text, each text once (best class). */
struct pd_terms {
	struct pd_term *t;
	size_t          n, cap;
	struct pd_buf   buf;     /* the terms' text */
	struct pd_buf   exact;   /* the name in normal form (may be empty) */
	struct pd_buf   folded;  /* scratch: the field being read, folded */
	char            sort[PD_SORT_MAX + 1];  /* the sort prefix, NUL-ended */
	size_t          sortlen;
};

/*
 * The terms of record `r` (a person or an organisation; any other kind has
 * none) into `out`, which is reset first.  `orgname` is the name to use for
 * a person's organisation: NULL looks it up in `txn` (a missing or
 * undecodable organisation gives none).
 * Returns PD_OK, PD_ENOMEM, PD_EDB.
 */
int pd_search_terms(struct pd_txn *txn, const struct pd_record *r,
		    const char *orgname, struct pd_terms *out);

/*
 * Call `cb` with each word record `r` is found by and its class: the
 * name's (as pd_name_words gives them), then every other field's
 * (PD_RANK_OTHER) — the words of pd_search_terms, not sorted, perhaps
 * more than once, without the exact and prefix keys.  A person's
 * organisation name is read from `txn`, or left out when `skip_org` (the
 * caller knows it another way).  `cb` returns 0 to go on.
 * Returns PD_OK, cb's non-zero value, PD_ENOMEM, PD_EDB.
 */
typedef int (*pd_name_word_cb)(const char *w, size_t len, enum pd_rank cls,
			       void *ctx);
int pd_search_words(struct pd_txn *txn, const struct pd_record *r,
		    bool skip_org, pd_name_word_cb cb, void *ctx);

/*
 * The words a person of organisation `org` gets from its name (all
 * PD_RANK_OTHER), to `cb`, as pd_search_words gives them; none when the
 * organisation is gone or undecodable.  Returns as pd_search_words.
 */
int pd_search_org_words(struct pd_txn *txn, uint64_t org, pd_name_word_cb cb,
			void *ctx);

/*
 * Organisation `org` changed (renamed, deleted, restored): forget what the
 * write's memo (handles.h) holds of its words.
 */
void pd_search_org_forget(struct pd_txn *txn, uint64_t org);

/*
 * The shared bytes L of term i of `ts` (pd_search_terms' list) for its
 * shadowed key: the most bytes a word of the name has in common with it
 * from the start, when the term is a word of class 3; else 0 (its key is
 * the word itself).
 */
size_t pd_term_shadow(const struct pd_terms *ts, size_t i);

/* Free what `ts` holds and zero it.  NULL is allowed. */
void pd_terms_free(struct pd_terms *ts);

/*
 * Call `cb` for each index word of the folded name `s` (n bytes), with
 * class PD_RANK_NAME_START for the words of its first word (its parts and
 * the parts run together) and PD_RANK_NAME_WORD for the rest.  `cb`
 * returns 0 to go on.  Returns cb's non-zero value, PD_OK or PD_ENOMEM.
 */
int pd_name_words(const char *s, size_t n, pd_name_word_cb cb, void *ctx);

/* Append the normal form of folded text `s` (its query words joined by
 * single spaces) to `out`.  PD_OK or PD_ENOMEM. */
int pd_normal_form(const char *s, size_t n, struct pd_buf *out);

/* The bytes of the first PD_PREFIX_CHARS characters of word `w` (n bytes),
 * or 0 when it has no more characters than that. */
size_t pd_term_prefix(const char *w, size_t n);


#endif
