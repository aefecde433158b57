/*
 * cmd_history.c — `plandesk history KIND WHICH`: a record's history from
 * the undo journal (history.h): created, each change and the fields it
 * changed, deleted; when, by which command or client write, in which
 * session.  WHICH is the record's number, or its key: a plan's ref, an
 * item's PLAN/REF, a person's name or initials, an organisation's name.
 * Exit status: 0 listed, 1 no such record and nothing in the journal,
 * 2 usage or data error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "plandesk/directory/people_match.h"
#include "plandesk/protect/history.h"

/* WHICH as an id of `kind`.  Returns PD_OK, PD_NOTFOUND, or an error. */
static int which_id(struct pd_txn *txn, enum pd_kind kind, const char *which,
		    uint64_t *id, struct pd_err *err)
{
	const char *slash = strchr(which, '/');
	char *end, plan[128];
	uint64_t p;
	int rc;

	*id = strtoull(which, &end, 10);
	if (*which && !*end)
		return PD_OK;
	switch (kind) {
	case PD_PLAN:
		return pd_find_plan(txn, which, id);
	case PD_ORG:
		return pd_find_org(txn, which, id);
	case PD_PERSON:
		return pd_people_match(txn, which, strlen(which), NULL, 0, id, err);
	case PD_ITEM:
		if (!slash || (size_t)(slash - which) >= sizeof plan)
			return pd_err_set(err, PD_EINVAL, "an item is PLAN/REF (C3P/1) or its number");
		snprintf(plan, sizeof plan, "%.*s", (int)(slash - which), which);
		if ((rc = pd_find_plan(txn, plan, &p)) != PD_OK)
			return rc;
		return pd_find_item(txn, p, slash + 1, id);
	default:
		return pd_err_set(err, PD_EINVAL, "a%s %s is given by its number",
				  kind == PD_ACTION || kind == PD_UPDATE ? "n" : "",
				  pd_kind_info(kind)->label);
	}
}

static void when(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(buf, n, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, n, "%lld", (long long)t);
}

static int line(void *ctx, const struct pd_hist_event *e)
{
	static const char *const what[] = {
		[PD_H_CREATED] = "created", [PD_H_CHANGED] = "changed",
		[PD_H_DELETED] = "deleted", [PD_H_RESTORED] = "put back",
	};
	char t[32];

	(*(size_t *)ctx)++;
	when(e->time, t, sizeof t);
	printf("%s  %s%s%s  \xe2\x80\x94 %s", t, what[e->what], e->fields[0] ? ": " : "",
	       e->fields, e->label);
	if (e->session)
		printf(" (session %08llx)", (unsigned long long)(e->session >> 32));
	putchar('\n');
	return PD_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	struct pd_err err = { 0 };
	struct pd_store *st;
	struct pd_txn *txn;
	enum pd_kind kind;
	uint64_t id = 0;
	int64_t oldest = 0;
	size_t n = 0;
	char t[32];
	int rc;

	if (argc != 3 || argv[1][0] == '-')
		return cli_usage(ctx, &cmd_history);
	if (pd_kind_from_name(argv[1], &kind) != PD_OK) {
		cli_error(ctx, "history: unknown kind '%s'", argv[1]);
		return CLI_ERROR;
	}
	if (!(st = cli_open_store(ctx, true)))
		return CLI_ERROR;
	if ((rc = pd_txn_read(st, &txn, &err)) == PD_OK) {
		if ((rc = which_id(txn, kind, argv[2], &id, &err)) == PD_OK)
			rc = pd_history(txn, kind, id, &oldest, line, &n, &err);
		pd_txn_end(txn);
	}
	pd_store_close(st);
	if (rc == PD_NOTFOUND) {
		cli_error(ctx, "history: no %s '%s'", pd_kind_info(kind)->label, argv[2]);
		return CLI_NOTHING;
	}
	if (rc != PD_OK) {
		cli_error(ctx, "history: %s", err.msg);
		return CLI_ERROR;
	}
	when(oldest, t, sizeof t);
	if (!n)
		printf("Nothing in the undo journal%s%s: created or last changed before it, "
		       "or never.\n", oldest ? ", which begins " : "", oldest ? t : "");
	else if (oldest)
		printf("(The undo journal begins %s: the last %d writes.)\n", t, PD_UNDO_MAX);
	return fflush(stdout) == 0 ? (n ? CLI_OK : CLI_NOTHING) : CLI_ERROR;
}

const struct cli_cmd cmd_history = {
	.name = "history",
	.usage = "KIND WHICH",
	.summary = "a record's history from the undo journal: created, changed, deleted",
	.help = "WHICH is the record's number, a plan's ref, an item's PLAN/REF (C3P/1),\n"
		"a person's name or initials, or an organisation's name.  Each line:\n"
		"when, what happened (and which fields changed), the command or client\n"
		"write that did it and its session (one opening of the database).  The\n"
		"journal keeps the last writes only, and nothing undone, purged or\n"
		"erased.\n",
	.run = run,
};
