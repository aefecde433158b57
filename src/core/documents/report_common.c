/*
 * report_common.c — loading a plan for a report (items in report order
 * with their updates and actions), labels, and the output helpers the
 * three reports share (report_impl.h).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plandesk/base/buf.h"
#include "plandesk/meetings/meeting.h"
#include "plandesk/meetings/track.h"
#include "report_impl.h"

void rep_free_records(struct pd_record *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pd_record_clear(&r[i]);
	free(r);
}

int rep_read_index(struct pd_txn *txn, enum pd_index ix, enum pd_kind kind,
		   uint64_t parent, struct pd_record **out, size_t *n,
		   struct pd_err *err)
{
	struct pd_cursor *cur;
	struct pd_record *v = NULL;
	size_t cap = 0;
	uint64_t id;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = pd_cursor_index(txn, ix, parent, 0, &cur, err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &id, err)) == PD_OK) {
		if (pd_grow(&v, &cap, *n + 1, sizeof *v, 8)) {
			rc = pd_err_nomem(err);
			break;
		}
		pd_record_init(&v[*n], kind);
		rc = pd_get(txn, kind, id, &v[*n], err);
		if (rc == PD_NOTFOUND) {   /* a stale index entry: `check` says so */
			pd_record_clear(&v[*n]);
			continue;
		}
		if (rc != PD_OK) {
			pd_record_clear(&v[*n]);
			break;
		}
		(*n)++;
	}
	pd_cursor_close(cur);
	*out = v;
	if (rc == PD_NOTFOUND)
		rc = PD_OK;
	if (rc != PD_OK) {
		rep_free_records(v, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* Append the name of person `id` to `b` ("; " between names); a person no
 * longer in the directory is left out.  PD_OK or PD_ENOMEM. */
static int add_person_name(struct pd_txn *txn, uint64_t id, struct pd_buf *b)
{
	struct pd_record p;
	int rc;

	pd_record_init(&p, PD_PERSON);
	rc = pd_get(txn, PD_PERSON, id, &p, NULL);
	if (rc == PD_OK) {
		if (b->n)
			rc = pd_buf_puts(b, "; ");
		if (rc == PD_OK)
			rc = pd_buf_puts(b, pd_get_text(&p, PD_PERSON_NAME));
	} else {
		rc = PD_OK;   /* gone from the directory: leave it out */
	}
	pd_record_clear(&p);
	return rc;
}

/* An empty lead or owner is shown as the name(s) of the linked people. */
static int fill_names(struct pd_txn *txn, struct pd_record *r, int text,
		      int link, bool many)
{
	struct pd_buf b = PD_BUF_INIT;
	size_t n = many ? pd_refs_count(r, link) : 1;
	int rc = PD_OK;

	if (pd_is_set(r, text))
		return PD_OK;
	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		uint64_t id = many ? pd_refs_at(r, link, i) : pd_get_ref(r, link);
		if (id)
			rc = add_person_name(txn, id, &b);
	}
	if (rc == PD_OK && b.n)
		rc = pd_set_text(r, text, b.p, b.n);
	pd_buf_free(&b);
	return rc;
}

/* Put item `i` of `all` and then its sub-items into p->items. */
static void place(struct rep_plan *p, struct pd_record *all, size_t nall,
		  size_t *parent_ix, bool *done, size_t i, int depth,
		  size_t parent_row)
{
	size_t row = p->n++;

	done[i] = true;
	p->items[row].r = all[i];
	pd_record_init(&all[i], PD_ITEM);
	p->items[row].depth = depth;
	p->items[row].parent = parent_row;
	for (size_t j = 0; j < nall; j++)
		if (!done[j] && parent_ix[j] == i)
			place(p, all, nall, parent_ix, done, j, depth + 1, row);
}

/* Order the plan's items: each top-level item followed by its sub-items. */
static int order_items(struct rep_plan *p, struct pd_record *all, size_t nall,
		       struct pd_err *err)
{
	size_t *parent_ix = malloc((nall ? nall : 1) * sizeof *parent_ix);
	bool *done = calloc(nall ? nall : 1, sizeof *done);
	int rc = PD_OK;

	p->items = calloc(nall ? nall : 1, sizeof *p->items);
	if (!parent_ix || !done || !p->items) {
		rc = pd_err_nomem(err);
		goto out;
	}
	for (size_t i = 0; i < nall; i++) {
		uint64_t par = pd_get_ref(&all[i], PD_ITEM_PARENT);
		parent_ix[i] = REP_NONE;
		for (size_t j = 0; par && j < nall; j++)
			if (all[j].id == par && j != i)
				parent_ix[i] = j;
	}
	for (size_t i = 0; i < nall; i++)
		if (!done[i] && parent_ix[i] == REP_NONE)
			place(p, all, nall, parent_ix, done, i, 0, REP_NONE);
	/* Items in a cycle of parents (which `check` reports) go last. */
	for (size_t i = 0; i < nall; i++)
		if (!done[i])
			place(p, all, nall, parent_ix, done, i, 0, REP_NONE);
out:
	free(parent_ix);
	free(done);
	return rc;
}

static int load_item(struct pd_txn *txn, struct rep_plan *p,
		     struct rep_item *it, unsigned what, struct pd_err *err)
{
	int rc;

	if (fill_names(txn, &it->r, PD_ITEM_LEAD, PD_ITEM_LEAD_PERSON, false))
		return pd_err_nomem(err);
	if ((what & REP_UPDATES) &&
	    (rc = rep_read_index(txn, PD_IX_UPDATES_BY_ITEM, PD_UPDATE, it->r.id,
				 &it->upd, &it->nupd, err)))
		return rc;
	if (what & REP_ACTIONS) {
		if ((rc = rep_read_index(txn, PD_IX_ACTIONS_BY_ITEM, PD_ACTION,
					 it->r.id, &it->act, &it->nact, err)))
			return rc;
		for (size_t i = 0; i < it->nact; i++)
			if (fill_names(txn, &it->act[i], PD_ACTION_OWNER,
				       PD_ACTION_OWNERS, true))
				return pd_err_nomem(err);
	}
	/* Before the assessment is worked out: a confidential update's
	 * status is not to show through it. */
	if (pd_conf_screen(it->upd, &it->nupd, p->confidential, &p->conf) ||
	    pd_conf_screen(it->act, &it->nact, p->confidential, &p->conf))
		return pd_err_nomem(err);
	it->status = pd_get_text(&it->r, PD_ITEM_STATUS);
	for (size_t i = it->nupd; !*it->status && i-- > 0;)
		it->status = pd_get_text(&it->upd[i], PD_UPDATE_STATUS);
	{
		enum pd_status_kind k = rep_status_kind(p->sc, it->status);
		it->slipped = (k == PD_ST_OK || k == PD_ST_NONE) &&
			      !pd_is_set(&it->r, PD_ITEM_COMPLETED) &&
			      pd_item_overdue(&it->r, p->sc, &p->today);
	}
	return PD_OK;
}

/*
 * Leave out the items marked confidential, and everything under them
 * (sub-items come after their parent: one pass), or mark them.  The
 * parents' indexes are renumbered.  What is counted is what the report
 * would have shown: the item, where items are its rows (`rows`), else
 * the actions it held.
 */
static int screen_items(struct rep_plan *p, bool rows, struct pd_err *err)
{
	size_t *to = malloc((p->n ? p->n : 1) * sizeof *to), kept = 0;

	if (!to)
		return pd_err_nomem(err);
	for (size_t i = 0; i < p->n; i++) {
		struct rep_item *it = &p->items[i];
		bool conf = pd_record_confidential(&it->r);
		bool under = it->parent != REP_NONE && to[it->parent] == REP_NONE;

		if (!under && conf && p->confidential) {
			p->conf.shown++;
			if (pd_conf_mark(&it->r) != PD_OK) {
				free(to);
				return pd_err_nomem(err);
			}
		}
		if (under || (conf && !p->confidential)) {
			p->conf.left_out += rows ? !under : it->nact;
			to[i] = REP_NONE;
			pd_record_clear(&it->r);
			rep_free_records(it->upd, it->nupd);
			rep_free_records(it->act, it->nact);
			continue;
		}
		to[i] = kept;
		if (it->parent != REP_NONE)
			it->parent = to[it->parent];
		p->items[kept++] = *it;
	}
	p->n = kept;
	free(to);
	return PD_OK;
}

int rep_load(struct pd_txn *txn, const char *ref, unsigned what,
	     const struct pd_report_opts *o, struct rep_plan *p,
	     struct pd_err *err)
{
	struct pd_record *all = NULL;
	size_t nall = 0;
	uint64_t id;
	int rc;

	memset(p, 0, sizeof *p);
	pd_record_init(&p->plan, PD_PLAN);
	p->today = o->today;
	p->style = o->date_style;
	p->confidential = o->confidential;
	rc = pd_find_plan(txn, ref, &id);
	if (rc == PD_NOTFOUND)
		return pd_err_set(err, PD_NOTFOUND, "no plan \"%s\"", ref);
	if (rc != PD_OK)
		return pd_err_set(err, rc, "cannot look plan \"%s\" up: %s", ref,
				  pd_strerror(rc));
	if ((rc = pd_get(txn, PD_PLAN, id, &p->plan, err)) != PD_OK)
		return rc;
	p->sc = pd_plan_scale(txn, id);
	if ((rc = rep_read_index(txn, PD_IX_THEMES_BY_PLAN, PD_THEME, id,
				 &p->themes, &p->nthemes, err)) ||
	    (rc = rep_read_index(txn, PD_IX_ITEMS_BY_PLAN, PD_ITEM, id, &all,
				 &nall, err)))
		return rc;
	rc = order_items(p, all, nall, err);
	rep_free_records(all, nall);
	for (size_t i = 0; i < p->n && rc == PD_OK; i++)
		rc = load_item(txn, p, &p->items[i], what, err);
	if (rc == PD_OK)
		rc = screen_items(p, what & REP_UPDATES, err);
	if (rc == PD_OK && o->count)
		*o->count = p->conf;
	return rc;
}

void rep_free(struct rep_plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		pd_record_clear(&p->items[i].r);
		rep_free_records(p->items[i].upd, p->items[i].nupd);
		rep_free_records(p->items[i].act, p->items[i].nact);
	}
	free(p->items);
	rep_free_records(p->themes, p->nthemes);
	pd_record_clear(&p->plan);
	memset(p, 0, sizeof *p);
}

