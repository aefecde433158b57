/*
 * disclose.c — the disclosure record's table (disclose.h): entries
 * encoded, added in a write, read back in order; and a file disclosed
 * whole (written, flushed, recorded, then named).
 *
 * The table `disclosures` is opened by name in the transaction that uses
 * it (created by the first write), so the store's own tables stay as they
 * are and an older file, opened read-only, simply has no entries.
 *
 * An entry's value, integers big-endian:
 *   version(1) = 1, time(8), rows(8), conf_shown(8), conf_left_out(8),
 *   then eight strings — command, what, plan, meeting, path, format,
 *   reason, user — each a length(4) and its bytes, 0xFFFFFFFF for none.
 * Bytes after the last string are allowed (a later version's fields).
 */
#define _GNU_SOURCE   /* getpwuid_r's buffer size */

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plandesk/protect/disclose.h"
#include "base/save.h"
#include "disclose_impl.h"
#include "store/handles.h"
#include "store/mdb_err.h"

#define TABLE     "disclosures"
#define VERSION   1
#define FIXED     33
#define NSTR      8
#define NONE      0xFFFFFFFFu
#define STR_MAX   65536u

static void put_be32(unsigned char *p, uint32_t v)
{
	for (int i = 3; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

static uint32_t get_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The table in `txn`: created in a write.  PD_NOTFOUND when a read finds
 * none (nothing was ever recorded). */
static int table(struct pd_txn *txn, MDB_dbi *dbi, struct pd_err *err)
{
	int rc = mdb_dbi_open(txn->txn, TABLE, txn->write ? MDB_CREATE : 0, dbi);

	if (rc == MDB_NOTFOUND)
		return PD_NOTFOUND;
	return pd_mdb_err(txn, rc, err, TABLE);
}

static const char **strings(struct pd_disclosure *d, const char *s[NSTR])
{
	s[0] = d->command; s[1] = d->what; s[2] = d->plan; s[3] = d->meeting;
	s[4] = d->path; s[5] = d->format; s[6] = d->reason; s[7] = d->user;
	return s;
}

static int encode(const struct pd_disclosure *d, struct pd_buf *b,
		  struct pd_err *err)
{
	struct pd_disclosure c = *d;
	const char *s[NSTR];
	unsigned char fixed[FIXED], len[4];

	fixed[0] = VERSION;
	pd_put_be64(fixed + 1, (uint64_t)d->time);
	pd_put_be64(fixed + 9, d->rows);
	pd_put_be64(fixed + 17, d->conf_shown);
	pd_put_be64(fixed + 25, d->conf_left_out);
	if (pd_buf_add(b, fixed, sizeof fixed) != PD_OK)
		return pd_err_nomem(err);
	strings(&c, s);
	for (int i = 0; i < NSTR; i++) {
		size_t n = s[i] ? strlen(s[i]) : 0;
		if (n >= STR_MAX)
			return pd_err_set(err, PD_EINVAL, "a disclosure's text is longer "
					  "than %u bytes", STR_MAX);
		put_be32(len, s[i] ? (uint32_t)n : NONE);
		if (pd_buf_add(b, len, 4) != PD_OK || pd_buf_add(b, s[i], n) != PD_OK)
			return pd_err_nomem(err);
	}
	return PD_OK;
}

/*
 * Decode the value `v` of entry `seq` into *d, its strings copied into
 * `b` (NUL-terminated).  Returns PD_OK, PD_ECORRUPT, PD_ENOMEM.
 */
static int decode(uint64_t seq, const MDB_val *v, struct pd_disclosure *d,
		  struct pd_buf *b, struct pd_err *err)
{
	const unsigned char *p = v->mv_data;
	size_t at = FIXED, off[NSTR];
	bool set[NSTR];
	const char *s[NSTR];

	memset(d, 0, sizeof *d);
	pd_buf_reset(b);
	if (v->mv_size < FIXED || p[0] != VERSION)
		goto bad;
	d->seq = seq;
	d->time = (int64_t)pd_get_be64(p + 1);
	d->rows = pd_get_be64(p + 9);
	d->conf_shown = pd_get_be64(p + 17);
	d->conf_left_out = pd_get_be64(p + 25);
	for (int i = 0; i < NSTR; i++) {
		uint32_t n;
		if (v->mv_size - at < 4)
			goto bad;
		n = get_be32(p + at);
		at += 4;
		set[i] = n != NONE;
		if (!set[i])
			n = 0;
		if (n > v->mv_size - at || memchr(p + at, '\0', n))
			goto bad;
		off[i] = b->n;
		if (pd_buf_add(b, p + at, n) != PD_OK || pd_buf_putc(b, '\0') != PD_OK)
			return pd_err_nomem(err);
		at += n;
	}
	for (int i = 0; i < NSTR; i++)
		s[i] = set[i] ? b->p + off[i] : NULL;
	d->command = s[0]; d->what = s[1]; d->plan = s[2]; d->meeting = s[3];
	d->path = s[4]; d->format = s[5]; d->reason = s[6]; d->user = s[7];
	return PD_OK;
bad:
	return pd_err_set(err, PD_ECORRUPT, "disclosure record entry %llu is "
			  "damaged", (unsigned long long)seq);
}

/* Who is doing it: the login name, else the number. */
static void login(char *buf, size_t n)
{
	struct passwd pw, *found = NULL;
	char tmp[1024];

	if (getpwuid_r(geteuid(), &pw, tmp, sizeof tmp, &found) == 0 && found &&
	    pw.pw_name && *pw.pw_name)
		snprintf(buf, n, "%s", pw.pw_name);
	else
		snprintf(buf, n, "uid %lu", (unsigned long)geteuid());
}

/* A relative path made absolute, as it will still be read later. */
static int absolute(const char *path, struct pd_buf *b)
{
	char cwd[4096];

	if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
		return pd_buf_puts(b, path);
	return pd_buf_printf(b, "%s/%s", cwd, path);
}

int pd_disclosure_put(struct pd_txn *txn, const struct pd_disclosure *d,
		      struct pd_err *err)
{
	struct pd_disclosure e = *d;
	struct pd_buf val = PD_BUF_INIT, path = PD_BUF_INIT;
	unsigned char kb[8];
	MDB_val k = { 8, kb }, v, last;
	MDB_cursor *c;
	MDB_dbi dbi;
	char user[256];
	uint64_t seq = 1;
	int rc;

	if (!txn->write)
		return pd_err_set(err, PD_EREADONLY, "not in a write transaction");
	if ((rc = table(txn, &dbi, err)) != PD_OK)
		return rc;
	if ((rc = mdb_cursor_open(txn->txn, dbi, &c)))
		return pd_mdb_err(txn, rc, err, TABLE);
	rc = mdb_cursor_get(c, &last, &v, MDB_LAST);
	if (rc == MDB_SUCCESS && last.mv_size == 8)
		seq = pd_get_be64(last.mv_data) + 1;
	mdb_cursor_close(c);
	if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND)
		return pd_mdb_err(txn, rc, err, TABLE);
	login(user, sizeof user);
	e.time = txn->now;
	e.user = user;
	if (d->path && absolute(d->path, &path) != PD_OK)
		return pd_err_nomem(err);
	e.path = d->path ? path.p : NULL;
	if ((rc = encode(&e, &val, err)) == PD_OK) {
		pd_put_be64(kb, seq);
		v.mv_size = val.n;
		v.mv_data = val.p;
		rc = pd_mdb_err(txn, mdb_put(txn->txn, dbi, &k, &v, MDB_NOOVERWRITE),
				err, TABLE);
	}
	if (rc == PD_OK)
		txn->dirty = true;
	pd_buf_free(&val);
	pd_buf_free(&path);
	return rc;
}

static int record_body(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	return pd_disclosure_put(txn, ctx, err);
}

int pd_disclosure_record(struct pd_store *st, const struct pd_disclosure *d,
			 struct pd_err *err)
{
	int rc;

	if (pd_store_is_read_only(st) && pd_store_notice(st))
		return pd_err_set(err, PD_EREADONLY, "%s; so it cannot be recorded "
			"in the disclosure record, and nothing was written",
			pd_store_notice(st));
	if (pd_store_is_read_only(st))
		return pd_err_set(err, PD_EREADONLY, "%s is open read-only, so this "
			"cannot be recorded in the disclosure record; nothing was "
			"written", pd_store_file(st));
	rc = pd_store_write(st, "disclose", PD_W_NO_JOURNAL, record_body,
			    (void *)d, err);
	if (rc != PD_OK)
		pd_err_prefix(err, "not recorded, so nothing was written: ");
	return rc;
}

int pd_disclose_produce(struct pd_store *st, const struct pd_disclosure *d,
			pd_produce_fn fn, void *ctx, struct pd_err *err)
{
	struct pd_save sv;
	int rc;

	if (pd_store_is_read_only(st))
		return pd_disclosure_record(st, d, err);
	if ((rc = pd_save_open(&sv, d->path, err)) != PD_OK)
		return rc;
	/* A device or a pipe is written in place: recorded first.  A file
	 * is on the disk, under its temporary name, before it is recorded. */
	if (sv.in_place) {
		rc = pd_disclosure_record(st, d, err);
		if (rc == PD_OK)
			rc = fn(ctx, &sv, err);
		return pd_save_close(&sv, rc, err);
	}
	rc = fn(ctx, &sv, err);
	if (rc == PD_OK && fsync(sv.fd) != 0)
		rc = pd_err_set(err, PD_EIO, "cannot write %s: %s", d->path,
				strerror(errno));
	if (rc == PD_OK)
		rc = pd_disclosure_record(st, d, err);
	if (pd_save_close(&sv, rc, err) != PD_OK && rc == PD_OK) {
		pd_err_prefix(err, "(recorded in the disclosure record, but not "
			      "written) ");
		rc = PD_EIO;
	}
	return rc;
}

struct bytes { const void *p; size_t n; };

static int put_bytes(void *ctx, struct pd_save *sv, struct pd_err *err)
{
	struct bytes *b = ctx;

	return pd_save_write(sv, b->p, b->n, err);
}

int pd_disclosure_save(struct pd_store *st, const struct pd_disclosure *d,
		       const void *p, size_t n, struct pd_err *err)
{
	struct bytes b = { p, n };

	if (!d->path)
		return pd_disclosure_record(st, d, err);
	return pd_disclose_produce(st, d, put_bytes, &b, err);
}

int pd_disclosure_each_txn(struct pd_txn *txn, int64_t since, pd_disclosure_fn fn,
			   void *ctx, struct pd_err *err)
{
	struct pd_buf b = PD_BUF_INIT;
	struct pd_disclosure d;
	MDB_cursor_op op = MDB_FIRST;
	MDB_cursor *c;
	MDB_val k, v;
	MDB_dbi dbi;
	int rc, mrc;

	if ((rc = table(txn, &dbi, err)) != PD_OK)
		return rc == PD_NOTFOUND ? PD_OK : rc;
	if ((mrc = mdb_cursor_open(txn->txn, dbi, &c)))
		return pd_mdb_err(NULL, mrc, err, TABLE);
	for (; rc == PD_OK; op = MDB_NEXT) {
		if ((mrc = mdb_cursor_get(c, &k, &v, op))) {
			rc = mrc == MDB_NOTFOUND ? PD_OK : pd_mdb_err(NULL, mrc, err, TABLE);
			break;
		}
		if (k.mv_size != 8) {
			rc = pd_err_set(err, PD_ECORRUPT, "the disclosure record holds a "
					"damaged key");
			break;
		}
		if ((rc = decode(pd_get_be64(k.mv_data), &v, &d, &b, err)) != PD_OK)
			break;
		if (d.time >= since)
			rc = fn(ctx, &d);
	}
	mdb_cursor_close(c);
	pd_buf_free(&b);
	return rc;
}

int pd_disclosure_each(struct pd_store *st, int64_t since, pd_disclosure_fn fn,
		       void *ctx, struct pd_err *err)
{
	struct pd_txn *txn;
	int rc;

	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	rc = pd_disclosure_each_txn(txn, since, fn, ctx, err);
	pd_txn_end(txn);
	return rc;
}

void pd_disclosure_conf_text(const struct pd_disclosure *d, char *buf, size_t n)
{
	if (!d->format && !d->conf_shown && !d->conf_left_out)
		snprintf(buf, n, "%s", "");   /* no file: a purge, a hold */
	else if (d->conf_shown)
		snprintf(buf, n, "yes (%llu)", (unsigned long long)d->conf_shown);
	else if (d->conf_left_out)
		snprintf(buf, n, "no (%llu left out)", (unsigned long long)d->conf_left_out);
	else
		snprintf(buf, n, "none");
}
