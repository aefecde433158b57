/*
 * minutes.c — gathering the minutes of a meeting from the store
 * (minutes_impl.h); minutes_doc.c lays them out as a document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plandesk/base/buf.h"
#include "plandesk/documents/formats.h"
#include "plandesk/meetings/actionline.h"
#include "plandesk/meetings/meeting.h"
#include "plandesk/directory/people_match.h"
#include "plandesk/base/text.h"
#include "plandesk/meetings/track.h"
#include "meetings/meeting_impl.h"
#include "minutes_impl.h"

int pd_meetings_on(struct pd_txn *txn, const char *iso, uint64_t **ids,
		   size_t *n, struct pd_err *err)
{
	struct pd_record m;
	uint64_t *all;
	size_t nall;
	int rc = pd_index_ids(txn, PD_IX_MEETINGS_BY_DATE, 0, &all, &nall, err);

	*ids = NULL;
	*n = 0;
	/* Sorted by date: read only the run of that date. */
	for (size_t i = 0; i < nall && rc == PD_OK; i++) {
		int c;
		if ((rc = pd_mt_get(txn, PD_MEETING, all[i], &m, err)) != PD_OK)
			break;
		c = strcmp(pd_get_text(&m, PD_MEETING_DATE), iso);
		pd_record_clear(&m);
		if (c < 0)
			continue;
		if (c > 0)
			break;
		if (!*ids)
			*ids = all;   /* reuse the array: ids fill it from the front */
		all[(*n)++] = all[i];
	}
	if (!*ids || rc != PD_OK) {
		free(all);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

/* --- the document model ------------------------------------------------- */

static void list_free(struct mn_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->s[i]);
	free(l->s);
	free(l->role);
	memset(l, 0, sizeof *l);
}

void mn_free(struct mn_doc *doc)
{
	free(doc->plan);
	free(doc->partnership);
	free(doc->title);
	free(doc->location);
	list_free(&doc->present);
	list_free(&doc->apologies);
	for (size_t i = 0; i < doc->nitems; i++) {
		struct mn_item *it = &doc->items[i];
		free(it->heading);
		free(it->lead);
		free(it->status);
		list_free(&it->required);
		list_free(&it->progress);
		list_free(&it->todo);
	}
	free(doc->items);
	for (size_t g = 0; g < doc->ngroups; g++) {
		for (size_t i = 0; i < doc->groups[g].n; i++) {
			free(doc->groups[g].e[i].item);
			free(doc->groups[g].e[i].text);
			free(doc->groups[g].e[i].due);
		}
		free(doc->groups[g].e);
		free(doc->groups[g].name);
		free(doc->groups[g].key);
	}
	free(doc->groups);
	memset(doc, 0, sizeof *doc);
}

/* --- actions -------------------------------------------------------------- */

/* Open as things stood on `mdate`: not closed then. */
static bool open_at(const struct pd_record *a, const char *mdate)
{
	const char *closed = pd_get_text(a, PD_ACTION_CLOSED);

	if (pd_action_state(a) == PD_AS_OPEN)
		return true;
	return *closed && strcmp(closed, mdate) > 0;
}

/*
 * The action as minutes write it: its text, the owner when the text does
 * not begin with it, and notes on when it was raised and is due.
 */
