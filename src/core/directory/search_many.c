/*
 * search_many.c — a query of several words: the name-start walk
 * (search_lead.c), else the rarest word's entries joined with the others'
 * (search_join.c) or walked (search_drive.c), then the candidates they
 * kept (search_cand.c) passed on in order.
 * search_many.h says how the five files share the work.
 */
#include <stdlib.h>

#include "search_drive.h"
#include "search_join.h"
#include "search_lead.h"
#include "search_many.h"

/* Keep a heap of the best candidates when the page needs at most this
 * many; else keep them all and sort. */
#define HEAP_MAX 4096

/*
 * Count each word's entries (pd_sq_scan_word) and choose the rarest to
 * drive (m->drv, scanned whole).  First every word only as far as the
 * join takes (search_join.h): a common word then costs a few hundred keys
 * however many it has.  When no word is that rare, as before: the words
 * are longest first (likely the rarest), the first is scanned whole, and
 * a later one only as far as it may still be the rarest.
 */
static int scan_words(struct pd_sq_many *m)
{
	const struct pd_sq_query *q = &m->s->q;
	int rc = PD_OK;

	for (size_t i = 0; i < q->n && rc == PD_OK; i++) {
		rc = pd_sq_scan_word(m, i, PD_SQ_JOIN_ENTRIES);
		if (m->count[i] < m->count[m->drv])
			m->drv = i;
	}
	if (rc != PD_OK || !m->partial[m->drv])
		return rc;
	m->drv = 0;
	for (size_t i = 0; i < q->n && rc == PD_OK; i++) {
		if (m->partial[i])
			rc = pd_sq_scan_word(m, i, i ? m->count[m->drv] : SIZE_MAX);
		if (m->count[i] < m->count[m->drv])
			m->drv = i;
	}
	return rc;
}

int pd_sq_many_words(struct pd_sq_search *s)
{
	struct pd_sq_many *m = calloc(1, sizeof *m);
	size_t left = s->need - s->count;
	bool complete = false;
	int rc = PD_OK;

	if (!m)
		return pd_err_nomem(s->err);
	m->s = s;
	m->keep = left <= HEAP_MAX ? left : SIZE_MAX;
	/* The name-start walk needs a bound, and the inner keys. */
	if (m->keep != SIZE_MAX && s->txn->st->has_inner)
		rc = pd_sq_lead(m, &complete);
	if (rc == PD_OK && complete) {
		rc = pd_sq_check_later(m);
	} else if (rc == PD_OK) {
		m->no_sets = false;
		rc = scan_words(m);
		if (rc == PD_OK && m->count[m->drv] && (rc = pd_sq_join(m, &complete)) == PD_OK &&
		    !complete)
			rc = pd_sq_drive(m);
	}
	if (rc == PD_OK)
		rc = pd_sq_emit_kept(m);
	pd_sq_many_free(m);
	free(m);
	return rc;
}
