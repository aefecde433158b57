/*
 * form_impl.h — what form.c (the view) and form_data.c (loading, checking
 * and saving values) share.
 */
#ifndef PLANDESK_UI_FORM_IMPL_H
#define PLANDESK_UI_FORM_IMPL_H

#include <stdbool.h>

#include "plandesk/records/record.h"
#include "plandesk/meetings/scale.h"
#include "app.h"
#include "lineedit.h"

struct ff {
	int                    field;
	const struct pd_field *fd;   /* its entry in the kind's table: the
					widget says how its text maps to the
					record (schema.h enum pd_widget) */
	bool                   required;
	char                   label[24];
	char                  *orig;     /* the text it started with */
	struct ui_lineedit     le;
};

struct form {
	struct view            base;
	enum pd_kind           kind;
	const struct pd_kind_info *ki;   /* its fields, places and widgets */
	uint64_t               id;       /* 0: a new record */
	struct pd_record       preset;
	uint64_t               plan;     /* for statuses, themes, parents */
	const struct pd_scale *sc;
	struct ff              f[PD_MAX_FIELDS];
	int                    nf;
	int                    cur;      /* focused field; nf is [ Save ] */
	int                    top;      /* first field shown */
	char                   title[192];
	char                   saved[256];  /* the label of the write */
};

/* Fill the fields of `fm` from its record or preset, in the order of their
 * places on the form (fm->ki).  0, or -1 (message shown). */
int form_load(struct form *fm, struct app *a);

/*
 * Check and save: on success the label goes to fm->saved and *new_id (when
 * a record was added) and 0 is returned; on failure a message is shown,
 * fm->cur moves to the field at fault and -1 is returned.
 */
int form_save(struct form *fm, struct app *a, uint64_t *new_id);

/* True when any field differs from what it started with. */
bool form_dirty(const struct form *fm);

#endif
