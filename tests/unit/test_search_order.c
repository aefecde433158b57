/* test_search_order.c — queries of several words against an oracle.  A
 * directory made to be hard for the search (first words of several parts,
 * leading punctuation, names longer than the entries keep, words sharing
 * their first letters, thousands of names beginning alike) is searched
 * with hundreds of queries; for each, the oracle works out from the
 * records alone which match and in what order (rank, worst class, name,
 * kind, id: search.h), and the whole answer, each page of it and the
 * "more" flag must be exactly that.  The pages go through the name-start
 * walk (search_lead.c) and, when it gives up, the driven walk; the whole
 * answer through the driven walk alone. */
#include "testdb.h"
#include "querygen.h"

#include "plandesk/directory/search.h"
#include "plandesk/base/text.h"

TestSuite(search_order, .init = tdb_setup, .fini = tdb_teardown);

#define NPEOPLE 2500
#define NORGS 250
#define NCROWD 4500    /* people whose names begin "olbab": a long walk */
#define NQUERIES 240
#define NRECS (NPEOPLE + NCROWD + NORGS + 6)
#define SORT_MAX 32    /* bytes of the folded name an entry keeps */
#define MAXWORDS 48

static const char *const syl[] = {
	"ab", "gil", "gila", "ol", "oli", "oliv", "sta", "stam", "ton", "tona",
	"w", "wa", "wick", "zo", "zoë", "łu", "jean", "paul", "an", "é", "ro",
};
#define NSYL (sizeof syl / sizeof syl[0])

struct word {
	char          w[104];
	unsigned char cls;
};

struct rec {
	enum pd_kind  kind;
	uint64_t      id;
	unsigned char data[SORT_MAX + 10];   /* sort name, NUL, kind, id */
	size_t        dlen;
	char          normal[256];           /* the name's query words */
	struct word   w[MAXWORDS];
	size_t        nw;
};

static struct rec *recs;
static size_t nrecs;
static uint64_t rng = 0x243F6A8885A308D3ull;

static unsigned pick(unsigned n)
{
	return qg_pick(&rng, n);
}

/* --- the directory ---------------------------------------------------------- */

static void cat(char *buf, size_t n, const char *s)
{
	strncat(buf, s, n - strlen(buf) - 1);
}

/* A word of 1 to 3 syllables, sometimes capitalised. */
static void word(char *buf, size_t n)
{
	unsigned k = 1 + pick(3);

	buf[0] = '\0';
	for (unsigned i = 0; i < k; i++)
		cat(buf, n, syl[pick(NSYL)]);
	if (buf[0] >= 'a' && buf[0] <= 'z' && pick(2))
		buf[0] = (char)(buf[0] - 32);
}

/* A first word: sometimes of several parts, after punctuation, or longer
 * than an entry keeps. */
static void first_word(char *buf, size_t n)
{
	char a[16], b[16];   /* three syllables of at most four bytes */
	unsigned shape = pick(30);

	word(a, sizeof a);
	word(b, sizeof b);
	if (shape < 5)
		snprintf(buf, n, "%s-%s", a, b);
	else if (shape < 7)
		snprintf(buf, n, "o'%s", b);
	else if (shape < 8)
		snprintf(buf, n, "(%s)", a);
	else if (shape < 9)
		snprintf(buf, n, "%s%s%s%s%s%s%s", a, b, a, b, a, b, a);
	else
		snprintf(buf, n, "%s", a);
}

static void name(char *buf, size_t n)
{
	char w[16];
	unsigned later = pick(4);

	first_word(buf, n);
	for (unsigned i = 0; i < later; i++) {
		word(w, sizeof w);
		cat(buf, n, " ");
		cat(buf, n, w);
	}
}

static void words(char *buf, size_t n, unsigned k)
{
	char w[16];

	buf[0] = '\0';
	for (unsigned i = 0; i < k; i++) {
		word(w, sizeof w);
		if (i)
			cat(buf, n, " ");
		cat(buf, n, w);
	}
}

