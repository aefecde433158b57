/* status.c — status codes and the error message buffer. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "plandesk/base/status.h"

static const char *const messages[PD_NSTATUS] = {
	[PD_OK]        = "success",
	[PD_NOTFOUND]  = "not found",
	[PD_EINVAL]    = "invalid argument",
	[PD_ECONFLICT] = "conflicts with an existing record",
	[PD_ECORRUPT]  = "corrupt record or index",
	[PD_ESCHEMA]   = "database written by a newer plandesk",
	[PD_EIO]       = "input/output error",
	[PD_ENOMEM]    = "out of memory",
	[PD_EDB]       = "database error",
	[PD_EPARSE]    = "malformed input",
	[PD_EREADONLY] = "database is read-only",
	[PD_EMAPFULL]  = "database map is full",
	[PD_EEMPTY]    = "nothing to do",
	[PD_EMODULE]   = "the document module is not available",
};

const char *pd_strerror(int code)
{
	if (code < 0 || code >= PD_NSTATUS || !messages[code])
		return "unknown error";
	return messages[code];
}

int pd_err_set(struct pd_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return code;
}

int pd_err_nomem(struct pd_err *err)
{
	return pd_err_set(err, PD_ENOMEM, "%s", messages[PD_ENOMEM]);
}

void pd_err_clear(struct pd_err *err)
{
	if (!err)
		return;
	err->code = PD_OK;
	err->msg[0] = '\0';
}

int pd_err_prefix(struct pd_err *err, const char *fmt, ...)
{
	char head[PD_ERR_MSG], tail[PD_ERR_MSG];
	va_list ap;

	if (!err)
		return PD_EINVAL;
	if (!err->msg[0])
		snprintf(err->msg, sizeof err->msg, "%s", pd_strerror(err->code));
	memcpy(tail, err->msg, sizeof tail);
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	/* Truncation is fine here: the message is cut, never overrun. */
	{
		size_t hn = strlen(head), tn = strlen(tail);
		if (hn > sizeof err->msg - 1)
			hn = sizeof err->msg - 1;
		if (tn > sizeof err->msg - 1 - hn)
			tn = sizeof err->msg - 1 - hn;
		memcpy(err->msg, head, hn);
		memcpy(err->msg + hn, tail, tn);
		err->msg[hn + tn] = '\0';
	}
	return err->code;
}
