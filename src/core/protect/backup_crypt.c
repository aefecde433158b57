/*
 * backup_crypt.c — the encrypted backup (backup.h): its header, the keys
 * from the passphrase, LMDB's compact copy sealed chunk by chunk as it
 * comes through a pipe, and the same read back.  The format is in
 * HACKING.md; the header's fields are at the offsets below.
 *
 * Why a pipe: mdb_env_copyfd2 writes to a file descriptor, and any file
 * — even one unlinked at once — would put the database's pages on the
 * disk in the clear, where they stay until overwritten.  Through a pipe
 * the plaintext exists only in this process's memory, a chunk at a time.
 */
#define _GNU_SOURCE   /* pipe2, F_SETPIPE_SZ */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "backup_impl.h"
#include "base/save.h"
#include "store/handles.h"

#define SS_ABYTES   crypto_secretstream_xchacha20poly1305_ABYTES
#define TAG_MESSAGE crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
#define TAG_FINAL   crypto_secretstream_xchacha20poly1305_TAG_FINAL

/* The header, PD_BACKUP_HEADER bytes; integers big-endian. */
enum {
	OFF_MAGIC    = 0,   /* 8: magic */
	OFF_VERSION  = 8,   /* 1: PD_BACKUP_VERSION */
	OFF_KDF      = 9,   /* 1: KDF_ARGON2ID13 */
	OFF_RESERVED = 10,  /* 2: zero */
	OFF_CHUNK    = 12,  /* 4: plaintext bytes per chunk */
	OFF_OPS      = 16,  /* 8: Argon2id opslimit */
	OFF_MEM      = 24,  /* 8: Argon2id memlimit, bytes */
	OFF_SALT     = 32,  /* 16: Argon2id salt */
	OFF_CHECK    = 48,  /* 16: the passphrase check */
	OFF_STREAM   = 64,  /* 24: the secretstream header */
};
#define SALT_BYTES  16
#define CHECK_BYTES 16
#define CHUNK_MIN   4096u
#define CHUNK_MAX   (16u << 20)
#define KDF_ARGON2ID13 1
/* crypto_kdf's context (8 bytes) and the ids of the two subkeys. */
#define KDF_CONTEXT "pdbackup"
enum { SUBKEY_STREAM = 1, SUBKEY_CHECK = 2 };

/* \x89 keeps the file from passing for text; CR LF and ^Z show a copy
 * that translated line ends (PNG's reasoning). */
static const unsigned char magic[8] = { 0x89, 'P', 'D', 'B', 'K', '\r', '\n', 0x1a };

_Static_assert(crypto_pwhash_argon2id_SALTBYTES == SALT_BYTES, "salt size");
_Static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES ==
	       PD_BACKUP_HEADER - OFF_STREAM, "stream header size");
_Static_assert(CHECK_BYTES >= crypto_kdf_BYTES_MIN, "check size");
_Static_assert(sizeof KDF_CONTEXT - 1 == crypto_kdf_CONTEXTBYTES, "context size");

/* Everything secret, in one sodium_malloc'd block: locked, guarded, wiped. */
struct pd_crypt_secrets {
	unsigned char master[crypto_kdf_KEYBYTES];
	unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
	unsigned char check[CHECK_BYTES];
	crypto_secretstream_xchacha20poly1305_state state;
};

