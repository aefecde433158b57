/*
 * csv_source.c — the CSV reader's input: bytes from a file or memory,
 * converted to UTF-8 by iconv when they are in another encoding, handed
 * out one line at a time.
 *
 * The input is read in blocks into `text`; a line that crosses a block
 * boundary makes the window grow.  Searches for line ends remember how far
 * they got (lf_to, cr_to), so a long line is never scanned twice.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "plandesk/base/text.h"
#include "csv_impl.h"

static bool is_utf8_name(const char *enc)
{
	return !enc || !strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8");
}

size_t pd_csv_chars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

int pd_csv_src_init(struct pd_csv_src *s, int fd, const void *mem, size_t n,
		    uint64_t size, size_t bom, const char *enc,
		    struct pd_err *err)
{
	memset(s, 0, sizeof *s);
	s->fd = fd;
	s->mem = mem;
	s->memlen = n;
	s->total = size;
	s->bom = bom;
	s->cd = (iconv_t)-1;
	snprintf(s->enc, sizeof s->enc, "%s", is_utf8_name(enc) ? "UTF-8" : enc);
	if (!is_utf8_name(enc)) {
		s->cd = iconv_open("UTF-8", enc);
		if (s->cd == (iconv_t)-1)
			return pd_err_set(err, PD_EINVAL,
					  "unknown encoding \"%s\" (iconv -l lists them)", enc);
	}
	return pd_csv_src_rewind(s, err);
}

void pd_csv_src_free(struct pd_csv_src *s)
{
	if (s->cd != (iconv_t)-1)
		iconv_close(s->cd);
	s->cd = (iconv_t)-1;
	pd_buf_free(&s->raw);
	pd_buf_free(&s->text);
}

int pd_csv_src_rewind(struct pd_csv_src *s, struct pd_err *err)
{
	pd_buf_reset(&s->raw);
	pd_buf_reset(&s->text);
	s->raw_eof = s->eof = false;
	s->pos = s->wn = s->lf_to = s->cr_to = 0;
	s->lf_hit = s->cr_hit = false;
	s->line = 0;
	s->mempos = s->bom;
	s->consumed = s->bom;
	s->w = s->text.p;
	if (s->cd != (iconv_t)-1)
		iconv(s->cd, NULL, NULL, NULL, NULL);   /* reset the shift state */
	if (s->fd < 0) {
		if (s->cd == (iconv_t)-1) {
			/* UTF-8 in memory: the window is the memory itself. */
			s->w = (const char *)s->mem + s->bom;
			s->wn = s->memlen - s->bom;
			s->eof = true;
			s->consumed = s->memlen;
		}
		return PD_OK;
	}
	if (lseek(s->fd, (off_t)s->bom, SEEK_SET) < 0)
		return pd_err_set(err, PD_EIO, "cannot rewind: %s", strerror(errno));
	return PD_OK;
}

/* read() that retries when interrupted; -1 on error. */
static ssize_t read_some(int fd, void *p, size_t n)
{
	ssize_t got;

	do
		got = read(fd, p, n);
	while (got < 0 && errno == EINTR);
	return got;
}

/* A conversion error, placed by line and character column in the text. */
static int conv_error(struct pd_csv_src *s, int byte, struct pd_err *err)
{
	unsigned long line = s->line + 1;
	size_t from = s->pos, col;

	for (size_t i = s->pos; i < s->text.n; i++) {
		if (s->text.p[i] == '\n' ||
		    (s->text.p[i] == '\r' && (i + 1 >= s->text.n || s->text.p[i + 1] != '\n'))) {
			line++;
			from = i + 1;
		}
	}
	col = pd_csv_chars(s->text.p + from, s->text.n - from) + 1;
	if (byte >= 0)
		return pd_err_set(err, PD_EPARSE,
				  "%lu:%zu: byte 0x%02X cannot be read as %s (try --encoding)",
				  line, col, (unsigned)byte, s->enc);
	return pd_err_set(err, PD_EPARSE,
			  "%lu:%zu: the file ends in the middle of a %s character",
			  line, col, s->enc);
}

