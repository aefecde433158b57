/*
 * csv_columns.c — a kind's CSV columns as its field table gives them
 * (columns.h): the header, a file's header mapped onto the columns by
 * their names and aliases, and a row's cells as the record's fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plandesk/base/date.h"
#include "transfer_impl.h"

/* What a spreadsheet makes of a field's column. */
static enum pd_col_kind sheet_kind(const struct pd_field *fd)
{
	switch (fd->cell) {
	case PD_CELL_TEXT:  return PD_COL_TEXT;
	case PD_CELL_NOTE:  return PD_COL_NOTE;
	case PD_CELL_PHONE: return PD_COL_PHONE;
	case PD_CELL_DATE:  return PD_COL_DATE;
	default:
		return fd->type == PD_T_DATE ? PD_COL_DATE :
		       (fd->flags & PD_F_MULTILINE) ? PD_COL_NOTE : PD_COL_TEXT;
	}
}

static size_t add_xcols(const struct pd_kind_info *ki, bool exported,
			struct pd_col *out, size_t n)
{
	for (int x = 0; x < ki->nxcols; x++) {
		const struct pd_xcol *xc = &ki->xcols[x];
		if (xc->exported != exported)
			continue;
		if (out)
			out[n] = (struct pd_col){ xc->col, xc->aliases, xc->multi,
						    PD_COL_X(xc->hook), xc->required,
						    exported, PD_COL_TEXT };
		n++;
	}
	return n;
}

size_t pd_columns(const struct pd_kind_info *ki, bool all, struct pd_col *out)
{
	size_t n = 0;
	bool any = false;

	for (int f = 0; f < ki->nfields; f++)
		any |= ki->fields[f].col != NULL;
	if (!any)
		return 0;
	n = add_xcols(ki, true, out, n);
	for (int f = 0; f < ki->nfields; f++) {
		const struct pd_field *fd = &ki->fields[f];
		if (!fd->col)
			continue;
		if (out)
			out[n] = (struct pd_col){ fd->col, fd->aliases, fd->multi, f,
						    fd->flags & PD_F_REQUIRED, true,
						    sheet_kind(fd) };
		n++;
	}
	return all ? add_xcols(ki, false, out, n) : n;
}

bool pd_transfer_columns(enum pd_kind kind, size_t *n)
{
	size_t k = (unsigned)kind < PD_NKINDS ? pd_columns(pd_kind_info(kind), false, NULL) : 0;

	if (n)
		*n = k;
	return k > 0;
}

const struct pd_kind_info *pd_colmap_kind(const struct pd_colmap *map)
{
	return map->ki ? map->ki : pd_kind_info(map->kind);
}

/* Lower-case ASCII, without spaces and underscores, into `out` (n bytes). */
static void norm(const char *s, size_t len, char *out, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '_' || c == '\t')
			continue;
		out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[o] = '\0';
}

static bool same(const char *want, const char *name)
{
	char have[96];

	norm(name, strlen(name), have, sizeof have);
	return strcmp(want, have) == 0;
}

/* The rank of `want` among a column's aliases (plain, then multi), or 0. */
static int alias_rank(const char *want, const char *const *aliases,
		      const char *const *multi, bool *is_multi)
{
	int rank = 1;

	for (const char *const *a = aliases; a && *a; a++, rank++)
		if (same(want, *a))
			return rank;
	for (const char *const *a = multi; a && *a; a++, rank++)
		if (same(want, *a)) {
			*is_multi = true;
			return rank;
		}
	return 0;
}

/* Which column a header names: its own header first, an alias after. */
static int lookup(const struct pd_kind_info *ki, const char *h, size_t hn,
		  int *rank, bool *multi)
{
	struct pd_col cols[PD_COLS_MAX];
	size_t n = pd_columns(ki, true, cols);
	char want[96];

	norm(h, hn, want, sizeof want);
	*multi = false;
	*rank = 0;
	for (size_t c = 0; c < n; c++)
		if (same(want, cols[c].name))
			return cols[c].id;
	for (size_t c = 0; c < n; c++)
		if ((*rank = alias_rank(want, cols[c].aliases, cols[c].multi, multi)))
			return cols[c].id;
	return -1;
}

static bool has(const struct pd_colmap *map, int col)
{
	return map->nsrc[col] > 0;
}

void pd_colmap_free(struct pd_colmap *map)
{
	pd_buf_free(&map->unknown);
}

/* "a name", "ref and title", "plan, item and text": the required columns. */
static void need_list(const struct pd_col *cols, size_t n, char *buf, size_t size)
{
	size_t req = 0, k = 0, used = 0;

	for (size_t c = 0; c < n; c++)
		req += cols[c].required;
	buf[0] = '\0';
	for (size_t c = 0; c < n && used < size; c++) {
		if (!cols[c].required)
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
					 req == 1 ? "a " : k == 0 ? "" :
					 k + 1 == req ? " and " : ", ", cols[c].name);
		k++;
	}
}

/* Is the required column `c` missing from the file?  A person's name may
 * come in parts instead (PD_X_FIRST, PD_X_LAST). */
static bool missing(const struct pd_colmap *map, const struct pd_kind_info *ki,
		    const struct pd_col *c, bool *in_parts)
{
	bool parts = false;

	for (int x = 0; x < ki->nxcols; x++)
		parts |= ki->xcols[x].hook == PD_X_FIRST;
	*in_parts = parts && c->id == ki->title;
	if (has(map, c->id))
		return false;
	return !*in_parts || (!has(map, PD_COL_X(PD_X_FIRST)) &&
			      !has(map, PD_COL_X(PD_X_LAST)));
}

