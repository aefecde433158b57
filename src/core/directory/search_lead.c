/*
 * search_lead.c — the first part of a query of several words: the names a
 * query word begins as a first word, walked in name order.
 *
 * Nearly every first screenful is made of names where one query word
 * begins the first word and the others begin later ones: rank NAME_START,
 * worst NAME_WORD ("w ton": Tonab Walker, Tonab Ward, ...).  A record that
 * ranks NAME_START through query word q either has an inner key that q
 * begins (search_terms.h: a word of its first word that the name does not
 * begin with) or its name begins with q.  The first are few, and all are
 * visited.  The second are, for each query word, a run of each of its
 * prefix keys (0x02 + its first three characters; for a word of at most
 * three characters, each prefix and short word key it begins), from the
 * word on and while the names begin with it; merged, they come in name
 * order (search_merge.c), and each is checked from its name.
 *
 * Once the best `need` are kept and the worst of them ranks NAME_START
 * with NAME_WORD or better, the walk stops at the first name that could
 * not beat it even so: every record left then ranks lower.  A record met
 * later could beat it only with two query words beginning words of its
 * first word, and then one of the two begins a word the name does not
 * begin with — two words that both begin the name begin one another, and
 * no two query words do (reduce_words) — so its inner key was visited.
 *
 * A walk that cannot fill the kept ones (fewer records rank NAME_START),
 * or that passes WALK_MAX entries (the other words seldom in these names:
 * "oliv smithe"), leaves the rest to search_drive.c, whose bounds the kept
 * ones then help.  It costs about the entries it walks: not the keys a
 * short query word begins, which is what search_drive.c costs ("w ton").
 */
#include "search_lead.h"
#include "search_merge.h"

/* Entries visited before the walk leaves the rest to search_drive.c. */
#define WALK_MAX 4096
/* A longer query word may be longer than the names kept in the entries
 * (cut to PD_SORT_MAX bytes at a character boundary). */
#define LEAD_WORD_MAX (PD_SORT_MAX - 3)

/* A partner of fewer than three characters is sought through in at most
 * this many keys (two seeks each). */
#define SHORT_KEYS_MAX 64

/* Visit every entry of the inner keys query word i begins. */
static int visit_inner(struct pd_sq_many *m, size_t i, size_t *walked)
{
	struct pd_sq_search *s = m->s;
	unsigned char key[1 + LEAD_WORD_MAX];
	size_t kn = 1 + s->q.len[i];
	MDB_val k = { kn, key }, d;
	int rc;

	key[0] = PD_TERM_INNER;
	memcpy(key + 1, pd_sq_word(&s->q, i), s->q.len[i]);
	for (rc = pd_post_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS && pd_sq_is_prefix((char *)key, kn, k.mv_data, k.mv_size);
	     rc = pd_post_get(s->cur, &k, &d, MDB_NEXT)) {
		if (!pd_sq_data_ok(&d))
			return pd_sq_corrupt(s);
		if (++*walked > WALK_MAX)
			return PD_SQ_GAVE_UP;
		if ((rc = pd_sq_visit(m, i, &d)) != PD_OK)
			return rc;
	}
	return rc == MDB_NOTFOUND || rc == MDB_SUCCESS ? PD_OK : pd_sq_db_err(s, rc);
}

/*
 * A query word j whose name runs can stand for the names query word i
 * begins (see pair_runs): best one of at least three characters (one or
 * two keys), whose key a first word beginning with word i cannot have
 * (else its class-1 run holds all those names), then the longest (likely
 * the rarest).
 */
static size_t partner(const struct pd_sq_query *q, size_t i)
{
	const char *w = pd_sq_word(q, i);
	size_t best = PD_SQ_MAX_WORDS;
	int best_score = -1;

	for (size_t j = 0; j < q->n; j++) {
		const char *v = pd_sq_word(q, j);
		size_t p = pd_term_prefix(v, q->len[j]);
		bool three = p || pd_sq_nchars(v, q->len[j]) == PD_PREFIX_CHARS;
		int score;
		if (j == i)
			continue;
		p = p ? p : q->len[j];
		score = 2 * three + (three && !pd_sq_is_prefix(w, q->len[i], v, p) &&
				     !pd_sq_is_prefix(v, p, w, q->len[i]));
		if (score > best_score || (score == best_score && q->len[j] > q->len[best])) {
			best = j;
			best_score = score;
		}
	}
	return best;
}

/* The class-1 and class-2 runs of key k from word i on. */
static int pair_run(struct pd_sq_many *m, struct pd_sq_merge *mg, const MDB_val *k,
		    size_t i)
{
	const struct pd_sq_query *q = &m->s->q;
	int rc = PD_OK;

	for (unsigned cls = PD_RANK_NAME_START; cls <= PD_RANK_NAME_WORD && rc == PD_OK; cls++)
		rc = pd_sq_merge_add_at(m->s, mg, k, NULL, cls, pd_sq_word(q, i), q->len[i],
					(unsigned)i);
	return rc;
}

