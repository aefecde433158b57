/*
 * buf.h — a growable byte buffer, used to build record values, CSV rows and
 * documents without fixed limits; and pd_grow, the one way to grow a
 * dynamic array of any element type.
 */
#ifndef PLANDESK_BUF_H
#define PLANDESK_BUF_H

#include <stddef.h>
#include <string.h>

#include "plandesk/base/status.h"

struct pd_buf {
	char  *p;    /* NUL-terminated when n > 0 or after any append */
	size_t n;    /* bytes used, excluding the NUL */
	size_t cap;  /* bytes allocated */
};

#define PD_BUF_INIT { NULL, 0, 0 }

/* Make room for `more` bytes beyond n (plus the NUL).  PD_OK or PD_ENOMEM. */
int pd_buf_reserve(struct pd_buf *b, size_t more);
/* pd_buf_add when the bytes do not fit: grow, then append. */
int pd_buf_add_grow(struct pd_buf *b, const void *p, size_t n);

/* Append `n` bytes.  PD_OK or PD_ENOMEM.  Inline: an import appends a
 * few bytes at a time, tens of millions of times, and almost always
 * into room it has. */
static inline int pd_buf_add(struct pd_buf *b, const void *p, size_t n)
{
	if (b->cap <= b->n || n >= b->cap - b->n)
		return pd_buf_add_grow(b, p, n);
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = '\0';
	return PD_OK;
}

/* Append a NUL-terminated string.  PD_OK or PD_ENOMEM. */
int pd_buf_puts(struct pd_buf *b, const char *s);
/* Append one byte.  PD_OK or PD_ENOMEM. */
int pd_buf_putc(struct pd_buf *b, int c);
/* Append printf-style text.  PD_OK or PD_ENOMEM. */
int pd_buf_printf(struct pd_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Forget the contents but keep the memory. */
void pd_buf_reset(struct pd_buf *b);
/* Free the memory and zero `b`. */
void pd_buf_free(struct pd_buf *b);

/*
 * Make room for at least `need` elements of `elem` bytes (elem > 0) in a
 * dynamic array whose capacity, in elements, is *cap.
 *
 * `arrayp` is the address of the array pointer: a real object pointer
 * variable or member (`struct T *v`, passed as `&v`), NULL while *cap is 0,
 * read and written as a `void *`.  When need <= *cap nothing changes.
 * Otherwise the capacity doubles, starting at `first` (> 0) when *cap is 0,
 * until it holds `need`, and the array is reallocated, keeping its
 * contents; the new elements are uninitialised.
 *
 * Returns PD_OK, or PD_ENOMEM (out of memory, or the capacity times `elem`
 * does not fit a size_t) leaving the array and *cap unchanged.  So a site
 * adding one element writes
 *	if (pd_grow(&x->v, &x->cap, x->n + 1, sizeof *x->v, 32))
 *		return PD_ENOMEM;
 */
int pd_grow(void *arrayp, size_t *cap, size_t need, size_t elem, size_t first);

#endif
