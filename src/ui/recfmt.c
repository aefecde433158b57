/*
 * recfmt.c — records as people read them (recfmt.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "plandesk/base/text.h"
#include "plandesk/documents/confidential.h"
#include "draw.h"
#include "recfmt.h"

void ui_first_line(const char *s, char *buf, size_t n)
{
	size_t len = strcspn(s, "\r\n");

	if (n == 0)
		return;
	if (len >= n)
		len = pd_utf8_fit(s, n - 1, (int)n, NULL);
	memcpy(buf, s, len);
	buf[len] = '\0';
}

const char *ui_conf_mark(const struct pd_record *r)
{
	return pd_record_confidential(r) ? PD_CONF_MARK : "";
}

void ui_rec_line(const struct pd_record *r, int f, char *buf, size_t n)
{
	size_t m = strlen(ui_conf_mark(r));

	if (n <= m) {
		ui_first_line(pd_get_text(r, f), buf, n);
		return;
	}
	memcpy(buf, ui_conf_mark(r), m);
	ui_first_line(pd_get_text(r, f), buf + m, n - m);
}

void ui_first_sentence(const char *s, char *buf, size_t n)
{
	const char *end = strstr(s, ". ");

	ui_first_line(s, buf, n);
	if (end && (size_t)(end - s) < strlen(buf))
		buf[end - s] = '\0';
}

void ui_rec_title(const struct pd_record *r, char *buf, size_t n)
{
	char line[256];

	switch (r->kind) {
	case PD_PLAN:
		snprintf(buf, n, "%s %s", pd_get_text(r, PD_PLAN_REF),
			 pd_get_text(r, PD_PLAN_TITLE));
		break;
	case PD_ITEM:
		ui_first_line(pd_get_text(r, PD_ITEM_TITLE), line, sizeof line);
		snprintf(buf, n, "%s %s", pd_get_text(r, PD_ITEM_REF), line);
		break;
	case PD_MEETING:
		snprintf(buf, n, "%s%s%s", pd_get_text(r, PD_MEETING_DATE),
			 pd_is_set(r, PD_MEETING_TITLE) ? " " : "",
			 pd_get_text(r, PD_MEETING_TITLE));
		break;
	default:
		ui_first_line(pd_get_text(r, pd_kind_info(r->kind)->title), buf, n);
		break;
	}
}

int ui_rec_name(struct pd_txn *txn, int kind, uint64_t id, char *buf, size_t n)
{
	struct pd_record r;
	int rc;

	pd_record_init(&r, (enum pd_kind)kind);
	rc = id ? pd_get(txn, (enum pd_kind)kind, id, &r, NULL) : PD_NOTFOUND;
	if (rc == PD_OK)
		ui_rec_title(&r, buf, n);
	else
		snprintf(buf, n, "%s", kind == PD_PERSON || kind == PD_ORG
			 ? "(no longer in the directory)" : "(gone)");
	pd_record_clear(&r);
	return rc == PD_OK ? PD_OK : PD_NOTFOUND;
}

void ui_rec_label(const char *verb, const struct pd_record *r, char *buf,
		  size_t n)
{
	char title[256], cut[128];

	ui_rec_title(r, title, sizeof title);
	ui_ellipsize(title, 32, false, cut, sizeof cut);
	snprintf(buf, n, "%s %s “%s”", verb, pd_kind_info(r->kind)->label, cut);
}

void ui_action_owner(struct pd_txn *txn, const struct pd_record *a, char *buf,
		     size_t n)
{
	size_t used = 0, count = pd_refs_count(a, PD_ACTION_OWNERS);

	if (n == 0)
		return;
	buf[0] = '\0';
	if (pd_is_set(a, PD_ACTION_OWNER)) {
		snprintf(buf, n, "%s", pd_get_text(a, PD_ACTION_OWNER));
		return;
	}
	for (size_t i = 0; i < count && used + 1 < n; i++) {
		char name[128];
		int w;

		ui_rec_name(txn, PD_PERSON, pd_refs_at(a, PD_ACTION_OWNERS, i), name,
			    sizeof name);
		w = snprintf(buf + used, n - used, "%s%s", i ? "; " : "", name);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	if (used >= n)
		buf[n - 1] = '\0';
}

void ui_scale_hints(const struct pd_scale *sc, const char *key_prefix, bool none,
		    char *buf, size_t n)
{
	size_t used = 0;

	if (n)
		buf[0] = '\0';
	for (int k = 0; k < sc->nlevels && k < 9 && used < n; k++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s%d %s", k ? "  " : "",
					 key_prefix, k + 1, sc->levels[k].label);
	if (none && used < n)
		snprintf(buf + used, n - used, "  %s0 none", key_prefix);
}
