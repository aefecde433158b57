/*
 * form_data.c — a form's values: the fields its kind's table places on
 * the form, their text as loaded from the record, and checking and saving
 * them by each field's widget (form_impl.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plandesk/base/date.h"
#include "plandesk/directory/people_match.h"
#include "plandesk/meetings/scale.h"
#include "plandesk/base/text.h"
#include "plandesk/meetings/track.h"
#include "edit.h"
#include "form_impl.h"
#include "recfmt.h"

/* The plan a record belongs to, for scales, themes and parents. */
static uint64_t plan_of(struct pd_txn *txn, const struct pd_record *r)
{
	struct pd_record it;
	uint64_t plan = 0, item = 0;

	switch (r->kind) {
	case PD_ITEM:    return pd_get_ref(r, PD_ITEM_PLAN);
	case PD_THEME:   return pd_get_ref(r, PD_THEME_PLAN);
	case PD_MEETING: return pd_get_ref(r, PD_MEETING_PLAN);
	case PD_ACTION:  item = pd_get_ref(r, PD_ACTION_ITEM); break;
	case PD_UPDATE:  item = pd_get_ref(r, PD_UPDATE_ITEM); break;
	default:         return 0;
	}
	pd_record_init(&it, PD_ITEM);
	if (item && pd_get(txn, PD_ITEM, item, &it, NULL) == PD_OK)
		plan = pd_get_ref(&it, PD_ITEM_PLAN);
	pd_record_clear(&it);
	return plan;
}

/* The text a field shows for record `r`: a link as its record's name or
 * ref (the linked kind's key). */
static void field_text(struct form *fm, struct pd_txn *txn,
		       const struct pd_record *r, const struct ff *f, char *buf,
		       size_t n)
{
	const struct pd_level *lv;
	struct pd_record o;
	uint64_t ref;

	buf[0] = '\0';
	switch (f->fd->widget) {
	case PD_W_STATUS:
		lv = pd_scale_level(fm->sc, pd_get_text(r, f->field));
		if (lv)
			snprintf(buf, n, "%s %s", lv->code, lv->label);
		else
			snprintf(buf, n, "%s", pd_get_text(r, f->field));
		return;
	case PD_W_LINK:
		if (!(ref = pd_get_ref(r, f->field)))
			return;
		if (pd_get(txn, (enum pd_kind)f->fd->ref, ref, &o, NULL) == PD_OK)
			snprintf(buf, n, "%s",
				 pd_get_text(&o, pd_kind_info(o.kind)->key));
		pd_record_clear(&o);
		return;
	case PD_W_OWNERS:
		ui_action_owner(txn, r, buf, n);
		return;
	default:
		snprintf(buf, n, "%s", pd_get_text(r, f->field));
		return;
	}
}

/* Field `fd`'s label: the table's, else its name with a capital. */
static void label_of(const struct pd_field *fd, char *buf, size_t n)
{
	if (fd->label)
		snprintf(buf, n, "%s", fd->label);
	else
		snprintf(buf, n, "%c%s", fd->name[0] >= 'a' && fd->name[0] <= 'z' ?
			 fd->name[0] - 32 : fd->name[0], fd->name + 1);
}

