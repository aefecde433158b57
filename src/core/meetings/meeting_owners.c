/*
 * meeting_owners.c — who an action typed in a meeting belongs to, and
 * when it is due: the owners of "KP/DD to …" matched against the
 * directory (the meeting's attendance first), and the date at the end of
 * the line ("… by 15 January", due.h).  Shared by recording, editing and
 * turning a note into an action (meeting_record.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/meetings/due.h"
#include "plandesk/directory/people_match.h"
#include "plandesk/meetings/track.h"
#include "meeting_impl.h"

/*
 * A sentence-starter ("Hope to …") names an owner only when it is someone
 * at the meeting or somebody's whole name: a directory of thousands holds
 * a Hope, a Will and a Grace.
 */
static bool confirmed(struct pd_txn *txn, const char *tok, size_t n,
		      const uint64_t *prefer, size_t nprefer, uint64_t id)
{
	struct pd_record p;
	bool ok = false;

	for (size_t i = 0; i < nprefer; i++)
		if (prefer[i] == id)
			return true;
	pd_record_init(&p, PD_PERSON);
	if (pd_get(txn, PD_PERSON, id, &p, NULL) == PD_OK)
		ok = pd_person_match(&p, tok, n) == PD_MATCH_EXACT;
	pd_record_clear(&p);
	return ok;
}

static void add_note(char *note, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Add to `note` (n bytes) without overflowing; "; " between parts. */
static void add_note(char *note, size_t n, const char *fmt, ...)
{
	size_t used = strlen(note);
	va_list ap;

	if (used + 3 >= n)
		return;
	if (used)
		used += (size_t)snprintf(note + used, n - used, "; ");
	va_start(ap, fmt);
	vsnprintf(note + used, n - used, fmt, ap);
	va_end(ap);
}

int pd_mt_owners(struct pd_txn *txn, const struct pd_record *m, const char *line,
		 const struct pd_actionline *al, struct pd_mt_owners *o,
		 char *note, size_t nn, struct pd_err *err)
{
	size_t np = pd_refs_count(m, PD_MEETING_PRESENT);
	size_t na = pd_refs_count(m, PD_MEETING_APOLOGIES);
	uint64_t *prefer = calloc(np + na + 1, sizeof *prefer), id;
	int rc = PD_OK;

	memset(o, 0, sizeof *o);
	if (!prefer)
		return pd_err_nomem(err);
	for (size_t i = 0; i < np; i++)
		prefer[i] = pd_refs_at(m, PD_MEETING_PRESENT, i);
	for (size_t i = 0; i < na; i++)
		prefer[np + i] = pd_refs_at(m, PD_MEETING_APOLOGIES, i);
	o->is_action = al->shaped;
	for (int k = 0; k < al->nowners && rc == PD_OK; k++) {
		const struct pd_owner_tok *t = &al->owners[k];
		struct pd_err why = { 0 };
		char tok[64];

		rc = pd_people_match(txn, line + t->off, t->len, prefer, np + na,
				     &id, &why);
		if (rc == PD_OK && t->shape == PD_OWNER_DOUBTFUL &&
		    !confirmed(txn, line + t->off, t->len, prefer, np + na, id))
			rc = PD_NOTFOUND;
		if (rc == PD_OK) {
			bool dup = false;
			for (size_t i = 0; i < o->n; i++)
				dup |= o->ids[i] == id;
			if (!dup)
				o->ids[o->n++] = id;
		} else if (rc == PD_NOTFOUND || rc == PD_ECONFLICT) {
			/* Kept as text; a doubtful word is no owner at all.
			 * Several people: never pick one silently. */
			if (t->shape == PD_OWNER_DOUBTFUL)
				o->is_action = false;
			else if (rc == PD_ECONFLICT && note && why.msg[0])
				add_note(note, nn, "%s: kept as typed", why.msg);
			else if (rc == PD_ECONFLICT && note) {
				snprintf(tok, sizeof tok, "%.*s", (int)t->len, line + t->off);
				add_note(note, nn, "\"%s\" could be several people: kept "
					 "as typed", tok);
			}
			rc = PD_OK;
		} else {
			rc = pd_err_set(err, rc, "matching owners: %s", pd_strerror(rc));
		}
	}
	free(prefer);
	return rc;
}

/* The meeting's date, day precision; false when it has none. */
static bool meeting_day(const struct pd_record *m, struct pd_date *d)
{
	return pd_date_parse(pd_get_text(m, PD_MEETING_DATE), d, NULL) == PD_OK &&
	       d->d != 0;
}

bool pd_action_own_due(const struct pd_record *a, const struct pd_record *m,
		       struct pd_date *out)
{
	const char *text = pd_get_text(a, PD_ACTION_TEXT);
	struct pd_date from;
	struct pd_due due;

	if (!meeting_day(m, &from) ||
	    !pd_due_parse(text, strlen(text), &from, &due) || due.kind != PD_DUE_DATE)
		return false;
	*out = due.date;
	return true;
}

int pd_mt_action_fill(struct pd_record *a, const struct pd_record *m,
		      const char *line, const struct pd_actionline *al,
		      const struct pd_mt_owners *o, struct pd_recorded *out)
{
	struct pd_date from;
	struct pd_due due = { .kind = PD_DUE_NONE };
	char quoted[96];
	int rc;

	out->due[0] = '\0';
	out->own_due = false;
	if (meeting_day(m, &from))
		pd_due_parse(line + al->text_off, al->text_len, &from, &due);
	if (due.kind == PD_DUE_DATE) {
		pd_date_iso(&due.date, out->due);
		out->own_due = true;
	} else {
		snprintf(out->due, sizeof out->due, "%s", pd_get_text(m, PD_MEETING_NEXT));
	}
	if (due.kind == PD_DUE_BAD) {
		/* Said first: it is about what was just typed at the end. */
		char owners[sizeof out->note];
		snprintf(owners, sizeof owners, "%s", out->note);
		snprintf(quoted, sizeof quoted, "%.*s", (int)due.len,
			 line + al->text_off + due.off);
		out->note[0] = '\0';
		add_note(out->note, sizeof out->note, "\"%s\" is no day (%s): no due date",
			 quoted, due.why);
		if (owners[0])
			add_note(out->note, sizeof out->note, "%s", owners);
	}
	rc = pd_set_text(a, PD_ACTION_TEXT, line + al->text_off, al->text_len) ||
	     pd_set_text(a, PD_ACTION_DUE, out->due, (size_t)-1) ||
	     pd_set_text(a, PD_ACTION_OWNER, al->shaped ? line + al->owner_off : "",
			 al->shaped ? al->owner_len : 0);
	while (pd_refs_count(a, PD_ACTION_OWNERS))
		pd_refs_remove(a, PD_ACTION_OWNERS, pd_refs_at(a, PD_ACTION_OWNERS, 0));
	for (size_t i = 0; i < o->n && !rc; i++)
		rc = pd_refs_add(a, PD_ACTION_OWNERS, o->ids[i]);
	return rc ? PD_ENOMEM : PD_OK;
}
