/*
 * import_vcard.c — people from a vCard file: each card becomes one row of
 * the people columns (name, initials, role, organisation, phone, mobile,
 * email, notes, verified, and first/middle/last name), which the CSV
 * import's own person handler (import_dir.c) then upserts, so a vCard and
 * a CSV file of the same people give the same records.
 *
 *	FN		name (else N: given, additional, family)
 *	ORG		organisation; its units go to the notes
 *	TITLE		role (ROLE when there is no TITLE)
 *	TEL		CELL: mobile; FAX, PAGER: notes; any other: phone,
 *			a WORK number first; the rest to the notes
 *	EMAIL		the first: email; the others to the notes
 *	NOTE		notes, first
 *	ADR, URL	notes ("address: …", "web page: …")
 *	X-PLANDESK-INITIALS, X-PLANDESK-VERIFIED	initials, verified
 *
 * VERSION, PRODID, REV, UID and KIND say nothing about the person and pass
 * silently; anything else (PHOTO, BDAY, CATEGORIES, X-…) is named in one
 * warning for the whole file.  Messages are placed "FILE:LINE: " at the
 * property a value came from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plandesk/transfer/vcard.h"
#include "transfer_impl.h"

#define NCOLS PC_N

struct pd_vcimp {
	struct pd_buf  col[NCOLS];    /* this card's values */
	char          *f[NCOLS];
	size_t         len[NCOLS];
	struct pd_buf  role2;         /* ROLE, used when there is no TITLE */
	unsigned long  role2_line;
	unsigned       phone_types;   /* types of the number in `phone` */
	struct pd_buf  extra;         /* notes after NOTE: "e-mail: …" lines */
	struct pd_buf  tmp;
	struct pd_buf  ignored;       /* "PHOTO, BDAY": property names */
	size_t         nignored;
	unsigned long  ignored_line;  /* where the first was */
	unsigned long  fallback_line; /* the first value read as the default
					 charset */
	bool           nomem;         /* a value could not be kept */
};

int pd_imp_vcard_start(struct pd_imp *imp)
{
	struct pd_colmap *map = &imp->map;

	if (!imp->vci && !(imp->vci = calloc(1, sizeof *imp->vci)))
		return pd_err_nomem(imp->err);
	/* Column i of the row is the people column i. */
	memset(map->nsrc, 0, sizeof map->nsrc);
	map->kind = PD_PERSON;
	map->ncols = NCOLS;
	map->nfile = NCOLS;
	map->raw = true;
	for (int i = 0; i < NCOLS; i++) {
		map->nsrc[i] = 1;
		map->src[i][0] = (struct pd_colsrc){ i, 0, false };
	}
	imp->by_line = true;
	return PD_OK;
}

void pd_imp_vcard_reset(struct pd_imp *imp)
{
	struct pd_vcimp *v = imp->vci;

	if (!v)
		return;
	pd_buf_reset(&v->ignored);
	v->nignored = 0;
	v->ignored_line = v->fallback_line = 0;
}

void pd_imp_vcard_free(struct pd_imp *imp)
{
	struct pd_vcimp *v = imp->vci;

	if (!v)
		return;
	for (int i = 0; i < NCOLS; i++)
		pd_buf_free(&v->col[i]);
	pd_buf_free(&v->role2);
	pd_buf_free(&v->extra);
	pd_buf_free(&v->tmp);
	pd_buf_free(&v->ignored);
	free(v);
	imp->vci = NULL;
}

/* --- one card ------------------------------------------------------------ */

static void card_clear(struct pd_imp *imp, unsigned long line)
{
	struct pd_vcimp *v = imp->vci;

	for (int i = 0; i < NCOLS; i++) {
		pd_buf_reset(&v->col[i]);
		imp->field_line[i] = 0;
	}
	pd_buf_reset(&v->role2);
	pd_buf_reset(&v->extra);
	v->phone_types = 0;
	v->nomem = false;
	imp->row.line = line;
}

/* Put the (unescaped) text in v->tmp into column `c` if it is empty. */
static bool take(struct pd_imp *imp, int c, const struct pd_vcard_prop *p)
{
	struct pd_vcimp *v = imp->vci;

	if (v->col[c].n || !v->tmp.n)
		return false;
	if (pd_buf_add(&v->col[c], v->tmp.p, v->tmp.n) != PD_OK) {
		v->nomem = true;   /* finish_card reports it */
		return true;
	}
	imp->field_line[c] = p->line;
	return true;
}

