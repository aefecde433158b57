/*
 * people_match.c — from "KP" or "K. Corcoran" to a person in the directory.
 * The rules are in people_match.h.  Candidates come from the search index
 * (lookup_candidates), so a meeting with a directory of a million people
 * costs a few cursor scans per owner, not a table scan.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/directory/people_match.h"
#include "plandesk/directory/search.h"
#include "plandesk/base/text.h"

#define MAX_WORDS 16

/* The folded words of a text, NUL-separated in one buffer. */
struct words {
	struct pd_buf b;
	size_t        off[MAX_WORDS], len[MAX_WORDS];
	int           n;
};

static int add_word(const char *w, size_t len, void *ctx)
{
	struct words *ws = ctx;

	if (ws->n == MAX_WORDS)
		return 1;   /* stop: the rest does not matter for matching */
	ws->off[ws->n] = ws->b.n;
	ws->len[ws->n] = len;
	if (pd_buf_add(&ws->b, w, len) != PD_OK || pd_buf_putc(&ws->b, 0) != PD_OK)
		return PD_ENOMEM;
	ws->n++;
	return 0;
}

/* Fold `s` and split it into words ("O'Brien" is one word, "obrien"). */
static int split(const char *s, size_t n, struct words *ws)
{
	char *folded;
	size_t fn;
	int rc;

	memset(ws, 0, sizeof *ws);
	if ((rc = pd_text_fold(s, n, &folded, &fn)) != PD_OK)
		return rc;
	rc = pd_text_words(folded, fn, PD_WORDS_QUERY, add_word, ws);
	free(folded);
	return rc == 1 ? PD_OK : rc;
}

static const char *word(const struct words *ws, int i)
{
	return ws->b.p + ws->off[i];
}

static bool same_word(const struct words *a, int i, const struct words *b, int j)
{
	return a->len[i] == b->len[j] && memcmp(word(a, i), word(b, j), a->len[i]) == 0;
}

/* Word i of `a` is a single character that begins word j of `b`. */
static bool initial_of(const struct words *a, int i, const struct words *b, int j)
{
	size_t k = pd_utf8_decode(word(a, i), a->len[i], NULL);

	return k == a->len[i] && k <= b->len[j] && memcmp(word(a, i), word(b, j), k) == 0;
}

/* The first character of each word, run together. */
static int initials_of(const struct words *ws, struct pd_buf *out)
{
	for (int i = 0; i < ws->n; i++) {
		size_t k = pd_utf8_decode(word(ws, i), ws->len[i], NULL);
		if (pd_buf_add(out, word(ws, i), k) != PD_OK)
			return PD_ENOMEM;
	}
	return pd_buf_putc(out, 0);
}

bool pd_token_is_initials(const char *tok, size_t n)
{
	int caps = 0;

	for (size_t i = 0; i < n; i++) {
		if (tok[i] >= 'A' && tok[i] <= 'Z') {
			caps++;
		} else if (tok[i] == '.' && i > 0 && tok[i - 1] >= 'A' && tok[i - 1] <= 'Z') {
			continue;
		} else {
			uint32_t cp;
			size_t k = pd_utf8_decode(tok + i, n - i, &cp);
			/* A capital outside ASCII ("É") counts when it folds
			 * to something else (i.e. it has a lower case). */
			char *f;
			size_t fn;
			bool upper = false;
			if (cp != PD_UTF8_REPLACEMENT && k > 1 &&
			    pd_text_fold(tok + i, k, &f, &fn) == PD_OK) {
				upper = fn != k || memcmp(f, tok + i, k) != 0;
				free(f);
			}
			if (!upper)
				return false;
			caps++;
			i += k - 1;
		}
	}
	return caps >= 2 && caps <= 4;
}

static enum pd_match_level match_initials(const struct pd_record *p,
					  const struct words *tok)
{
	struct words have;
	struct pd_buf want = PD_BUF_INIT, got = PD_BUF_INIT;
	enum pd_match_level lv = PD_MATCH_NONE;
	const char *ini = pd_get_text(p, PD_PERSON_INITIALS);
	bool recorded = *ini != '\0';

	/* "K.P." splits into "k", "p", "KP" is "kp": run the words together. */
	for (int i = 0; i < tok->n; i++)
		if (pd_buf_add(&want, word(tok, i), tok->len[i]) != PD_OK)
			goto out;
	if (pd_buf_putc(&want, 0) != PD_OK)
		goto out;
	if (recorded) {
		/* Recorded initials may be "K.P." or "K P" or "KP". */
		if (split(ini, strlen(ini), &have) != PD_OK)
			goto out;
		for (int i = 0; i < have.n; i++)
			if (pd_buf_add(&got, word(&have, i), have.len[i]) != PD_OK)
				break;
		pd_buf_putc(&got, 0);
		pd_buf_free(&have.b);
		if (got.p && strcmp(got.p, want.p) == 0)
			lv = PD_MATCH_EXACT;
	} else {
		const char *name = pd_get_text(p, PD_PERSON_NAME);
		if (split(name, strlen(name), &have) != PD_OK)
			goto out;
		if (initials_of(&have, &got) == PD_OK && strcmp(got.p, want.p) == 0)
			lv = PD_MATCH_LOOSE;
		pd_buf_free(&have.b);
	}
out:
	pd_buf_free(&want);
	pd_buf_free(&got);
	return lv;
}

static enum pd_match_level match_name(const struct words *t, const struct words *nm)
{
	int i, lt = t->n - 1, ln = nm->n - 1;

