/*
 * form.h — the one form: a record's fields (those its kind's table,
 * schema.h, places on the form, with their labels and widgets) each
 * edited with the line editor, required fields checked,
 * dates read with pd_date_parse, statuses with the plan's scale, links
 * (organisation, theme, parent item, owners) typed as names and resolved
 * when saving.  Saving writes only the fields that were changed, onto the
 * record as it is at that moment, in one labelled write.
 *
 * Keys: Tab/Down/Enter next field, Shift-Tab/Up previous, Enter on
 * [ Save ] or F10/Ctrl-X saves, Ctrl-O edits the field in $EDITOR, Esc
 * cancels (asking first when something was typed).
 */
#ifndef PLANDESK_UI_FORM_H
#define PLANDESK_UI_FORM_H

#include <stdint.h>

#include "plandesk/records/record.h"
#include "app.h"

/*
 * A form editing record (kind, id), or adding a new one when id is 0:
 * `preset` (may be NULL) holds the fields the new record starts with (its
 * plan, item or meeting).  NULL out of memory or when the record cannot
 * be read (a message is shown).
 */
struct view *ui_form_new(struct app *a, enum pd_kind kind, uint64_t id,
			 const struct pd_record *preset);

/* ui_form_new with the fields of kind table `ki` (which must outlive the
 * form): the built-in table of a kind, or one made from it. */
struct view *ui_form_open(struct app *a, const struct pd_kind_info *ki,
			  uint64_t id, const struct pd_record *preset);

/* True when `v` is a form (Ctrl-C there asks before anything is lost). */
bool ui_is_form(const struct view *v);

/* ui_form_new for a new record of `kind` under `parent` (the plan of a
 * theme, item or meeting; the item of an action or update; the parent
 * item of a sub-item when kind is PD_ITEM and sub is true).  enum ui_res. */
int ui_form_add(struct app *a, enum pd_kind kind, uint64_t parent, bool sub);

#endif
