/*
 * formats.c — the core's side of the document module (formats.h): which
 * formats it writes, and the table got through the store's loader.
 */
#include "plandesk/documents/formats.h"
#include "plandesk/store/store.h"

bool pd_format_in_module(enum pd_format f)
{
	return f == PD_FMT_DOCX || f == PD_FMT_ODT || f == PD_FMT_XLSX ||
	       f == PD_FMT_ICS;
}

int pd_formats_for(struct pd_store *st, enum pd_format fmt,
		   const struct pd_formats **out, struct pd_err *err)
{
	const struct pd_formats_loader *l = st ? pd_store_formats(st) : NULL;

	*out = NULL;
	if (!pd_format_in_module(fmt))
		return PD_OK;
	if (!l)
		return pd_err_set(err, PD_EMODULE, "no document module was given, "
				  "which writes %s", pd_format_name(fmt));
	pd_err_clear(err);
	if (!(*out = l->load(l->ctx, err)))
		return err && err->code ? err->code :
		       pd_err_set(err, PD_EMODULE, "%s", pd_strerror(PD_EMODULE));
	return PD_OK;
}
