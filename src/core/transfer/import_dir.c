/*
 * import_dir.c — importing the directory: organisations (keyed by name)
 * and people (keyed by e-mail address, else by name and organisation),
 * with the people's organisations created when they are new.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "transfer_impl.h"

int pd_imp_org(struct pd_imp *imp)
{
	const struct pd_kind_info *ki = pd_colmap_kind(&imp->map);
	struct pd_cell c[PD_COLS_MAX];
	uint64_t id = 0;
	int rc;

	pd_cells_get(&imp->map, &imp->row, c);
	if (!c[PD_ORG_NAME].n)
		return pd_imp_fail(imp, c[PD_ORG_NAME].field, PD_EINVAL,
				   "name: an organisation needs a name");
	rc = pd_find_org(imp->txn, c[PD_ORG_NAME].s, &id);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return pd_imp_fail(imp, c[PD_ORG_NAME].field, rc, "%s", pd_strerror(rc));
	if ((rc = pd_imp_begin(imp, PD_ORG, id)) != PD_OK ||
	    (rc = pd_imp_fields(imp, ki, c)) != PD_OK)
		return rc;
	return pd_imp_store(imp, id != 0, NULL);
}

/*
 * Google's multi-valued cells, "a ::: b": the first value stays in the
 * field and the rest go to the notes as "label: b".  The cell is cut in
 * place (the row's bytes are the reader's working copy).
 */
static int split_multi(struct pd_imp *imp, struct pd_cell *c, const char *label,
		       struct pd_buf *notes)
{
	const char *sep;

	if (!c->multi || !(sep = strstr(c->s, " ::: ")))
		return PD_OK;
	if ((notes->n && pd_buf_putc(notes, '\n') != PD_OK) ||
	    pd_buf_printf(notes, "%s: %s", label, sep + 5) != PD_OK)
		return pd_err_nomem(imp->err);
	c->n = (size_t)(sep - c->s);
	((char *)c->s)[c->n] = '\0';
	return PD_OK;
}

/* "First Middle Last" into `out`, skipping empty parts. */
static int compose_name(struct pd_imp *imp, const struct pd_cell *c,
			struct pd_buf *out)
{
	static const int parts[] = { PC_FIRST, PC_MIDDLE, PC_LAST };

	pd_buf_reset(out);
	for (size_t i = 0; i < 3; i++) {
		const struct pd_cell *p = &c[parts[i]];
		if (!p->n)
			continue;
		if ((out->n && pd_buf_putc(out, ' ') != PD_OK) ||
		    pd_buf_add(out, p->s, p->n) != PD_OK)
			return pd_err_nomem(imp->err);
	}
	return PD_OK;
}

/*
 * The notes of a row: the notes column, then what has no field of its
 * own — every multi-valued cell's other values ("phone: …"), cut from
 * the cell, and a web page.
 */
static int gather_notes(struct pd_imp *imp, const struct pd_kind_info *ki,
			struct pd_cell *c, struct pd_buf *notes)
{
	struct pd_col cols[PD_COLS_MAX];
	size_t n = pd_columns(ki, true, cols);
	int rc;

	pd_buf_reset(notes);
	if (ki->notes >= 0 && c[ki->notes].n &&
	    pd_buf_add(notes, c[ki->notes].s, c[ki->notes].n) != PD_OK)
		return pd_err_nomem(imp->err);
	for (size_t i = 0; i < n; i++)
		if ((rc = split_multi(imp, &c[cols[i].id], cols[i].name, notes)) != PD_OK)
			return rc;
	if (c[PC_WEB].n && (((notes->n && pd_buf_putc(notes, '\n') != PD_OK)) ||
			    pd_buf_printf(notes, "web page: %s", c[PC_WEB].s) != PD_OK))
		return pd_err_nomem(imp->err);
	return PD_OK;
}

/*
 * Organisations by the name as typed: a people file names the same few
 * organisations over and over, so remember each one's id rather than
 * fold and look its name up again on every row.  imp->orgs maps the
 * name's hash to a malloc'd struct orgname.
 */
struct orgname {
	uint64_t id;
	char     name[];
};

static void free_orgname(uint64_t v)
{
	free((struct orgname *)(uintptr_t)v);
}

void pd_imp_orgs_free(struct pd_imp *imp)
{
	pd_u64map_free(&imp->orgs, free_orgname);
}

static bool orgs_find(struct pd_imp *imp, const char *name, uint64_t *id)
{
	uint64_t v, h = pd_u64map_hash(name, strlen(name));
	size_t it = 0;

	while (pd_u64map_next(&imp->orgs, h, &it, &v)) {
		const struct orgname *e = (const struct orgname *)(uintptr_t)v;
		if (strcmp(e->name, name) == 0) {
			*id = e->id;
			return true;
		}
	}
	return false;
}

