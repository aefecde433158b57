/*
 * oldrecords.h — record values as a file of schema 6 or older has them:
 * codec version 1 (records/codec.h), every number in 8 bytes and every
 * date as text, spelt here byte by byte rather than by the core, for the
 * tests that make an older file by hand (test_upgrade).  Include it after
 * rawdb.h.
 */
#ifndef PLANDESK_OLDRECORDS_H
#define PLANDESK_OLDRECORDS_H

#include "plandesk/base/buf.h"
#include "plandesk/records/codec.h"

/* Append tag, n as LEB128 and the n bytes at p. */
static inline void raw_v1_field(struct pd_buf *out, unsigned tag, const void *p, size_t n)
{
	unsigned char hdr[1 + PD_LEB128_MAX];
	size_t h = 1 + pd_leb128_put(hdr + 1, n);

	hdr[0] = (unsigned char)tag;
	cr_assert_eq(pd_buf_add(out, hdr, h), PD_OK);
	cr_assert_eq(pd_buf_add(out, p, n), PD_OK);
}

/* Record r in version 1 to out (emptied first). */
static inline void raw_v1_record(const struct pd_record *r, struct pd_buf *out)
{
	const struct pd_kind_info *ki = pd_kind_info(r->kind);
	unsigned char b[8];

	out->n = 0;
	cr_assert_eq(pd_buf_putc(out, PD_CODEC_VERSION_1), PD_OK);
	pd_put_be64(b, (uint64_t)r->created);
	raw_v1_field(out, 1, b, 8);
	pd_put_be64(b, (uint64_t)r->updated);
	raw_v1_field(out, 2, b, 8);
	for (int f = 0; f < ki->nfields; f++)
		if (r->v[f].n)
			raw_v1_field(out, ki->fields[f].tag, r->v[f].p, r->v[f].n);
	cr_assert_eq(pd_buf_add(out, r->extra, r->nextra), PD_OK);
}

/* How many values of kind k's table of raw write r begin with `version`,
 * and (all) how many there are. */
static inline size_t raw_records_of_version(struct raw *r, enum pd_kind k,
					    unsigned char version, size_t *all)
{
	MDB_cursor *cur;
	MDB_val key, v;
	size_t n = 0;
	int rc;

	*all = 0;
	cr_assert_eq(mdb_cursor_open(r->txn, raw_dbi(r, pd_kind_info(k)->name, 0), &cur), 0);
	for (rc = mdb_cursor_get(cur, &key, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(cur, &key, &v, MDB_NEXT), ++*all)
		n += v.mv_size && *(unsigned char *)v.mv_data == version;
	cr_assert_eq(rc, MDB_NOTFOUND);
	mdb_cursor_close(cur);
	return n;
}

/*
 * Rewrite every record of kind k of raw write r in version 1, checking
 * that it decodes to what it was.  Returns the records rewritten.
 */
static inline size_t raw_v1_records(struct raw *r, enum pd_kind k)
{
	MDB_dbi dbi = raw_dbi(r, pd_kind_info(k)->name, 0);
	MDB_cursor *cur;
	MDB_val key, v;
	struct pd_buf old = PD_BUF_INIT;
	size_t n = 0;
	int rc;

	cr_assert_eq(mdb_cursor_open(r->txn, dbi, &cur), 0);
	for (rc = mdb_cursor_get(cur, &key, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(cur, &key, &v, MDB_NEXT), n++) {
		struct pd_record rec, back;
		pd_record_init(&rec, k);
		pd_record_init(&back, k);
		cr_assert_eq(pd_decode(v.mv_data, v.mv_size, &rec, NULL), PD_OK);
		raw_v1_record(&rec, &old);
		cr_assert_eq(pd_decode(old.p, old.n, &back, NULL), PD_OK);
		cr_assert(pd_record_same_fields(&rec, &back) && back.created == rec.created &&
			  back.updated == rec.updated, "version 1 reads back the same");
		/* the key is copied: a longer value moves the node it is in */
		unsigned char kb[8];
		cr_assert_eq(key.mv_size, 8);
		memcpy(kb, key.mv_data, 8);
		MDB_val k8 = { 8, kb }, nv = { old.n, old.p };
		cr_assert_eq(mdb_put(r->txn, dbi, &k8, &nv, 0), 0);
		cr_assert_eq(mdb_cursor_get(cur, &k8, NULL, MDB_SET), 0);
		pd_record_clear(&rec);
		pd_record_clear(&back);
	}
	cr_assert_eq(rc, MDB_NOTFOUND);
	mdb_cursor_close(cur);
	pd_buf_free(&old);
	return n;
}

#endif
