/*
 * mail_header.c — a message's sender from its From: header, RFC 2047
 * encoded words both ways, and header fields for the digests (mail.h).
 *
 * Why not GMime: it would parse this well, but for one header it brings
 * GLib and GObject into a program that has neither, and a global
 * g_mime_init(); what plandesk needs is the first mailbox of one field
 * and encoded words, which iconv (already used for CSV) decodes.
 * tests/unit/test_mail.c holds the shapes real mailers write, and
 * tests/fuzz/fuzz_mail.c fuzzes this file.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "plandesk/transfer/mail.h"
#include "plandesk/base/text.h"

/* --- encoded words --------------------------------------------------------- */

static int b64val(int c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+') return 62;
	if (c == '/') return 63;
	return -1;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	return -1;
}

/* Convert `n` bytes from `cs` to UTF-8, appended to out.  False when iconv
 * does not know `cs` or the bytes are not in it (out unchanged). */
static bool to_utf8(const char *cs, const char *s, size_t n, struct pd_buf *out)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	size_t start = out->n;
	char *in = (char *)s;
	bool ok = true;

	if (cd == (iconv_t)-1)
		return false;
	while (ok && n) {
		if (pd_buf_reserve(out, n * 4 + 8) != PD_OK) {
			ok = false;
			break;
		}
		char *o = out->p + out->n;
		size_t left = out->cap - out->n - 1;
		size_t k = iconv(cd, &in, &n, &o, &left);
		out->n = (size_t)(o - out->p);
		if (k == (size_t)-1 && errno != E2BIG)
			ok = false;
	}
	iconv_close(cd);
	if (!ok)
		out->n = start;
	if (out->p)
		out->p[out->n] = '\0';
	return ok && (out->n == start || pd_utf8_valid(out->p + start, out->n - start));
}

/* Plain text: UTF-8 as it is, else Windows-1252 (else, for the five
 * bytes Windows-1252 leaves out, ISO-8859-1, which has every byte). */
static int plain(const char *s, size_t n, struct pd_buf *out)
{
	if (pd_utf8_valid(s, n))
		return pd_buf_add(out, s, n);
	if (to_utf8("WINDOWS-1252", s, n, out) || to_utf8("ISO-8859-1", s, n, out))
		return PD_OK;
	return PD_ENOMEM;
}

/*
 * The encoded word at s (n bytes available), "=?cs?E?text?=": its length
 * in *len and its decoded text appended to out.  False (out unchanged)
 * when it is not one or does not decode.
 */
