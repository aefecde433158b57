/*
 * subject.c — who a subject access request is about, and every record
 * that names them (subject.h).  The fields looked at follow from the
 * field tables: links to a person by type, names as text by PD_F_NAME,
 * free text as every other text field that is not a date, a code or a
 * mark; so a field added later is looked at without a change here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plandesk/base/text.h"
#include "plandesk/directory/people_match.h"
#include "plandesk/protect/subject.h"
#include "plandesk/records/records.h"
#include "subject_impl.h"

/* Bytes that make a word: ASCII letters and digits, a hyphen (Kath
 * Pike is not Kath Pike-Smith), and any byte of a multi-byte UTF-8
 * character (a letter of another script, an accent). */
static bool wordy(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
}

const char *pd_subj_word(const char *hay, const char *w, bool icase)
{
	size_t n = strlen(w);

	if (!n)
		return NULL;
	for (const char *p = hay; *p; p++) {
		if ((icase ? strncasecmp(p, w, n) : strncmp(p, w, n)) != 0)
			continue;
		if ((p == hay || !wordy((unsigned char)p[-1])) && !wordy((unsigned char)p[n]))
			return p;
	}
	return NULL;
}

bool pd_subj_named(const struct pd_subject *s, const char *text)
{
	return pd_subj_word(text, s->name, true) ||
	       (s->initials[0] && pd_subj_word(text, s->initials, false));
}

/* The first letters of the words of `name`, in capitals, when it has two
 * to four words ("Kath Pike": KP). */
static void derive_initials(const char *name, char *out, size_t n)
{
	size_t k = 0;

	out[0] = '\0';
	for (const char *p = name; *p && k + 1 < n; p++)
		if ((p == name || p[-1] == ' ') && *p >= 'A' && *p <= 'Z')
			out[k++] = *p;
	out[k] = '\0';
	if (k < 2 || k > 4)
		out[0] = '\0';
}

int pd_subject_find(struct pd_txn *txn, const char *who, struct pd_subject *s,
		    struct pd_err *err)
{
	struct pd_record p;
	uint64_t other;
	int rc;

	memset(s, 0, sizeof *s);
	if (!who || !*who || strlen(who) >= sizeof s->name || strpbrk(who, "\r\n") ||
	    !pd_utf8_valid(who, strlen(who)))
		return pd_err_set(err, PD_EINVAL, "give a person's name or initials, "
				  "on one line");
	rc = pd_people_match(txn, who, strlen(who), NULL, 0, &s->person, err);
	if (rc == PD_NOTFOUND) {   /* no one in the directory: the name as given */
		s->person = 0;
		snprintf(s->name, sizeof s->name, "%s", who);
		if (pd_token_is_initials(who, strlen(who)))
			snprintf(s->initials, sizeof s->initials, "%s", who);
		pd_err_clear(err);
		return PD_OK;
	}
	if (rc == PD_ECONFLICT && err) {
		char who_all[sizeof err->msg];

		snprintf(who_all, sizeof who_all, "%s", err->msg);
		return pd_err_set(err, rc, "%s: give the whole name, as the directory "
				  "has it", who_all);
	}
	if (rc != PD_OK)
		return rc;
	pd_record_init(&p, PD_PERSON);
	if ((rc = pd_get(txn, PD_PERSON, s->person, &p, err)) != PD_OK)
		return rc;
	snprintf(s->name, sizeof s->name, "%s", pd_get_text(&p, PD_PERSON_NAME));
	if (pd_is_set(&p, PD_PERSON_INITIALS))
		snprintf(s->initials, sizeof s->initials, "%s", pd_get_text(&p, PD_PERSON_INITIALS));
	else
		derive_initials(s->name, s->initials, sizeof s->initials);
	pd_record_clear(&p);
	/* Initials someone else answers to too are no sign of this person. */
	if (s->initials[0] &&
	    (pd_people_match(txn, s->initials, strlen(s->initials), NULL, 0, &other, NULL)
	     != PD_OK || other != s->person))
		s->initials[0] = '\0';
	return PD_OK;
}

/* Free text: text that is not a name, a code, a date or a mark. */
static bool free_text(const struct pd_kind_info *ki, int f)
{
	const struct pd_field *fd = &ki->fields[f];

	return fd->type == PD_T_TEXT &&
	       !(fd->flags & (PD_F_NAME | PD_F_YESNO | PD_F_KEPT));
}

