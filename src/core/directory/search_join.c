/*
 * search_join.c — a query of several words whose first screenful the
 * name-start walk (search_lead.c) could not settle: fewer names than a
 * screen begin with one query word and hold the others ("isa lanf": a
 * dozen Isabella Lanfords), so the rest of the screen comes from matches
 * of a lower order (Isabellas with "lanf" only in their e-mail domain),
 * or the whole answer is shorter than a screen and every match must be
 * found before the first is shown.
 *
 * The driven walk (search_drive.c) visits the rarest word's entries one
 * by one and settles each other word from the name, or from a set of the
 * word's records outside names gathered on the way, or from the record;
 * on a long-tail directory it met thousands of entries (and a seek in
 * every key of every word for each class), put most of them off, read
 * hundreds of records and gave up on a set halfway: 2–6 ms.
 *
 * The join answers mostly from the entries, in passes over `terms`:
 *
 *   1. The driving word's entries (the rarest word's), every range of
 *      keys it begins (pd_sq_key_range), read in key order with no seek
 *      inside them: each record once, with the best class any of its
 *      entries has — which is that word's class for the record, exactly.
 *   2. The class-3 entries of each other word, one seek a key: a record
 *      met there has the word outside its name.  All of them, when the
 *      word has at most PD_SQ_JOIN_ENTRIES entries and JOIN_KEYS keys;
 *      else, for a word of at most PD_SQ_SEEK_KEYS_MAX keys, those whose
 *      names begin with the driving word (one run of each key): they
 *      settle the records that rank NAME_START through it, the first on
 *      most screens.
 *   3. Each record of pass 1: the other words' classes from its name (as
 *      search_cand.c reads them), or OTHER when pass 2 met it.  A word
 *      with neither misses when pass 2 met all the entries that could
 *      have shown it (a name that cannot hold the word is passed over
 *      without parsing it); the order of a match so settled is known and
 *      it is kept as the other walks keep theirs (pd_sq_keep).  The rest
 *      (a word of many keys or entries not in the name, or a name that
 *      may be cut) are put off with the best order they may have.
 *   4. Those put off, best first, while they may still be kept: the
 *      first that needs a word of few keys has all its class-3 entries
 *      met, while they are at most LATE_ENTRIES; what is still unsettled
 *      is settled from the record (pd_sq_check_record).
 *
 * Every match has an entry under the driving word's keys, so pass 1 meets
 * them all.  Records the name-start walk already met are in s->seen: the
 * kept ones stay kept, the ones it ruled out stay out (a record ruled out
 * because it could not beat the worst kept cannot beat a better one
 * either), the exact-name matches were passed on before; those it put off
 * (m->later) are settled here with the rest.
 *
 * The cost is about the driving word's entries and the other words' keys,
 * and a record read for each record put off that is reached: it is used
 * when the driving word has at most PD_SQ_JOIN_ENTRIES entries, and the
 * driven walk answers the rest.  A word of many keys not in the names
 * ("ul daleg": "ul" begins 1,500 keys) still costs a record read for each
 * Daleg... that ranks NAME_START, as it did in the driven walk.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "search_join.h"

struct jcand {
	uint32_t      other;   /* bit j: word j has a class-3 entry */
	unsigned char cls;     /* the driving word's best class */
	unsigned char dlen;
	unsigned char d[PD_TERM_DATA_MAX];   /* an entry: class, name, kind, id */
};

/* A record put off, with the best order it may have. */
struct jlater {
	struct pd_sq_cand c;
	size_t            i;   /* in join.c */
};

#define SKIP UINT64_MAX   /* value in `ids` of a record passed over */

/* A word of more entries than the join drives has all its class-3 entries
 * met late (settle_later) only while they are at most this many: past
 * that they are most of its entries (role words, an organisation's kind),
 * and the records put off are few. */
#define LATE_ENTRIES 4096
/* A word of at most this many keys (scanned whole) has all its class-3
 * entries met, one seek a key: at once when it has at most
 * PD_SQ_JOIN_ENTRIES entries, else when a record put off needs them. */
#define JOIN_KEYS 1024

struct join {
	struct pd_sq_many *m;
	const char        *w;         /* the driving word */
	size_t             wn;
	struct jcand      *c;
	size_t             n, cap;
	struct pd_u64map   ids;       /* id to index in c, or SKIP */
	struct pd_u64map   later;     /* ids of m->later */
	struct jlater     *l;         /* put off */
	size_t             nl, capl;
	uint32_t           all;       /* bit j: every class-3 entry of word j met */
	uint32_t           starts;    /* bit j: those whose names begin with the
					 driving word met */
	uint32_t           tried;     /* bit j: meeting them all was tried */
};

