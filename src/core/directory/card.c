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

/* --- the packed layout (schema 6) ----------------------------------------- */

static int put_uint(struct pd_buf *out, uint64_t v)
{
	unsigned char b[PD_LEB128_MAX];

	return pd_buf_add(out, b, pd_leb128_put(b, v)) == PD_OK ? PD_OK : PD_ENOMEM;
}

/* A number at p[*at], spelt in as few bytes as it needs: one card has one
 * value, which `check` compares byte for byte. */
static inline int get_uint(const unsigned char *p, size_t n, size_t *at,
			   uint64_t *v)
{
	size_t from = *at;

	if (pd_leb128_get(p, n, at, PD_LEB128_MAX, v) != PD_OK ||
	    (*at - from > 1 && !p[*at - 1]))
		return PD_ECORRUPT;
	return PD_OK;
}

/* The verified date packed (date.h: pd_date_pack), when it packs. */
static bool pack_date(const struct pd_card_text *t, uint64_t *x)
{
	return pd_date_pack(t->p, t->n, x);
}

static int put_packed(const struct pd_card *c, struct pd_buf *out)
{
	const struct pd_card_text *t[NTEXTS - 1] = {
		&c->name, &c->role, &c->phone, &c->mobile, &c->email,
	};
	uint64_t x;

	if (put_uint(out, c->org) != PD_OK)
		return PD_ENOMEM;
	for (int i = 0; i < NTEXTS - 1; i++)
		if (put_uint(out, t[i]->n) != PD_OK ||
		    pd_buf_add(out, t[i]->p, t[i]->n) != PD_OK)
			return PD_ENOMEM;
	if (pack_date(&c->verified, &x))
		return put_uint(out, 2 * x + 1);
	if (put_uint(out, 2 * (uint64_t)c->verified.n) != PD_OK ||
	    pd_buf_add(out, c->verified.p, c->verified.n) != PD_OK)
		return PD_ENOMEM;
	return PD_OK;
}

/* A text of the packed layout at s[*at]: its length, then its bytes. */
static inline int get_text(const unsigned char *s, size_t n, size_t *at,
			   struct pd_card_text *t)
{
	uint64_t len;

	if (get_uint(s, n, at, &len) != PD_OK || len > n - *at)
		return PD_ECORRUPT;
	t->p = (const char *)s + *at;
	t->n = (size_t)len;
	*at += (size_t)len;
	return PD_OK;
}

static int get_packed(const unsigned char *s, size_t n,
		      char date[PD_CARD_DATE_MAX], struct pd_card *c)
{
	struct pd_card_text *t[NTEXTS - 1] = {
		&c->name, &c->role, &c->phone, &c->mobile, &c->email,
	};
	size_t at = 0;
	uint64_t v, x;

	if (get_uint(s, n, &at, &c->org) != PD_OK)
		return PD_ECORRUPT;
	for (int i = 0; i < NTEXTS - 1; i++)
		if (get_text(s, n, &at, t[i]) != PD_OK)
			return PD_ECORRUPT;
	if (get_uint(s, n, &at, &v) != PD_OK)
		return PD_ECORRUPT;
	if (v & 1) {
		c->verified.p = date;
		c->verified.n = pd_date_unpack(v >> 1, date);
		if (!c->verified.n)
			return PD_ECORRUPT;
	} else {
		if (v / 2 > n - at)
			return PD_ECORRUPT;
		c->verified.p = (const char *)s + at;
		c->verified.n = (size_t)(v / 2);
		at += c->verified.n;
		if (pack_date(&c->verified, &x))
			return PD_ECORRUPT;   /* put_packed packs it */
	}
	return at == n ? PD_OK : PD_ECORRUPT;
}

/* --- the fixed layout (schema 2 to 5) ------------------------------------- */

static int put_fixed(const struct pd_card *c, struct pd_buf *out)
{
	const struct pd_card_text *t[NTEXTS] = {
		&c->name, &c->role, &c->phone, &c->mobile, &c->email, &c->verified,
	};
	unsigned char b[8];

	pd_put_be64(b, c->org);
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

static int get_fixed(const unsigned char *s, size_t n, struct pd_card *c)
{
	const unsigned char *end = s + n;
	struct pd_card_text *t[NTEXTS] = {
		&c->name, &c->role, &c->phone, &c->mobile, &c->email, &c->verified,
	};

	if (n < 8)
		return PD_ECORRUPT;
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

/* --- either ---------------------------------------------------------------- */

int pd_card_put(const struct pd_card *c, bool packed, struct pd_buf *out)
{
	return packed ? put_packed(c, out) : put_fixed(c, out);
}

int pd_card_encode(const struct pd_record *r, bool packed, struct pd_buf *out)
{
	struct pd_card c;

	pd_card_of_record(r, &c);
	return pd_card_put(&c, packed, out);
}

int pd_card_decode(const void *p, size_t n, bool packed, enum pd_kind kind,
		   uint64_t id, char date[PD_CARD_DATE_MAX], struct pd_card *c)
{
	c->kind = kind;
	c->id = id;
	return packed ? get_packed(p, n, date, c) : get_fixed(p, n, c);
}

/* --- reading cards -------------------------------------------------------- */

struct pd_card_reader {
	struct pd_txn   *txn;
	MDB_cursor      *cur;      /* on `cards`; NULL when the file has none */
	bool             placed;   /* cur is on the last card read */
	bool             have_rec;
	struct pd_record rec;      /* a hit read from its record */
	char             date[PD_CARD_DATE_MAX];   /* a packed card's date */
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
	if (pd_card_decode(v.mv_data, v.mv_size, rd->txn->st->cards_packed,
			   h->kind, h->id, rd->date, c) != PD_OK)
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
