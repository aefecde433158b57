/* test_search_random.c — 10,000 random directory edits (creates, renames,
 * deletes, moves between organisations, undo and redo) from a fixed seed;
 * then pd_check must find no stray or missing search entry, and random
 * queries must find exactly what a brute-force scan of the records finds,
 * in rank order. */
#include "testdb.h"

#include "plandesk/records/check.h"
#include "plandesk/directory/search.h"
#include "plandesk/base/text.h"

TestSuite(search_random, .init = tdb_setup, .fini = tdb_teardown);

#define EDITS 10000
#define BATCH 10
#define MAXIDS 8000

static const char *const syl[] = {
	"an", "bel", "cor", "dun", "el", "fa", "gar", "hol", "is", "jo", "ka",
	"lu", "mor", "ny", "ol", "pa", "ro", "su", "ta", "ul", "vi", "wy",
	"zø", "é", "ł", "ß", "o'", "ån", "ma-",
};
#define NSYL (sizeof syl / sizeof syl[0])

struct world {
	uint64_t rng;
	uint64_t people[MAXIDS], orgs[MAXIDS];
	size_t   npeople, norgs;
	unsigned counter;
	size_t   edits;
};

static uint64_t rnd(struct world *w)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return w->rng;
}

static unsigned pick(struct world *w, unsigned n) { return (unsigned)(rnd(w) % n); }

/* A made-up word of 1 to 3 syllables, sometimes capitalised. */
static void word(struct world *w, char *buf, size_t n)
{
	unsigned k = 1 + pick(w, 3);

	buf[0] = '\0';
	for (unsigned i = 0; i < k; i++)
		strncat(buf, syl[pick(w, NSYL)], n - strlen(buf) - 1);
	if (buf[0] >= 'a' && buf[0] <= 'z' && pick(w, 2))
		buf[0] = (char)(buf[0] - 32);
}

static void words(struct world *w, char *buf, size_t n, unsigned k)
{
	char one[32];

	buf[0] = '\0';
	for (unsigned i = 0; i < k; i++) {
		word(w, one, sizeof one);
		if (i)
			strncat(buf, " ", n - strlen(buf) - 1);
		strncat(buf, one, n - strlen(buf) - 1);
	}
}

static uint64_t any(struct world *w, const uint64_t *ids, size_t n)
{
	return n ? ids[pick(w, (unsigned)n)] : 0;
}

/* One random edit.  Conflicts and links to deleted records are skipped. */
static int edit(struct pd_txn *txn, struct world *w, struct pd_err *err)
{
	char a[96], b[96];
	struct pd_record r;
	unsigned op = pick(w, 100);
	bool created;
	uint64_t id;
	int rc;

	w->counter++;
	if (op < 50) {
		bool isorg = op < 15;
		pd_record_init(&r, isorg ? PD_ORG : PD_PERSON);
		words(w, a, sizeof a, 1 + pick(w, 3));
		if (isorg) {
			snprintf(b, sizeof b, "%s %u", a, w->counter);
			pd_set_text(&r, PD_ORG_NAME, b, (size_t)-1);
			words(w, a, sizeof a, pick(w, 3));
			pd_set_text(&r, PD_ORG_SERVICES, a, (size_t)-1);
		} else {
			pd_set_text(&r, PD_PERSON_NAME, a, (size_t)-1);
			words(w, a, sizeof a, pick(w, 2));
			pd_set_text(&r, PD_PERSON_ROLE, a, (size_t)-1);
			if (pick(w, 2)) {
				word(w, a, 32);
				snprintf(b, sizeof b, "%s.%u@x.org", a, w->counter);
				pd_set_text(&r, PD_PERSON_EMAIL, b, (size_t)-1);
			}
			if (pick(w, 3) == 0) {
				snprintf(b, sizeof b, "0%u %u", 1000 + pick(w, 9000),
					 pick(w, 1000000));
				pd_set_text(&r, PD_PERSON_PHONE, b, (size_t)-1);
			}
			pd_set_ref(&r, PD_PERSON_ORG, pick(w, 4) ? any(w, w->orgs, w->norgs) : 0);
		}
	} else {
		bool isorg = op >= 80;
		id = isorg ? any(w, w->orgs, w->norgs) : any(w, w->people, w->npeople);
		pd_record_init(&r, PD_PERSON);
		if (!id || pd_get(txn, isorg ? PD_ORG : PD_PERSON, id, &r, NULL) != PD_OK) {
			pd_record_clear(&r);
			return PD_OK;   /* gone (deleted or undone) */
		}
		if (op < 65 || (op >= 80 && op < 90)) {          /* rename */
			words(w, a, sizeof a, 1 + pick(w, 3));
			if (isorg)
				snprintf(b, sizeof b, "%s %u", a, w->counter);
			else
				snprintf(b, sizeof b, "%s", a);
			pd_set_text(&r, isorg ? PD_ORG_NAME : PD_PERSON_NAME, b, (size_t)-1);
		} else if (op < 72) {                            /* move */
			pd_set_ref(&r, PD_PERSON_ORG, pick(w, 5) ? any(w, w->orgs, w->norgs) : 0);
		} else if (op < 80 || op >= 96) {                /* delete */
			pd_record_clear(&r);
			rc = pd_del(txn, isorg ? PD_ORG : PD_PERSON, id, err);
			return rc == PD_NOTFOUND ? PD_OK : rc;
		} else {                                         /* other field */
			words(w, a, sizeof a, 2);
			pd_set_text(&r, PD_ORG_TAGS, a, (size_t)-1);
		}
	}
	created = r.id == 0;
	rc = pd_put(txn, &r, err);
	if (rc == PD_OK && created && r.kind == PD_ORG && w->norgs < MAXIDS)
		w->orgs[w->norgs++] = r.id;
	else if (rc == PD_OK && created && r.kind == PD_PERSON && w->npeople < MAXIDS)
		w->people[w->npeople++] = r.id;
	pd_record_clear(&r);
	return rc == PD_ECONFLICT || rc == PD_EINVAL ? PD_OK : rc;
}

