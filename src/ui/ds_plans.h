/*
 * ds_plans.h — the data source of the Plans view: plans, and for each
 * expanded plan its themes, items and sub-items, as a tree.  It holds the
 * shape of the tree (ids and depths: plans are few, and an expanded plan's
 * items are read from one index range); each row is read when drawn, and
 * a plan's counts by status only when its row is on screen.
 */
#ifndef PLANDESK_UI_DS_PLANS_H
#define PLANDESK_UI_DS_PLANS_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "ds.h"

/* The source; `a` gives today's date and the marks.  NULL out of memory. */
struct ui_ds *ui_ds_plans_new(struct app *a);

/* Is plan `plan` expanded? */
bool ui_ds_plans_expanded(struct ui_ds *ds, uint64_t plan);

/* Expand or collapse plan `plan` (the tree is rebuilt on the next read). */
void ui_ds_plans_expand(struct ui_ds *ds, uint64_t plan, bool open);

/* Expand every plan (for finding an item with `/`). */
void ui_ds_plans_expand_all(struct ui_ds *ds, struct pd_txn *txn);

/* The plan of row i (0 when i is out of range). */
uint64_t ui_ds_plans_plan_of(struct ui_ds *ds, size_t i);

#endif
