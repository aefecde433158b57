/*
 * import_refs.c — the look-ups an import makes besides the store's unique
 * keys: people by name or initials (owners, attendance, leads), people by
 * name and organisation (the natural key of someone without an e-mail
 * address), themes by name, meetings by date, and actions and updates by
 * their text.
 *
 * The two people maps are built from the whole directory the first time a
 * row needs one, and live for one try of the write.
 */
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/text.h"
#include "transfer_impl.h"

/* --- people by folded name or initials ------------------------------------ */

struct dir_ent {
	char    *key;
	uint64_t id;
};

struct pd_dir {
	struct dir_ent *names, *inits;
	size_t          nnames, ninits;
};

static void dir_free(struct pd_dir *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nnames; i++)
		free(d->names[i].key);
	for (size_t i = 0; i < d->ninits; i++)
		free(d->inits[i].key);
	free(d->names);
	free(d->inits);
	free(d);
}

void pd_imp_refs_free(struct pd_imp *imp)
{
	dir_free(imp->dir);
	imp->dir = NULL;
	for (int i = 0; i < 2; i++) {
		pd_u64map_free(&imp->people[i], NULL);
		imp->people_ready[i] = false;
	}
}

static int ent_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dir_ent *)a)->key, ((const struct dir_ent *)b)->key);
}

static int fold(const char *s, size_t n, char **out)
{
	return pd_text_fold(s, n, out, NULL) == PD_OK ? PD_OK : PD_ENOMEM;
}

/* Append (folded text of field f, id) to *arr unless the field is empty. */
static int dir_add(struct dir_ent **arr, size_t *n, size_t *cap,
		   const struct pd_record *r, int f)
{
	if (!pd_is_set(r, f))
		return PD_OK;
	if (pd_grow(arr, cap, *n + 1, sizeof **arr, 64))
		return PD_ENOMEM;
	if (fold(pd_get_text(r, f), r->v[f].n, &(*arr)[*n].key) != PD_OK)
		return PD_ENOMEM;
	(*arr)[(*n)++].id = r->id;
	return PD_OK;
}

static int dir_build(struct pd_imp *imp)
{
	struct pd_dir *d = calloc(1, sizeof *d);
	struct pd_cursor *cur = NULL;
	struct pd_record r;
	size_t capn = 0, capi = 0;
	uint64_t id;
	int rc;

	if (!d)
		return pd_err_nomem(imp->err);
	imp->dir = d;
	if ((rc = pd_cursor_kind(imp->txn, PD_PERSON, 0, &cur, imp->err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &id, imp->err)) == PD_OK) {
		if ((rc = pd_get(imp->txn, PD_PERSON, id, &r, imp->err)) != PD_OK)
			break;
		rc = dir_add(&d->names, &d->nnames, &capn, &r, PD_PERSON_NAME);
		if (rc == PD_OK)
			rc = dir_add(&d->inits, &d->ninits, &capi, &r, PD_PERSON_INITIALS);
		pd_record_clear(&r);
		if (rc != PD_OK) {
			rc = pd_err_nomem(imp->err);
			break;
		}
	}
	pd_cursor_close(cur);
	if (rc != PD_NOTFOUND)
		return rc;
	if (d->nnames)
		qsort(d->names, d->nnames, sizeof *d->names, ent_cmp);
	if (d->ninits)
		qsort(d->inits, d->ninits, sizeof *d->inits, ent_cmp);
	return PD_OK;
}

/* PD_OK with *id for exactly one match; PD_NOTFOUND for none or several. */
static int dir_find(const struct dir_ent *arr, size_t n, const char *key,
		    uint64_t *id, bool *ambiguous)
{
	struct dir_ent probe = { (char *)key, 0 };
	const struct dir_ent *hit = n ? bsearch(&probe, arr, n, sizeof *arr, ent_cmp) : NULL;
	size_t lo, hi;

	if (!hit)
		return PD_NOTFOUND;
	lo = hi = (size_t)(hit - arr);
	while (lo > 0 && !strcmp(arr[lo - 1].key, key))
		lo--;
	while (hi + 1 < n && !strcmp(arr[hi + 1].key, key))
		hi++;
	for (size_t i = lo; i <= hi; i++) {
		if (arr[i].id != arr[lo].id) {
			*ambiguous = true;
			return PD_NOTFOUND;
		}
	}
	*id = arr[lo].id;
	return PD_OK;
}

