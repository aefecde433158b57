/*
 * recfmt.h — records as people read them: short titles for rows, titles
 * and messages, and the human labels of writes ("add action “KP to
 * e-mail…”") that undo and redo repeat back.
 */
#ifndef PLANDESK_UI_RECFMT_H
#define PLANDESK_UI_RECFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/records/record.h"
#include "plandesk/meetings/scale.h"
#include "plandesk/records/records.h"

/*
 * A short title of `r` into buf: a plan's ref and title, an item's ref and
 * title, a person's or organisation's name, a meeting's date and title, an
 * action's or update's text (first line).
 */
void ui_rec_title(const struct pd_record *r, char *buf, size_t n);

/*
 * The title of record (kind, id) read with `txn`; "(not in the directory)"
 * or "(gone)" when it no longer exists.  Returns PD_OK or PD_NOTFOUND.
 */
int ui_rec_name(struct pd_txn *txn, int kind, uint64_t id, char *buf, size_t n);

/*
 * The label of a write on `r`: verb, kind and a quoted, shortened title,
 * e.g. "add action “KP to adjust and e-mail…”".
 */
void ui_rec_label(const char *verb, const struct pd_record *r, char *buf,
		  size_t n);

/* The first line of `s` into buf (cut to fit). */
void ui_first_line(const char *s, char *buf, size_t n);
/* The first line of field `f` of `r`, after PD_CONF_MARK ("CONFIDENTIAL:
 * ") when `r` is marked confidential, as minutes show it. */
void ui_rec_line(const struct pd_record *r, int f, char *buf, size_t n);
/* PD_CONF_MARK when `r` is marked confidential, else "". */
const char *ui_conf_mark(const struct pd_record *r);
/* The first sentence of the first line of `s` (without its full stop). */
void ui_first_sentence(const char *s, char *buf, size_t n);

/* The owner text of action `a`: `owner` as typed, else the owners' names. */
void ui_action_owner(struct pd_txn *txn, const struct pd_record *a, char *buf,
		     size_t n);

/*
 * The levels of scale `sc` as key hints: "1 Fully achieved  2 On track …",
 * each key prefixed with `key_prefix` ("Alt-" for meeting mode), with
 * "  0 none" added when `none`.
 */
void ui_scale_hints(const struct pd_scale *sc, const char *key_prefix, bool none,
		    char *buf, size_t n);

#endif
