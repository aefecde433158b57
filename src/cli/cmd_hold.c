/*
 * cmd_hold.c — `plandesk hold PLAN --reason TEXT` and `plandesk hold
 * --lift PLAN [--reason TEXT]`: place a legal hold on a plan (nothing of
 * it can then be purged, deleted or undone away) or lift it; recorded in
 * the disclosure record with the reason (retention.h).
 * Exit status: 0 done, 1 no such plan, or no hold to lift, 2 usage or
 * data error.
 */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "plandesk/protect/retention.h"

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reason", required_argument, NULL, 'r' },
		{ "lift",   no_argument,       NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	struct pd_disclosure d = { .command = "hold" };
	struct pd_err err = { 0 };
	struct pd_store *st;
	struct pd_txn *txn;
	const char *ref;
	bool lift = false;
	uint64_t plan = 0;
	int c, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': d.reason = optarg; break;
		case 'l': lift = true; break;
		default:  return cli_usage(ctx, &cmd_hold);
		}
	}
	if (argc - optind != 1)
		return cli_usage(ctx, &cmd_hold);
	if (!lift && !d.reason) {
		cli_error(ctx, "hold: a hold needs its reason (--reason TEXT)");
		return CLI_ERROR;
	}
	if (cli_reason(ctx, d.reason) != CLI_OK)
		return CLI_ERROR;
	ref = argv[optind];
	if (lift)
		d.command = "hold --lift";
	if (!(st = cli_open_store(ctx, false)))
		return CLI_ERROR;
	if ((rc = pd_txn_read(st, &txn, &err)) == PD_OK) {
		rc = pd_find_plan(txn, ref, &plan);
		pd_txn_end(txn);
		if (rc == PD_NOTFOUND)
			pd_err_set(&err, rc, "no plan with ref '%s'", ref);
	}
	if (rc == PD_OK)
		rc = pd_hold(st, plan, lift ? NULL : d.reason, &d, &err);
	pd_store_close(st);
	if (rc != PD_OK) {
		cli_error(ctx, "hold: %s", err.msg[0] ? err.msg : pd_strerror(rc));
		return rc == PD_NOTFOUND || rc == PD_EEMPTY ? CLI_NOTHING : CLI_ERROR;
	}
	if (lift)
		printf("The legal hold on plan %s is lifted (recorded).\n", ref);
	else
		printf("Plan %s is under a legal hold (recorded): %s\n", ref, d.reason);
	return fflush(stdout) == 0 ? CLI_OK : CLI_ERROR;
}

const struct cli_cmd cmd_hold = {
	.name = "hold",
	.usage = "PLAN --reason TEXT | --lift PLAN [--reason TEXT]",
	.summary = "place a legal hold on a plan, or lift it",
	.help = "While a hold stands nothing of the plan can be purged or deleted,\n"
		"and undo never takes the hold away.  Placing, changing and lifting\n"
		"a hold are recorded (plandesk log); none is an undo step.\n"
		"Options:\n"
		"  --reason TEXT         why it is held (needed), or why it is lifted\n"
		"  --lift                lift the hold\n",
	.run = run,
};