/*
 * The names word i begins that have a word beginning like word j: the
 * class-1 and class-2 entries of the keys of j's names — j's prefix key
 * (and its word key when it has three characters), or for a shorter j
 * every key pd_sq_short_keys finds — each run from word i on.  A record
 * whose name begins with word i and that ranks no worse than NAME_WORD
 * has a name word that word j begins, so an entry of class 1 or 2 under
 * one of those keys: far fewer names than all word i begins.  The entries
 * are visited as word i's (their names begin with it), not j's: a prefix
 * key does not prove word j ("stam" beside "stanley").
 * *done is false (and nothing added) when a short j has too many keys.
 */
static int pair_runs(struct pd_sq_many *m, struct pd_sq_merge *mg, size_t i, size_t j,
		     bool *done)
{
	struct pd_sq_search *s = m->s;
	const char *v = pd_sq_word(&s->q, j);
	size_t vn = s->q.len[j], p = pd_term_prefix(v, vn);
	unsigned char key[1 + 4 * PD_PREFIX_CHARS];
	struct pd_buf keys = PD_BUF_INIT;
	int rc;

	*done = false;
	if (p || pd_sq_nchars(v, vn) == PD_PREFIX_CHARS) {   /* one or two keys */
		MDB_val k = { 1 + (p ? p : vn), key }, w = { vn, (void *)v };
		key[0] = PD_TERM_PREFIX;
		memcpy(key + 1, v, k.mv_size - 1);
		if ((rc = pair_run(m, mg, &k, i)) == PD_OK && !p)
			rc = pair_run(m, mg, &w, i);   /* the word itself */
		*done = rc == PD_OK;
		return rc;
	}
	rc = pd_sq_collect_keys(s, v, vn, SHORT_KEYS_MAX, &keys);
	for (size_t o = 0; rc == PD_OK && o < keys.n; o += 1 + (unsigned char)keys.p[o]) {
		MDB_val k = { (unsigned char)keys.p[o], keys.p + o + 1 };
		rc = pair_run(m, mg, &k, i);
	}
	pd_buf_free(&keys);
	*done = rc == PD_OK;
	return rc == PD_SQ_TOO_MANY ? PD_OK : rc;
}

/* The runs of the names query word i begins (or enough of them), into `mg`. */
static int lead_runs(struct pd_sq_many *m, struct pd_sq_merge *mg, size_t i)
{
	struct pd_sq_search *s = m->s;
	const char *w = pd_sq_word(&s->q, i);
	size_t wn = s->q.len[i], p = pd_term_prefix(w, wn);
	unsigned char key[1 + 4 * PD_PREFIX_CHARS];
	MDB_val k = { 1 + p, key };
	bool done;
	int rc = pair_runs(m, mg, i, partner(&s->q, i), &done);

	if (rc != PD_OK || done)
		return rc;
	if (!p)   /* three characters or fewer */
		return pd_sq_merge_add_short(s, mg, w, wn, true, (unsigned)i);
	key[0] = PD_TERM_PREFIX;
	memcpy(key + 1, w, p);
	return pd_sq_merge_add_at(s, mg, &k, NULL, PD_RANK_NAME_START, w, wn, (unsigned)i);
}

/* Walk the merged runs in name order while a record met may be kept. */
static int walk(struct pd_sq_many *m, struct pd_sq_merge *mg, size_t *walked)
{
	struct pd_sq_stream *st;
	int rc = pd_sq_merge_start(m->s, mg);

	while (rc == PD_OK && (st = pd_sq_merge_top(mg))) {
		MDB_val d = { st->dlen, st->d };
		if (pd_sq_many_full(m) &&
		    pd_sq_key_cmp(PD_RANK_NAME_START, PD_RANK_NAME_WORD, st->d, st->dlen,
				  &m->c[0]) >= 0)
			break;   /* see the top */
		if (++*walked > WALK_MAX)
			return PD_SQ_GAVE_UP;
		if ((rc = pd_sq_visit(m, st->word, &d)) == PD_OK)
			rc = pd_sq_merge_next(m->s, mg);
	}
	return rc;
}

int pd_sq_lead(struct pd_sq_many *m, bool *complete)
{
	struct pd_sq_search *s = m->s;
	struct pd_sq_merge mg = { .by_name = true };
	size_t walked = 0;
	int rc = PD_OK;

	*complete = false;
	for (size_t i = 0; i < s->q.n; i++)
		if (s->q.len[i] > LEAD_WORD_MAX)
			return PD_OK;
	m->no_sets = true;
	for (size_t i = 0; i < s->q.n && rc == PD_OK; i++)
		rc = visit_inner(m, i, &walked);
	for (size_t i = 0; i < s->q.n && rc == PD_OK; i++)
		rc = lead_runs(m, &mg, i);
	if (rc == PD_OK)
		rc = walk(m, &mg, &walked);
	pd_sq_merge_free(&mg);
	if (rc == PD_SQ_GAVE_UP)
		return PD_OK;
	*complete = rc == PD_OK && pd_sq_many_full(m);
	return rc;
}
