/*
 * history.c — a record's history read from the undo journal (history.h).
 * An entry holds the before-image of each record its write changed, and
 * the range of ids it created; so a change is seen by comparing an image
 * with the next one (or with the record as it is now).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/protect/history.h"
#include "plandesk/records/codec.h"
#include "store/journal.h"
#include "store/mdb_err.h"

struct hev {
	struct pd_journal_header h;
	uint64_t                 seq;
	bool                     created;
	bool                     has_op;
	void                    *img;   /* before-image (kind byte off) */
	size_t                   n;     /* 0: it was absent */
};

struct hlist {
	struct hev *v;
	size_t      n, cap;
};

static struct hev *push(struct hlist *l, uint64_t seq, const struct pd_journal_header *h)
{
	struct hev *v;

	if (l->n && l->v[l->n - 1].seq == seq)
		return &l->v[l->n - 1];
	if (pd_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v, 16))
		return NULL;
	v = &l->v[l->n++];
	memset(v, 0, sizeof *v);
	v->seq = seq;
	v->h = *h;
	return v;
}

/* The entries of the journal that touch (kind, id), oldest first. */
static int collect(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		   struct hlist *l, int64_t *oldest, struct pd_err *err)
{
	struct pd_journal_header h = { 0 };
	MDB_cursor *c;
	MDB_val k, d;
	uint64_t seq = 0;
	int rc;

	if ((rc = mdb_cursor_open(txn->txn, txn->st->dbi[PD_DB_UNDO], &c)))
		return pd_mdb_err(txn, rc, err, "journal");
	for (rc = mdb_cursor_get(c, &k, &d, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &d, MDB_NEXT)) {
		struct hev *e;
		const unsigned char *p = d.mv_data;

		if (k.mv_size == 8) {   /* a header: its ops follow */
			seq = pd_get_be64(k.mv_data);
			if (!pd_journal_get_header(&d, &h))
				break;
			if (!*oldest)
				*oldest = h.time;
			if (id >= h.lo && id < h.hi) {
				if (!(e = push(l, seq, &h)))
					break;
				e->created = true;
			}
			continue;
		}
		if (k.mv_size != 16 || pd_get_be64((const unsigned char *)k.mv_data + 8) != id ||
		    d.mv_size < 1 || p[0] != kind || pd_get_be64(k.mv_data) != seq)
			continue;
		if (!(e = push(l, seq, &h)))
			break;
		e->has_op = true;
		e->n = d.mv_size - 1;
		if (e->n && !(e->img = malloc(e->n)))
			break;
		if (e->n)
			memcpy(e->img, p + 1, e->n);
	}
	mdb_cursor_close(c);
	if (rc == 0)   /* stopped early */
		return k.mv_size == 8 ? pd_err_set(err, PD_ECORRUPT, "a journal entry is "
						   "damaged") : pd_err_nomem(err);
	return rc == MDB_NOTFOUND ? PD_OK : pd_mdb_err(txn, rc, err, "journal");
}

/* The fields that differ between a and b, named into buf. */
static void diff(const struct pd_record *a, const struct pd_record *b, char *buf, size_t n)
{
	const struct pd_kind_info *ki = pd_kind_info(a->kind);
	size_t used = 0;

	buf[0] = '\0';
	for (int f = 0; f < ki->nfields && used < n; f++) {
		const struct pd_val *x = &a->v[f], *y = &b->v[f];
		if (x->n == y->n && (!x->n || memcmp(x->p, y->p, x->n) == 0))
			continue;
		used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? ", " : "",
					 ki->fields[f].col ? ki->fields[f].col : ki->fields[f].name);
	}
}

int pd_history(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	       int64_t *oldest, pd_hist_fn fn, void *ctx, struct pd_err *err)
{
	struct hlist l = { 0 };
	struct pd_record now, before, after;
	bool now_there;
	int64_t first = 0;
	int rc;

	pd_record_init(&now, kind);
	pd_record_init(&before, kind);
	pd_record_init(&after, kind);
	if ((rc = collect(txn, kind, id, &l, &first, err)) != PD_OK)
		goto out;
	if (oldest)
		*oldest = first;
	rc = pd_get(txn, kind, id, &now, err);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		goto out;
	now_there = rc == PD_OK;
	rc = PD_OK;
	/* Ids are shared by every kind: a range a write created says nothing
	 * of this kind's record unless it is there now or the journal has
	 * images of it. */
	if (!now_there) {
		bool imaged = false;
		for (size_t i = 0; i < l.n; i++)
			imaged |= l.v[i].has_op;
		if (!imaged)
			l.n = 0;
	}
	for (size_t i = 0; i < l.n && rc == PD_OK; i++) {
		struct pd_hist_event e = { .seq = l.v[i].seq, .time = l.v[i].h.time,
					   .session = l.v[i].h.session, .label = l.v[i].h.label };
		const struct hev *next = NULL;
		bool had, has;

		for (size_t j = i + 1; j < l.n && !next; j++)
			if (l.v[j].has_op)
				next = &l.v[j];
		has = next ? next->n > 0 : now_there;
		had = l.v[i].has_op && l.v[i].n;
		pd_record_clear(&before);
		pd_record_clear(&after);
		if (l.v[i].created && !l.v[i].has_op) {
			e.what = has ? PD_H_CREATED : PD_H_DELETED;
		} else if (!had) {
			e.what = has ? PD_H_RESTORED : PD_H_DELETED;
		} else if (!has) {
			e.what = PD_H_DELETED;
		} else {
			e.what = PD_H_CHANGED;
			if ((rc = pd_decode(l.v[i].img, l.v[i].n, &before, err)) != PD_OK ||
			    (next && (rc = pd_decode(next->img, next->n, &after, err)) != PD_OK))
				break;
			diff(&before, next ? &after : &now, e.fields, sizeof e.fields);
		}
		rc = fn(ctx, &e);
	}
out:
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i].img);
	free(l.v);
	pd_record_clear(&now);
	pd_record_clear(&before);
	pd_record_clear(&after);
	return rc;
}
