/*
 * erase.c — a person taken out of the database (subject.h pd_forget).
 * The records to change are found with the walk of mentions, then each
 * is changed field by field as the field tables say: a link to the
 * person goes, the label taking its place in the text that goes with it
 * (ALSO); names as text are relabelled; free text is left to the user.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "plandesk/base/u64map.h"
#include "plandesk/protect/subject.h"
#include "plandesk/records/records.h"
#include "plandesk/records/undo.h"
#include "store/handles.h"
#include "subject_impl.h"

struct fg_ctx {
	const struct pd_subject *s;
	const char              *label;
	struct pd_disclosure    *d;
	struct pd_forget_counts  c;
	struct pd_u64map         ids;    /* records to change: id → kind + 1 */
};

/* Copy `text` into *out with every whole-word use of s's name or
 * initials replaced by `label`; *n counts them. */
static int relabel(const struct pd_subject *s, const char *text, const char *label,
		   struct pd_buf *out, size_t *n)
{
	const char *p = text;
	int rc = PD_OK;

	for (;;) {
		const char *a = pd_subj_word(p, s->name, true);
		const char *b = s->initials[0] ? pd_subj_word(p, s->initials, false) : NULL;
		const char *hit = !a ? b : !b ? a : a < b ? a : b;

		if (!hit)
			break;
		if ((rc = pd_buf_add(out, p, (size_t)(hit - p))) || (rc = pd_buf_puts(out, label)))
			return rc;
		p = hit + strlen(hit == a ? s->name : s->initials);
		(*n)++;
	}
	return pd_buf_puts(out, p);
}

/* Field f's text relabelled; with `append`, the label added ("; ") when
 * the text did not name them.  Returns PD_OK or PD_ENOMEM. */
static int relabel_field(struct fg_ctx *x, struct pd_record *r, int f, bool append)
{
	struct pd_buf b = PD_BUF_INIT;
	size_t n = 0;
	int rc = relabel(x->s, pd_get_text(r, f), x->label, &b, &n);

	if (rc == PD_OK && !n && append)
		rc = pd_buf_printf(&b, "%s%s", b.n ? "; " : "", x->label);
	if (rc == PD_OK)
		rc = pd_set_text(r, f, b.p ? b.p : "", b.n);
	x->c.names += n;
	pd_buf_free(&b);
	return rc;
}

/* The text field that goes with link field f (one names the other with
 * ALSO), or -1. */
static int partner(const struct pd_kind_info *ki, int f)
{
	int g = pd_field_also(ki, f);

	if (g >= 0)
		return g;
	for (g = 0; g < ki->nfields; g++)
		if (pd_field_also(ki, g) == f)
			return g;
	return -1;
}

static int change(struct pd_txn *txn, struct fg_ctx *x, enum pd_kind kind, uint64_t id,
		  struct pd_err *err)
{
	const struct pd_kind_info *ki = pd_kind_info(kind);
	uint64_t who = x->s->person;
	struct pd_record r;
	bool done[64] = { false };
	int rc;

	pd_record_init(&r, kind);
	if ((rc = pd_get(txn, kind, id, &r, err)) != PD_OK)
		goto out;
	for (int f = 0; f < ki->nfields && rc == PD_OK; f++) {
		const struct pd_field *fd = &ki->fields[f];
		int g = partner(ki, f);
		bool linked = false;

		if (fd->ref != PD_PERSON || !who)
			continue;
		if (fd->type == PD_T_REF && pd_get_ref(&r, f) == who) {
			linked = true;
			rc = pd_set_ref(&r, f, 0);
		} else if (fd->type == PD_T_REFS) {
			linked = (rc = pd_refs_remove(&r, f, who)) == PD_OK;
			if (rc == PD_NOTFOUND)
				rc = PD_OK;
		}
		if (!linked)
			continue;
		x->c.links++;
		if (g >= 0 && g < 64 && ki->fields[g].type == PD_T_TEXT) {
			rc = relabel_field(x, &r, g, true);
			done[g] = true;
		}
	}
	for (int f = 0; f < ki->nfields && f < 64 && rc == PD_OK; f++)
		if ((ki->fields[f].flags & PD_F_NAME) && !done[f] && pd_is_set(&r, f))
			rc = relabel_field(x, &r, f, false);
	if (rc == PD_ENOMEM)
		rc = pd_err_nomem(err);
	if (rc == PD_OK)
		rc = pd_put(txn, &r, err);
	if (rc == PD_OK)
		x->c.records++;
out:
	pd_record_clear(&r);
	return rc;
}

static int collect(void *ctx, struct pd_txn *txn, const struct pd_mention *m,
		   struct pd_err *err)
{
	struct fg_ctx *x = ctx;

	(void)txn;
	if (m->how == PD_MN_TEXT || pd_u64map_get(&x->ids, m->r->id, NULL))
		return PD_OK;   /* free text is left; a record is changed once */
	if (pd_u64map_add(&x->ids, m->r->id, (uint64_t)m->r->kind + 1) != PD_OK)
		return pd_err_nomem(err);
	return PD_OK;
}

static int forget_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct fg_ctx *x = ctx;
	struct pd_u64map *ids = &x->ids;
	int rc;

	txn->journal = false;
	memset(&x->c, 0, sizeof x->c);
	pd_u64map_clear(ids);
	if ((rc = pd_mentions_each(txn, x->s, collect, x, err)) != PD_OK)
		return rc;
	if (!ids->n)
		return pd_err_set(err, PD_EEMPTY, "no directory entry, link or name field "
				  "names %s: nothing to forget", x->s->name);
	for (size_t i = 0; i < ids->cap && rc == PD_OK; i++) {
		enum pd_kind kind = (enum pd_kind)(ids->val[i] - 1);

		if (!ids->key[i])
			continue;
		if (kind == PD_PERSON && ids->key[i] == x->s->person) {
			if ((rc = pd_del(txn, PD_PERSON, ids->key[i], err)) == PD_OK)
				x->c.records++;
		} else {
			rc = change(txn, x, kind, ids->key[i], err);
		}
	}
	if (rc == PD_OK)
		rc = pd_undo_forget(txn, ids, err);
	x->d->what = "person";
	x->d->rows = x->c.records;
	return rc == PD_OK ? pd_disclosure_put(txn, x->d, err) : rc;
}

int pd_forget(struct pd_store *st, const struct pd_subject *s, const char *label,
	      struct pd_disclosure *d, struct pd_forget_counts *c, struct pd_err *err)
{
	struct fg_ctx x = { .s = s, .label = label, .d = d };
	int rc;

	if (!label || !*label || strpbrk(label, "\n\r;") ||
	    !pd_utf8_valid(label, strlen(label)) || pd_subj_named(s, label))
		return pd_err_set(err, PD_EINVAL, "the label is one line of text, with no "
				  "\";\" and not their name: \"former member\"");
	rc = pd_store_write(st, "forget a person", 0, forget_body, &x, err);
	if (c)
		*c = x.c;
	pd_u64map_free(&x.ids, NULL);
	return rc;
}
