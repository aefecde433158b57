/*
 * cmd_restore.c — `plandesk restore [--passphrase-file F] [--force] FILE
 * --db NEW`: a backup, plain or encrypted, read whole, decrypted and
 * checked in a temporary file, then put in place as the database NEW
 * (backup.h, pd_backup_restore).  NEW must be named: restore never
 * falls back to $PLANDESK_DB or the default database.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_passphrase.h"
#include "plandesk/protect/backup.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",              required_argument, NULL, 'd' },
		{ "passphrase-file", required_argument, NULL, 'p' },
		{ "force",           no_argument,       NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_secret pass = { 0 };
	const char *pfile = NULL, *db = ctx->db_flag, *src;
	struct pd_backup_info info;
	struct pd_err err;
	bool force = false;
	char prompt[4200];
	struct stat sb;
	sigset_t saved;
	int c, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (db && strcmp(db, optarg) != 0) {
				cli_error(ctx, "two databases to restore into: give --db once");
				return CLI_ERROR;
			}
			db = optarg;
			break;
		case 'p':
			pfile = optarg;
			break;
		case 'f':
			force = true;
			break;
		default:
			return cli_usage(ctx, &cmd_restore);
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, &cmd_restore);
	src = argv[optind];
	if (!db || !*db) {
		cli_error(ctx, "restore needs --db NEW: the database file to create");
		return CLI_ERROR;
	}
	/* Its first bytes are read twice (what it is, then the restore). */
	if (stat(src, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
		cli_error(ctx, "%s is not a file (a pipe?): restore from a copy of "
			  "the backup in a file; nothing was written", src);
		return CLI_ERROR;
	}
	if (pd_backup_probe(src, &info, &err) != PD_OK) {
		cli_error(ctx, "%s; nothing was written", err.msg);
		return CLI_ERROR;
	}
	/* Said before the passphrase is asked for (pd_backup_restore checks
	 * again, and refuses a database another process has open). */
	if (!force && stat(db, &sb) == 0) {
		cli_error(ctx, "%s already exists: restore into a new file, or "
			  "replace it with --force; nothing was written", db);
		return CLI_ERROR;
	}
	if (info.kind == PD_BACKUP_ENCRYPTED) {
		snprintf(prompt, sizeof prompt, "Passphrase for %s: ", src);
		if (cli_passphrase(ctx, pfile, prompt, false, &pass) != CLI_OK) {
			cli_secret_free(&pass);
			return CLI_ERROR;
		}
	} else if (pfile) {
		fprintf(stderr, "%s: note: %s is not encrypted; --passphrase-file is "
			"not needed\n", ctx->progname, src);
	}
	cli_signals_hold(&saved);
	rc = pd_backup_restore(src, db, pass.p, pass.n,
			       force ? PD_RESTORE_FORCE : 0, &err);
	cli_secret_free(&pass);
	if (rc != PD_OK)   /* whatever failed, NEW is as it was */
		cli_error(ctx, "%s; nothing was written", err.msg);
	else
		printf("%s: restored from %s (%s backup), checked: no problems "
		       "found\n", db, src,
		       info.kind == PD_BACKUP_ENCRYPTED ? "an encrypted" : "a plain");
	fflush(stdout);
	cli_signals_release(&saved);
	return rc == PD_OK ? CLI_OK : CLI_ERROR;
}

const struct cli_cmd cmd_restore = {
	.name = "restore",
	.usage = "[--passphrase-file F] [--force] FILE --db NEW",
	.summary = "restore a backup, plain or encrypted, as the database NEW",
	.run = run,
};
