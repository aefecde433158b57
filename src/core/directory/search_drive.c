/*
 * search_drive.c — a query of several words when the name-start walk
 * (search_lead.c) could not settle it: the rarest word drives, its keys'
 * entries (counted cheaply with pd_post_count) are the candidates
 * (search_many.c checks and keeps them).
 *
 * The walk is cut short with bounds, all of them safe for the order:
 *   - names that begin with a query word (what "d wri" wants: Diane
 *     Wright) are sought directly in each run (key and class) of the
 *     driver, and, to fill the kept ones early, in the name runs of the
 *     other words that have few keys;
 *   - a run is left once even NAME_START with the run's class as the
 *     worst could not beat the worst kept (run_open);
 *   - names whose plain first word cannot beat it are passed by the
 *     hundred with one seek (seek_names, plain_may_beat).
 */
#include "search_drive.h"
#include "search_merge.h"

/*
 * Could a record met through the driving entry `d` still be kept?  Its
 * rank may be NAME_START through another word, and its worst class is at
 * least the driving word's best class, which is d's class for a record
 * first met in this run of the key (one with a better class under another
 * key is met there, in that run).  Names sort within a run and classes
 * after it, so once this fails the rest of the key can be skipped.
 */
static bool run_open(const struct pd_sq_many *m, const unsigned char *d, size_t dn)
{
	return m->n < m->keep ||
	       pd_sq_key_cmp(PD_RANK_NAME_START, d[0], d, dn, &m->c[0]) < 0;
}

/*
 * Is the first word of the entry's name plain (ASCII letters and digits,
 * and not cut off)?  Then it is its own only class-1 word, and the record
 * ranks NAME_START only when a query word begins the name.
 */
static bool plain_first_word(const unsigned char *d, size_t dn)
{
	size_t n = dn - PD_TERM_DATA_MIN;

	for (size_t i = 0; i < n; i++) {
		if (d[1 + i] == ' ')
			return i > 0;
		if (!pd_sq_is_alnum(d[1 + i]))
			return false;
	}
	return n > 0 && n + 3 < PD_SORT_MAX;   /* one word, not cut */
}

/*
 * The bytes of the entry's plain first word (see plain_first_word) when
 * another is known to follow, else 0.
 */
static size_t plain_first_len(const unsigned char *d, size_t dn)
{
	size_t n = dn - PD_TERM_DATA_MIN;

	for (size_t i = 0; i < n; i++) {
		if (d[1 + i] == ' ')
			return i;
		if (!pd_sq_is_alnum(d[1 + i]))
			return 0;
	}
	return 0;
}

/*
 * May a record met through entry `d`, whose name's first word is plain,
 * still be kept?  With two words or more its worst class is at least
 * NAME_WORD: a second word could rank NAME_START only by beginning the
 * same first word, and reduce_words dropped such pairs.
 */
static bool plain_may_beat(const struct pd_sq_many *m, const unsigned char *d, size_t dn)
{
	unsigned char worst = d[0] > PD_RANK_NAME_WORD ? d[0] : PD_RANK_NAME_WORD;

	return m->n < m->keep || m->s->q.n < 2 ||
	       pd_sq_key_cmp(PD_RANK_NAME_START, worst, d, dn, &m->c[0]) < 0;
}

/*
 * May a record met through entry `d`, whose name begins with query word
 * j, and which has not been visited yet, still be kept?  When j's range is
 * covered, such a record has some word ranking only OTHER, so its order is
 * (NAME_START, OTHER, name) at best.
 */
static bool uncovered_may_beat(const struct pd_sq_many *m, size_t j,
			       const unsigned char *d, size_t dn)
{
	return !m->covered[j] || m->n < m->keep ||
	       pd_sq_key_cmp(PD_RANK_NAME_START, PD_RANK_OTHER, d, dn, &m->c[0]) < 0;
}

/*
 * Visit the entries of `key` (kl bytes) of word `word` in class `cls`
 * whose names begin with query word j, in order, while they may be kept.
 * When one with a plain first word cannot be, neither can the rest with
 * that first word (their names sort after): one seek passes them all.
 */
