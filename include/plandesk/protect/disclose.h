/*
 * disclose.h — the disclosure record: an entry, kept in the database, for
 * every file that leaves it (an export, minutes, a report, a digest, a
 * backup, a subject access report) and for every purge, erasure and
 * legal hold.  An entry says when, which command (the client's begin
 * with ':'), what (its kind, plan, meeting and rows), the file's path and
 * format, how many confidential entries went into it or were left out,
 * the reason given (--reason), and the login that did it.
 *
 * Why a table of its own (`disclosures`, keyed by an 8-byte big-endian
 * number counting from 1): the undo journal restores records, and a
 * disclosure is no record — it happened, and taking back the change next
 * to it must not take it back too.  Entries are only ever added: nothing
 * in plandesk edits or removes one, undo and redo never see them, and a
 * compact backup carries them.
 *
 * "In the same write": an entry is written in one write transaction with
 * what it records.  A purge or an erasure is that write.  A file is
 * written whole to a temporary name and flushed first; then its entry is
 * committed; only then is the file given its name.  So a failure leaves
 * no file without its entry (at worst an entry of a file that could not
 * be renamed, which says so).  Output to standard output is recorded
 * before it is printed.
 *
 * A store opened read-only cannot record, so it discloses nothing: the
 * functions below fail with PD_EREADONLY before any file is written.
 */
#ifndef PLANDESK_DISCLOSE_H
#define PLANDESK_DISCLOSE_H

#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/documents/format.h"
#include "plandesk/records/records.h"

struct pd_disclosure {
	/* Filled when the entry is written (what is given is ignored). */
	uint64_t    seq;          /* its number, from 1 */
	int64_t     time;         /* seconds since the epoch (the write's) */
	const char *user;         /* the login name, or "uid N" */
	/* Filled by the caller. */
	const char *command;      /* "minutes", ":minutes", "export people",
				     "purge", … */
	const char *what;         /* "minutes", "progress report", "people",
				     "database", "plan", "person", … */
	const char *plan;         /* the plan's ref; NULL: none */
	const char *meeting;      /* the meeting's date (ISO); NULL: none */
	uint64_t    rows;         /* records in it or changed; 0: not counted */
	const char *path;         /* the file (made absolute when written);
				     NULL: standard output, or no file */
	const char *format;       /* "docx", "csv", "lmdb", "encrypted"…;
				     NULL: none (a purge) */
	uint64_t    conf_shown;   /* confidential entries in it */
	uint64_t    conf_left_out; /* confidential entries left out of it */
	const char *reason;       /* --reason TEXT; NULL: none given */
};

/*
 * Add entry `d` to the record inside the running write `txn` (from
 * pd_store_write; the write then commits even if nothing else changed).
 * d->seq, d->time and d->user are set in the entry, not in `d`.
 * Returns PD_OK; PD_EINVAL (a string holding a NUL or longer than 64 KiB);
 * PD_EREADONLY (not a write); PD_ENOMEM; PD_EDB.
 */
int pd_disclosure_put(struct pd_txn *txn, const struct pd_disclosure *d,
		      struct pd_err *err);

/*
 * Add entry `d` in a write of its own, which leaves no undo step (the
 * undo history is of changes to records).  For output about to go to
 * standard output, and events with no file.
 * Returns PD_OK, or pd_store_write's codes (PD_EREADONLY: "… cannot be
 * recorded …; nothing was written").
 */
int pd_disclosure_record(struct pd_store *st, const struct pd_disclosure *d,
			 struct pd_err *err);

/*
 * Disclose `n` bytes at `p`: with d->path, write them to a new temporary
 * file beside it (0600), flush it, record `d`, then rename it into place
 * (a device or a pipe is written in place, after the entry); without,
 * only record `d` (the caller then prints the bytes).
 * Returns PD_OK; PD_EREADONLY; PD_EINVAL (a path too long); PD_EIO
 * (cannot write or rename: nothing is left at the path, and err says
 * whether the entry was made); pd_store_write's codes.
 */
int pd_disclosure_save(struct pd_store *st, const struct pd_disclosure *d,
		       const void *p, size_t n, struct pd_err *err);

/* Called with each entry in order; anything but PD_OK stops the walk and
 * is returned.  The strings live until the call returns. */
typedef int (*pd_disclosure_fn)(void *ctx, const struct pd_disclosure *d);

/*
 * Every entry made at or after `since` (seconds since the epoch; 0: all),
 * oldest first, from one read transaction.
 * Returns PD_OK (also for none), PD_ECORRUPT (an entry that does not
 * decode: its number in err), PD_EDB, PD_ENOMEM, or fn's code.
 */
int pd_disclosure_each(struct pd_store *st, int64_t since, pd_disclosure_fn fn,
		       void *ctx, struct pd_err *err);

/* The same in read transaction `txn` (a view that holds one already). */
int pd_disclosure_each_txn(struct pd_txn *txn, int64_t since, pd_disclosure_fn fn,
			   void *ctx, struct pd_err *err);

/* How an entry's confidential counts read: "yes (2)", "no (1 left out)",
 * "none"; "" for an entry of no file (a purge, a hold).  Into buf (n
 * bytes). */
void pd_disclosure_conf_text(const struct pd_disclosure *d, char *buf, size_t n);

/*
 * The record from `since` (0: all) as a document: Markdown, text, HTML,
 * Word or OpenDocument (an entry a block, newest last), or CSV or a
 * spreadsheet (a row each), appended to `out`.  Times are local.
 * Returns PD_OK; PD_EINVAL (another format); the codes of
 * pd_disclosure_each; PD_EIO (the spreadsheet's or zip library).
 */
int pd_disclosure_log(struct pd_store *st, int64_t since, enum pd_format fmt,
		      struct pd_buf *out, struct pd_err *err);

#endif
