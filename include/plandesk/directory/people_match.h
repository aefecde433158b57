/*
 * people_match.h — who a name or initials typed in a meeting mean: "KP",
 * "K.P.", "Sheelagh Davis", "K. Corcoran", "Iftihar".
 *
 * A token of 2 to 4 capitals (dots allowed) is initials: it matches a
 * person whose `initials` field is the same letters (dots, spaces and case
 * ignored); a person with no initials recorded matches by the first
 * letters of the words of their name ("Kath Pike" is KP).  Any other token
 * is a name, compared folded (case and accents ignored, pd_text_fold):
 *
 *	the whole name		"sheelagh davis" = "Sheelagh Davis"
 *	initial(s) + surname	"K. Corcoran", "K Corcoran" = "Kath Corcoran"
 *	first names + surname	"Kath Corcoran" = "Kath Mary Corcoran"
 *	one word		"Iftihar" = a person whose first or last
 *				name is Iftihar
 *
 * The people in `prefer` (a meeting's attendance) are tried first: when
 * exactly one of them matches, that is the answer even if the directory
 * holds others.  Otherwise the directory is asked through the search index
 * (search.h, a cursor range scan, never a table scan), looking at the best
 * PD_MATCH_CANDIDATES entries; an exact whole-name match beats the looser
 * forms.  Derived initials (from a name with no initials recorded) are
 * only found among `prefer`, since the index holds recorded initials.
 */
#ifndef PLANDESK_PEOPLE_MATCH_H
#define PLANDESK_PEOPLE_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/records/record.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

/* How many directory entries a lookup examines at most. */
#define PD_MATCH_CANDIDATES 64

/** How well a person matches a token. */
enum pd_match_level {
	PD_MATCH_NONE,		/* not this person */
	PD_MATCH_LOOSE,		/* initial + surname, one word, derived initials */
	PD_MATCH_EXACT,		/* the whole name, or the recorded initials */
};

/** @brief Tell whether a token is initials ("KP", "K.P.", "JFK").
 *
 * @param[in] tok The token.
 * @param[in] n Its length in bytes.
 * @return true for 2 to 4 capital letters, each optionally followed by a
 *	dot, and nothing else.
 */
bool pd_token_is_initials(const char *tok, size_t n);

/** @brief Compare one person with a token.
 *
 * @param[in] person A person record.
 * @param[in] tok The token (initials or a name).
 * @param[in] n Its length in bytes.
 * @return How well they match; PD_MATCH_NONE also when out of memory.
 */
enum pd_match_level pd_person_match(const struct pd_record *person,
	    const char *tok, size_t n);

/** @brief Find the one person a token means.
 *
 * @param[in] txn A read or write transaction.
 * @param[in] tok The token; surrounding white space is ignored.
 * @param[in] n Its length in bytes.
 * @param[in] prefer People to try first (may be NULL when `nprefer` is 0);
 *	ids that no longer exist are skipped.
 * @param[in] nprefer Their number.
 * @param[out] id Receives the person's id (0 unless PD_OK).
 * @param[out] err Receives a message on failure other than PD_NOTFOUND.
 *	May be NULL.
 * @return A PD_* status code:
 *	<ul>
 *	<li>PD_OK - exactly one person: `*id`.
 *	<li>PD_NOTFOUND - nobody (or an empty token).
 *	<li>PD_ECONFLICT - several people match equally well; err names two.
 *	<li>PD_ECORRUPT, PD_EDB, PD_ENOMEM - reading failed.
 *	</ul>
 */
int pd_people_match(struct pd_txn *txn, const char *tok, size_t n,
		    const uint64_t *prefer, size_t nprefer, uint64_t *id,
		    struct pd_err *err);

#endif
