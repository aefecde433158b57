/*
 * schema.h — the eight record kinds and their field tables (schema.c).
 *
 * A field's entry is the one place that says what the field is: its codec
 * tag and type, whether it is required, its CSV column and the other
 * headers import takes for it, its label and place on the client's form
 * and directory card, and how the directory search reads it.  The codec,
 * validation, `check`, CSV import and export, the form, the card, the
 * search terms and the man page's column list all read the table, so a
 * plain field (text or a date) is added by giving it a number in its
 * kind's enum below and an entry in schema.c, nothing else.
 *
 * What a table cannot say is a named hook next to it: a CSV column that
 * is no field (a person's name in parts, a web page kept in the notes, an
 * action's plan: struct pd_xcol), the field a kind's leftovers go to
 * (`notes`), a link written as its record's natural key (`key`).
 */
#ifndef PLANDESK_SCHEMA_H
#define PLANDESK_SCHEMA_H

#include <stdbool.h>
#include <stdint.h>

#include "plandesk/base/status.h"

enum pd_kind {
	PD_ORG, PD_PERSON, PD_PLAN, PD_THEME, PD_ITEM, PD_ACTION, PD_UPDATE,
	PD_MEETING,
	PD_NKINDS
};

enum pd_ftype { PD_T_TEXT, PD_T_DATE, PD_T_REF, PD_T_REFS, PD_T_INT };

/* Field flags. */
#define PD_F_REQUIRED  0x01u /* must be set for the record to be stored */
#define PD_F_MULTILINE 0x02u /* long text: a note cell in a spreadsheet */
#define PD_F_VERIFIED  0x04u /* the date the entry was last checked: the
				card shows it even when unset ("never") and
				flags it when over a year old */
#define PD_F_TODAY     0x08u /* a date a new record's form starts at today */
#define PD_F_YESNO     0x10u /* "yes" or unset: import reads yes/no (y, true,
				1, x / n, false, 0), export writes yes or blank */
#define PD_F_CONFIDENTIAL 0x20u /* the yes/no field that keeps a record out
				of minutes and reports unless asked for
				(pd_record_confidential) */
#define PD_F_KEPT      0x40u /* undo and redo leave the value as it is now:
				a legal hold is lifted only by `hold --lift`,
				never by taking back an older edit */
#define PD_F_NAME      0x80u /* people named as text (a lead, an owner as
				typed, an author, attendance kept as text):
				`mentions` lists them, `forget` relabels them */

/* Field numbers, one enum per kind; the value is the slot in pd_record.v. */
enum { PD_ORG_NAME, PD_ORG_OVERVIEW, PD_ORG_SERVICES, PD_ORG_PHONE,
       PD_ORG_EMAIL, PD_ORG_WEBSITE, PD_ORG_ADDRESS, PD_ORG_REFERRAL,
       PD_ORG_TAGS, PD_ORG_VERIFIED, PD_ORG_NOTES, PD_ORG_NFIELDS };
enum { PD_PERSON_NAME, PD_PERSON_INITIALS, PD_PERSON_ROLE, PD_PERSON_ORG,
       PD_PERSON_PHONE, PD_PERSON_MOBILE, PD_PERSON_EMAIL, PD_PERSON_NOTES,
       PD_PERSON_VERIFIED, PD_PERSON_NFIELDS };
enum { PD_PLAN_REF, PD_PLAN_TITLE, PD_PLAN_BODY, PD_PLAN_START, PD_PLAN_END,
       PD_PLAN_SCALE, PD_PLAN_PARTNERSHIP, PD_PLAN_RETAIN, PD_PLAN_HOLD,
       PD_PLAN_NFIELDS };
enum { PD_THEME_PLAN, PD_THEME_NAME, PD_THEME_POSITION, PD_THEME_NFIELDS };
enum { PD_ITEM_PLAN, PD_ITEM_THEME, PD_ITEM_REF, PD_ITEM_TITLE,
       PD_ITEM_DESCRIPTION, PD_ITEM_LEAD, PD_ITEM_LEAD_PERSON, PD_ITEM_TARGET,
       PD_ITEM_TARGET_DATE, PD_ITEM_COMPLETED, PD_ITEM_STATUS, PD_ITEM_PARENT,
       PD_ITEM_POSITION, PD_ITEM_CONFIDENTIAL, PD_ITEM_NFIELDS };
enum { PD_ACTION_ITEM, PD_ACTION_TEXT, PD_ACTION_OWNER, PD_ACTION_OWNERS,
       PD_ACTION_DUE, PD_ACTION_STATE, PD_ACTION_RAISED, PD_ACTION_CLOSED,
       PD_ACTION_POSITION, PD_ACTION_CONFIDENTIAL, PD_ACTION_NFIELDS };
enum { PD_UPDATE_ITEM, PD_UPDATE_DATE, PD_UPDATE_TEXT, PD_UPDATE_STATUS,
       PD_UPDATE_MEETING, PD_UPDATE_AUTHOR, PD_UPDATE_CONFIDENTIAL,
       PD_UPDATE_NFIELDS };
enum { PD_MEETING_PLAN, PD_MEETING_DATE, PD_MEETING_TITLE,
       PD_MEETING_LOCATION, PD_MEETING_PRESENT, PD_MEETING_PRESENT_OTHER,
       PD_MEETING_APOLOGIES, PD_MEETING_APOLOGIES_OTHER, PD_MEETING_NEXT,
       PD_MEETING_NOTES, PD_MEETING_NFIELDS };

