/*
 * vcard.h — reading and writing vCards (RFC 2426 vCard 3.0, RFC 6350
 * vCard 4.0, and the vCard 2.1 that Outlook and old phones still write).
 *
 * The reader hands out a file's contents one event at a time: the start of
 * a card (BEGIN:VCARD), each property, the end of the card.  It does what
 * every version needs before a value means anything:
 *
 *	unfolding	a line beginning with a space or tab continues the one
 *			before (the line break and that one character go)
 *	line ends	CRLF, LF
 *	groups		"item1.EMAIL" is EMAIL
 *	parameters	TYPE=work,voice; TYPE=WORK;TYPE=VOICE; bare 2.1 types
 *			(TEL;WORK;VOICE); quoted values (TYPE="work,voice")
 *	encodings	ENCODING=QUOTED-PRINTABLE (with its soft line breaks,
 *			"=" at a line's end) is decoded; a BASE64 or "b" value
 *			is binary and skipped unread, as are PHOTO, LOGO, SOUND
 *			and KEY whatever their encoding
 *	charsets	CHARSET=X is converted to UTF-8 with iconv; a value
 *			with no CHARSET that is not valid UTF-8 is read in
 *			the reader's default charset (Windows-1252, as Outlook
 *			writes, unless opts say otherwise) and flagged
 *
 * Values are handed out still escaped: pd_vcard_text() unescapes one
 * (\\ \; \, \n in 3.0 and 4.0; only \; in 2.1) and splits a structured
 * value (N, ADR, ORG) at its unescaped semicolons.
 *
 * Structure is checked as the events are read: the first thing in the file
 * must be BEGIN:VCARD; every card must end with END:VCARD before the next
 * begins or the file ends; nothing but blank lines may stand between
 * cards.  Each error message begins "LINE: " (1-based), the caller adding
 * the file's name.  Memory: the whole file is held, plus one value; a
 * skipped value (a photo) is never copied, whatever its size.
 *
 * The writer side is a handful of functions appending to a pd_buf: a
 * property line escaped, folded at 75 octets (never inside a UTF-8
 * character) and ended with CRLF, as RFC 6350 §3.2 asks.
 */
#ifndef PLANDESK_VCARD_H
#define PLANDESK_VCARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

/** What pd_vcard_next() found. */
enum pd_vcard_event {
	PD_VCARD_BEGIN,		/* BEGIN:VCARD */
	PD_VCARD_PROP,		/* a property of the card */
	PD_VCARD_END,		/* END:VCARD */
};

/* Types a property may carry (TYPE= or a bare 2.1 parameter). */
#define PD_VC_WORK	0x0001u
#define PD_VC_HOME	0x0002u
#define PD_VC_CELL	0x0004u
#define PD_VC_FAX	0x0008u
#define PD_VC_PREF	0x0010u
#define PD_VC_VOICE	0x0020u
#define PD_VC_PAGER	0x0040u
#define PD_VC_OTHER	0x0080u	/* any other type */

/** One event.  The strings belong to the reader and live until the next
 * pd_vcard_next(), pd_vcard_rewind() or pd_vcard_close(). */
struct pd_vcard_prop {
	enum pd_vcard_event event;
	unsigned long       line;       /* the 1-based line it starts on */
	const char         *name;       /* upper case, without its group: "TEL";
					   "" for BEGIN and END */
	unsigned            types;      /* PD_VC_* */
	const char         *value;      /* UTF-8, unfolded, decoded, still
					   escaped; NUL-terminated ("" when
					   skipped) */
	size_t              len;        /* its length in bytes */
	int                 version;    /* the card's VERSION: 21, 30 or 40 (30
					   until the card says) */
	bool                skipped;    /* binary or a photo: the value was not
					   read */
	bool                fallback;   /* not UTF-8 and no CHARSET: read in the
					   default charset */
};

/** Options of a reader; a NULL pointer means all defaults. */
struct pd_vcard_opts {
	const char *charset;	/* for values with no CHARSET that are not
				   UTF-8; NULL: WINDOWS-1252 */
};

struct pd_vcard_reader;

/** @brief Open `n` bytes at `data` as a vCard file.
 *
 * The bytes are not copied: they must stay valid until pd_vcard_close().
 * A UTF-8 byte-order mark is skipped; UTF-16 (told by its byte-order
 * mark) is converted to UTF-8 first, into a copy.
 *
 * @param[in] data The file's bytes.
 * @param[in] n Their number.
 * @param[in] opts Options, or NULL.
 * @param[out] out Receives the reader.
 * @param[out] err Receives a message on failure.  May be NULL.
 * @return A PD_* status code:
 *	<ul>
 *	<li>PD_OK - `*out` is ready.
 *	<li>PD_EINVAL - a default charset iconv does not know.
 *	<li>PD_EPARSE - UTF-16 that does not convert ("LINE: " message).
 *	<li>PD_ENOMEM - out of memory.
 *	</ul>
 */
int pd_vcard_open_mem(const void *data, size_t n,
		      const struct pd_vcard_opts *opts, struct pd_vcard_reader **out,
		      struct pd_err *err);

