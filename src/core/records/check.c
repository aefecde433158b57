/*
 * check.c — end-to-end verification of a database.
 *
 * Forward: every record decodes, has what its kind's table requires, and
 * each entry it derives is present.
 * Backward: each derived database holds exactly as many entries as the
 * records derive; when it holds more, a slower scan names the stray ones.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/date.h"
#include "plandesk/records/check.h"
#include "plandesk/records/codec.h"
#include "derived.h"
#include "store/indexes.h"
#include "store/postings.h"
#include "store/store_impl.h"

/* The derived databases, in the order of checker.expect. */
enum { SLOT_UNIQUE = PD_NINDEXES, SLOT_TERMS, SLOT_CARDS, NSLOTS };

struct checker {
	struct pd_txn *txn;
	struct pd_post_cur *terms;   /* the search terms (store/postings.h) */
	pd_check_cb    cb;
	void          *ctx;
	size_t         problems;
	/* Expected entry counts: per index, then unique, terms and cards. */
	size_t         expect[NSLOTS];
	uint64_t       max_id;
};

static void problem(struct checker *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void problem(struct checker *c, const char *fmt, ...)
{
	char msg[PD_ERR_MSG];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->problems++;
	if (c->cb)
		c->cb(c->ctx, msg);
}

static MDB_dbi slot_dbi(const struct pd_store *st, int slot)
{
	return slot < PD_NINDEXES ? st->ix_dbi[slot] :
	       slot == SLOT_UNIQUE ? st->dbi[PD_DB_UNIQUE] :
	       slot == SLOT_TERMS ? st->dbi[PD_DB_TERMS] : st->dbi[PD_DB_CARDS];
}

static const char *slot_name(int slot)
{
	return slot < PD_NINDEXES ? pd_ixdef(slot)->db :
	       slot == SLOT_UNIQUE ? "unique" : slot == SLOT_TERMS ? "terms" : "cards";
}

/* Which slot of c->expect a derived database is. */
static int slot_of(struct checker *c, MDB_dbi dbi)
{
	for (int i = 0; i < NSLOTS; i++)
		if (slot_dbi(c->txn->st, i) == dbi)
			return i;
	return SLOT_TERMS;
}

static bool entry_present(struct checker *c, const struct pd_entries *es, size_t i)
{
	const struct pd_entry *e = &es->e[i];
	MDB_val k = { e->klen, es->buf.p + e->koff };
	MDB_val d = { e->dlen, es->buf.p + e->doff }, got;
	MDB_cursor *cur;
	bool ok;

	if (e->flags & PD_ENTRY_UNIQUE)
		return mdb_get(c->txn->txn, e->dbi, &k, &got) == MDB_SUCCESS &&
		       got.mv_size == d.mv_size && !memcmp(got.mv_data, d.mv_data, d.mv_size);
	if (e->dbi == c->txn->st->dbi[PD_DB_TERMS])
		return c->terms && pd_post_get(c->terms, &k, &d, MDB_GET_BOTH) == MDB_SUCCESS;
	if (mdb_cursor_open(c->txn->txn, e->dbi, &cur))
		return false;
	ok = mdb_cursor_get(cur, &k, &d, MDB_GET_BOTH) == MDB_SUCCESS;
	mdb_cursor_close(cur);
	return ok;
}

static bool seen_before(const struct pd_entries *es, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (pd_entry_same(es, i, es, j))
			return true;
	return false;
}

/* What the kind's table says of each field: a required one is set, a
 * date is stored in ISO form, a yes/no field holds "yes", as the store
 * writes them. */
static void check_fields(struct checker *c, const struct pd_record *r)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	unsigned long long id = (unsigned long long)r->id;

	for (int f = 0; f < ki->nfields; f++) {
		const struct pd_field *fd = &ki->fields[f];
		const char *s = pd_get_text(r, f);
		struct pd_date d;
		char iso[PD_DATE_ISO_SIZE];

		if (!pd_is_set(r, f)) {
			if (fd->flags & PD_F_REQUIRED)
				problem(c, "%s %llu: %s is required but not set", ki->name, id,
					fd->name);
			continue;
		}
		if ((fd->flags & PD_F_YESNO) && !pd_get_flag(r, f))
			problem(c, "%s %llu: %s \"%s\" is neither yes nor unset",
				ki->name, id, fd->name, s);
		if (fd->type != PD_T_DATE)
			continue;
		if (pd_date_parse(s, &d, NULL) == PD_OK)
			pd_date_iso(&d, iso);
		else
			iso[0] = '\0';
		if (strcmp(s, iso))
			problem(c, "%s %llu: %s \"%s\" is not a date in ISO form", ki->name,
				id, fd->name, s);
	}
}

