/*
 * indexes.h — the index databases of enum pd_index (store.h): each one's
 * name, the kind it lists, the field holding the parent and the field
 * sorting the entries (internal to core; indexes.c).
 *
 * Index entry: key = parent id (8 bytes, big-endian; 0 for PD_IX_MEETINGS_BY_
 * DATE), data = sort key + id (8 bytes).  Sort keys: INT as 8 bytes with
 * the sign bit flipped (so negative sorts first), DATE as 10 bytes of ISO
 * text padded with NULs.  The databases are MDB_DUPSORT|MDB_DUPFIXED, so
 * an index's data length is fixed (pd_ix_datalen).  The entries are
 * derived from the records by records/index.c.
 */
#ifndef PLANDESK_STORE_INDEXES_H
#define PLANDESK_STORE_INDEXES_H

#include <stddef.h>

#include "plandesk/store/store.h"

/* An index database. */
struct pd_ixdef {
	const char  *db;
	enum pd_kind kind;
	int          parent;  /* field holding the parent (REF or REFS); -1: key 0 */
	int          sort;    /* INT or DATE field sorting the entries; -1: none */
};
const struct pd_ixdef *pd_ixdef(enum pd_index ix);
/* Bytes of an index entry's data: sort key + 8-byte id. */
size_t pd_ix_datalen(enum pd_index ix);
/* Bytes of an index's sort key: 8 (INT), 10 (DATE) or 0 (none). */
size_t pd_ix_sortlen(enum pd_index ix);

#endif