/* --- labels ----------------------------------------------------------------- */

const char *rep_status_label(const struct pd_scale *sc, const char *code,
			     char *buf, size_t n)
{
	const struct pd_level *l = pd_scale_level(sc, code);

	if (!code || !*code)
		snprintf(buf, n, "%s", "");
	else if (l)
		snprintf(buf, n, "%s \xe2\x80\x93 %s", l->code, l->label);
	else
		snprintf(buf, n, "%s", code);
	return buf;
}

void rep_scale_range(const struct pd_scale *sc, char *buf, size_t n)
{
	bool digits = true;
	size_t used = 0;

	for (int i = 0; i < sc->nlevels; i++)
		digits = digits && strspn(sc->levels[i].code, "0123456789") ==
					   strlen(sc->levels[i].code);
	buf[0] = '\0';
	if (digits && sc->nlevels > 1) {
		snprintf(buf, n, "%s\xe2\x80\x93%s", sc->levels[0].code,
			 sc->levels[sc->nlevels - 1].code);
		return;
	}
	for (int i = 0; i < sc->nlevels && used < n; i++) {
		int w = snprintf(buf + used, n - used, "%s%s", i ? "/" : "",
				 sc->levels[i].code);
		used += w > 0 ? (size_t)w : 0;
	}
}