static void put_be32(unsigned char *p, uint32_t v)
{
	for (int i = 3; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

static uint32_t get_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int pd_read_full(int fd, void *p, size_t n, size_t *got)
{
	unsigned char *q = p;

	*got = 0;
	while (*got < n) {
		ssize_t r = read(fd, q + *got, n - *got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return PD_EIO;
		if (r == 0)
			break;
		*got += (size_t)r;
	}
	return PD_OK;
}

int pd_write_full(int fd, const void *p, size_t n)
{
	const unsigned char *q = p;

	while (n > 0) {
		ssize_t w = write(fd, q, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return PD_EIO;
		}
		q += w;
		n -= (size_t)w;
	}
	return PD_OK;
}

void *pd_secret_alloc(size_t n)
{
	return sodium_init() < 0 ? NULL : sodium_malloc(n);
}

void pd_secret_free(void *p)
{
	if (p)
		sodium_free(p);
}

static bool kdf_in_range(const struct pd_kdf *k)
{
	return k->opslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN &&
	    k->opslimit <= PD_KDF_OPSLIMIT_MAX &&
	    k->memlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN &&
	    k->memlimit <= PD_KDF_MEMLIMIT_MAX;
}

/* Characters, not bytes: a UTF-8 continuation byte does not count. */
static size_t utf8_chars(const char *p, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)p[i] & 0xC0) != 0x80;
	return c;
}

/* The passphrase into the stream key and the check (r->sec). */
static int derive(struct pd_crypt_secrets *s, const char *pass, size_t passlen,
		  const unsigned char *salt, const struct pd_kdf *kdf,
		  struct pd_err *err)
{
	int rc = crypto_pwhash(s->master, sizeof s->master, pass, passlen, salt,
			       kdf->opslimit, (size_t)kdf->memlimit,
			       crypto_pwhash_ALG_ARGON2ID13);

	if (rc != 0)
		return pd_err_set(err, PD_ENOMEM, "not enough memory to derive the key "
			"from the passphrase (Argon2id asks for %llu MiB)",
			(unsigned long long)(kdf->memlimit >> 20));
	crypto_kdf_derive_from_key(s->key, sizeof s->key, SUBKEY_STREAM,
				   KDF_CONTEXT, s->master);
	crypto_kdf_derive_from_key(s->check, sizeof s->check, SUBKEY_CHECK,
				   KDF_CONTEXT, s->master);
	sodium_memzero(s->master, sizeof s->master);
	return PD_OK;
}

static int parse_encrypted(const unsigned char *h, size_t n,
			   struct pd_backup_info *info, struct pd_err *err)
{
	if (n < PD_BACKUP_HEADER)
		return pd_err_set(err, PD_ECORRUPT, "an encrypted backup cut short in "
				  "its header (%zu of %d bytes)", n, PD_BACKUP_HEADER);
	info->kind = PD_BACKUP_ENCRYPTED;
	info->version = h[OFF_VERSION];
	info->chunk = get_be32(h + OFF_CHUNK);
	info->kdf.opslimit = pd_get_be64(h + OFF_OPS);
	info->kdf.memlimit = pd_get_be64(h + OFF_MEM);
	if (info->version == 0)
		return pd_err_set(err, PD_ECORRUPT, "an encrypted backup whose header "
				  "is damaged (format version 0)");
	if (info->version > PD_BACKUP_VERSION)
		return pd_err_set(err, PD_ESCHEMA, "an encrypted backup of format %u, "
			"made by a newer plandesk (this one reads format %d)",
			info->version, PD_BACKUP_VERSION);
	if (h[OFF_KDF] != KDF_ARGON2ID13)
		return pd_err_set(err, PD_ESCHEMA, "an encrypted backup whose key "
			"derivation (%u) this plandesk does not know", h[OFF_KDF]);
	if (h[OFF_RESERVED] || h[OFF_RESERVED + 1] || info->chunk < CHUNK_MIN ||
	    info->chunk > CHUNK_MAX)
		return pd_err_set(err, PD_ECORRUPT, "an encrypted backup whose header "
				  "is damaged");
	if (!kdf_in_range(&info->kdf))
		return pd_err_set(err, PD_ECORRUPT, "an encrypted backup whose key "
			"derivation asks for more than plandesk allows (%llu passes "
			"over %llu MiB)", (unsigned long long)info->kdf.opslimit,
			(unsigned long long)(info->kdf.memlimit >> 20));
	return PD_OK;
}

int pd_backup_parse(const void *p, size_t n, struct pd_backup_info *info,
		    struct pd_err *err)
{
	/* An LMDB file begins with its first meta page: the page header
	 * (a page number the size of a size_t, then 8 bytes) and the meta's
	 * magic number, in the machine's byte order. */
	const size_t lmdb_magic_at = sizeof(size_t) + 8;
	const uint32_t lmdb_magic = 0xBEEFC0DE;
	const unsigned char *h = p;
	uint32_t m;

	memset(info, 0, sizeof *info);
	if (n >= sizeof magic && memcmp(h, magic, sizeof magic) == 0)
		return parse_encrypted(h, n, info, err);
	if (n >= lmdb_magic_at + 4) {
		memcpy(&m, h + lmdb_magic_at, 4);
		if (m == lmdb_magic) {
			info->kind = PD_BACKUP_PLAIN;
			return PD_OK;
		}
	}
	return pd_err_set(err, PD_ECORRUPT, "not a plandesk backup (neither an "
			  "encrypted backup nor a database)");
}

int pd_backup_probe(const char *path, struct pd_backup_info *info,
		    struct pd_err *err)
{
	unsigned char h[PD_BACKUP_HEADER];
	size_t got;
	int fd, rc;

	memset(info, 0, sizeof *info);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0)
		return pd_err_set(err, PD_EIO, "cannot open %s: %s", path,
				  strerror(errno));
	rc = pd_read_full(fd, h, sizeof h, &got);
	if (rc != PD_OK)
		rc = pd_err_set(err, PD_EIO, "cannot read %s: %s", path,
				errno == EISDIR ? "it is a folder" : strerror(errno));
	close(fd);
	if (rc == PD_OK && (rc = pd_backup_parse(h, got, info, err)) != PD_OK)
		pd_err_prefix(err, "%s: ", path);
	return rc;
}

