/*
 * records.c — reading and storing records, with their derived entries
 * kept in step (pd_raw_set): which entries a record derives is asked of
 * the store's providers (derived.h), so this file knows none.  Deleting is
 * delete.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/records/codec.h"
#include "plandesk/records/records.h"
#include "plandesk/base/date.h"
#include "plandesk/base/text.h"
#include "derived.h"
#include "index.h"
#include "records_impl.h"
#include "store/journal.h"
#include "store/mdb_err.h"

int pd_raw_get(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	       MDB_val *val, struct pd_err *err)
{
	unsigned char kb[8];
	MDB_val k = { 8, kb };

	pd_put_be64(kb, id);
	return pd_mdb_err(txn, mdb_get(txn->txn, txn->st->kind_dbi[kind], &k, val),
			  err, "read");
}

int pd_get(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	   struct pd_record *out, struct pd_err *err)
{
	MDB_val v;
	int rc;

	pd_record_init(out, kind);
	if ((rc = pd_raw_get(txn, kind, id, &v, err)) != PD_OK)
		return rc == PD_NOTFOUND ?
			pd_err_set(err, PD_NOTFOUND, "no %s with id %llu",
				   pd_kind_info(kind)->label, (unsigned long long)id) : rc;
	if ((rc = pd_decode(v.mv_data, v.mv_size, out, err)) != PD_OK) {
		pd_err_prefix(err, "id %llu: ", (unsigned long long)id);
		return rc;
	}
	out->id = id;
	return PD_OK;
}

bool pd_exists(struct pd_txn *txn, enum pd_kind kind, uint64_t id)
{
	MDB_val v;

	return pd_raw_get(txn, kind, id, &v, NULL) == PD_OK;
}

/* The derived entries of an encoded value; an undecodable one has none. */
static int entries_of(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		      const MDB_val *val, struct pd_entries *out,
		      struct pd_err *err)
{
	struct pd_record r;
	int rc;

	pd_entries_reset(out);
	if (!val)
		return PD_OK;
	pd_record_init(&r, kind);
	if (pd_decode(val->mv_data, val->mv_size, &r, NULL) != PD_OK)
		return PD_OK;   /* a corrupt old value: nothing to unindex */
	r.id = id;
	rc = pd_derived_entries(txn, &r, out, err);
	pd_record_clear(&r);
	return rc;
}

/*
 * The one place a record value is written.  `rec`, when not NULL, is the
 * decoded form of `val` (pd_put has it already: no need to decode again).
 * `fresh`: the id was handed out just now, so nothing is stored under it
 * (a million-row import is spared a million searches of the table).
 */
static int raw_set(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
		   const MDB_val *val, const struct pd_record *rec, bool fresh,
		   struct pd_err *err)
{
	struct pd_entries olds = { 0 }, news = { 0 };
	struct pd_buf before = PD_BUF_INIT;
	unsigned char kb[8];
	MDB_val k = { 8, kb }, old, copy;
	bool had;
	int rc;

	rc = fresh ? PD_NOTFOUND : pd_raw_get(txn, kind, id, &old, err);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return rc;
	had = rc == PD_OK;
	/* LMDB's pointer dies with the next write: copy the old value. */
	if (had && pd_buf_add(&before, old.mv_data, old.mv_size) != PD_OK) {
		rc = pd_err_nomem(err);
		goto out;
	}
	copy.mv_size = before.n;
	copy.mv_data = before.p;
	if ((rc = entries_of(txn, kind, id, had ? &copy : NULL, &olds, err)))
		goto out;
	if (rec) {
		pd_entries_reset(&news);
		rc = pd_derived_entries(txn, rec, &news, err);
	} else {
		rc = entries_of(txn, kind, id, val, &news, err);
	}
	if (rc)
		goto out;
	if (txn->journal && id < txn->id_lo &&
	    (rc = pd_journal_before(txn, kind, id, had ? &copy : NULL, err)))
		goto out;
	if ((rc = pd_entries_remove_stale(txn, &olds, &news, err)))
		goto out;
	pd_put_be64(kb, id);
	if (val && !had) {
		/* A new id is the table's largest but after an undo: appended,
		 * its page is filled rather than split in half. */
		rc = mdb_put(txn->txn, txn->st->kind_dbi[kind], &k, (MDB_val *)val, MDB_APPEND);
		if (rc == MDB_KEYEXIST)
			rc = mdb_put(txn->txn, txn->st->kind_dbi[kind], &k, (MDB_val *)val, 0);
	} else if (val)
		rc = mdb_put(txn->txn, txn->st->kind_dbi[kind], &k, (MDB_val *)val, 0);
	else
		rc = had ? mdb_del(txn->txn, txn->st->kind_dbi[kind], &k, NULL) : 0;
	if ((rc = pd_mdb_err(txn, rc, err, "write")))
		goto out;
	if ((rc = pd_entries_put_new(txn, &news, &olds, err)) ||
	    (rc = pd_derived_changed(txn, kind, id, had ? &copy : NULL, val, err)))
		goto out;
	txn->dirty = true;
out:
	pd_entries_free(&olds);
	pd_entries_free(&news);
	pd_buf_free(&before);
	return rc;
}

