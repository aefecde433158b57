/*
 * undo.c — undo and redo that survive a restart: the newest entry of the
 * journal's log (store/journal.c) applied in one write, each image put
 * back through pd_raw_set so that every derived entry follows, and the
 * entry moved to the other list.  A legal hold (held.c) is never undone:
 * an entry that would delete something held is refused whole, and an
 * image put back keeps the hold the record has now.
 */
#include <stdio.h>
#include <string.h>

#include "plandesk/records/undo.h"
#include "records_impl.h"
#include "store/journal.h"
#include "store/mdb_err.h"

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
	return pd_journal_put_op(txn, to, seq, kind, id, rc == PD_OK ? &cur : NULL, 0,
				 err);
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
		/* Nothing held is deleted, and the hold stays as it is. */
		if ((rc = img.n ? pd_hold_keep(txn, kind, id, &img, err)
				: pd_hold_refuse(txn, kind, id, err)))
			goto out;
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
			if ((rc = pd_hold_refuse(txn, kind, id, err)) ||
			    (rc = capture(txn, to, dest, kind, id, err)) ||
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
	struct pd_journal_header h;
	uint64_t seq, dest;
	int rc;

	txn->journal = false;
	if ((rc = pd_journal_last(txn, a->from, &seq, false)) != PD_OK)
		return pd_err_set(err, rc, "cannot read the undo journal");
	if (!seq)
		return pd_err_set(err, PD_EEMPTY, "nothing to %s",
				  a->from == txn->st->dbi[PD_DB_UNDO] ? "undo" : "redo");
	if (a->expect && seq != a->expect)
		return pd_err_set(err, PD_ECONFLICT, "another change was made meanwhile; "
				  "nothing was %s", a->from == txn->st->dbi[PD_DB_UNDO] ?
				  "undone" : "redone");
	if ((rc = pd_journal_last(txn, a->to, &dest, false)) != PD_OK)
		return pd_err_set(err, rc, "cannot read the undo journal");
	dest++;
	pd_put_be64(kb, seq);
	if (mdb_get(txn->txn, a->from, &k, &d) != MDB_SUCCESS || !pd_journal_get_header(&d, &h))
		return pd_err_set(err, PD_ECORRUPT, "undo journal entry has no header");
	snprintf(a->label, sizeof a->label, "%s", h.label);
	if ((rc = apply_ops(txn, a, seq, dest, err)) ||
	    (rc = remove_range(txn, a->to, dest, h.lo, h.hi, err)) ||
	    (rc = pd_journal_drop(txn, a->from, seq, err)))
		return rc;
	/* The moved entry keeps who made the change and when. */
	h.lo = h.hi = 0;
	if ((rc = pd_journal_put_header(txn, a->to, dest, &h, err)))
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
	struct pd_journal_header h;
	int rc = pd_txn_read(st, &txn, err);

	memset(out, 0, sizeof *out);
	if (rc != PD_OK)
		return rc;
	if ((rc = pd_journal_last(txn, dbi, &out->seq, false)) != PD_OK)
		rc = pd_err_set(err, rc, "cannot read the undo journal");
	else if (!out->seq)
		rc = pd_err_set(err, PD_EEMPTY, "nothing to %s", redo ? "redo" : "undo");
	else {
		pd_put_be64(kb, out->seq);
		if (mdb_get(txn->txn, dbi, &k, &d) != MDB_SUCCESS || !pd_journal_get_header(&d, &h))
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
		pd_journal_last(txn, dbi, &top, false);
		pd_journal_last(txn, dbi, &bottom, true);
		if (count)
			*count = top ? (size_t)(top - bottom + 1) : 0;
		if (!i && top && next_label && n) {
			struct pd_journal_header h;
			pd_put_be64(kb, top);
			if (mdb_get(txn->txn, dbi, &k, &d) == MDB_SUCCESS && pd_journal_get_header(&d, &h))
				snprintf(next_label, n, "%s", h.label);
		}
	}
	pd_txn_end(txn);
	return PD_OK;
}
