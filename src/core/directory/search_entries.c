/*
 * search_entries.c — the entries a person or an organisation derives in
 * `terms` (format in search_terms.h) and `cards` (card.h): the provider
 * pd_search_derived, which the opener (open.c) gives the store, so the
 * record layer keeps them in step without knowing them.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/records/codec.h"
#include "plandesk/base/text.h"
#include "card.h"
#include "search_entries.h"
#include "search_terms.h"
#include "store/postings.h"

#define CARD_BYTES 256

_Static_assert(1 + PD_EXACT_MAX <= PD_POST_TERM_MAX &&
	       PD_TERM_DATA_MAX <= PD_POST_ENTRY_MAX, "terms fit a posting table");

/* The card of `r` under `key` (card.h). */
static int add_card(struct pd_txn *txn, const struct pd_record *r,
		    const unsigned char *key, size_t klen, struct pd_entries *out)
{
	struct pd_buf v = PD_BUF_INIT;
	int rc = pd_buf_reserve(&v, CARD_BYTES);   /* most cards fit */

	if (rc == PD_OK)
		rc = pd_card_encode(r, txn->st->cards_packed, &v);

	if (rc == PD_OK)
		rc = pd_entries_add(out, txn->st->dbi[PD_DB_CARDS],
				    PD_ENTRY_UNIQUE | PD_ENTRY_QUEUED, key, klen,
				    v.p, v.n);
	pd_buf_free(&v);
	return rc;
}

/*
 * Is term i a word of the name's first word that the folded name does not
 * begin with?  (Its inner key; a prefix key starts with 0x02, a word with
 * a letter or digit.)
 */
static bool is_inner(const struct pd_terms *ts, size_t i)
{
	const char *w = ts->buf.p + ts->t[i].off;
	size_t n = ts->t[i].len;

	return ts->t[i].cls == PD_RANK_NAME_START && (unsigned char)w[0] >= '0' &&
	       !(n <= ts->sortlen && !memcmp(ts->sort, w, n));
}

/* The inner key of word w (n bytes) with the record's data. */
static int add_inner(struct pd_entries *out, MDB_dbi dbi, const char *w,
		     size_t n, const unsigned char *data, size_t dlen)
{
	char key[1 + PD_TERM_MAX];

	key[0] = PD_TERM_INNER;
	memcpy(key + 1, w, n);   /* add_term cut it to PD_TERM_MAX */
	return pd_entries_add(out, dbi, PD_ENTRY_QUEUED, key, n + 1, data, dlen);
}

/* The key of term i: the word, or its shadowed key (search_terms.h). */
static int add_word(struct pd_txn *txn, const struct pd_terms *ts, size_t i,
		    const unsigned char *data, size_t dlen, struct pd_entries *out)
{
	MDB_dbi dbi = txn->st->dbi[PD_DB_TERMS];
	const char *w = ts->buf.p + ts->t[i].off;
	size_t n = ts->t[i].len, l;
	char key[2 + PD_TERM_MAX];

	if (!txn->st->has_shadow || !(l = pd_term_shadow(ts, i)))
		return pd_entries_add(out, dbi, PD_ENTRY_QUEUED, w, n, data, dlen);
	key[0] = PD_TERM_SHADOW;
	memcpy(key + 1, w, l);   /* add_term cut it to PD_TERM_MAX */
	key[1 + l] = PD_SHADOW_SEP;
	memcpy(key + 2 + l, w + l, n - l);
	return pd_entries_add(out, dbi, PD_ENTRY_QUEUED, key, n + 2, data, dlen);
}

/*
 * The entries of `r` with its organisation's name `orgname` (NULL: read),
 * and its card when `card` (the card does not hold the name, so an
 * organisation's rename leaves its people's cards alone).
 */