static int action_text(struct pd_txn *txn, const struct mn_doc *doc,
		       const struct pd_record *a, const char *next_iso,
		       uint64_t meeting, bool with_due, struct pd_buf *b)
{
	const char *text = pd_get_text(a, PD_ACTION_TEXT);
	const char *owner = pd_get_text(a, PD_ACTION_OWNER);
	const char *due = pd_get_text(a, PD_ACTION_DUE);
	uint64_t raised = pd_get_ref(a, PD_ACTION_RAISED);
	char when[PD_DATE_TEXT_SIZE], iso[PD_DATE_ISO_SIZE];
	const char *sep = " (";
	int rc;

	pd_buf_reset(b);
	rc = pd_buf_puts(b, text);
	if (rc == PD_OK && *owner && strncmp(text, owner, strlen(owner)) != 0)
		rc = pd_buf_printf(b, " \xe2\x80\x93 %s", owner);
	if (rc == PD_OK && raised && raised != meeting) {
		pd_mt_meeting_date(txn, raised, iso);
		if (*iso) {
			mn_doc_date(doc, iso, when);
			rc = pd_buf_printf(b, "%sraised %s", sep, when);
			sep = "; ";
		}
	}
	if (rc == PD_OK && with_due && *due && strcmp(due, next_iso) != 0) {
		mn_doc_date(doc, due, when);
		rc = pd_buf_printf(b, "%sdue %s", sep, when);
		sep = "; ";
	}
	if (rc == PD_OK && sep[0] == ';')
		rc = pd_buf_putc(b, ')');
	return rc;
}

/*
 * A closed action as it is shown where it was listed: "✓ text — done
 * 15th May 2009", or "text — dropped …" (no tick: it was not done).
 */
static int closed_text(const struct mn_doc *doc, const struct pd_record *a,
		       struct pd_buf *b)
{
	bool done = pd_action_state(a) == PD_AS_DONE;
	char when[PD_DATE_TEXT_SIZE] = "";
	int rc;

	if (pd_is_set(a, PD_ACTION_CLOSED))
		mn_doc_date(doc, pd_get_text(a, PD_ACTION_CLOSED), when);
	const char *text = pd_get_text(a, PD_ACTION_TEXT);
	size_t first = strcspn(text, "\n");   /* the mark ends the first line */

	pd_buf_reset(b);
	rc = pd_buf_printf(b, "%s%.*s \xe2\x80\x94 %s%s%s%s", done ? "\xe2\x9c\x93 " : "",
			   (int)first, text, done ? "done" : "dropped",
			   when[0] ? " " : "", when, text + first);
	return rc;
}

static struct mn_group *group_for(struct mn_doc *doc, const char *key,
				  const char *name)
{
	struct mn_group *g;

	for (size_t i = 0; i < doc->ngroups; i++)
		if (strcmp(doc->groups[i].key, key) == 0)
			return &doc->groups[i];
	g = realloc(doc->groups, (doc->ngroups + 1) * sizeof *g);
	if (!g)
		return NULL;
	doc->groups = g;
	g = &doc->groups[doc->ngroups];
	memset(g, 0, sizeof *g);
	g->key = strdup(key);
	g->name = strdup(name);
	if (!g->key || !g->name) {
		free(g->key);
		free(g->name);
		return NULL;
	}
	doc->ngroups++;
	return g;
}

static int group_add(struct mn_doc *doc, const char *key, const char *name,
		     const char *item, const char *text, const char *due)
{
	struct mn_group *g = group_for(doc, key, name);
	struct mn_entry *e;

	if (!g)
		return PD_ENOMEM;
	if (pd_grow(&g->e, &g->cap, g->n + 1, sizeof *g->e, 4))
		return PD_ENOMEM;
	e = &g->e[g->n];
	e->item = strdup(item);
	e->text = strdup(text);
	e->due = due && *due ? strdup(due) : NULL;
	if (!e->item || !e->text || (due && *due && !e->due)) {
		free(e->item);
		free(e->text);
		free(e->due);
		return PD_ENOMEM;
	}
	g->n++;
	return PD_OK;
}

/* How many actions are filed by person so far. */
static size_t entries(const struct mn_doc *doc)
{
	size_t n = 0;

	for (size_t g = 0; g < doc->ngroups; g++)
		n += doc->groups[g].n;
	return n;
}

/* The key a name sorts by: folded, with a prefix keeping kinds apart. */
static int make_key(char prefix, const char *name, size_t n, struct pd_buf *key)
{
	char *f;
	size_t fn;
	int rc;

	pd_buf_reset(key);
	if ((rc = pd_text_fold(name, n, &f, &fn)) != PD_OK)
		return rc;
	rc = pd_buf_add(key, f, fn);
	if (rc == PD_OK)
		rc = pd_buf_putc(key, 0);
	if (rc == PD_OK)
		rc = pd_buf_putc(key, prefix);
	free(f);
	return rc;
}

