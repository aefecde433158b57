/*
 * report_mail.c — the actions report as one e-mail message per owner
 * (PD_FMT_MAIL, report.h): headers for `mutt -H -` or `sendmail -t`, then
 * the owner's open actions, overdue first, as plain text wrapped at 72
 * columns.  Several messages are written as an mbox.
 */
#include <stdio.h>
#include <string.h>

#include "plandesk/transfer/mail.h"
#include "plandesk/base/text.h"
#include "report_mail.h"

#define WRAP 72

/* Append `s` word-wrapped at WRAP columns; every line after the first
 * begins with `indent` spaces. */
static int wrap(struct pd_buf *b, const char *s, int col, int indent)
{
	while (*s) {
		size_t n = strcspn(s, " \n");
		int w = pd_utf8_width(s, n);
		if (col > indent && col + 1 + w > WRAP) {
			if (pd_buf_printf(b, "\n%*s", indent, "") != PD_OK)
				return PD_ENOMEM;
			col = indent;
		} else if (col > indent) {
			if (pd_buf_putc(b, ' ') != PD_OK)
				return PD_ENOMEM;
			col++;
		}
		/* a body line may not begin "From " in an mbox */
		if (col == 0 && n == 4 && !strncmp(s, "From", 4) && s[4] == ' ' &&
		    pd_buf_putc(b, '>') != PD_OK)
			return PD_ENOMEM;
		if (pd_buf_add(b, s, n) != PD_OK)
			return PD_ENOMEM;
		col += w;
		s += n;
		while (*s == ' ' || *s == '\n')
			s++;
	}
	return pd_buf_putc(b, '\n');
}

static const char *address(const struct group *g)
{
	return g->person.id ? pd_get_text(&g->person, PD_PERSON_EMAIL) : "";
}

static int entry(struct act *x, struct pd_buf *b, size_t k, const struct entry *e,
		 struct pd_buf *t)
{
	char due[PD_DATE_TEXT_SIZE], raised[PD_DATE_TEXT_SIZE];
	int rc;

	/* The dates in the style the report was asked for (long by default). */
	pd_date_text(pd_get_text(e->a, PD_ACTION_DUE), x->o->date_style, due);
	pd_date_text(e->raised, x->o->date_style, raised);
	if (pd_buf_printf(b, "%2zu. ", k + 1) != PD_OK)
		return PD_ENOMEM;
	if ((rc = wrap(b, pd_get_text(e->a, PD_ACTION_TEXT), 4, 4)) != PD_OK)
		return rc;
	pd_buf_reset(t);
	const char *title = pd_get_text(&e->it->r, PD_ITEM_TITLE);
	size_t tn = strlen(title);
	bool stop = tn && strchr(".!?", title[tn - 1]);

	if (pd_buf_printf(t, "Item %s: %s%s", pd_get_text(&e->it->r, PD_ITEM_REF),
			  title, stop ? "" : ".") != PD_OK ||
	    (*due && pd_buf_printf(t, " Due %s%s.", due, e->overdue ? " (OVERDUE)" : "") != PD_OK) ||
	    (!*due && pd_buf_puts(t, " No due date.") != PD_OK) ||
	    (*raised && pd_buf_printf(t, " Raised at the meeting of %s.", raised) != PD_OK))
		return PD_ENOMEM;
	if (pd_buf_puts(b, "    ") != PD_OK || (rc = wrap(b, t->p, 4, 4)) != PD_OK)
		return rc;
	return pd_buf_putc(b, '\n');
}

static int message(struct act *x, struct pd_buf *b, const struct group *g, bool mbox,
		   struct pd_buf *t)
{
	char today[PD_DATE_LONG_SIZE], limit[PD_DATE_LONG_SIZE];
	size_t overdue = 0;
	int rc;

