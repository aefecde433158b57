/*
 * cmd_add_email.c — `plandesk add-email < MESSAGE`: the sender of one
 * e-mail message (its From:) into the directory, as abook's --add-email
 * does; from mutt:
 *
 *	macro index,pager A "<pipe-message>plandesk add-email<return>"
 *
 * Prints one line saying what it did.  Exit status 0 (added, updated or
 * already there), 2 (no From:, a From: with no address, unreadable input,
 * a database error).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "plandesk/transfer/mail.h"

/* The header block is all that is wanted; read at most this much. */
#define HEAD_MAX (1u << 20)

static int read_head(struct cli_ctx *ctx, struct pd_buf *b)
{
	char chunk[8192];
	ssize_t got;

	while (b->n < HEAD_MAX && (got = read(STDIN_FILENO, chunk, sizeof chunk)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			cli_error(ctx, "add-email: cannot read the message: %s", strerror(errno));
			return CLI_ERROR;
		}
		if (pd_buf_add(b, chunk, (size_t)got) != PD_OK) {
			cli_error(ctx, "add-email: out of memory");
			return CLI_ERROR;
		}
		/* the header block ends at the first empty line */
		if (strstr(b->p, "\n\n") || strstr(b->p, "\r\n\r\n"))
			break;
	}
	/* the rest of a piped message is not wanted: drain it, so that the
	 * program writing it (mutt) does not see a broken pipe */
	while ((got = read(STDIN_FILENO, chunk, sizeof chunk)) > 0 ||
	       (got < 0 && errno == EINTR))
		;
	return CLI_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const char *const said[] = {
		[PD_SENDER_ADDED] = "added",
		[PD_SENDER_UPDATED] = "updated",
		[PD_SENDER_KNOWN] = "already in the directory",
	};
	struct pd_buf msg = PD_BUF_INIT, name = PD_BUF_INIT, addr = PD_BUF_INIT,
		      stored = PD_BUF_INIT;
	enum pd_sender_result what;
	struct pd_store *st = NULL;
	struct pd_err err = { 0 };
	int status = CLI_ERROR, rc;

	(void)argv;
	if (argc != 1)
		return cli_usage(ctx, &cmd_add_email);
	if (isatty(STDIN_FILENO)) {
		cli_error(ctx, "add-email reads an e-mail message on standard input "
			  "(from mutt: <pipe-message>plandesk add-email)");
		return CLI_ERROR;
	}
	if (read_head(ctx, &msg) != CLI_OK)
		goto out;
	if ((rc = pd_mail_sender(msg.p ? msg.p : "", msg.n, &name, &addr, &err)) != PD_OK) {
		cli_error(ctx, "add-email: %s", err.msg);
		goto out;
	}
	if (!(st = cli_open_store(ctx, false)))
		goto out;
	if (pd_add_sender(st, name.p, addr.p, &what, NULL, &stored, &err) != PD_OK) {
		cli_error(ctx, "add-email: %s", err.msg);
		goto out;
	}
	if (what == PD_SENDER_KNOWN)
		printf("%s <%s>: %s\n", stored.p, addr.p, said[what]);
	else if (what == PD_SENDER_UPDATED)
		printf("%s: %s <%s> (the address added)\n", said[what], stored.p, addr.p);
	else
		printf("%s: %s <%s>\n", said[what], stored.p, addr.p);
	status = fflush(stdout) == 0 ? CLI_OK : CLI_ERROR;
out:
	pd_store_close(st);
	pd_buf_free(&msg);
	pd_buf_free(&name);
	pd_buf_free(&addr);
	pd_buf_free(&stored);
	return status;
}

const struct cli_cmd cmd_add_email = {
	.name = "add-email",
	.usage = "< MESSAGE",
	.summary = "add or update the sender of the e-mail message on standard input",
	.help = "Reads one e-mail message and adds its sender (the From: header's\n"
		"name and address) to the directory; someone with that address\n"
		"already is left as they are.  From mutt, in ~/.muttrc:\n"
		"  macro index,pager A \"<pipe-message>plandesk add-email<return>\"\n",
	.run = run,
};