/*
 * File an open action under each of its owners: the people it links, and
 * the owners typed that link nobody ("Schools", "Sheelagh Davis"); with
 * neither, under "No owner".
 */
static int file_by_owner(struct pd_txn *txn, struct mn_doc *doc,
			 const struct pd_record *a, const char *item,
			 const char *text)
{
	const char *owner = pd_get_text(a, PD_ACTION_OWNER);
	struct pd_buf name = PD_BUF_INIT, key = PD_BUF_INIT, probe = PD_BUF_INIT;
	struct pd_actionline al;
	char due[PD_DATE_TEXT_SIZE] = "";
	size_t nrefs = pd_refs_count(a, PD_ACTION_OWNERS), before = entries(doc);
	int rc = PD_OK;

	if (pd_is_set(a, PD_ACTION_DUE))
		mn_doc_date(doc, pd_get_text(a, PD_ACTION_DUE), due);
	for (size_t i = 0; i < nrefs && rc == PD_OK; i++) {
		struct pd_record p;
		uint64_t id = pd_refs_at(a, PD_ACTION_OWNERS, i);
		pd_record_init(&p, PD_PERSON);
		if (pd_get(txn, PD_PERSON, id, &p, NULL) == PD_OK) {
			pd_buf_reset(&name);
			rc = pd_buf_puts(&name, pd_get_text(&p, PD_PERSON_NAME));
			if (rc == PD_OK && pd_is_set(&p, PD_PERSON_INITIALS))
				rc = pd_buf_printf(&name, " (%s)",
						   pd_get_text(&p, PD_PERSON_INITIALS));
			if (rc == PD_OK)
				rc = make_key('p', pd_get_text(&p, PD_PERSON_NAME),
					      p.v[PD_PERSON_NAME].n, &key);
			if (rc == PD_OK)
				rc = pd_buf_printf(&key, "%llu", (unsigned long long)id);
			if (rc == PD_OK)
				rc = group_add(doc, key.p, name.p, item, text, due);
		}
		pd_record_clear(&p);
	}
	if (rc != PD_OK || !*owner)
		goto out;
	/* The owners as typed, split as the parser splits them. */
	if ((rc = pd_buf_printf(&probe, "%s to x", owner)) != PD_OK)
		goto out;
	if (!pd_actionline_parse(probe.p, probe.n, &al)) {
		al.nowners = 1;
		al.owners[0].off = 0;
		al.owners[0].len = strlen(owner);
	}
	for (int k = 0; k < al.nowners && rc == PD_OK; k++) {
		const char *tok = probe.p + al.owners[k].off;
		size_t tn = al.owners[k].len;
		bool linked = false;
		for (size_t i = 0; i < nrefs && !linked; i++) {
			struct pd_record p;
			pd_record_init(&p, PD_PERSON);
			if (pd_get(txn, PD_PERSON, pd_refs_at(a, PD_ACTION_OWNERS, i),
				   &p, NULL) == PD_OK)
				linked = pd_person_match(&p, tok, tn) != PD_MATCH_NONE;
			pd_record_clear(&p);
		}
		if (linked)
			continue;
		pd_buf_reset(&name);
		if ((rc = pd_buf_add(&name, tok, tn)) == PD_OK &&
		    (rc = make_key('t', tok, tn, &key)) == PD_OK)
			rc = group_add(doc, key.p, name.p, item, text, due);
	}
out:
	/* Filed under nobody: "No owner", which sorts after every name. */
	if (rc == PD_OK && entries(doc) == before)
		rc = group_add(doc, "\xff", "No owner", item, text, due);
	pd_buf_free(&name);
	pd_buf_free(&key);
	pd_buf_free(&probe);
	return rc;
}

/* --- one item ----------------------------------------------------------- */