/* --- writing ------------------------------------------------------------ */

struct copier {
	MDB_env *env;
	int      fd;      /* the pipe's write end; closed when the copy ends */
	int      rc;      /* mdb_env_copyfd2's */
};

static void *copy_thread(void *arg)
{
	struct copier *c = arg;
	sigset_t all;

	/* Signals are for the main thread.  And should the reader give up
	 * and close the pipe, a write fails with EPIPE rather than SIGPIPE
	 * killing the process (LMDB's writer thread inherits this mask). */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	c->rc = mdb_env_copyfd2(c->env, c->fd, MDB_CP_COMPACT);
	close(c->fd);
	return NULL;
}

/*
 * Seal what LMDB's copy writes into the pipe: full chunks tagged MESSAGE,
 * the first with the header as additional data, and a last, shorter one
 * (perhaps empty) tagged FINAL.
 */
static int seal(struct pd_store *st, struct pd_save *sv, struct pd_crypt_secrets *s,
		const unsigned char *header, const char *dest, struct pd_err *err)
{
	const size_t n = PD_BACKUP_CHUNK;
	struct copier cp = { .env = st->env };
	unsigned char *plain = malloc(n), *sealed = malloc(n + SS_ABYTES);
	unsigned long long clen;
	bool first = true, last = false;
	pthread_t th;
	int fds[2], rc = PD_OK;
	size_t got = 0;

	if (!plain || !sealed) {
		free(plain);
		free(sealed);
		return pd_err_nomem(err);
	}
	if (pipe2(fds, O_CLOEXEC) != 0) {
		rc = pd_err_set(err, PD_EIO, "backup to %s failed: %s", dest,
				strerror(errno));
		goto out;
	}
	/* Fewer, larger hand-overs: LMDB writes in pieces of 1 MiB or more. */
	(void)fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
	cp.fd = fds[1];
	if ((errno = pthread_create(&th, NULL, copy_thread, &cp)) != 0) {
		rc = pd_err_set(err, PD_EIO, "backup to %s failed: %s", dest,
				strerror(errno));
		close(fds[0]);
		close(fds[1]);
		goto out;
	}
	while (!last && rc == PD_OK) {
		if (pd_read_full(fds[0], plain, n, &got) != PD_OK) {
			rc = pd_err_set(err, PD_EIO, "backup to %s failed: %s", dest,
					strerror(errno));
			break;
		}
		last = got < n;
		crypto_secretstream_xchacha20poly1305_push(&s->state, sealed, &clen,
			plain, got, first ? header : NULL, first ? PD_BACKUP_HEADER : 0,
			last ? TAG_FINAL : TAG_MESSAGE);
		first = false;
		rc = pd_save_write(sv, sealed, (size_t)clen, err);
	}
	close(fds[0]);   /* a copy still writing now gets EPIPE and stops */
	pthread_join(th, NULL);
	if (rc == PD_OK && cp.rc != MDB_SUCCESS)
		rc = pd_err_set(err, PD_EIO, "backup to %s failed: %s", dest,
				mdb_strerror(cp.rc));
out:
	sodium_memzero(plain, n);
	free(plain);
	free(sealed);
	return rc;
}

