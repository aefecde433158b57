/* buf.c — growable byte buffer, and pd_grow for arrays. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/status.h"

int pd_buf_reserve(struct pd_buf *b, size_t more)
{
	size_t need = b->n + more + 1, cap = b->cap ? b->cap : 64;
	char *p;

	if (need < b->n)
		return PD_ENOMEM;
	if (need <= b->cap)
		return PD_OK;
	while (cap < need)
		cap *= 2;
	p = realloc(b->p, cap);
	if (!p)
		return PD_ENOMEM;
	b->p = p;
	b->cap = cap;
	return PD_OK;
}

int pd_buf_add_grow(struct pd_buf *b, const void *p, size_t n)
{
	if (pd_buf_reserve(b, n) != PD_OK)
		return PD_ENOMEM;
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
	return PD_OK;
}

int pd_buf_puts(struct pd_buf *b, const char *s)
{
	return pd_buf_add(b, s, strlen(s));
}

int pd_buf_putc(struct pd_buf *b, int c)
{
	char ch = (char)c;

	return pd_buf_add(b, &ch, 1);
}

int pd_buf_printf(struct pd_buf *b, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || pd_buf_reserve(b, (size_t)len) != PD_OK)
		return PD_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)len + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
	return PD_OK;
}

void pd_buf_reset(struct pd_buf *b)
{
	b->n = 0;
	if (b->p)
		b->p[0] = '\0';
}

void pd_buf_free(struct pd_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

int pd_grow(void *arrayp, size_t *cap, size_t need, size_t elem, size_t first)
{
	size_t nc = *cap ? *cap : (first ? first : 1);
	void *p, *g;

	if (need <= *cap)
		return PD_OK;
	while (nc < need)
		nc = nc > SIZE_MAX / 2 ? need : nc * 2;
	if (nc > SIZE_MAX / elem)
		return PD_ENOMEM;
	/* memcpy, not *(void **): the caller's pointer is a `struct T *`. */
	memcpy(&p, arrayp, sizeof p);
	if (!(g = realloc(p, nc * elem)))
		return PD_ENOMEM;
	memcpy(arrayp, &g, sizeof g);
	*cap = nc;
	return PD_OK;
}