static int build_item(struct pd_txn *txn, struct mn_doc *doc,
		      const struct pd_agenda *a, const struct pd_scale *sc,
		      struct mn_item *it)
{
	const char *mdate = pd_get_text(&a->meeting, PD_MEETING_DATE);
	const char *next = pd_get_text(&a->meeting, PD_MEETING_NEXT);
	const char *ref = pd_get_text(&a->item, PD_ITEM_REF);
	const struct pd_level *lv;
	struct pd_buf b = PD_BUF_INIT;
	size_t rl = strlen(ref);
	int rc = PD_OK;

	it->kind = PD_ST_NONE;
	if (pd_buf_printf(&b, "%s%s %s", ref,
			  rl && strchr(".):", ref[rl - 1]) ? "" : ".",
			  pd_get_text(&a->item, PD_ITEM_TITLE)) != PD_OK ||
	    !(it->heading = strdup(b.p)))
		goto nomem;
	if (pd_is_set(&a->item, PD_ITEM_LEAD) &&
	    !(it->lead = mn_dup_field(&a->item, PD_ITEM_LEAD)))
		goto nomem;
	if (a->status[0]) {
		pd_buf_reset(&b);
		lv = pd_scale_level(sc, a->status);
		it->kind = lv ? lv->kind : PD_ST_NONE;
		if ((lv ? pd_buf_printf(&b, "%s \xe2\x80\x93 %s", lv->code, lv->label)
			: pd_buf_puts(&b, a->status)) != PD_OK ||
		    !(it->status = strdup(b.p)))
			goto nomem;
	}
	/* The agreed actions, those closed by this meeting shown so. */
	for (size_t i = 0; i < a->agreed.n && rc == PD_OK; i++) {
		const struct pd_record *r = &a->agreed.r[i];
		if (!open_at(r, mdate)) {
			if ((rc = closed_text(doc, r, &b)) == PD_OK)
				rc = mn_list_add(&it->required, b.p, b.n,
						 pd_action_state(r) == PD_AS_DONE ? PD_DM_DONE : 0);
			continue;
		}
		if ((rc = action_text(txn, doc, r, next, a->meeting.id, false, &b)) == PD_OK)
			rc = mn_list_add(&it->required, b.p, b.n, 0);
		if (rc == PD_OK)
			rc = file_by_owner(txn, doc, r, ref, b.p);
	}
	for (size_t i = 0; i < a->notes.n && rc == PD_OK; i++)
		if (!pd_update_is_status_only(&a->notes.r[i], sc))
			rc = mn_list_add(&it->progress,
					 pd_get_text(&a->notes.r[i], PD_UPDATE_TEXT), (size_t)-1, 0);
	/* To-dos closed at this meeting are progress; the rest are still to do. */
	for (int pass = 0; pass < 2 && rc == PD_OK; pass++) {
		const struct pd_recs *l = pass ? &a->todo : &a->actions;
		for (size_t i = 0; i < l->n && rc == PD_OK; i++) {
			const struct pd_record *r = &l->r[i];
			if (open_at(r, mdate)) {
				/* By person with the due date apart; here with notes. */
				if ((rc = action_text(txn, doc, r, next, a->meeting.id, false, &b)) ||
				    (rc = file_by_owner(txn, doc, r, ref, b.p)) ||
				    (rc = action_text(txn, doc, r, next, a->meeting.id, true, &b)))
					break;
				rc = mn_list_add(&it->todo, b.p, b.n, 0);
			} else if ((rc = closed_text(doc, r, &b)) == PD_OK) {
				rc = mn_list_add(&it->progress, b.p, b.n,
						 pd_action_state(r) == PD_AS_DONE ? PD_DM_DONE : 0);
			}
		}
	}
	pd_buf_free(&b);
	return rc == PD_OK ? PD_OK : PD_ENOMEM;
nomem:
	pd_buf_free(&b);
	return PD_ENOMEM;
}

static int cmp_group(const void *a, const void *b)
{
	return strcmp(((const struct mn_group *)a)->key, ((const struct mn_group *)b)->key);
}

/*
 * Screen the lists an item shows for confidential entries (confidential.h).
 * The previous meeting's notes are not shown, but go the same way.
 */
