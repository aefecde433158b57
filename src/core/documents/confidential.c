/*
 * confidential.c — confidential entries in documents (confidential.h).
 */
#include <stdio.h>
#include <string.h>

#include "plandesk/documents/confidential.h"
#include "plandesk/base/buf.h"

int pd_conf_mark(struct pd_record *r)
{
	int f = pd_kind_info(r->kind)->title;
	struct pd_buf b = PD_BUF_INIT;
	int rc;

	rc = pd_buf_printf(&b, PD_CONF_MARK "%s", pd_get_text(r, f));
	if (rc == PD_OK)
		rc = pd_set_text(r, f, b.p, b.n);
	pd_buf_free(&b);
	return rc == PD_OK ? PD_OK : PD_ENOMEM;
}

int pd_conf_screen(struct pd_record *v, size_t *n, bool include,
		   struct pd_conf_count *c)
{
	size_t kept = 0;

	for (size_t i = 0; i < *n; i++) {
		if (!pd_record_confidential(&v[i])) {
			v[kept++] = v[i];
		} else if (include) {
			if (pd_conf_mark(&v[i]) != PD_OK) {
				/* Keep the rest where rep_free and pd_recs_free
				 * find them. */
				memmove(&v[kept], &v[i], (*n - i) * sizeof *v);
				*n = kept + (*n - i);
				return PD_ENOMEM;
			}
			c->shown++;
			v[kept++] = v[i];
		} else {
			pd_record_clear(&v[i]);
			c->left_out++;
		}
	}
	*n = kept;
	return PD_OK;
}

void pd_conf_sentence(const struct pd_conf_count *c, char *buf, size_t n)
{
	if (c->left_out)
		snprintf(buf, n, "%zu confidential %s not shown.", c->left_out,
			 c->left_out == 1 ? "entry" : "entries");
	else if (c->shown)
		snprintf(buf, n, "Includes %zu confidential %s, each marked "
			 "CONFIDENTIAL.", c->shown, c->shown == 1 ? "entry" : "entries");
	else if (n)
		buf[0] = '\0';
}

int pd_conf_note(struct pd_dm *dm, const struct pd_conf_count *c)
{
	char s[128];

	pd_conf_sentence(c, s, sizeof s);
	if (s[0])
		pd_dm_para(dm, c->left_out ? PD_DM_NOTE : PD_DM_FLAG, s);
	return dm->rc;
}