/* Can the words be joined cheaply? */
static bool joinable(const struct pd_sq_many *m)
{
	return m->keep != SIZE_MAX && !m->partial[m->drv] &&
	       m->count[m->drv] <= PD_SQ_JOIN_ENTRIES;
}

/* Has word j at most `most` keys, all of them scanned? */
static bool few_keys(const struct pd_sq_many *m, size_t j, size_t most)
{
	return !m->partial[j] && m->nkeys[j] <= most;
}

/* Pass 1, one entry of the driving word. */
static int add_entry(struct join *jn, const unsigned char *d, size_t dn)
{
	struct pd_sq_search *s = jn->m->s;
	uint64_t id = pd_sq_data_id(d, dn), v;
	bool skip;

	if (pd_u64map_get(&jn->ids, id, &v)) {
		if (v != SKIP && d[0] < jn->c[v].cls)
			jn->c[v].cls = d[0];
		return PD_OK;
	}
	/* Another kind, or met before and not put off (see the top). */
	skip = !(s->kinds & (1u << pd_sq_data_kind(d, dn))) ||
	       (pd_u64map_get(&s->seen, id, NULL) && !pd_u64map_get(&jn->later, id, NULL));
	if (!skip && pd_grow(&jn->c, &jn->cap, jn->n + 1, sizeof *jn->c, 256))
		return pd_err_nomem(s->err);
	if (pd_u64map_add(&jn->ids, id, skip ? SKIP : jn->n) != PD_OK)
		return pd_err_nomem(s->err);
	if (!skip) {
		struct jcand *c = &jn->c[jn->n++];
		c->other = 0;
		c->cls = d[0];
		c->dlen = (unsigned char)dn;
		memcpy(c->d, d, dn);
	}
	return PD_OK;
}

/* Pass 1: every entry of the driving word's ranges of keys. */
static int driver_entries(struct join *jn)
{
	struct pd_sq_search *s = jn->m->s;
	const char *pfx;
	size_t pn;
	unsigned char buf[PD_SQ_RANGE_MAX];
	int rc = PD_OK;

	for (size_t r = 0; rc == PD_OK && (pn = pd_sq_key_range(s, jn->w, jn->wn, r, buf, &pfx));
	     r++) {
		MDB_val k = { pn, (void *)pfx }, d;
		for (rc = pd_post_get(s->cur, &k, &d, MDB_SET_RANGE);
		     rc == MDB_SUCCESS && pd_sq_is_prefix(pfx, pn, k.mv_data, k.mv_size);
		     rc = pd_post_get(s->cur, &k, &d, MDB_NEXT)) {
			if (!pd_sq_data_ok(&d))
				return pd_sq_corrupt(s);
			if ((rc = add_entry(jn, d.mv_data, d.mv_size)) != PD_OK)
				return rc;
		}
		rc = rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : pd_sq_db_err(s, rc);
	}
	return rc;
}

/*
 * Pass 2: mark the records of pass 1 with a class-3 entry of word j, one
 * seek a key (few_keys).  `starts`: only the entries whose names begin
 * with the driving word (a run of each key), and then bit j of
 * jn->starts; else all of them while there are at most `budget`, and then
 * bit j of jn->all (past that the marks are only a help).
 */
static int other_entries(struct join *jn, size_t j, bool starts, size_t budget)
{
	struct pd_sq_search *s = jn->m->s;
	const struct pd_buf *keys = &jn->m->keys[j];
	unsigned char want[1 + PD_SORT_MAX];
	size_t met = 0;
	uint64_t v;
	int rc = PD_OK;

	if (starts && jn->wn > PD_SORT_MAX)
		return PD_OK;   /* no name kept is that long */
	want[0] = PD_RANK_OTHER;
	memcpy(want + 1, jn->w, starts ? jn->wn : 0);
	for (size_t o = 0; o < keys->n; o += 1 + (unsigned char)keys->p[o]) {
		MDB_val k = { (unsigned char)keys->p[o], keys->p + o + 1 };
		MDB_val d = { starts ? 1 + jn->wn : 1, want };
		for (rc = pd_post_get(s->cur, &k, &d, MDB_GET_BOTH_RANGE); rc == MDB_SUCCESS;
		     rc = pd_post_get(s->cur, &k, &d, MDB_NEXT_DUP)) {
			const unsigned char *p = d.mv_data;
			if (!pd_sq_data_ok(&d))
				return pd_sq_corrupt(s);
			if (starts && !pd_sq_is_prefix(jn->w, jn->wn, (const char *)p + 1,
						       d.mv_size - PD_TERM_DATA_MIN))
				break;
			if (!starts && ++met > budget)
				return PD_OK;
			if (pd_u64map_get(&jn->ids, pd_sq_data_id(p, d.mv_size), &v) && v != SKIP)
				jn->c[v].other |= 1u << j;
		}
		if (rc != MDB_NOTFOUND && rc != MDB_SUCCESS)
			return pd_sq_db_err(s, rc);
	}
	if (starts)
		jn->starts |= 1u << j;
	else
		jn->all |= 1u << j;
	return PD_OK;
}