enum pd_status_kind rep_status_kind(const struct pd_scale *sc, const char *code)
{
	const struct pd_level *l = code && *code ? pd_scale_level(sc, code) : NULL;

	return l ? l->kind : PD_ST_NONE;
}

const char *rep_date(const struct rep_plan *p, const char *iso,
		     char buf[static PD_DATE_TEXT_SIZE])
{
	pd_date_text(iso, p->style, buf);
	return buf;
}

const char *rep_target(const struct rep_plan *p, const struct pd_record *item,
		       char buf[static PD_DATE_TEXT_SIZE])
{
	const char *text = pd_get_text(item, PD_ITEM_TARGET);
	char probe[PD_DATE_TEXT_SIZE];

	/* A date typed as one is shown as one; other text as typed. */
	if (pd_is_set(item, PD_ITEM_TARGET_DATE) &&
	    pd_date_text(pd_get_text(item, PD_ITEM_TARGET_DATE), p->style, buf) &&
	    (!*text || pd_date_text(text, p->style, probe)))
		return buf;
	return text;
}

bool rep_is_note(const struct pd_record *u, const struct pd_scale *sc)
{
	return !pd_update_is_status_only(u, sc);
}

const char *rep_latest_date(const struct rep_item *it, const struct pd_scale *sc)
{
	for (size_t i = it->nupd; i-- > 0;)
		if (rep_is_note(&it->upd[i], sc))
			return pd_get_text(&it->upd[i], PD_UPDATE_DATE);
	return NULL;
}