/* A line "label: text" (v->tmp) for the notes. */
static int extra(struct pd_imp *imp, const char *label)
{
	struct pd_vcimp *v = imp->vci;

	if (!v->tmp.n)
		return PD_OK;
	if ((v->extra.n && pd_buf_putc(&v->extra, '\n') != PD_OK) ||
	    pd_buf_printf(&v->extra, "%s: %s", label, v->tmp.p) != PD_OK)
		return pd_err_nomem(imp->err);
	return PD_OK;
}

/* v->tmp = value (or component `comp`) of `p`, unescaped and trimmed. */
static int text(struct pd_imp *imp, const struct pd_vcard_prop *p, size_t comp)
{
	struct pd_buf *t = &imp->vci->tmp;
	size_t a = 0;

	pd_buf_reset(t);
	if (pd_vcard_text(p, comp, t) == PD_ENOMEM)
		return pd_err_nomem(imp->err);
	if (!t->p && pd_buf_reserve(t, 1) != PD_OK)
		return pd_err_nomem(imp->err);
	/* CRLF or CR (from quoted-printable "=0D=0A") is a line break */
	size_t k = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (t->p[i] == '\r' && i + 1 < t->n && t->p[i + 1] == '\n')
			continue;
		t->p[k++] = t->p[i] == '\r' ? '\n' : t->p[i];
	}
	t->n = k;
	while (a < t->n && (t->p[a] == ' ' || t->p[a] == '\t'))
		a++;
	while (t->n > a && (t->p[t->n - 1] == ' ' || t->p[t->n - 1] == '\t' ||
			    t->p[t->n - 1] == '\n'))
		t->n--;
	memmove(t->p, t->p + a, t->n - a);
	t->n -= a;
	t->p[t->n] = '\0';
	return PD_OK;
}

static const char *type_label(unsigned types)
{
	if (types & PD_VC_HOME)
		return "home";
	if (types & PD_VC_WORK)
		return "work";
	return "other";
}

static int tel(struct pd_imp *imp, const struct pd_vcard_prop *p)
{
	struct pd_vcimp *v = imp->vci;
	char label[32];
	int rc;

	if ((rc = text(imp, p, PD_VCARD_WHOLE)) != PD_OK)
		return rc;
	if (!strncasecmp(v->tmp.p, "tel:", 4)) {   /* 4.0: VALUE=uri */
		memmove(v->tmp.p, v->tmp.p + 4, v->tmp.n - 3);
		v->tmp.n -= 4;
	}
	if (p->types & (PD_VC_FAX | PD_VC_PAGER))
		return extra(imp, p->types & PD_VC_FAX ? "fax" : "pager");
	if (p->types & PD_VC_CELL)
		return take(imp, PD_PERSON_MOBILE, p) ? PD_OK : extra(imp, "mobile");
	/* A work number displaces another in `phone`, which goes to the notes. */
	if (v->col[PD_PERSON_PHONE].n && (p->types & PD_VC_WORK) &&
	    !(v->phone_types & PD_VC_WORK)) {
		struct pd_buf keep = v->tmp;
		v->tmp = v->col[PD_PERSON_PHONE];
		v->col[PD_PERSON_PHONE] = keep;
		imp->field_line[PD_PERSON_PHONE] = p->line;
		snprintf(label, sizeof label, "phone (%s)", type_label(v->phone_types));
		v->phone_types = p->types;
		return extra(imp, label);
	}
	if (take(imp, PD_PERSON_PHONE, p)) {
		v->phone_types = p->types;
		return PD_OK;
	}
	snprintf(label, sizeof label, "phone (%s)", type_label(p->types));
	return extra(imp, label);
}

