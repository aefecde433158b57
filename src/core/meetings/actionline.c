/*
 * actionline.c — "KP to adjust and e-mail organisation": finding the owners
 * at the start of a line typed in a meeting.  actionline.h has the rules.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "plandesk/meetings/actionline.h"
#include "plandesk/base/text.h"

/* Capitalised words that start sentences, not owners ("Agreed to …"). */
static const char *const stopwords[] = {
	"able", "access", "after", "agreed", "agreement", "aim", "aims",
	"also", "any", "asked", "attempt", "attempts", "awaiting", "back",
	"before", "changes", "continue", "continued", "continuing", "data",
	"date", "dates", "decide", "decided", "decision", "difficult",
	"discussion", "discussions", "due", "easy", "essential", "expected",
	"failed", "funding", "going", "good", "great", "hard", "hope", "hoped",
	"hoping", "how", "important", "info", "information", "intend",
	"intended", "intention", "invitation", "invitations", "it", "keen",
	"letter", "letters", "likely", "link", "links", "meeting", "meetings",
	"money", "moved", "need", "needed", "needs", "next", "no", "nobody",
	"not", "nothing", "now", "opportunity", "plan", "planned", "planning",
	"plans", "pleased", "prepared", "progress", "proposal", "proposed",
	"question", "questions", "ready", "referral", "referrals", "reminder",
	"remember", "reply", "report", "reports", "request", "requested",
	"response", "some", "something", "still", "suggested", "suggestion",
	"that", "then", "there", "these", "this", "those", "time", "training",
	"try", "trying", "unable", "unlikely", "up", "update", "updates",
	"visit", "visits", "waiting", "want", "wanted", "ways", "website",
	"what", "when", "where", "whether", "which", "who", "why", "wish",
	"work", "yes",
};

bool pd_actionline_stopword(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
		if (strlen(stopwords[i]) == n && strncasecmp(stopwords[i], w, n) == 0)
			return true;
	return false;
}

/* The code point at s[i] (n bytes in all) and its length. */
static size_t cp_at(const char *s, size_t n, size_t i, uint32_t *cp)
{
	if (i >= n) {
		*cp = 0;
		return 0;
	}
	return pd_utf8_decode(s + i, n - i, cp);
}

static bool is_upper(uint32_t cp)
{
	if (cp == PD_UTF8_REPLACEMENT || cp == 0)
		return false;
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool is_letter(uint32_t cp)
{
	if (cp == PD_UTF8_REPLACEMENT || cp == 0)
		return false;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return true;
	default:
		return false;
	}
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '\r' || cp == '\n';
}

static size_t skip_space(const char *s, size_t n, size_t i)
{
	uint32_t cp;
	size_t k;

	while ((k = cp_at(s, n, i, &cp)) && is_space(cp))
		i += k;
	return i;
}

/* Characters that may end a word: white space, an owner separator, end. */
static bool is_boundary(const char *s, size_t n, size_t i)
{
	uint32_t cp;

	if (!cp_at(s, n, i, &cp))
		return true;
	return is_space(cp) || cp == '/' || cp == ',' || cp == '&' || cp == '+' ||
	       cp == ';' || cp == ':';
}

/* The word "w" (ASCII, any case) at i, followed by a boundary. */
static bool word_is(const char *s, size_t n, size_t i, const char *w)
{
	size_t wl = strlen(w);

	return i + wl <= n && strncasecmp(s + i, w, wl) == 0 &&
	       is_boundary(s, n, i + wl);
}

enum wkind { W_NONE, W_INITIALS, W_INITIAL, W_NAME };

/*
 * Read one capitalised word at i.  Returns its kind and sets *end:
 * W_INITIALS "KP"/"K.P.", W_INITIAL "K.", W_NAME "Sheelagh", W_NONE.
 */
static enum wkind read_word(const char *s, size_t n, size_t i, size_t *end)
{
	uint32_t cp;
	size_t k, j = i;
	int caps = 0;
	bool lower = false, dots = false;

	k = cp_at(s, n, j, &cp);
	if (!k || !is_upper(cp))
		return W_NONE;
	/* Initials: capitals, each optionally followed by a dot. */
	while ((k = cp_at(s, n, j, &cp)) && is_upper(cp)) {
		j += k;
		caps++;
		if (j < n && s[j] == '.') {
			j++;
			dots = true;
		}
	}
	if (is_boundary(s, n, j)) {
		*end = j;
		if (caps == 1)
			return dots ? W_INITIAL : W_NONE;
		return caps <= 4 ? W_INITIALS : W_NAME;
	}
	if (dots)
		return W_NONE;
	/* A name: letters, apostrophes and hyphens, ending on a letter. */
	j = i;
	for (;;) {
		k = cp_at(s, n, j, &cp);
		if (k && is_letter(cp)) {
			lower |= !is_upper(cp);
			j += k;
			continue;
		}
		if (k && (cp == '\'' || cp == 0x2019 || cp == '-')) {
			uint32_t next;
			if (cp_at(s, n, j + k, &next) && is_letter(next)) {
				j += k;
				continue;
			}
		}
		break;
	}
	if (!is_boundary(s, n, j) || !lower)
		return W_NONE;
	*end = j;
	return W_NAME;
}

struct run {
	size_t     off[3], end[3];
	enum wkind kind[3];
	int        n;
};

