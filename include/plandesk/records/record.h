/*
 * record.h — the in-memory record.
 *
 * A record is generic: a kind, an id, created/updated times and one value
 * slot per field of its kind.  The kinds and their field tables are in
 * schema.h.
 *
 * Value representation by field type:
 *   PD_T_TEXT  UTF-8 text, NUL-terminated in memory (len excludes the NUL)
 *   PD_T_DATE  ISO text "YYYY-MM-DD" or "YYYY-MM"
 *   PD_T_REF   an id (u64); 0 means "no link"
 *   PD_T_REFS  a list of ids
 *   PD_T_INT   a signed 64-bit integer (positions)
 * An empty TEXT/DATE, a zero REF, an empty REFS list and an absent INT are
 * "unset" and are not stored.
 */
#ifndef PLANDESK_RECORD_H
#define PLANDESK_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/status.h"
#include "plandesk/records/schema.h"

struct pd_val {
	char    *p;   /* malloc'd bytes (TEXT/DATE are NUL-terminated); NULL if unset */
	uint32_t n;   /* length in bytes, excluding the NUL */
};

struct pd_record {
	enum pd_kind kind;
	uint64_t     id;        /* 0 until stored */
	int64_t      created;   /* seconds since the epoch, UTC */
	int64_t      updated;
	struct pd_val v[PD_MAX_FIELDS];
	/* Fields with tags this build does not know, kept as encoded bytes
	 * (tag, length, value …) so a rewrite preserves them. */
	char        *extra;
	uint32_t     nextra;
};

/* Zero `r` as an empty record of `kind`. */
void pd_record_init(struct pd_record *r, enum pd_kind kind);
/* Free every value of `r` and zero it (kind is kept).  NULL is allowed. */
void pd_record_clear(struct pd_record *r);
/* Deep copy `src` into `dst` (dst must be cleared or fresh).  PD_OK/PD_ENOMEM. */
int pd_record_copy(struct pd_record *dst, const struct pd_record *src);

/* Text of TEXT/DATE field `f`; "" when unset.  Never NULL. */
const char *pd_get_text(const struct pd_record *r, int f);
/* True when field `f` holds a value. */
bool pd_is_set(const struct pd_record *r, int f);
/*
 * Set TEXT/DATE field `f` to `n` bytes of `s` (copied).  n == 0 or s == NULL
 * unsets it.  Use (size_t)-1 for n to take strlen(s).  PD_OK or PD_ENOMEM.
 * (Validation — UTF-8, date shape — happens when the record is stored.)
 */
int pd_set_text(struct pd_record *r, int f, const char *s, size_t n);
/* REF field `f` (0 when unset) and its setter (0 unsets). */
uint64_t pd_get_ref(const struct pd_record *r, int f);
int pd_set_ref(struct pd_record *r, int f, uint64_t id);
/* REFS field `f`: the number of ids, and id number i. */
size_t pd_refs_count(const struct pd_record *r, int f);
uint64_t pd_refs_at(const struct pd_record *r, int f, size_t i);
/* Append id to REFS field `f` unless already there.  PD_OK or PD_ENOMEM. */
int pd_refs_add(struct pd_record *r, int f, uint64_t id);
/* Remove id from REFS field `f`; PD_NOTFOUND if it was not there. */
int pd_refs_remove(struct pd_record *r, int f, uint64_t id);
/* INT field `f` (0 when unset) and its setter. */
int64_t pd_get_int(const struct pd_record *r, int f);
int pd_set_int(struct pd_record *r, int f, int64_t v);

/* A yes/no field (PD_F_YESNO): true when it holds "yes", and its setter
 * (false unsets it).  PD_OK or PD_ENOMEM. */
bool pd_get_flag(const struct pd_record *r, int f);
int pd_set_flag(struct pd_record *r, int f, bool on);

/* True when `r` is marked confidential (its kind's PD_F_CONFIDENTIAL field
 * holds "yes"); false for a kind that has no such mark. */
bool pd_record_confidential(const struct pd_record *r);

/* Values compare equal (same bytes), for upsert's "unchanged". */
bool pd_record_same_fields(const struct pd_record *a, const struct pd_record *b);

/* Big-endian helpers used by the codec and store. */
static inline void pd_put_be64(unsigned char *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--) { p[i] = (unsigned char)v; v >>= 8; }
}
static inline uint64_t pd_get_be64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++) v = (v << 8) | p[i];
	return v;
}

#endif
