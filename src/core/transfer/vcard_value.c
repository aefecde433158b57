/*
 * vcard_value.c — the pieces of a vCard content line (vcard.h,
 * vcard_impl.h): parameters, quoted-printable, charsets, unescaping a
 * value, and on the way out escaping and folding one.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "plandesk/transfer/vcard.h"
#include "vcard_impl.h"

/* --- charsets -------------------------------------------------------------- */

int vc_convert(const char *from, const char *s, size_t n, struct pd_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)s;
	size_t inleft = n;
	int rc = PD_OK;

	if (cd == (iconv_t)-1)
		return PD_EINVAL;
	pd_buf_reset(out);
	while (rc == PD_OK) {
		if (pd_buf_reserve(out, inleft * 2 + 16) != PD_OK) {
			rc = PD_ENOMEM;
			break;
		}
		char *o = out->p + out->n;
		size_t oleft = out->cap - out->n - 1;
		size_t k = iconv(cd, inleft ? &in : NULL, &inleft, &o, &oleft);
		out->n = (size_t)(o - out->p);
		if (k != (size_t)-1) {
			if (!inleft)
				break;
		} else if (errno != E2BIG) {
			rc = PD_EPARSE;
		}
	}
	if (out->p)
		out->p[out->n] = '\0';
	iconv_close(cd);
	return rc;
}

/* --- parameters ------------------------------------------------------------ */

static unsigned type_bit(const char *t, size_t n)
{
	static const struct { const char *name; unsigned bit; } names[] = {
		{ "WORK", PD_VC_WORK }, { "HOME", PD_VC_HOME },
		{ "CELL", PD_VC_CELL }, { "MOBILE", PD_VC_CELL },
		{ "FAX", PD_VC_FAX }, { "PREF", PD_VC_PREF },
		{ "VOICE", PD_VC_VOICE }, { "PAGER", PD_VC_PAGER },
		{ "INTERNET", 0 }, { "X400", 0 },
	};

	if (!n)
		return 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == n && !strncasecmp(names[i].name, t, n))
			return names[i].bit;
	return PD_VC_OTHER;
}

/* Every comma-separated item of a parameter value as a type. */
static unsigned type_list(const char *v, size_t n)
{
	unsigned bits = 0;

	while (n) {
		size_t k = 0;
		while (k < n && v[k] != ',')
			k++;
		size_t a = 0, b = k;
		while (a < b && (v[a] == '"' || v[a] == ' '))
			a++;
		while (b > a && (v[b - 1] == '"' || v[b - 1] == ' '))
			b--;
		bits |= type_bit(v + a, b - a);
		v += k + (k < n);
		n -= k + (k < n);
	}
	return bits;
}

bool vc_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && !strncasecmp(s, word, n);
}

/* One parameter, "KEY=VALUE" or a bare 2.1 one. */
static void param(struct vc_head *h, const char *s, size_t n)
{
	const char *eq = memchr(s, '=', n);
	const char *v = eq ? eq + 1 : s;
	size_t kn = eq ? (size_t)(eq - s) : n, vn = n - (size_t)(v - s);

	if (vn >= 2 && v[0] == '"' && v[vn - 1] == '"') {
		v++;
		vn -= 2;
	}
	if (eq && vc_is(s, kn, "TYPE")) {
		h->types |= type_list(v, vn);
	} else if (eq && vc_is(s, kn, "PREF")) {
		h->types |= PD_VC_PREF;
	} else if (eq && vc_is(s, kn, "CHARSET")) {
		snprintf(h->charset, sizeof h->charset, "%.*s", (int)(vn < 39 ? vn : 39), v);
	} else if (!eq || vc_is(s, kn, "ENCODING")) {
		if (vc_is(v, vn, "QUOTED-PRINTABLE"))
			h->qp = true;
		else if (vc_is(v, vn, "BASE64") || vc_is(v, vn, "B"))
			h->b64 = true;
		else if (!eq && !vc_is(v, vn, "8BIT") && !vc_is(v, vn, "7BIT"))
			h->types |= type_bit(v, vn);
	}
}

bool vc_parse_head(const char *s, size_t n, struct pd_buf *name,
		   struct vc_head *h)
{
	const char *end = s + n, *semi = memchr(s, ';', n), *dot;
	size_t k = semi ? (size_t)(semi - s) : n;