static int check_record(struct checker *c, enum pd_kind kind, uint64_t id,
			struct pd_entries *es)
{
	const char *kname = pd_kind_info(kind)->name;
	struct pd_record r;
	struct pd_err err;
	int rc;

	if (id > c->max_id)
		c->max_id = id;
	if (pd_get(c->txn, kind, id, &r, &err) != PD_OK) {
		problem(c, "%s %llu: %s", kname, (unsigned long long)id, err.msg);
		return PD_OK;
	}
	check_fields(c, &r);
	pd_entries_reset(es);
	rc = pd_derived_entries(c->txn, &r, es, &err);
	pd_record_clear(&r);
	if (rc != PD_OK)
		return rc;
	for (size_t i = 0; i < es->n; i++) {
		if (seen_before(es, i))
			continue;
		/* Count only entries found: the database's surplus over this
		 * count is then exactly the number of stray entries. */
		if (entry_present(c, es, i))
			c->expect[slot_of(c, es->e[i].dbi)]++;
		else
			problem(c, "%s %llu: missing from index %s", kname,
				(unsigned long long)id, slot_name(slot_of(c, es->e[i].dbi)));
	}
	return PD_OK;
}

/* Does the record (kind, id) derive exactly this entry? */
static bool entry_owned(struct checker *c, MDB_dbi dbi, enum pd_kind kind,
			uint64_t id, const MDB_val *k, const MDB_val *d,
			struct pd_entries *es)
{
	struct pd_record r;
	bool found = false;

	if (pd_get(c->txn, kind, id, &r, NULL) != PD_OK)
		return false;
	pd_entries_reset(es);
	if (pd_derived_entries(c->txn, &r, es, NULL) == PD_OK) {
		for (size_t i = 0; i < es->n && !found; i++) {
			const struct pd_entry *e = &es->e[i];
			found = e->dbi == dbi && e->klen == k->mv_size &&
				e->dlen == d->mv_size &&
				!memcmp(es->buf.p + e->koff, k->mv_data, e->klen) &&
				!memcmp(es->buf.p + e->doff, d->mv_data, e->dlen);
		}
	}
	pd_record_clear(&r);
	return found;
}

static enum pd_kind unique_kind(const MDB_val *k)
{
	switch (k->mv_size ? ((char *)k->mv_data)[0] : 0) {
	case 'P': return PD_PLAN;
	case 'I': return PD_ITEM;
	case 'O': return PD_ORG;
	case 'E': return PD_PERSON;
	default:  return PD_NKINDS;
	}
}

/* The next pair of a derived database: through the posting cursor for
 * the terms (an entry each), else `cur`. */
static int next_entry(struct checker *c, MDB_cursor *cur, MDB_val *k, MDB_val *d,
		      MDB_cursor_op op)
{
	return cur ? mdb_cursor_get(cur, k, d, op) : pd_post_get(c->terms, k, d, op);
}

static void bad_block(void *ctx, const MDB_val *term)
{
	problem(ctx, "index terms: the block of \"%.*s\" is damaged",
		(int)term->mv_size, (const char *)term->mv_data);
}

/* The entries of `terms`: read and checked block by block (blocks), or
 * as LMDB counts them (an old file's MDB_DUPSORT). */
static int count_terms(struct checker *c, size_t *n)
{
	MDB_stat s;
	int rc;

	if (!c->txn->st->terms_blocks) {
		rc = mdb_stat(c->txn->txn, c->txn->st->dbi[PD_DB_TERMS], &s);
		*n = s.ms_entries;
		return rc;
	}
	return pd_post_verify(c->txn->txn, c->txn->st->dbi[PD_DB_TERMS], n,
			      bad_block, c);
}

