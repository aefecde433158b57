/*
 * buf.h — a growable byte buffer, used to build record values, CSV rows and
 * documents without fixed limits.
 */
#ifndef PLANDESK_BUF_H
#define PLANDESK_BUF_H

#include <stddef.h>

struct pd_buf {
	char  *p;    /* NUL-terminated when n > 0 or after any append */
	size_t n;    /* bytes used, excluding the NUL */
	size_t cap;  /* bytes allocated */
};

#define PD_BUF_INIT { NULL, 0, 0 }

/* Make room for `more` bytes beyond n (plus the NUL).  PD_OK or PD_ENOMEM. */
int pd_buf_reserve(struct pd_buf *b, size_t more);
/* Append `n` bytes.  PD_OK or PD_ENOMEM. */
int pd_buf_add(struct pd_buf *b, const void *p, size_t n);
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

#endif
