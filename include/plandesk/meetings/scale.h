/*
 * scale.h — status scales.  A plan's `scale` field names one; an item's and
 * an update's `status` stores a level's code.
 *
 *   "1-4" (the default, a select committee's categories): 1 Fully
 *          achieved, 2 On track, 3 Slipped, 4 Not achieved
 *   "rag": G Green, A Amber, R Red
 */
#ifndef PLANDESK_SCALE_H
#define PLANDESK_SCALE_H

#include <stdbool.h>

#include "plandesk/base/status.h"

enum pd_status_kind {
	PD_ST_DONE,      /* fully achieved / green-complete */
	PD_ST_OK,        /* on track */
	PD_ST_SLIPPED,   /* slipped / amber */
	PD_ST_FAILED,    /* not achieved / red */
	PD_ST_NONE       /* no status */
};

struct pd_level {
	const char         *code;   /* stored: "1", "G" */
	const char         *label;  /* "Fully achieved" */
	enum pd_status_kind kind;   /* meaning, for colours and "may have slipped" */
};

struct pd_scale {
	const char            *name;    /* "1-4", "rag" */
	const struct pd_level *levels;
	int                    nlevels;
};

/* The scale called `name` ("1-4", "rag"; NULL or "" gives the default). */
const struct pd_scale *pd_scale_get(const char *name);

/* True when `name` is a known scale. */
bool pd_scale_known(const char *name);

/*
 * Parse a status as people write it — "2", "1 – Fully Achieved", "slipped",
 * "Amber", "g" — into the level's code.  An empty string gives "" (no
 * status).  Returns PD_OK with *code set, or PD_EPARSE (message in err
 * listing the levels).
 */
int pd_scale_parse(const struct pd_scale *sc, const char *text,
		   const char **code, struct pd_err *err);

/* The level with `code`, or NULL (no status, or a code not on the scale). */
const struct pd_level *pd_scale_level(const struct pd_scale *sc,
				      const char *code);

/* The level reached by pressing key number n (1-based), or NULL. */
const struct pd_level *pd_scale_nth(const struct pd_scale *sc, int n);

#endif
