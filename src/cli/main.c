/*
 * main.c — plandesk's entry point: global options, then a subcommand from
 * the table below.
 */
#include <getopt.h>
#include <stdbool.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "cli.h"

static const struct cli_cmd *const commands[] = {
	&cmd_check,
	&cmd_backup,
	&cmd_restore,
	&cmd_minutes,
	&cmd_report,
	&cmd_import,
	&cmd_export,
	&cmd_demo,
	&cmd_lookup,
	&cmd_add_email,
	&cmd_log,
	&cmd_hold,
	&cmd_purge,
	&cmd_mentions,
	&cmd_forget,
	&cmd_history,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

#define SUMMARY_COL 13	/* where a command's summary starts */
#define HELP_WIDTH 79

/* Print text from column col to HELP_WIDTH, each further line indented to
 * col, breaking at spaces (a word longer than the line is left whole). */
static void put_wrapped(FILE *f, const char *text, int col)
{
	int at = col;

	while (*text) {
		size_t n = strcspn(text, " ");
		if (at > col && at + 1 + (int)n > HELP_WIDTH) {
			fprintf(f, "\n%*s", col, "");
			at = col;
		} else if (at > col) {
			fputc(' ', f);
			at++;
		}
		fwrite(text, 1, n, f);
		at += (int)n;
		text += n;
		text += strspn(text, " ");
	}
	fputc('\n', f);
}

static void usage(FILE *f, const char *progname)
{
	fprintf(f,
		"usage: %s [--db PATH] COMMAND [ARGS]\n"
		"\n"
		"Plans, meetings, actions and the who's-who directory of a\n"
		"children's-services partnership.\n"
		"\n"
		"Commands (`%s COMMAND --help` gives each one's options):\n",
		progname, progname);
	for (size_t i = 0; i < NCOMMANDS; i++) {
		fprintf(f, "  %-*s", SUMMARY_COL - 2, commands[i]->name);
		put_wrapped(f, commands[i]->summary, SUMMARY_COL);
	}
	fprintf(f,
		"\n"
		"Options:\n"
		"  --db PATH              the database file (default: $PLANDESK_DB, else\n"
		"                         $XDG_DATA_HOME/plandesk/plandesk.db)\n"
		"  -h, --help             show this help\n"
		"  -V, --version          show the version\n"
		"\n"
		"Exit status: 0 success, 1 nothing found, 2 usage or data error.\n"
		"See plandesk(1).\n");
}

/*
 * `COMMAND --help` (or `COMMAND -h` alone), answered here for every
 * command from its descriptor, before its own options are parsed: a
 * command's getopt loop never needs to know about --help.  Only the
 * arguments before a "--" count (a lookup may search for "--help").
 */
static bool wants_help(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "-h") == 0)
		return true;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0)
			return true;
	return false;
}

static int command_help(const struct cli_ctx *ctx, const struct cli_cmd *cmd)
{
	const char *sum = cmd->summary;

	printf("usage: %s [--db PATH] %s%s%s\n\n%c%s.\n", ctx->progname,
	       cmd->name, *cmd->usage ? " " : "", cmd->usage,
	       *sum >= 'a' && *sum <= 'z' ? *sum - 'a' + 'A' : *sum, sum + 1);
	if (cmd->help)
		printf("\n%s", cmd->help);
	printf("\nSee plandesk(1).\n");
	return fflush(stdout) == 0 ? CLI_OK : CLI_ERROR;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",      required_argument, NULL, 'd' },
		{ "help",    no_argument,       NULL, 'h' },
		{ "version", no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx ctx = { .progname = "plandesk" };
	int c;

	cli_formats_init(&ctx.formats);
	setlocale(LC_ALL, "");
	/* Past a file-size limit (ulimit -f) a write must fail with EFBIG and
	 * be reported, not kill the process halfway through a save. */
	signal(SIGXFSZ, SIG_IGN);

	/* '+': stop at the subcommand; its options are its own. */
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx.db_flag = optarg;
			break;
		case 'h':
			usage(stdout, ctx.progname);
			return CLI_OK;
		case 'V':
			printf("plandesk %s\n", PACKAGE_VERSION);
			return CLI_OK;
		default:
			usage(stderr, ctx.progname);
			return CLI_ERROR;
		}
	}
	if (optind >= argc)
		return cli_run_client(&ctx, NULL, false);   /* no command: the client */
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(argv[optind], commands[i]->name) == 0) {
			char **sub = argv + optind;
			int subc = argc - optind;
			if (wants_help(subc, sub))
				return command_help(&ctx, commands[i]);
			optind = 0;   /* let the subcommand run getopt afresh */
			return commands[i]->run(&ctx, subc, sub);
		}
	}
	cli_error(&ctx, "unknown command '%s' (see %s --help)", argv[optind],
		  ctx.progname);
	return CLI_ERROR;
}
