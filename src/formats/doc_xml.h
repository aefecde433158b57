/*
 * doc_xml.h — what the Word and OpenDocument writers share: a zip
 * archive built in memory (libzip) and XML parts written with libxml2's
 * xmlTextWriter, which escapes every text and attribute value.  Not part
 * of the API.
 *
 * Both keep their first failure (PD_ENOMEM, or PD_EIO with a message
 * naming the library call) and then do nothing, so a part is written
 * with plain calls and checked once, in pd_xml_part.
 */
#ifndef PLANDESK_DOC_XML_H
#define PLANDESK_DOC_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "plandesk/base/status.h"

struct pd_zipw {
	void          *src;    /* zip_source_t: the archive's bytes */
	void          *za;     /* zip_t */
	time_t         mtime;  /* every entry's time, so output is reproducible */
	int            rc;
	struct pd_err *err;
};

/* The time of a document's entries: noon on its date (`d` of month
 * precision: the 1st), or on 1st January 2000 when it has none. */
time_t pd_zip_time(const struct pd_date *d);

/* Begin an empty archive whose entries are dated `mtime`.  Returns z->rc. */
int pd_zip_open(struct pd_zipw *z, time_t mtime, struct pd_err *err);

/* Add entry `name` holding a copy of n bytes at p; `store`: uncompressed
 * (ODF's mimetype).  Returns z->rc. */
int pd_zip_add(struct pd_zipw *z, const char *name, const void *p, size_t n,
	       bool store);

/* Finish the archive and append its bytes to `out`; frees it.  Returns
 * z->rc, or the first failure of finishing. */
int pd_zip_close(struct pd_zipw *z, struct pd_buf *out);

/* Free an archive that will not be finished (after a failure). */
void pd_zip_discard(struct pd_zipw *z);

struct pd_xml {
	void *buf;   /* xmlBufferPtr */
	void *w;     /* xmlTextWriterPtr */
	int   rc;
};

/* Begin a part: the XML declaration (UTF-8, standalone).  Returns x->rc. */
int pd_xml_begin(struct pd_xml *x);

/* <name  — then attributes, text, children, and pd_xml_end. */
void pd_xml_start(struct pd_xml *x, const char *name);
void pd_xml_attr(struct pd_xml *x, const char *name, const char *value);
void pd_xml_attrf(struct pd_xml *x, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Text content, escaped. */
void pd_xml_text(struct pd_xml *x, const char *text, size_t n);
void pd_xml_end(struct pd_xml *x);
/* <name attr="value"/>: an element with one attribute (attr may be NULL). */
void pd_xml_empty(struct pd_xml *x, const char *name, const char *attr,
		  const char *value);
/* <name>text</name> */
void pd_xml_elem(struct pd_xml *x, const char *name, const char *text);

/*
 * End the part begun by pd_xml_begin and add it to `z` as entry `name`;
 * frees the writer.  A failure of either is kept in z->rc.  Returns z->rc.
 */
int pd_xml_part(struct pd_xml *x, struct pd_zipw *z, const char *name);

#endif
