/*
 * report_mail.h — the per-owner digest (report_mail.c), which writes the
 * actions report as e-mail messages, and the report's working data it is
 * handed (built by report_actions.c).  Not part of the API.
 */
#ifndef PLANDESK_REPORT_MAIL_H
#define PLANDESK_REPORT_MAIL_H

#include "report_impl.h"

struct entry {
	const struct pd_record *a;
	const struct rep_item  *it;
	bool                    overdue;
	bool                    shown;     /* listed under a kept owner */
	char                    raised[PD_DATE_ISO_SIZE];
	size_t                  seq;       /* plan order */
};

struct group {
	char            *name;     /* "Karen Proctor (KP)", "Schools" */
	char            *key;      /* folded name: sorting, merging text owners */
	struct pd_record person;   /* id 0 for a text owner or nobody */
	bool             nobody;
	struct entry   **e;        /* its entries */
	size_t           n, cap;
};

struct act {
	struct rep_plan              p;
	const struct pd_report_opts *o;
	const struct pd_formats     *fm;    /* the document module, or NULL */
	struct pd_txn               *txn;
	struct entry                *e;
	size_t                       ne;
	struct group                *g;
	size_t                       ng, gcap;
	size_t                       open, overdue;   /* of the entries shown */
	struct pd_buf                tmp;
};

/*
 * report_mail.c: each owner's actions as a message (PD_FMT_MAIL), appended
 * to `out`.  Returns PD_OK, PD_NOTFOUND (no owner has an address: no
 * message; err says so), PD_ENOMEM.
 */
int rep_actions_mail(struct act *x, struct pd_buf *out, struct pd_err *err);

#endif
