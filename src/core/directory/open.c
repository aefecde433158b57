/*
 * open.c — the store opened with the providers of what a record derives
 * (records/derived.h) and an older schema upgraded: the one place the
 * record layer's indexes and this module's search entries meet.
 */
#include "plandesk/directory/open.h"
#include "records/index.h"
#include "search_entries.h"
#include "store/store_impl.h"
#include "upgrade.h"

/* What every record derives, in this order (pd_derived_entries). */
static const struct pd_derived_ops *const derived[] = {
	&pd_index_derived,
	&pd_search_derived,
	NULL,
};

int pd_store_open(const char *path, const struct pd_open_opts *opts,
		  struct pd_store **out, struct pd_err *err)
{
	uint64_t schema;
	int rc = pd_store_open_env(path, opts, derived, &schema, out, err);

	if (rc != PD_OK)
		return rc;
	/* Read-only, a schema-4 file is searched and checked without the
	 * shadowed keys it lacks (search_terms.h), and a file before 6 with
	 * its cards of the fixed layout (card.h); else they are derived. */
	(*out)->has_shadow = schema == 0 || schema >= 5 || !pd_store_is_read_only(*out);
	(*out)->cards_packed = schema == 0 || schema >= 6 || !pd_store_is_read_only(*out);
	/* An older schema lacks derived entries (upgrade.h): derive them
	 * once; read-only, the store does without them. */
	if (schema && schema < PD_SCHEMA_VERSION && !pd_store_is_read_only(*out) &&
	    (rc = pd_store_write(*out, "upgrade the database", PD_W_NO_JOURNAL,
				 pd_store_upgrade, &schema, err)) != PD_OK) {
		pd_store_close(*out);
		*out = NULL;
	}
	return rc;
}
