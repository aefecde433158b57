/*
 * history_lines.h — a record's history as lines of a page (history_lines.c).
 */
#ifndef PLANDESK_UI_HISTORY_LINES_H
#define PLANDESK_UI_HISTORY_LINES_H

#include <stdint.h>

#include "ds.h"

/* Append a "History" heading and a line per event of record (kind, id)
 * in the undo journal (protect/history.h), oldest first, or a line
 * saying there is none.  Returns 0, or -1 (out of memory). */
int ui_doc_history(struct ui_doc *doc, struct pd_txn *txn, int kind, uint64_t id);

#endif