/* ADR: its non-empty components joined by ", ". */
static int adr(struct pd_imp *imp, const struct pd_vcard_prop *p)
{
	struct pd_vcimp *v = imp->vci;
	struct pd_buf all = PD_BUF_INIT;
	int rc = PD_OK;

	for (size_t i = 0; i < 7 && rc == PD_OK; i++) {
		if ((rc = text(imp, p, i)) != PD_OK || !v->tmp.n)
			continue;
		for (char *c = v->tmp.p; *c; c++)
			if (*c == '\n')
				*c = ' ';
		if ((all.n && pd_buf_add(&all, ", ", 2) != PD_OK) ||
		    pd_buf_add(&all, v->tmp.p, v->tmp.n) != PD_OK)
			rc = pd_err_nomem(imp->err);
	}
	if (rc == PD_OK && all.n) {
		pd_buf_reset(&v->tmp);
		rc = pd_buf_add(&v->tmp, all.p, all.n) == PD_OK ?
			extra(imp, p->types & PD_VC_HOME ? "address (home)" : "address") :
			pd_err_nomem(imp->err);
	}
	pd_buf_free(&all);
	return rc;
}

static int ignore(struct pd_imp *imp, const struct pd_vcard_prop *p)
{
	struct pd_vcimp *v = imp->vci;
	size_t n = strlen(p->name);

	/* each name once: search the list ", NAME," */
	for (const char *s = v->ignored.p; s && (s = strstr(s, p->name)); s += n)
		if ((s == v->ignored.p || s[-1] == ' ') && (s[n] == ',' || !s[n]))
			return PD_OK;
	if (!v->nignored++)
		v->ignored_line = p->line;
	if (pd_buf_printf(&v->ignored, "%s%s", v->ignored.n ? ", " : "", p->name) != PD_OK)
		return pd_err_nomem(imp->err);
	return PD_OK;
}

static int property(struct pd_imp *imp, const struct pd_vcard_prop *p)
{
	struct pd_vcimp *v = imp->vci;
	const char *n = p->name;
	int rc = PD_OK;

	if (p->fallback && !v->fallback_line)
		v->fallback_line = p->line;
	if (!strcmp(n, "FN")) {
		if ((rc = text(imp, p, PD_VCARD_WHOLE)) == PD_OK)
			take(imp, PD_PERSON_NAME, p);
	} else if (!strcmp(n, "N")) {
		static const int parts[3][2] = {
			{ 0, PC_LAST }, { 1, PC_FIRST }, { 2, PC_MIDDLE } };
		for (int i = 0; i < 3 && rc == PD_OK; i++)
			if ((rc = text(imp, p, (size_t)parts[i][0])) == PD_OK)
				take(imp, parts[i][1], p);
	} else if (!strcmp(n, "ORG")) {
		if ((rc = text(imp, p, 0)) == PD_OK && !take(imp, PD_PERSON_ORG, p))
			rc = extra(imp, "organisation");
		for (size_t i = 1; rc == PD_OK && text(imp, p, i) == PD_OK && v->tmp.n; i++)
			rc = extra(imp, "department");
	} else if (!strcmp(n, "TITLE")) {
		if ((rc = text(imp, p, PD_VCARD_WHOLE)) == PD_OK && !take(imp, PD_PERSON_ROLE, p))
			rc = extra(imp, "role");
	} else if (!strcmp(n, "ROLE")) {
		if ((rc = text(imp, p, PD_VCARD_WHOLE)) == PD_OK && !v->role2.n) {
			rc = pd_buf_add(&v->role2, v->tmp.p, v->tmp.n) == PD_OK ? PD_OK : pd_err_nomem(imp->err);
			v->role2_line = p->line;
		} else if (rc == PD_OK) {
			rc = extra(imp, "role");
		}
	} else if (!strcmp(n, "TEL")) {
		rc = tel(imp, p);
	} else if (!strcmp(n, "EMAIL")) {
		if ((rc = text(imp, p, PD_VCARD_WHOLE)) == PD_OK && !take(imp, PD_PERSON_EMAIL, p))
			rc = extra(imp, "e-mail");
	} else if (!strcmp(n, "NOTE")) {
		if ((rc = text(imp, p, PD_VCARD_WHOLE)) == PD_OK && !take(imp, PD_PERSON_NOTES, p))
			rc = extra(imp, "note");
	} else if (!strcmp(n, "ADR")) {
		rc = adr(imp, p);
	} else if (!strcmp(n, "URL")) {
		if ((rc = text(imp, p, PD_VCARD_WHOLE)) == PD_OK && !take(imp, PC_WEB, p))
			rc = extra(imp, "web page");
	} else if (!strcmp(n, "X-PLANDESK-INITIALS")) {
		if ((rc = text(imp, p, PD_VCARD_WHOLE)) == PD_OK)
			take(imp, PD_PERSON_INITIALS, p);
	} else if (!strcmp(n, "X-PLANDESK-VERIFIED")) {
		if ((rc = text(imp, p, PD_VCARD_WHOLE)) == PD_OK)
			take(imp, PD_PERSON_VERIFIED, p);
	} else if (strcmp(n, "VERSION") && strcmp(n, "PRODID") && strcmp(n, "REV") &&
		   strcmp(n, "UID") && strcmp(n, "KIND")) {
		rc = ignore(imp, p);
	}
	return rc;
}

