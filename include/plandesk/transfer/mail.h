/*
 * mail.h — the little of Internet mail plandesk needs: who sent a message
 * (for `add-email`, abook's --add-email, run from mutt's pipe-message),
 * and headers for the digests it writes for `mutt -H -` or `sendmail -t`.
 * plandesk never sends mail itself.
 *
 * Reading (RFC 5322, RFC 2047): the header block ends at the first empty
 * line; a leading mbox "From " line is skipped; folded lines (a line
 * beginning with a space or tab) are unfolded.  The first From: names
 * the sender: `Name <addr>`, `"Name" <addr>`, `addr (Name)`, `addr` and
 * `<addr>`, with comments, quoted pairs and a group name allowed, and the
 * first mailbox taken when there are several.  Encoded words
 * (=?charset?Q?…?= and =?charset?B?…?=) are decoded through iconv, also
 * inside quotes as Outlook writes them; raw 8-bit text is taken as UTF-8,
 * or Windows-1252 when it is not.  "Price, Kate" becomes "Kate Price";
 * with no name at all, "kate.price@…" gives "Kate Price".
 */
#ifndef PLANDESK_MAIL_H
#define PLANDESK_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/status.h"
#include "plandesk/records/records.h"

/** @brief The sender of a message: name and address from its From:.
 *
 * @param[in] msg The message (at least its header block).
 * @param[in] n Its length in bytes.
 * @param[out] name Receives the display name, UTF-8, decoded, white space
 *	collapsed (replaced; never empty on success).
 * @param[out] addr Receives the address (replaced).
 * @param[out] err Receives a message on failure.  May be NULL.
 * @return A PD_* status code:
 *	<ul>
 *	<li>PD_OK - `name` and `addr` are set.
 *	<li>PD_NOTFOUND - the message has no From: header.
 *	<li>PD_EPARSE - its From: holds no address ("local@domain").
 *	<li>PD_ENOMEM - out of memory.
 *	</ul>
 */
int pd_mail_sender(const char *msg, size_t n, struct pd_buf *name,
		   struct pd_buf *addr, struct pd_err *err);

/** @brief Decode the encoded words (RFC 2047) of a header's text.
 *
 * White space between two encoded words goes; an encoded word whose
 * charset iconv does not know, or that does not decode, is kept as it
 * is.  Bytes outside encoded words that are not UTF-8 are read as
 * Windows-1252.
 *
 * @param[in] s The text.
 * @param[in] n Its length.
 * @param[out] out Receives the UTF-8 text (appended).
 * @return PD_OK or PD_ENOMEM.
 */
int pd_mail_decode(const char *s, size_t n, struct pd_buf *out);

/** @brief Append a header field "Name: value", the value encoded (RFC
 * 2047, UTF-8, Q) when it is not plain ASCII, and folded so that no line
 * passes 78 characters; lines end with "\n".
 *
 * @param[out] out Receives the header (appended).
 * @param[in] field The field name ("Subject").
 * @param[in] value The text, UTF-8.
 * @return PD_OK or PD_ENOMEM.
 */
int pd_mail_header(struct pd_buf *out, const char *field, const char *value);

/** @brief Append a header field naming one mailbox: "To: Name <addr>",
 * the name quoted or encoded as it needs.
 * @return PD_OK or PD_ENOMEM. */
int pd_mail_address(struct pd_buf *out, const char *field, const char *name,
		    const char *addr);

/** What pd_add_sender() did. */
enum pd_sender_result {
	PD_SENDER_ADDED,	/* a new person */
	PD_SENDER_UPDATED,	/* the one person of that name with no e-mail
				   address now has this one */
	PD_SENDER_KNOWN,	/* someone has this address already: unchanged */
};

/** @brief Add the sender of a message to the directory, or update them.
 *
 * A person with the address already (compared as the store's unique key
 * is: case and accents ignored) is left as they are.  Otherwise the one
 * person whose whole name is `name` and who has no e-mail address gets
 * this one; otherwise a new person is added.  One write ("add-email").
 *
 * @param[in] st The store.
 * @param[in] name The sender's name.
 * @param[in] addr Their address.
 * @param[out] result Receives what was done.
 * @param[out] id Receives the person's id.  May be NULL.
 * @param[out] stored Receives the person's name as stored (replaced; the
 *	known person's own name).  May be NULL.
 * @param[out] err Receives a message on failure.  May be NULL.
 * @return PD_OK; PD_EINVAL (an empty name or address); PD_EREADONLY;
 *	PD_EDB; PD_EIO; PD_ENOMEM.
 */
int pd_add_sender(struct pd_store *st, const char *name, const char *addr,
		  enum pd_sender_result *result, uint64_t *id, struct pd_buf *stored,
		  struct pd_err *err);

#endif