/*
 * Can the name (ns, n bytes, whole) hold a word that w (wn bytes) begins?
 * False only when it surely cannot: a name of ASCII letters, digits and
 * separators (where pd_sq_name_classes reads the words straight off the
 * bytes) has none beginning with w.
 */
static bool name_may_hold(const unsigned char *ns, size_t n, const char *w, size_t wn)
{
	for (size_t i = 0; i < n; i++)
		if (ns[i] >= 0x80 || ns[i] == '\'' || ns[i] == '-')
			return true;
	for (size_t i = 0; i + wn <= n; i++)
		if ((i == 0 || !pd_sq_is_alnum(ns[i - 1])) &&
		    pd_sq_is_prefix(w, wn, (const char *)ns + i, n - i))
			return true;
	return false;
}

enum verdict { MISS, MATCH, UNSETTLED };

/* Does record jc's name begin with the driving word? */
static bool begins_driver(const struct join *jn, const struct jcand *jc)
{
	return pd_sq_is_prefix(jn->w, jn->wn, (const char *)jc->d + 1,
			       jc->dlen - PD_TERM_DATA_MIN);
}

/*
 * What the entries say of record jc: MISS (a word is nowhere), MATCH (c
 * gets its order), or UNSETTLED (c gets the best order it may have): the
 * name may be cut, or a word is neither in the name nor marked and pass 2
 * has not met all the entries that could mark it (bit j of *need).
 */
static int settle(struct join *jn, const struct jcand *jc, struct pd_sq_cand *c,
		  enum verdict *v, uint32_t *need)
{
	struct pd_sq_many *m = jn->m;
	const struct pd_sq_query *q = &m->s->q;
	const unsigned char *ns = jc->d + 1;
	size_t nslen = jc->dlen - PD_TERM_DATA_MIN;
	bool whole = pd_sq_name_whole(jc->d, jc->dlen);
	uint32_t absent = (jn->all | (begins_driver(jn, jc) ? jn->starts : 0)) & ~jc->other;
	struct pd_sq_best b = { .q = q };

	*v = whole ? MATCH : UNSETTLED;
	*need = 0;
	memset(b.cls, PD_SQ_NO_MATCH, sizeof b.cls);
	if (whole) {
		for (size_t j = 0; j < q->n; j++)
			if ((absent >> j & 1) && j != m->drv &&
			    !name_may_hold(ns, nslen, pd_sq_word(q, j), q->len[j])) {
				*v = MISS;
				return PD_OK;
			}
		if (pd_sq_name_classes(ns, nslen, &b) != PD_OK)
			return pd_err_nomem(m->s->err);
	}
	for (size_t j = 0; j < q->n; j++) {
		if (j == m->drv) {
			b.cls[j] = jc->cls;   /* its entries' best */
		} else if (b.cls[j] == PD_SQ_NO_MATCH) {
			if (whole && (absent >> j & 1)) {
				*v = MISS;
				return PD_OK;
			}
			if (!(jc->other >> j & 1)) {
				*v = UNSETTLED;
				*need |= 1u << j;
			}
			/* OTHER, or the best it may be from the record */
			b.cls[j] = whole ? PD_RANK_OTHER : PD_RANK_NAME_START;
		}
	}
	c->word = (unsigned char)m->drv;
	c->dlen = jc->dlen;
	memcpy(c->d, jc->d, jc->dlen);
	pd_sq_order_of(m, &b, c);
	return PD_OK;
}

/* Pass 3, record i of pass 1: kept when it matches, put off when it is
 * unsettled and may be kept. */
static int settle_first(struct join *jn, size_t i)
{
	struct pd_sq_many *m = jn->m;
	struct pd_sq_cand c;
	enum verdict v;
	uint32_t need;
	int rc = settle(jn, &jn->c[i], &c, &v, &need);

	if (rc != PD_OK || v == MISS)
		return rc;
	if (v == MATCH)
		return pd_sq_keep(m, &c);
	if (pd_sq_many_full(m) && pd_sq_key_cmp(c.rank, c.worst, c.d, c.dlen, &m->c[0]) >= 0)
		return PD_OK;   /* cannot be kept even so */
	if (pd_grow(&jn->l, &jn->capl, jn->nl + 1, sizeof *jn->l, 64))
		return pd_err_nomem(m->s->err);
	jn->l[jn->nl].c = c;
	jn->l[jn->nl++].i = i;
	return PD_OK;
}