	for (size_t k = 0; k < g->n; k++)
		overdue += g->e[k]->overdue;
	pd_date_long(&x->p.today, today, sizeof today);
	/* an mbox separator, its date as ctime(3) writes it */
	if (mbox) {
		static const char *const wd[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
		static const char *const mo[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
						  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
		long days = pd_date_days(&x->p.today);
		if (pd_buf_printf(b, "From plandesk %s %s %2d 00:00:00 %04d\n",
				  wd[((days % 7) + 7) % 7], mo[(x->p.today.m - 1) % 12],
				  x->p.today.d, x->p.today.y) != PD_OK)
			return PD_ENOMEM;
	}
	pd_buf_reset(t);
	if (pd_buf_printf(t, "Your open actions: %s (%zu%s", pd_get_text(&x->p.plan, PD_PLAN_TITLE),
			  g->n, overdue ? ", " : ")") != PD_OK ||
	    (overdue && pd_buf_printf(t, "%zu overdue)", overdue) != PD_OK))
		return PD_ENOMEM;
	if (pd_mail_address(b, "To", pd_get_text(&g->person, PD_PERSON_NAME),
			    address(g)) != PD_OK ||
	    pd_mail_header(b, "Subject", t->p) != PD_OK ||
	    pd_buf_puts(b, "MIME-Version: 1.0\n"
			"Content-Type: text/plain; charset=UTF-8\n"
			"Content-Transfer-Encoding: 8bit\n\n") != PD_OK)
		return PD_ENOMEM;
	pd_buf_reset(t);
	if (pd_buf_printf(t, "Dear %s,", pd_get_text(&g->person, PD_PERSON_NAME)) != PD_OK ||
	    (rc = wrap(b, t->p, 0, 0)) != PD_OK || pd_buf_putc(b, '\n') != PD_OK)
		return PD_ENOMEM;
	pd_buf_reset(t);
	if (pd_buf_printf(t, "These are your open actions from %s (plan %s) as at %s",
			  pd_get_text(&x->p.plan, PD_PLAN_TITLE),
			  pd_get_text(&x->p.plan, PD_PLAN_REF), today) != PD_OK)
		return PD_ENOMEM;
	if (x->o->due_limit) {
		struct pd_date d = x->p.today;
		pd_date_add_days(&d, x->o->due_within);
		pd_date_long(&d, limit, sizeof limit);
		if (pd_buf_printf(t, ", those due by %s", limit) != PD_OK)
			return PD_ENOMEM;
	}
	if (pd_buf_printf(t, "%s", overdue ? "; the overdue ones come first:" : ":") != PD_OK ||
	    (rc = wrap(b, t->p, 0, 0)) != PD_OK || pd_buf_putc(b, '\n') != PD_OK)
		return PD_ENOMEM;
	for (size_t k = 0; k < g->n; k++)
		if ((rc = entry(x, b, k, g->e[k], t)) != PD_OK)
			return rc;
	return wrap(b, "Please reply with any progress, or if one of these should go "
		    "to someone else.", 0, 0);
}

int rep_actions_mail(struct act *x, struct pd_buf *out, struct pd_err *err)
{
	struct pd_buf t = PD_BUF_INIT;
	size_t sendable = 0, written = 0;
	int rc = PD_OK;

	for (size_t gi = 0; gi < x->ng; gi++)
		sendable += *address(&x->g[gi]) != '\0';
	for (size_t gi = 0; gi < x->ng && rc == PD_OK; gi++) {
		const struct group *g = &x->g[gi];
		if (!*address(g)) {
			pd_buf_reset(&t);
			if (x->o->warn && pd_buf_printf(&t, "%s: no e-mail address in the "
							"directory (%zu action%s); no message",
							g->name, g->n, g->n == 1 ? "" : "s") == PD_OK)
				x->o->warn(x->o->warn_ctx, t.p);
			continue;
		}
		if (written && pd_buf_putc(out, '\n') != PD_OK)
			rc = PD_ENOMEM;
		else if ((rc = message(x, out, g, sendable > 1, &t)) == PD_OK)
			written++;
	}
	pd_buf_free(&t);
	if (rc == PD_ENOMEM)
		return pd_err_nomem(err);
	if (rc == PD_OK && !written)
		return pd_err_set(err, PD_NOTFOUND, x->ng ?
				  "no owner of these open actions has an e-mail "
				  "address in the directory: no message" :
				  "no open actions%s: no message",
				  x->o->due_limit ? " due so soon" : "");
	return rc;
}
