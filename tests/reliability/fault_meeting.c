/* fault_meeting.c — one meeting-mode save, for fault_sweep.sh to run under
 * the failio shim: what the client's Enter in meeting mode does
 * (pd_meeting_record, one committed write), without the screen.
 *
 *	fault_meeting [-a] DB PLAN DATE ITEM LINE
 *
 * records LINE on item ITEM of plan PLAN's meeting on DATE (YYYY-MM-DD).
 * Exit status 0 when saved; 2 with the core's message, one line on
 * stderr, when not.  With -a, a failed save is tried once more with the
 * same store, as the user presses Enter again in the client (the shim
 * fails one call only): exit 2 when that one is saved, 3 (and a second
 * line) when it is not.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/directory/open.h"
#include "plandesk/meetings/meeting.h"
#include "plandesk/records/records.h"

/* The meeting and item ids for PLAN, DATE and ITEM, in one read. */
static int find(struct pd_store *st, char **argv, uint64_t *meeting,
		uint64_t *item, struct pd_err *err)
{
	struct pd_txn *txn;
	uint64_t plan;
	int rc;

	if ((rc = pd_txn_read(st, &txn, err)) != PD_OK)
		return rc;
	if ((rc = pd_find_plan(txn, argv[2], &plan)) != PD_OK)
		pd_err_set(err, rc, "no plan %s", argv[2]);
	else if ((rc = pd_meeting_find(txn, plan, argv[3], meeting, err)) != PD_OK)
		pd_err_set(err, rc, "no meeting of %s on %s", argv[2], argv[3]);
	else if ((rc = pd_find_item(txn, plan, argv[4], item)) != PD_OK)
		pd_err_set(err, rc, "no item %s in %s", argv[4], argv[2]);
	pd_txn_end(txn);
	return rc;
}

int main(int argc, char **argv)
{
	struct pd_open_opts opts = { .read_only = false };
	struct pd_store *st;
	struct pd_err err = { 0 };
	uint64_t meeting = 0, item = 0;
	bool again = argc > 1 && strcmp(argv[1], "-a") == 0;
	int rc, status = 0;

	argc -= again;
	argv += again;
	if (argc != 6) {
		fprintf(stderr, "usage: fault_meeting [-a] DB PLAN DATE ITEM LINE\n");
		return 2;
	}
	if ((rc = pd_store_open(argv[1], &opts, &st, &err)) != PD_OK) {
		fprintf(stderr, "fault_meeting: %s\n", err.msg);
		return 2;
	}
	if ((rc = find(st, argv, &meeting, &item, &err)) == PD_OK)
		rc = pd_meeting_record(st, meeting, item, argv[5], NULL, &err);
	if (rc != PD_OK) {
		fprintf(stderr, "fault_meeting: %s\n", err.msg);
		status = 2;
	}
	if (status && again && meeting && item &&
	    pd_meeting_record(st, meeting, item, argv[5], NULL, &err) != PD_OK) {
		fprintf(stderr, "fault_meeting: again: %s\n", err.msg);
		status = 3;
	}
	pd_store_close(st);
	return status;
}
