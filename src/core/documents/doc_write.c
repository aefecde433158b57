/*
 * doc_write.c — a finished document model handed to the writer of its
 * format (pd_dm_write, docmodel.h): above the model (docmodel.c) and the
 * writers (doc_md.c, doc_txt.c, doc_html.c; Word and OpenDocument through
 * the document module's table, formats.h), which all build on the model.
 */
#include "docmodel_impl.h"
#include "plandesk/documents/formats.h"

int pd_dm_write(const struct pd_dm *dm, enum pd_format fmt,
		const struct pd_formats *fm, struct pd_buf *out, struct pd_err *err)
{
	int rc;

	if (dm->rc)
		return pd_err_set(err, dm->rc == PD_ENOMEM ? PD_ENOMEM : PD_EINVAL,
				  "the document could not be built: %s", pd_strerror(dm->rc));
	switch (fmt) {
	case PD_FMT_MD:   rc = pd_dm_write_md(dm, out); break;
	case PD_FMT_TXT:  rc = pd_dm_write_txt(dm, out); break;
	case PD_FMT_HTML: rc = pd_dm_write_html(dm, out); break;
	case PD_FMT_DOCX:
	case PD_FMT_ODT:
		if (!fm)
			return pd_err_set(err, PD_EMODULE, "cannot write %s: no document "
					  "module was given", pd_format_name(fmt));
		return fmt == PD_FMT_DOCX ? fm->write_docx(dm, out, err) :
		       fm->write_odt(dm, out, err);
	default:
		return pd_err_set(err, PD_EINVAL, "a document is not written as %s",
				  pd_format_name(fmt));
	}
	return rc == PD_OK ? PD_OK : pd_err_nomem(err);
}