	memset(h, 0, sizeof *h);
	for (dot = s + k; dot > s && dot[-1] != '.'; dot--)
		;
	if (dot == s + k)
		return false;
	pd_buf_reset(name);
	for (const char *c = dot; c < s + k; c++) {
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
			return false;
		if (pd_buf_putc(name, *c >= 'a' && *c <= 'z' ? *c - 32 : *c) != PD_OK)
			return false;
	}
	s += k;
	while (s < end) {
		const char *p = ++s;
		bool q = false;
		while (s < end && (q || *s != ';')) {
			if (*s == '"')
				q = !q;
			s++;
		}
		param(h, p, (size_t)(s - p));
	}
	return true;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int vc_qp_decode(const char *in, size_t n, struct pd_buf *out, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)in;

	pd_buf_reset(out);
	for (size_t i = 0; i < n; i++) {
		int c = s[i];
		if (c == '=') {
			int h1 = i + 1 < n ? hexval(s[i + 1]) : -1;
			int h2 = i + 2 < n ? hexval(s[i + 2]) : -1;
			if (h1 < 0 || h2 < 0) {
				*bad = i;
				return PD_EPARSE;
			}
			c = h1 * 16 + h2;
			i += 2;
		}
		if (pd_buf_putc(out, c) != PD_OK)
			return PD_ENOMEM;
	}
	if (!out->p && pd_buf_reserve(out, 1) != PD_OK)
		return PD_ENOMEM;
	out->p[out->n] = '\0';
	return PD_OK;
}

/* --- values ---------------------------------------------------------------- */

int pd_vcard_text(const struct pd_vcard_prop *p, size_t comp, struct pd_buf *out)
{
	const char *s = p->value, *end = s + p->len;
	size_t at = 0;
	bool v21 = p->version == 21;

	/* find the component's start */
	if (comp != PD_VCARD_WHOLE) {
		while (at < comp && s < end) {
			if (*s == '\\' && s + 1 < end)
				s++;
			else if (*s == ';')
				at++;
			s++;
		}
		if (at < comp)
			return PD_NOTFOUND;
	}
	if (!out->p && pd_buf_reserve(out, 1) != PD_OK)
		return PD_ENOMEM;
	for (; s < end; s++) {
		int c = (unsigned char)*s;
		if (c == ';' && comp != PD_VCARD_WHOLE)
			break;
		if (c == '\\' && s + 1 < end) {
			int d = (unsigned char)s[1];
			if (d == ';' || (!v21 && (d == ',' || d == '\\' || d == ':'))) {
				c = d;
				s++;
			} else if (!v21 && (d == 'n' || d == 'N')) {
				c = '\n';
				s++;
			}
		}
		if (pd_buf_putc(out, c) != PD_OK)
			return PD_ENOMEM;
	}
	return PD_OK;
}

/* --- writing --------------------------------------------------------------- */

int pd_vcard_escape(struct pd_buf *out, const char *s, size_t n)
{
	if (pd_buf_reserve(out, n) != PD_OK)
		return PD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		int rc;
		switch (s[i]) {
		case '\\': rc = pd_buf_add(out, "\\\\", 2); break;
		case ';':  rc = pd_buf_add(out, "\\;", 2); break;
		case ',':  rc = pd_buf_add(out, "\\,", 2); break;
		case '\r':
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
			/* fall through */
		case '\n': rc = pd_buf_add(out, "\\n", 2); break;
		default:   rc = pd_buf_putc(out, s[i]); break;
		}
		if (rc != PD_OK)
			return PD_ENOMEM;
	}
	return PD_OK;
}

#define FOLD_AT 75   /* octets a line may hold, its CRLF not counted */

int pd_vcard_line(struct pd_buf *out, const char *head, const char *value,
		  size_t n)
{
	size_t hn = strlen(head), total = hn + 1 + n, at = 0, room = FOLD_AT;
	struct pd_buf line = PD_BUF_INIT;
	int rc = PD_OK;

	if (pd_buf_add(&line, head, hn) != PD_OK || pd_buf_putc(&line, ':') != PD_OK ||
	    pd_buf_add(&line, value, n) != PD_OK) {
		pd_buf_free(&line);
		return PD_ENOMEM;
	}
	while (rc == PD_OK && at < total) {
		size_t cut = total - at <= room ? total : at + room;
		/* never inside a UTF-8 character */
		while (cut < total && cut > at + 1 &&
		       ((unsigned char)line.p[cut] & 0xC0) == 0x80)
			cut--;
		if (at && (rc = pd_buf_putc(out, ' ')) != PD_OK)
			break;
		if ((rc = pd_buf_add(out, line.p + at, cut - at)) == PD_OK)
			rc = pd_buf_add(out, "\r\n", 2);
		at = cut;
		room = FOLD_AT - 1;
	}
	pd_buf_free(&line);
	return rc;
}
