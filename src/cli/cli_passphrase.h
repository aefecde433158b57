/*
 * cli_passphrase.h — the passphrase of an encrypted backup: asked on the
 * terminal with echo off, or read from the first line of a file named by
 * --passphrase-file; never taken from the command line or the
 * environment, where other users (ps, /proc) and shell history see it.
 * It is held in memory from pd_secret_alloc (locked against swapping,
 * wiped when freed).
 */
#ifndef PLANDESK_CLI_PASSPHRASE_H
#define PLANDESK_CLI_PASSPHRASE_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

struct cli_secret {
	char  *p;   /* NULL until read */
	size_t n;   /* bytes, no terminator */
};

/*
 * Get a passphrase into *s: the first line of `file` (its line end
 * dropped) when `file` is not NULL, else typed on the terminal (/dev/tty)
 * after `prompt`, and with `confirm` typed twice (a new passphrase: the
 * two must match).  A file that others may read or change is refused; one
 * its group may read is warned about.  With no terminal and no file, it is
 * an error.  Prints what goes wrong.  Returns CLI_OK or CLI_ERROR; free *s
 * with cli_secret_free either way.
 */
int cli_passphrase(struct cli_ctx *ctx, const char *file, const char *prompt,
		   bool confirm, struct cli_secret *s);

/* Wipe and free a passphrase.  Safe on one never read. */
void cli_secret_free(struct cli_secret *s);

#endif