/* --- output ----------------------------------------------------------------- */

int rep_titles(struct pd_dm *dm, const struct rep_plan *p, const char *what,
	       const char *period, const char *first, const char *last)
{
	char today[PD_DATE_TEXT_SIZE], a[PD_DATE_TEXT_SIZE], b[PD_DATE_TEXT_SIZE];
	struct pd_buf sub = PD_BUF_INIT, foot = PD_BUF_INIT;
	int rc;

	pd_date_styled(&p->today, p->style, today, sizeof today);
	rep_date(p, first, a);
	rep_date(p, last, b);
	rc = pd_buf_printf(&sub, "%s as at %s", what, today);
	if (rc == PD_OK && a[0] && b[0] && strcmp(a, b) != 0)
		rc = pd_buf_printf(&sub, " \xc2\xb7 %.*s from %s to %s",
				   (int)(strrchr(period, ' ') ? strrchr(period, ' ') - period :
					 (ptrdiff_t)strlen(period)), period, a, b);
	else if (rc == PD_OK && (a[0] || b[0]))
		rc = pd_buf_printf(&sub, " \xc2\xb7 %s %s", period, a[0] ? a : b);
	if (rc == PD_OK)
		rc = pd_buf_printf(&foot, "%s (%s) \xe2\x80\x93 %s as at %s",
				   pd_get_text(&p->plan, PD_PLAN_TITLE),
				   pd_get_text(&p->plan, PD_PLAN_REF), what, today);
	if (rc == PD_OK)
		rc = pd_dm_titles(dm, pd_get_text(&p->plan, PD_PLAN_TITLE), sub.p, foot.p);
	/* Whose plan it is, first, as a title block would say it. */
	if (rc == PD_OK && pd_is_set(&p->plan, PD_PLAN_PARTNERSHIP))
		pd_dm_para(dm, 0, pd_get_text(&p->plan, PD_PLAN_PARTNERSHIP));
	if (rc == PD_OK)
		pd_conf_note(dm, &p->conf);
	dm->date = p->today;
	pd_buf_free(&sub);
	pd_buf_free(&foot);
	return rc == PD_OK ? dm->rc : rc;
}

static int buf_sink(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	return pd_buf_add(ctx, p, n) ? pd_err_nomem(err) : PD_OK;
}

int rep_sheet(struct pd_sheet **sh, const struct pd_report_opts *o,
	      const struct pd_formats *fm, const char *title,
	      const struct pd_sheet_col *cols, size_t n, struct pd_buf *out,
	      struct pd_err *err)
{
	return pd_sheet_open(sh, o->format, fm, title, cols, n, o->excel, buf_sink,
			     out, err);
}

bool rep_is_sheet(const struct pd_report_opts *o)
{
	return o->format == PD_FMT_CSV || o->format == PD_FMT_XLSX;
}
