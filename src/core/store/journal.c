/*
 * journal.c — undo and redo that survive a restart.
 *
 * Each write transaction gets a sequence number S and leaves in `undo`:
 *   key S (8 bytes)           header: time(8) id_lo(8) id_hi(8) label,
 *                             then NUL and the writer's session (8)
 *   key S+id (16 bytes)       op: kind(1) + before-image (empty: was absent)
 * Records created by the write are not copied: their ids are the range
 * [id_lo, id_hi) handed out during the write, so undoing a million-row
 * import removes that range and restores only what it changed.
 *
 * Undo applies the newest entry and moves it to `redo` (capturing the
 * current images first); redo does the reverse.  A new write clears
 * `redo`.  At most PD_UNDO_MAX entries are kept.
 *
 * The session is a random number each pd_store_open draws, so a client
 * can tell its own changes from another client's before undoing them.
 * Entries written before sessions were kept have none (never "ours").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"

#define HDR_FIXED 24

static int last_seq(struct pd_txn *txn, MDB_dbi dbi, uint64_t *seq, bool first)
{
	MDB_cursor *c;
	MDB_val k, d;
	int rc;

	*seq = 0;
	if ((rc = mdb_cursor_open(txn->txn, dbi, &c)))
		return pd_mdb_err(txn, rc, NULL, "journal");
	rc = mdb_cursor_get(c, &k, &d, first ? MDB_FIRST : MDB_LAST);
	if (rc == MDB_SUCCESS && k.mv_size >= 8)
		*seq = pd_get_be64(k.mv_data);
	mdb_cursor_close(c);
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK
						       : pd_mdb_err(txn, rc, NULL, "journal");
}

int pd_journal_next_seq(struct pd_txn *txn, uint64_t *seq, struct pd_err *err)
{
	int rc = last_seq(txn, txn->st->dbi[PD_DB_UNDO], seq, false);

	*seq += 1;
	return rc == PD_OK ? PD_OK : pd_err_set(err, rc, "cannot read the undo journal");
}

static int put_op(struct pd_txn *txn, MDB_dbi dbi, uint64_t seq,
		  enum pd_kind kind, uint64_t id, const MDB_val *image,
		  unsigned flags, struct pd_err *err)
{
	unsigned char kb[16];
	MDB_val k = { 16, kb }, d;
	int rc;

	pd_put_be64(kb, seq);
	pd_put_be64(kb + 8, id);
	d.mv_size = 1 + (image ? image->mv_size : 0);
	/* MDB_RESERVE: LMDB hands us the space, no temporary copy. */
	rc = mdb_put(txn->txn, dbi, &k, &d, flags | MDB_RESERVE);
	if (rc == MDB_KEYEXIST)
		return PD_OK;   /* already journaled in this write */
	if (rc)
		return pd_mdb_err(txn, rc, err, "journal");
	((unsigned char *)d.mv_data)[0] = (unsigned char)kind;
	if (image && image->mv_size)
		memcpy((unsigned char *)d.mv_data + 1, image->mv_data, image->mv_size);
	return PD_OK;
}

int pd_journal_before(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		      const MDB_val *before, struct pd_err *err)
{
	return put_op(txn, txn->st->dbi[PD_DB_UNDO], txn->seq, kind, id, before,
		      MDB_NOOVERWRITE, err);
}

/* A journal header, decoded. */
struct header {
	int64_t  time;
	uint64_t lo, hi, session;
	char     label[160];
};

static int put_header(struct pd_txn *txn, MDB_dbi dbi, uint64_t seq,
		      const struct header *h, struct pd_err *err)
{
	unsigned char kb[8], hdr[HDR_FIXED + sizeof h->label + 9];
	size_t ln = strnlen(h->label, sizeof h->label - 1);
	MDB_val k = { 8, kb }, d = { HDR_FIXED + ln, hdr };

	pd_put_be64(kb, seq);
	pd_put_be64(hdr, (uint64_t)h->time);
	pd_put_be64(hdr + 8, h->lo);
	pd_put_be64(hdr + 16, h->hi);
	memcpy(hdr + HDR_FIXED, h->label, ln);
	if (h->session) {
		hdr[HDR_FIXED + ln] = '\0';
		pd_put_be64(hdr + HDR_FIXED + ln + 1, h->session);
		d.mv_size += 9;
	}
	return pd_mdb_err(txn, mdb_put(txn->txn, dbi, &k, &d, 0), err, "journal");
}

