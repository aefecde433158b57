/*
 * postings_codec.h — the value of a block node of a posting table
 * (postings_codec.c; the layout as a whole is in postings.h).  Internal
 * to store/.
 *
 * The value holds the block's entries after its first (which is in the
 * key), each written against the one before it:
 *
 *   shared(1)    bytes of the head it shares with the entry before (0 at a
 *                restart: entries 16, 32, ... of the block, the first
 *                being entry 0)
 *   varint       the number of head bytes that follow, times 8, plus the
 *                kind
 *   bytes        the rest of the head
 *   varint       the id
 *
 * then a u16 (big-endian) offset in the value of each restart, then a u16:
 * the entries of the block, the first included.  Varints are LEB128.  A
 * seek compares the restarts (whole entries) and decodes forward from the
 * last one before what it seeks: at most 15 entries.
 */
#ifndef PLANDESK_STORE_POSTINGS_CODEC_H
#define PLANDESK_STORE_POSTINGS_CODEC_H

#include "postings.h"

#define PD_POST_RESTART  16    /* entries between restarts */
#define PD_POST_RST_MAX  64    /* restarts a block may have */

/* Reading one block: the current entry and where the next one is. */
struct pd_post_dec {
	const unsigned char *val, *p, *end;   /* the value; next entry; end of entries */
	const unsigned char *rst;             /* the restart offsets */
	const unsigned char *first;           /* entry 0 (in the key: it must
						 live as long as the decoder) */
	size_t               fn;
	size_t               nrst;
	size_t               count, idx;      /* entries in the block; the current one */
	unsigned char        e[PD_POST_ENTRY_MAX];   /* the current entry */
	size_t               n;
};

/*
 * Start at entry 0 of the block whose first entry is `first` (from its
 * key, which must stay where it is while the decoder is used) and value
 * `val` (NULL: a plain node, one entry).  Returns
 * MDB_SUCCESS, MDB_CORRUPTED (the value's trailer or the entry is bad).
 */
int pd_post_dec_start(struct pd_post_dec *d, const void *first, size_t fn,
		      const MDB_val *val);

/* Step to the next entry of the block.  MDB_SUCCESS; MDB_NOTFOUND past
 * its last; MDB_CORRUPTED. */
int pd_post_dec_next(struct pd_post_dec *d);

/* Move to the block's first entry at or after `want` (memcmp order, a
 * prefix first).  MDB_SUCCESS; MDB_NOTFOUND when every entry is before
 * it (the decoder is then on the last); MDB_CORRUPTED. */
int pd_post_dec_seek(struct pd_post_dec *d, const void *want, size_t wn);

/* memcmp order, a prefix first: the order of entries. */
int pd_post_cmp(const void *a, size_t an, const void *b, size_t bn);

/* Writing one block's value. */
struct pd_post_enc {
	struct pd_buf *out;                     /* the value, appended to */
	size_t         start;                   /* where it begins in out */
	unsigned char  prev[PD_POST_ENTRY_MAX]; /* the entry before */
	size_t         prevn;
	size_t         count;                   /* entries, the first included */
	uint16_t       rst[PD_POST_RST_MAX];
	size_t         nrst;
};

/* Begin a block whose first entry is `first` (it goes in the key, not in
 * out). */
void pd_post_enc_start(struct pd_post_enc *enc, struct pd_buf *out,
		       const void *first, size_t fn);

/* The bytes the value would have with entry e added, or SIZE_MAX when the
 * block cannot take one more. */
size_t pd_post_enc_size_with(const struct pd_post_enc *enc, const void *e,
			     size_t n);

/* Add entry e (after the one before).  Returns MDB_SUCCESS, ENOMEM,
 * EINVAL (the block is full: see pd_post_enc_size_with). */
int pd_post_enc_add(struct pd_post_enc *enc, const void *e, size_t n);

/* Add entry e when the value with it takes at most `room` bytes (the
 * entry's bytes worked out once, not by pd_post_enc_size_with and again
 * by pd_post_enc_add): *added says whether.  Returns MDB_SUCCESS, ENOMEM,
 * EINVAL as pd_post_enc_add. */
int pd_post_enc_add_within(struct pd_post_enc *enc, const void *e, size_t n,
			   size_t room, bool *added);

/* Write the trailer: the value is then whole.  MDB_SUCCESS or ENOMEM. */
int pd_post_enc_finish(struct pd_post_enc *enc);

/* The room a node's value has besides a key of `klen` bytes in `txn`'s
 * environment: what LMDB keeps on the leaf page. */
size_t pd_post_room(MDB_txn *txn, size_t klen);

#endif
