/* record.c — the in-memory record and its typed accessors. */
#include <stdlib.h>
#include <string.h>

#include "plandesk/records/record.h"

void pd_record_init(struct pd_record *r, enum pd_kind kind)
{
	memset(r, 0, sizeof *r);
	r->kind = kind;
}

void pd_record_clear(struct pd_record *r)
{
	if (!r)
		return;
	for (int f = 0; f < PD_MAX_FIELDS; f++)
		free(r->v[f].p);
	free(r->extra);
	pd_record_init(r, r->kind);
}

static int set_bytes(struct pd_val *v, const void *p, size_t n)
{
	char *copy = NULL;

	if (n > UINT32_MAX)
		return PD_EINVAL;
	if (n) {
		copy = malloc(n + 1);
		if (!copy)
			return PD_ENOMEM;
		memcpy(copy, p, n);
		copy[n] = '\0';
	}
	free(v->p);
	v->p = copy;
	v->n = (uint32_t)n;
	return PD_OK;
}

int pd_record_copy(struct pd_record *dst, const struct pd_record *src)
{
	pd_record_init(dst, src->kind);
	dst->id = src->id;
	dst->created = src->created;
	dst->updated = src->updated;
	for (int f = 0; f < PD_MAX_FIELDS; f++) {
		if (set_bytes(&dst->v[f], src->v[f].p, src->v[f].n) != PD_OK)
			goto nomem;
	}
	if (src->nextra) {
		dst->extra = malloc(src->nextra);
		if (!dst->extra)
			goto nomem;
		memcpy(dst->extra, src->extra, src->nextra);
		dst->nextra = src->nextra;
	}
	return PD_OK;
nomem:
	pd_record_clear(dst);
	return PD_ENOMEM;
}

const char *pd_get_text(const struct pd_record *r, int f)
{
	if (f < 0 || f >= PD_MAX_FIELDS || !r->v[f].p)
		return "";
	return r->v[f].p;
}

bool pd_is_set(const struct pd_record *r, int f)
{
	return f >= 0 && f < PD_MAX_FIELDS && r->v[f].n > 0;
}

int pd_set_text(struct pd_record *r, int f, const char *s, size_t n)
{
	if (f < 0 || f >= PD_MAX_FIELDS)
		return PD_EINVAL;
	if (!s)
		n = 0;
	else if (n == (size_t)-1)
		n = strlen(s);
	return set_bytes(&r->v[f], s, n);
}

uint64_t pd_get_ref(const struct pd_record *r, int f)
{
	if (f < 0 || f >= PD_MAX_FIELDS || r->v[f].n != 8)
		return 0;
	return pd_get_be64((const unsigned char *)r->v[f].p);
}

int pd_set_ref(struct pd_record *r, int f, uint64_t id)
{
	unsigned char b[8];

	if (f < 0 || f >= PD_MAX_FIELDS)
		return PD_EINVAL;
	if (!id)
		return set_bytes(&r->v[f], NULL, 0);
	pd_put_be64(b, id);
	return set_bytes(&r->v[f], b, 8);
}

size_t pd_refs_count(const struct pd_record *r, int f)
{
	if (f < 0 || f >= PD_MAX_FIELDS)
		return 0;
	return r->v[f].n / 8;
}

uint64_t pd_refs_at(const struct pd_record *r, int f, size_t i)
{
	if (i >= pd_refs_count(r, f))
		return 0;
	return pd_get_be64((const unsigned char *)r->v[f].p + 8 * i);
}

int pd_refs_add(struct pd_record *r, int f, uint64_t id)
{
	struct pd_val *v;
	char *grown;
	size_t n = pd_refs_count(r, f);

	if (f < 0 || f >= PD_MAX_FIELDS || !id)
		return PD_EINVAL;
	for (size_t i = 0; i < n; i++)
		if (pd_refs_at(r, f, i) == id)
			return PD_OK;
	v = &r->v[f];
	grown = realloc(v->p, v->n + 8 + 1);
	if (!grown)
		return PD_ENOMEM;
	pd_put_be64((unsigned char *)grown + v->n, id);
	v->p = grown;
	v->n += 8;
	v->p[v->n] = '\0';
	return PD_OK;
}

int pd_refs_remove(struct pd_record *r, int f, uint64_t id)
{
	size_t n = pd_refs_count(r, f);
	struct pd_val *v;

	for (size_t i = 0; i < n; i++) {
		if (pd_refs_at(r, f, i) != id)
			continue;
		v = &r->v[f];
		memmove(v->p + 8 * i, v->p + 8 * (i + 1), 8 * (n - i - 1));
		v->n -= 8;
		if (!v->n) {
			free(v->p);
			v->p = NULL;
		}
		return PD_OK;
	}
	return PD_NOTFOUND;
}

int64_t pd_get_int(const struct pd_record *r, int f)
{
	if (f < 0 || f >= PD_MAX_FIELDS || r->v[f].n != 8)
		return 0;
	return (int64_t)pd_get_be64((const unsigned char *)r->v[f].p);
}

int pd_set_int(struct pd_record *r, int f, int64_t v)
{
	unsigned char b[8];

	if (f < 0 || f >= PD_MAX_FIELDS)
		return PD_EINVAL;
	pd_put_be64(b, (uint64_t)v);
	return set_bytes(&r->v[f], b, 8);
}

bool pd_get_flag(const struct pd_record *r, int f)
{
	return strcmp(pd_get_text(r, f), "yes") == 0;
}

int pd_set_flag(struct pd_record *r, int f, bool on)
{
	return pd_set_text(r, f, on ? "yes" : NULL, on ? 3 : 0);
}

bool pd_record_confidential(const struct pd_record *r)
{
	int f = pd_field_flagged(pd_kind_info(r->kind), PD_F_CONFIDENTIAL);

	return f >= 0 && pd_get_flag(r, f);
}

bool pd_record_same_fields(const struct pd_record *a, const struct pd_record *b)
{
	if (a->kind != b->kind)
		return false;
	for (int f = 0; f < PD_MAX_FIELDS; f++) {
		if (a->v[f].n != b->v[f].n)
			return false;
		if (a->v[f].n && memcmp(a->v[f].p, b->v[f].p, a->v[f].n) != 0)
			return false;
	}
	return true;
}
