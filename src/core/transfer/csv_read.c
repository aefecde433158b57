/*
 * csv_read.c — the CSV reader: encoding and delimiter decisions, then
 * libcsv in strict mode fed one line at a time, so that every record and
 * every error can be placed by line and field.
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plandesk/base/buf.h"
#include "plandesk/transfer/csv.h"
#include "csv_impl.h"

#define CSV_OPTS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

struct pd_csv_reader {
	struct pd_csv_src src;
	struct csv_parser p;
	int            delim;
	bool           sep_line;     /* line 1 is Excel's "sep=X": skip it */
	unsigned long  fallback_line;
	int            failed;       /* a sticky error, repeated until rewound */
	char           failmsg[PD_ERR_MSG];
	/* The record being read. */
	bool           open, ended, nonempty;
	unsigned long  rec_line;
	int            cb_rc;        /* an error found in a callback */
	struct pd_buf  data;         /* field bytes, each NUL-terminated */
	size_t        *off, *len;
	char         **ptr;
	size_t         nf, cap;
};

static int fail(struct pd_csv_reader *r, int code, struct pd_err *err)
{
	r->failed = code;
	if (err)
		snprintf(r->failmsg, sizeof r->failmsg, "%s", err->msg);
	return code;
}

/* libcsv: a field has been read. */
static void on_field(void *s, size_t n, void *ctx)
{
	struct pd_csv_reader *r = ctx;

	if (r->cb_rc)
		return;
	if (r->nf == r->cap) {   /* three arrays, one capacity */
		size_t co = r->cap, cl = r->cap, cp = r->cap;

		if (pd_grow(&r->off, &co, r->nf + 1, sizeof *r->off, 16) ||
		    pd_grow(&r->len, &cl, r->nf + 1, sizeof *r->len, 16) ||
		    pd_grow(&r->ptr, &cp, r->nf + 1, sizeof *r->ptr, 16)) {
			r->cb_rc = PD_ENOMEM;
			return;
		}
		r->cap = co;
	}
	if (n && memchr(s, '\0', n)) {
		r->cb_rc = PD_EPARSE;
		return;
	}
	r->off[r->nf] = r->data.n;
	r->len[r->nf] = n;
	/* add n bytes and the NUL libcsv appended (CSV_APPEND_NULL) */
	if (pd_buf_add(&r->data, n ? s : "", n) != PD_OK ||
	    pd_buf_putc(&r->data, '\0') != PD_OK) {
		r->cb_rc = PD_ENOMEM;
		return;
	}
	r->nf++;
	if (n)
		r->nonempty = true;
}

/* libcsv: the record has ended. */
static void on_row(int c, void *ctx)
{
	struct pd_csv_reader *r = ctx;

	(void)c;
	r->ended = true;
}

static int parser_init(struct pd_csv_reader *r, struct pd_err *err)
{
	if (csv_init(&r->p, CSV_OPTS) != 0)
		return pd_err_nomem(err);
	csv_set_delim(&r->p, (unsigned char)r->delim);
	csv_set_blk_size(&r->p, 1024);
	return PD_OK;
}

/* Only spaces, tabs and line ends: a blank line. */
static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* "sep=;" (Excel's hint), with or without its line end. */
static int sep_hint(const char *s, size_t n)
{
	while (n && (s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n == 5 && !strncasecmp(s, "sep=", 4) && s[4] != '"')
		return (unsigned char)s[4];
	return 0;
}

/* The most frequent of , ; and tab outside quotes in the first line. */
static int sniff(const char *s, size_t n)
{
	static const char cands[] = { ',', ';', '\t' };
	size_t count[3] = { 0, 0, 0 }, best = 0;
	bool quoted = false;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			for (size_t c = 0; c < 3; c++)
				count[c] += s[i] == cands[c];
	}
	for (size_t c = 1; c < 3; c++)
		if (count[c] > count[best])
			best = c;
	return cands[best];
}

/* Decide the delimiter from the first line, then go back to the start. */
static int decide_delimiter(struct pd_csv_reader *r, int given,
			    struct pd_err *err)
{
	const char *line;
	size_t n;
	int rc, hint;

	if (given == '"' || given == '\r' || given == '\n' || given < 0 || given > 127)
		return pd_err_set(err, PD_EINVAL,
				  "the delimiter must be an ASCII character other than a quote or line end");
	rc = pd_csv_src_line(&r->src, &line, &n, err);
	if (rc != PD_OK && rc != PD_NOTFOUND)
		return rc;
	hint = rc == PD_OK ? sep_hint(line, n) : 0;
	r->sep_line = hint != 0;
	if (given)
		r->delim = given;
	else if (hint)
		r->delim = hint;
	else
		r->delim = rc == PD_OK ? sniff(line, n) : ',';
	return pd_csv_src_rewind(&r->src, err);
}

/* Byte-order marks: UTF-8 is dropped, UTF-16 chooses the encoding. */
static size_t bom_of(const unsigned char *p, size_t n, const char **enc)
{
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		*enc = "UTF-8";
		return 3;
	}
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		*enc = "UTF-16LE";
		return 2;
	}
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		*enc = "UTF-16BE";
		return 2;
	}
	*enc = NULL;
	return 0;
}

