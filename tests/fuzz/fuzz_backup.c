/*
 * fuzz_backup.c — libFuzzer target for the encrypted backup's reader
 * (backup.h): each input is a backup file.  Its header goes through
 * pd_backup_parse; one that asks for a cheap key derivation is decrypted
 * with pd_backup_decrypt and the passphrase the corpus was made with.
 * What parse and decrypt return must be what backup.h promises: a status
 * of the documented few with its message, nothing written for a wrong
 * passphrase, and no more plaintext than there was ciphertext.  Anything
 * else aborts, so libFuzzer keeps the input.
 *
 * The corpus (corpus_backup/) was made by pd_backup_encrypt with Argon2id
 * at 1 pass over 64 KiB and PASSPHRASE; see tests/fuzz/README.  A header
 * asking for more than that is only parsed: Argon2id is libsodium's to
 * test, and each run must take milliseconds.
 *
 *   ./configure --enable-fuzzing CC=clang && make tests/fuzz/fuzz_backup
 *   cp -r tests/fuzz/corpus_backup /tmp/corpus
 *   tests/fuzz/fuzz_backup -max_total_time=120 -max_len=98304 /tmp/corpus
 */
#define _GNU_SOURCE   /* memfd_create */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plandesk/protect/backup.h"

#define PASSPHRASE "fuzzing passphrase"

static _Noreturn void fail(const char *what)
{
	fprintf(stderr, "fuzz_backup: %s\n", what);
	abort();
}

/* The input and the output, in memory; made once per process. */
static int in_fd = -1, out_fd = -1;

static void load(const uint8_t *data, size_t size)
{
	if (in_fd < 0 && ((in_fd = memfd_create("in", MFD_CLOEXEC)) < 0 ||
			  (out_fd = memfd_create("out", MFD_CLOEXEC)) < 0))
		fail("memfd_create");
	if (ftruncate(in_fd, 0) || ftruncate(out_fd, 0) ||
	    lseek(in_fd, 0, SEEK_SET) || lseek(out_fd, 0, SEEK_SET) ||
	    (size && write(in_fd, data, size) != (ssize_t)size) ||
	    lseek(in_fd, 0, SEEK_SET))
		fail("cannot load the input");
}

static void check_err(int rc, const struct pd_err *err)
{
	if (err->code != rc || !err->msg[0] || !memchr(err->msg, '\0', sizeof err->msg))
		fail("a failure without its code or message");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pd_backup_info info;
	struct pd_err err = { 0 };
	struct stat sb;
	int rc = pd_backup_parse(data, size, &info, &err);

	if (rc != PD_OK) {
		if (rc != PD_ECORRUPT && rc != PD_ESCHEMA)
			fail("parse returned neither PD_OK, PD_ECORRUPT nor PD_ESCHEMA");
		check_err(rc, &err);
		return 0;
	}
	if (info.kind == PD_BACKUP_PLAIN)
		return 0;
	if (info.kind != PD_BACKUP_ENCRYPTED || info.version != PD_BACKUP_VERSION ||
	    size < PD_BACKUP_HEADER || info.kdf.opslimit > PD_KDF_OPSLIMIT_MAX ||
	    info.kdf.memlimit > PD_KDF_MEMLIMIT_MAX)
		fail("parse accepted what backup.h says it refuses");
	if (info.kdf.opslimit > 2 || info.kdf.memlimit > (64u << 10))
		return 0;

	load(data, size);
	pd_err_clear(&err);
	rc = pd_backup_decrypt(in_fd, out_fd, "input", PASSPHRASE,
			       strlen(PASSPHRASE), &err);
	if (fstat(out_fd, &sb) != 0)
		fail("fstat");
	switch (rc) {
	case PD_OK:
		break;
	case PD_EINVAL:
		if (sb.st_size != 0)
			fail("a wrong passphrase, and something was written");
		/* fall through */
	case PD_ECORRUPT:
	case PD_ESCHEMA:
	case PD_ENOMEM:
		check_err(rc, &err);
		break;
	default:
		fail("decrypt returned a status backup.h does not list");
	}
	if ((size_t)sb.st_size > size - PD_BACKUP_HEADER)
		fail("more plaintext than ciphertext");
	return 0;
}
