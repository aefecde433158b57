/*
 * minutes_head.c — the pieces the minutes are built of (minutes_impl.h):
 * a list of lines, a field copied, a date in the document's style; and
 * the head: the plan and its partnership, the meeting's title, date and
 * place, who came and who sent apologies.  minutes.c builds the items on
 * these.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/meetings/meeting.h"
#include "meetings/meeting_impl.h"
#include "minutes_impl.h"

/* --- pieces ---------------------------------------------------------- */

int mn_list_add(struct mn_list *l, const char *s, size_t n, unsigned role)
{
	char *copy;

	if (n == (size_t)-1)
		n = strlen(s);
	if (l->n == l->cap) {   /* two arrays, one capacity */
		size_t cs = l->cap, cr = l->cap;

		if (pd_grow(&l->s, &cs, l->n + 1, sizeof *l->s, 8) ||
		    pd_grow(&l->role, &cr, l->n + 1, sizeof *l->role, 8))
			return PD_ENOMEM;
		l->cap = cs;
	}
	if (!(copy = strndup(s, n)))
		return PD_ENOMEM;
	l->role[l->n] = role;
	l->s[l->n++] = copy;
	return PD_OK;
}

char *mn_dup_field(const struct pd_record *r, int f)
{
	return pd_is_set(r, f) ? strdup(pd_get_text(r, f)) : NULL;
}

void mn_doc_date(const struct mn_doc *doc, const char *iso,
		 char out[PD_DATE_TEXT_SIZE])
{
	if (!pd_date_text(iso, doc->style, out))
		snprintf(out, PD_DATE_TEXT_SIZE, "%s", iso);
}

/* --- who came ---------------------------------------------------------- */

/* "Kath Pike (KP), Meir Park Primary School" for a person. */
static int describe_person(struct pd_txn *txn, uint64_t id, struct pd_buf *b)
{
	struct pd_record p, org;
	int rc;

	pd_buf_reset(b);
	pd_record_init(&org, PD_ORG);
	pd_record_init(&p, PD_PERSON);
	if (pd_get(txn, PD_PERSON, id, &p, NULL) != PD_OK) {
		rc = pd_buf_puts(b, "(no longer in the directory)");
		goto out;
	}
	rc = pd_buf_puts(b, pd_get_text(&p, PD_PERSON_NAME));
	if (rc == PD_OK && pd_is_set(&p, PD_PERSON_INITIALS))
		rc = pd_buf_printf(b, " (%s)", pd_get_text(&p, PD_PERSON_INITIALS));
	if (pd_get_ref(&p, PD_PERSON_ORG) &&
	    pd_get(txn, PD_ORG, pd_get_ref(&p, PD_PERSON_ORG), &org, NULL) == PD_OK) {
		if (rc == PD_OK)
			rc = pd_buf_printf(b, ", %s", pd_get_text(&org, PD_ORG_NAME));
	} else if (rc == PD_OK && pd_is_set(&p, PD_PERSON_ROLE)) {
		rc = pd_buf_printf(b, ", %s", pd_get_text(&p, PD_PERSON_ROLE));
	}
out:
	pd_record_clear(&p);
	pd_record_clear(&org);
	return rc;
}

static int attendance(struct pd_txn *txn, const struct pd_record *m, int refs,
		      int other, struct mn_list *out)
{
	struct pd_buf b = PD_BUF_INIT;
	const char *s;
	size_t pos = 0, n;
	int rc = PD_OK;

	for (size_t i = 0; i < pd_refs_count(m, refs) && rc == PD_OK; i++)
		if ((rc = describe_person(txn, pd_refs_at(m, refs, i), &b)) == PD_OK)
			rc = mn_list_add(out, b.p, b.n, 0);
	while (rc == PD_OK && pd_names_next(pd_get_text(m, other), &pos, &s, &n))
		rc = mn_list_add(out, s, n, 0);
	pd_buf_free(&b);
	return rc;
}

int mn_head(struct pd_txn *txn, const struct pd_record *m,
		      struct mn_doc *doc, struct pd_err *err)
{
	struct pd_record plan;
	struct pd_buf b = PD_BUF_INIT;
	bool partnership;
	int rc;

	if ((rc = pd_mt_get(txn, PD_PLAN, pd_get_ref(m, PD_MEETING_PLAN), &plan, err))) {
		pd_record_clear(&plan);
		return rc;
	}
	if (pd_buf_printf(&b, "%s (%s)", pd_get_text(&plan, PD_PLAN_TITLE),
			  pd_get_text(&plan, PD_PLAN_REF)) == PD_OK)
		doc->plan = strdup(b.p);
	pd_buf_free(&b);
	partnership = pd_is_set(&plan, PD_PLAN_PARTNERSHIP);
	doc->partnership = mn_dup_field(&plan, PD_PLAN_PARTNERSHIP);
	pd_record_clear(&plan);
	doc->title = mn_dup_field(m, PD_MEETING_TITLE);
	doc->location = mn_dup_field(m, PD_MEETING_LOCATION);
	if (pd_date_parse(pd_get_text(m, PD_MEETING_DATE), &doc->when, NULL) != PD_OK)
		memset(&doc->when, 0, sizeof doc->when);
	mn_doc_date(doc, pd_get_text(m, PD_MEETING_DATE), doc->date);
	if (pd_is_set(m, PD_MEETING_NEXT))
		mn_doc_date(doc, pd_get_text(m, PD_MEETING_NEXT), doc->next);
	if (!doc->plan || (pd_is_set(m, PD_MEETING_TITLE) && !doc->title) ||
	    (partnership && !doc->partnership) ||
	    (pd_is_set(m, PD_MEETING_LOCATION) && !doc->location) ||
	    attendance(txn, m, PD_MEETING_PRESENT, PD_MEETING_PRESENT_OTHER,
		       &doc->present) ||
	    attendance(txn, m, PD_MEETING_APOLOGIES, PD_MEETING_APOLOGIES_OTHER,
		       &doc->apologies))
		return pd_err_nomem(err);
	return PD_OK;
}