static int seek_names(struct pd_sq_many *m, size_t word, const char *key, size_t kl,
		      unsigned cls, size_t j)
{
	struct pd_sq_search *s = m->s;
	const char *w = pd_sq_word(&s->q, j);
	size_t wn = s->q.len[j], fl;
	unsigned char want[1 + PD_SORT_MAX + 1];
	MDB_val k = { kl, (void *)key }, d = { 1 + wn, want };
	int rc;

	if (wn > PD_SORT_MAX)
		return PD_OK;   /* longer than any name kept */
	want[0] = (unsigned char)cls;
	memcpy(want + 1, w, wn);
	for (rc = pd_post_get(s->cur, &k, &d, MDB_GET_BOTH_RANGE); rc == MDB_SUCCESS;) {
		const unsigned char *p = d.mv_data;
		if (!pd_sq_data_ok(&d))
			return pd_sq_corrupt(s);
		if (p[0] != cls ||
		    !pd_sq_is_prefix(w, wn, (const char *)p + 1,
				     d.mv_size - PD_TERM_DATA_MIN) ||
		    !run_open(m, p, d.mv_size) ||
		    !uncovered_may_beat(m, j, p, d.mv_size))
			break;
		if ((fl = plain_first_len(p, d.mv_size)) && !plain_may_beat(m, p, d.mv_size)) {
			/* Past "first word " and all that follows it: ' ' + 1. */
			memcpy(want + 1, p + 1, fl);
			want[1 + fl] = ' ' + 1;
			d.mv_size = 2 + fl;
			d.mv_data = want;
			rc = pd_post_get(s->cur, &k, &d, MDB_GET_BOTH_RANGE);
			continue;
		}
		if ((rc = pd_sq_visit(m, word, &d)) != PD_OK)
			return rc;
		rc = pd_post_get(s->cur, &k, &d, MDB_NEXT_DUP);
	}
	return rc == MDB_SUCCESS || rc == MDB_NOTFOUND ? PD_OK : pd_sq_db_err(s, rc);
}

/*
 * Seek the names that begin with a query word in every run (key and
 * class) of `word`'s keys: the records that rank NAME_START (but for a
 * first word of several parts).  Over the driver's runs (`driver`) this is
 * part of the search (pd_sq_drive relies on it).  Over another word's name
 * runs (classes 1 and 2, when it has few keys; not the names it begins
 * itself) it fills the kept ones early with good candidates — "rene st"
 * finds René Stevens under "stevens" before walking every René — and it
 * covers the names each other query word j begins: every record among
 * them whose words all rank NAME_WORD or better has an entry in those runs
 * and has been visited, so the driver's seeks may leave the rest of them
 * as soon as (NAME_START, OTHER) cannot be kept (uncovered_may_beat).
 */
static int seek_name_starts(struct pd_sq_many *m, size_t word, bool driver)
{
	const struct pd_buf *keys = &m->keys[word];
	unsigned maxcls = driver ? PD_RANK_OTHER : PD_RANK_NAME_WORD;
	int rc;

	for (size_t o = 0; o < keys->n; o += 1 + (unsigned char)keys->p[o])
		for (unsigned cls = PD_RANK_NAME_START; cls <= maxcls; cls++)
			for (size_t j = 0; j < m->s->q.n; j++)
				if ((driver || j != word) &&
				    (rc = seek_names(m, word, keys->p + o + 1,
						     (unsigned char)keys->p[o], cls, j)) != PD_OK)
					return rc;
	if (!driver)
		for (size_t j = 0; j < m->s->q.n; j++)
			m->covered[j] |= j != word;
	return PD_OK;
}

/*
 * Word `i` begins too many keys to seek through (PD_SQ_SEEK_KEYS_MAX): seek
 * through its name keys instead, the prefix keys (0x02 + three
 * characters) it begins or that begin it, and its word keys of at most
 * three characters — one run per class holds every name with a word that
 * begins it, so "oliv sta" finds the Olivers with a "Sta..." surname in
 * one seek, where 1,500 "sta" keys would each need one.  A prefix entry
 * does not prove word i (for "stan", "sta" also holds "stamp"), so the
 * visit names word j, which the name begins.  Covers as seek_name_starts.
 */
static int seek_name_prefixes(struct pd_sq_many *m, size_t i)
{
	struct pd_sq_search *s = m->s;
	const char *w = pd_sq_word(&s->q, i);
	size_t wn = s->q.len[i], p = pd_term_prefix(w, wn);
	unsigned char buf[1 + 4 * PD_PREFIX_CHARS];
	struct pd_buf keys = PD_BUF_INIT;
	int rc;

	if (p) {   /* one prefix key */
		buf[0] = (unsigned char)(1 + p);
		buf[1] = PD_TERM_PREFIX;
		memcpy(buf + 2, w, p);
		rc = pd_buf_add(&keys, buf, 2 + p) == PD_OK ? PD_OK :
		     pd_err_nomem(s->err);
	} else {
		rc = pd_sq_collect_keys(s, w, wn, PD_SQ_SEEK_KEYS_MAX, &keys);
	}
	for (size_t o = 0; o < keys.n && rc == PD_OK; o += 1 + (unsigned char)keys.p[o])
		for (unsigned cls = PD_RANK_NAME_START; cls <= PD_RANK_NAME_WORD && rc == PD_OK; cls++)
			for (size_t j = 0; j < s->q.n && rc == PD_OK; j++)
				if (j != i)
					rc = seek_names(m, j, keys.p + o + 1,
							(unsigned char)keys.p[o], cls, j);
	if (rc == PD_OK)
		for (size_t j = 0; j < s->q.n; j++)
			m->covered[j] |= j != i;
	pd_buf_free(&keys);
	return rc == PD_SQ_TOO_MANY ? PD_OK : rc;
}