	if (t->n == 0 || nm->n == 0)
		return PD_MATCH_NONE;
	if (t->n == nm->n) {
		for (i = 0; i < t->n && same_word(t, i, nm, i); i++)
			;
		if (i == t->n)
			return PD_MATCH_EXACT;
	}
	if (t->n == 1)
		return same_word(t, 0, nm, 0) || same_word(t, 0, nm, ln) ?
			PD_MATCH_LOOSE : PD_MATCH_NONE;
	/* Leading words (or their initials) then the same surname. */
	if (t->n > nm->n || !same_word(t, lt, nm, ln))
		return PD_MATCH_NONE;
	for (i = 0; i < lt; i++)
		if (!same_word(t, i, nm, i) && !initial_of(t, i, nm, i))
			return PD_MATCH_NONE;
	return PD_MATCH_LOOSE;
}

enum pd_match_level pd_person_match(const struct pd_record *p, const char *tok,
				    size_t n)
{
	struct words t, nm;
	enum pd_match_level lv = PD_MATCH_NONE;
	const char *name = pd_get_text(p, PD_PERSON_NAME);

	if (p->kind != PD_PERSON || split(tok, n, &t) != PD_OK)
		return PD_MATCH_NONE;
	if (pd_token_is_initials(tok, n)) {
		lv = match_initials(p, &t);
	} else if (split(name, strlen(name), &nm) == PD_OK) {
		lv = match_name(&t, &nm);
		pd_buf_free(&nm.b);
	}
	pd_buf_free(&t.b);
	return lv;
}

/* The best matches seen so far. */
struct tally {
	const char         *tok;
	size_t              n;
	enum pd_match_level best;
	int                 count;    /* people at level `best` */
	uint64_t            ids[2];   /* the first two of them */
	struct pd_txn      *txn;
	int                 rc;
};

static void consider(struct tally *t, uint64_t id)
{
	struct pd_record p;
	enum pd_match_level lv;

	if (id == t->ids[0] || id == t->ids[1])
		return;
	if ((t->rc = pd_get(t->txn, PD_PERSON, id, &p, NULL)) != PD_OK) {
		if (t->rc == PD_NOTFOUND)
			t->rc = PD_OK;   /* a stale attendance link */
		return;
	}
	lv = pd_person_match(&p, t->tok, t->n);
	pd_record_clear(&p);
	if (lv == PD_MATCH_NONE || lv < t->best)
		return;
	if (lv > t->best) {
		t->best = lv;
		t->count = 0;
		t->ids[0] = t->ids[1] = 0;
	}
	if (t->count < 2)
		t->ids[t->count] = id;
	t->count++;
}

static int on_hit(const struct pd_hit *hit, void *ctx)
{
	struct tally *t = ctx;

	consider(t, hit->id);
	return t->rc != PD_OK;
}

/*
 * Pass the directory's likely candidates for `query` to `t`: the one place
 * that knows where candidates come from.
 */
static int lookup_candidates(struct pd_txn *txn, const char *query,
			     struct tally *t, struct pd_err *err)
{
	int rc = pd_search_each(txn, query, PD_SEARCH_PEOPLE, 0,
				PD_MATCH_CANDIDATES, on_hit, t, NULL, err);

	return rc != PD_OK ? rc : t->rc;
}

static int answer(struct tally *t, uint64_t *id, struct pd_err *err)
{
	struct pd_record a, b;

	if (t->count == 1) {
		*id = t->ids[0];
		return PD_OK;
	}
	if (t->count == 0)
		return PD_NOTFOUND;
	pd_record_init(&a, PD_PERSON);
	pd_record_init(&b, PD_PERSON);
	pd_get(t->txn, PD_PERSON, t->ids[0], &a, NULL);
	pd_get(t->txn, PD_PERSON, t->ids[1], &b, NULL);
	pd_err_set(err, PD_ECONFLICT, "\"%.*s\" could be %s or %s", (int)t->n,
		   t->tok, pd_get_text(&a, PD_PERSON_NAME),
		   pd_get_text(&b, PD_PERSON_NAME));
	pd_record_clear(&a);
	pd_record_clear(&b);
	return PD_ECONFLICT;
}

int pd_people_match(struct pd_txn *txn, const char *tok, size_t n,
		    const uint64_t *prefer, size_t nprefer, uint64_t *id,
		    struct pd_err *err)
{
	struct tally t = { .txn = txn };
	char *query;
	int rc;

	*id = 0;
	while (n && (*tok == ' ' || *tok == '\t')) {
		tok++;
		n--;
	}
	while (n && (tok[n - 1] == ' ' || tok[n - 1] == '\t'))
		n--;
	if (!n)
		return PD_NOTFOUND;
	t.tok = tok;
	t.n = n;
	for (size_t i = 0; i < nprefer && t.rc == PD_OK; i++)
		consider(&t, prefer[i]);
	if (t.rc != PD_OK)
		return pd_err_set(err, t.rc, "reading the directory: %s",
				  pd_strerror(t.rc));
	if (t.count)
		return answer(&t, id, err);
	/* The index splits "K.P." into "k" and "p": ask for "KP" instead. */
	if (!(query = malloc(n + 1)))
		return pd_err_nomem(err);
	if (pd_token_is_initials(tok, n)) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (tok[i] != '.')
				query[k++] = tok[i];
		query[k] = '\0';
	} else {
		memcpy(query, tok, n);
		query[n] = '\0';
	}
	rc = lookup_candidates(txn, query, &t, err);
	free(query);
	if (rc != PD_OK)
		return rc;
	return answer(&t, id, err);
}