int pd_backup_seal(struct pd_store *st, struct pd_save *sv, const char *pass,
		   size_t passlen, const struct pd_kdf *kdf, struct pd_err *err)
{
	struct pd_kdf lim = { PD_KDF_OPSLIMIT, PD_KDF_MEMLIMIT };
	unsigned char header[PD_BACKUP_HEADER] = { 0 };
	struct pd_crypt_secrets *s;
	int rc;

	if (kdf)
		lim = *kdf;
	if ((rc = pd_backup_check_pass(pass, passlen, err)) != PD_OK)
		return rc;
	if (!kdf_in_range(&lim))
		return pd_err_set(err, PD_EINVAL, "key derivation limits out of range");
	if (!(s = pd_secret_alloc(sizeof *s)))
		return pd_err_nomem(err);

	memcpy(header + OFF_MAGIC, magic, sizeof magic);
	header[OFF_VERSION] = PD_BACKUP_VERSION;
	header[OFF_KDF] = KDF_ARGON2ID13;
	put_be32(header + OFF_CHUNK, PD_BACKUP_CHUNK);
	pd_put_be64(header + OFF_OPS, lim.opslimit);
	pd_put_be64(header + OFF_MEM, lim.memlimit);
	randombytes_buf(header + OFF_SALT, SALT_BYTES);
	rc = derive(s, pass, passlen, header + OFF_SALT, &lim, err);
	if (rc == PD_OK) {
		memcpy(header + OFF_CHECK, s->check, CHECK_BYTES);
		crypto_secretstream_xchacha20poly1305_init_push(&s->state,
			header + OFF_STREAM, s->key);
		rc = pd_save_write(sv, header, sizeof header, err);
	}
	if (rc == PD_OK)
		rc = seal(st, sv, s, header, sv->path, err);
	pd_secret_free(s);
	return rc;
}

int pd_backup_check_pass(const char *pass, size_t passlen, struct pd_err *err)
{
	if (utf8_chars(pass, passlen) < PD_PASSPHRASE_MIN)
		return pd_err_set(err, PD_EINVAL, "the passphrase is too short: it "
			"needs at least %d characters (a few words are easiest to "
			"remember)", PD_PASSPHRASE_MIN);
	if (passlen > PD_PASSPHRASE_MAX)
		return pd_err_set(err, PD_EINVAL, "the passphrase is longer than %d "
				  "bytes", PD_PASSPHRASE_MAX);
	return PD_OK;
}

int pd_backup_encrypt(struct pd_store *st, const char *dest, const char *pass,
		      size_t passlen, const struct pd_kdf *kdf, struct pd_err *err)
{
	struct pd_save sv;
	int rc;

	/* A passphrase that will not do creates nothing. */
	if ((rc = pd_backup_check_pass(pass, passlen, err)) != PD_OK)
		return rc;
	if ((rc = pd_save_open(&sv, dest, err)) != PD_OK)
		return rc;
	return pd_save_close(&sv, pd_backup_seal(st, &sv, pass, passlen, kdf, err), err);
}

/* --- reading ------------------------------------------------------------ */

int pd_crypt_open(struct pd_crypt_reader *r, int in, const char *name,
		  const unsigned char *header, const char *pass, size_t passlen,
		  struct pd_err *err)
{
	int rc;

	memset(r, 0, sizeof *r);
	r->in = in;
	r->name = name;
	memcpy(r->header, header, PD_BACKUP_HEADER);
	if ((rc = pd_backup_parse(header, PD_BACKUP_HEADER, &r->info, err)) != PD_OK)
		return pd_err_prefix(err, "%s: ", name);
	if (r->info.kind != PD_BACKUP_ENCRYPTED)
		return pd_err_set(err, PD_ECORRUPT, "%s is not an encrypted backup", name);
	if (!pass || !passlen)
		return pd_err_set(err, PD_EINVAL, "%s is encrypted: its passphrase is "
				  "needed", name);
	if (passlen > PD_PASSPHRASE_MAX)
		return pd_err_set(err, PD_EINVAL, "wrong passphrase for %s (it is "
				  "longer than any plandesk takes)", name);
	if (!(r->sec = pd_secret_alloc(sizeof *r->sec)))
		return pd_err_nomem(err);
	rc = derive(r->sec, pass, passlen, header + OFF_SALT, &r->info.kdf, err);
	if (rc != PD_OK)
		return rc;
	if (sodium_memcmp(r->sec->check, header + OFF_CHECK, CHECK_BYTES) != 0)
		return pd_err_set(err, PD_EINVAL, "wrong passphrase for %s", name);
	if (crypto_secretstream_xchacha20poly1305_init_pull(&r->sec->state,
			header + OFF_STREAM, r->sec->key) != 0)
		return pd_err_set(err, PD_ECORRUPT, "%s: the header is damaged", name);
	return PD_OK;
}

