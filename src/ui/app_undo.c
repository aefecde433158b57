/*
 * app_undo.c — undo and redo in the client: one function for every view
 * and mode.  A change this client made is undone at once; one another
 * client made (another window, an import, an earlier run) is named and
 * asked about first, and only that change is undone.  The message names
 * the key that undoes or redoes on the screen it is shown on.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "plandesk/records/undo.h"

struct undo_ctx {
	bool     redo;
	uint64_t seq;
};

static void undo_now(struct app *a, bool redo, uint64_t seq)
{
	char label[256], key[32];
	struct pd_err err = { 0 };
	int rc = pd_store_undo_seq(a->st, redo, seq, label, sizeof label, &err);

	if (rc == PD_EEMPTY) {
		app_msg(a, UI_R_STATUS, redo ? "Nothing to redo" : "Nothing to undo");
		return;
	}
	if (rc != PD_OK) {
		app_error(a, redo ? "redo" : "undo", &err);
		return;
	}
	app_reload(a);
	app_key_for(a, redo ? UI_C_UNDO : UI_C_REDO, key, sizeof key);
	app_msg(a, UI_R_STATUS, "%s: %s  (%s %s)", redo ? "Redone" : "Undone", label,
		key, redo ? "undoes it again" : "redoes it");
}

static int undo_done(struct app *a, void *ctx, const char *text, int how)
{
	struct undo_ctx *u = ctx;

	(void)text;
	if (how == 'y')
		undo_now(a, u->redo, u->seq);
	else
		app_msg(a, UI_R_STATUS, "Nothing %s", u->redo ? "redone" : "undone");
	free(u);
	return UI_REDRAW;
}

void app_undo(struct app *a, bool redo)
{
	struct pd_change_info ci;
	struct pd_err err = { 0 };
	struct undo_ctx *u;
	char q[320], when[32];
	struct tm tm, now_tm;
	time_t t, now = time(NULL);
	int rc = pd_store_peek(a->st, redo, &ci, &err);

	if (rc == PD_EEMPTY) {
		app_msg(a, UI_R_STATUS, redo ? "Nothing to redo" : "Nothing to undo");
		return;
	}
	if (rc != PD_OK) {
		app_error(a, redo ? "redo" : "undo", &err);
		return;
	}
	if (ci.ours) {
		undo_now(a, redo, ci.seq);
		return;
	}
	/* Another client's change (another window, an import, an earlier
	 * run): say which and ask. */
	t = (time_t)ci.time;
	when[0] = '\0';
	if (localtime_r(&t, &tm) && localtime_r(&now, &now_tm))
		strftime(when, sizeof when, tm.tm_yday == now_tm.tm_yday &&
			 tm.tm_year == now_tm.tm_year ? " at %H:%M" : " on %d/%m/%Y at %H:%M", &tm);
	snprintf(q, sizeof q, "%s \"%s\", made in another window or session%s?",
		 redo ? "Redo" : "Undo", ci.label, when);
	if (!(u = malloc(sizeof *u))) {
		app_nomem(a);
		return;
	}
	u->redo = redo;
	u->seq = ci.seq;
	app_confirm(a, q, undo_done, u);
}
