/*
 * mail_encode.c — header fields for the messages plandesk writes for
 * `mutt -H -` and `sendmail -t` (mail.h): plain ASCII as it is, anything
 * else as RFC 2047 encoded words (UTF-8, Q), folded under 78 columns.
 */
#include <stdio.h>
#include <string.h>

#include "plandesk/transfer/mail.h"

#define LINE_MAX_COLS 78
#define WORD_MAX 75   /* an encoded word's length at most (RFC 2047 §2) */

/* Text that may go in a header as it is: printable ASCII with nothing a
 * reader would take for an encoded word. */
static bool ascii_text(const char *s)
{
	if (strstr(s, "=?"))
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return false;
	return true;
}

/* Characters a Q-encoded word in a phrase may hold as they are (§5(3)). */
static bool q_plain(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '!' || c == '*' || c == '+' ||
	       c == '-' || c == '/';
}

/* Append `s` as encoded words, starting at column *col, folding before a
 * word that would pass LINE_MAX_COLS.  A UTF-8 character is never split
 * between two words. */
static int encode_words(struct pd_buf *out, const char *s, size_t *col)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	bool any = false;   /* a word written: a fold may come before the next */

	while (*p) {
		char word[WORD_MAX + 1];
		/* a word as long as the line has room for (a fold first when
		 * that is too little), never more than WORD_MAX */
		size_t room = *col + 2 < LINE_MAX_COLS ? LINE_MAX_COLS - *col - 1 : 0;
		if (any && room < 24) {
			if (pd_buf_puts(out, "\n ") != PD_OK)
				return PD_ENOMEM;
			*col = 1;
			room = LINE_MAX_COLS - 2;
		}
		size_t max = room < WORD_MAX ? (room < 24 ? 24 : room) : WORD_MAX;
		size_t k = (size_t)snprintf(word, sizeof word, "=?UTF-8?Q?");
		while (*p) {
			size_t clen = 1;
			while ((p[clen] & 0xC0) == 0x80)
				clen++;
			size_t need = 0;
			for (size_t i = 0; i < clen; i++)
				need += p[i] == ' ' || q_plain(p[i]) ? 1 : 3;
			if (k + need + 2 > max)
				break;
			for (size_t i = 0; i < clen; i++) {
				if (p[i] == ' ')
					word[k++] = '_';
				else if (q_plain(p[i]))
					word[k++] = (char)p[i];
				else {
					word[k++] = '=';
					word[k++] = hex[p[i] >> 4];
					word[k++] = hex[p[i] & 15];
				}
			}
			p += clen;
		}
		word[k++] = '?';
		word[k++] = '=';
		word[k] = '\0';
		if (*col && out->n && out->p[out->n - 1] != ' ') {
			if (pd_buf_putc(out, ' ') != PD_OK)
				return PD_ENOMEM;
			(*col)++;
		}
		if (pd_buf_add(out, word, k) != PD_OK)
			return PD_ENOMEM;
		*col += k;
		any = true;
	}
	return PD_OK;
}

/* Append ASCII text word by word, folding at spaces. */
static int fold_ascii(struct pd_buf *out, const char *s, size_t *col)
{
	while (*s) {
		size_t n = strcspn(s, " ");
		if (*col + 1 + n > LINE_MAX_COLS && *col > 1) {
			if (pd_buf_puts(out, "\n") != PD_OK)
				return PD_ENOMEM;
			*col = 0;
		}
		if (pd_buf_putc(out, ' ') != PD_OK || pd_buf_add(out, s, n) != PD_OK)
			return PD_ENOMEM;
		*col += 1 + n;
		s += n;
		while (*s == ' ')
			s++;
	}
	return PD_OK;
}

int pd_mail_header(struct pd_buf *out, const char *field, const char *value)
{
	size_t col = strlen(field) + 1;

	if (pd_buf_puts(out, field) != PD_OK || pd_buf_putc(out, ':') != PD_OK)
		return PD_ENOMEM;
	if (ascii_text(value)) {
		if (fold_ascii(out, value, &col) != PD_OK)
			return PD_ENOMEM;
	} else if (pd_buf_putc(out, ' ') != PD_OK ||
		   (col++, encode_words(out, value, &col)) != PD_OK) {
		return PD_ENOMEM;
	}
	return pd_buf_putc(out, '\n');
}

int pd_mail_address(struct pd_buf *out, const char *field, const char *name,
		    const char *addr)
{
	size_t col = strlen(field) + 2;

	if (pd_buf_printf(out, "%s: ", field) != PD_OK)
		return PD_ENOMEM;
	if (!name || !*name) {
		/* nothing to say but the address */
	} else if (!ascii_text(name)) {
		if (encode_words(out, name, &col) != PD_OK)
			return PD_ENOMEM;
	} else if (strpbrk(name, "()<>[]:;@\\,.\"")) {
		if (pd_buf_putc(out, '"') != PD_OK)
			return PD_ENOMEM;
		for (const char *c = name; *c; c++)
			if ((*c == '"' || *c == '\\') ? pd_buf_putc(out, '\\') != PD_OK ||
			    pd_buf_putc(out, *c) != PD_OK : pd_buf_putc(out, *c) != PD_OK)
				return PD_ENOMEM;
		if (pd_buf_putc(out, '"') != PD_OK)
			return PD_ENOMEM;
		col += strlen(name) + 2;
	} else {
		if (pd_buf_puts(out, name) != PD_OK)
			return PD_ENOMEM;
		col += strlen(name);
	}
	if (name && *name) {
		if (col + strlen(addr) + 3 > LINE_MAX_COLS) {
			if (pd_buf_puts(out, "\n") != PD_OK)
				return PD_ENOMEM;
		}
		if (pd_buf_putc(out, ' ') != PD_OK)
			return PD_ENOMEM;
	}
	return pd_buf_printf(out, "<%s>\n", addr);
}
