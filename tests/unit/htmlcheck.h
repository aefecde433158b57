/*
 * htmlcheck.h — is a document well-formed XML?  Checked by hand, since no
 * XML library is among the project's packages: one root element; tags nest
 * and match; attributes are name="value" with no '<' or '&' but entities
 * in the value; void elements (br, meta, …) are closed ("<br />"); '&'
 * starts one of the five XML entities or a character reference; text is
 * valid UTF-8 with no control characters but tab, LF and CR.  A leading
 * "<!DOCTYPE …>" and comments are allowed.
 */
#ifndef PLANDESK_HTMLCHECK_H
#define PLANDESK_HTMLCHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "plandesk/base/text.h"

/* True when '&' at s starts an entity or character reference. */
static inline bool hc_entity(const char *s)
{
	static const char *const ents[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };
	const char *p = s + 2;

	for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++)
		if (strncmp(s, ents[i], strlen(ents[i])) == 0)
			return true;
	if (s[1] != '#')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	return p > s + 2 && *p == ';';
}

static inline bool hc_void(const char *name, size_t n)
{
	static const char *const v[] = { "br", "meta", "img", "hr", "col", "input", "link" };

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (strlen(v[i]) == n && strncmp(v[i], name, n) == 0)
			return true;
	return false;
}

/* NULL when `s` is well-formed; else what is wrong, in `why`. */
static inline const char *html_wellformed(const char *s, char *why, size_t whyn)
{
	const char *name[128];
	size_t namen[128];
	int depth = 0, roots = 0;
	const char *p = s;

	if (!pd_utf8_valid(s, strlen(s)))
		return snprintf(why, whyn, "not valid UTF-8"), why;
	if (strncmp(p, "<!DOCTYPE", 9) == 0)
		p = strchr(p, '>') ? strchr(p, '>') + 1 : p + strlen(p);
	while (*p) {
		if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r')
			return snprintf(why, whyn, "control character 0x%02x", *p), why;
		if (*p == '&') {
			if (!hc_entity(p))
				return snprintf(why, whyn, "bad entity at: %.30s", p), why;
			p++;
			continue;
		}
		if (*p != '<') {
			if (depth == 0 && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
				return snprintf(why, whyn, "text outside the root: %.30s", p), why;
			p++;
			continue;
		}
		if (strncmp(p, "<!--", 4) == 0) {
			const char *e = strstr(p + 4, "-->");
			if (!e)
				return snprintf(why, whyn, "unclosed comment"), why;
			p = e + 3;
			continue;
		}
		if (p[1] == '/') {
			const char *n = p + 2;
			size_t len = strspn(n, "abcdefghijklmnopqrstuvwxyz0123456789");
			if (depth == 0 || len != namen[depth - 1] ||
			    strncmp(n, name[depth - 1], len) != 0 || n[len] != '>')
				return snprintf(why, whyn, "unexpected close tag at: %.30s "
						"(open: %.*s)", p, depth ? (int)namen[depth - 1] : 0,
						depth ? name[depth - 1] : ""), why;
			depth--;
			p = n + len + 1;
			continue;
		}
		{
			const char *n = p + 1, *q;
			size_t len = strspn(n, "abcdefghijklmnopqrstuvwxyz0123456789");
			bool selfclose = false;

			if (!len)
				return snprintf(why, whyn, "stray '<' at: %.30s", p), why;
			q = n + len;
			for (;;) {
				q += strspn(q, " \t\n");
				if (*q == '>')
					break;
				if (q[0] == '/' && q[1] == '>') {
					selfclose = true;
					q++;
					break;
				}
				/* name="value" */
				{
					size_t an = strspn(q, "abcdefghijklmnopqrstuvwxyz-:");
					const char *v;
					if (!an || q[an] != '=' || q[an + 1] != '"')
						return snprintf(why, whyn, "bad attribute at: %.30s", q), why;
					v = q + an + 2;
					while (*v && *v != '"') {
						if (*v == '<' || (*v == '&' && !hc_entity(v)))
							return snprintf(why, whyn, "bad attribute value at: %.30s",
									q), why;
						v++;
					}
					if (!*v)
						return snprintf(why, whyn, "unclosed attribute"), why;
					q = v + 1;
				}
			}
			if (hc_void(n, len) && !selfclose)
				return snprintf(why, whyn, "void element not closed: %.30s", p), why;
			if (!selfclose) {
				if (depth == 0 && roots++)
					return snprintf(why, whyn, "a second root element"), why;
				if (depth == 128)
					return snprintf(why, whyn, "nested too deep"), why;
				name[depth] = n;
				namen[depth++] = len;
			}
			p = q + 1;
		}
	}
	if (depth)
		return snprintf(why, whyn, "unclosed <%.*s>", (int)namen[depth - 1],
				name[depth - 1]), why;
	if (!roots)
		return snprintf(why, whyn, "no root element"), why;
	return NULL;
}

#endif
