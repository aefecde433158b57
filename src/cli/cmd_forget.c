/*
 * cmd_forget.c — `plandesk forget WHO [--label TEXT] [--yes] [--reason
 * TEXT]`: erasure.  Shows what names the person, asks (or --yes), then
 * takes them out in one write (subject.h pd_forget): their directory
 * entry goes, links and names become the label ("former member").  Free
 * text is listed for the user to edit; it is not rewritten.
 * Exit status: 0 done, 1 nothing names them or not confirmed, 2 usage or
 * data error (a name two people answer to).
 */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "plandesk/protect/subject.h"

struct shown { size_t n[PD_MN_TEXT + 1]; bool text_only; };

static int show(void *ctx, struct pd_txn *txn, const struct pd_mention *m,
		struct pd_err *err)
{
	struct shown *sh = ctx;
	const struct pd_field *fd = &pd_kind_info(m->r->kind)->fields[m->field];
	char where[512];

	(void)err;
	sh->n[m->how]++;
	if (sh->text_only && m->how != PD_MN_TEXT)
		return PD_OK;
	pd_mention_where(txn, m->r, where, sizeof where);
	printf("  %s: %s (%s)\n", m->how == PD_MN_TEXT ? "in the text" : m->how ==
	       PD_MN_ENTRY ? "directory entry" : m->how == PD_MN_LINK ? "linked" : "named",
	       where, fd->col ? fd->col : fd->name);
	return PD_OK;
}

static int list(struct cli_ctx *ctx, struct pd_store *st, const struct pd_subject *s,
		struct shown *sh)
{
	struct pd_err err = { 0 };
	struct pd_txn *txn;
	int rc;

	if ((rc = pd_txn_read(st, &txn, &err)) == PD_OK) {
		rc = pd_mentions_each(txn, s, show, sh, &err);
		pd_txn_end(txn);
	}
	if (rc != PD_OK)
		cli_error(ctx, "forget: %s", err.msg);
	return rc == PD_OK ? CLI_OK : CLI_ERROR;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "label",  required_argument, NULL, 'l' },
		{ "yes",    no_argument,       NULL, 'y' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct pd_disclosure d = { .command = "forget" };
	const char *label = "former member";
	struct pd_forget_counts c;
	struct pd_err err = { 0 };
	struct shown sh = { 0 };
	struct pd_subject s;
	struct pd_store *st;
	char question[400];
	bool yes = false;
	int ch, status, rc;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'l': label = optarg; break;
		case 'y': yes = true; break;
		case 'r': d.reason = optarg; break;
		default:  return cli_usage(ctx, &cmd_forget);
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, &cmd_forget);
	if (cli_reason(ctx, d.reason) != CLI_OK)
		return CLI_ERROR;
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	if ((status = cli_subject(ctx, st, "forget", argv[optind], &s)) == CLI_OK) {
		printf("Records that name %s:\n", s.name);
		status = list(ctx, st, &s, &sh);
	}
	if (status != CLI_OK) {
		pd_store_close(st);
		return status;
	}
	if (!sh.n[PD_MN_ENTRY] && !sh.n[PD_MN_LINK] && !sh.n[PD_MN_NAME]) {
		printf("  %s\n", sh.n[PD_MN_TEXT] ? "(only the free text above: edit it)" : "none");
		pd_store_close(st);
		fprintf(stderr, "plandesk: forget: nothing to forget; nothing was changed\n");
		return CLI_NOTHING;
	}
	snprintf(question, sizeof question, "Remove %s from the directory and write "
		 "\"%s\" for each link and name above?", s.name, label);
	fflush(stdout);
	if ((status = cli_confirm(ctx, question, yes)) != CLI_OK) {
		pd_store_close(st);
		return status;
	}
	rc = pd_forget(st, &s, label, &d, &c, &err);
	if (rc != PD_OK) {
		pd_store_close(st);
		cli_error(ctx, "forget: %s; nothing was changed", err.msg);
		return CLI_ERROR;
	}
	printf("%s is forgotten: %zu record%s changed, %zu link%s and %zu name%s now "
	       "read \"%s\" (recorded; undo cannot bring them back).\n", s.name, c.records,
	       c.records == 1 ? "" : "s", c.links, c.links == 1 ? "" : "s", c.names,
	       c.names == 1 ? "" : "s", label);
	if (sh.n[PD_MN_TEXT]) {
		printf("Free text still names them; edit it (it is not rewritten):\n");
		sh = (struct shown){ .text_only = true };
		status = list(ctx, st, &s, &sh);
	}
	pd_store_close(st);
	return fflush(stdout) == 0 ? status : CLI_ERROR;
}

const struct cli_cmd cmd_forget = {
	.name = "forget",
	.usage = "WHO [--label TEXT] [--yes] [--reason TEXT]",
	.summary = "take a person out of the directory and the records (erasure)",
	.help = "Lists what names them (plandesk mentions), then asks.  Their directory\n"
		"entry is removed; each link to it (owner, lead, present, apologies) and\n"
		"each name in owners, leads, authors and attendance becomes the label.\n"
		"Free text that names them is listed for you to edit, not rewritten.\n"
		"One write, recorded (plandesk log) with the reason, not the name; undo\n"
		"cannot bring them back.\n"
		"Options:\n"
		"  --label TEXT          what they become (default \"former member\")\n"
		"  --yes                 do not ask (for scripts)\n"
		"  --reason TEXT         why, kept in the disclosure record\n",
	.run = run,
};
