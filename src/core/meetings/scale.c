/* scale.c — the status scales and parsing a status as people type it. */
#include <ctype.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "plandesk/meetings/scale.h"

static const struct pd_level levels_14[] = {
	{ "1", "Fully achieved", PD_ST_DONE },
	{ "2", "On track",       PD_ST_OK },
	{ "3", "Slipped",        PD_ST_SLIPPED },
	{ "4", "Not achieved",   PD_ST_FAILED },
};

static const struct pd_level levels_rag[] = {
	{ "G", "Green", PD_ST_OK },
	{ "A", "Amber", PD_ST_SLIPPED },
	{ "R", "Red",   PD_ST_FAILED },
};

static const struct pd_scale scales[] = {
	{ "1-4", levels_14,  (int)(sizeof levels_14 / sizeof levels_14[0]) },
	{ "rag", levels_rag, (int)(sizeof levels_rag / sizeof levels_rag[0]) },
};

const struct pd_scale *pd_scale_get(const char *name)
{
	for (size_t i = 0; name && i < sizeof scales / sizeof scales[0]; i++)
		if (strcasecmp(name, scales[i].name) == 0)
			return &scales[i];
	return &scales[0];
}

bool pd_scale_known(const char *name)
{
	for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
		if (name && strcasecmp(name, scales[i].name) == 0)
			return true;
	return false;
}

const struct pd_level *pd_scale_level(const struct pd_scale *sc, const char *code)
{
	for (int i = 0; code && i < sc->nlevels; i++)
		if (strcasecmp(code, sc->levels[i].code) == 0)
			return &sc->levels[i];
	return NULL;
}

const struct pd_level *pd_scale_nth(const struct pd_scale *sc, int n)
{
	return n >= 1 && n <= sc->nlevels ? &sc->levels[n - 1] : NULL;
}

/* "1 – Fully Achieved" → code "1"; "fully achieved" → label match. */
int pd_scale_parse(const struct pd_scale *sc, const char *text,
		   const char **code, struct pd_err *err)
{
	char word[64];
	size_t n = 0;
	const char *s = text;

	while (isspace((unsigned char)*s))
		s++;
	*code = "";
	if (!*s)
		return PD_OK;
	/* The leading token: up to a space, dash or en dash. */
	while (s[n] && !isspace((unsigned char)s[n]) && s[n] != '-' &&
	       strncmp(s + n, "\xe2\x80\x93", 3) && n < sizeof word - 1)
		n++;
	memcpy(word, s, n);
	word[n] = '\0';
	for (int i = 0; i < sc->nlevels; i++) {
		const struct pd_level *l = &sc->levels[i];
		size_t ln = strlen(l->label);
		if (strcasecmp(word, l->code) == 0 ||
		    (strncasecmp(s, l->label, ln) == 0 &&
		     (!s[ln] || isspace((unsigned char)s[ln])))) {
			*code = l->code;
			return PD_OK;
		}
	}
	{
		char list[256] = "";
		for (int i = 0; i < sc->nlevels; i++) {
			size_t used = strlen(list);
			snprintf(list + used, sizeof list - used, "%s%s %s",
				 i ? ", " : "", sc->levels[i].code, sc->levels[i].label);
		}
		return pd_err_set(err, PD_EPARSE, "not a status on the %s scale: \"%.40s\" (use %s)",
				  sc->name, text, list);
	}
}