/* A run of up to three capitalised words at i, stopping before "to"/"and". */
static void read_run(const char *s, size_t n, size_t i, struct run *r)
{
	size_t end, j = i;
	enum wkind w;

	r->n = 0;
	while (r->n < 3) {
		if (word_is(s, n, j, "to") || word_is(s, n, j, "and"))
			break;
		if ((w = read_word(s, n, j, &end)) == W_NONE)
			break;
		r->off[r->n] = j;
		r->end[r->n] = end;
		r->kind[r->n] = w;
		r->n++;
		j = skip_space(s, n, end);
	}
}

/* Turn a run into owner tokens; false if it names nobody. */
static bool add_owners(const char *s, const struct run *r,
		       struct pd_actionline *al)
{
	bool all_initials = true, has_name = false;

	for (int i = 0; i < r->n; i++) {
		all_initials &= r->kind[i] == W_INITIALS;
		has_name |= r->kind[i] == W_NAME;
	}
	if (r->n == 0)
		return false;
	if (all_initials) {
		for (int i = 0; i < r->n; i++) {
			if (al->nowners == PD_ACTIONLINE_MAX_OWNERS)
				return false;
			al->owners[al->nowners++] = (struct pd_owner_tok){
				r->off[i], r->end[i] - r->off[i], PD_OWNER_INITIALS };
		}
		return true;
	}
	if (!has_name || al->nowners == PD_ACTIONLINE_MAX_OWNERS)
		return false;
	al->owners[al->nowners++] = (struct pd_owner_tok){
		r->off[0], r->end[r->n - 1] - r->off[0],
		pd_actionline_stopword(s + r->off[0], r->end[0] - r->off[0]) ?
			PD_OWNER_DOUBTFUL : PD_OWNER_NAME };
	return true;
}

/* A separator between owners at i; *next is where the next owner starts. */
static bool separator(const char *s, size_t n, size_t i, size_t *next)
{
	if (i < n && strchr("/,&+", s[i]) && s[i] != '\0') {
		*next = skip_space(s, n, i + 1);
		return true;
	}
	if (word_is(s, n, i, "and")) {
		*next = skip_space(s, n, i + 3);
		return true;
	}
	return false;
}

/* Skip a leading bullet: "-", "*", "•", "·", "–" followed by space. */
static size_t skip_bullet(const char *s, size_t n, size_t i)
{
	uint32_t cp;
	size_t k = cp_at(s, n, i, &cp);

	if (k && (cp == '-' || cp == '*' || cp == 0x2022 || cp == 0xB7 ||
		  cp == 0x2013)) {
		uint32_t sp;
		if (cp_at(s, n, i + k, &sp) && is_space(sp))
			return skip_space(s, n, i + k);
	}
	return i;
}

size_t pd_actionline_confidential(const char *s, size_t n)
{
	size_t i = s ? skip_space(s, n, 0) : 0;
	uint32_t cp;

	if (!s || n - i < 2 || s[i] != '!' || (s[i + 1] != 'c' && s[i + 1] != 'C'))
		return 0;
	if (i + 2 == n)
		return n;
	if (!cp_at(s, n, i + 2, &cp) || !is_space(cp))
		return 0;
	return skip_space(s, n, i + 2);
}

static bool has_word_char(const char *s, size_t n, size_t i)
{
	uint32_t cp;
	size_t k;

	while ((k = cp_at(s, n, i, &cp))) {
		if (is_letter(cp) || (cp >= '0' && cp <= '9'))
			return true;
		i += k;
	}
	return false;
}

bool pd_actionline_parse(const char *s, size_t n, struct pd_actionline *al)
{
	size_t i, end = n, next;
	struct run r;
	uint32_t cp;

	memset(al, 0, sizeof *al);
	if (!s)
		n = 0;
	/* Trim trailing white space (code points are never cut: all ASCII). */
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t' ||
			   s[end - 1] == '\r' || s[end - 1] == '\n'))
		end--;
	n = end;
	i = skip_bullet(s, n, skip_space(s, n, 0));
	al->text_off = i;
	al->text_len = n - i;

	for (;;) {
		read_run(s, n, i, &r);
		if (!add_owners(s, &r, al))
			goto plain;
		i = skip_space(s, n, r.end[r.n - 1]);
		if (!separator(s, n, i, &next))
			break;
		i = next;
	}
	if (!word_is(s, n, i, "to") || !cp_at(s, n, i + 2, &cp) || !is_space(cp))
		goto plain;
	i = skip_space(s, n, i + 2);
	if (!has_word_char(s, n, i))
		goto plain;
	al->verb_off = i;
	/* "Template to be sent": the thing, not its owner. */
	if (word_is(s, n, i, "be"))
		for (int k = 0; k < al->nowners; k++)
			if (al->owners[k].shape == PD_OWNER_NAME)
				al->owners[k].shape = PD_OWNER_DOUBTFUL;
	al->owner_off = al->owners[0].off;
	al->owner_len = al->owners[al->nowners - 1].off +
			al->owners[al->nowners - 1].len - al->owner_off;
	al->shaped = true;
	al->is_action = true;
	for (int k = 0; k < al->nowners; k++)
		if (al->owners[k].shape == PD_OWNER_DOUBTFUL)
			al->is_action = false;
	return true;
plain:
	al->nowners = 0;
	al->shaped = al->is_action = false;
	al->verb_off = 0;
	return false;
}
