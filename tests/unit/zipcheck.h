/*
 * zipcheck.h — reading back the .docx, .odt and .xlsx files the writers
 * make, as their consumers do: open the zip (libzip), parse a part with
 * libxml2 (it must be well-formed XML), and ask XPath questions of it
 * with the namespaces of OOXML and ODF registered.
 */
#ifndef PLANDESK_ZIPCHECK_H
#define PLANDESK_ZIPCHECK_H

#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "plandesk/base/buf.h"

/* The archive in `b` (asserts it opens). */
static inline zip_t *zc_open(const struct pd_buf *b)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;

	zip_error_init(&ze);
	src = zip_source_buffer_create(b->p, b->n, 0, &ze);
	cr_assert_not_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	cr_assert_not_null(za, "not a zip file: %s", zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return za;
}

/* Entry `name` as a NUL-terminated malloc'd string, or NULL when absent. */
static inline char *zc_read(zip_t *za, const char *name, size_t *n)
{
	zip_stat_t st;
	zip_file_t *f;
	char *p;

	if (zip_stat(za, name, 0, &st) != 0)
		return NULL;
	cr_assert_not_null(f = zip_fopen(za, name, 0), "cannot open %s", name);
	cr_assert_not_null(p = malloc(st.size + 1));
	cr_assert_eq(zip_fread(f, p, st.size), (zip_int64_t)st.size, "cannot read %s", name);
	zip_fclose(f);
	p[st.size] = '\0';
	if (n)
		*n = st.size;
	return p;
}

/* Entry `name` parsed as XML; asserts it is there and well-formed. */
static inline xmlDocPtr zc_xml(zip_t *za, const char *name)
{
	size_t n;
	char *p = zc_read(za, name, &n);
	xmlDocPtr doc;

	cr_assert_not_null(p, "no %s in the archive", name);
	doc = xmlReadMemory(p, (int)n, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
			    XML_PARSE_NOWARNING);
	cr_assert_not_null(doc, "%s is not well-formed XML", name);
	free(p);
	return doc;
}

static inline xmlXPathObjectPtr zc_eval(xmlDocPtr doc, const char *expr)
{
	static const char *const ns[][2] = {
		{ "w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main" },
		{ "r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships" },
		{ "ct", "http://schemas.openxmlformats.org/package/2006/content-types" },
		{ "pr", "http://schemas.openxmlformats.org/package/2006/relationships" },
		{ "dc", "http://purl.org/dc/elements/1.1/" },
		{ "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
		{ "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
		{ "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
		{ "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
		{ "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
		{ "manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" },
		{ "x", "http://schemas.openxmlformats.org/spreadsheetml/2006/main" },
	};
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o;

	cr_assert_not_null(ctx);
	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++)
		xmlXPathRegisterNs(ctx, BAD_CAST ns[i][0], BAD_CAST ns[i][1]);
	o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	cr_assert_not_null(o, "bad XPath %s", expr);
	xmlXPathFreeContext(ctx);
	return o;
}

/* The number `expr` evaluates to (count(...), or a node-set's size). */
static inline double zc_num(xmlDocPtr doc, const char *expr)
{
	xmlXPathObjectPtr o = zc_eval(doc, expr);
	double v = o->type == XPATH_NODESET ?
		   (o->nodesetval ? o->nodesetval->nodeNr : 0) : xmlXPathCastToNumber(o);

	xmlXPathFreeObject(o);
	return v;
}

/* The string `expr` evaluates to, malloc'd. */
static inline char *zc_str(xmlDocPtr doc, const char *expr)
{
	xmlXPathObjectPtr o = zc_eval(doc, expr);
	xmlChar *s = xmlXPathCastToString(o);
	char *copy = strdup((const char *)s);

	xmlFree(s);
	xmlXPathFreeObject(o);
	return copy;
}

/* Assert that the string `expr` evaluates to equals `want`. */
#define zc_assert_str(doc, expr, want) do { \
		char *zc_got_ = zc_str((doc), (expr)); \
		cr_assert_str_eq(zc_got_, (want), "%s", (expr)); \
		free(zc_got_); \
	} while (0)

#endif
