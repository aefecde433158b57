/*
 * subject.h — subject access and erasure: every record that names a
 * person (`plandesk mentions WHO`), and taking a person out of the
 * database (`plandesk forget WHO`).
 *
 * A person is named by a link to their directory entry (a field of type
 * REF or REFS to a person: an item's lead, an action's owners, a
 * meeting's attendance and apologies), by name in a field that holds
 * names as text (PD_F_NAME: a lead, an owner as typed, an update's
 * author, attendance kept as text), or in free text (an item's title or
 * description, an action's or update's text, a meeting's notes).  A name
 * is found as a whole word: the person's whole name in any case, their
 * initials (recorded, else the first letters of their name) in capitals
 * as written.  A surname alone, a nickname or a misspelling is not found:
 * the list says what it looked for, so the user can search for more.
 *
 * The walk reads every record of every kind, once: a subject access
 * request is rare and must be complete, so it does not trust an index.
 */
#ifndef PLANDESK_SUBJECT_H
#define PLANDESK_SUBJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/documents/format.h"
#include "plandesk/protect/disclose.h"

struct pd_subject {
	uint64_t person;         /* their directory entry; 0: no one in the
				    directory, the name as given is looked for */
	char     name[256];      /* their name, or WHO as given */
	char     initials[16];   /* their initials; "" for none */
};

/*
 * Who WHO means: one person of the directory by name or initials
 * (pd_people_match), or, when no one is, the text as given.
 * Returns PD_OK; PD_EINVAL (empty, invalid UTF-8, too long); PD_ECONFLICT
 * (several people: err names them and says to give the whole name);
 * PD_EDB, PD_ENOMEM.
 */
int pd_subject_find(struct pd_txn *txn, const char *who, struct pd_subject *s,
		    struct pd_err *err);

enum pd_mention_how {
	PD_MN_ENTRY,   /* their own directory entry */
	PD_MN_LINK,    /* a link to their entry */
	PD_MN_NAME,    /* named in a field of names (PD_F_NAME) */
	PD_MN_TEXT,    /* named in free text: left for the user to edit */
};

struct pd_mention {
	const struct pd_record *r;   /* the record */
	int                     field;
	enum pd_mention_how     how;
};

/* Called with each mention; anything but PD_OK stops the walk. */
typedef int (*pd_mention_fn)(void *ctx, struct pd_txn *txn,
			     const struct pd_mention *m, struct pd_err *err);

/*
 * Every mention of `s`, kind by kind, in id order.
 * Returns PD_OK, PD_ECORRUPT, PD_EDB, PD_ENOMEM, or fn's code.
 */
int pd_mentions_each(struct pd_txn *txn, const struct pd_subject *s,
		     pd_mention_fn fn, void *ctx, struct pd_err *err);

/* Where a record is, as a person reads it: "action “KP to book the
 * hall” on item 1 of plan C3P".  Into buf (n bytes). */
void pd_mention_where(struct pd_txn *txn, const struct pd_record *r, char *buf,
		      size_t n);

/*
 * The mentions of `s` as a document (md, txt, html, docx, odt: a table
 * under a heading naming the person and what was looked for) or a sheet
 * (csv, xlsx: a row each), appended to `out`; *rows (may be NULL) gets
 * how many.  Nobody named anywhere is an answer, not an error: the
 * document says so and *rows is 0.
 * Returns PD_OK; PD_EINVAL (another format); pd_mentions_each's codes;
 * PD_EIO (the zip library).
 */
int pd_mentions_doc(struct pd_txn *txn, const struct pd_subject *s,
		    enum pd_format fmt, struct pd_buf *out, uint64_t *rows,
		    struct pd_err *err);

/*
 * pd_mentions_doc, recorded as it leaves (disclose.h): to d->path, or,
 * with none, recorded and left in `out` for the caller to print.  d->what
 * is "mentions", d->rows how many.
 * Returns pd_mentions_doc's and pd_disclosure_save's codes.
 */
int pd_disclose_mentions(struct pd_store *st, struct pd_disclosure *d,
			 const struct pd_subject *s, enum pd_format fmt,
			 struct pd_buf *out, struct pd_err *err);

/* What an erasure did. */
struct pd_forget_counts {
	size_t links;    /* links to the entry taken away (the label kept as
			    text in their place) */
	size_t names;    /* names in fields of names replaced by the label */
	size_t records;  /* records changed, the entry removed included */
};

/*
 * Take `s` out of the database in one write: their directory entry is
 * deleted; each link to it is removed and `label` (one line, not empty:
 * "former member") written as text in its place (an owner, a lead,
 * someone present); their name in each field of names is replaced by
 * `label`.  Free text is not touched: pd_mentions_each with PD_MN_TEXT
 * lists it for the user to edit.  The write leaves no undo step, and the
 * undo journal drops its copies of the entry and of every record changed
 * (with what is filed under them), so undo cannot bring the name back.
 * Recorded in the same write (`d` gives command and reason; what is
 * "person", rows the records changed): the label, never the name.
 * Returns PD_OK; PD_EINVAL (a bad label); PD_EEMPTY (no entry, and no
 * link or field of names names them); PD_EREADONLY; pd_store_write's
 * codes.
 */
int pd_forget(struct pd_store *st, const struct pd_subject *s, const char *label,
	      struct pd_disclosure *d, struct pd_forget_counts *c,
	      struct pd_err *err);

#endif