int form_load(struct form *fm, struct app *a)
{
	const struct pd_kind_info *ki = fm->ki;
	int order[PD_MAX_FIELDS], n = pd_fields_placed(ki, PD_PLACE_FORM, order);
	struct pd_record r;
	struct pd_txn *txn;
	char *buf;
	int rc = 0;

	if (!(txn = app_txn(a)))
		return -1;
	pd_record_init(&r, fm->kind);
	if (fm->id) {
		if (pd_get(txn, fm->kind, fm->id, &r, NULL) != PD_OK) {
			app_msg(a, UI_R_ERROR, "That %s is gone", ki->label);
			pd_txn_end(txn);
			pd_record_clear(&r);
			return -1;
		}
	} else if (pd_record_copy(&r, &fm->preset) != PD_OK) {
		pd_txn_end(txn);
		return -1;
	}
	fm->plan = plan_of(txn, &r);
	fm->sc = pd_plan_scale(txn, fm->plan);
	if (!(buf = malloc(65536)))
		rc = -1;
	for (fm->nf = 0; rc == 0 && fm->nf < n; fm->nf++) {
		struct ff *f = &fm->f[fm->nf];

		f->field = order[fm->nf];
		f->fd = &ki->fields[f->field];
		f->required = f->fd->flags & PD_F_REQUIRED;
		label_of(f->fd, f->label, sizeof f->label);
		field_text(fm, txn, &r, f, buf, 65536);
		if (!fm->id && (f->fd->flags & PD_F_TODAY) && !buf[0])
			pd_date_iso(&a->today, buf);
		if (ui_le_init(&f->le) || ui_le_set(&f->le, buf) ||
		    !(f->orig = strdup(fm->id ? f->le.s : "")))
			rc = -1;
	}
	free(buf);
	pd_txn_end(txn);
	if (fm->id)
		ui_rec_label("edit", &r, fm->title, sizeof fm->title);
	else
		snprintf(fm->title, sizeof fm->title, "new %s", ki->label);
	pd_record_clear(&r);
	return rc;
}

bool form_dirty(const struct form *fm)
{
	for (int i = 0; i < fm->nf; i++)
		if (strcmp(fm->f[i].le.s, fm->f[i].orig) != 0)
			return true;
	return false;
}

/* --- checking ------------------------------------------------------------- */

/* A field's value ready to store: text, or a code, or an ISO date. */
struct val {
	char text[PD_DATE_ISO_SIZE + 16];
	const char *p;   /* what to store (points into text or the editor) */
};

static int fail(struct form *fm, struct app *a, int i, const char *what)
{
	fm->cur = i;
	app_msg(a, UI_R_ERROR, "%s: %s", fm->f[i].label, what);
	return -1;
}

static void trim(char *s)
{
	size_t n = strlen(s), k = 0;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	while (s[k] == ' ' || s[k] == '\t')
		k++;
	memmove(s, s + k, n - k + 1);
}

/* Check field i and convert it into v.  0 or -1 (message shown). */
static int check(struct form *fm, struct app *a, int i, struct val *v)
{
	struct ff *f = &fm->f[i];
	struct pd_date d;
	struct pd_err err = { 0 };
	const char *code;

	if (f->fd->widget != PD_W_LONG) {
		trim(f->le.s);
		f->le.n = strlen(f->le.s);
		f->le.cur = f->le.n;
	}
	v->p = f->le.s;
	if (f->required && !f->le.s[0])
		return fail(fm, a, i, "required");
	if (!f->le.s[0])
		return 0;
	switch (f->fd->widget) {
	case PD_W_DATE:
		if (strcasecmp(f->le.s, "today") == 0)
			d = a->today;
		else if (pd_date_parse(f->le.s, &d, &err) != PD_OK)
			return fail(fm, a, i, err.msg);
		pd_date_iso(&d, v->text);
		v->p = v->text;
		return 0;
	case PD_W_STATUS:
		if (pd_scale_parse(fm->sc, f->le.s, &code, &err) != PD_OK)
			return fail(fm, a, i, err.msg);
		snprintf(v->text, sizeof v->text, "%s", code);
		v->p = v->text;
		return 0;
	case PD_W_SCALE:
		if (!pd_scale_known(f->le.s))
			return fail(fm, a, i, "use 1-4 or rag");
		return 0;
	case PD_W_STATE:
		if (strcasecmp(f->le.s, "open") && strcasecmp(f->le.s, "done") &&
		    strcasecmp(f->le.s, "dropped"))
			return fail(fm, a, i, "open, done or dropped");
		return 0;
	default:
		return 0;
	}
}

/* --- saving (inside the write; may run more than once) ---------------------- */

struct save {
	struct form *fm;
	struct app  *a;
	struct val   v[PD_MAX_FIELDS];
	bool         set[PD_MAX_FIELDS];   /* changed: write it */
	char         label[256];
	int          bad;                  /* field at fault, -1 */
};

