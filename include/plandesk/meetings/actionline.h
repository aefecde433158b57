/*
 * actionline.h — reading a line typed in a meeting: a progress note, or an
 * action with its owners ("KP to adjust and e-mail organisation").
 *
 * The parser is pure (no store): it finds the shape
 *
 *	OWNERS to VERB-PHRASE
 *
 * where OWNERS is a run of one to eight owners separated by "/", ",", "&",
 * "+" or the word "and", and each owner is either
 *
 *	initials	2 to 4 capital letters, each optionally followed by a
 *			dot: "KP", "DD", "K.P.", "JFK".  Several initials
 *			separated by spaces ("KP DD to …") are several owners.
 *	a name		1 to 3 capitalised words: a word starts with a capital
 *			letter and goes on with letters, apostrophes and
 *			hyphens ("Sheelagh Davis", "O'Brien", "Smith-Jones");
 *			a capital and a dot stands for an initial ("K.
 *			Corcoran").  A lone initial ("K.") is not a name.
 *
 * "to" is matched in any case and must be followed by at least one more
 * word.  A line may begin with a bullet ("-", "*", "•", "·") and spaces.
 *
 * The action text is the whole line as typed (trimmed), as minutes write
 * it: "KP to adjust and e-mail organisation".
 *
 * Lines that only look like actions: a name that is one of the common
 * sentence-starters ("Agreed to meet again", "Need to think about …",
 * "Decided to …", "Plan to …", "Difficult to …"), or a name followed by
 * "to be" ("Template to be sent", "Leaflets to be circulated"), is marked
 * PD_OWNER_DOUBTFUL: the line is an action only if a later step finds that
 * name in the directory (pd_meeting_record: someone at the meeting, or a
 * person whose whole name it is, so that a directory holding a "Hope" does
 * not turn "Hope to see you all" into an action).  Initials are owners
 * even when nobody in the directory has them (kept as text); other names
 * are owners too ("Schools", "Sheelagh Davis"), linked when found.  Lines
 * such as "It was agreed to …" or "Discussions have taken place …" do not
 * have the shape.  Lower-case initials ("kp to …") are not read as owners:
 * Ctrl-T in the client turns such a note into an action.
 */
#ifndef PLANDESK_ACTIONLINE_H
#define PLANDESK_ACTIONLINE_H

#include <stdbool.h>
#include <stddef.h>

#define PD_ACTIONLINE_MAX_OWNERS 8

enum pd_owner_shape {
	PD_OWNER_INITIALS,	/* "KP", "K.P.": an owner, known or not */
	PD_OWNER_NAME,		/* "Sheelagh Davis", "Schools": an owner */
	PD_OWNER_DOUBTFUL,	/* "Agreed", "Template … to be": an owner only
				   if found in the directory */
};

/** One owner token, as a slice of the parsed line. */
struct pd_owner_tok {
	size_t              off;     /* byte offset in the line */
	size_t              len;     /* length in bytes */
	enum pd_owner_shape shape;
};

/** What pd_actionline_parse() found. */
struct pd_actionline {
	/** The line has the shape OWNERS to VERB… (owners may be doubtful). */
	bool shaped;
	/** Shaped, and no owner is doubtful: an action without asking the
	 *  directory. */
	bool is_action;
	/** The owner tokens, in the order typed. */
	int nowners;
	struct pd_owner_tok owners[PD_ACTIONLINE_MAX_OWNERS];
	/** The owner part as typed, from the first owner to the end of the
	 *  last ("KP/DD", "KP, DD and Sheelagh Davis"). */
	size_t	owner_off, owner_len;
	/** The line without surrounding white space: the action's text. */
	size_t	text_off, text_len;
	/** Where the words after "to" begin ("adjust and e-mail …"). */
	size_t verb_off;
};

/** @brief Parse a typed line.
 *
 * @param[in] s The line (UTF-8; invalid bytes are not letters).  Need not
 *	be NUL-terminated.
 * @param[in] n Its length in bytes.
 * @param[out] out Receives the result; always filled (shaped false when
 *	the line is a plain note, with text_off/text_len still set).
 * @return true if the line has the shape of an action (out->shaped).
 */
bool pd_actionline_parse(const char *s, size_t n, struct pd_actionline *out);

/** @brief Find the mark of a line to be kept confidential.
 *
 * A line typed in a meeting that begins "!c" (after white space, and
 * followed by white space) is recorded marked confidential: minutes and
 * reports leave it out unless asked (confidential.h).  "!C" is the same.
 *
 * @param[in] s The line (need not be NUL-terminated).
 * @param[in] n Its length in bytes.
 * @return How many bytes the mark and the white space round it take (the
 *	line proper starts there), or 0 when the line has no mark.
 */
size_t pd_actionline_confidential(const char *s, size_t n);

/** @brief Tell whether a word is a sentence-starter that is not an owner.
 *
 * The list holds words such as "Agreed", "Need", "Decided", "Discussion",
 * "Plan", "Website", "Some", "Work", "Link", "Difficult", "Nothing".
 * Compared case-insensitively (ASCII).
 *
 * @param[in] w The word.
 * @param[in] n Its length in bytes.
 * @return true if the word is on the list.
 */
bool pd_actionline_stopword(const char *w, size_t n);

#endif
