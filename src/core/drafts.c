/*
 * drafts.c — the half-typed line of a meeting, kept in the `drafts`
 * database so that a dropped connection or a crash loses nothing.
 *
 * Key: the meeting id (8 bytes, big-endian).  Value: the item id (8
 * bytes) then the text.  Saves are PD_W_NO_JOURNAL writes: a draft is not
 * an edit the user can undo, and other processes need not refresh.
 */
#include <stdlib.h>
#include <string.h>

#include "meeting_impl.h"
#include "store_impl.h"

struct draft_ctx {
	uint64_t    meeting, item;
	const char *text;
};

static int save_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct draft_ctx *d = ctx;
	unsigned char kb[8];
	MDB_val k = { 8, kb }, v;
	size_t n = strlen(d->text);
	int rc;

	if (!n)
		return pd_draft_clear_txn(txn, d->meeting, err);
	pd_put_be64(kb, d->meeting);
	v.mv_size = 8 + n;
	if ((rc = mdb_put(txn->txn, txn->st->dbi[PD_DB_DRAFTS], &k, &v, MDB_RESERVE)))
		return pd_mdb_err(txn, rc, err, "saving the draft");
	pd_put_be64(v.mv_data, d->item);
	memcpy((char *)v.mv_data + 8, d->text, n);
	txn->dirty = true;
	return PD_OK;
}

int pd_draft_save(struct pd_store *st, uint64_t meeting, uint64_t item,
		  const char *text, struct pd_err *err)
{
	struct draft_ctx d = { meeting, item, text ? text : "" };

	return pd_store_write(st, "draft", PD_W_NO_JOURNAL, save_body, &d, err);
}

int pd_draft_clear_txn(struct pd_txn *txn, uint64_t meeting, struct pd_err *err)
{
	unsigned char kb[8];
	MDB_val k = { 8, kb };
	int rc;

	pd_put_be64(kb, meeting);
	rc = mdb_del(txn->txn, txn->st->dbi[PD_DB_DRAFTS], &k, NULL);
	if (rc == MDB_NOTFOUND)
		return PD_OK;
	if (rc)
		return pd_mdb_err(txn, rc, err, "clearing the draft");
	txn->dirty = true;
	return PD_OK;
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

int pd_draft_load(struct pd_store *st, uint64_t meeting, uint64_t *item,
		  char **text, struct pd_err *err)
{
	struct pd_txn *txn;
	unsigned char kb[8];
	MDB_val k = { 8, kb }, v;
	int rc;

	*item = 0;
	*text = NULL;
	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	pd_put_be64(kb, meeting);
	rc = mdb_get(txn->txn, st->dbi[PD_DB_DRAFTS], &k, &v);
	if (rc == MDB_SUCCESS && v.mv_size < 8) {
		rc = pd_err_set(err, PD_ECORRUPT, "a meeting draft is damaged");
	} else if (rc == MDB_SUCCESS) {
		*item = pd_get_be64(v.mv_data);
		if (!(*text = malloc(v.mv_size - 8 + 1))) {
			rc = pd_err_set(err, PD_ENOMEM, "out of memory");
		} else {
			memcpy(*text, (char *)v.mv_data + 8, v.mv_size - 8);
			(*text)[v.mv_size - 8] = '\0';
			rc = PD_OK;
		}
	} else {
		rc = pd_mdb_err(NULL, rc, err, "reading the draft");
	}
	pd_txn_end(txn);
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
		if (rc == MDB_SUCCESS && k.mv_size != 8)
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
