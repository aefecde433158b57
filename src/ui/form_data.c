/*
 * form_data.c — a form's values: which fields a kind shows, their text as
 * loaded from the record, and checking and saving them (form_impl.h).
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

struct spec { int field; enum ff_how how; };

#define END { -1, FF_TEXT }
static const struct spec org_spec[] = {
	{ PD_ORG_NAME, FF_TEXT }, { PD_ORG_OVERVIEW, FF_LONG },
	{ PD_ORG_SERVICES, FF_LONG }, { PD_ORG_REFERRAL, FF_LONG },
	{ PD_ORG_PHONE, FF_TEXT }, { PD_ORG_EMAIL, FF_TEXT },
	{ PD_ORG_WEBSITE, FF_TEXT }, { PD_ORG_ADDRESS, FF_LONG },
	{ PD_ORG_TAGS, FF_TEXT }, { PD_ORG_VERIFIED, FF_DATE },
	{ PD_ORG_NOTES, FF_LONG }, END,
};
static const struct spec person_spec[] = {
	{ PD_PERSON_NAME, FF_TEXT }, { PD_PERSON_INITIALS, FF_TEXT },
	{ PD_PERSON_ROLE, FF_TEXT }, { PD_PERSON_ORG, FF_ORG },
	{ PD_PERSON_PHONE, FF_TEXT }, { PD_PERSON_MOBILE, FF_TEXT },
	{ PD_PERSON_EMAIL, FF_TEXT }, { PD_PERSON_VERIFIED, FF_DATE },
	{ PD_PERSON_NOTES, FF_LONG }, END,
};
static const struct spec plan_spec[] = {
	{ PD_PLAN_REF, FF_TEXT }, { PD_PLAN_TITLE, FF_TEXT },
	{ PD_PLAN_START, FF_DATE }, { PD_PLAN_END, FF_DATE },
	{ PD_PLAN_SCALE, FF_SCALE }, { PD_PLAN_BODY, FF_LONG }, END,
};
static const struct spec theme_spec[] = { { PD_THEME_NAME, FF_TEXT }, END };
static const struct spec item_spec[] = {
	{ PD_ITEM_REF, FF_TEXT }, { PD_ITEM_TITLE, FF_LONG },
	{ PD_ITEM_THEME, FF_THEME }, { PD_ITEM_PARENT, FF_PARENT },
	{ PD_ITEM_LEAD, FF_TEXT }, { PD_ITEM_TARGET, FF_TARGET },
	{ PD_ITEM_COMPLETED, FF_DATE }, { PD_ITEM_STATUS, FF_STATUS },
	{ PD_ITEM_DESCRIPTION, FF_LONG }, END,
};
static const struct spec action_spec[] = {
	{ PD_ACTION_TEXT, FF_LONG }, { PD_ACTION_OWNER, FF_OWNER },
	{ PD_ACTION_DUE, FF_DATE }, { PD_ACTION_STATE, FF_STATE },
	{ PD_ACTION_CLOSED, FF_DATE }, END,
};
static const struct spec update_spec[] = {
	{ PD_UPDATE_DATE, FF_DATE }, { PD_UPDATE_TEXT, FF_LONG },
	{ PD_UPDATE_STATUS, FF_STATUS }, { PD_UPDATE_AUTHOR, FF_TEXT }, END,
};
static const struct spec meeting_spec[] = {
	{ PD_MEETING_DATE, FF_DATE }, { PD_MEETING_TITLE, FF_TEXT },
	{ PD_MEETING_LOCATION, FF_TEXT }, { PD_MEETING_NEXT, FF_DATE },
	{ PD_MEETING_NOTES, FF_LONG }, END,
};
static const struct spec *const specs[PD_NKINDS] = {
	[PD_ORG] = org_spec, [PD_PERSON] = person_spec, [PD_PLAN] = plan_spec,
	[PD_THEME] = theme_spec, [PD_ITEM] = item_spec, [PD_ACTION] = action_spec,
	[PD_UPDATE] = update_spec, [PD_MEETING] = meeting_spec,
};

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

/* The text a field shows for record `r`. */
static void field_text(struct form *fm, struct pd_txn *txn,
		       const struct pd_record *r, const struct ff *f, char *buf,
		       size_t n)
{
	const struct pd_level *lv;
	struct pd_record o;
	uint64_t ref;

	buf[0] = '\0';
	switch (f->how) {
	case FF_STATUS:
		lv = pd_scale_level(fm->sc, pd_get_text(r, f->field));
		if (lv)
			snprintf(buf, n, "%s %s", lv->code, lv->label);
		else
			snprintf(buf, n, "%s", pd_get_text(r, f->field));
		return;
	case FF_ORG: case FF_THEME: case FF_PARENT:
		if (!(ref = pd_get_ref(r, f->field)))
			return;
		pd_record_init(&o, f->how == FF_ORG ? PD_ORG
				   : f->how == FF_THEME ? PD_THEME : PD_ITEM);
		if (pd_get(txn, o.kind, ref, &o, NULL) == PD_OK)
			snprintf(buf, n, "%s", pd_get_text(&o, f->how == FF_ORG ? PD_ORG_NAME
					: f->how == FF_THEME ? PD_THEME_NAME : PD_ITEM_REF));
		pd_record_clear(&o);
		return;
	case FF_OWNER:
		ui_action_owner(txn, r, buf, n);
		return;
	default:
		snprintf(buf, n, "%s", pd_get_text(r, f->field));
		return;
	}
}