struct batch {
	struct world *w;
	struct world  saved;   /* the world before the batch, for a retry */
};

static int batch_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct batch *b = ctx;
	int rc = PD_OK;

	*b->w = b->saved;
	for (int i = 0; i < BATCH && rc == PD_OK; i++)
		rc = edit(txn, b->w, err);
	return rc;
}

/* --- brute force ----------------------------------------------------------- */

struct bf_words {
	char   w[64][48];
	size_t n;
};

static int bf_word_cb(const char *w, size_t len, void *ctx)
{
	struct bf_words *ws = ctx;

	if (ws->n < 64 && len < 48) {
		memcpy(ws->w[ws->n], w, len);
		ws->w[ws->n++][len] = '\0';
	}
	return 0;
}

static void bf_add(struct bf_words *ws, const char *s, unsigned flags)
{
	char *f;
	size_t n;

	cr_assert_eq(pd_text_fold(s, strlen(s), &f, &n), PD_OK);
	pd_text_words(f, n, flags, bf_word_cb, ws);
	free(f);
}

/* Does record r match every word of q, scanning its fields directly? */
static bool bf_match(struct pd_txn *txn, const struct pd_record *r,
		     const struct bf_words *q)
{
	struct bf_words ws = { .n = 0 };
	struct pd_record o;

	if (r->kind == PD_PERSON) {
		bf_add(&ws, pd_get_text(r, PD_PERSON_NAME), PD_WORDS_INDEX);
		bf_add(&ws, pd_get_text(r, PD_PERSON_ROLE), PD_WORDS_INDEX);
		bf_add(&ws, pd_get_text(r, PD_PERSON_EMAIL), PD_WORDS_INDEX);
		if (pd_get(txn, PD_ORG, pd_get_ref(r, PD_PERSON_ORG), &o, NULL) == PD_OK)
			bf_add(&ws, pd_get_text(&o, PD_ORG_NAME), PD_WORDS_INDEX);
		pd_record_clear(&o);
	} else {
		bf_add(&ws, pd_get_text(r, PD_ORG_NAME), PD_WORDS_INDEX);
		bf_add(&ws, pd_get_text(r, PD_ORG_SERVICES), PD_WORDS_INDEX);
		bf_add(&ws, pd_get_text(r, PD_ORG_TAGS), PD_WORDS_INDEX);
	}
	for (size_t i = 0; i < q->n; i++) {
		bool hit = false;
		for (size_t j = 0; j < ws.n && !hit; j++)
			hit = !strncmp(ws.w[j], q->w[i], strlen(q->w[i]));
		if (!hit)
			return false;
	}
	return true;
}

/* The first `n` bytes (or fewer, at a character boundary) of a word. */
static void prefix(struct world *w, char *buf, size_t size, size_t n)
{
	word(w, buf, size);
	if (n < strlen(buf)) {
		while (buf[n] && ((unsigned char)buf[n] & 0xC0) == 0x80)
			n++;
		buf[n] = '\0';
	}
}