#define PD_MAX_FIELDS 16

/* What a spreadsheet makes of a column (sheet.h's pd_col_kind). */
enum pd_cellkind {
	PD_CELL_AUTO,    /* by type: a DATE a date, MULTILINE a note, else text */
	PD_CELL_TEXT,
	PD_CELL_NOTE,    /* long text that wraps */
	PD_CELL_PHONE,   /* text the formula guard leaves alone */
	PD_CELL_DATE,    /* a real date when the text reads as one */
};

/* How the client's form edits a field. */
enum pd_widget {
	PD_W_NONE,     /* not on the form */
	PD_W_TEXT,     /* one line, as typed */
	PD_W_LONG,     /* long text: Ctrl-O opens $EDITOR */
	PD_W_DATE,     /* any form pd_date_parse reads (or "today"), stored ISO */
	PD_W_STATUS,   /* a level of the plan's scale, stored as its code */
	PD_W_SCALE,    /* a scale's name */
	PD_W_STATE,    /* open, done or dropped */
	PD_W_LINK,     /* the linked record by its name or ref: an organisation
			  in the directory, a theme of the plan (made when
			  new), an item of the plan */
	PD_W_OWNERS,   /* names or initials as typed; `also` gets the people */
	PD_W_TARGET,   /* text as typed; `also` gets the date it reads as */
};

/* How the directory search reads a field (person and organisation only). */
enum pd_search {
	PD_S_NONE,
	PD_S_NAME,     /* the name: exact, prefix and word keys, the sort order */
	PD_S_WORDS,    /* each word */
	PD_S_DIGITS,   /* the digits, as one word (a phone number) */
	PD_S_ORG,      /* the name of the organisation it links to */
};

struct pd_field {
	/* the record */
	const char *name;      /* canonical name, for messages */
	uint8_t     tag;       /* codec tag, never reused (>= 16) */
	uint8_t     type;      /* enum pd_ftype */
	uint8_t     flags;     /* PD_F_* */
	int8_t      ref;       /* for REF/REFS: the enum pd_kind linked to */
	/* CSV import and export */
	const char *col;       /* the column's header; NULL: no column */
	const char *const *aliases;  /* other headers import takes (Outlook's,
				  Google's, a tracker's), NULL-terminated;
				  NULL: none */
	const char *const *multi;    /* and headers of Google's multi-valued
				  columns, "a ::: b": the first value is the
				  field's, the others go to the kind's notes */
	uint8_t     cell;      /* enum pd_cellkind */
	uint8_t     also;      /* 1 + a field the column or widget goes with:
				  export writes a REFS column's names then its
				  text, any other column's value or else its
				  (lead, else lead_person's name); 0: none */
	/* the client */
	const char *label;     /* on the form, and the card */
	const char *card_label; /* on the card when not `label` */
	uint8_t     widget;    /* enum pd_widget */
	uint8_t     form;      /* place on the form, ascending; 0: not on it */
	uint8_t     card;      /* place on the directory card; 0: not on it */
	/* the directory search */
	uint8_t     search;    /* enum pd_search */
};

/* CSV columns that are no field: each is a hook the importer or exporter
 * carries out.  A row map numbers them after the fields (PD_COL_X). */
enum pd_xhook {
	PD_X_PLAN,     /* the plan of the record's item (actions, updates) */
	PD_X_FIRST,    /* a person's name in parts, when the file has no */
	PD_X_MIDDLE,   /*   whole name: "First Middle Last" */
	PD_X_LAST,
	PD_X_WEB,      /* a web page, kept in the notes */
	PD_X_N
};

struct pd_xcol {
	const char            *col;       /* the header */
	const char *const     *aliases;   /* as in pd_field */
	const char *const     *multi;
	uint8_t                hook;      /* enum pd_xhook */
	bool                   required;  /* a file without it is refused */
	bool                   exported;  /* export writes it, before the
					     fields; else import reads it only */
};

struct pd_kind_info {
	enum pd_kind           kind;
	const char            *name;    /* "org" */
	const char            *plural;  /* "orgs", the CSV/CLI KIND */
	const char            *label;   /* "organisation", for messages */
	const struct pd_field *fields;
	int                    nfields;
	int                    title;   /* field shown as the record's name */
	int                    key;     /* field a link to it is written as */
	int                    notes;   /* field that keeps what has no field
					   of its own; -1: none */
	const struct pd_xcol  *xcols;   /* CSV columns that are no field */
	int                    nxcols;
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

/* The field `also` names for field `f` of `ki`, or -1. */
int pd_field_also(const struct pd_kind_info *ki, int f);

/* The required link a record of `ki` is filed under (an update's item,
 * an item's plan), or -1 for a kind filed under nothing (a plan, a
 * person). */
int pd_field_owner(const struct pd_kind_info *ki);

/* The first field of `ki` with every flag of `flags` (PD_F_*), or -1:
 * the confidential mark (PD_F_CONFIDENTIAL), a legal hold (PD_F_KEPT). */
int pd_field_flagged(const struct pd_kind_info *ki, unsigned flags);

enum pd_place { PD_PLACE_FORM, PD_PLACE_CARD };

/*
 * The fields of `ki` that have a place on the form or the card, in the
 * order of their places (ties in field order), into `out` (room for
 * PD_MAX_FIELDS).  Returns their number.
 */
int pd_fields_placed(const struct pd_kind_info *ki, enum pd_place where,
		     int *out);

#endif