/* The card is complete: its row, or an error when it names nobody. */
static int finish_card(struct pd_imp *imp)
{
	struct pd_vcimp *v = imp->vci;
	struct pd_buf *notes = &v->col[PD_PERSON_NOTES];

	if (v->nomem)
		return pd_err_nomem(imp->err);
	if (!v->col[PD_PERSON_ROLE].n && v->role2.n) {
		if (pd_buf_add(&v->col[PD_PERSON_ROLE], v->role2.p, v->role2.n) != PD_OK)
			return pd_err_nomem(imp->err);
		imp->field_line[PD_PERSON_ROLE] = v->role2_line;
	}
	if (v->extra.n) {
		if ((notes->n && pd_buf_putc(notes, '\n') != PD_OK) ||
		    pd_buf_add(notes, v->extra.p, v->extra.n) != PD_OK)
			return pd_err_nomem(imp->err);
	}
	if (!v->col[PD_PERSON_NAME].n && !v->col[PC_FIRST].n &&
	    !v->col[PC_MIDDLE].n && !v->col[PC_LAST].n)
		return pd_err_set(imp->err, PD_EINVAL, "%s:%lu: the card has no name "
				  "(no FN, and N is empty)", imp->name, imp->row.line);
	for (int i = 0; i < NCOLS; i++) {
		v->f[i] = v->col[i].n ? v->col[i].p : (char *)"";
		v->len[i] = v->col[i].n;
	}
	imp->row.n = NCOLS;
	imp->row.f = v->f;
	imp->row.len = v->len;
	return PD_OK;
}

int pd_imp_vcard_next(struct pd_imp *imp)
{
	struct pd_vcard_prop p;
	int rc;

	for (;;) {
		rc = pd_vcard_next(imp->vc, &p, imp->err);
		if (rc == PD_NOTFOUND)
			return rc;
		if (rc != PD_OK) {
			if (rc != PD_ENOMEM)
				pd_err_prefix(imp->err, "%s:", imp->name);
			return rc;
		}
		switch (p.event) {
		case PD_VCARD_BEGIN:
			card_clear(imp, p.line);
			break;
		case PD_VCARD_PROP:
			if (p.skipped)
				rc = ignore(imp, &p);
			else
				rc = property(imp, &p);
			if (rc != PD_OK)
				return rc;
			break;
		case PD_VCARD_END:
			return finish_card(imp);
		}
	}
}

void pd_imp_vcard_warnings(struct pd_imp *imp)
{
	struct pd_vcimp *v = imp->vci;
	char line[PD_ERR_MSG + 64];

	if (!v)
		return;
	if (v->fallback_line) {
		snprintf(line, sizeof line, "%s:%lu: warning: a value that is not UTF-8 "
			 "and has no CHARSET is read as %s (use --encoding to say "
			 "otherwise)", imp->name, v->fallback_line,
			 imp->o->encoding ? imp->o->encoding : "WINDOWS-1252");
		pd_imp_warn_line(imp, line);
	}
	if (v->nignored) {
		/* the first dozen names */
		char *cut = v->ignored.p;
		for (int k = 0; k < 12 && cut && (cut = strchr(cut + 1, ',')); k++)
			;
		if (cut)
			strcpy(cut, ", …");
		snprintf(line, sizeof line, "%s:%lu: warning: ignoring %zu kind%s of "
			 "propert%s plandesk does not keep: %s", imp->name,
			 v->ignored_line, v->nignored, v->nignored == 1 ? "" : "s",
			 v->nignored == 1 ? "y" : "ies", v->ignored.p);
		pd_imp_warn_line(imp, line);
	}
}
