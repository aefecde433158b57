/*
 * card_fields.h — the fields of a directory card, as the kind's table
 * (schema.h) places them on the card: a label and the value (long text
 * wrapped under its label; nothing when unset), a link as the linked
 * record's name on a line that opens it, the date the entry was last
 * verified with how long ago ("never" when unset).
 */
#ifndef PLANDESK_UI_CARD_FIELDS_H
#define PLANDESK_UI_CARD_FIELDS_H

#include "plandesk/records/record.h"
#include "app.h"
#include "ds.h"

/*
 * Add the card lines of record `r` (of the kind of table `ki`) to `doc`,
 * for width `w`, reading what it links to with `txn`.  Returns PD_OK or
 * PD_ENOMEM.
 */
int ui_card_fields(struct ui_doc *doc, struct app *a, struct pd_txn *txn,
		   const struct pd_kind_info *ki, const struct pd_record *r, int w);

#endif
