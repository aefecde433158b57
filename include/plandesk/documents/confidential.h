/*
 * confidential.h — what a document does with entries marked confidential
 * (an item, an action, an update: pd_record_confidential): left out by
 * default, with a line saying how many; when asked for, shown with their
 * text beginning "CONFIDENTIAL: ".  Minutes and reports screen what they
 * read through these, so every document does the same.
 */
#ifndef PLANDESK_CONFIDENTIAL_H
#define PLANDESK_CONFIDENTIAL_H

#include <stdbool.h>
#include <stddef.h>

#include "plandesk/documents/docmodel.h"
#include "plandesk/records/record.h"

/* What marks a confidential entry shown: the start of its text. */
#define PD_CONF_MARK "CONFIDENTIAL: "

/* How a document treated the confidential entries it would have shown.
 * An item left out takes its sub-items, actions and updates with it:
 * only the item is counted. */
struct pd_conf_count {
	size_t left_out;   /* not shown (the default) */
	size_t shown;      /* shown and marked (asked for) */
};

/*
 * Mark `r` as shown confidential: its title field (an item's title, an
 * action's or update's text) begins PD_CONF_MARK.  Returns PD_OK or
 * PD_ENOMEM.
 */
int pd_conf_mark(struct pd_record *r);

/*
 * Screen the `*n` records at `v`: each marked confidential is, without
 * `include`, cleared and dropped (the others move up; *n is lessened)
 * and counted in c->left_out; with `include`, marked (pd_conf_mark) and
 * counted in c->shown.  Returns PD_OK or PD_ENOMEM.
 */
int pd_conf_screen(struct pd_record *v, size_t *n, bool include,
		   struct pd_conf_count *c);

/*
 * The note under a document's title: "1 confidential entry not shown."
 * (a note), or "Includes 2 confidential entries, each marked
 * CONFIDENTIAL." (a flag); nothing when no entry was either.
 * Returns dm->rc.
 */
int pd_conf_note(struct pd_dm *dm, const struct pd_conf_count *c);

/* The same sentence into buf (n bytes; "" when there is nothing to say),
 * for a command to print beside a table that has no place for it. */
void pd_conf_sentence(const struct pd_conf_count *c, char *buf, size_t n);

#endif
