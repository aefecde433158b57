/*
 * cmd_purge.c — `plandesk purge PLAN [--yes] [--reason TEXT]`: remove a
 * plan and everything of it for good, once its time is up: what it will
 * remove is shown and asked about (or --yes), a plan under a legal hold
 * is refused with the hold's reason, and the purge is one write, not
 * undoable, recorded in the disclosure record (retention.h).
 * Exit status: 0 purged, 1 no such plan or not confirmed, 2 held, usage
 * or data error.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "plandesk/protect/retention.h"

/* What the purge will remove, and whether its time is up. */
static int preview(struct cli_ctx *ctx, struct pd_store *st, const char *ref,
		   uint64_t *plan, char *held, size_t n)
{
	struct pd_purge_counts c;
	struct pd_err err = { 0 };
	struct pd_date today;
	struct pd_record p;
	struct pd_txn *txn;
	char iso[PD_DATE_ISO_SIZE] = "";
	int rc;

	pd_record_init(&p, PD_PLAN);
	if ((rc = pd_txn_read(st, &txn, &err)) != PD_OK) {
		cli_error(ctx, "purge: %s", err.msg);
		return CLI_ERROR;
	}
	if ((rc = pd_find_plan(txn, ref, plan)) == PD_OK &&
	    (rc = pd_get(txn, PD_PLAN, *plan, &p, &err)) == PD_OK)
		rc = pd_purge_count(txn, *plan, &c, &err);
	pd_txn_end(txn);
	if (rc != PD_OK) {
		if (rc == PD_NOTFOUND)
			cli_error(ctx, "purge: no plan with ref '%s'", ref);
		else
			cli_error(ctx, "purge: %s", err.msg);
		pd_record_clear(&p);
		return rc == PD_NOTFOUND ? CLI_NOTHING : CLI_ERROR;
	}
	snprintf(held, n, "%s", pd_get_text(&p, PD_PLAN_HOLD));
	printf("Purge plan %s \xe2\x80\x9c%s\xe2\x80\x9d: %zu item%s, %zu update%s, "
	       "%zu action%s, %zu meeting%s and %zu theme%s.\n", ref,
	       pd_get_text(&p, PD_PLAN_TITLE), c.items, c.items == 1 ? "" : "s",
	       c.updates, c.updates == 1 ? "" : "s", c.actions, c.actions == 1 ? "" : "s",
	       c.meetings, c.meetings == 1 ? "" : "s", c.themes, c.themes == 1 ? "" : "s");
	if (pd_date_today(&today) == PD_OK)
		pd_date_iso(&today, iso);
	if (!pd_is_set(&p, PD_PLAN_RETAIN))
		printf("It has no retention date.\n");
	else if (strcmp(pd_get_text(&p, PD_PLAN_RETAIN), iso) >= 0)
		printf("Its retention date, %s, has not passed.\n",
		       pd_get_text(&p, PD_PLAN_RETAIN));
	else
		printf("Its retention date, %s, has passed.\n", pd_get_text(&p, PD_PLAN_RETAIN));
	if (!held[0])
		printf("This removes them for good: it cannot be undone, and the undo "
		       "history keeps no copy.\n");
	pd_record_clear(&p);
	fflush(stdout);
	return CLI_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes",    no_argument,       NULL, 'y' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct pd_disclosure d = { .command = "purge" };
	struct pd_purge_counts c;
	struct pd_err err = { 0 };
	struct pd_store *st;
	const char *ref;
	char held[512], question[300];
	bool yes = false;
	uint64_t plan = 0;
	int ch, status, rc;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'y': yes = true; break;
		case 'r': d.reason = optarg; break;
		default:  return cli_usage(ctx, &cmd_purge);
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, &cmd_purge);
	if (cli_reason(ctx, d.reason) != CLI_OK)
		return CLI_ERROR;
	ref = argv[optind];
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	if ((status = preview(ctx, st, ref, &plan, held, sizeof held)) != CLI_OK) {
		pd_store_close(st);
		return status;
	}
	if (held[0]) {
		cli_error(ctx, "purge: plan %s is under a legal hold (%s); nothing was "
			  "removed (plandesk hold --lift %s lifts it)", ref, held, ref);
		pd_store_close(st);
		return CLI_ERROR;
	}
	snprintf(question, sizeof question, "Purge plan %s?", ref);
	if ((status = cli_confirm(ctx, question, yes)) != CLI_OK) {
		pd_store_close(st);
		return status;
	}
	rc = pd_purge(st, plan, &d, &c, &err);
	pd_store_close(st);
	if (rc != PD_OK) {
		cli_error(ctx, "purge: %s", err.msg);
		return CLI_ERROR;
	}
	printf("Plan %s is purged: %llu records removed (recorded).\n", ref,
	       (unsigned long long)d.rows);
	return fflush(stdout) == 0 ? CLI_OK : CLI_ERROR;
}

const struct cli_cmd cmd_purge = {
	.name = "purge",
	.usage = "PLAN [--yes] [--reason TEXT]",
	.summary = "remove a plan and all of it for good, once it need not be kept",
	.help = "Shows what it will remove (items, updates, actions, meetings, themes)\n"
		"and the plan's retention date, then asks.  A plan under a legal hold\n"
		"is refused.  One write, which cannot be undone; the undo history's\n"
		"copies go too.  Recorded (plandesk log), not what was removed.\n"
		"Options:\n"
		"  --yes                 do not ask (for scripts)\n"
		"  --reason TEXT         why, kept in the disclosure record\n",
	.run = run,
};