/** @brief Open the file at `path` (read whole into memory).
 *
 * @return The codes of pd_vcard_open_mem(), and PD_EIO (the file cannot
 *	be opened or read; the reason in err).
 */
int pd_vcard_open_file(const char *path, const struct pd_vcard_opts *opts,
		       struct pd_vcard_reader **out, struct pd_err *err);

/** @brief Close a reader and free what it holds.  NULL is allowed. */
void pd_vcard_close(struct pd_vcard_reader *r);

/** @brief Read the next event.
 *
 * @param[in] r The reader.
 * @param[out] p Receives the event.
 * @param[out] err Receives a message on failure.  May be NULL.
 * @return A PD_* status code:
 *	<ul>
 *	<li>PD_OK - `*p` holds the event.
 *	<li>PD_NOTFOUND - the end of the file, after a complete card.
 *	<li>PD_EPARSE - the input is not a vCard, or is broken: "LINE: what"
 *	in err (not a vCard; a card with no END:VCARD; a card begun inside
 *	another; a line outside a card; a line with no ':'; bad
 *	quoted-printable; a value its CHARSET cannot read; a NUL byte).
 *	After an error the reader returns the same error until rewound.
 *	<li>PD_EINVAL - a CHARSET iconv does not know ("LINE: " message).
 *	<li>PD_ENOMEM - out of memory.
 *	</ul>
 */
int pd_vcard_next(struct pd_vcard_reader *r, struct pd_vcard_prop *p,
		  struct pd_err *err);

/** @brief Go back to the start of the file (a write retried after the
 * database map grew reads everything again). */
void pd_vcard_rewind(struct pd_vcard_reader *r);

/** @brief How far reading has got: *done bytes of *total. */
void pd_vcard_position(const struct pd_vcard_reader *r, uint64_t *done,
		       uint64_t *total);

/** @brief Tell whether bytes look like a vCard file: after an optional
 * byte-order mark and blank lines, "BEGIN:VCARD" (any case). */
bool pd_vcard_sniff(const void *data, size_t n);

/** Pass as `comp` to pd_vcard_text() for the whole value. */
#define PD_VCARD_WHOLE ((size_t)-1)

/** @brief Append a value, or one component of a structured value,
 * unescaped, to `out`.
 *
 * @param[in] p A property from pd_vcard_next().
 * @param[in] comp The 0-based component (split at unescaped ';'), or
 *	#PD_VCARD_WHOLE for the whole value.
 * @param[out] out Receives the text (appended); surrounding white space
 *	is kept.
 * @return PD_OK; PD_NOTFOUND (the value has fewer components; nothing
 *	appended); PD_ENOMEM.
 */
int pd_vcard_text(const struct pd_vcard_prop *p, size_t comp,
		  struct pd_buf *out);

/* --- writing ------------------------------------------------------------ */

/** @brief Append `n` bytes of text escaped as a vCard 3.0 or 4.0 value:
 * backslash, ';' and ',' get a backslash; a line break (CRLF, CR or LF)
 * becomes \n.  (Escaping ';' everywhere is what RFC 6350 asks of
 * structured values and what every reader accepts elsewhere.)
 * @return PD_OK or PD_ENOMEM. */
int pd_vcard_escape(struct pd_buf *out, const char *s, size_t n);

/** @brief Append one content line: `head` (name and parameters, as
 * written: "TEL;TYPE=CELL") + ':' + `value` (already escaped), folded so
 * that no line exceeds 75 octets without splitting a UTF-8 character,
 * each line ended with CRLF.
 * @return PD_OK or PD_ENOMEM. */
int pd_vcard_line(struct pd_buf *out, const char *head, const char *value,
		  size_t n);

/* --- the directory as vCards (export_vcard.c) --------------------------- */

/** @brief Append every person of the directory, in id order, as a vCard.
 *
 * Version 30 writes vCard 3.0 (RFC 2426), which abook, khard, Google
 * Contacts, Outlook and phones read; 40 writes vCard 4.0 (RFC 6350).
 * Each card has FN and N (the name split at its last word, or at a
 * surname particle such as "van" or "Ní"; a title such as "Dr" is the
 * prefix), ORG, TITLE (the role), TEL (phone as WORK,VOICE, mobile as
 * CELL), EMAIL, NOTE (the notes, whole), X-PLANDESK-INITIALS,
 * X-PLANDESK-VERIFIED, UID and REV (the record's update time).  Importing
 * the file gives back the same people (import_vcard.c reads these).
 * Lines are folded at 75 octets and end with CRLF.
 *
 * @param[in] txn A read transaction.
 * @param[in] version 30 or 40.
 * @param[out] out Receives the cards (appended).
 * @param[out] count Receives the number of cards.  May be NULL.
 * @param[out] err Receives a message on failure.  May be NULL.
 * @return PD_OK; PD_EINVAL (another version); PD_ECORRUPT (a record that
 *	does not decode); PD_EDB; PD_ENOMEM.
 */
int pd_export_vcards(struct pd_txn *txn, int version, struct pd_buf *out,
		     size_t *count, struct pd_err *err);

#endif
