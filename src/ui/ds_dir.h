/*
 * ds_dir.h — the Directory's data source: every organisation and person
 * (read a batch at a time, in the order they were added) until a filter
 * is typed, then the matches of the search index (search.h) in its order,
 * a page at a time.  A keystroke costs one index lookup and the rows on
 * screen, at any directory size.
 */
#ifndef PLANDESK_UI_DS_DIR_H
#define PLANDESK_UI_DS_DIR_H

#include "ds.h"

/*
 * The source; `fmt` formats an organisation or a person row (ctx passed
 * to it).  NULL out of memory.
 */
struct ui_ds *ui_ds_dir_new(ui_fmt_fn fmt, void *ctx);

#endif