static int entries_for(struct pd_txn *txn, const struct pd_record *r,
		       const char *orgname, bool card, struct pd_entries *out)
{
	MDB_dbi dbi = txn->st->dbi[PD_DB_TERMS];
	struct pd_terms ts = { 0 };
	unsigned char data[PD_TERM_DATA_MAX];
	size_t dlen;
	int rc;

	if (r->kind != PD_PERSON && r->kind != PD_ORG)
		return PD_OK;
	if ((rc = pd_search_terms(txn, r, orgname, &ts)) != PD_OK)
		goto out;
	memcpy(data + 1, ts.sort, ts.sortlen);
	data[1 + ts.sortlen] = 0;
	data[2 + ts.sortlen] = (unsigned char)r->kind;
	pd_put_be64(data + 3 + ts.sortlen, r->id);
	dlen = PD_TERM_DATA_MIN + ts.sortlen;
	for (size_t i = 0; i < ts.n && rc == PD_OK; i++) {
		data[0] = (unsigned char)ts.t[i].cls;
		rc = add_word(txn, &ts, i, data, dlen, out);
		if (rc == PD_OK && txn->st->has_inner && is_inner(&ts, i))
			rc = add_inner(out, dbi, ts.buf.p + ts.t[i].off,
				       ts.t[i].len, data, dlen);
	}
	if (rc == PD_OK && ts.exact.n) {
		/* The exact key: 0x01 + the name in normal form. */
		size_t n = pd_utf8_cut(ts.exact.p, ts.exact.n, PD_EXACT_MAX);
		struct pd_buf key = PD_BUF_INIT;

		data[0] = PD_RANK_EXACT;
		if (pd_buf_putc(&key, PD_TERM_EXACT) != PD_OK ||
		    pd_buf_add(&key, ts.exact.p, n) != PD_OK)
			rc = PD_ENOMEM;
		else
			rc = pd_entries_add(out, dbi, PD_ENTRY_QUEUED, key.p, key.n, data,
					    dlen);
		pd_buf_free(&key);
	}
	if (rc == PD_OK && card && txn->st->has_cards)
		rc = add_card(txn, r, data + 1, dlen - 1, out);
out:
	pd_terms_free(&ts);
	return rc;
}

int pd_search_entries(struct pd_txn *txn, const struct pd_record *r,
		      struct pd_entries *out, struct pd_err *err)
{
	int rc = entries_for(txn, r, NULL, true, out);

	if (rc != PD_OK)
		return pd_err_set(err, rc, "search terms: %s", pd_strerror(rc));
	return PD_OK;
}

/* The name held in encoded organisation `val` (malloc'd; "" if none). */
static int org_name(const MDB_val *val, char **out)
{
	struct pd_record r;

	pd_record_init(&r, PD_ORG);
	if (val && pd_decode(val->mv_data, val->mv_size, &r, NULL) == PD_OK)
		*out = strdup(pd_get_text(&r, PD_ORG_NAME));
	else
		*out = strdup("");
	pd_record_clear(&r);
	return *out ? PD_OK : PD_ENOMEM;
}

/*
 * pd_search_derived.changed: when organisation `org` is renamed, deleted
 * or restored (before, after: encoded values; NULL: absent), rewrite the
 * terms its people derive from its name.
 */
static int org_changed(struct pd_txn *txn, enum pd_kind kind, uint64_t org,
		       const MDB_val *before, const MDB_val *after,
		       struct pd_err *err)
{
	struct pd_entries olds = { 0 }, news = { 0 };
	char *oldname = NULL, *newname = NULL;
	uint64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if (kind != PD_ORG)
		return PD_OK;
	pd_search_org_forget(txn, org);
	if ((rc = org_name(before, &oldname)) || (rc = org_name(after, &newname))) {
		rc = pd_err_nomem(err);
		goto out;
	}
	if (!strcmp(oldname, newname))
		goto out;
	if ((rc = pd_index_ids(txn, PD_IX_PEOPLE_BY_ORG, org, &ids, &n, err)) != PD_OK)
		goto out;
	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		struct pd_record p;
		if (pd_get(txn, PD_PERSON, ids[i], &p, NULL) != PD_OK)
			continue;   /* undecodable: it has no entries to change */
		pd_entries_reset(&olds);
		pd_entries_reset(&news);
		if ((rc = entries_for(txn, &p, oldname, false, &olds)) ||
		    (rc = entries_for(txn, &p, newname, false, &news)))
			rc = pd_err_set(err, rc, "search terms: %s", pd_strerror(rc));
		else if ((rc = pd_entries_remove_stale(txn, &olds, &news, err)) == PD_OK)
			rc = pd_entries_put_new(txn, &news, &olds, err);
		pd_record_clear(&p);
	}
out:
	pd_entries_free(&olds);
	pd_entries_free(&news);
	free(ids);
	free(oldname);
	free(newname);
	return rc;
}

const struct pd_derived_ops pd_search_derived = {
	.name = "search terms and cards",
	.entries = pd_search_entries,
	.changed = org_changed,
};