/* Name every entry of a derived database that no record derives. */
static void find_strays(struct checker *c, int slot, struct pd_entries *es)
{
	struct pd_store *st = c->txn->st;
	MDB_dbi dbi = slot_dbi(st, slot);
	const char *name = slot_name(slot);
	MDB_cursor *cur = NULL;
	MDB_val k, d;
	int rc;

	if (slot == SLOT_TERMS ? !c->terms : mdb_cursor_open(c->txn->txn, dbi, &cur))
		return;
	for (rc = next_entry(c, cur, &k, &d, MDB_FIRST); rc == MDB_SUCCESS || rc == MDB_CORRUPTED;
	     rc = next_entry(c, cur, &k, &d, MDB_NEXT)) {
		/* terms data and cards keys end with kind(1) + id(8) */
		const MDB_val *tail = slot == SLOT_CARDS ? &k : &d;
		enum pd_kind kind;
		uint64_t id;

		if (slot < PD_NINDEXES) {
			kind = pd_ixdef(slot)->kind;
			id = d.mv_size >= 8 ?
			     pd_get_be64((unsigned char *)d.mv_data + d.mv_size - 8) : 0;
		} else if (slot == SLOT_UNIQUE) {
			kind = unique_kind(&k);
			id = d.mv_size == 8 ? pd_get_be64(d.mv_data) : 0;
		} else {
			kind = tail->mv_size >= 9 ?
			       ((unsigned char *)tail->mv_data)[tail->mv_size - 9] : PD_NKINDS;
			id = tail->mv_size >= 9 ?
			     pd_get_be64((unsigned char *)tail->mv_data + tail->mv_size - 8) : 0;
		}
		if (rc == MDB_CORRUPTED)
			continue;   /* count_terms named the block */
		if (kind >= PD_NKINDS || !entry_owned(c, dbi, kind, id, &k, &d, es))
			problem(c, "index %s: stray entry for %s %llu", name,
				kind < PD_NKINDS ? pd_kind_info(kind)->name : "unknown",
				(unsigned long long)id);
	}
	if (cur)
		mdb_cursor_close(cur);
}

int pd_check(struct pd_store *st, pd_check_cb cb, void *ctx, size_t *nproblems,
	     struct pd_err *err)
{
	struct checker c = { .cb = cb, .ctx = ctx };
	struct pd_entries es = { 0 };
	struct pd_cursor *cur;
	uint64_t id, next_id;
	int rc;

	if ((rc = pd_txn_read(st, &c.txn, err)) != PD_OK)
		return rc;
	if (pd_post_open(c.txn->txn, st->dbi[PD_DB_TERMS], &c.terms) != MDB_SUCCESS) {
		pd_txn_end(c.txn);
		return pd_err_nomem(err);
	}
	for (int kind = 0; kind < PD_NKINDS && rc == PD_OK; kind++) {
		if ((rc = pd_cursor_kind(c.txn, kind, 0, &cur, err)) != PD_OK)
			break;
		while ((rc = pd_cursor_next(cur, &id, err)) == PD_OK)
			if ((rc = check_record(&c, kind, id, &es)) != PD_OK)
				break;
		pd_cursor_close(cur);
		if (rc == PD_NOTFOUND)
			rc = PD_OK;
	}
	for (int slot = 0; slot < NSLOTS && rc == PD_OK; slot++) {
		MDB_stat s;
		size_t n;
		if (slot == SLOT_CARDS && !st->has_cards)
			continue;
		if (slot == SLOT_TERMS ? count_terms(&c, &n) :
		    mdb_stat(c.txn->txn, slot_dbi(st, slot), &s))
			continue;
		if ((slot == SLOT_TERMS ? n : s.ms_entries) != c.expect[slot])
			find_strays(&c, slot, &es);
	}
	pd_meta_get_u64(c.txn, "next_id", &next_id);
	if (rc == PD_OK && c.max_id && next_id <= c.max_id)
		problem(&c, "id counter %llu is not above the highest id %llu",
			(unsigned long long)next_id, (unsigned long long)c.max_id);
	pd_entries_free(&es);
	pd_post_close(c.terms);
	pd_txn_end(c.txn);
	if (nproblems)
		*nproblems = c.problems;
	return rc;
}
