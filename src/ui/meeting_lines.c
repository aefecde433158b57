/*
 * meeting_lines.c — each item's own half-typed line in meeting mode, and
 * keeping the lines in the database (meeting.h drafts).
 *
 * The entry line shows the line of the item on screen; moving to another
 * item puts it away and brings that item's line back, so a line is never
 * carried to an item it was not typed at.  A line that changed is kept
 * once typing pauses (mm_view.idle_ms after the last key: the main loop
 * wakes for it, app_wake), at least every second while typing goes on,
 * when meeting mode is left, and on SIGHUP/SIGTERM (the loop ends and the
 * views are freed).  A line cleared with Ctrl-U is forgotten the same way.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_mode_impl.h"

/* The entry of `item`, made when `create`; NULL when none (or no memory). */
static struct mm_draft *entry(struct mm_view *m, uint64_t item, bool create)
{
	struct mm_draft *d;

	for (size_t i = 0; i < m->ndrafts; i++)
		if (m->drafts[i].item == item)
			return &m->drafts[i];
	if (!create || !(d = realloc(m->drafts, (m->ndrafts + 1) * sizeof *d)))
		return NULL;
	m->drafts = d;
	d += m->ndrafts++;
	memset(d, 0, sizeof *d);
	d->item = item;
	d->kind = d->kept_kind = -1;
	return d;
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void set_text(char **slot, const char *s)
{
	char *copy = s && *s ? strdup(s) : NULL;

	if (s && *s && !copy)
		return;   /* out of memory: keep what was there */
	free(*slot);
	*slot = copy;
}

void mm_lines_stash(struct mm_view *m)
{
	uint64_t item = mm_cur_item(m);
	struct mm_draft *d;

	if (!item || !(d = entry(m, item, m->le.n || m->edit_kind >= 0)))
		return;
	set_text(&d->text, m->le.s);
	d->kind = m->edit_kind;
	d->id = m->edit_id;
}

void mm_lines_unstash(struct mm_view *m)
{
	struct mm_draft *d = entry(m, mm_cur_item(m), false);

	ui_le_set(&m->le, d ? d->text : NULL);
	m->edit_kind = d ? d->kind : -1;
	m->edit_id = d ? d->id : 0;
}

void mm_lines_keep(struct mm_view *m, struct app *a)
{
	struct pd_err err = { 0 };
	uint64_t item = mm_cur_item(m);
	bool wrote = false;

	if (m->gone || m->ended || pd_store_is_read_only(a->st))
		return;
	mm_lines_stash(m);
	for (size_t i = 0; i < m->ndrafts; i++) {
		struct mm_draft *d = &m->drafts[i];
		struct pd_draft_line l = { d->item, d->kind, d->id, d->text ? d->text : "" };

		if (same(d->text, d->kept) && d->kind == d->kept_kind)
			continue;
		if (pd_draft_save(a->st, m->meeting, item, &l, &err) != PD_OK) {
			app_error(a, "keeping the line typed so far", &err);
			return;
		}
		set_text(&d->kept, d->text);
		d->kept_kind = d->kind;
		wrote = true;
	}
	if (!wrote && item != m->kept_item &&
	    pd_draft_open(a->st, m->meeting, item, &err) != PD_OK) {
		app_error(a, "keeping the meeting open", &err);
		return;
	}
	m->kept_item = item;
	clock_gettime(CLOCK_MONOTONIC, &m->last_keep);
}

bool mm_lines_restore(struct mm_view *m, struct app *a)
{
	struct pd_draft dr;

	if (pd_draft_load(a->st, m->meeting, &dr, NULL) != PD_OK)
		return false;
	for (size_t i = 0; i < dr.n; i++) {
		struct mm_draft *d = entry(m, dr.lines[i].item, true);
		if (!d)
			break;
		set_text(&d->text, dr.lines[i].text);
		set_text(&d->kept, dr.lines[i].text);
		d->kind = d->kept_kind = dr.lines[i].kind;
		d->id = dr.lines[i].id;
	}
	m->kept_item = dr.item;
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i] == dr.item)
			m->cur = i;
	pd_draft_free(&dr);
	return true;
}

size_t mm_lines_elsewhere(struct mm_view *m, struct app *a, char *buf, size_t n)
{
	struct pd_txn *txn = NULL;
	size_t count = 0, used = 0;

	if (n)
		buf[0] = '\0';
	for (size_t i = 0; i < m->ndrafts; i++) {
		struct mm_draft *d = &m->drafts[i];
		struct pd_record it;

		if (d->item == mm_cur_item(m) || (!d->text && d->kind < 0))
			continue;
		if (!txn && !(txn = app_txn(a)))
			break;
		pd_record_init(&it, PD_ITEM);
		if (pd_get(txn, PD_ITEM, d->item, &it, NULL) == PD_OK && used < n)
			used += (size_t)snprintf(buf + used, n - used, "%s%s", count ? ", " : "",
						 pd_get_text(&it, PD_ITEM_REF));
		pd_record_clear(&it);
		count++;
	}
	pd_txn_end(txn);
	return count;
}

void mm_lines_free_drafts(struct mm_view *m)
{
	for (size_t i = 0; i < m->ndrafts; i++) {
		free(m->drafts[i].text);
		free(m->drafts[i].kept);
	}
	free(m->drafts);
	m->drafts = NULL;
	m->ndrafts = 0;
}
