/*
 * cmd_backup.c — `plandesk backup [--encrypt [--passphrase-file F]]
 * [--reason TEXT] FILE`: a compact copy of the database, created 0600;
 * with --encrypt, sealed with a passphrase typed twice on the terminal or
 * read from the first line of F (backup.h, cli_passphrase.h).  Recorded
 * in the disclosure record (disclose_out.h) before it is given its name.
 */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "cli_passphrase.h"
#include "plandesk/protect/disclose_out.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "encrypt",         no_argument,       NULL, 'e' },
		{ "passphrase-file", required_argument, NULL, 'p' },
		{ "reason",          required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct pd_disclosure d = { .command = "backup" };
	struct cli_secret pass = { 0 };
	const char *pfile = NULL, *file;
	struct pd_store *st;
	struct pd_err err;
	bool encrypt = false;
	char prompt[4200];
	sigset_t saved;
	int c, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'e':
			encrypt = true;
			break;
		case 'p':
			pfile = optarg;
			break;
		case 'r':
			d.reason = optarg;
			break;
		default:
			return cli_usage(ctx, &cmd_backup);
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, &cmd_backup);
	if (cli_reason(ctx, d.reason) != CLI_OK)
		return CLI_ERROR;
	file = argv[optind];
	d.path = file;
	if (encrypt)
		d.command = "backup --encrypt";
	if (pfile && !encrypt) {
		cli_error(ctx, "--passphrase-file goes with --encrypt");
		return CLI_ERROR;
	}
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	snprintf(prompt, sizeof prompt, "Passphrase for %s: ", file);
	if (encrypt && cli_passphrase(ctx, pfile, prompt, true, &pass) != CLI_OK) {
		cli_secret_free(&pass);
		pd_store_close(st);
		return CLI_ERROR;
	}
	cli_signals_hold(&saved);
	rc = pd_disclose_backup(st, &d, encrypt ? pass.p : NULL, pass.n, NULL, &err);
	cli_secret_free(&pass);
	if (rc != PD_OK)
		cli_error(ctx, "%s", err.msg);
	pd_store_close(st);
	cli_signals_release(&saved);
	return rc == PD_OK ? CLI_OK : CLI_ERROR;
}

const struct cli_cmd cmd_backup = {
	.name = "backup",
	.usage = "[--encrypt [--passphrase-file F]] [--reason TEXT] FILE",
	.summary = "write a compact copy of the database to FILE (mode 0600), "
		   "encrypted if asked",
	.help = "FILE is created mode 0600 under a temporary name and renamed into\n"
		"place when complete; a device or a pipe is written in place.\n"
		"Options:\n"
		"  --encrypt             encrypt it with a passphrase asked twice on the\n"
		"                        terminal (Argon2id, XChaCha20-Poly1305)\n"
		"  --passphrase-file F   the passphrase from the first line of F (mode 0600)\n"
		"  --reason TEXT         why it is made, kept in the disclosure record\n"
		"restore FILE --db NEW puts it back.  Every backup is recorded (plandesk log).\n",
	.run = run,
};