struct build {
	uint64_t orgs[NORGS];
	size_t   done;
};

static int build_orgs(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct build *b = ctx;
	char n[200], s[256];
	int rc = PD_OK;

	for (size_t i = 0; i < NORGS && rc == PD_OK; i++) {
		struct pd_record r;
		pd_record_init(&r, PD_ORG);
		name(n, sizeof n);
		snprintf(s, sizeof s, "%s %zu", n, i);
		pd_set_text(&r, PD_ORG_NAME, s, (size_t)-1);
		words(s, sizeof s, pick(3));
		pd_set_text(&r, PD_ORG_SERVICES, s, (size_t)-1);
		rc = pd_put(txn, &r, err);
		b->orgs[i] = r.id;
		pd_record_clear(&r);
	}
	return rc;
}

static int build_people(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct build *b = ctx;
	char n[256], s[200];
	int rc = PD_OK;

	for (size_t i = 0; i < NPEOPLE + NCROWD && rc == PD_OK; i++) {
		struct pd_record r;
		pd_record_init(&r, PD_PERSON);
		if (i < NPEOPLE) {
			name(n, sizeof n);
		} else if (i % 300) {
			words(s, sizeof s, 1 + pick(2));
			snprintf(n, sizeof n, "Olbab%s %s", syl[pick(NSYL)], s);
		} else {   /* a later word few of the crowd have */
			snprintf(n, sizeof n, "Olbab%s Xy%s", syl[pick(NSYL)], syl[pick(NSYL)]);
		}
		pd_set_text(&r, PD_PERSON_NAME, n, (size_t)-1);
		words(s, sizeof s, pick(3));
		pd_set_text(&r, PD_PERSON_ROLE, s, (size_t)-1);
		if (pick(3) == 0) {
			word(s, 16);
			snprintf(n, sizeof n, "%s.%zu@x.org", s, i);
			pd_set_text(&r, PD_PERSON_EMAIL, n, (size_t)-1);
		}
		if (pick(4))
			pd_set_ref(&r, PD_PERSON_ORG, b->orgs[pick(NORGS)]);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

/*
 * Names whose first word shares a later word's key (the first three
 * characters): "gil oliv" must find Gila-Oliab Olivzo, whose "oli" key is
 * of class 1 (Oliab), and "gilab gils" Gilab Gilson.
 */
static int build_shared(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	static const char *const names[] = {
		"Gila-Oliab Olivzo", "Gilab Gilson", "Gilab-Gilzo Gilson",
		"Oliv-Gilab Gilsta", "Stam-Stan Stamford", "Ton Tona-Tonab",
	};
	int rc = PD_OK;

	(void)ctx;
	for (size_t i = 0; i < sizeof names / sizeof names[0] && rc == PD_OK; i++) {
		struct pd_record r;
		pd_record_init(&r, PD_PERSON);
		pd_set_text(&r, PD_PERSON_NAME, names[i], (size_t)-1);
		rc = pd_put(txn, &r, err);
		pd_record_clear(&r);
	}
	return rc;
}

/* --- the oracle ---------------------------------------------------------------- */

struct collect {
	struct rec   *r;
	unsigned char cls;
	bool          first_done;
	const char   *first;
	size_t        firstlen;
	char         *normal;
	size_t        normal_cap;
};

static void add_word(struct rec *r, const char *w, size_t len, unsigned char cls)
{
	for (size_t i = 0; i < r->nw; i++)
		if (strlen(r->w[i].w) == len && !memcmp(r->w[i].w, w, len)) {
			if (cls < r->w[i].cls)
				r->w[i].cls = cls;
			return;
		}
	cr_assert_lt(r->nw, MAXWORDS);
	cr_assert_lt(len, sizeof r->w[0].w);
	memcpy(r->w[r->nw].w, w, len);
	r->w[r->nw].w[len] = '\0';
	r->w[r->nw++].cls = cls;
}

static int first_cb(const char *w, size_t len, void *ctx)
{
	struct collect *c = ctx;

	if (!c->first) {
		c->first = w;
		c->firstlen = len;
	}
	if (c->normal[0])
		strncat(c->normal, " ", c->normal_cap - strlen(c->normal) - 1);
	strncat(c->normal, w, len < c->normal_cap - strlen(c->normal) - 1 ?
		len : c->normal_cap - strlen(c->normal) - 1);
	return 0;
}

/* Name words: class 1 up to the first word run together (the first query
 * word), which PD_WORDS_INDEX gives after the first word's parts. */
static int name_cb(const char *w, size_t len, void *ctx)
{
	struct collect *c = ctx;

	add_word(c->r, w, len, c->first_done ? PD_RANK_NAME_WORD : PD_RANK_NAME_START);
	if (!c->first_done && len == c->firstlen && !memcmp(w, c->first, len))
		c->first_done = true;
	return 0;
}

static int other_cb(const char *w, size_t len, void *ctx)
{
	add_word(((struct collect *)ctx)->r, w, len, PD_RANK_OTHER);
	return 0;
}

static void add_text(struct rec *r, const char *s)
{
	struct collect c = { .r = r };
	char *f;
	size_t n;

	cr_assert_eq(pd_text_fold(s, strlen(s), &f, &n), PD_OK);
	pd_text_words(f, n, PD_WORDS_INDEX, other_cb, &c);
	free(f);
}

static void oracle_record(struct pd_txn *txn, enum pd_kind kind, uint64_t id,
			  struct rec *r)
{
	struct pd_record rec, org;
	bool person = kind == PD_PERSON;
	const char *nm;
	struct collect c = { .r = r };
	char *f;
	size_t n, cut;

	cr_assert_eq(pd_get(txn, kind, id, &rec, NULL), PD_OK);
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->id = id;
	nm = pd_get_text(&rec, person ? PD_PERSON_NAME : PD_ORG_NAME);
	cr_assert_eq(pd_text_fold(nm, strlen(nm), &f, &n), PD_OK);
	c.normal = r->normal;
	c.normal_cap = sizeof r->normal;
	pd_text_words(f, n, PD_WORDS_QUERY, first_cb, &c);
	pd_text_words(f, n, PD_WORDS_INDEX, name_cb, &c);
	/* The entry's data: the name cut at a character boundary, NUL,
	 * kind, big-endian id. */
	cut = n;
	if (cut > SORT_MAX)
		for (cut = SORT_MAX; ((unsigned char)f[cut] & 0xC0) == 0x80; cut--)
			;
	memcpy(r->data, f, cut);
	r->data[cut] = 0;
	r->data[cut + 1] = (unsigned char)kind;
	for (int i = 0; i < 8; i++)
		r->data[cut + 2 + i] = (unsigned char)(id >> (56 - 8 * i));
	r->dlen = cut + 10;
	free(f);
	if (person) {
		add_text(r, pd_get_text(&rec, PD_PERSON_ROLE));
		add_text(r, pd_get_text(&rec, PD_PERSON_EMAIL));
		if (pd_get(txn, PD_ORG, pd_get_ref(&rec, PD_PERSON_ORG), &org, NULL) == PD_OK)
			add_text(r, pd_get_text(&org, PD_ORG_NAME));
		pd_record_clear(&org);
	} else {
		add_text(r, pd_get_text(&rec, PD_ORG_SERVICES));
	}
	pd_record_clear(&rec);
}

static void load_oracle(void)
{
	struct pd_txn *txn;
	struct pd_cursor *cur;
	uint64_t id;

	recs = calloc(NRECS, sizeof *recs);
	cr_assert_not_null(recs);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	for (int k = PD_ORG; k <= PD_PERSON; k++) {
		cr_assert_eq(pd_cursor_kind(txn, k, 0, &cur, NULL), PD_OK);
		while (pd_cursor_next(cur, &id, NULL) == PD_OK)
			oracle_record(txn, k, id, &recs[nrecs++]);
		pd_cursor_close(cur);
	}
	pd_txn_end(txn);
}

struct query {
	char   w[8][64];
	size_t n;
	char   normal[256];
};

static int query_cb(const char *w, size_t len, void *ctx)
{
	struct query *q = ctx;

	if (q->normal[0])
		strncat(q->normal, " ", sizeof q->normal - strlen(q->normal) - 1);
	strncat(q->normal, w, len);
	if (q->n < 8 && len < 64) {
		memcpy(q->w[q->n], w, len);
		q->w[q->n++][len] = '\0';
	}
	return 0;
}

static bool begins(const char *p, const char *s)
{
	return !strncmp(p, s, strlen(p));
}

/* The query's words as the search takes them: a word another begins
 * with (or the same twice) says nothing more. */
static void parse(const char *text, struct query *q)
{
	char *f;
	size_t n, k = 0;

	memset(q, 0, sizeof *q);
	cr_assert_eq(pd_text_fold(text, strlen(text), &f, &n), PD_OK);
	pd_text_words(f, n, PD_WORDS_QUERY, query_cb, q);
	free(f);
	for (size_t i = 0; i < q->n && q->w[i][strspn(q->w[i], "0123456789")] == '\0'; i++)
		if (i == q->n - 1 && q->n > 1) {   /* a phone number typed with spaces */
			for (size_t j = 1; j < q->n; j++)
				strncat(q->w[0], q->w[j], sizeof q->w[0] - strlen(q->w[0]) - 1);
			q->n = 1;
		}
	for (size_t i = 0; i < q->n; i++) {
		bool drop = false;
		for (size_t j = 0; j < q->n && !drop; j++)
			drop = j != i && begins(q->w[i], q->w[j]) &&
			       (strlen(q->w[i]) < strlen(q->w[j]) || j < i);
		if (!drop)
			memmove(q->w[k++], q->w[i], sizeof q->w[i]);
	}
	q->n = k;
}

struct expect {
	const struct rec *r;
	unsigned char     rank, worst;
};

static int expect_cmp(const void *a, const void *b)
{
	const struct expect *x = a, *y = b;
	size_t n = x->r->dlen < y->r->dlen ? x->r->dlen : y->r->dlen;
	int c;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	if (x->worst != y->worst)
		return x->worst - y->worst;
	if ((c = memcmp(x->r->data, y->r->data, n)))
		return c;
	return (x->r->dlen > y->r->dlen) - (x->r->dlen < y->r->dlen);
}

/* What the search must answer, in order; the number of matches. */
static size_t oracle(const char *text, unsigned kinds, struct expect *out)
{
	struct query q;
	size_t n = 0;

	parse(text, &q);
	if (!q.n)
		return 0;
	for (size_t i = 0; i < nrecs; i++) {
		const struct rec *r = &recs[i];
		unsigned char rank = 9, worst = 0;
		if (kinds && !(kinds & (1u << r->kind)))
			continue;
		for (size_t j = 0; j < q.n && rank != 10; j++) {
			unsigned char best = 9;
			for (size_t k = 0; k < r->nw; k++)
				if (r->w[k].cls < best && begins(q.w[j], r->w[k].w))
					best = r->w[k].cls;
			if (best == 9)
				rank = 10;   /* word j is nowhere */
			else {
				rank = best < rank ? best : rank;
				worst = best > worst ? best : worst;
			}
		}
		if (rank == 10)
			continue;
		if (!strcmp(r->normal, q.normal))
			rank = worst = PD_RANK_EXACT;
		out[n++] = (struct expect){ r, rank, worst };
	}
	qsort(out, n, sizeof *out, expect_cmp);
	return n;
}

/* --- the queries --------------------------------------------------------------- */

/* A query someone looking up a random record might type: beginnings of
 * two or three of its words (its first word's, a later one's, a part's,
 * another field's), in any order; now and then a word from elsewhere. */
static void make_query(char *buf, size_t n)
{
	const struct rec *r = &recs[pick((unsigned)nrecs)];
	unsigned k = pick(5) ? 2 : 3;
	char p[64];

	buf[0] = '\0';
	for (unsigned i = 0; i < k; i++) {
		const char *w = pick(8) ? r->w[pick((unsigned)r->nw)].w : syl[pick(NSYL)];
		qg_prefix_of(p, sizeof p, w, 1 + pick(5));
		if (i)
			cat(buf, n, " ");
		cat(buf, n, p);
	}
}

static struct expect want[NRECS];
static struct pd_hit got[NRECS];

/* The whole answer, and pages of it, must be the oracle's. */
static size_t compare(const char *text, unsigned kinds)
{
	size_t nwant = oracle(text, kinds, want), ngot, pages[][2] = {
		{ 0, 20 }, { 20, 20 }, { 40, 20 }, { 0, 1 }, { 3, 7 },
	};
	struct pd_txn *txn;
	struct pd_err err = { 0 };

	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	cr_assert_eq(pd_search(txn, text, kinds, 0, nrecs, got, &ngot, NULL, &err),
		     PD_OK, "\"%s\": %s", text, err.msg);
	cr_expect_eq(ngot, nwant, "\"%s\": %zu matches, the oracle %zu", text, ngot, nwant);
	for (size_t i = 0; i < ngot && i < nwant; i++)
		if (got[i].id != want[i].r->id || got[i].rank != want[i].rank) {
			cr_expect_fail("\"%s\": match %zu is %llu (rank %d), the oracle's %llu "
				       "(rank %d)", text, i, (unsigned long long)got[i].id,
				       got[i].rank, (unsigned long long)want[i].r->id,
				       want[i].rank);
			break;
		}
	for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
		size_t off = pages[p][0], lim = pages[p][1], n;
		struct pd_hit page[20];
		bool more;
		cr_assert_eq(pd_search(txn, text, kinds, off, lim, page, &n, &more, &err),
			     PD_OK, "\"%s\": %s", text, err.msg);
		cr_expect_eq(n, off < nwant ? (nwant - off < lim ? nwant - off : lim) : 0,
			     "\"%s\" at %zu: %zu matches", text, off, n);
		cr_expect_eq(more, off + lim < nwant, "\"%s\" at %zu: more", text, off);
		for (size_t i = 0; i < n && off + i < nwant; i++)
			if (page[i].id != want[off + i].r->id) {
				cr_expect_fail("\"%s\": page at %zu, match %zu is %llu, the "
					       "oracle's %llu", text, off, i,
					       (unsigned long long)page[i].id,
					       (unsigned long long)want[off + i].r->id);
				break;
			}
	}
	pd_txn_end(txn);
	return nwant;
}

Test(search_order, pages_match_the_oracle, .timeout = 600)
{
	static struct build b;
	struct pd_err err = { 0 };
	static const char *const fixed[] = {
		"olbab w", "olbabab zo", "ol zz", "jean paul", "paul jean",
		"o brien", "obr ab", "gil oli", "oliv gil", "w ton", "ton w",
		"sta stam", "stam sta", "(ab", "ab gila ol", "olbab xy", "olbabw xy",
		"xy olb", "gil oliv", "gilab gils", "gils gilab", "oliv gils",
		"stam stan", "stan stamf", "ton tonab", "tona ton",
	};
	size_t total = 0, empty = 0, n;
	char q[200];

	cr_assert_eq(tdb_write(build_orgs, &b, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(tdb_write(build_people, &b, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(tdb_write(build_shared, NULL, &err), PD_OK, "%s", err.msg);
	load_oracle();
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		total += compare(fixed[i], 0);
	for (int i = 0; i < NQUERIES; i++) {
		make_query(q, sizeof q);
		n = compare(q, i % 8 == 0 ? PD_SEARCH_PEOPLE : 0);
		total += n;
		empty += n == 0;
	}
	cr_expect_gt(total, 20000, "the queries should find a great deal");
	cr_expect_gt(empty, 0, "some queries should find nothing");
	free(recs);
}