int pd_colmap_build(struct pd_colmap *map, const struct pd_csv_row *header,
		    struct pd_err *err)
{
	const struct pd_kind_info *ki = pd_colmap_kind(map);
	struct pd_col cols[PD_COLS_MAX];
	size_t ncols = pd_columns(ki, true, cols);

	if (!ncols)
		return pd_err_set(err, PD_EINVAL, "%s have no CSV form", ki->plural);
	memset(map->nsrc, 0, sizeof map->nsrc);
	map->ncols = PD_COLS_MAX;
	map->nfile = header->n;
	map->nunknown = 0;
	pd_buf_reset(&map->unknown);
	for (size_t i = 0; i < header->n; i++) {
		bool multi;
		int rank, col = lookup(ki, header->f[i], header->len[i], &rank, &multi);
		if (col < 0 || map->nsrc[col] == PD_SRCS_MAX) {
			if (map->nunknown++ < 8 &&
			    pd_buf_printf(&map->unknown, "%s\"%s\"", map->nunknown > 1 ? ", " : "",
					  header->len[i] ? header->f[i] : "") != PD_OK)
				return pd_err_nomem(err);
			continue;
		}
		/* Keep the sources sorted by rank, then by position. */
		int k = map->nsrc[col]++;
		while (k > 0 && map->src[col][k - 1].rank > rank) {
			map->src[col][k] = map->src[col][k - 1];
			k--;
		}
		map->src[col][k] = (struct pd_colsrc){ (int)i, rank, multi };
	}
	if (map->nunknown > 8 &&
	    pd_buf_printf(&map->unknown, " and %zu more", map->nunknown - 8) != PD_OK)
		return pd_err_nomem(err);
	for (size_t c = 0; c < ncols; c++) {
		char need[160];
		bool in_parts;

		if (!cols[c].required || !missing(map, ki, &cols[c], &in_parts))
			continue;
		if (in_parts)
			return pd_err_set(err, PD_EINVAL, "missing column \"%s\" (or \"First "
					  "Name\" and \"Last Name\")", cols[c].name);
		need_list(cols, ncols, need, sizeof need);
		return pd_err_set(err, PD_EINVAL, "missing column \"%s\" (%s need %s)",
				  cols[c].name, ki->plural, need);
	}
	return PD_OK;
}

void pd_cell_get(const struct pd_colmap *map, const struct pd_csv_row *row,
		 int col, struct pd_cell *out)
{
	out->s = "";
	out->n = 0;
	out->field = map->nsrc[col] ? map->src[col][0].idx + 1 : 1;
	out->multi = false;
	for (int k = 0; k < map->nsrc[col]; k++) {
		const struct pd_colsrc *src = &map->src[col][k];
		size_t skip;
		if ((size_t)src->idx >= row->n || !row->len[src->idx])
			continue;
		skip = map->raw ? 0 : pd_csv_unguard(row->f[src->idx], row->len[src->idx]);
		out->s = row->f[src->idx] + skip;
		out->n = row->len[src->idx] - skip;
		out->field = src->idx + 1;
		out->multi = src->multi;
		return;
	}
}

void pd_cells_get(const struct pd_colmap *map, const struct pd_csv_row *row,
		  struct pd_cell *cells)
{
	for (int c = 0; c < PD_COLS_MAX; c++)
		pd_cell_get(map, row, c, &cells[c]);
}

/* A yes/no cell as people fill one in: yes, y, true, 1, x (a tick); no,
 * n, false, 0.  Returns PD_OK, or PD_EINVAL for anything else. */
static int yes_or_no(const char *s, bool *on, struct pd_err *err)
{
	static const char *const yes[] = { "yes", "y", "true", "1", "x", NULL };
	static const char *const no[] = { "no", "n", "false", "0", NULL };

	for (int i = 0; yes[i]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return *on = true, PD_OK;
	for (int i = 0; no[i]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return *on = false, PD_OK;
	return pd_err_set(err, PD_EINVAL, "\"%s\" is neither yes nor no", s);
}

int pd_cells_to_record(const struct pd_kind_info *ki, const struct pd_cell *cells,
		       struct pd_record *r, int *bad, struct pd_err *err)
{
	*bad = -1;
	for (int f = 0; f < ki->nfields; f++) {
		const struct pd_field *fd = &ki->fields[f];
		const struct pd_cell *c = &cells[f];
		struct pd_date d;
		char iso[PD_DATE_ISO_SIZE];
		int rc = PD_OK;

		bool on = false;

		if (!fd->col || !c->n)
			continue;
		if (fd->flags & PD_F_YESNO) {
			if (yes_or_no(c->s, &on, err) != PD_OK) {
				*bad = f;
				return PD_EINVAL;
			}
			rc = pd_set_flag(r, f, on);
		} else if (fd->type == PD_T_TEXT) {
			rc = pd_set_text(r, f, c->s, c->n);
		} else if (fd->type == PD_T_DATE) {
			if (pd_date_parse(c->s, &d, err) != PD_OK) {
				*bad = f;
				return PD_EINVAL;
			}
			pd_date_iso(&d, iso);
			rc = pd_set_text(r, f, iso, (size_t)-1);
		}
		if (rc != PD_OK)
			return pd_err_set(err, rc, "%s", pd_strerror(rc));
	}
	return PD_OK;
}
