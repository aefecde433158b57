/*
 * drafts.c — a meeting left open and its half-typed lines, kept in the
 * `drafts` database so that leaving the client, a dropped connection or a
 * crash loses nothing (meeting.h).
 *
 *	key meeting (8 bytes)		the meeting is open; value: the item on
 *					screen (8 bytes)
 *	key meeting + item (16 bytes)	the line half-typed at that item;
 *					value: kind (1: 0 a new line, else
 *					the kind + 1 of the note or action it
 *					edits), its id (8), the text
 *
 * Files written before lines were kept per item hold one 8-byte key whose
 * value is the item and then the text; it is read as that item's line.
 * Saves are PD_W_NO_JOURNAL writes: a draft is not an edit the user can
 * undo, and other processes need not refresh.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "meeting_impl.h"
#include "store/handles.h"
#include "store/mdb_err.h"

#define LINE_HEAD 9   /* kind + id */

static void put_key(unsigned char *kb, uint64_t meeting, uint64_t item)
{
	pd_put_be64(kb, meeting);
	pd_put_be64(kb + 8, item);
}

struct save_ctx {
	uint64_t                    meeting, item;
	const struct pd_draft_line *line;   /* NULL: only the marker */
};

static int save_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct save_ctx *c = ctx;
	MDB_dbi dbi = txn->st->dbi[PD_DB_DRAFTS];
	const struct pd_draft_line *l = c->line;
	unsigned char kb[16], ib[8];
	MDB_val k = { 8, kb }, v = { 8, ib };
	int rc;

	put_key(kb, c->meeting, 0);
	pd_put_be64(ib, c->item);
	if ((rc = mdb_put(txn->txn, dbi, &k, &v, 0)))
		return pd_mdb_err(txn, rc, err, "keeping the meeting open");
	txn->dirty = true;
	if (!l)
		return PD_OK;
	put_key(kb, c->meeting, l->item);
	k.mv_size = 16;
	if (l->kind < 0 && (!l->text || !*l->text)) {
		rc = mdb_del(txn->txn, dbi, &k, NULL);
		return rc && rc != MDB_NOTFOUND ? pd_mdb_err(txn, rc, err, "clearing a line")
						: PD_OK;
	}
	v.mv_size = LINE_HEAD + (l->text ? strlen(l->text) : 0);
	if ((rc = mdb_put(txn->txn, dbi, &k, &v, MDB_RESERVE)))
		return pd_mdb_err(txn, rc, err, "keeping the line typed so far");
	((unsigned char *)v.mv_data)[0] = (unsigned char)(l->kind < 0 ? 0 : l->kind + 1);
	pd_put_be64((unsigned char *)v.mv_data + 1, l->kind < 0 ? 0 : l->id);
	if (v.mv_size > LINE_HEAD)
		memcpy((char *)v.mv_data + LINE_HEAD, l->text, v.mv_size - LINE_HEAD);
	return PD_OK;
}

int pd_draft_open(struct pd_store *st, uint64_t meeting, uint64_t item,
		  struct pd_err *err)
{
	struct save_ctx c = { meeting, item, NULL };

	return pd_store_write(st, "draft", PD_W_NO_JOURNAL, save_body, &c, err);
}

int pd_draft_save(struct pd_store *st, uint64_t meeting, uint64_t item,
		  const struct pd_draft_line *line, struct pd_err *err)
{
	struct save_ctx c = { meeting, item, line };

	if (line && line->text && !pd_utf8_valid(line->text, strlen(line->text)))
		return pd_err_set(err, PD_EINVAL, "the line is not valid UTF-8");
	return pd_store_write(st, "draft", PD_W_NO_JOURNAL, save_body, &c, err);
}

/* Delete the keys of `meeting` from `item` on (item 0: all of them),
 * only that item's line when `one`. */
static int drop(struct pd_txn *txn, uint64_t meeting, uint64_t item, bool one,
		struct pd_err *err)
{
	MDB_dbi dbi = txn->st->dbi[PD_DB_DRAFTS];
	unsigned char kb[16];
	MDB_cursor *c;
	MDB_val k, v;
	int rc;

	if ((rc = mdb_cursor_open(txn->txn, dbi, &c)))
		return pd_mdb_err(txn, rc, err, "clearing the draft");
	put_key(kb, meeting, item);
	k.mv_size = item ? 16 : 8;
	k.mv_data = kb;
	for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == MDB_SUCCESS;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if (k.mv_size < 8 || pd_get_be64(k.mv_data) != meeting ||
		    (one && (k.mv_size != 16 || memcmp(k.mv_data, kb, 16) != 0)))
			break;
		if ((rc = mdb_cursor_del(c, 0)))
			break;
		txn->dirty = true;
	}
	mdb_cursor_close(c);
	return rc && rc != MDB_NOTFOUND ? pd_mdb_err(txn, rc, err, "clearing the draft")
					: PD_OK;
}