static int later_cmp(const void *a, const void *b)
{
	const struct jlater *x = a, *y = b;

	return pd_sq_key_cmp(x->c.rank, x->c.worst, x->c.d, x->c.dlen, &y->c);
}

/*
 * Meet all the class-3 entries of a word that record jc needs (bits of
 * `need`), of few keys, while they are at most LATE_ENTRIES.  Each word
 * is tried once.  *more says whether one was.
 */
static int meet_more(struct join *jn, uint32_t need, bool *more)
{
	const struct pd_sq_many *m = jn->m;

	*more = false;
	for (size_t j = 0; j < m->s->q.n; j++)
		if ((need >> j & 1) && !(jn->tried >> j & 1) && few_keys(m, j, JOIN_KEYS)) {
			jn->tried |= 1u << j;
			*more = true;
			return other_entries(jn, j, false, LATE_ENTRIES);
		}
	return PD_OK;
}

/*
 * Settle the records put off, best order first, while they may be kept:
 * from more class-3 entries (meet_more) while that helps, else from the
 * record.
 */
static int settle_later(struct join *jn)
{
	struct pd_sq_many *m = jn->m;
	const struct pd_sq_query *q = &m->s->q;
	int rc = PD_OK;

	if (jn->nl)
		qsort(jn->l, jn->nl, sizeof *jn->l, later_cmp);
	for (size_t i = 0; i < jn->nl && rc == PD_OK; i++) {
		const struct jcand *jc = &jn->c[jn->l[i].i];
		struct pd_sq_cand c = jn->l[i].c;
		struct pd_sq_best b = { .q = q };
		enum verdict v = UNSETTLED;
		uint32_t need;
		bool more = true;
		size_t j;
		if (pd_sq_many_full(m) &&
		    pd_sq_key_cmp(c.rank, c.worst, c.d, c.dlen, &m->c[0]) >= 0)
			break;   /* nor can any after it */
		/* again: more may be known since it was put off */
		while (rc == PD_OK && v == UNSETTLED && more &&
		       (rc = settle(jn, jc, &c, &v, &need)) == PD_OK && v == UNSETTLED)
			rc = meet_more(jn, need, &more);
		if (rc != PD_OK || v == MISS)
			continue;
		if (v == UNSETTLED) {
			memset(b.cls, PD_SQ_NO_MATCH, sizeof b.cls);
			if ((rc = pd_sq_check_record(m, c.d, c.dlen, &b)) != PD_OK)
				break;
			for (j = 0; j < q->n && b.cls[j] != PD_SQ_NO_MATCH; j++)
				;
			if (j < q->n)
				continue;
			pd_sq_order_of(m, &b, &c);
		}
		rc = pd_sq_keep(m, &c);
	}
	return rc;
}

int pd_sq_join(struct pd_sq_many *m, bool *done)
{
	struct join jn = { .m = m };
	int rc = PD_OK;

	*done = false;
	if (!joinable(m))
		return PD_OK;
	jn.w = pd_sq_word(&m->s->q, m->drv);
	jn.wn = m->s->q.len[m->drv];
	if (pd_u64map_reserve(&jn.ids, m->count[m->drv]) != PD_OK ||
	    pd_u64map_reserve(&jn.later, m->nlater) != PD_OK)
		rc = pd_err_nomem(m->s->err);
	for (size_t i = 0; i < m->nlater && rc == PD_OK; i++)
		if (pd_u64map_add(&jn.later, pd_sq_data_id(m->later[i].d, m->later[i].dlen),
				  0) != PD_OK)
			rc = pd_err_nomem(m->s->err);
	if (rc == PD_OK) {
		m->nlater = 0;   /* settled below with the rest */
		rc = driver_entries(&jn);
	}
	/* A word with few entries has all its class-3 entries met now; one
	 * with more, those of the names the driving word begins (enough for
	 * most first screens), and the rest only if some record needs them. */
	for (size_t j = 0; j < m->s->q.n && rc == PD_OK; j++) {
		if (j == m->drv || !few_keys(m, j, JOIN_KEYS))
			continue;
		if (m->count[j] <= PD_SQ_JOIN_ENTRIES) {
			jn.tried |= 1u << j;
			rc = other_entries(&jn, j, false, SIZE_MAX);
		} else if (few_keys(m, j, PD_SQ_SEEK_KEYS_MAX)) {
			rc = other_entries(&jn, j, true, 0);
		}
	}
	for (size_t i = 0; i < jn.n && rc == PD_OK; i++)
		rc = settle_first(&jn, i);
	if (rc == PD_OK)
		rc = settle_later(&jn);
	*done = rc == PD_OK;
	free(jn.c);
	free(jn.l);
	pd_u64map_free(&jn.ids, NULL);
	pd_u64map_free(&jn.later, NULL);
	return rc;
}
