/*
 * csv_impl.h — the CSV reader's byte source (csv_source.c), shared with
 * the parser (csv_read.c).  Not part of the public API.
 *
 * The source turns the input — a file descriptor or a block of memory, in
 * whatever encoding — into UTF-8 text and hands it out one line at a time
 * (a line ends after LF, CRLF or a lone CR), so the parser always knows
 * which line it is on.
 */
#ifndef PLANDESK_CSV_IMPL_H
#define PLANDESK_CSV_IMPL_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/status.h"

#define PD_CSV_BLOCK (256u * 1024u)   /* bytes read or converted at a time */

struct pd_csv_src {
	int                  fd;        /* -1: the input is `mem` */
	const unsigned char *mem;
	size_t               memlen;
	size_t               mempos;    /* next byte of `mem` to convert */
	uint64_t             total;     /* size of the input in bytes */
	uint64_t             consumed;  /* input bytes read so far */
	size_t               bom;       /* byte-order mark bytes skipped */
	iconv_t              cd;        /* (iconv_t)-1: the input is UTF-8 */
	char                 enc[40];   /* the encoding, for messages */
	struct pd_buf        raw;       /* input read but not yet converted */
	bool                 raw_eof;   /* the input has no more bytes */
	struct pd_buf        text;      /* UTF-8 text; the window when not `mem` */
	const char          *w;         /* the window of text: [pos, wn) unread */
	size_t               wn, pos;
	size_t               lf_to, cr_to;  /* no LF (CR) in [pos, lf_to (cr_to)) */
	bool                 lf_hit, cr_hit; /* and there is one at lf_to (cr_to) */
	bool                 eof;       /* the window holds all that is left */
	unsigned long        line;      /* lines handed out so far */
};

/*
 * Set up `s` over a file descriptor (fd >= 0; `size` its length) or over
 * memory (fd < 0), reading in `enc` (NULL or "UTF-8": no conversion),
 * after skipping `bom` bytes.  Returns PD_OK, PD_EINVAL (unknown encoding).
 */
int pd_csv_src_init(struct pd_csv_src *s, int fd, const void *mem, size_t n,
		    uint64_t size, size_t bom, const char *enc,
		    struct pd_err *err);

/* Free what `s` holds (the file descriptor is the caller's). */
void pd_csv_src_free(struct pd_csv_src *s);

/* Go back to the start of the input.  PD_OK or PD_EIO. */
int pd_csv_src_rewind(struct pd_csv_src *s, struct pd_err *err);

/*
 * The next line, with its line end, as `n` bytes at `*p` (valid until the
 * next call); s->line becomes its 1-based number.  Returns PD_OK;
 * PD_NOTFOUND at the end; PD_EPARSE (a byte the encoding cannot read:
 * "LINE:COL: " message, COL a character column); PD_EIO; PD_ENOMEM.
 */
int pd_csv_src_line(struct pd_csv_src *s, const char **p, size_t *n,
		    struct pd_err *err);

/*
 * Check that the input after `bom` bytes is UTF-8.  Returns PD_OK (*bad
 * is then (uint64_t)-1) or PD_OK with *bad the offset of the first byte
 * that is not, and *line / *col its 1-based line and character column;
 * PD_EIO; PD_ENOMEM.
 */
int pd_csv_scan_utf8(int fd, const void *mem, uint64_t size, size_t bom,
		     uint64_t *bad, unsigned long *line, unsigned long *col,
		     struct pd_err *err);

/* The number of UTF-8 characters in `n` bytes (continuation bytes skipped). */
size_t pd_csv_chars(const char *s, size_t n);

#endif