/* Convert more input into `text`. */
static int convert_more(struct pd_csv_src *s, struct pd_err *err)
{
	char *in, *out;
	size_t inleft, outleft;
	size_t r;

	if (s->fd >= 0) {
		ssize_t got;
		if (pd_buf_reserve(&s->raw, PD_CSV_BLOCK) != PD_OK)
			return pd_err_nomem(err);
		got = read_some(s->fd, s->raw.p + s->raw.n, PD_CSV_BLOCK);
		if (got < 0)
			return pd_err_set(err, PD_EIO, "cannot read: %s", strerror(errno));
		s->raw.n += (size_t)got;
		s->consumed += (uint64_t)got;
		s->raw_eof = got == 0;
		in = s->raw.p;
		inleft = s->raw.n;
	} else {
		in = (char *)s->mem + s->mempos;
		inleft = s->memlen - s->mempos;
		if (inleft > PD_CSV_BLOCK)
			inleft = PD_CSV_BLOCK;
		s->raw_eof = s->mempos + inleft == s->memlen;
	}
	/* Four UTF-8 bytes per input byte is more than any encoding needs. */
	if (pd_buf_reserve(&s->text, inleft * 4 + 16) != PD_OK)
		return pd_err_nomem(err);
	out = s->text.p + s->text.n;
	outleft = s->text.cap - s->text.n - 1;
	r = iconv(s->cd, &in, &inleft, &out, &outleft);
	s->text.n = (size_t)(out - s->text.p);
	if (r == (size_t)-1 && errno == EILSEQ)
		return conv_error(s, (unsigned char)*in, err);
	if (s->fd >= 0) {
		memmove(s->raw.p, in, inleft);
		s->raw.n = inleft;
	} else {
		s->mempos = (size_t)(in - (char *)s->mem);
		s->consumed = s->mempos;
		inleft = s->memlen - s->mempos;
	}
	if (s->raw_eof) {
		if (inleft)
			return conv_error(s, -1, err);
		iconv(s->cd, NULL, NULL, &out, &outleft);
		s->text.n = (size_t)(out - s->text.p);
		s->eof = true;
	}
	return PD_OK;
}

/* Drop the text before pos, then add more to the window. */
static int fill(struct pd_csv_src *s, struct pd_err *err)
{
	size_t shift = s->pos;
	int rc;

	if (s->eof)
		return PD_OK;
	if (shift) {
		memmove(s->text.p, s->text.p + shift, s->text.n - shift);
		s->text.n -= shift;
		s->pos = 0;
		s->lf_to = s->lf_to > shift ? s->lf_to - shift : 0;
		s->cr_to = s->cr_to > shift ? s->cr_to - shift : 0;
	}
	if (s->cd != (iconv_t)-1) {
		rc = convert_more(s, err);
	} else {
		ssize_t got;
		if (pd_buf_reserve(&s->text, PD_CSV_BLOCK) != PD_OK)
			return pd_err_nomem(err);
		got = read_some(s->fd, s->text.p + s->text.n, PD_CSV_BLOCK);
		if (got < 0)
			return pd_err_set(err, PD_EIO, "cannot read: %s", strerror(errno));
		s->text.n += (size_t)got;
		s->consumed += (uint64_t)got;
		s->eof = got == 0;
		rc = PD_OK;
	}
	s->w = s->text.p;
	s->wn = s->text.n;
	return rc;
}

/* Find the next LF and CR at or after pos, remembering how far we looked. */
static void find_ends(struct pd_csv_src *s)
{
	const char *p;

	if (s->lf_to < s->pos) {
		s->lf_to = s->pos;
		s->lf_hit = false;
	}
	if (s->cr_to < s->pos) {
		s->cr_to = s->pos;
		s->cr_hit = false;
	}
	if (!s->lf_hit && s->lf_to < s->wn) {
		p = memchr(s->w + s->lf_to, '\n', s->wn - s->lf_to);
		s->lf_hit = p != NULL;
		s->lf_to = p ? (size_t)(p - s->w) : s->wn;
	}
	if (!s->cr_hit && s->cr_to < s->wn) {
		p = memchr(s->w + s->cr_to, '\r', s->wn - s->cr_to);
		s->cr_hit = p != NULL;
		s->cr_to = p ? (size_t)(p - s->w) : s->wn;
	}
}

int pd_csv_src_line(struct pd_csv_src *s, const char **p, size_t *n,
		    struct pd_err *err)
{
	size_t end;
	int rc;

	for (;;) {
		find_ends(s);
		if (s->cr_hit && (!s->lf_hit || s->cr_to < s->lf_to)) {
			size_t ci = s->cr_to;
			if (ci + 1 < s->wn) {
				end = ci + 1 + (s->w[ci + 1] == '\n');
				break;
			}
			if (s->eof) {
				end = ci + 1;
				break;
			}
		} else if (s->lf_hit) {
			end = s->lf_to + 1;
			break;
		} else if (s->eof) {
			if (s->pos == s->wn)
				return PD_NOTFOUND;
			end = s->wn;
			break;
		}
		if ((rc = fill(s, err)) != PD_OK)
			return rc;
	}
	*p = s->w + s->pos;
	*n = end - s->pos;
	s->pos = end;
	if (s->lf_to < end)
		s->lf_hit = false;
	if (s->cr_to < end)
		s->cr_hit = false;
	s->line++;
	return PD_OK;
}