/* How field f of r names s, or -1 for not at all. */
static int how_named(const struct pd_record *r, int f, const struct pd_subject *s)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	const struct pd_field *fd = &ki->fields[f];

	if (fd->ref == PD_PERSON && s->person) {
		if (fd->type == PD_T_REF && pd_get_ref(r, f) == s->person)
			return PD_MN_LINK;
		if (fd->type == PD_T_REFS)
			for (size_t i = 0; i < pd_refs_count(r, f); i++)
				if (pd_refs_at(r, f, i) == s->person)
					return PD_MN_LINK;
		return -1;
	}
	if (fd->type != PD_T_TEXT || !pd_is_set(r, f) || !pd_subj_named(s, pd_get_text(r, f)))
		return -1;
	if (fd->flags & PD_F_NAME)
		return PD_MN_NAME;
	/* A person's own notes and other people's: free text too. */
	return free_text(ki, f) || r->kind == PD_PERSON || r->kind == PD_ORG ? PD_MN_TEXT : -1;
}

int pd_mentions_each(struct pd_txn *txn, const struct pd_subject *s,
		     pd_mention_fn fn, void *ctx, struct pd_err *err)
{
	int rc = PD_OK;

	for (int k = 0; k < PD_NKINDS && rc == PD_OK; k++) {
		const struct pd_kind_info *ki = pd_kind_info((enum pd_kind)k);
		struct pd_cursor *cur;
		struct pd_record r;
		uint64_t id;

		if ((rc = pd_cursor_kind(txn, (enum pd_kind)k, 0, &cur, err)) != PD_OK)
			break;
		while (rc == PD_OK && (rc = pd_cursor_next(cur, &id, err)) == PD_OK) {
			struct pd_mention m = { .r = &r };

			pd_record_init(&r, (enum pd_kind)k);
			if ((rc = pd_get(txn, (enum pd_kind)k, id, &r, err)) != PD_OK)
				break;
			if (k == PD_PERSON && id == s->person) {
				m.field = ki->title;
				m.how = PD_MN_ENTRY;
				rc = fn(ctx, txn, &m, err);
			} else {
				for (int f = 0; f < ki->nfields && rc == PD_OK; f++) {
					int how = how_named(&r, f, s);
					if (how < 0)
						continue;
					m.field = f;
					m.how = (enum pd_mention_how)how;
					rc = fn(ctx, txn, &m, err);
				}
			}
			pd_record_clear(&r);
		}
		pd_cursor_close(cur);
		if (rc == PD_NOTFOUND)   /* the end of the kind */
			rc = PD_OK;
	}
	return rc;
}

void pd_mention_where(struct pd_txn *txn, const struct pd_record *r, char *buf, size_t n)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	const char *key = pd_get_text(r, ki->key);
	const struct pd_record *at = r;
	struct pd_record hop[2];
	size_t used, len = pd_utf8_fit(key, strcspn(key, "\r\n"), 40, NULL);
	int nhop = 0;

	/* The key's first line, cut to 40 columns on a character. */
	used = (size_t)snprintf(buf, n, "%s \xe2\x80\x9c%.*s%s\xe2\x80\x9d", ki->label,
				(int)len, key, len < strlen(key) ? "\xe2\x80\xa6" : "");
	/* Then what it is filed under: its item, the item's plan. */
	for (; nhop < 2 && used < n; nhop++) {
		const struct pd_kind_info *ak = pd_kind_info(at->kind);
		int up = pd_field_owner(ak);
		enum pd_kind ok;

		if (up < 0)
			break;
		ok = (enum pd_kind)ak->fields[up].ref;
		pd_record_init(&hop[nhop], ok);
		if (pd_get(txn, ok, pd_get_ref(at, up), &hop[nhop], NULL) != PD_OK) {
			pd_record_clear(&hop[nhop]);
			break;
		}
		used += (size_t)snprintf(buf + used, n - used, " %s %s %s", nhop ? "of" : "on",
					 pd_kind_info(ok)->label,
					 pd_get_text(&hop[nhop], pd_kind_info(ok)->key));
		at = &hop[nhop];
	}
	while (nhop-- > 0)
		pd_record_clear(&hop[nhop]);
}