static int find_theme(struct pd_txn *txn, uint64_t plan, const char *name,
		      uint64_t *id, struct pd_err *err)
{
	struct pd_cursor *cur;
	struct pd_record t;
	char *want = NULL, *have = NULL;
	uint64_t tid;
	int rc;

	*id = 0;
	if (pd_text_fold(name, strlen(name), &want, NULL) != PD_OK)
		return pd_err_nomem(err);
	if ((rc = pd_cursor_index(txn, PD_IX_THEMES_BY_PLAN, plan, 0, &cur, err))) {
		free(want);
		return rc;
	}
	while (!*id && pd_cursor_next(cur, &tid, NULL) == PD_OK) {
		pd_record_init(&t, PD_THEME);
		if (pd_get(txn, PD_THEME, tid, &t, NULL) == PD_OK &&
		    pd_text_fold(pd_get_text(&t, PD_THEME_NAME), t.v[PD_THEME_NAME].n,
				 &have, NULL) == PD_OK) {
			if (strcmp(have, want) == 0)
				*id = tid;
			free(have);
		}
		pd_record_clear(&t);
	}
	pd_cursor_close(cur);
	free(want);
	if (*id)
		return PD_OK;
	/* A new theme: made in the same write, as import does. */
	pd_record_init(&t, PD_THEME);
	if (pd_set_ref(&t, PD_THEME_PLAN, plan) ||
	    pd_set_text(&t, PD_THEME_NAME, name, (size_t)-1))
		rc = pd_err_nomem(err);
	else if ((rc = pd_put(txn, &t, err)) == PD_OK)
		*id = t.id;
	pd_record_clear(&t);
	return rc;
}

/* Owners: each name or initials between ; , / & is looked up, into REFS
 * field `refs`. */
static int set_owners(struct pd_txn *txn, struct pd_record *r, int refs,
		      const char *text, struct pd_err *err)
{
	const char *p = text;

	while (pd_refs_count(r, refs))
		pd_refs_remove(r, refs, pd_refs_at(r, refs, 0));
	while (*p) {
		size_t n = strcspn(p, ";,/&");
		uint64_t id;

		if (n && pd_people_match(txn, p, n, NULL, 0, &id, NULL) == PD_OK &&
		    pd_refs_add(r, refs, id))
			return pd_err_nomem(err);
		p += n;
		if (*p)
			p++;
	}
	return PD_OK;
}

/* Put a new item, action or theme last among its siblings. */
static int position_last(struct pd_txn *txn, struct pd_record *r)
{
	enum pd_index ix;
	int field, pf;
	struct pd_cursor *cur;
	struct pd_record last;
	uint64_t id;

	switch (r->kind) {
	case PD_ITEM:   ix = PD_IX_ITEMS_BY_PLAN; field = PD_ITEM_POSITION; pf = PD_ITEM_PLAN; break;
	case PD_ACTION: ix = PD_IX_ACTIONS_BY_ITEM; field = PD_ACTION_POSITION; pf = PD_ACTION_ITEM; break;
	case PD_THEME:  ix = PD_IX_THEMES_BY_PLAN; field = PD_THEME_POSITION; pf = PD_THEME_PLAN; break;
	default:        return PD_OK;
	}
	if (pd_cursor_index(txn, ix, pd_get_ref(r, pf), PD_CUR_REVERSE, &cur, NULL))
		return PD_OK;
	if (pd_cursor_next(cur, &id, NULL) == PD_OK) {
		pd_record_init(&last, r->kind);
		if (pd_get(txn, r->kind, id, &last, NULL) == PD_OK)
			pd_set_int(r, field, pd_get_int(&last, field) + 1);
		pd_record_clear(&last);
	}
	pd_cursor_close(cur);
	return PD_OK;
}

/*
 * The record a link field names by `t`, by the linked kind: an
 * organisation in the directory, a theme of the plan (made when new), an
 * item of the plan (not the one edited).  *id is 0 for an empty `t`.
 */