/* --- the UTF-8 check ----------------------------------------------------- */

/* Offset of the first byte of `n` that is not UTF-8, or n. */
static size_t first_invalid(const char *s, size_t n)
{
	uint32_t cp;
	size_t i = 0, len;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		len = pd_utf8_decode(s + i, n - i, &cp);
		if (cp == PD_UTF8_REPLACEMENT && len == 1)
			return i;
		i += len;
	}
	return n;
}

/* Bytes at the end of `n` that may be the start of a sequence cut short. */
static size_t cut_tail(const unsigned char *s, size_t n)
{
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		unsigned char c = s[n - back];
		size_t want;
		if (c < 0x80)
			return 0;
		if (c < 0xC0)
			continue;
		want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		return want > back ? back : 0;
	}
	return 0;
}

/* Line and column of offset `at` of the input (the slow path). */
static int locate(int fd, const unsigned char *mem, size_t bom, uint64_t at,
		  unsigned long *line, unsigned long *col, struct pd_err *err)
{
	unsigned char buf[65536];
	uint64_t off = bom;
	unsigned long ln = 1, cl = 1;
	bool cr = false;

	if (fd >= 0 && lseek(fd, (off_t)bom, SEEK_SET) < 0)
		return pd_err_set(err, PD_EIO, "cannot read: %s", strerror(errno));
	while (off < at) {
		size_t n = at - off < sizeof buf ? (size_t)(at - off) : sizeof buf;
		const unsigned char *p = buf;
		if (fd >= 0) {
			ssize_t got = read_some(fd, buf, n);
			if (got <= 0)
				return pd_err_set(err, PD_EIO, "cannot read: %s",
						  got ? strerror(errno) : "file shrank");
			n = (size_t)got;
		} else {
			p = mem + off;
		}
		for (size_t i = 0; i < n; i++) {
			if (p[i] == '\n') {
				if (!cr)
					ln++;
				cl = 1;
			} else if (p[i] == '\r') {
				ln++;
				cl = 1;
			} else if ((p[i] & 0xC0) != 0x80) {
				cl++;
			}
			cr = p[i] == '\r';
		}
		off += n;
	}
	*line = ln;
	*col = cl;
	return PD_OK;
}

int pd_csv_scan_utf8(int fd, const void *mem, uint64_t size, size_t bom,
		     uint64_t *bad, unsigned long *line, unsigned long *col,
		     struct pd_err *err)
{
	struct pd_buf b = PD_BUF_INIT;
	uint64_t off = bom;   /* input offset of b.p[0] */
	int rc = PD_OK;

	*bad = (uint64_t)-1;
	*line = *col = 0;
	if (fd < 0) {
		size_t at = first_invalid((const char *)mem + bom, (size_t)size - bom);
		if (at < (size_t)size - bom)
			*bad = bom + at;
	} else {
		if (lseek(fd, (off_t)bom, SEEK_SET) < 0)
			return pd_err_set(err, PD_EIO, "cannot read: %s", strerror(errno));
		for (;;) {
			ssize_t got;
			size_t keep, at;
			if (pd_buf_reserve(&b, 4 * PD_CSV_BLOCK) != PD_OK) {
				rc = pd_err_nomem(err);
				break;
			}
			got = read_some(fd, b.p + b.n, 4 * PD_CSV_BLOCK);
			if (got < 0) {
				rc = pd_err_set(err, PD_EIO, "cannot read: %s", strerror(errno));
				break;
			}
			b.n += (size_t)got;
			keep = got ? cut_tail((unsigned char *)b.p, b.n) : 0;
			if (!pd_utf8_valid(b.p, b.n - keep)) {
				at = first_invalid(b.p, b.n - keep);
				*bad = off + at;
				break;
			}
			if (!got)
				break;
			memmove(b.p, b.p + b.n - keep, keep);
			off += b.n - keep;
			b.n = keep;
		}
		pd_buf_free(&b);
	}
	if (rc == PD_OK && *bad != (uint64_t)-1)
		rc = locate(fd, mem, bom, *bad, line, col, err);
	return rc;
}
