/*
 * postings.h — a table of posting lists: each key (a "term") holds a
 * sorted set of entries, stored front-coded in blocks (postings_codec.c,
 * postings_cursor.c, postings_write.c; internal to core).  The search
 * index (`terms`, directory/search_terms.h) is one.
 *
 * An entry is a head (one byte, then bytes none of which is NUL), a NUL,
 * a kind byte (below 8) and an 8-byte big-endian id; entries sort by
 * memcmp, a shorter one first when it is a prefix.  A term is bytes
 * without a NUL.
 *
 * The LMDB layout (not DUPSORT):
 *
 *   plain node  key = term, value = the term's one entry, as it is
 *   block node  key = term + NUL + the block's first entry,
 *               value = the block's other entries (postings_codec.c)
 *
 * A term with one entry has a plain node; with more, one or more blocks,
 * each as large as an LMDB node kept on its leaf page may be.  A term's
 * nodes are neighbours (term < term + NUL + ... < any longer term), in
 * entry order.
 *
 * A file of schema 3 or older has the same entries as an MDB_DUPSORT
 * table (key = term, one duplicate per entry); the cursor reads either
 * (pd_post_open), so a read-only open of an old file is searched as it is.
 */
#ifndef PLANDESK_STORE_POSTINGS_H
#define PLANDESK_STORE_POSTINGS_H

#include "handles.h"

#define PD_POST_HEAD_MAX  63   /* bytes of an entry's head */
#define PD_POST_TAIL      10   /* NUL, kind, id */
#define PD_POST_ENTRY_MAX (PD_POST_HEAD_MAX + PD_POST_TAIL)
#define PD_POST_TERM_MAX  440  /* bytes of a term: the key stays under
				  LMDB's 511 with a first entry */

/* Is (e, n) an entry of the shape above? */
bool pd_post_entry_ok(const void *e, size_t n);

/* --- reading -------------------------------------------------------------- */

/* A cursor over the entries of a posting table. */
struct pd_post_cur;

/*
 * Open a cursor on posting table `dbi` of `txn` (the layout from the
 * table's flags: blocks, or an old file's MDB_DUPSORT).  Returns an LMDB
 * code: MDB_SUCCESS, ENOMEM, or what mdb_cursor_open returns.
 */
int pd_post_open(MDB_txn *txn, MDB_dbi dbi, struct pd_post_cur **out);

/* Close it (NULL: nothing). */
void pd_post_close(struct pd_post_cur *c);

/*
 * Move the cursor as mdb_cursor_get does on an MDB_DUPSORT table whose
 * duplicates are the entries: *key gets a term, *data an entry, both valid
 * until the next call.  The operations: MDB_FIRST, MDB_SET_RANGE (the
 * first term at or after key; key may hold a NUL, "the terms after what
 * comes before it"), MDB_SET_KEY, MDB_NEXT, MDB_NEXT_DUP, MDB_NEXT_NODUP,
 * MDB_GET_BOTH (key's entry equal to data), MDB_GET_BOTH_RANGE (key's
 * first entry at or after data, which may be the beginning of one).
 * After MDB_NEXT_DUP gives MDB_NOTFOUND, MDB_NEXT and MDB_NEXT_NODUP go
 * on to the next term.
 * Returns MDB_SUCCESS, MDB_NOTFOUND, MDB_CORRUPTED (a node that does not
 * decode: MDB_NEXT and MDB_NEXT_NODUP step past it), EINVAL (another
 * operation), or an LMDB error.
 */
int pd_post_get(struct pd_post_cur *c, MDB_val *key, MDB_val *data,
		MDB_cursor_op op);

/*
 * The entries of the term the cursor is on, counted up to `cap` (*n is
 * then cap + 1 at most): all of them when the cursor came to the term's
 * first entry through MDB_FIRST, MDB_SET_RANGE, MDB_SET_KEY, MDB_NEXT_NODUP
 * or MDB_NEXT into it.  The cursor is then at the term's end: MDB_NEXT and
 * MDB_NEXT_NODUP go on to the next term.  Returns an LMDB code.
 */
int pd_post_count(struct pd_post_cur *c, size_t cap, size_t *n);

/* --- writing -------------------------------------------------------------- */

/* One change to a term's set: put (or delete) `entry`. */
struct pd_post_op {
	const unsigned char *e;
	size_t               n;
	bool                 put;
};

/*
 * Apply `nops` changes (their entries strictly increasing) to `term` in
 * block table `dbi`: only the blocks they fall in are rewritten; a block
 * grown past a node's room is split, an emptied one removed, and a term
 * left with one entry kept in a plain node.  A put of an entry already
 * there and a delete of one that is not change nothing.
 * Returns an LMDB code (EINVAL: a malformed entry or term).
 */
int pd_post_apply(MDB_txn *txn, MDB_dbi dbi, const MDB_val *term,
		  const struct pd_post_op *ops, size_t nops);

/*
 * Writing a whole block table in order (the bulk import, the upgrade):
 * pairs (term, entry) strictly increasing are put with MDB_APPEND, each
 * block as full as a node may be.
 */
struct pd_post_builder;

/* Start writing into the empty table of `cur` (an LMDB write cursor the
 * caller keeps open).  Returns MDB_SUCCESS or ENOMEM. */
int pd_post_build_start(MDB_cursor *cur, struct pd_post_builder **out);

/* Add a pair.  Returns an LMDB code (EINVAL: malformed, or out of order). */
int pd_post_build_add(struct pd_post_builder *b, const void *term, size_t tn,
		      const void *entry, size_t en);

/*
 * Put the block being filled unless its term has only one entry so far
 * (its node is plain or a block only once the next pair tells): what is
 * put is whole whatever comes next, so the caller may commit.  `cur`, if
 * not NULL, is the cursor to go on with (the next transaction's).
 * Returns an LMDB code.
 */
int pd_post_build_flush(struct pd_post_builder *b, MDB_cursor *cur);

/* Put everything held back: the table is then whole.  The builder may go
 * on with later terms.  Returns an LMDB code. */
int pd_post_build_finish(struct pd_post_builder *b);

/* Free the builder (what it held back is lost).  NULL: nothing. */
void pd_post_build_free(struct pd_post_builder *b);

/* --- checking ------------------------------------------------------------- */

/*
 * Read every node of posting table `dbi`: *entries gets the number of
 * entries; `bad` (may be NULL) is called with the term of each node that
 * does not decode or whose entries are out of order (its entries are not
 * counted).  Returns an LMDB code.
 */
int pd_post_verify(MDB_txn *txn, MDB_dbi dbi, size_t *entries,
		   void (*bad)(void *ctx, const MDB_val *term), void *ctx);

#endif