int pd_raw_set(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
	       const MDB_val *val, struct pd_err *err)
{
	return raw_set(txn, kind, id, val, NULL, false, err);
}

/* --- validation --------------------------------------------------------- */

/* True when `old` (the stored version, or NULL) already links to `id`. */
static bool had_link(const struct pd_record *old, int f, uint64_t id)
{
	for (size_t i = 0; old && i < pd_refs_count(old, f); i++)
		if (pd_refs_at(old, f, i) == id)
			return true;
	return false;
}

static int check_field(struct pd_txn *txn, struct pd_record *r,
		       const struct pd_record *old, int f, struct pd_err *err)
{
	const struct pd_field *fd = &pd_kind_info(r->kind)->fields[f];
	const char *label = pd_kind_info(r->kind)->label;
	struct pd_date d;
	char iso[11];

	if (!r->v[f].n)
		return (fd->flags & PD_F_REQUIRED) ?
			pd_err_set(err, PD_EINVAL, "%s: %s is required", label, fd->name) :
			PD_OK;
	switch (fd->type) {
	case PD_T_TEXT:
		if (memchr(r->v[f].p, '\0', r->v[f].n) ||
		    !pd_utf8_valid(r->v[f].p, r->v[f].n))
			return pd_err_set(err, PD_EINVAL, "%s: %s is not valid UTF-8",
					  label, fd->name);
		if ((fd->flags & PD_F_YESNO) && !pd_get_flag(r, f))
			return pd_err_set(err, PD_EINVAL, "%s: %s is \"yes\" or unset",
					  label, fd->name);
		break;
	case PD_T_DATE:
		if (pd_date_parse(r->v[f].p, &d, err) != PD_OK) {
			pd_err_prefix(err, "%s: %s: ", label, fd->name);
			if (err)
				err->code = PD_EINVAL;
			return PD_EINVAL;
		}
		pd_date_iso(&d, iso);
		if (strcmp(iso, r->v[f].p) && pd_set_text(r, f, iso, (size_t)-1))
			return pd_err_nomem(err);
		break;
	case PD_T_REF:
	case PD_T_REFS:
		for (size_t i = 0; i < pd_refs_count(r, f); i++) {
			uint64_t id = pd_refs_at(r, f, i);
			if (id == r->id && (int)r->kind == fd->ref)
				return pd_err_set(err, PD_EINVAL, "%s: %s links to itself",
						  label, fd->name);
			/* A link left dangling by a delete elsewhere may stay
			 * (pd_del leaves such links); a new one must be live. */
			if (!had_link(old, f, id) &&
			    !pd_exists(txn, (enum pd_kind)fd->ref, id))
				return pd_err_set(err, PD_EINVAL,
					"%s: %s links to %s %llu, which does not exist",
					label, fd->name, pd_kind_info(fd->ref)->label,
					(unsigned long long)id);
		}
		break;
	default:
		break;
	}
	return PD_OK;
}

/* The unique key must not belong to another record. */
static int check_unique(struct pd_txn *txn, const struct pd_record *r,
			struct pd_err *err)
{
	struct pd_buf key = PD_BUF_INIT;
	uint64_t other;
	int rc = pd_unique_key(r, &key);