static bool encoded_word(const char *s, size_t n, size_t *len, struct pd_buf *out)
{
	char cs[64], bytes[256];
	size_t i = 2, c0, t0, nb = 0;
	int enc;

	if (n < 8 || s[0] != '=' || s[1] != '?')
		return false;
	for (c0 = i; i < n && s[i] != '?' && s[i] > ' ' && i - c0 < sizeof cs - 1; i++)
		;
	if (i + 2 >= n || s[i] != '?' || i == c0 || s[i + 2] != '?')
		return false;
	memcpy(cs, s + c0, i - c0);
	cs[i - c0] = '\0';
	if (strchr(cs, '*'))
		*strchr(cs, '*') = '\0';   /* RFC 2231 language */
	enc = s[i + 1] & ~0x20;
	if (enc != 'Q' && enc != 'B')
		return false;
	for (i += 3, t0 = i; i + 1 < n && !(s[i] == '?' && s[i + 1] == '='); i++)
		if (s[i] <= ' ' || s[i] == '?')
			return false;
	if (i + 1 >= n || i - t0 > 3 * sizeof bytes / 2)
		return false;
	if (enc == 'Q') {
		for (size_t k = t0; k < i && nb < sizeof bytes; k++) {
			int h1, h2;
			if (s[k] == '_')
				bytes[nb++] = ' ';
			else if (s[k] == '=' && k + 2 < i &&
				 (h1 = hexval(s[k + 1])) >= 0 && (h2 = hexval(s[k + 2])) >= 0) {
				bytes[nb++] = (char)(h1 * 16 + h2);
				k += 2;
			} else if (s[k] == '=')
				return false;
			else
				bytes[nb++] = s[k];
		}
	} else {
		unsigned acc = 0;
		int bits = 0;
		for (size_t k = t0; k < i && s[k] != '='; k++) {
			int v = b64val((unsigned char)s[k]);
			if (v < 0)
				return false;
			acc = (acc << 6) | (unsigned)v;
			if ((bits += 6) >= 8) {
				bits -= 8;
				if (nb < sizeof bytes)
					bytes[nb++] = (char)(acc >> bits);
			}
		}
	}
	if (!to_utf8(cs, bytes, nb, out))
		return false;
	*len = i + 2 - 0;
	return true;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

int pd_mail_decode(const char *s, size_t n, struct pd_buf *out)
{
	struct pd_buf word = PD_BUF_INIT;
	size_t i = 0, run = 0;   /* plain text waits in [run, i) */
	bool after_word = false;
	int rc = PD_OK;

	if (pd_buf_reserve(out, n) != PD_OK)
		return PD_ENOMEM;
	while (i < n && rc == PD_OK) {
		size_t len;
		pd_buf_reset(&word);
		if (s[i] != '=' || i + 1 >= n || s[i + 1] != '?' ||
		    !encoded_word(s + i, n - i, &len, &word)) {
			i++;
			continue;
		}
		/* white space between two encoded words is not text */
		if (!(after_word && blank(s + run, i - run)))
			rc = plain(s + run, i - run, out);
		if (rc == PD_OK)
			rc = pd_buf_add(out, word.p, word.n);
		i += len;
		run = i;
		after_word = true;
	}
	pd_buf_free(&word);
	return rc == PD_OK ? plain(s + run, n - run, out) : rc;
}

/* --- the From: field --------------------------------------------------------- */

/* The unfolded value of the first `field` in the header block, in out. */
static bool header_value(const char *s, size_t n, const char *field, struct pd_buf *out)
{
	size_t fl = strlen(field), i = 0;

	if (n >= 5 && !memcmp(s, "From ", 5))   /* an mbox separator line */
		while (i < n && s[i++] != '\n')
			;
	while (i < n) {
		size_t e = i;
		while (e < n && s[e] != '\n')
			e++;
		size_t len = e - i - (e > i && s[e - 1] == '\r');
		if (len == 0)
			return false;   /* the end of the header block */
		if (len > fl && !strncasecmp(s + i, field, fl) && s[i + fl] == ':') {
			if (pd_buf_add(out, s + i + fl + 1, len - fl - 1) != PD_OK)
				return false;
			for (i = e + 1; i < n && (s[i] == ' ' || s[i] == '\t'); i = e + 1) {
				for (e = i; e < n && s[e] != '\n'; e++)
					;
				len = e - i - (e > i && s[e - 1] == '\r');
				if (pd_buf_add(out, s + i, len) != PD_OK)
					return false;
			}
			if (!out->p && pd_buf_reserve(out, 1) != PD_OK)
				return false;
			return true;
		}
		i = e + 1;
	}
	return false;
}

struct mailbox {
	struct pd_buf phrase;    /* display name, quotes removed, raw */
	struct pd_buf comment;   /* the first comment's text */
	struct pd_buf angle;     /* what is inside <> */
	struct pd_buf bare;      /* the address with no <> */
	bool          has_angle;
};

/* Split the first mailbox of an address list. */
static int first_mailbox(const char *s, size_t n, struct mailbox *m)
{
	int depth = 0, rc = PD_OK;
	bool quoted = false, in_angle = false, comment_done = false;

	for (size_t i = 0; i < n && rc == PD_OK; i++) {
		char c = s[i];
		if (quoted) {
			if (c == '\\' && i + 1 < n)
				c = s[++i];
			else if (c == '"') {
				quoted = false;
				continue;
			}
			rc = pd_buf_putc(&m->phrase, c);
		} else if (depth) {
			if (c == '\\' && i + 1 < n)
				c = s[++i];
			else if (c == '(')
				depth++;
			else if (c == ')' && !--depth) {
				comment_done = m->comment.n > 0;
				continue;
			}
			if (!comment_done)
				rc = pd_buf_putc(&m->comment, c);
		} else if (c == '(') {
			depth = 1;
			if (m->phrase.n || m->bare.n)
				rc = pd_buf_putc(m->has_angle ? &m->bare : &m->phrase, ' ');
		} else if (in_angle) {
			if (c == '>')
				in_angle = false;
			else
				rc = pd_buf_putc(&m->angle, c);
		} else if (c == '<' && !m->has_angle) {
			in_angle = m->has_angle = true;
		} else if (c == '"') {
			quoted = true;
		} else if (c == ':' && !m->has_angle) {   /* a group's name */
			pd_buf_reset(&m->phrase);
			pd_buf_reset(&m->bare);
		} else if ((c == ',' || c == ';') &&
			   (m->has_angle || memchr(m->bare.p ? m->bare.p : "", '@', m->bare.n))) {
			break;   /* the end of the first mailbox */
		} else if ((c == ',' || c == ';') && !m->phrase.n) {
			continue;   /* an empty one, or a group's end */
		} else {
			rc = pd_buf_putc(&m->phrase, c);
			if (rc == PD_OK && c != ' ' && c != '\t')
				rc = pd_buf_putc(&m->bare, c);
		}
	}
	return rc;
}

/* Trim and keep one space between words, control characters (a NUL
 * among them) counting as spaces; in place. */
static void squeeze(struct pd_buf *b)
{
	size_t k = 0;

	for (size_t i = 0; i < b->n; i++) {
		unsigned char c = (unsigned char)b->p[i];
		bool sp = c <= ' ' || c == 0x7f;
		if (sp && (k == 0 || b->p[k - 1] == ' '))
			continue;
		b->p[k++] = sp ? ' ' : (char)c;
	}
	while (k && b->p[k - 1] == ' ')
		k--;
	b->n = k;
	if (b->p)
		b->p[k] = '\0';
}

static bool good_address(const char *a, size_t n)
{
	const char *at = NULL;

	for (size_t i = 0; i < n; i++)
		if (a[i] == '@') {
			if (at)
				return false;   /* local@part@domain */
			at = a + i;
		}
	if (!at || at == a || at == a + n - 1 || !pd_utf8_valid(a, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)a[i] <= ' ' || strchr("<>()[]\\,;:\"", a[i]) ||
		    (unsigned char)a[i] == 0x7f)
			return false;
	return true;
}

/* "Price, Kate" → "Kate Price": one comma, a word or two either side; a
 * trailing "(Fire Service)" stays at the end. */
static int unswap(struct pd_buf *name)
{
	char *comma = strchr(name->p, ','), *paren = strstr(name->p, " (");
	struct pd_buf t = PD_BUF_INIT;
	int spaces = 0, rc;

	if (paren && name->p[name->n - 1] == ')' && paren > name->p) {
		struct pd_buf core = PD_BUF_INIT;
		if (pd_buf_add(&core, name->p, (size_t)(paren - name->p)) != PD_OK)
			return PD_ENOMEM;
		if ((rc = unswap(&core)) == PD_OK && (rc = pd_buf_puts(&core, paren)) == PD_OK) {
			pd_buf_reset(name);
			rc = pd_buf_add(name, core.p, core.n);
		}
		pd_buf_free(&core);
		return rc;
	}

	if (!comma || strchr(comma + 1, ',') || comma == name->p || !comma[1])
		return PD_OK;
	for (const char *c = name->p; *c; c++) {
		if (*c == ' ')
			spaces++;
		if ((*c >= '0' && *c <= '9') || *c == '&' || *c == '(')
			return PD_OK;
	}
	if (spaces > 3)
		return PD_OK;
	if (pd_buf_puts(&t, comma + 1) != PD_OK || pd_buf_putc(&t, ' ') != PD_OK ||
	    pd_buf_add(&t, name->p, (size_t)(comma - name->p)) != PD_OK) {
		pd_buf_free(&t);
		return PD_ENOMEM;
	}
	squeeze(&t);
	pd_buf_reset(name);
	if (pd_buf_add(name, t.p, t.n) != PD_OK) {
		pd_buf_free(&t);
		return PD_ENOMEM;
	}
	pd_buf_free(&t);
	return PD_OK;
}

/* A name from the address's local part: "kate.price" → "Kate Price". */
static int name_from_address(const char *addr, struct pd_buf *name)
{
	const char *a = addr;
	bool start = true;

	for (; *a && *a != '@'; a++) {
		char c = *a;
		if (c == '.' || c == '_' || c == '-' || c == '+') {
			if (!start && pd_buf_putc(name, ' ') != PD_OK)
				return PD_ENOMEM;
			start = true;
			continue;
		}
		if (start && c >= 'a' && c <= 'z')
			c = (char)(c - 32);
		start = false;
		if (pd_buf_putc(name, c) != PD_OK)
			return PD_ENOMEM;
	}
	squeeze(name);
	if (!name->n && pd_buf_puts(name, addr) != PD_OK)   /* "_@x": the address */
		return PD_ENOMEM;
	return PD_OK;
}

int pd_mail_sender(const char *msg, size_t n, struct pd_buf *name,
		   struct pd_buf *addr, struct pd_err *err)
{
	struct pd_buf from = PD_BUF_INIT;
	struct mailbox m = { PD_BUF_INIT, PD_BUF_INIT, PD_BUF_INIT, PD_BUF_INIT, false };
	struct pd_buf *a, *shown;
	char ex[64];
	int rc = PD_OK;

	pd_buf_reset(name);
	pd_buf_reset(addr);
	if (!header_value(msg, n, "From", &from)) {
		rc = pd_err_set(err, PD_NOTFOUND, "the message has no From: header "
				"(is it an e-mail message?)");
		goto out;
	}
	if ((rc = first_mailbox(from.p, from.n, &m)) != PD_OK)
		goto nomem;
	a = m.has_angle ? &m.angle : &m.bare;
	squeeze(a);
	/* an obsolete route, "<@relay:user@host>" */
	if (a->n && a->p[0] == '@' && strchr(a->p, ':')) {
		char *colon = strchr(a->p, ':');
		memmove(a->p, colon + 1, strlen(colon + 1) + 1);
		a->n = strlen(a->p);
	}
	if (!a->n || !good_address(a->p, a->n)) {
		squeeze(&from);
		snprintf(ex, sizeof ex, "%.40s%s", from.n ? from.p : "",
			 from.n > 40 ? "..." : "");
		for (char *c = ex; *c; c++)
			if ((unsigned char)*c < 0x20)
				*c = '?';
		rc = pd_err_set(err, PD_EPARSE, "the From: header has no e-mail "
				"address: \"%s\"", ex);
		goto out;
	}
	if (pd_buf_add(addr, a->p, a->n) != PD_OK)
		goto nomem;
	shown = m.has_angle ? &m.phrase : &m.comment;
	if (pd_mail_decode(shown->p ? shown->p : "", shown->n, name) != PD_OK)
		goto nomem;
	squeeze(name);
	/* 'Kate Price' in single quotes, as some mailers write it */
	if (name->n >= 2 && name->p[0] == '\'' && name->p[name->n - 1] == '\'') {
		memmove(name->p, name->p + 1, name->n - 2);
		name->n -= 2;
		name->p[name->n] = '\0';
		squeeze(name);
	}
	if (name->n && !strcmp(name->p, addr->p))
		pd_buf_reset(name);
	if ((name->n ? unswap(name) : name_from_address(addr->p, name)) != PD_OK)
		goto nomem;
	goto out;
nomem:
	rc = pd_err_nomem(err);
out:
	pd_buf_free(&from);
	pd_buf_free(&m.phrase);
	pd_buf_free(&m.comment);
	pd_buf_free(&m.angle);
	pd_buf_free(&m.bare);
	return rc;
}