int pd_imp_person_named(struct pd_imp *imp, const char *s, size_t n,
			uint64_t *id, bool *ambiguous)
{
	char *key;
	int rc;

	*ambiguous = false;
	if (!imp->dir && (rc = dir_build(imp)) != PD_OK)
		return rc;
	if (fold(s, n, &key) != PD_OK)
		return pd_err_nomem(imp->err);
	rc = dir_find(imp->dir->inits, imp->dir->ninits, key, id, ambiguous);
	if (rc == PD_NOTFOUND && !*ambiguous)
		rc = dir_find(imp->dir->names, imp->dir->nnames, key, id, ambiguous);
	free(key);
	return rc;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* One name of a list: matched to a person, or kept in `other`. */
static int list_name(struct pd_imp *imp, const struct pd_cell *c, int refs,
		     struct pd_buf *other, const char *s, size_t n, bool split)
{
	const char *slash;
	bool ambiguous;
	uint64_t id;
	int rc;

	trim(&s, &n);
	if (!n)
		return PD_OK;
	rc = pd_imp_person_named(imp, s, n, &id, &ambiguous);
	if (rc == PD_OK)
		return pd_refs_add(&imp->cur, refs, id) == PD_OK ? PD_OK :
			pd_err_nomem(imp->err);
	if (rc != PD_NOTFOUND)
		return rc;
	if (split && !ambiguous && (slash = memchr(s, '/', n))) {
		/* "KP/DD": each side on its own. */
		if ((rc = list_name(imp, c, refs, other, s, (size_t)(slash - s), false)))
			return rc;
		return list_name(imp, c, refs, other, slash + 1,
				 n - (size_t)(slash - s) - 1, true);
	}
	pd_imp_warn(imp, c->field, "\"%.*s\" %s; kept as typed", (int)n, s,
		    ambiguous ? "matches several people" : "matches no one in the directory");
	if (other && ((other->n && pd_buf_puts(other, "; ") != PD_OK) ||
		      pd_buf_add(other, s, n) != PD_OK))
		return pd_err_nomem(imp->err);
	return PD_OK;
}

int pd_imp_people_list(struct pd_imp *imp, const struct pd_cell *c, int refs,
		       struct pd_buf *other)
{
	const char *s = c->s, *end = c->s + c->n;
	int rc;

	if (other)
		pd_buf_reset(other);
	while (s < end) {
		const char *semi = memchr(s, ';', (size_t)(end - s));
		size_t n = semi ? (size_t)(semi - s) : (size_t)(end - s);
		if ((rc = list_name(imp, c, refs, other, s, n, true)) != PD_OK)
			return rc;
		s += n + 1;
	}
	return PD_OK;
}

/* --- people by name and organisation -------------------------------------- */

static uint64_t key_hash(const char *folded, uint64_t org)
{
	uint64_t h = pd_u64map_hash(folded, strlen(folded));

	for (int i = 0; i < 8; i++, org >>= 8)
		h = (h ^ (org & 0xFF)) * 1099511628211ull;
	return h ? h : 1;
}

static int keymap_add_person(struct pd_u64map *km, const char *name, size_t n,
			     uint64_t org, uint64_t id)
{
	char *key;
	int rc;

	if (fold(name, n, &key) != PD_OK)
		return PD_ENOMEM;
	rc = pd_u64map_add(km, key_hash(key, org), id);
	free(key);
	return rc;
}

/* Build map `which` (0: everybody, 1: those without an address; see
 * transfer_impl.h) from the people stored so far. */
static int keymap_build(struct pd_imp *imp, int which)
{
	struct pd_u64map *km = &imp->people[which];
	struct pd_cursor *cur = NULL;
	struct pd_record r;
	uint64_t id;
	int rc;

	imp->people_ready[which] = true;
	if ((rc = pd_cursor_kind(imp->txn, PD_PERSON, 0, &cur, imp->err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &id, imp->err)) == PD_OK) {
		if ((rc = pd_get(imp->txn, PD_PERSON, id, &r, imp->err)) != PD_OK)
			break;
		rc = which && pd_is_set(&r, PD_PERSON_EMAIL) ? PD_OK :
		     keymap_add_person(km, pd_get_text(&r, PD_PERSON_NAME),
				       r.v[PD_PERSON_NAME].n,
				       pd_get_ref(&r, PD_PERSON_ORG), id);
		pd_record_clear(&r);
		if (rc != PD_OK) {
			rc = pd_err_nomem(imp->err);
			break;
		}
	}
	pd_cursor_close(cur);
	return rc == PD_NOTFOUND ? PD_OK : rc;
}

int pd_imp_person_by_name(struct pd_imp *imp, const char *name, uint64_t org,
			  bool no_email, uint64_t *id)
{
	struct pd_u64map *km = &imp->people[no_email];
	struct pd_record r;
	char *key, *theirs;
	uint64_t hash, cand;
	size_t it = 0;
	int rc;

	if (!imp->people_ready[no_email] && (rc = keymap_build(imp, no_email)) != PD_OK)
		return rc;
	if (!km->n)
		return PD_NOTFOUND;
	if (fold(name, strlen(name), &key) != PD_OK)
		return pd_err_nomem(imp->err);
	hash = key_hash(key, org);
	rc = PD_NOTFOUND;
	while (rc == PD_NOTFOUND && pd_u64map_next(km, hash, &it, &cand)) {
		/* Check the record itself: the hash may collide or be stale. */
		if (pd_get(imp->txn, PD_PERSON, cand, &r, NULL) != PD_OK)
			continue;
		if (pd_get_ref(&r, PD_PERSON_ORG) == org &&
		    (!no_email || !pd_is_set(&r, PD_PERSON_EMAIL)) &&
		    fold(pd_get_text(&r, PD_PERSON_NAME), r.v[PD_PERSON_NAME].n,
			 &theirs) == PD_OK) {
			if (!strcmp(theirs, key)) {
				*id = cand;
				rc = PD_OK;
			}
			free(theirs);
		}
		pd_record_clear(&r);
	}
	free(key);
	return rc;
}

/* A map not built yet will find the person in the table when it is. */
int pd_imp_person_keyed(struct pd_imp *imp, const char *name, uint64_t org,
			bool has_email, uint64_t id)
{
	for (int which = 0; which < 2; which++)
		if (imp->people_ready[which] && !(which && has_email) &&
		    keymap_add_person(&imp->people[which], name, strlen(name), org,
				      id) != PD_OK)
			return pd_err_nomem(imp->err);
	return PD_OK;
}

/* --- themes, meetings, actions, updates ----------------------------------- */

int pd_imp_child_with(struct pd_imp *imp, enum pd_index ix, uint64_t parent,
		      int f1, const char *v1, int f2, const char *v2,
		      uint64_t *id)
{
	enum pd_kind kind;
	struct pd_cursor *cur;
	struct pd_record r;
	uint64_t cid;
	int rc;

	switch (ix) {
	case PD_IX_THEMES_BY_PLAN:   kind = PD_THEME; break;
	case PD_IX_ACTIONS_BY_ITEM:  kind = PD_ACTION; break;
	case PD_IX_UPDATES_BY_ITEM:  kind = PD_UPDATE; break;
	case PD_IX_MEETINGS_BY_PLAN: kind = PD_MEETING; break;
	default: return pd_err_set(imp->err, PD_EINVAL, "no such look-up");
	}
	if ((rc = pd_cursor_index(imp->txn, ix, parent, 0, &cur, imp->err)) != PD_OK)
		return rc;
	while ((rc = pd_cursor_next(cur, &cid, imp->err)) == PD_OK) {
		bool same;
		if ((rc = pd_get(imp->txn, kind, cid, &r, imp->err)) != PD_OK)
			break;
		same = !strcmp(pd_get_text(&r, f1), v1) &&
		       (f2 < 0 || !strcmp(pd_get_text(&r, f2), v2));
		pd_record_clear(&r);
		if (same) {
			*id = cid;
			break;
		}
	}
	pd_cursor_close(cur);
	return rc;
}

int pd_imp_meeting_on(struct pd_imp *imp, uint64_t plan, const char *date,
		      uint64_t *id)
{
	return pd_imp_child_with(imp, PD_IX_MEETINGS_BY_PLAN, plan, PD_MEETING_DATE,
				 date, -1, NULL, id);
}

int pd_imp_theme(struct pd_imp *imp, uint64_t plan, const struct pd_cell *c,
		 uint64_t *id)
{
	struct pd_cursor *cur;
	struct pd_record r;
	char *want, *theirs;
	size_t n = 0;
	uint64_t tid;
	int rc;

	if (fold(c->s, c->n, &want) != PD_OK)
		return pd_err_nomem(imp->err);
	if ((rc = pd_cursor_index(imp->txn, PD_IX_THEMES_BY_PLAN, plan, 0, &cur,
				  imp->err)) != PD_OK) {
		free(want);
		return rc;
	}
	while ((rc = pd_cursor_next(cur, &tid, imp->err)) == PD_OK) {
		bool same = false;
		n++;
		if ((rc = pd_get(imp->txn, PD_THEME, tid, &r, imp->err)) != PD_OK)
			break;
		if (fold(pd_get_text(&r, PD_THEME_NAME), r.v[PD_THEME_NAME].n,
			 &theirs) == PD_OK) {
			same = !strcmp(want, theirs);
			free(theirs);
		}
		pd_record_clear(&r);
		if (same) {
			*id = tid;
			break;
		}
	}
	pd_cursor_close(cur);
	free(want);
	if (rc != PD_NOTFOUND)
		return rc;
	/* A new theme, last in the plan. */
	pd_record_init(&r, PD_THEME);
	if (pd_set_ref(&r, PD_THEME_PLAN, plan) ||
	    pd_set_text(&r, PD_THEME_NAME, c->s, c->n) ||
	    pd_set_int(&r, PD_THEME_POSITION, (int64_t)n + 1)) {
		pd_record_clear(&r);
		return pd_err_nomem(imp->err);
	}
	rc = pd_put(imp->txn, &r, imp->err);
	*id = r.id;
	pd_record_clear(&r);
	if (rc != PD_OK)
		return pd_imp_place(imp, c->field, rc, "theme");
	imp->st.themes_created++;
	return PD_OK;
}
