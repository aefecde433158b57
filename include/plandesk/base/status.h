/*
 * status.h — status codes and error messages shared by every core module.
 *
 * Every core function returns one of the PD_* codes below.  Functions that
 * can fail for a reason worth telling the user also take a `struct pd_err *`
 * (which may be NULL): on failure they fill it with the code and a message
 * in plain words that the caller shows.  Core never prints, never exits.
 */
#ifndef PLANDESK_STATUS_H
#define PLANDESK_STATUS_H

#include <stddef.h>

enum pd_status {
	PD_OK = 0,
	PD_NOTFOUND,   /* no such record, key or match (not an error in itself) */
	PD_EINVAL,     /* bad argument or a required field missing */
	PD_ECONFLICT,  /* a unique key (plan ref, org name, …) is already taken */
	PD_ECORRUPT,   /* a stored value or index entry does not decode */
	PD_ESCHEMA,    /* the database was written by a newer plandesk */
	PD_EIO,        /* the operating system refused (errno in the message) */
	PD_ENOMEM,     /* out of memory */
	PD_EDB,        /* any other LMDB failure */
	PD_EPARSE,     /* malformed input: CSV, a date, a query */
	PD_EREADONLY,  /* the database was opened read-only */
	PD_EMAPFULL,   /* the map is full; pd_store_write grows it and retries */
	PD_EEMPTY,     /* nothing to do (undo with an empty history, …) */
	PD_EMODULE,    /* the document module (plandesk-formats.so) is missing
			  or of another version: docx, odt, xlsx and ics
			  cannot be written (documents/formats.h) */
	PD_NSTATUS
};

#define PD_ERR_MSG 512

struct pd_err {
	int  code;
	char msg[PD_ERR_MSG];
};

/* A short generic description of `code`, for when no pd_err was filled. */
const char *pd_strerror(int code);

/*
 * Fill `err` (if not NULL) with `code` and a printf-style message; return
 * `code` so callers can write `return pd_err_set(err, PD_EINVAL, "...")`.
 */
int pd_err_set(struct pd_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Fill `err` (if not NULL) with PD_ENOMEM and "out of memory": the one
 * out-of-memory message.  Returns PD_ENOMEM, so callers write
 * `return pd_err_nomem(err);`.
 */
int pd_err_nomem(struct pd_err *err);

/* Reset `err` to PD_OK with an empty message.  NULL is allowed. */
void pd_err_clear(struct pd_err *err);

/*
 * Prefix the message already in `err` with a printf-style context, e.g.
 * "people.csv:12:3: " in front of "not a valid date".  Returns err->code.
 */
int pd_err_prefix(struct pd_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
