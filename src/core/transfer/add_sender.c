/*
 * add_sender.c — `add-email`: the sender of a message into the directory
 * (mail.h).  The address is the key, as in an import: someone who has it
 * already is left alone (their name is the officer's, not the mailer's);
 * the one person of that name with no address gets it; anyone else is
 * new.
 */
#include <string.h>

#include "plandesk/transfer/mail.h"
#include "plandesk/directory/people_match.h"

struct sender {
	const char           *name, *addr;
	enum pd_sender_result result;
	uint64_t              id;
	struct pd_buf        *stored;
};

static int write_sender(struct pd_txn *txn, void *ctx, struct pd_err *err)
{
	struct sender *s = ctx;
	struct pd_record p;
	uint64_t id = 0;
	int rc;

	pd_record_init(&p, PD_PERSON);
	rc = pd_find_person_email(txn, s->addr, &id);
	if (rc == PD_OK) {
		s->result = PD_SENDER_KNOWN;
		s->id = id;
		if ((rc = pd_get(txn, PD_PERSON, id, &p, err)) == PD_OK && s->stored &&
		    pd_buf_puts(s->stored, pd_get_text(&p, PD_PERSON_NAME)) != PD_OK)
			rc = pd_err_nomem(err);
		pd_record_clear(&p);
		return rc == PD_OK ? PD_EEMPTY : rc;   /* nothing to commit */
	}
	if (rc != PD_NOTFOUND)
		return pd_err_set(err, rc, "cannot look the address up: %s", pd_strerror(rc));
	/* the one person of this whole name, with no address yet */
	rc = pd_people_match(txn, s->name, strlen(s->name), NULL, 0, &id, NULL);
	if (rc == PD_OK && pd_get(txn, PD_PERSON, id, &p, err) == PD_OK &&
	    pd_person_match(&p, s->name, strlen(s->name)) == PD_MATCH_EXACT &&
	    !pd_is_set(&p, PD_PERSON_EMAIL)) {
		s->result = PD_SENDER_UPDATED;
	} else {
		pd_record_clear(&p);
		pd_record_init(&p, PD_PERSON);
		s->result = PD_SENDER_ADDED;
		if (pd_set_text(&p, PD_PERSON_NAME, s->name, (size_t)-1) != PD_OK) {
			pd_record_clear(&p);
			return pd_err_nomem(err);
		}
	}
	if (pd_set_text(&p, PD_PERSON_EMAIL, s->addr, (size_t)-1) != PD_OK)
		rc = pd_err_nomem(err);
	else
		rc = pd_put(txn, &p, err);
	s->id = p.id;
	if (rc == PD_OK && s->stored &&
	    pd_buf_puts(s->stored, pd_get_text(&p, PD_PERSON_NAME)) != PD_OK)
		rc = pd_err_nomem(err);
	pd_record_clear(&p);
	if (rc == PD_OK)
		pd_txn_set_label(txn, "add-email %s", s->addr);
	return rc;
}

int pd_add_sender(struct pd_store *st, const char *name, const char *addr,
		  enum pd_sender_result *result, uint64_t *id, struct pd_buf *stored,
		  struct pd_err *err)
{
	struct sender s = { name, addr, PD_SENDER_ADDED, 0, stored };
	int rc;

	if (!name || !*name || !addr || !*addr)
		return pd_err_set(err, PD_EINVAL, "a sender needs a name and an address");
	if (stored)
		pd_buf_reset(stored);
	rc = pd_store_write(st, "add-email", 0, write_sender, &s, err);
	if (rc == PD_EEMPTY && s.result == PD_SENDER_KNOWN)
		rc = PD_OK;
	if (rc == PD_OK) {
		*result = s.result;
		if (id)
			*id = s.id;
	}
	return rc;
}