/* Decode header `d`; false when it is too short to be one. */
static bool get_header(const MDB_val *d, struct header *h)
{
	const unsigned char *p = d->mv_data;
	size_t ln;

	memset(h, 0, sizeof *h);
	if (d->mv_size < HDR_FIXED)
		return false;
	h->time = (int64_t)pd_get_be64(p);
	h->lo = pd_get_be64(p + 8);
	h->hi = pd_get_be64(p + 16);
	ln = strnlen((const char *)p + HDR_FIXED, d->mv_size - HDR_FIXED);
	if (ln + 9 == d->mv_size - HDR_FIXED)
		h->session = pd_get_be64(p + HDR_FIXED + ln + 1);
	if (ln >= sizeof h->label)
		ln = sizeof h->label - 1;
	memcpy(h->label, p + HDR_FIXED, ln);
	h->label[ln] = '\0';
	return true;
}

/* Delete every key of entry `seq` in `dbi`. */
static int drop_entry(struct pd_txn *txn, MDB_dbi dbi, uint64_t seq,
		      struct pd_err *err)
{
	unsigned char kb[8];
	MDB_cursor *c;
	MDB_val k = { 8, kb }, d;
	int rc;

	pd_put_be64(kb, seq);
	if ((rc = mdb_cursor_open(txn->txn, dbi, &c)))
		return pd_mdb_err(txn, rc, err, "journal");
	for (;;) {
		k.mv_size = 8;
		k.mv_data = kb;
		rc = mdb_cursor_get(c, &k, &d, MDB_SET_RANGE);
		if (rc || k.mv_size < 8 || pd_get_be64(k.mv_data) != seq)
			break;
		if ((rc = mdb_cursor_del(c, 0)))
			break;
	}
	mdb_cursor_close(c);
	return rc == MDB_NOTFOUND || rc == MDB_SUCCESS ? PD_OK
						       : pd_mdb_err(txn, rc, err, "journal");
}

int pd_journal_commit(struct pd_txn *txn, struct pd_err *err)
{
	MDB_dbi undo = txn->st->dbi[PD_DB_UNDO], redo = txn->st->dbi[PD_DB_REDO];
	struct header h = { .time = txn->now, .lo = txn->id_lo, .hi = txn->next_id,
			    .session = txn->st->session };
	uint64_t bottom;
	MDB_stat s;
	int rc;

	if (!txn->journal)
		return PD_OK;
	snprintf(h.label, sizeof h.label, "%s", txn->label);
	if ((rc = put_header(txn, undo, txn->seq, &h, err)))
		return rc;
	if (mdb_stat(txn->txn, redo, &s) == MDB_SUCCESS && s.ms_entries &&
	    (rc = mdb_drop(txn->txn, redo, 0)))
		return pd_mdb_err(txn, rc, err, "journal");
	while ((rc = last_seq(txn, undo, &bottom, true)) == PD_OK && bottom &&
	       txn->seq - bottom >= PD_UNDO_MAX)
		if ((rc = drop_entry(txn, undo, bottom, err)) != PD_OK)
			return rc;
	return rc;
}

/* --- applying an entry ---------------------------------------------------- */

struct apply_ctx {
	MDB_dbi  from, to;
	uint64_t expect;   /* apply only entry `expect` (0: the newest) */
	char     label[160];
};

/* Save the current image of (kind, id) as op `seq` in `to`. */
static int capture(struct pd_txn *txn, MDB_dbi to, uint64_t seq,
		   enum pd_kind kind, uint64_t id, struct pd_err *err)
{
	MDB_val cur;
	int rc = pd_raw_get(txn, kind, id, &cur, err);

	if (rc != PD_OK && rc != PD_NOTFOUND)
		return rc;
	return put_op(txn, to, seq, kind, id, rc == PD_OK ? &cur : NULL, 0, err);
}

