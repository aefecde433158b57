/*
 * journal.c — the undo journal's log: what each write leaves for undo
 * and redo to apply (records/undo.c applies it).
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
 * current images first); redo does the reverse (records/undo.c).  A new
 * write clears `redo` (pd_journal_commit).  At most PD_UNDO_MAX entries
 * are kept.
 *
 * The session is a random number each pd_store_open draws, so a client
 * can tell its own changes from another client's before undoing them.
 * Entries written before sessions were kept have none (never "ours").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handles.h"
#include "journal.h"
#include "mdb_err.h"

#define HDR_FIXED 24

int pd_journal_last(struct pd_txn *txn, MDB_dbi dbi, uint64_t *seq, bool first)
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
	int rc = pd_journal_last(txn, txn->st->dbi[PD_DB_UNDO], seq, false);

	*seq += 1;
	return rc == PD_OK ? PD_OK : pd_err_set(err, rc, "cannot read the undo journal");
}

int pd_journal_put_op(struct pd_txn *txn, MDB_dbi dbi, uint64_t seq,
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
	return pd_journal_put_op(txn, txn->st->dbi[PD_DB_UNDO], txn->seq, kind, id,
				 before, MDB_NOOVERWRITE, err);
}

int pd_journal_put_header(struct pd_txn *txn, MDB_dbi dbi, uint64_t seq,
			  const struct pd_journal_header *h, struct pd_err *err)
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

bool pd_journal_get_header(const MDB_val *d, struct pd_journal_header *h)
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

int pd_journal_drop(struct pd_txn *txn, MDB_dbi dbi, uint64_t seq,
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
	struct pd_journal_header h = { .time = txn->now, .lo = txn->id_lo,
					.hi = txn->next_id,
					.session = txn->st->session };
	uint64_t bottom;
	MDB_stat s;
	int rc;

	if (!txn->journal)
		return PD_OK;
	snprintf(h.label, sizeof h.label, "%s", txn->label);
	if ((rc = pd_journal_put_header(txn, undo, txn->seq, &h, err)))
		return rc;
	if (mdb_stat(txn->txn, redo, &s) == MDB_SUCCESS && s.ms_entries &&
	    (rc = mdb_drop(txn->txn, redo, 0)))
		return pd_mdb_err(txn, rc, err, "journal");
	while ((rc = pd_journal_last(txn, undo, &bottom, true)) == PD_OK && bottom &&
	       txn->seq - bottom >= PD_UNDO_MAX)
		if ((rc = pd_journal_drop(txn, undo, bottom, err)) != PD_OK)
			return rc;
	return rc;
}
