/*
 * backup.h — encrypted backups, and restoring a backup of either kind.
 *
 * A plain backup (store.h, pd_store_backup) is a compact copy of the
 * database: itself an LMDB file.  An encrypted backup is that same copy,
 * never written to disk in the clear, sealed with libsodium:
 *
 *   - the passphrase is stretched with Argon2id (crypto_pwhash) over a
 *     random salt; the limits used are recorded in the file, so a later
 *     plandesk with other defaults still reads it;
 *   - two keys are derived from the result (crypto_kdf): one for the data,
 *     one giving a 16-byte check of the passphrase, kept in the header, so
 *     a wrong passphrase is told from a damaged file;
 *   - the data is a crypto_secretstream_xchacha20poly1305 stream of fixed
 *     chunks, the last one tagged FINAL, so a truncated, reordered or
 *     altered file is found; the header is authenticated as the additional
 *     data of the first chunk.
 *
 * HACKING.md gives the file format byte by byte.
 *
 * Core reads no terminal: the caller gets the passphrase (a terminal with
 * echo off, a file) into memory from pd_secret_alloc and wipes it with
 * pd_secret_free.
 */
#ifndef PLANDESK_BACKUP_H
#define PLANDESK_BACKUP_H

#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

#define PD_BACKUP_VERSION   1         /* the encrypted format written and read */
#define PD_BACKUP_HEADER    88        /* bytes of its header */
#define PD_BACKUP_CHUNK     65536u    /* plaintext bytes per chunk written */
#define PD_PASSPHRASE_MIN   8         /* characters of a new passphrase */
#define PD_PASSPHRASE_MAX   1024      /* bytes of any passphrase */

/*
 * Argon2id's limits: passes over the memory, and the memory in bytes.
 * The default is libsodium's MODERATE (3 passes, 256 MiB): 0.6–0.9 s on
 * a 2-core machine; RFC 9106's second recommendation is 3 passes over
 * 64 MiB.  Only tests and the fuzzing corpus ask for less.
 */
struct pd_kdf {
	uint64_t opslimit;
	uint64_t memlimit;
};
#define PD_KDF_OPSLIMIT 3u
#define PD_KDF_MEMLIMIT (256ull << 20)
/* What a file may ask of the reader: beyond these it is refused, so a
 * hostile file cannot make a restore take minutes or gigabytes. */
#define PD_KDF_OPSLIMIT_MAX 10u
#define PD_KDF_MEMLIMIT_MAX (1ull << 30)

enum pd_backup_kind {
	PD_BACKUP_PLAIN = 1,    /* an LMDB file (pd_store_backup) */
	PD_BACKUP_ENCRYPTED,    /* pd_backup_encrypt's format */
};

/* What a backup file's first bytes say about it. */
struct pd_backup_info {
	enum pd_backup_kind kind;
	unsigned            version;  /* encrypted: the format version */
	uint32_t            chunk;    /* encrypted: plaintext bytes per chunk */
	struct pd_kdf       kdf;      /* encrypted: Argon2id's limits */
};

/*
 * Write a compact copy of the database to `dest`, encrypted with the
 * passphrase `pass` (`passlen` bytes, not NUL-terminated).  The copy goes
 * from LMDB (mdb_env_copyfd2, MDB_CP_COMPACT) through a pipe to this
 * thread, which seals it chunk by chunk: the database is never written in
 * the clear.  `dest` is created 0600 under a temporary name and renamed
 * into place (a device or a pipe is written in place; see store.h's
 * pd_store_backup).  `kdf` may be NULL: PD_KDF_OPSLIMIT / PD_KDF_MEMLIMIT.
 * Keys are kept in locked memory and wiped.
 * Returns PD_OK; PD_EINVAL (a passphrase shorter than PD_PASSPHRASE_MIN
 * characters or longer than PD_PASSPHRASE_MAX bytes, limits out of range,
 * a path too long); PD_ENOMEM (not the memory Argon2id needs); PD_EIO
 * (cannot write `dest`, or the copy failed: nothing is left at `dest`).
 */
int pd_backup_encrypt(struct pd_store *st, const char *dest, const char *pass,
		      size_t passlen, const struct pd_kdf *kdf, struct pd_err *err);

/*
 * Read the header of the `n` bytes at `p` (the start of a file) into
 * *info: an encrypted backup (every header field checked, the bounds
 * above included) or an LMDB file.  Nothing is decrypted.
 * Returns PD_OK; PD_ESCHEMA (an encrypted backup of a format or key
 * derivation this plandesk does not know); PD_ECORRUPT (neither kind, a
 * header cut short or out of range: the reason in err).
 */
int pd_backup_parse(const void *p, size_t n, struct pd_backup_info *info,
		    struct pd_err *err);

/*
 * pd_backup_parse on the first bytes of the file at `path`.
 * Returns what pd_backup_parse returns, or PD_EIO (cannot open or read it;
 * a folder).
 */
int pd_backup_probe(const char *path, struct pd_backup_info *info,
		    struct pd_err *err);

/*
 * Decrypt the encrypted backup read from `in` (its header first) and write
 * the database it holds to `out`, verifying every chunk as it goes: the
 * passphrase check, each chunk's tag (the first with the header), the
 * FINAL tag on the last and nothing after it.  What was written to `out`
 * before a failure must be thrown away.  `name` names the input in
 * messages.
 * Returns PD_OK; PD_EINVAL (wrong passphrase: nothing was written to
 * `out`); PD_ECORRUPT (truncated, altered, or not an encrypted backup);
 * PD_ESCHEMA; PD_ENOMEM; PD_EIO (reading `in` or writing `out`).
 */
int pd_backup_decrypt(int in, int out, const char *name, const char *pass,
		      size_t passlen, struct pd_err *err);

#define PD_RESTORE_FORCE 0x01u  /* replace an existing database at dest */

/*
 * Restore the backup at `src` (plain or encrypted, told apart by its first
 * bytes; `pass` and `passlen` are used only for an encrypted one) as the
 * database at `dest`.  Nothing is written where the user would see it until
 * the whole backup has been read: it is decrypted (every chunk verified)
 * or copied into a temporary file next to `dest` (0600), opened as a
 * plandesk store and checked (check.h, pd_check), and only then moved to
 * `dest`: linked (so a database that appeared meanwhile is not replaced)
 * or, with PD_RESTORE_FORCE, renamed over the old one.  A database that
 * another process has open is never replaced.  On any failure the
 * temporary file and its lock file are removed and `dest` is untouched
 * (the messages do not say so: the caller may).
 * Returns PD_OK; PD_ECONFLICT (`dest` exists and no PD_RESTORE_FORCE, or
 * it is open in another process); PD_EINVAL (wrong passphrase, no
 * passphrase for an encrypted backup, `dest` is a folder or a device);
 * PD_ECORRUPT (a damaged or truncated backup, not a plandesk database,
 * or one whose check finds problems); PD_ESCHEMA (a newer format or
 * database); PD_ENOMEM; PD_EIO.
 */
int pd_backup_restore(const char *src, const char *dest, const char *pass,
		      size_t passlen, unsigned flags, struct pd_err *err);

/*
 * Memory for a passphrase: locked against swapping where the system
 * allows, guarded by inaccessible pages, wiped by pd_secret_free
 * (libsodium's sodium_malloc).  Returns NULL when out of memory.
 */
void *pd_secret_alloc(size_t n);

/* Wipe and free memory from pd_secret_alloc.  NULL is allowed. */
void pd_secret_free(void *p);

#endif