static int orgs_remember(struct pd_imp *imp, const char *name, uint64_t id)
{
	size_t len = strlen(name);
	struct orgname *e = malloc(sizeof *e + len + 1);

	if (!e)
		return pd_err_nomem(imp->err);
	e->id = id;
	memcpy(e->name, name, len + 1);
	if (pd_u64map_add(&imp->orgs, pd_u64map_hash(name, len), (uintptr_t)e) != PD_OK) {
		free(e);
		return pd_err_nomem(imp->err);
	}
	return PD_OK;
}

/* The organisation called `c`, created when it is new. */
static int person_org(struct pd_imp *imp, const struct pd_cell *c, uint64_t *id)
{
	struct pd_record org;
	int rc;

	*id = 0;
	if (!c->n)
		return PD_OK;
	if (orgs_find(imp, c->s, id))
		return PD_OK;
	rc = pd_find_org(imp->txn, c->s, id);
	if (rc == PD_OK)
		return orgs_remember(imp, c->s, *id);
	if (rc != PD_NOTFOUND)
		return pd_imp_fail(imp, c->field, rc, "%s", pd_strerror(rc));
	pd_record_init(&org, PD_ORG);
	if (pd_set_text(&org, PD_ORG_NAME, c->s, c->n) != PD_OK)
		return pd_err_nomem(imp->err);
	rc = pd_put(imp->txn, &org, imp->err);
	*id = org.id;
	pd_record_clear(&org);
	if (rc != PD_OK)
		return pd_imp_place(imp, c->field, rc, "organisation");
	imp->st.orgs_created++;
	return orgs_remember(imp, c->s, *id);
}

/*
 * A person: the table's text and date fields, and three hooks — the name
 * (whole, or in parts), the organisation (by name, created when new) and
 * the notes (gather_notes).  Keyed by e-mail, else by name and
 * organisation.
 */
int pd_imp_person(struct pd_imp *imp)
{
	const struct pd_kind_info *ki = pd_colmap_kind(&imp->map);
	struct pd_cell c[PD_COLS_MAX];
	struct pd_buf *name = &imp->tmp, *notes = &imp->tmp2;
	const char *nm;
	uint64_t org = 0, id = 0;
	bool changed;
	int rc;

	pd_cells_get(&imp->map, &imp->row, c);
	if ((rc = gather_notes(imp, ki, c, notes)) != PD_OK)
		return rc;
	if (c[PD_PERSON_NAME].n) {
		nm = c[PD_PERSON_NAME].s;
	} else {
		if ((rc = compose_name(imp, c, name)) != PD_OK)
			return rc;
		nm = name->n ? name->p : "";
	}
	if (!*nm)
		return pd_imp_fail(imp, c[PD_PERSON_NAME].field, PD_EINVAL,
				   "name: a person needs a name");
	if ((rc = person_org(imp, &c[PD_PERSON_ORG], &org)) != PD_OK)
		return rc;
	if (c[PD_PERSON_EMAIL].n) {
		rc = pd_find_person_email(imp->txn, c[PD_PERSON_EMAIL].s, &id);
		if (rc != PD_OK && rc != PD_NOTFOUND)
			return pd_imp_fail(imp, c[PD_PERSON_EMAIL].field, rc, "%s",
					   pd_strerror(rc));
	}
	if (!id) {
		rc = pd_imp_person_by_name(imp, nm, org, c[PD_PERSON_EMAIL].n > 0, &id);
		if (rc != PD_OK && rc != PD_NOTFOUND)
			return rc;
	}
	if ((rc = pd_imp_begin(imp, PD_PERSON, id)) != PD_OK ||
	    (rc = pd_imp_fields(imp, ki, c)) != PD_OK)
		return rc;
	if (pd_set_text(&imp->cur, PD_PERSON_NAME, nm, (size_t)-1) != PD_OK ||
	    (org && pd_set_ref(&imp->cur, PD_PERSON_ORG, org) != PD_OK) ||
	    (notes->n && pd_set_text(&imp->cur, ki->notes, notes->p, notes->n)))
		return pd_err_nomem(imp->err);
	if ((rc = pd_imp_store(imp, id != 0, &changed)) != PD_OK)
		return rc;
	if (changed)
		return pd_imp_person_keyed(imp, nm, pd_get_ref(&imp->cur, PD_PERSON_ORG),
					   pd_is_set(&imp->cur, PD_PERSON_EMAIL),
					   imp->cur.id);
	return PD_OK;
}
