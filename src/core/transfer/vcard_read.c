/*
 * vcard_read.c — the vCard reader (vcard.h): physical lines into content
 * lines (unfolding, quoted-printable soft breaks), a content line into its
 * name, parameters and value, the value decoded into UTF-8, and the cards'
 * structure checked.
 *
 * A content line is read in two steps.  First its head, up to the first
 * ':' outside double quotes, gathered across folds; the head says whether
 * the value is quoted-printable (so a line ending '=' continues on the
 * next line) or skipped (binary, a photo: its continuation lines are
 * stepped over and never copied).  Then the value.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plandesk/base/text.h"
#include "plandesk/transfer/vcard.h"
#include "vcard_impl.h"

#define HEAD_MAX 4096   /* bytes of name and parameters */

struct pd_vcard_reader {
	const char   *data;      /* the text, after any byte-order mark */
	size_t        n, pos;    /* its length; the next unread byte */
	uint64_t      total;     /* the input's size, for progress */
	char         *own;       /* what `data` points into, when ours */
	unsigned long line;      /* physical lines read */
	char          charset[40];
	bool          started;   /* a BEGIN:VCARD has been read */
	bool          in_card;
	unsigned long card_line;
	int           version;
	int           failed;    /* a sticky error's code, or PD_OK */
	struct pd_err fail;
	struct pd_buf head, raw, value, name;
};

/* --- input --------------------------------------------------------------- */

/* The next physical line without its line end; false at the end. */
static bool phys_line(struct pd_vcard_reader *r, const char **p, size_t *len)
{
	const char *s, *nl;
	size_t left;

	if (r->pos >= r->n)
		return false;
	s = r->data + r->pos;
	left = r->n - r->pos;
	nl = memchr(s, '\n', left);
	*len = nl ? (size_t)(nl - s) : left;
	r->pos += *len + (nl != NULL);
	if (*len && s[*len - 1] == '\r')
		(*len)--;
	*p = s;
	r->line++;
	return true;
}

/* True when the next physical line continues a folded one. */
static bool folded_next(const struct pd_vcard_reader *r)
{
	return r->pos < r->n && (r->data[r->pos] == ' ' || r->data[r->pos] == '\t');
}

/* Step over a skipped value's continuation lines (and, for the base64 of
 * 2.1 writers that do not indent it, lines with no ':' up to a blank). */
static void skip_value(struct pd_vcard_reader *r)
{
	const char *p;
	size_t len;

	for (;;) {
		if (folded_next(r)) {
			phys_line(r, &p, &len);
			continue;
		}
		size_t save = r->pos;
		unsigned long save_line = r->line;
		if (!phys_line(r, &p, &len))
			return;
		if (len == 0 || memchr(p, ':', len)) {
			r->pos = save;
			r->line = save_line;
			return;
		}
	}
}

/* --- messages -------------------------------------------------------------- */