int pd_draft_clear_txn(struct pd_txn *txn, uint64_t meeting, struct pd_err *err)
{
	return drop(txn, meeting, 0, false, err);
}

int pd_draft_clear_line_txn(struct pd_txn *txn, uint64_t meeting, uint64_t item,
			    struct pd_err *err)
{
	return drop(txn, meeting, item, true, err);
}

static int clear_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	return pd_draft_clear_txn(txn, *(uint64_t *)ctx, err);
}

int pd_draft_clear(struct pd_store *st, uint64_t meeting, struct pd_err *err)
{
	return pd_store_write(st, "draft", PD_W_NO_JOURNAL, clear_body, &meeting,
			      err);
}

void pd_draft_free(struct pd_draft *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i].text);
	free(d->lines);
	memset(d, 0, sizeof *d);
}

/* Append a line (kind byte as stored) to `d`; PD_OK or PD_ENOMEM. */
static int add_line(struct pd_draft *d, uint64_t item, int kind, uint64_t id,
		    const char *text, size_t n)
{
	struct pd_draft_line *l = realloc(d->lines, (d->n + 1) * sizeof *l);

	if (!l)
		return PD_ENOMEM;
	d->lines = l;
	l += d->n;
	if (!(l->text = malloc(n + 1)))
		return PD_ENOMEM;
	memcpy(l->text, text, n);
	l->text[n] = '\0';
	l->item = item;
	l->kind = kind;
	l->id = id;
	d->n++;
	return PD_OK;
}

/* One key of the meeting into `d`. */
static int read_entry(struct pd_draft *d, const MDB_val *k, const MDB_val *v,
		      struct pd_err *err)
{
	const unsigned char *p = v->mv_data;
	int rc = PD_OK;

	if (k->mv_size == 8 && v->mv_size >= 8) {
		d->item = pd_get_be64(p);
		if (v->mv_size > 8)   /* the older one-line form */
			rc = add_line(d, d->item, -1, 0, (const char *)p + 8, v->mv_size - 8);
	} else if (k->mv_size == 16 && v->mv_size >= LINE_HEAD &&
		   (p[0] == 0 || p[0] - 1 == PD_UPDATE || p[0] - 1 == PD_ACTION)) {
		rc = add_line(d, pd_get_be64((const unsigned char *)k->mv_data + 8),
			      p[0] ? p[0] - 1 : -1, pd_get_be64(p + 1),
			      (const char *)p + LINE_HEAD, v->mv_size - LINE_HEAD);
	} else {
		return pd_err_set(err, PD_ECORRUPT, "a meeting draft is damaged");
	}
	return rc == PD_OK ? PD_OK : pd_err_nomem(err);
}

int pd_draft_load(struct pd_store *st, uint64_t meeting, struct pd_draft *out,
		  struct pd_err *err)
{
	struct pd_txn *txn;
	unsigned char kb[8];
	MDB_cursor *c;
	MDB_val k = { 8, kb }, v;
	bool open = false;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	pd_put_be64(kb, meeting);
	if ((rc = mdb_cursor_open(txn->txn, st->dbi[PD_DB_DRAFTS], &c))) {
		rc = pd_mdb_err(NULL, rc, err, "reading the draft");
		goto out;
	}
	rc = PD_OK;
	for (int m = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == PD_OK;
	     m = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if (m == MDB_NOTFOUND || (m == MDB_SUCCESS && (k.mv_size < 8 ||
				pd_get_be64(k.mv_data) != meeting)))
			break;
		if (m != MDB_SUCCESS)
			rc = pd_mdb_err(NULL, m, err, "reading the draft");
		else if ((rc = read_entry(out, &k, &v, err)) == PD_OK)
			open = true;
	}
	mdb_cursor_close(c);
	if (rc == PD_OK && !open)
		rc = pd_err_set(err, PD_NOTFOUND, "no draft");
out:
	pd_txn_end(txn);
	if (rc != PD_OK)
		pd_draft_free(out);
	return rc;
}

int pd_draft_find(struct pd_store *st, uint64_t *meeting, struct pd_err *err)
{
	struct pd_txn *txn;
	MDB_cursor *c;
	MDB_val k, v;
	int rc;

	*meeting = 0;
	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	if ((rc = mdb_cursor_open(txn->txn, st->dbi[PD_DB_DRAFTS], &c))) {
		rc = pd_mdb_err(NULL, rc, err, "reading drafts");
	} else {
		rc = mdb_cursor_get(c, &k, &v, MDB_LAST);
		if (rc == MDB_SUCCESS && k.mv_size != 8 && k.mv_size != 16)
			rc = pd_err_set(err, PD_ECORRUPT, "a meeting draft is damaged");
		else if (rc == MDB_SUCCESS)
			*meeting = pd_get_be64(k.mv_data);
		else
			rc = pd_mdb_err(NULL, rc, err, "reading drafts");
		mdb_cursor_close(c);
	}
	pd_txn_end(txn);
	return rc;
}