static int apply_ops(struct pd_txn *txn, struct apply_ctx *a, uint64_t seq,
		     uint64_t dest, struct pd_err *err)
{
	struct pd_buf img = PD_BUF_INIT;
	unsigned char kb[16];
	MDB_cursor *c;
	int rc;

	if ((rc = mdb_cursor_open(txn->txn, a->from, &c)))
		return pd_mdb_err(txn, rc, err, "journal");
	for (;;) {
		MDB_val k = { 16, kb }, d, image;
		enum pd_kind kind;
		uint64_t id;

		pd_put_be64(kb, seq);
		memset(kb + 8, 0, 8);
		rc = mdb_cursor_get(c, &k, &d, MDB_SET_RANGE);
		if (rc || k.mv_size != 16 || pd_get_be64(k.mv_data) != seq)
			break;
		id = pd_get_be64((unsigned char *)k.mv_data + 8);
		if (d.mv_size < 1 || ((unsigned char *)d.mv_data)[0] >= PD_NKINDS) {
			rc = pd_err_set(err, PD_ECORRUPT, "undo journal entry is damaged");
			goto out;
		}
		kind = ((unsigned char *)d.mv_data)[0];
		pd_buf_reset(&img);
		if (pd_buf_add(&img, (char *)d.mv_data + 1, d.mv_size - 1) != PD_OK) {
			rc = pd_err_nomem(err);
			goto out;
		}
		if ((rc = mdb_cursor_del(c, 0))) {
			rc = pd_mdb_err(txn, rc, err, "journal");
			goto out;
		}
		image.mv_size = img.n;
		image.mv_data = img.p;
		if ((rc = capture(txn, a->to, dest, kind, id, err)) ||
		    (rc = pd_raw_set(txn, kind, id, img.n ? &image : NULL, err)))
			goto out;
	}
	rc = rc == MDB_NOTFOUND || rc == MDB_SUCCESS ? PD_OK
						     : pd_mdb_err(txn, rc, err, "journal");
out:
	mdb_cursor_close(c);
	pd_buf_free(&img);
	return rc;
}

/* Remove the records created by the entry: ids in [lo, hi) of any kind. */
static int remove_range(struct pd_txn *txn, MDB_dbi to, uint64_t dest,
			uint64_t lo, uint64_t hi, struct pd_err *err)
{
	for (int kind = 0; kind < PD_NKINDS && lo < hi; kind++) {
		unsigned char kb[8];
		MDB_cursor *c;
		int rc;

		if ((rc = mdb_cursor_open(txn->txn, txn->st->kind_dbi[kind], &c)))
			return pd_mdb_err(txn, rc, err, "undo");
		for (uint64_t next = lo;;) {
			MDB_val k = { 8, kb }, d;
			uint64_t id;

			pd_put_be64(kb, next);
			rc = mdb_cursor_get(c, &k, &d, MDB_SET_RANGE);
			if (rc || (id = pd_get_be64(k.mv_data)) >= hi)
				break;
			next = id + 1;
			if ((rc = capture(txn, to, dest, kind, id, err)) ||
			    (rc = pd_raw_set(txn, kind, id, NULL, err))) {
				mdb_cursor_close(c);
				return rc;
			}
		}
		mdb_cursor_close(c);
		if (rc && rc != MDB_NOTFOUND)
			return pd_mdb_err(txn, rc, err, "undo");
	}
	return PD_OK;
}

static int apply_newest(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct apply_ctx *a = ctx;
	unsigned char kb[8];
	MDB_val k = { 8, kb }, d;
	struct header h;
	uint64_t seq, dest;
	int rc;

	txn->journal = false;
	if ((rc = last_seq(txn, a->from, &seq, false)) != PD_OK)
		return pd_err_set(err, rc, "cannot read the undo journal");
	if (!seq)
		return pd_err_set(err, PD_EEMPTY, "nothing to %s",
				  a->from == txn->st->dbi[PD_DB_UNDO] ? "undo" : "redo");
	if (a->expect && seq != a->expect)
		return pd_err_set(err, PD_ECONFLICT, "another change was made meanwhile; "
				  "nothing was %s", a->from == txn->st->dbi[PD_DB_UNDO] ?
				  "undone" : "redone");
	if ((rc = last_seq(txn, a->to, &dest, false)) != PD_OK)
		return pd_err_set(err, rc, "cannot read the undo journal");
	dest++;
	pd_put_be64(kb, seq);
	if (mdb_get(txn->txn, a->from, &k, &d) != MDB_SUCCESS || !get_header(&d, &h))
		return pd_err_set(err, PD_ECORRUPT, "undo journal entry has no header");
	snprintf(a->label, sizeof a->label, "%s", h.label);
	if ((rc = apply_ops(txn, a, seq, dest, err)) ||
	    (rc = remove_range(txn, a->to, dest, h.lo, h.hi, err)) ||
	    (rc = drop_entry(txn, a->from, seq, err)))
		return rc;
	/* The moved entry keeps who made the change and when. */
	h.lo = h.hi = 0;
	if ((rc = put_header(txn, a->to, dest, &h, err)))
		return rc;
	txn->dirty = true;
	return PD_OK;
}

