/*
 * backup_impl.h — what the backup files share (internal to core): reading
 * whole buffers from a file descriptor, the encrypted writer into a save
 * its caller holds, and the encrypted reader in two steps, so that pd_backup_restore can learn that the passphrase is right
 * (backup_crypt.c: the key derived, its check compared) before it creates
 * anything, and only then decrypt into its temporary file.
 */
#ifndef PLANDESK_BACKUP_IMPL_H
#define PLANDESK_BACKUP_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/protect/backup.h"
#include "base/save.h"

struct pd_crypt_secrets;

struct pd_crypt_reader {
	int                      in;
	const char              *name;      /* the input, for messages */
	struct pd_backup_info    info;
	unsigned char            header[PD_BACKUP_HEADER];
	struct pd_crypt_secrets *sec;       /* locked memory: keys, stream */
};

/*
 * Read up to `n` bytes from `fd` into `p`, retrying short reads and EINTR,
 * until `n` or the end of the file; *got the bytes read.
 * Returns PD_OK, PD_EIO (errno kept).
 */
int pd_read_full(int fd, void *p, size_t n, size_t *got);

/* Write all `n` bytes at `p` to `fd`.  Returns PD_OK, PD_EIO (errno kept). */
int pd_write_full(int fd, const void *p, size_t n);

/*
 * Begin reading an encrypted backup from `in`, whose first
 * PD_BACKUP_HEADER bytes, already read, are `header`: check the header,
 * derive the key from the passphrase and compare the passphrase check.
 * The stream is then ready for pd_crypt_pull.  Close *r with
 * pd_crypt_close whatever this returns.
 * Returns PD_OK; PD_EINVAL (wrong or empty passphrase); PD_ECORRUPT;
 * PD_ESCHEMA; PD_ENOMEM.
 */
int pd_crypt_open(struct pd_crypt_reader *r, int in, const char *name,
		  const unsigned char *header, const char *pass, size_t passlen,
		  struct pd_err *err);

/*
 * Decrypt every chunk after the header to `out`, verifying each tag, the
 * FINAL tag on the last chunk and that nothing follows it.
 * Returns PD_OK; PD_ECORRUPT (truncated or altered); PD_ENOMEM; PD_EIO
 * (reading: the input's name in err; writing `out`: `out_name`).
 */
int pd_crypt_pull(struct pd_crypt_reader *r, int out, const char *out_name,
		  struct pd_err *err);

/* Wipe the keys and free what pd_crypt_open took.  Safe to call twice. */
void pd_crypt_close(struct pd_crypt_reader *r);

/*
 * pd_backup_encrypt into the save `sv` its caller opened (and closes):
 * the header, then LMDB's compact copy sealed chunk by chunk.  So a
 * disclosed backup (disclose_out.c) is recorded before it is named.
 * Returns pd_backup_encrypt's codes.
 */
int pd_backup_seal(struct pd_store *st, struct pd_save *sv, const char *pass,
		   size_t passlen, const struct pd_kdf *kdf, struct pd_err *err);

/* A new passphrase long enough and not too long.  Returns PD_OK or
 * PD_EINVAL (err says which). */
int pd_backup_check_pass(const char *pass, size_t passlen, struct pd_err *err);

#endif