	if (rc == PD_OK && pd_unique_lookup(txn, &key, &other) == PD_OK &&
	    other != r->id) {
		switch (r->kind) {
		case PD_PLAN:
			rc = pd_err_set(err, PD_ECONFLICT, "a plan with ref \"%s\" already exists",
					pd_get_text(r, PD_PLAN_REF));
			break;
		case PD_ITEM:
			rc = pd_err_set(err, PD_ECONFLICT,
					"this plan already has an item \"%s\"",
					pd_get_text(r, PD_ITEM_REF));
			break;
		case PD_ORG:
			rc = pd_err_set(err, PD_ECONFLICT,
					"an organisation called \"%s\" already exists",
					pd_get_text(r, PD_ORG_NAME));
			break;
		default:
			rc = pd_err_set(err, PD_ECONFLICT,
					"someone with e-mail %s is already in the directory",
					pd_get_text(r, PD_PERSON_EMAIL));
		}
	}
	pd_buf_free(&key);
	return rc;
}

/* The parent chain of an item must not come back to the item itself. */
static int check_ancestry(struct pd_txn *txn, const struct pd_record *r,
			  struct pd_err *err)
{
	uint64_t up = pd_get_ref(r, PD_ITEM_PARENT);

	for (int depth = 0; up && r->id; depth++) {
		struct pd_record p;
		if (up == r->id || depth > 10000)
			return pd_err_set(err, PD_EINVAL,
				"item: %s cannot be a sub-item of its own sub-item",
				pd_get_text(r, PD_ITEM_REF));
		if (pd_get(txn, PD_ITEM, up, &p, NULL) != PD_OK)
			break;
		up = pd_get_ref(&p, PD_ITEM_PARENT);
		pd_record_clear(&p);
	}
	return PD_OK;
}

/* Links inside a plan must stay inside it. */
static int check_item(struct pd_txn *txn, const struct pd_record *r,
		      struct pd_err *err)
{
	struct pd_record other;
	uint64_t plan = pd_get_ref(r, PD_ITEM_PLAN);
	uint64_t ids[2] = { pd_get_ref(r, PD_ITEM_PARENT), pd_get_ref(r, PD_ITEM_THEME) };
	enum pd_kind kinds[2] = { PD_ITEM, PD_THEME };
	int plan_field[2] = { PD_ITEM_PLAN, PD_THEME_PLAN };

	for (int i = 0; i < 2; i++) {
		bool same;
		if (!ids[i] || pd_get(txn, kinds[i], ids[i], &other, NULL) != PD_OK)
			continue;
		same = pd_get_ref(&other, plan_field[i]) == plan;
		pd_record_clear(&other);
		if (!same)
			return pd_err_set(err, PD_EINVAL, "item: its %s belongs to another plan",
					  i ? "theme" : "parent");
	}
	return check_ancestry(txn, r, err);
}

int pd_put(struct pd_txn *txn, struct pd_record *r, struct pd_err *err)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	struct pd_record old;
	bool created = false;
	MDB_val v;
	int rc = PD_OK;

	if (!txn->write)
		return pd_err_set(err, PD_EREADONLY, "not in a write transaction");
	pd_record_init(&old, r->kind);
	if (r->id && (rc = pd_get(txn, r->kind, r->id, &old, err)) != PD_OK)
		return rc;
	for (int f = 0; f < ki->nfields; f++)
		if ((rc = check_field(txn, r, r->id ? &old : NULL, f, err)) != PD_OK)
			break;
	if (rc == PD_OK && r->kind == PD_ITEM)
		rc = check_item(txn, r, err);
	r->created = old.created;
	pd_record_clear(&old);
	if (rc != PD_OK)
		return rc;
	if (!r->id) {
		r->id = txn->next_id++;
		r->created = txn->now;
		created = true;
	}
	r->updated = txn->now;
	if ((rc = check_unique(txn, r, err)) != PD_OK)
		goto fail;
	pd_buf_reset(&txn->scratch);
	if ((rc = pd_encode(r, &txn->scratch)) != PD_OK) {
		rc = pd_err_set(err, rc, "%s: a value is too long", ki->label);
		goto fail;
	}
	v.mv_size = txn->scratch.n;
	v.mv_data = txn->scratch.p;
	if ((rc = raw_set(txn, r->kind, r->id, &v, r, created, err)) != PD_OK)
		goto fail;
	return PD_OK;
fail:
	if (created)
		r->id = 0;   /* the id stays used: ids are never reused */
	return rc;
}
