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

/* How a field's text maps to the record. */
enum ff_how {
	FF_TEXT,    /* text as typed */
	FF_LONG,    /* long text (Ctrl-O opens the editor) */
	FF_DATE,    /* a date in any pd_date_parse form, stored ISO */
	FF_STATUS,  /* a level of the plan's scale */
	FF_SCALE,   /* a scale name */
	FF_STATE,   /* open / done / dropped */
	FF_ORG,     /* an organisation by name */
	FF_THEME,   /* a theme of the plan by name (created if new) */
	FF_PARENT,  /* an item of the plan by ref */
	FF_OWNER,   /* owners as typed, matched to the directory */
	FF_TARGET,  /* text, and the target date when it reads as a date */
};

struct ff {
	int                field;
	enum ff_how        how;
	bool               required;
	char               label[24];
	char              *orig;     /* the text it started with */
	struct ui_lineedit le;
};

struct form {
	struct view            base;
	enum pd_kind           kind;
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

/* Fill the fields of `fm` from its record or preset.  0, or -1 (message shown). */
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
