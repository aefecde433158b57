/*
 * minutes_impl.h — the minutes as a small document model, built from the
 * store by minutes.c and written out by minutes_md.c, minutes_txt.c and
 * minutes_html.c.  Not part of the API.
 */
#ifndef PLANDESK_MINUTES_IMPL_H
#define PLANDESK_MINUTES_IMPL_H

#include "plandesk/buf.h"
#include "plandesk/date.h"
#include "plandesk/minutes.h"

/* A list of malloc'd strings. */
struct mn_list {
	char  **s;
	size_t  n, cap;
};

struct mn_item {
	char          *heading;    /* "2. Who's who directory" */
	char          *lead;       /* NULL when unset */
	char          *status;     /* "2 – On track", NULL when none given */
	struct mn_list required;   /* agreed actions */
	struct mn_list progress;   /* notes, then "Done: …" */
	struct mn_list todo;       /* to do by next meeting */
};

/* One open action in the list by person. */
struct mn_entry {
	char *item;   /* the item's ref */
	char *text;   /* the action as written, with notes on dates */
	char *due;    /* long date, or NULL */
};

struct mn_group {
	char            *name;   /* "Kath Pike (KP)", or the owner as typed */
	char            *key;    /* what groups are sorted and merged by */
	struct mn_entry *e;
	size_t           n, cap;
};

struct mn_doc {
	char            *plan;       /* "Cluster 3 partnership plan (C3P)" */
	char            *title;      /* the meeting's title, NULL when unset */
	char            *location;   /* NULL when unset */
	char             date[PD_DATE_LONG_SIZE];
	char             next[PD_DATE_LONG_SIZE];   /* "" when unset */
	struct mn_list   present, apologies;
	struct mn_item  *items;
	size_t           nitems;
	struct mn_group *groups;
	size_t           ngroups;
};

int  mn_build(struct pd_txn *txn, uint64_t meeting, struct mn_doc *doc,
	      struct pd_err *err);
void mn_free(struct mn_doc *doc);

/* Append a copy of `s` (n bytes, or strlen when n is (size_t)-1). */
int  mn_list_add(struct mn_list *l, const char *s, size_t n);

/* Writers: PD_OK or PD_ENOMEM. */
int  mn_write_md(const struct mn_doc *doc, struct pd_buf *out);
int  mn_write_txt(const struct mn_doc *doc, struct pd_buf *out);
int  mn_write_html(const struct mn_doc *doc, struct pd_buf *out);

#endif