/* The bytes of the shortest query word that begins the entry's name, or 0. */
static size_t name_start_len(const struct pd_sq_query *q, const unsigned char *d, size_t dn)
{
	size_t best = 0;

	for (size_t j = 0; j < q->n; j++)
		if ((!best || q->len[j] < best) &&
		    pd_sq_is_prefix(pd_sq_word(q, j), q->len[j], (const char *)d + 1,
				    dn - PD_TERM_DATA_MIN))
			best = q->len[j];
	return best;
}

/*
 * Move the walk's cursor to the first entry of key `k` at or after the
 * data `want` (wn bytes), or to the next key's first entry when there is
 * none.  *k and *d get where it is.  Returns an LMDB code.
 */
static int seek_past(struct pd_post_cur *cur, MDB_val *k, MDB_val *d,
		     const unsigned char *want, size_t wn)
{
	unsigned char next[256];   /* keys are shorter (pd_sq_scan_word) */
	int rc;

	memcpy(next, k->mv_data, k->mv_size);
	next[k->mv_size] = 0;      /* the first key after k */
	d->mv_size = wn;
	d->mv_data = (void *)want;
	if ((rc = pd_post_get(cur, k, d, MDB_GET_BOTH_RANGE)) != MDB_NOTFOUND)
		return rc;
	k->mv_size++;
	k->mv_data = next;
	return pd_post_get(cur, k, d, MDB_SET_RANGE);
}

/*
 * Walk the driver's entries under one range of its keys (pfx, pn bytes;
 * pd_sq_key_range) in order.  Skipped: the rest of a key once nothing in
 * it may be kept (run_open), and with one seek each, the names
 * seek_name_starts saw and, once every kept one ranks NAME_START, the
 * names of a plain first word no query word begins (they rank lower).
 */
static int drive_range(struct pd_sq_many *m, const char *pfx, size_t pn)
{
	struct pd_sq_search *s = m->s;
	MDB_val k = { pn, (void *)pfx }, d;
	MDB_cursor_op op = MDB_NEXT;
	int rc;

	for (rc = pd_post_get(s->cur, &k, &d, MDB_SET_RANGE);
	     rc == MDB_SUCCESS && pd_sq_is_prefix(pfx, pn, k.mv_data, k.mv_size);
	     rc = op == MDB_GET_BOTH_RANGE ? rc : pd_post_get(s->cur, &k, &d, op)) {
		const unsigned char *p = d.mv_data;
		unsigned char want[1 + PD_SORT_MAX + 1];
		size_t sl;
		op = MDB_NEXT;
		if (!pd_sq_data_ok(&d))
			return pd_sq_corrupt(s);
		if (!run_open(m, p, d.mv_size)) {
			op = MDB_NEXT_NODUP;
			continue;
		}
		if ((sl = name_start_len(&s->q, p, d.mv_size))) {
			/* seek_name_starts saw them all: past the names that
			 * begin with those bytes (the last one plus one) */
			memcpy(want, p, 1 + sl);
			want[sl]++;
		} else if (m->n == m->keep && m->c[0].rank == PD_RANK_NAME_START &&
			   plain_first_word(p, d.mv_size)) {
			/* they rank lower: past "first word", " first word ..." */
			sl = plain_first_len(p, d.mv_size);
			if (!sl)
				continue;   /* the name is that one word */
			memcpy(want, p, 1 + sl);
			want[1 + sl] = ' ' + 1;
			sl++;
		} else {
			if ((rc = pd_sq_visit(m, m->drv, &d)) != PD_OK)
				return rc;
			continue;
		}
		op = MDB_GET_BOTH_RANGE;
		rc = seek_past(s->cur, &k, &d, want, 1 + sl);
	}
	if (rc != MDB_NOTFOUND && rc != MDB_SUCCESS)
		return pd_sq_db_err(s, rc);
	return PD_OK;
}

/* Seek the names the query words begin (above), then walk the driver's
 * entries, range by range (drive_range). */
int pd_sq_drive(struct pd_sq_many *m)
{
	struct pd_sq_search *s = m->s;
	const char *w = pd_sq_word(&s->q, m->drv), *pfx;
	size_t wn = s->q.len[m->drv], pn;
	unsigned char buf[PD_SQ_RANGE_MAX];
	int rc = PD_OK;

	for (size_t i = 0; i < s->q.n; i++)
		if (i != m->drv &&
		    (rc = m->nkeys[i] <= PD_SQ_SEEK_KEYS_MAX ? seek_name_starts(m, i, false) :
		     seek_name_prefixes(m, i)) != PD_OK)
			return rc;
	if ((rc = seek_name_starts(m, m->drv, true)) != PD_OK)
		return rc;
	for (size_t r = 0; rc == PD_OK && (pn = pd_sq_key_range(s, w, wn, r, buf, &pfx)); r++)
		rc = drive_range(m, pfx, pn);
	return rc == PD_OK ? pd_sq_check_later(m) : rc;
}
