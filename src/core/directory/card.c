/*
 * card.c — directory cards: their encoding, and reading the cards of hits
 * as the search passes them on (one cursor walking forward through each
 * class's run, so consecutive cards mostly come from the page it is on).
 */
#include <stdlib.h>
#include <string.h>

#include "card.h"
#include "plandesk/records/codec.h"
#include "search_terms.h"
#include "store/mdb_err.h"
#include "store/write_queue.h"

enum { NTEXTS = 6 };

static void put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static uint32_t get_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static struct pd_card_text text_of(const struct pd_record *r, int f)
{
	const char *s = f < 0 ? "" : pd_get_text(r, f);

	return (struct pd_card_text){ s, strlen(s) };
}

void pd_card_of_record(const struct pd_record *r, struct pd_card *c)
{
	bool person = r->kind == PD_PERSON;

	c->kind = r->kind;
	c->id = r->id;
	c->org = person ? pd_get_ref(r, PD_PERSON_ORG) : 0;
	c->name = text_of(r, person ? PD_PERSON_NAME : PD_ORG_NAME);
	c->role = text_of(r, person ? PD_PERSON_ROLE : -1);
	c->phone = text_of(r, person ? PD_PERSON_PHONE : PD_ORG_PHONE);
	c->mobile = text_of(r, person ? PD_PERSON_MOBILE : -1);
	c->email = text_of(r, person ? PD_PERSON_EMAIL : PD_ORG_EMAIL);
	c->verified = text_of(r, person ? PD_PERSON_VERIFIED : PD_ORG_VERIFIED);
}

int pd_card_encode(const struct pd_record *r, struct pd_buf *out)
{
	struct pd_card c;
	const struct pd_card_text *t[NTEXTS] = {
		&c.name, &c.role, &c.phone, &c.mobile, &c.email, &c.verified,
	};
	unsigned char b[8];

	pd_card_of_record(r, &c);
	pd_put_be64(b, c.org);
	if (pd_buf_add(out, b, 8) != PD_OK)
		return PD_ENOMEM;
	for (int i = 0; i < NTEXTS; i++) {
		if (t[i]->n > UINT32_MAX)
			return PD_ENOMEM;
		put_be32(b, (uint32_t)t[i]->n);
		if (pd_buf_add(out, b, 4) != PD_OK ||
		    pd_buf_add(out, t[i]->p, t[i]->n) != PD_OK)
			return PD_ENOMEM;
	}
	return PD_OK;
}

int pd_card_decode(const void *p, size_t n, enum pd_kind kind, uint64_t id,
		   struct pd_card *c)
{
	const unsigned char *s = p, *end = s + n;
	struct pd_card_text *t[NTEXTS] = {
		&c->name, &c->role, &c->phone, &c->mobile, &c->email, &c->verified,
	};

	if (n < 8)
		return PD_ECORRUPT;
	c->kind = kind;
	c->id = id;
	c->org = pd_get_be64(s);
	s += 8;
	for (int i = 0; i < NTEXTS; i++) {
		uint32_t len;
		if (end - s < 4)
			return PD_ECORRUPT;
		len = get_be32(s);
		s += 4;
		if ((size_t)(end - s) < len)
			return PD_ECORRUPT;
		t[i]->p = (const char *)s;
		t[i]->n = len;
		s += len;
	}
	return s == end ? PD_OK : PD_ECORRUPT;
}

/* --- reading cards -------------------------------------------------------- */

struct pd_card_reader {
	struct pd_txn   *txn;
	MDB_cursor      *cur;      /* on `cards`; NULL when the file has none */
	bool             placed;   /* cur is on the last card read */
	bool             have_rec;
	struct pd_record rec;      /* a hit read from its record */
};

int pd_card_reader_open(struct pd_txn *txn, struct pd_card_reader **out,
			struct pd_err *err)
{
	struct pd_card_reader *rd;
	int rc;

	*out = NULL;
	if (txn->write && (rc = pd_txn_flush(txn, err)) != PD_OK)
		return rc;   /* cards queued in this write must be read back */
	if (!(rd = calloc(1, sizeof *rd)))
		return pd_err_nomem(err);
	rd->txn = txn;
	if (txn->st->has_cards &&
	    (rc = mdb_cursor_open(txn->txn, txn->st->dbi[PD_DB_CARDS], &rd->cur))) {
		free(rd);
		return pd_mdb_err(NULL, rc, err, "read");
	}
	*out = rd;
	return PD_OK;
}

static bool same_key(const MDB_val *k, const struct pd_hit *h)
{
	return k->mv_size == h->keylen && !memcmp(k->mv_data, h->key, h->keylen);
}

/*
 * The hit's card from `cards`: PD_NOTFOUND when it has none, or a damaged
 * one (the record is then read instead; `check` reports the card).  The
 * hits of one class come in key order and mostly close together (all the
 * Smiths), so the card after the last one read is tried first: one key
 * comparison, where a seek compares a few keys on the page.
 */
static int card_get(struct pd_card_reader *rd, const struct pd_hit *h,
		    struct pd_card *c, struct pd_err *err)
{
	MDB_val k, v;
	int rc = MDB_NOTFOUND;

	if (rd->placed)
		rc = mdb_cursor_get(rd->cur, &k, &v, MDB_NEXT);
	if (rc != MDB_SUCCESS || !same_key(&k, h)) {
		k = (MDB_val){ h->keylen, (void *)h->key };
		rc = mdb_cursor_get(rd->cur, &k, &v, MDB_SET_KEY);
	}
	rd->placed = rc == MDB_SUCCESS;
	if (rc == MDB_NOTFOUND)
		return PD_NOTFOUND;
	if (rc)
		return pd_mdb_err(NULL, rc, err, "read");
	if (pd_card_decode(v.mv_data, v.mv_size, h->kind, h->id, c) != PD_OK)
		return PD_NOTFOUND;
	return PD_OK;
}

int pd_card_read(struct pd_card_reader *rd, const struct pd_hit *h,
		 struct pd_card *c, struct pd_err *err)
{
	int rc = PD_NOTFOUND;

	if (rd->have_rec) {
		pd_record_clear(&rd->rec);
		rd->have_rec = false;
	}
	if (h->keylen && rd->cur && (rc = card_get(rd, h, c, err)) != PD_NOTFOUND)
		return rc;
	rc = pd_get(rd->txn, h->kind, h->id, &rd->rec, err);
	rd->have_rec = true;   /* cleared whatever came of it */
	if (rc == PD_OK)
		pd_card_of_record(&rd->rec, c);
	else if (rc == PD_ECORRUPT)
		pd_err_prefix(err, "%s %llu: ", pd_kind_info(h->kind)->name,
			      (unsigned long long)h->id);
	return rc;
}

void pd_card_reader_close(struct pd_card_reader *rd)
{
	if (!rd)
		return;
	if (rd->cur)
		mdb_cursor_close(rd->cur);
	if (rd->have_rec)
		pd_record_clear(&rd->rec);
	free(rd);
}
