/*
 * minutes_impl.h — what the minutes say, gathered from the store by
 * minutes.c and laid out as a document (docmodel.h) by minutes_doc.c.
 * Not part of the API.
 */
#ifndef PLANDESK_MINUTES_IMPL_H
#define PLANDESK_MINUTES_IMPL_H

#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "plandesk/documents/confidential.h"
#include "plandesk/documents/docmodel.h"
#include "plandesk/documents/minutes.h"

/* A list of malloc'd strings, each with its role (PD_DM_DONE, …). */
struct mn_list {
	char     **s;
	unsigned  *role;
	size_t     n, cap;
};

struct mn_item {
	char          *heading;    /* "2. Who's who directory" */
	char          *lead;       /* NULL when unset */
	char          *status;     /* "2 – On track", NULL when none given */
	enum pd_status_kind kind;  /* what the status means (the cell's shade) */
	struct mn_list required;   /* agreed actions */
	struct mn_list progress;   /* notes, then "✓ … — done <date>" */
	struct mn_list todo;       /* to do by next meeting */
};

/* One open action in the list by person. */
struct mn_entry {
	char *item;   /* the item's ref */
	char *text;   /* the action as written, with notes on dates */
	char *due;    /* the date in the document's style, or NULL */
};

struct mn_group {
	char            *name;   /* "Kath Pike (KP)", the owner as typed, or
				    "No owner" (sorted last) */
	char            *key;    /* what groups are sorted and merged by */
	struct mn_entry *e;
	size_t           n, cap;
};

struct mn_doc {
	char            *plan;       /* "Cluster 3 partnership plan (C3P)" */
	char            *partnership; /* the plan's partnership, NULL when unset */
	char            *title;      /* the meeting's title, NULL when unset */
	char            *location;   /* NULL when unset */
	enum pd_date_style style;   /* how every date is written */
	struct pd_date   when;      /* the meeting's date */
	char             date[PD_DATE_TEXT_SIZE];
	char             next[PD_DATE_TEXT_SIZE];   /* "" when unset */
	struct mn_list   present, apologies;
	struct mn_item  *items;
	size_t           nitems;
	struct mn_group *groups;
	size_t           ngroups;
	bool             confidential;  /* show confidential entries, marked */
	struct pd_conf_count conf;      /* those left out, or shown */
};

/* Gather the minutes of `meeting` as `opts` say (NULL: every date long,
 * no confidential entry).  PD_OK, PD_NOTFOUND, PD_ECORRUPT, PD_EDB,
 * PD_ENOMEM (err filled). */
int  mn_build(struct pd_txn *txn, uint64_t meeting,
	      const struct pd_minutes_opts *opts, struct mn_doc *doc,
	      struct pd_err *err);
void mn_free(struct mn_doc *doc);

/* The head: plan, partnership, title, dates, place, who came (minutes_
 * head.c).  PD_OK, PD_NOTFOUND, PD_ECORRUPT, PD_EDB, PD_ENOMEM. */
int  mn_head(struct pd_txn *txn, const struct pd_record *m, struct mn_doc *doc,
	     struct pd_err *err);

/* A malloc'd copy of text field `f`, NULL when unset. */
char *mn_dup_field(const struct pd_record *r, int f);

/* A stored date in the document's style (the text as stored if it is
 * not a date). */
void mn_doc_date(const struct mn_doc *doc, const char *iso,
		 char out[PD_DATE_TEXT_SIZE]);

/* Append a copy of `s` (n bytes, or strlen when n is (size_t)-1) with
 * role `role`.  PD_OK or PD_ENOMEM. */
int  mn_list_add(struct mn_list *l, const char *s, size_t n, unsigned role);

/* Lay the minutes out in `dm` (initialised).  Returns dm->rc. */
int  mn_layout(const struct mn_doc *doc, struct pd_dm *dm);

#endif