static int screen(struct mn_doc *doc, struct pd_agenda *a)
{
	struct pd_recs *l[] = { &a->agreed, &a->last, &a->todo, &a->notes, &a->actions };
	int rc = PD_OK;

	for (size_t i = 0; i < sizeof l / sizeof l[0] && rc == PD_OK; i++)
		rc = pd_conf_screen(l[i]->r, &l[i]->n, doc->confidential, &doc->conf);
	return rc;
}

int mn_build(struct pd_txn *txn, uint64_t meeting,
	     const struct pd_minutes_opts *opts, struct mn_doc *doc,
	     struct pd_err *err)
{
	struct pd_record m;
	struct pd_agenda a;
	const struct pd_scale *sc;
	uint64_t *ids = NULL;
	size_t n = 0;
	int rc;

	memset(doc, 0, sizeof *doc);
	doc->style = opts ? opts->date_style : PD_DS_LONG;
	doc->confidential = opts && opts->confidential;
	if ((rc = pd_mt_get(txn, PD_MEETING, meeting, &m, err)) != PD_OK ||
	    (rc = mn_head(txn, &m, doc, err)) != PD_OK ||
	    (rc = pd_agenda_items(txn, pd_get_ref(&m, PD_MEETING_PLAN), &ids, &n, err)))
		goto out;
	sc = pd_plan_scale(txn, pd_get_ref(&m, PD_MEETING_PLAN));
	if (n && !(doc->items = calloc(n, sizeof *doc->items))) {
		rc = pd_err_nomem(err);
		goto out;
	}
	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		if ((rc = pd_agenda_load(txn, meeting, ids[i], &a, err)) != PD_OK)
			goto next;
		/* An item marked confidential goes with all it holds. */
		if (pd_record_confidential(&a.item) && !doc->confidential) {
			doc->conf.left_out++;
			goto next;
		}
		if (pd_record_confidential(&a.item)) {
			doc->conf.shown++;
			if (pd_conf_mark(&a.item) != PD_OK) {
				rc = pd_err_nomem(err);
				goto next;
			}
		}
		if (screen(doc, &a) != PD_OK ||
		    build_item(txn, doc, &a, sc, &doc->items[doc->nitems++]) != PD_OK)
			rc = pd_err_nomem(err);
next:
		pd_agenda_free(&a);
	}
	if (doc->ngroups)
		qsort(doc->groups, doc->ngroups, sizeof *doc->groups, cmp_group);
out:
	free(ids);
	pd_record_clear(&m);
	return rc;
}

int pd_minutes_doc(struct pd_txn *txn, uint64_t meeting,
		   const struct pd_minutes_opts *opts, struct pd_dm *dm,
		   struct pd_err *err)
{
	struct mn_doc doc;
	int rc = mn_build(txn, meeting, opts, &doc, err);

	if (rc == PD_OK && (rc = mn_layout(&doc, dm)) != PD_OK)
		rc = pd_err_nomem(err);
	if (rc == PD_OK && opts && opts->count)
		*opts->count = doc.conf;
	mn_free(&doc);
	return rc;
}

int pd_minutes(struct pd_txn *txn, uint64_t meeting, enum pd_format fmt,
	       const struct pd_minutes_opts *opts, struct pd_buf *out,
	       struct pd_err *err)
{
	const struct pd_formats *fm;
	struct pd_dm dm;
	int rc;

	if (!(PD_FMTS_MINUTES & PD_FMT_BIT(fmt)))
		return pd_err_set(err, PD_EINVAL, "the minutes are not written as %s",
				  pd_format_name(fmt));
	if ((rc = pd_formats_for(pd_txn_store(txn), fmt, &fm, err)) != PD_OK)
		return rc;
	pd_dm_init(&dm);
	if ((rc = pd_minutes_doc(txn, meeting, opts, &dm, err)) == PD_OK)
		rc = pd_dm_write(&dm, fmt, fm, out, err);
	pd_dm_free(&dm);
	return rc;
}