int form_load(struct form *fm, struct app *a)
{
	const struct pd_kind_info *ki = pd_kind_info(fm->kind);
	const struct spec *sp = specs[fm->kind];
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
	for (fm->nf = 0; rc == 0 && sp[fm->nf].field >= 0; fm->nf++) {
		struct ff *f = &fm->f[fm->nf];
		const struct pd_field *fd = &ki->fields[sp[fm->nf].field];

		f->field = sp[fm->nf].field;
		f->how = sp[fm->nf].how;
		f->required = fd->flags & PD_F_REQUIRED;
		snprintf(f->label, sizeof f->label, "%c%s", fd->name[0] - 32, fd->name + 1);
		field_text(fm, txn, &r, f, buf, 65536);
		if (!fm->id && f->field == PD_UPDATE_DATE && fm->kind == PD_UPDATE && !buf[0])
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

	if (f->how != FF_LONG) {
		trim(f->le.s);
		f->le.n = strlen(f->le.s);
		f->le.cur = f->le.n;
	}
	v->p = f->le.s;
	if (f->required && !f->le.s[0])
		return fail(fm, a, i, "required");
	if (!f->le.s[0])
		return 0;
	switch (f->how) {
	case FF_DATE:
		if (strcasecmp(f->le.s, "today") == 0)
			d = a->today;
		else if (pd_date_parse(f->le.s, &d, &err) != PD_OK)
			return fail(fm, a, i, err.msg);
		pd_date_iso(&d, v->text);
		v->p = v->text;
		return 0;
	case FF_STATUS:
		if (pd_scale_parse(fm->sc, f->le.s, &code, &err) != PD_OK)
			return fail(fm, a, i, err.msg);
		snprintf(v->text, sizeof v->text, "%s", code);
		v->p = v->text;
		return 0;
	case FF_SCALE:
		if (!pd_scale_known(f->le.s))
			return fail(fm, a, i, "use 1-4 or rag");
		return 0;
	case FF_STATE:
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
		return pd_err_set(err, PD_ENOMEM, "out of memory");
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
		rc = pd_err_set(err, PD_ENOMEM, "out of memory");
	else if ((rc = pd_put(txn, &t, err)) == PD_OK)
		*id = t.id;
	pd_record_clear(&t);
	return rc;
}

/* Owners: each name or initials between ; , / & is looked up. */
static int set_owners(struct pd_txn *txn, struct pd_record *r, const char *text,
		      struct pd_err *err)
{
	const char *p = text;

	while (pd_refs_count(r, PD_ACTION_OWNERS))
		pd_refs_remove(r, PD_ACTION_OWNERS, pd_refs_at(r, PD_ACTION_OWNERS, 0));
	while (*p) {
		size_t n = strcspn(p, ";,/&");
		uint64_t id;

		if (n && pd_people_match(txn, p, n, NULL, 0, &id, NULL) == PD_OK &&
		    pd_refs_add(r, PD_ACTION_OWNERS, id))
			return pd_err_set(err, PD_ENOMEM, "out of memory");
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

static int apply(struct pd_txn *txn, struct pd_record *r, void *ctx,
		 struct pd_err *err)
{
	struct save *s = ctx;
	struct form *fm = s->fm;
	struct pd_date d;
	uint64_t id;
	int rc;

	s->bad = -1;
	if (!fm->id) {
		pd_record_clear(r);
		if (pd_record_copy(r, &fm->preset))
			return pd_err_set(err, PD_ENOMEM, "out of memory");
		r->id = 0;
		position_last(txn, r);
	}
	for (int i = 0; i < fm->nf; i++) {
		const struct ff *f = &fm->f[i];
		const char *t = s->v[i].p;

		if (!s->set[i])
			continue;
		s->bad = i;
		switch (f->how) {
		case FF_ORG:
			id = 0;
			if (*t && pd_find_org(txn, t, &id) != PD_OK)
				return pd_err_set(err, PD_EINVAL, "no organisation called "
						  "\"%s\" in the directory", t);
			rc = pd_set_ref(r, f->field, id);
			break;
		case FF_THEME:
			id = 0;
			if (*t && (rc = find_theme(txn, fm->plan, t, &id, err)))
				return rc;
			rc = pd_set_ref(r, f->field, id);
			break;
		case FF_PARENT:
			id = 0;
			if (*t && pd_find_item(txn, fm->plan, t, &id) != PD_OK)
				return pd_err_set(err, PD_EINVAL, "no item \"%s\" in this plan", t);
			if (id && id == fm->id)
				return pd_err_set(err, PD_EINVAL, "an item cannot be its own parent");
			rc = pd_set_ref(r, f->field, id);
			break;
		case FF_OWNER:
			if ((rc = pd_set_text(r, f->field, t, (size_t)-1)) == PD_OK)
				rc = set_owners(txn, r, t, err);
			break;
		case FF_TARGET:
			rc = pd_set_text(r, f->field, t, (size_t)-1);
			if (rc == PD_OK && *t && pd_date_parse(t, &d, NULL) == PD_OK) {
				char iso[PD_DATE_ISO_SIZE];
				pd_date_iso(&d, iso);
				rc = pd_set_text(r, PD_ITEM_TARGET_DATE, iso, (size_t)-1);
			} else if (rc == PD_OK) {
				rc = pd_set_text(r, PD_ITEM_TARGET_DATE, NULL, 0);
			}
			break;
		case FF_STATE:
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
