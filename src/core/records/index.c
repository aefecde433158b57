/*
 * index.c — the entries a record derives: positions in the index databases
 * (their layout in store/indexes.h) and its unique key.  pd_raw_set
 * removes a record's old entries and adds its new ones in the same
 * transaction as the record itself.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "plandesk/records/records.h"
#include "index.h"
#include "store/write_queue.h"
#include "store/indexes.h"

static void sort_key(const struct pd_record *r, const struct pd_ixdef *d,
		     unsigned char *out)
{
	const struct pd_field *fd;

	if (d->sort < 0)
		return;
	fd = &pd_kind_info(d->kind)->fields[d->sort];
	if (fd->type == PD_T_INT) {
		pd_put_be64(out, (uint64_t)pd_get_int(r, d->sort) ^ (1ull << 63));
	} else {
		size_t n = r->v[d->sort].n > 10 ? 10 : r->v[d->sort].n;
		memset(out, 0, 10);
		memcpy(out, pd_get_text(r, d->sort), n);
	}
}

static int add_ix_entries(struct pd_txn *txn, const struct pd_record *r,
			  enum pd_index ix, struct pd_entries *out)
{
	const struct pd_ixdef *d = pd_ixdef(ix);
	unsigned char key[8], data[18];
	size_t sl = pd_ix_sortlen(ix), nparents;

	sort_key(r, d, data);
	pd_put_be64(data + sl, r->id);
	if (d->parent < 0) {
		memset(key, 0, 8);
		return pd_entries_add(out, txn->st->ix_dbi[ix], 0, key, 8, data, sl + 8);
	}
	if (pd_kind_info(d->kind)->fields[d->parent].type == PD_T_REFS)
		nparents = pd_refs_count(r, d->parent);
	else
		nparents = pd_get_ref(r, d->parent) ? 1 : 0;
	for (size_t i = 0; i < nparents; i++) {
		uint64_t parent = pd_refs_at(r, d->parent, i);
		pd_put_be64(key, parent);
		if (pd_entries_add(out, txn->st->ix_dbi[ix], 0, key, 8,
				   data, sl + 8) != PD_OK)
			return PD_ENOMEM;
	}
	return PD_OK;
}

/* Append folded text, cut to keep the key under LMDB's 511-byte limit. */
static int add_folded(struct pd_buf *key, const char *s)
{
	size_t at = key->n;
	int rc;

	if ((rc = pd_text_fold_buf(s, strlen(s), key)) != PD_OK)
		return rc;
	/* by bytes, at a character boundary */
	key->n = at + pd_utf8_cut(key->p + at, key->n - at, 400);
	key->p[key->n] = '\0';
	return PD_OK;
}

int pd_unique_key(const struct pd_record *r, struct pd_buf *key)
{
	unsigned char plan[8];
	const char *text;
	char tag;

	pd_buf_reset(key);
	switch (r->kind) {
	case PD_PLAN:   tag = 'P'; text = pd_get_text(r, PD_PLAN_REF); break;
	case PD_ITEM:   tag = 'I'; text = pd_get_text(r, PD_ITEM_REF); break;
	case PD_ORG:    tag = 'O'; text = pd_get_text(r, PD_ORG_NAME); break;
	case PD_PERSON: tag = 'E'; text = pd_get_text(r, PD_PERSON_EMAIL); break;
	default:        return PD_OK;
	}
	if (!*text)
		return PD_OK;
	if (pd_buf_putc(key, tag) != PD_OK)
		return PD_ENOMEM;
	if (r->kind == PD_ITEM) {
		pd_put_be64(plan, pd_get_ref(r, PD_ITEM_PLAN));
		if (pd_buf_add(key, plan, 8) != PD_OK)
			return PD_ENOMEM;
	}
	return add_folded(key, text);
}

int pd_unique_lookup(struct pd_txn *txn, const struct pd_buf *key, uint64_t *id)
{
	MDB_val k = { key->n, key->p }, d;

	*id = 0;
	/* in a write, as its queued writes leave it (write_queue.h) */
	if (!key->n ||
	    pd_txn_unique_get(txn, txn->st->dbi[PD_DB_UNIQUE], &k, &d) != MDB_SUCCESS)
		return PD_NOTFOUND;
	if (d.mv_size != 8)
		return PD_ECORRUPT;
	*id = pd_get_be64(d.mv_data);
	return PD_OK;
}

/* pd_index_derived.entries: r's index positions and its unique key. */
static int index_entries(struct pd_txn *txn, const struct pd_record *r,
			 struct pd_entries *out, struct pd_err *err)
{
	struct pd_buf key = PD_BUF_INIT;
	unsigned char id[8];
	int rc = PD_OK;

	for (int ix = 0; ix < PD_NINDEXES && rc == PD_OK; ix++)
		if (pd_ixdef(ix)->kind == r->kind)
			rc = add_ix_entries(txn, r, ix, out);
	if (rc == PD_OK)
		rc = pd_unique_key(r, &key);
	if (rc == PD_OK && key.n) {
		pd_put_be64(id, r->id);
		/* queued: put sorted at the end, read through the queue */
		rc = pd_entries_add(out, txn->st->dbi[PD_DB_UNIQUE],
				    PD_ENTRY_UNIQUE | PD_ENTRY_QUEUED, key.p, key.n, id, 8);
	}
	pd_buf_free(&key);
	(void)err;   /* the caller says what failed */
	return rc;
}

const struct pd_derived_ops pd_index_derived = {
	.name = "indexes and unique keys",
	.entries = index_entries,
};

static int find_by_key(struct pd_txn *txn, struct pd_record *probe, uint64_t *id)
{
	struct pd_buf key = PD_BUF_INIT;
	int rc = pd_unique_key(probe, &key);

	if (rc == PD_OK)
		rc = pd_unique_lookup(txn, &key, id);
	pd_buf_free(&key);
	pd_record_clear(probe);
	return rc;
}

int pd_find_plan(struct pd_txn *txn, const char *ref, uint64_t *id)
{
	struct pd_record p;

	pd_record_init(&p, PD_PLAN);
	if (pd_set_text(&p, PD_PLAN_REF, ref, (size_t)-1))
		return PD_ENOMEM;
	return find_by_key(txn, &p, id);
}

int pd_find_item(struct pd_txn *txn, uint64_t plan, const char *ref, uint64_t *id)
{
	struct pd_record p;

	pd_record_init(&p, PD_ITEM);
	if (pd_set_text(&p, PD_ITEM_REF, ref, (size_t)-1) ||
	    pd_set_ref(&p, PD_ITEM_PLAN, plan))
		return PD_ENOMEM;
	return find_by_key(txn, &p, id);
}

int pd_find_org(struct pd_txn *txn, const char *name, uint64_t *id)
{
	struct pd_record p;

	pd_record_init(&p, PD_ORG);
	if (pd_set_text(&p, PD_ORG_NAME, name, (size_t)-1))
		return PD_ENOMEM;
	return find_by_key(txn, &p, id);
}

int pd_find_person_email(struct pd_txn *txn, const char *email, uint64_t *id)
{
	struct pd_record p;

	pd_record_init(&p, PD_PERSON);
	if (pd_set_text(&p, PD_PERSON_EMAIL, email, (size_t)-1))
		return PD_ENOMEM;
	return find_by_key(txn, &p, id);
}