static int open_common(struct pd_csv_reader *r, int fd, const void *mem,
		       size_t memlen, uint64_t size, const unsigned char *head,
		       size_t nhead, const struct pd_csv_opts *opts,
		       struct pd_err *err)
{
	const char *forced = opts ? opts->encoding : NULL, *bom_enc, *enc;
	size_t bom = bom_of(head, nhead, &bom_enc);
	uint64_t bad;
	unsigned long line, col;
	int rc;

	if (forced && *forced) {
		enc = forced;
		/* A BOM of another encoding than the one forced is data. */
		if (bom_enc && strcasecmp(bom_enc, forced) &&
		    !(strcasecmp(bom_enc, "UTF-8") == 0 && !strcasecmp(forced, "UTF8")))
			bom = 0;
	} else {
		enc = bom_enc ? bom_enc : "UTF-8";
	}
	if (!strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8")) {
		rc = pd_csv_scan_utf8(fd, mem, size, bom, &bad, &line, &col, err);
		if (rc != PD_OK)
			return rc;
		if (bad != (uint64_t)-1) {
			if (forced && *forced)
				return pd_err_set(err, PD_EPARSE,
					"%lu:%lu: not valid UTF-8 (is the file in another encoding? "
					"try --encoding WINDOWS-1252)", line, col);
			enc = "WINDOWS-1252";
			r->fallback_line = line;
		}
	}
	if ((rc = pd_csv_src_init(&r->src, fd, mem, memlen, size, bom, enc, err)))
		return rc;
	if ((rc = decide_delimiter(r, opts ? opts->delimiter : 0, err)))
		return rc;
	return parser_init(r, err);
}

int pd_csv_open_file(const char *path, const struct pd_csv_opts *opts,
		     struct pd_csv_reader **out, struct pd_err *err)
{
	struct pd_csv_reader *r;
	unsigned char head[4];
	struct stat sb;
	ssize_t nhead;
	int fd, rc;

	*out = NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return pd_err_set(err, PD_EIO, "cannot open %s: %s", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || S_ISDIR(sb.st_mode)) {
		rc = pd_err_set(err, PD_EIO, "cannot read %s: %s", path,
				S_ISDIR(sb.st_mode) ? "it is a directory" : strerror(errno));
		close(fd);
		return rc;
	}
	nhead = pread(fd, head, sizeof head, 0);
	if (nhead < 0 || !(r = calloc(1, sizeof *r))) {
		rc = nhead < 0 ? pd_err_set(err, PD_EIO, "cannot read %s: %s", path,
					    strerror(errno))
			       : pd_err_nomem(err);
		close(fd);
		return rc;
	}
	r->src.fd = -1;
	r->src.cd = (iconv_t)-1;
	rc = open_common(r, fd, NULL, 0, (uint64_t)sb.st_size, head, (size_t)nhead,
			 opts, err);
	r->src.fd = fd;
	if (rc != PD_OK) {
		pd_csv_close(r);
		return rc;
	}
	*out = r;
	return PD_OK;
}

int pd_csv_open_mem(const void *data, size_t n, const struct pd_csv_opts *opts,
		    struct pd_csv_reader **out, struct pd_err *err)
{
	struct pd_csv_reader *r = calloc(1, sizeof *r);
	int rc;

	*out = NULL;
	if (!r)
		return pd_err_nomem(err);
	r->src.fd = -1;
	r->src.cd = (iconv_t)-1;
	rc = open_common(r, -1, data, n, n, data, n, opts, err);
	if (rc != PD_OK) {
		pd_csv_close(r);
		return rc;
	}
	*out = r;
	return PD_OK;
}

void pd_csv_close(struct pd_csv_reader *r)
{
	if (!r)
		return;
	csv_free(&r->p);   /* safe on the zeroed parser of a failed open */
	pd_csv_src_free(&r->src);
	if (r->src.fd >= 0)
		close(r->src.fd);
	pd_buf_free(&r->data);
	free(r->off);
	free(r->len);
	free(r->ptr);
	free(r);
}

int pd_csv_rewind(struct pd_csv_reader *r, struct pd_err *err)
{
	int rc;

	csv_free(&r->p);
	r->failed = 0;
	r->open = r->ended = r->nonempty = false;
	r->cb_rc = 0;
	r->nf = 0;
	pd_buf_reset(&r->data);
	if ((rc = pd_csv_src_rewind(&r->src, err)) != PD_OK)
		return rc;
	return parser_init(r, err);
}

int pd_csv_delimiter(const struct pd_csv_reader *r) { return r->delim; }
const char *pd_csv_encoding(const struct pd_csv_reader *r) { return r->src.enc; }
unsigned long pd_csv_fallback_line(const struct pd_csv_reader *r)
{
	return r->fallback_line;
}

