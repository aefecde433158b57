/*
 * record.h — the eight record kinds, their fields, and the in-memory record.
 *
 * A record is generic: a kind, an id, created/updated times and one value
 * slot per field of its kind.  The field tables (pd_kind_info) drive the
 * codec, the store's validation, CSV import/export and `check`, so adding
 * a field is one line in schema.c.
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

enum pd_kind {
	PD_ORG, PD_PERSON, PD_PLAN, PD_THEME, PD_ITEM, PD_ACTION, PD_UPDATE,
	PD_MEETING,
	PD_NKINDS
};

enum pd_ftype { PD_T_TEXT, PD_T_DATE, PD_T_REF, PD_T_REFS, PD_T_INT };

/* Field flags. */
#define PD_F_REQUIRED 0x01u  /* must be set for the record to be stored */
#define PD_F_MULTILINE 0x02u /* long text: edited in $EDITOR */

/* Field numbers, one enum per kind; the value is the slot in pd_record.v. */
enum { PD_ORG_NAME, PD_ORG_OVERVIEW, PD_ORG_SERVICES, PD_ORG_PHONE,
       PD_ORG_EMAIL, PD_ORG_WEBSITE, PD_ORG_ADDRESS, PD_ORG_REFERRAL,
       PD_ORG_TAGS, PD_ORG_VERIFIED, PD_ORG_NOTES, PD_ORG_NFIELDS };
enum { PD_PERSON_NAME, PD_PERSON_INITIALS, PD_PERSON_ROLE, PD_PERSON_ORG,
       PD_PERSON_PHONE, PD_PERSON_MOBILE, PD_PERSON_EMAIL, PD_PERSON_NOTES,
       PD_PERSON_VERIFIED, PD_PERSON_NFIELDS };
enum { PD_PLAN_REF, PD_PLAN_TITLE, PD_PLAN_BODY, PD_PLAN_START, PD_PLAN_END,
       PD_PLAN_SCALE, PD_PLAN_NFIELDS };
enum { PD_THEME_PLAN, PD_THEME_NAME, PD_THEME_POSITION, PD_THEME_NFIELDS };
enum { PD_ITEM_PLAN, PD_ITEM_THEME, PD_ITEM_REF, PD_ITEM_TITLE,
       PD_ITEM_DESCRIPTION, PD_ITEM_LEAD, PD_ITEM_LEAD_PERSON, PD_ITEM_TARGET,
       PD_ITEM_TARGET_DATE, PD_ITEM_COMPLETED, PD_ITEM_STATUS, PD_ITEM_PARENT,
       PD_ITEM_POSITION, PD_ITEM_NFIELDS };
enum { PD_ACTION_ITEM, PD_ACTION_TEXT, PD_ACTION_OWNER, PD_ACTION_OWNERS,
       PD_ACTION_DUE, PD_ACTION_STATE, PD_ACTION_RAISED, PD_ACTION_CLOSED,
       PD_ACTION_POSITION, PD_ACTION_NFIELDS };
enum { PD_UPDATE_ITEM, PD_UPDATE_DATE, PD_UPDATE_TEXT, PD_UPDATE_STATUS,
       PD_UPDATE_MEETING, PD_UPDATE_AUTHOR, PD_UPDATE_NFIELDS };
enum { PD_MEETING_PLAN, PD_MEETING_DATE, PD_MEETING_TITLE,
       PD_MEETING_LOCATION, PD_MEETING_PRESENT, PD_MEETING_PRESENT_OTHER,
       PD_MEETING_APOLOGIES, PD_MEETING_APOLOGIES_OTHER, PD_MEETING_NEXT,
       PD_MEETING_NOTES, PD_MEETING_NFIELDS };

#define PD_MAX_FIELDS 16

struct pd_field {
	const char *name;   /* canonical name: CSV header, form label */
	uint8_t     tag;    /* codec tag, never reused (>= 16) */
	uint8_t     type;   /* enum pd_ftype */
	uint8_t     flags;  /* PD_F_* */
	int8_t      ref;    /* for REF/REFS: the enum pd_kind linked to */
};

struct pd_kind_info {
	const char            *name;    /* "org" */
	const char            *plural;  /* "orgs", the CSV/CLI KIND */
	const char            *label;   /* "organisation", for messages */
	const struct pd_field *fields;
	int                    nfields;
	int                    title;   /* field shown as the record's name */
};

/* The table for `kind` (never NULL for a valid kind). */
const struct pd_kind_info *pd_kind_info(enum pd_kind kind);

/*
 * Look a kind up by singular or plural name ("org", "orgs", "people").
 * Returns PD_OK, or PD_NOTFOUND for an unknown name.
 */
int pd_kind_from_name(const char *name, enum pd_kind *out);

/* The field number of `name` in `kind`, or -1. */
int pd_field_find(enum pd_kind kind, const char *name);

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