static int id_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Returns the number of matches. */
static size_t compare_with_brute_force(const char *query)
{
	static uint64_t want[2 * MAXIDS], got[2 * MAXIDS];
	struct bf_words q = { .n = 0 };
	struct pd_txn *txn;
	struct pd_cursor *cur;
	struct pd_hit *hits = calloc(2 * MAXIDS, sizeof *hits);
	size_t nwant = 0, ngot;
	uint64_t id;

	cr_assert_not_null(hits);
	bf_add(&q, query, PD_WORDS_QUERY);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, NULL), PD_OK);
	for (int k = PD_ORG; k <= PD_PERSON; k++) {
		cr_assert_eq(pd_cursor_kind(txn, k, 0, &cur, NULL), PD_OK);
		while (pd_cursor_next(cur, &id, NULL) == PD_OK) {
			struct pd_record r;
			cr_assert_eq(pd_get(txn, k, id, &r, NULL), PD_OK);
			if (bf_match(txn, &r, &q))
				want[nwant++] = id;
			pd_record_clear(&r);
		}
		pd_cursor_close(cur);
	}
	cr_assert_eq(pd_search(txn, query, 0, 0, 2 * MAXIDS, hits, &ngot, NULL, NULL),
		     PD_OK);
	for (size_t i = 0; i < ngot; i++) {
		got[i] = hits[i].id;
		if (i)
			cr_expect_leq(hits[i - 1].rank, hits[i].rank,
				      "\"%s\": rank order at %zu", query, i);
	}
	/* Small pages (a screen's worth) give the same order as the whole. */
	for (size_t off = 0; off < ngot && off < 60; off += 7) {
		struct pd_hit page[7];
		size_t n;
		bool more;
		cr_assert_eq(pd_search(txn, query, 0, off, 7, page, &n, &more, NULL), PD_OK);
		cr_expect_eq(more, off + 7 < ngot, "\"%s\" at %zu: more", query, off);
		for (size_t i = 0; i < n; i++)
			cr_expect_eq(page[i].id, hits[off + i].id, "\"%s\": page at %zu + %zu",
				     query, off, i);
	}
	pd_txn_end(txn);
	free(hits);
	qsort(want, nwant, sizeof *want, id_cmp);
	qsort(got, ngot, sizeof *got, id_cmp);
	cr_expect_eq(ngot, nwant, "\"%s\": %zu hits, brute force %zu", query, ngot, nwant);
	for (size_t i = 0; i < ngot && i < nwant; i++)
		cr_expect_eq(got[i], want[i], "\"%s\": hit %zu", query, i);
	return nwant;
}

Test(search_random, ten_thousand_edits_keep_the_index_exact)
{
	static struct world w = { .rng = 0x9E3779B97F4A7C15ull };
	static struct batch b = { .w = &w };
	struct pd_err err = { 0 };
	size_t nproblems = 99, writes = 0, matches = 0, empty = 0, n;
	char q[64], one[32];
	int rc;

	while (w.edits < EDITS) {
		if (++writes % 25 == 0) {
			rc = pd_store_undo(tdb.st, NULL, 0, &err);
			cr_assert(rc == PD_OK || rc == PD_EEMPTY, "undo: %s", err.msg);
			if (writes % 75 == 0) {
				rc = pd_store_redo(tdb.st, NULL, 0, &err);
				cr_assert(rc == PD_OK || rc == PD_EEMPTY, "redo: %s", err.msg);
			}
			w.edits++;
			continue;
		}
		b.saved = w;
		rc = pd_store_write(tdb.st, "random edits", 0, batch_body, &b, &err);
		cr_assert_eq(rc, PD_OK, "write %zu: %s", writes, err.msg);
		w.edits += BATCH;
	}
	cr_assert_eq(pd_check(tdb.st, NULL, NULL, &nproblems, &err), PD_OK, "%s", err.msg);
	cr_expect_eq(nproblems, 0, "pd_check found %zu problems", nproblems);
	cr_expect_gt(tdb_count(PD_PERSON), 100);
	cr_expect_gt(tdb_count(PD_ORG), 20);
	for (int i = 0; i < 60; i++) {
		prefix(&w, one, sizeof one, 1 + pick(&w, 3));
		snprintf(q, sizeof q, "%s", one);
		if (i % 2 == 0) {   /* two words: search_many.c's pruning */
			prefix(&w, one, sizeof one, 1 + pick(&w, 2));
			strncat(q, " ", sizeof q - strlen(q) - 1);
			strncat(q, one, sizeof q - strlen(q) - 1);
		}
		n = compare_with_brute_force(q);
		matches += n;
		empty += n == 0;
	}
	cr_expect_gt(matches, 1000, "the queries should find things");
	cr_expect_gt(empty, 0, "some queries should find nothing");
}
