/*
 * kindcopy.h — a copy of the person kind's table with one field more,
 * `language` (the language a person prefers: text, the next free tag, a
 * CSV column, on the form after the name and on the card after the role,
 * found by its words), built from the real table at run time: what adding
 * the field to schema.c would give, for the tests that follow a field
 * through the columns, import, export, the form and the card without
 * changing the built-in tables.  Nothing here depends on how many fields
 * the real table has, so adding one to it (HACKING.md) leaves these tests
 * as they are.
 */
#ifndef PLANDESK_KINDCOPY_H
#define PLANDESK_KINDCOPY_H

#include <string.h>

#include "plandesk/records/schema.h"

struct kindcopy {
	struct pd_field     fields[PD_MAX_FIELDS];
	struct pd_kind_info ki;
	int                 added;   /* the new field's number */
};

static inline const struct pd_kind_info *kindcopy_people(struct kindcopy *kc)
{
	const struct pd_kind_info *real = pd_kind_info(PD_PERSON);
	uint8_t tag = 0;

	memset(kc, 0, sizeof *kc);
	memcpy(kc->fields, real->fields, (size_t)real->nfields * sizeof *kc->fields);
	for (int f = 0; f < real->nfields; f++)
		if (real->fields[f].tag > tag)
			tag = real->fields[f].tag;
	kc->added = real->nfields;
	kc->fields[kc->added] = (struct pd_field){
		.name = "language", .tag = (uint8_t)(tag + 1), .type = PD_T_TEXT,
		.ref = -1, .col = "language", .aliases = NULL, .label = "Language",
		.widget = PD_W_TEXT, .form = 15, .card = 15, .search = PD_S_WORDS,
	};
	kc->ki = *real;
	kc->ki.fields = kc->fields;
	kc->ki.nfields = real->nfields + 1;
	return &kc->ki;
}

#endif