/* Up to 40 bytes of `s` for a message, control characters as '?'. */
static void excerpt(const char *s, size_t n, char out[64])
{
	size_t k = 0;

	for (size_t i = 0; i < n && k < 40; i++)
		out[k++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	if (n > 40)
		k = (size_t)snprintf(out + k, 64 - k, "...") + k;
	out[k] = '\0';
}

static int fail(struct pd_vcard_reader *r, struct pd_err *err, int code,
		unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int fail(struct pd_vcard_reader *r, struct pd_err *err, int code,
		unsigned long line, const char *fmt, ...)
{
	char msg[PD_ERR_MSG];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->failed = pd_err_set(&r->fail, code, "%lu: %s", line, msg);
	if (err)
		*err = r->fail;
	return code;
}

/* Where a content line's head ended. */
struct cline {
	unsigned long line;       /* its first line */
	bool          has_colon;
	const char   *rest;       /* the value's bytes on the head's last */
	size_t        restlen;    /* physical line */
};

/*
 * Gather the next content line's head (up to the ':' outside quotes,
 * across folds) into r->head, skipping blank lines.  Only the head is
 * copied; the value's first bytes are left at cl->rest.  A head with no
 * ':' in its whole logical line is kept to HEAD_MAX bytes, for a message.
 * Returns PD_OK, PD_NOTFOUND at the end, PD_ENOMEM.
 */
static int read_head(struct pd_vcard_reader *r, struct cline *cl)
{
	const char *p;
	size_t len;
	bool quoted = false, first = true;

	do {
		if (!phys_line(r, &p, &len))
			return PD_NOTFOUND;
	} while (len == 0);
	memset(cl, 0, sizeof *cl);
	cl->line = r->line;
	pd_buf_reset(&r->head);
	for (;;) {
		const char *seg = first ? p : p + 1;
		size_t slen = first ? len : len - 1, k;

		for (k = 0; k < slen; k++) {
			if (seg[k] == '"')
				quoted = !quoted;
			else if (seg[k] == ':' && !quoted)
				break;
		}
		size_t keep = k;
		if (r->head.n + keep > HEAD_MAX)
			keep = r->head.n < HEAD_MAX ? HEAD_MAX - r->head.n : 0;
		if (pd_buf_add(&r->head, seg, keep) != PD_OK)
			return PD_ENOMEM;
		if (k < slen && r->head.n < HEAD_MAX) {
			cl->has_colon = true;
			cl->rest = seg + k + 1;
			cl->restlen = slen - k - 1;
			return PD_OK;
		}
		if (!folded_next(r))
			break;
		phys_line(r, &p, &len);
		first = false;
	}
	if (!r->head.p && pd_buf_reserve(&r->head, 1) != PD_OK)
		return PD_ENOMEM;
	return PD_OK;
}

/* Gather the value into r->raw: the rest of the head's line, folded
 * lines, and for quoted-printable the lines after a soft break ('=' at a
 * line's end). */
static int read_value(struct pd_vcard_reader *r, const struct cline *cl, bool qp)
{
	const char *p;
	size_t len;

	pd_buf_reset(&r->raw);
	if (pd_buf_add(&r->raw, cl->rest, cl->restlen) != PD_OK)
		return PD_ENOMEM;
	for (;;) {
		if (qp && r->raw.n && r->raw.p[r->raw.n - 1] == '=') {
			if (!phys_line(r, &p, &len))
				break;
			r->raw.n--;
			if (pd_buf_add(&r->raw, p, len) != PD_OK)
				return PD_ENOMEM;
		} else if (folded_next(r)) {
			phys_line(r, &p, &len);
			if (pd_buf_add(&r->raw, p + 1, len - 1) != PD_OK)
				return PD_ENOMEM;
		} else {
			break;
		}
	}
	return PD_OK;
}

static void swap(struct pd_buf *a, struct pd_buf *b)
{
	struct pd_buf t = *a;
	*a = *b;
	*b = t;
}

/* r->raw decoded into r->value: quoted-printable, then the charset. */
static int decode(struct pd_vcard_reader *r, const struct cline *cl,
		  const struct vc_head *h, bool *fallback, struct pd_err *err)
{
	size_t bad;
	int rc;

	*fallback = false;
	if (h->qp) {
		if ((rc = vc_qp_decode(r->raw.p, r->raw.n, &r->value, &bad)) == PD_EPARSE) {
			char ex[64];
			excerpt(r->raw.p + bad, r->raw.n - bad < 3 ? r->raw.n - bad : 3, ex);
			return fail(r, err, PD_EPARSE, cl->line, "bad quoted-printable "
				    "\"%s\": '=' must be followed by two hex digits",
				    ex);
		}
		if (rc != PD_OK)
			return pd_err_nomem(err);
	} else {
		swap(&r->raw, &r->value);
	}
	if (memchr(r->value.p, '\0', r->value.n))
		return fail(r, err, PD_EPARSE, cl->line, "a NUL byte in the value");
	if (h->charset[0] && strcasecmp(h->charset, "UTF-8") && strcasecmp(h->charset, "UTF8")) {
		rc = vc_convert(h->charset, r->value.p, r->value.n, &r->raw);
		if (rc == PD_EINVAL)
			return fail(r, err, PD_EINVAL, cl->line, "unknown CHARSET \"%s\"",
				    h->charset);
		if (rc == PD_EPARSE)
			return fail(r, err, PD_EPARSE, cl->line, "the value is not valid %s",
				    h->charset);
		if (rc != PD_OK)
			return pd_err_nomem(err);
		swap(&r->raw, &r->value);
	} else if (!pd_utf8_valid(r->value.p, r->value.n)) {
		if (h->charset[0])
			return fail(r, err, PD_EPARSE, cl->line, "the value is not valid "
				    "UTF-8 (CHARSET=%s)", h->charset);
		rc = vc_convert(r->charset, r->value.p, r->value.n, &r->raw);
		if (rc == PD_EPARSE)
			return fail(r, err, PD_EPARSE, cl->line, "the value is neither "
				    "UTF-8 nor %s", r->charset);
		if (rc != PD_OK)
			return pd_err_nomem(err);
		swap(&r->raw, &r->value);
		*fallback = true;
	}
	return PD_OK;
}

/* --- events ---------------------------------------------------------------- */

/* True when the value (raw, unread) is `word`, ignoring case and blanks. */
static bool rest_is(const struct cline *cl, const char *word)
{
	const char *s = cl->rest;
	size_t n = cl->restlen;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	return vc_is(s, n, word);
}

static bool head_is(const struct pd_vcard_reader *r, const char *word)
{
	const char *s = r->head.p;
	size_t n = r->head.n;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return vc_is(s, n, word);
}

/* The line as read, shortened, for a message. */
static void line_excerpt(const struct pd_vcard_reader *r, const struct cline *cl,
			 char out[64])
{
	char both[48];
	size_t n = r->head.n < 41 ? r->head.n : 41;

	memcpy(both, r->head.p, n);
	if (cl->has_colon && n < 41) {
		both[n++] = ':';
		size_t more = cl->restlen < 41 - n ? cl->restlen : 41 - n;
		memcpy(both + n, cl->rest, more);
		n += more;
	}
	excerpt(both, n, out);
}

static bool skipped_name(const char *name)
{
	return !strcmp(name, "PHOTO") || !strcmp(name, "LOGO") ||
	       !strcmp(name, "SOUND") || !strcmp(name, "KEY");
}

static int version_of(const char *v)
{
	while (*v == ' ')
		v++;
	if (!strncmp(v, "2.1", 3))
		return 21;
	if (!strncmp(v, "4.0", 3))
		return 40;
	return 30;
}

static int outside(struct pd_vcard_reader *r, const struct cline *cl,
		   struct pd_vcard_prop *p, struct pd_err *err)
{
	char ex[64];

	if (cl->has_colon && head_is(r, "BEGIN") && rest_is(cl, "VCARD")) {
		r->started = r->in_card = true;
		r->card_line = cl->line;
		r->version = 30;
		p->event = PD_VCARD_BEGIN;
		return PD_OK;
	}
	line_excerpt(r, cl, ex);
	if (!r->started)
		return fail(r, err, PD_EPARSE, cl->line, "not a vCard file: it begins "
			    "\"%s\", not BEGIN:VCARD", ex);
	return fail(r, err, PD_EPARSE, cl->line, "\"%s\" outside a card (only "
		    "BEGIN:VCARD may follow END:VCARD)", ex);
}

static int inside(struct pd_vcard_reader *r, const struct cline *cl,
		  struct pd_vcard_prop *p, struct pd_err *err)
{
	struct vc_head h;
	char ex[64];
	int rc;

	line_excerpt(r, cl, ex);
	if (!cl->has_colon)
		return fail(r, err, PD_EPARSE, cl->line, "not a vCard property (no "
			    "':'): \"%s\"", ex);
	if (!vc_parse_head(r->head.p, r->head.n, &r->name, &h))
		return fail(r, err, PD_EPARSE, cl->line, "not a vCard property name: "
			    "\"%s\"", ex);
	if (!strcmp(r->name.p, "BEGIN") && rest_is(cl, "VCARD"))
		return fail(r, err, PD_EPARSE, cl->line, "BEGIN:VCARD inside the card "
			    "begun on line %lu (is its END:VCARD missing?)",
			    r->card_line);
	if (!strcmp(r->name.p, "END") && rest_is(cl, "VCARD")) {
		r->in_card = false;
		p->event = PD_VCARD_END;
		return PD_OK;
	}
	p->event = PD_VCARD_PROP;
	p->name = r->name.p;
	p->types = h.types;
	if (h.b64 || skipped_name(r->name.p)) {
		skip_value(r);
		p->skipped = true;
		return PD_OK;
	}
	if ((rc = read_value(r, cl, h.qp)) != PD_OK)
		return pd_err_nomem(err);
	if ((rc = decode(r, cl, &h, &p->fallback, err)) != PD_OK)
		return rc;
	p->value = r->value.p;
	p->len = r->value.n;
	if (!strcmp(r->name.p, "VERSION"))
		r->version = version_of(p->value);
	return PD_OK;
}

int pd_vcard_next(struct pd_vcard_reader *r, struct pd_vcard_prop *p,
		  struct pd_err *err)
{
	struct cline cl;
	int rc;

	if (r->failed) {
		if (err)
			*err = r->fail;
		return r->failed;
	}
	memset(p, 0, sizeof *p);
	p->name = p->value = "";
	rc = read_head(r, &cl);
	if (rc == PD_ENOMEM)
		return pd_err_nomem(err);
	if (rc == PD_NOTFOUND) {
		if (r->in_card)
			return fail(r, err, PD_EPARSE, r->line, "the card begun on line "
				    "%lu has no END:VCARD", r->card_line);
		if (!r->started)
			return fail(r, err, PD_EPARSE, r->line ? r->line : 1,
				    "not a vCard file: it has no BEGIN:VCARD");
		return PD_NOTFOUND;
	}
	p->line = cl.line;
	rc = r->in_card ? inside(r, &cl, p, err) : outside(r, &cl, p, err);
	p->version = r->version;
	if (rc == PD_OK && !p->value)
		p->value = "";
	return rc;
}

void pd_vcard_rewind(struct pd_vcard_reader *r)
{
	r->pos = 0;
	r->line = 0;
	r->started = r->in_card = false;
	r->card_line = 0;
	r->version = 30;
	r->failed = PD_OK;
	pd_err_clear(&r->fail);
}

void pd_vcard_position(const struct pd_vcard_reader *r, uint64_t *done,
		       uint64_t *total)
{
	*total = r->total;
	*done = r->pos + (r->total - r->n);
	if (*done > *total)
		*done = *total;
}

/* --- opening --------------------------------------------------------------- */

/* The byte-order mark at `s`: 3 for UTF-8, 2 for UTF-16 (*enc set), 0. */
static size_t bom(const unsigned char *s, size_t n, const char **enc)
{
	*enc = NULL;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
		*enc = "UTF-16LE";
	else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
		*enc = "UTF-16BE";
	return *enc ? 2 : 0;
}

bool pd_vcard_sniff(const void *data, size_t n)
{
	static const char want[] = "BEGIN:VCARD";
	const unsigned char *s = data;
	const char *enc;
	size_t i = bom(s, n, &enc), step = enc ? 2 : 1;
	size_t lo = enc && !strcmp(enc, "UTF-16BE") ? 1 : 0;

	while (i + lo < n && (s[i + lo] == '\r' || s[i + lo] == '\n' ||
			      s[i + lo] == ' ' || s[i + lo] == '\t'))
		i += step;
	for (size_t k = 0; k < sizeof want - 1; k++, i += step)
		if (i + lo >= n || (s[i + lo] & ~0x20) != (want[k] & ~0x20))
			return false;
	return true;
}

int pd_vcard_open_mem(const void *data, size_t n, const struct pd_vcard_opts *opts,
		      struct pd_vcard_reader **out, struct pd_err *err)
{
	struct pd_vcard_reader *r = calloc(1, sizeof *r);
	const char *cs = opts && opts->charset ? opts->charset : "WINDOWS-1252";
	const char *enc;
	size_t skip = bom(data, n, &enc);
	iconv_t cd;

	*out = NULL;
	if (!r)
		return pd_err_nomem(err);
	if ((cd = iconv_open("UTF-8", cs)) == (iconv_t)-1) {
		free(r);
		return pd_err_set(err, PD_EINVAL, "unknown encoding \"%s\" (iconv -l "
				  "lists them)", cs);
	}
	iconv_close(cd);
	snprintf(r->charset, sizeof r->charset, "%s", cs);
	r->total = n;
	r->data = (const char *)data + skip;
	r->n = n - skip;
	if (enc) {
		struct pd_buf b = PD_BUF_INIT;
		int rc = vc_convert(enc, r->data, r->n, &b);
		if (rc != PD_OK) {
			pd_buf_free(&b);
			free(r);
			return rc == PD_ENOMEM ? pd_err_nomem(err) :
				pd_err_set(err, PD_EPARSE, "1: the file begins as UTF-16 "
					   "but is not valid UTF-16");
		}
		r->own = b.p;
		r->data = b.p ? b.p : "";
		r->n = b.n;
		r->total = b.n;
	}
	pd_vcard_rewind(r);
	*out = r;
	return PD_OK;
}

int pd_vcard_open_file(const char *path, const struct pd_vcard_opts *opts,
		       struct pd_vcard_reader **out, struct pd_err *err)
{
	struct pd_buf b = PD_BUF_INIT;
	char chunk[65536];
	ssize_t got;
	int fd, rc;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return pd_err_set(err, PD_EIO, "cannot open %s: %s", path, strerror(errno));
	while ((got = read(fd, chunk, sizeof chunk)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = pd_err_set(err, PD_EIO, "cannot read %s: %s", path,
					strerror(errno));
			close(fd);
			pd_buf_free(&b);
			return rc;
		}
		if (pd_buf_add(&b, chunk, (size_t)got) != PD_OK) {
			close(fd);
			pd_buf_free(&b);
			return pd_err_nomem(err);
		}
	}
	close(fd);
	rc = pd_vcard_open_mem(b.p ? b.p : "", b.n, opts, out, err);
	if (rc != PD_OK) {
		pd_buf_free(&b);
		return rc;
	}
	if ((*out)->own) {
		pd_buf_free(&b);   /* UTF-16: the reader made its own copy */
	} else {
		(*out)->own = b.p;
	}
	return PD_OK;
}

void pd_vcard_close(struct pd_vcard_reader *r)
{
	if (!r)
		return;
	free(r->own);
	pd_buf_free(&r->head);
	pd_buf_free(&r->raw);
	pd_buf_free(&r->value);
	pd_buf_free(&r->name);
	free(r);
}