void pd_csv_position(const struct pd_csv_reader *r, uint64_t *done,
		     uint64_t *total)
{
	*done = r->src.fd < 0 && r->src.cd == (iconv_t)-1 ?
		r->src.bom + r->src.pos : r->src.consumed;
	*total = r->src.total;
}

/*
 * A strict-mode complaint from libcsv about byte `at` of the current line:
 * the one left once quote_as_data has taken quotes inside unquoted fields.
 */
static int parse_error(struct pd_csv_reader *r, const char *line, size_t at,
		       struct pd_err *err)
{
	size_t ch = pd_csv_chars(line, at) + 1;

	return pd_err_set(err, PD_EPARSE, "%lu:%zu: text after the closing quote of a "
			  "field at line %lu, character %zu (a quote inside a quoted field "
			  "must be doubled)", r->rec_line, r->nf + 1, r->src.line, ch);
}

/*
 * A quote inside a field that did not begin with one (37°36'37.8"N) is
 * data, as Excel and LibreOffice read it: strict mode stopped on it, so
 * feed that one byte without CSV_STRICT and go on strictly.  A quote that
 * opens a field, or text after a closing quote, stays an error.  Returns
 * whether the byte was taken.
 */
static bool quote_as_data(struct pd_csv_reader *r, char c)
{
	if (c != '"' || r->p.quoted)
		return false;
	csv_set_opts(&r->p, CSV_OPTS & ~CSV_STRICT);
	csv_parse(&r->p, &c, 1, on_field, on_row, r);
	csv_set_opts(&r->p, CSV_OPTS);
	r->p.status = CSV_SUCCESS;   /* or csv_fini would still see the error */
	return true;
}

static int callback_error(struct pd_csv_reader *r, struct pd_err *err)
{
	if (r->cb_rc == PD_ENOMEM)
		return pd_err_nomem(err);
	return pd_err_set(err, PD_EPARSE,
			  "%lu:%zu: a NUL byte (is this a spreadsheet or UTF-16 file? "
			  "save it as CSV, or try --encoding UTF-16LE)",
			  r->rec_line, r->nf + 1);
}

/* Hand out the record read, or say to go on when it was all empty. */
static bool finish_row(struct pd_csv_reader *r, struct pd_csv_row *row)
{
	bool keep = r->nonempty;

	r->open = r->ended = false;
	if (!keep) {
		r->nf = 0;
		pd_buf_reset(&r->data);
		return false;
	}
	for (size_t i = 0; i < r->nf; i++)
		r->ptr[i] = r->data.p + r->off[i];
	row->n = r->nf;
	row->f = r->ptr;
	row->len = r->len;
	row->line = r->rec_line;
	return true;
}

int pd_csv_next(struct pd_csv_reader *r, struct pd_csv_row *row,
		struct pd_err *err)
{
	const char *line;
	size_t n, got;
	int rc;

	if (r->failed) {
		pd_err_set(err, r->failed, "%s", r->failmsg);
		return r->failed;
	}
	memset(row, 0, sizeof *row);
	if (!r->open) {
		r->nf = 0;
		r->nonempty = false;
		pd_buf_reset(&r->data);
	}
	for (;;) {
		rc = pd_csv_src_line(&r->src, &line, &n, err);
		if (rc == PD_NOTFOUND) {
			if (!r->open)
				return PD_NOTFOUND;
			if (csv_fini(&r->p, on_field, on_row, r) != 0 ||
			    csv_error(&r->p) == CSV_EPARSE) {
				pd_err_set(err, PD_EPARSE,
					   "%lu:%zu: a quoted field is not closed before "
					   "the end of the file", r->rec_line, r->nf + 1);
				return fail(r, PD_EPARSE, err);
			}
			if (r->cb_rc)
				return fail(r, callback_error(r, err), err);
			if (finish_row(r, row))
				return PD_OK;
			return PD_NOTFOUND;
		}
		if (rc != PD_OK)
			return fail(r, rc, err);
		if (!r->open) {
			if ((r->src.line == 1 && r->sep_line) || blank(line, n))
				continue;
			r->open = true;
			r->rec_line = r->src.line;
		}
		for (size_t at = 0; at < n; at += got) {
			got = csv_parse(&r->p, line + at, n - at, on_field, on_row, r);
			if (r->cb_rc)
				return fail(r, callback_error(r, err), err);
			if (at + got == n)
				break;
			if (csv_error(&r->p) != CSV_EPARSE)
				return fail(r, pd_err_nomem(err), err);
			if (!quote_as_data(r, line[at + got]))
				return fail(r, parse_error(r, line, at + got, err), err);
			got++;
		}
		if (r->ended && finish_row(r, row))
			return PD_OK;
	}
}

size_t pd_csv_unguard(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '\'')
		i++;
	if (i == 0 || i == n)
		return 0;
	return s[i] && strchr("=+-@\t\r", s[i]) ? 1 : 0;
}
