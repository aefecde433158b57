/* cli_common.c — what every subcommand shares: opening the store, errors,
 * signals held while a file is written. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "plandesk/base/text.h"
#include "plandesk/directory/open.h"

void cli_error(struct cli_ctx *ctx, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\n", ctx->progname, msg);
	if (ctx->errors_to_stdout) {
		/* One line: a line break in a message would end mutt's. */
		for (char *p = msg; *p; p++)
			if (*p == '\n' || *p == '\r')
				*p = ' ';
		printf("%s: %s\n", ctx->progname, msg);
		fflush(stdout);
	}
}

void cli_write_error(struct cli_ctx *ctx, const char *what, const char *path,
		     enum pd_format fmt, const struct pd_err *err)
{
	if (err->code == PD_EMODULE)
		cli_error(ctx, "cannot write %s: %s", path ? path : pd_format_name(fmt),
			  err->msg);
	else if (what)
		cli_error(ctx, "%s: %s", what, err->msg);
	else
		cli_error(ctx, "%s", err->msg);
}

int cli_usage(struct cli_ctx *ctx, const struct cli_cmd *cmd)
{
	fprintf(stderr, "usage: %s [--db PATH] %s %s\n", ctx->progname, cmd->name,
		cmd->usage);
	if (ctx->errors_to_stdout) {
		printf("usage: %s %s %s\n", ctx->progname, cmd->name, cmd->usage);
		fflush(stdout);
	}
	return CLI_ERROR;
}

struct pd_store *cli_open_store(struct cli_ctx *ctx, bool read_only)
{
	struct pd_open_opts opts = { .read_only = read_only };
	struct pd_store *st;
	struct pd_err err;
	char path[4096];

	if (pd_store_path(ctx->db_flag, NULL, path, sizeof path, &err) != PD_OK ||
	    pd_store_open(path, &opts, &st, &err) != PD_OK) {
		cli_error(ctx, "%s", err.msg);
		return NULL;
	}
	pd_store_set_formats(st, &ctx->formats.loader);
	if (pd_store_notice(st))   /* stderr only: not an error */
		fprintf(stderr, "%s: note: %s\n", ctx->progname, pd_store_notice(st));
	return st;
}

int cli_print_doc(struct cli_ctx *ctx, const struct pd_buf *b, const char *what)
{
	if ((b->n && fwrite(b->p, 1, b->n, stdout) != b->n) || fflush(stdout) != 0) {
		cli_error(ctx, "cannot write %s: %s", what, strerror(errno));
		return CLI_ERROR;
	}
	return CLI_OK;
}

void cli_conf_note(struct cli_ctx *ctx, const struct pd_disclosure *d)
{
	if (d->conf_left_out)
		fprintf(stderr, "%s: note: %llu confidential %s left out "
			"(--confidential shows %s, each marked)\n", ctx->progname,
			(unsigned long long)d->conf_left_out,
			d->conf_left_out == 1 ? "entry" : "entries",
			d->conf_left_out == 1 ? "it" : "them");
}

int cli_confirm(struct cli_ctx *ctx, const char *question, bool yes)
{
	char line[64];

	if (yes)
		return CLI_OK;
	if (!isatty(STDIN_FILENO)) {
		cli_error(ctx, "not asked (standard input is not a terminal), so nothing "
			  "was changed: add --yes to go ahead");
		return CLI_ERROR;
	}
	fprintf(stderr, "%s [y/N] ", question);
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin) || (line[0] != 'y' && line[0] != 'Y')) {
		fprintf(stderr, "Nothing was changed.\n");
		return CLI_NOTHING;
	}
	return CLI_OK;
}

int cli_reason(struct cli_ctx *ctx, const char *reason)
{
	if (!reason)
		return CLI_OK;
	if (!*reason || !pd_utf8_valid(reason, strlen(reason)) ||
	    strpbrk(reason, "\n\r")) {
		cli_error(ctx, "--reason wants one line of text, such as \"to Ofsted "
			  "for the inspection\"");
		return CLI_ERROR;
	}
	return CLI_OK;
}

int cli_choose_format(struct cli_ctx *ctx, const char *name, const char *path,
		      unsigned set, enum pd_format dflt, enum pd_format *out)
{
	struct pd_err err = { 0 };

	if (pd_format_choose(name, path, set, dflt, out, &err) != PD_OK) {
		cli_error(ctx, "%s", err.msg);
		return CLI_ERROR;
	}
	if (!path && pd_format_binary(*out) && isatty(STDOUT_FILENO)) {
		cli_error(ctx, "%s is a binary file, not for a terminal: write it "
			  "with -o FILE.%s", pd_format_name(*out), pd_format_name(*out));
		return CLI_ERROR;
	}
	return CLI_OK;
}

int cli_date_style(struct cli_ctx *ctx, const char *name, enum pd_date_style *out)
{
	*out = PD_DS_LONG;
	if (name && pd_date_style_parse(name, out) != PD_OK) {
		cli_error(ctx, "unknown date style '%s' (use long, short or iso)", name);
		return CLI_ERROR;
	}
	return CLI_OK;
}

static void held_signals(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGQUIT);
}

void cli_signals_hold(sigset_t *saved)
{
	sigset_t set;

	held_signals(&set);
	sigprocmask(SIG_BLOCK, &set, saved);
}

void cli_signals_release(const sigset_t *saved)
{
	sigprocmask(SIG_SETMASK, saved, NULL);
}
