/*
 * subject_impl.h — finding a name as a word, shared by the walk of
 * mentions (subject.c) and erasure (erase.c).  Internal to core.
 */
#ifndef PLANDESK_SUBJECT_IMPL_H
#define PLANDESK_SUBJECT_IMPL_H

#include <stdbool.h>

#include "plandesk/protect/subject.h"

/* The first place `w` is in `hay` as a whole word (in any case when
 * `icase`), or NULL. */
const char *pd_subj_word(const char *hay, const char *w, bool icase);

/* True when `text` names `s`: their whole name in any case, or their
 * initials as written. */
bool pd_subj_named(const struct pd_subject *s, const char *text);

#endif
