/*
 * doc_xml.c — a zip archive in memory and XML parts for it (doc_xml.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>
#include <zip.h>

#include "doc_xml.h"

/* --- the archive ----------------------------------------------------------- */

static int zip_fail(struct pd_zipw *z, const char *what, zip_error_t *ze)
{
	if (z->rc == PD_OK)
		z->rc = pd_err_set(z->err, PD_EIO, "cannot build the document: %s: %s",
				   what, ze ? zip_error_strerror(ze) : "failed");
	return z->rc;
}

time_t pd_zip_time(const struct pd_date *d)
{
	struct tm tm = { .tm_year = 100, .tm_mon = 0, .tm_mday = 1, .tm_hour = 12 };

	if (d->y >= 1980 && pd_date_valid(d)) {
		tm.tm_year = d->y - 1900;
		tm.tm_mon = d->m - 1;
		tm.tm_mday = d->d ? d->d : 1;
	}
	tm.tm_isdst = -1;
	return mktime(&tm);
}

int pd_zip_open(struct pd_zipw *z, time_t mtime, struct pd_err *err)
{
	zip_error_t ze;

	memset(z, 0, sizeof *z);
	z->mtime = mtime;
	z->err = err;
	zip_error_init(&ze);
	if (!(z->src = zip_source_buffer_create(NULL, 0, 0, &ze))) {
		zip_fail(z, "zip_source_buffer_create", &ze);
	} else {
		/* Keep the source when the archive is closed: it holds the bytes. */
		zip_source_keep(z->src);
		if (!(z->za = zip_open_from_source(z->src, ZIP_TRUNCATE, &ze)))
			zip_fail(z, "zip_open_from_source", &ze);
	}
	zip_error_fini(&ze);
	return z->rc;
}

int pd_zip_add(struct pd_zipw *z, const char *name, const void *p, size_t n,
	       bool store)
{
	zip_source_t *s;
	zip_int64_t ix;
	void *copy;

	if (z->rc)
		return z->rc;
	if (!(copy = malloc(n ? n : 1)))
		return z->rc = pd_err_nomem(z->err);
	memcpy(copy, p, n);
	if (!(s = zip_source_buffer(z->za, copy, n, 1))) {
		free(copy);
		return zip_fail(z, "zip_source_buffer", zip_get_error(z->za));
	}
	if ((ix = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(s);
		return zip_fail(z, name, zip_get_error(z->za));
	}
	if (zip_file_set_mtime(z->za, (zip_uint64_t)ix, z->mtime, 0) != 0 ||
	    zip_set_file_compression(z->za, (zip_uint64_t)ix,
				     store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0)
		return zip_fail(z, name, zip_get_error(z->za));
	return PD_OK;
}

void pd_zip_discard(struct pd_zipw *z)
{
	if (z->za)
		zip_discard(z->za);
	if (z->src)
		zip_source_free(z->src);
	z->za = z->src = NULL;
}

int pd_zip_close(struct pd_zipw *z, struct pd_buf *out)
{
	zip_source_t *src = z->src;
	zip_stat_t st;
	zip_int64_t got;

	if (z->rc) {
		pd_zip_discard(z);
		return z->rc;
	}
	if (zip_close(z->za) != 0) {
		zip_fail(z, "zip_close", zip_get_error(z->za));
		pd_zip_discard(z);
		return z->rc;
	}
	z->za = NULL;
	zip_stat_init(&st);
	if (zip_source_stat(src, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    zip_source_open(src) != 0) {
		zip_fail(z, "reading the archive back", zip_source_error(src));
	} else {
		if (pd_buf_reserve(out, st.size) != PD_OK)
			z->rc = pd_err_nomem(z->err);
		else if ((got = zip_source_read(src, out->p + out->n, st.size)) < 0 ||
			 (zip_uint64_t)got != st.size)
			zip_fail(z, "reading the archive back", zip_source_error(src));
		else
			out->n += (size_t)got;
		zip_source_close(src);
	}
	pd_zip_discard(z);
	return z->rc;
}

/* --- XML parts -------------------------------------------------------------- */

/* Record the first failure of an xmlTextWriter call (a negative result). */
static void check(struct pd_xml *x, int r)
{
	if (r < 0 && x->rc == PD_OK)
		x->rc = PD_EIO;
}

int pd_xml_begin(struct pd_xml *x)
{
	memset(x, 0, sizeof *x);
	if (!(x->buf = xmlBufferCreate()) ||
	    !(x->w = xmlNewTextWriterMemory(x->buf, 0)))
		return x->rc = PD_ENOMEM;
	check(x, xmlTextWriterSetIndent(x->w, 0));
	check(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes"));
	return x->rc;
}

void pd_xml_start(struct pd_xml *x, const char *name)
{
	if (x->rc == PD_OK)
		check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

void pd_xml_attr(struct pd_xml *x, const char *name, const char *value)
{
	if (x->rc == PD_OK)
		check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value));
}

void pd_xml_attrf(struct pd_xml *x, const char *name, const char *fmt, ...)
{
	char value[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(value, sizeof value, fmt, ap);
	va_end(ap);
	pd_xml_attr(x, name, value);
}

void pd_xml_text(struct pd_xml *x, const char *text, size_t n)
{
	if (x->rc == PD_OK && n) {
		char *copy = strndup(text, n);
		if (!copy) {
			x->rc = PD_ENOMEM;
			return;
		}
		check(x, xmlTextWriterWriteString(x->w, BAD_CAST copy));
		free(copy);
	}
}

void pd_xml_end(struct pd_xml *x)
{
	if (x->rc == PD_OK)
		check(x, xmlTextWriterEndElement(x->w));
}

void pd_xml_empty(struct pd_xml *x, const char *name, const char *attr,
		  const char *value)
{
	pd_xml_start(x, name);
	if (attr)
		pd_xml_attr(x, attr, value);
	pd_xml_end(x);
}

void pd_xml_elem(struct pd_xml *x, const char *name, const char *text)
{
	pd_xml_start(x, name);
	pd_xml_text(x, text, strlen(text));
	pd_xml_end(x);
}

int pd_xml_part(struct pd_xml *x, struct pd_zipw *z, const char *name)
{
	if (x->rc == PD_OK)
		check(x, xmlTextWriterEndDocument(x->w));
	if (x->w)
		xmlFreeTextWriter(x->w);   /* flushes into the buffer */
	x->w = NULL;
	if (x->rc == PD_ENOMEM && z->rc == PD_OK)
		z->rc = pd_err_nomem(z->err);
	else if (x->rc && z->rc == PD_OK)
		z->rc = pd_err_set(z->err, PD_EIO, "cannot build the document: the XML "
				   "writer failed on %s", name);
	if (z->rc == PD_OK)
		pd_zip_add(z, name, xmlBufferContent(x->buf), (size_t)xmlBufferLength(x->buf),
			   false);
	if (x->buf)
		xmlBufferFree(x->buf);
	x->buf = NULL;
	return z->rc;
}