static int find_link(struct pd_txn *txn, const struct form *fm, const struct ff *f,
		     const char *t, uint64_t *id, struct pd_err *err)
{
	*id = 0;
	if (!*t)
		return PD_OK;
	switch (f->fd->ref) {
	case PD_ORG:
		if (pd_find_org(txn, t, id) != PD_OK)
			return pd_err_set(err, PD_EINVAL, "no organisation called "
					  "\"%s\" in the directory", t);
		return PD_OK;
	case PD_THEME:
		return find_theme(txn, fm->plan, t, id, err);
	case PD_ITEM:
		if (pd_find_item(txn, fm->plan, t, id) != PD_OK)
			return pd_err_set(err, PD_EINVAL, "no item \"%s\" in this plan", t);
		if (*id == fm->id)
			return pd_err_set(err, PD_EINVAL, "an item cannot be its own parent");
		return PD_OK;
	default:
		return pd_err_set(err, PD_EINVAL, "%s: cannot be typed", f->label);
	}
}

/* A target as typed into field `f`, and the date it reads as (or none)
 * into field `date`. */
static int set_target(struct pd_record *r, int f, int date, const char *t)
{
	struct pd_date d;
	char iso[PD_DATE_ISO_SIZE];
	int rc = pd_set_text(r, f, t, (size_t)-1);

	if (rc != PD_OK || date < 0)
		return rc;
	if (*t && pd_date_parse(t, &d, NULL) == PD_OK) {
		pd_date_iso(&d, iso);
		return pd_set_text(r, date, iso, (size_t)-1);
	}
	return pd_set_text(r, date, NULL, 0);
}

static int apply(struct pd_txn *txn, struct pd_record *r, void *ctx,
		 struct pd_err *err)
{
	struct save *s = ctx;
	struct form *fm = s->fm;
	uint64_t id;
	int rc;

	s->bad = -1;
	if (!fm->id) {
		pd_record_clear(r);
		if (pd_record_copy(r, &fm->preset))
			return pd_err_nomem(err);
		r->id = 0;
		position_last(txn, r);
	}
	for (int i = 0; i < fm->nf; i++) {
		const struct ff *f = &fm->f[i];
		const char *t = s->v[i].p;

		if (!s->set[i])
			continue;
		s->bad = i;
		switch (f->fd->widget) {
		case PD_W_LINK:
			if ((rc = find_link(txn, fm, f, t, &id, err)) != PD_OK)
				return rc;
			rc = pd_set_ref(r, f->field, id);
			break;
		case PD_W_OWNERS:
			if ((rc = pd_set_text(r, f->field, t, (size_t)-1)) == PD_OK)
				rc = set_owners(txn, r, pd_field_also(fm->ki, f->field), t, err);
			break;
		case PD_W_TARGET:
			rc = set_target(r, f->field, pd_field_also(fm->ki, f->field), t);
			break;
		case PD_W_STATE:
			rc = pd_action_set_state(r, strcasecmp(t, "done") == 0 ? PD_AS_DONE
						 : strcasecmp(t, "dropped") == 0 ? PD_AS_DROPPED
						 : PD_AS_OPEN, &s->a->today);
			break;
		default:
			rc = pd_set_text(r, f->field, t, (size_t)-1);
			break;
		}
		if (rc)
			return pd_err_set(err, rc, "%s", pd_strerror(rc));
	}
	s->bad = -1;
	ui_rec_label(fm->id ? "edit" : "add", r, s->label, sizeof s->label);
	pd_txn_set_label(txn, "%s", s->label);
	return PD_OK;
}

int form_save(struct form *fm, struct app *a, uint64_t *new_id)
{
	struct save *s = calloc(1, sizeof *s);
	struct pd_err err = { 0 };
	int rc;

	if (!s)
		return -1;
	s->fm = fm;
	s->a = a;
	for (int i = 0; i < fm->nf; i++) {
		if (check(fm, a, i, &s->v[i])) {
			free(s);
			return -1;
		}
		s->set[i] = strcmp(fm->f[i].le.s, fm->f[i].orig) != 0;
	}
	rc = ui_write_apply(a, fm->kind, fm->id, apply, s,
			    fm->id ? "edit" : "add", new_id, &err);
	if (rc != PD_OK) {
		if (s->bad >= 0)
			fm->cur = s->bad;
		app_msg(a, UI_R_ERROR, "Not saved: %s", err.msg);
		free(s);
		return -1;
	}
	snprintf(fm->saved, sizeof fm->saved, "%s", s->label);
	free(s);
	return 0;
}
