/*
 * kindcopy.h — a copy of the person kind's table with one field more,
 * `pronouns` (text, tag 25, a CSV column, on the form after the name and
 * on the card after the role, found by its words), built from the real
 * table at run time: what adding the field to schema.c would give, for
 * the tests that follow a field through the columns, import, export, the
 * form and the card without changing the built-in tables.
 */
#ifndef PLANDESK_KINDCOPY_H
#define PLANDESK_KINDCOPY_H

#include <string.h>

#include "plandesk/records/schema.h"

enum { KC_PRONOUNS = PD_PERSON_NFIELDS };

struct kindcopy {
	struct pd_field     fields[PD_MAX_FIELDS];
	struct pd_kind_info ki;
};

static inline const struct pd_kind_info *kindcopy_people(struct kindcopy *kc)
{
	const struct pd_kind_info *real = pd_kind_info(PD_PERSON);

	memset(kc, 0, sizeof *kc);
	memcpy(kc->fields, real->fields, (size_t)real->nfields * sizeof *kc->fields);
	kc->fields[KC_PRONOUNS] = (struct pd_field){
		.name = "pronouns", .tag = 25, .type = PD_T_TEXT, .ref = -1,
		.col = "pronouns", .label = "Pronouns", .widget = PD_W_TEXT,
		.form = 15, .card = 15, .search = PD_S_WORDS,
	};
	kc->ki = *real;
	kc->ki.fields = kc->fields;
	kc->ki.nfields = real->nfields + 1;
	return &kc->ki;
}

#endif