int pd_crypt_pull(struct pd_crypt_reader *r, int out, const char *out_name,
		  struct pd_err *err)
{
	const size_t n = r->info.chunk, cmax = n + SS_ABYTES;
	unsigned char *plain = malloc(n), *sealed = malloc(cmax);
	unsigned long long mlen;
	unsigned char tag, extra;
	size_t got;
	int rc = PD_OK;

	if (!plain || !sealed || !r->sec) {
		free(plain);
		free(sealed);
		return pd_err_nomem(err);
	}
	for (unsigned long long i = 1; rc == PD_OK; i++) {
		if (pd_read_full(r->in, sealed, cmax, &got) != PD_OK) {
			rc = pd_err_set(err, PD_EIO, "cannot read %s: %s", r->name,
					strerror(errno));
			break;
		}
		if (got < SS_ABYTES) {
			rc = pd_err_set(err, PD_ECORRUPT, "%s is truncated: it ends %s, "
				"before its last chunk", r->name,
				got ? "inside a chunk" : "between two chunks");
			break;
		}
		if (crypto_secretstream_xchacha20poly1305_pull(&r->sec->state, plain,
				&mlen, &tag, sealed, got, i == 1 ? r->header : NULL,
				i == 1 ? PD_BACKUP_HEADER : 0) != 0) {
			rc = pd_err_set(err, PD_ECORRUPT, got < cmax ?
				"%s is truncated or damaged: its last chunk (%llu) does "
				"not verify" : "%s is damaged or was altered: chunk %llu "
				"does not verify", r->name, i);
			break;
		}
		if (tag != TAG_FINAL && (tag != TAG_MESSAGE || got < cmax)) {
			rc = pd_err_set(err, PD_ECORRUPT, "%s is damaged: chunk %llu is "
					"not one plandesk writes", r->name, i);
			break;
		}
		if (pd_write_full(out, plain, (size_t)mlen) != PD_OK) {
			rc = pd_err_set(err, PD_EIO, "cannot write %s: %s", out_name,
					strerror(errno));
			break;
		}
		if (tag != TAG_FINAL)
			continue;
		if (pd_read_full(r->in, &extra, 1, &got) != PD_OK)
			rc = pd_err_set(err, PD_EIO, "cannot read %s: %s", r->name,
					strerror(errno));
		else if (got)
			rc = pd_err_set(err, PD_ECORRUPT, "%s is damaged: something "
					"follows its last chunk", r->name);
		break;
	}
	sodium_memzero(plain, n);
	free(plain);
	free(sealed);
	return rc;
}

void pd_crypt_close(struct pd_crypt_reader *r)
{
	pd_secret_free(r->sec);
	r->sec = NULL;
}

int pd_backup_decrypt(int in, int out, const char *name, const char *pass,
		      size_t passlen, struct pd_err *err)
{
	unsigned char h[PD_BACKUP_HEADER];
	struct pd_backup_info info;
	struct pd_crypt_reader r;
	size_t got;
	int rc;

	if (pd_read_full(in, h, sizeof h, &got) != PD_OK)
		return pd_err_set(err, PD_EIO, "cannot read %s: %s", name,
				  strerror(errno));
	if (got < sizeof h) {   /* say what it is not */
		if ((rc = pd_backup_parse(h, got, &info, err)) != PD_OK)
			return pd_err_prefix(err, "%s: ", name);
		return pd_err_set(err, PD_ECORRUPT, "%s is not an encrypted backup", name);
	}
	rc = pd_crypt_open(&r, in, name, h, pass, passlen, err);
	if (rc == PD_OK)
		rc = pd_crypt_pull(&r, out, "the output", err);
	pd_crypt_close(&r);
	return rc;
}