static int apply(struct pd_store *st, int from, int to, uint64_t expect,
		 char *label, size_t n, struct pd_err *err)
{
	struct apply_ctx a = { .from = st->dbi[from], .to = st->dbi[to],
			       .expect = expect };
	int rc = pd_store_write(st, NULL, 0, apply_newest, &a, err);

	if (rc == PD_OK && label && n)
		snprintf(label, n, "%s", a.label);
	return rc;
}

int pd_store_undo(struct pd_store *st, char *label, size_t n, struct pd_err *err)
{
	return apply(st, PD_DB_UNDO, PD_DB_REDO, 0, label, n, err);
}

int pd_store_redo(struct pd_store *st, char *label, size_t n, struct pd_err *err)
{
	return apply(st, PD_DB_REDO, PD_DB_UNDO, 0, label, n, err);
}

int pd_store_undo_seq(struct pd_store *st, bool redo, uint64_t seq, char *label,
		      size_t n, struct pd_err *err)
{
	return redo ? apply(st, PD_DB_REDO, PD_DB_UNDO, seq, label, n, err)
		    : apply(st, PD_DB_UNDO, PD_DB_REDO, seq, label, n, err);
}

int pd_store_peek(struct pd_store *st, bool redo, struct pd_change_info *out,
		  struct pd_err *err)
{
	MDB_dbi dbi = st->dbi[redo ? PD_DB_REDO : PD_DB_UNDO];
	struct pd_txn *txn;
	unsigned char kb[8];
	MDB_val k = { 8, kb }, d;
	struct header h;
	int rc = pd_txn_read(st, &txn, err);

	memset(out, 0, sizeof *out);
	if (rc != PD_OK)
		return rc;
	if ((rc = last_seq(txn, dbi, &out->seq, false)) != PD_OK)
		rc = pd_err_set(err, rc, "cannot read the undo journal");
	else if (!out->seq)
		rc = pd_err_set(err, PD_EEMPTY, "nothing to %s", redo ? "redo" : "undo");
	else {
		pd_put_be64(kb, out->seq);
		if (mdb_get(txn->txn, dbi, &k, &d) != MDB_SUCCESS || !get_header(&d, &h))
			rc = pd_err_set(err, PD_ECORRUPT, "undo journal entry has no header");
		else {
			out->time = h.time;
			out->ours = h.session && h.session == st->session;
			snprintf(out->label, sizeof out->label, "%s", h.label);
		}
	}
	pd_txn_end(txn);
	return rc;
}

int pd_store_history(struct pd_store *st, size_t *nundo, size_t *nredo,
		     char *next_label, size_t n, struct pd_err *err)
{
	struct pd_txn *txn;
	uint64_t top, bottom;
	unsigned char kb[8];
	MDB_val k = { 8, kb }, d;
	int rc = pd_txn_read(st, &txn, err);

	if (rc != PD_OK)
		return rc;
	if (next_label && n)
		next_label[0] = '\0';
	for (int i = 0; i < 2; i++) {
		MDB_dbi dbi = st->dbi[i ? PD_DB_REDO : PD_DB_UNDO];
		size_t *count = i ? nredo : nundo;
		last_seq(txn, dbi, &top, false);
		last_seq(txn, dbi, &bottom, true);
		if (count)
			*count = top ? (size_t)(top - bottom + 1) : 0;
		if (!i && top && next_label && n) {
			struct header h;
			pd_put_be64(kb, top);
			if (mdb_get(txn->txn, dbi, &k, &d) == MDB_SUCCESS && get_header(&d, &h))
				snprintf(next_label, n, "%s", h.label);
		}
	}
	pd_txn_end(txn);
	return PD_OK;
}
