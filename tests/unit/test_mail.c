/*
 * test_mail.c — the sender of a message in the shapes mailers write it
 * (mail.h), RFC 2047 both ways, and add_sender's three outcomes.
 */
#include "testdb.h"

#include "plandesk/transfer/mail.h"

TestSuite(mail);
TestSuite(sender, .init = tdb_setup, .fini = tdb_teardown);

/* "name <addr>" for message `m`, or "ERROR: msg". */
static const char *sender(const char *m)
{
	static char out[1024];
	struct pd_buf name = PD_BUF_INIT, addr = PD_BUF_INIT;
	struct pd_err err;

	if (pd_mail_sender(m, strlen(m), &name, &addr, &err) == PD_OK)
		snprintf(out, sizeof out, "%s <%s>", name.p, addr.p);
	else
		snprintf(out, sizeof out, "ERROR: %s", err.msg);
	pd_buf_free(&name);
	pd_buf_free(&addr);
	return out;
}

Test(mail, the_shapes_of_from)
{
	cr_assert_str_eq(sender("From: Kate Price <kate@fire.example.org>\n\nx"),
			 "Kate Price <kate@fire.example.org>");
	cr_assert_str_eq(sender("from:   \"Price, Kate\"   <kate@fire.example.org>\r\n\r\n"),
			 "Kate Price <kate@fire.example.org>");
	cr_assert_str_eq(sender("From: kate@fire.example.org (Kate Price)\n\n"),
			 "Kate Price <kate@fire.example.org>");
	cr_assert_str_eq(sender("From: <kate_price@fire.example.org>\n\n"),
			 "Kate Price <kate_price@fire.example.org>");
	cr_assert_str_eq(sender("From: \"O'Brien \\\"Siobh\xc3\xa1n\\\"\" <s@x.org>, b@y.org\n\n"),
			 "O'Brien \"Siobh\xc3\xa1n\" <s@x.org>");
	cr_assert_str_eq(sender("From: Team: Kate <k@x.org>, Dee <d@x.org>;\n\n"),
			 "Kate <k@x.org>");
	cr_assert_str_eq(sender("From sender Thu Oct  1 10:00:00 2009\nReceived: x\n\tfrom y\n"
				"FROM: =?utf-8?b?Wm/DqyBOw60=?=\n =?UTF-8?Q?_Bhriain?= <z@y.org>\n\n"),
			 "Zo\xc3\xab N\xc3\xad Bhriain <z@y.org>");
	cr_assert_str_eq(sender("From: Siobh\xe1n <s@x.org>\n\n"), "Siobh\xc3\xa1n <s@x.org>",
			 "raw Latin-1 is read as Windows-1252");
	cr_assert_str_eq(sender("From: \"=?windows-1252?Q?Children=92s_Centre?=\" <c@x.org>\n\n"),
			 "Children\xe2\x80\x99s Centre <c@x.org>", "encoded words inside quotes, as Outlook");
	cr_assert_str_eq(sender("From: <@relay.example:k@x.org>\n\n"), "K <k@x.org>");
}

Test(mail, what_is_not_a_sender)
{
	cr_assert_str_eq(sender("Subject: x\n\nFrom: a@b.org\n"),
			 "ERROR: the message has no From: header (is it an e-mail message?)");
	cr_assert_str_eq(sender(""), "ERROR: the message has no From: header (is it an e-mail message?)");
	cr_assert_str_eq(sender("From: Kate Price\n\n"),
			 "ERROR: the From: header has no e-mail address: \"Kate Price\"");
	cr_assert_str_eq(sender("From: <>\n\n"), "ERROR: the From: header has no e-mail address: \"<>\"");
	cr_assert_str_eq(sender("From: a@b@c.org\n\n"),
			 "ERROR: the From: header has no e-mail address: \"a@b@c.org\"");
}

Test(mail, decode_and_encode)
{
	struct pd_buf b = PD_BUF_INIT, h = PD_BUF_INIT;
	const char *s = "=?UTF-8?Q?a?=  =?UTF-8?Q?b?= c =?X-NOPE?Q?d?= =?UTF-8?B?w6k=?=";

	cr_assert_eq(pd_mail_decode(s, strlen(s), &b), PD_OK);
	cr_assert_str_eq(b.p, "ab c =?X-NOPE?Q?d?= \xc3\xa9");
	cr_assert_eq(pd_mail_address(&h, "To", "Zo\xc3\xab Ashworth", "z@x.org"), PD_OK);
	cr_assert_str_eq(h.p, "To: =?UTF-8?Q?Zo=C3=AB_Ashworth?= <z@x.org>\n");
	pd_buf_reset(&h);
	cr_assert_eq(pd_mail_address(&h, "To", "K. Corcoran", "k@x.org"), PD_OK);
	cr_assert_str_eq(h.p, "To: \"K. Corcoran\" <k@x.org>\n");
	pd_buf_reset(&h);
	cr_assert_eq(pd_mail_header(&h, "Subject", "plain words"), PD_OK);
	cr_assert_str_eq(h.p, "Subject: plain words\n");
	pd_buf_free(&b);
	pd_buf_free(&h);
}

Test(mail, long_headers_fold_and_decode_back)
{
	struct pd_buf h = PD_BUF_INIT, flat = PD_BUF_INIT, back = PD_BUF_INIT;
	const char *subj = "Your open actions: Children\xe2\x80\x99s Centre partnership "
			   "\xe2\x80\x94 Zo\xc3\xab, \xc5\x81ukasz and Siobh\xc3\xa1n (5, 2 overdue)";

	cr_assert_eq(pd_mail_header(&h, "Subject", subj), PD_OK);
	for (const char *l = h.p, *e; *l; l = e + 1) {
		cr_assert_not_null(e = strchr(l, '\n'));
		cr_assert_leq(e - l, 78, "a header line of %td columns", e - l);
	}
	for (size_t i = 9; i < h.n; i++)   /* unfold: the line breaks go */
		if (h.p[i] != '\n')
			pd_buf_putc(&flat, h.p[i]);
	cr_assert_eq(pd_mail_decode(flat.p, flat.n, &back), PD_OK);
	cr_assert_str_eq(back.p, subj);
	pd_buf_free(&h);
	pd_buf_free(&flat);
	pd_buf_free(&back);
}

Test(sender, added_updated_known)
{
	struct pd_record p;
	struct pd_buf stored = PD_BUF_INIT;
	enum pd_sender_result r;
	struct pd_err err;
	uint64_t id, kp;

	pd_record_init(&p, PD_PERSON);
	pd_set_text(&p, PD_PERSON_NAME, "Kath Pike", (size_t)-1);
	kp = tdb_put(&p);
	pd_record_clear(&p);

	cr_assert_eq(pd_add_sender(tdb.st, "Kath Pike", "kp@x.org", &r, &id, &stored, &err), PD_OK,
		     "%s", err.msg);
	cr_assert_eq(r, PD_SENDER_UPDATED, "the one Kath Pike with no address gets it");
	cr_assert_eq(id, kp);
	cr_assert_eq(pd_add_sender(tdb.st, "K. Pike (School)", "KP@X.ORG", &r, &id, &stored, &err),
		     PD_OK, "%s", err.msg);
	cr_assert_eq(r, PD_SENDER_KNOWN);
	cr_assert_str_eq(stored.p, "Kath Pike", "her name stays the officer's");
	cr_assert_eq(pd_add_sender(tdb.st, "Kath Pike", "kath.pike@y.org", &r, &id, &stored, &err),
		     PD_OK, "%s", err.msg);
	cr_assert_eq(r, PD_SENDER_ADDED, "she has an address: a second Kath Pike");
	cr_assert_neq(id, kp);
	cr_assert_eq(tdb_count(PD_PERSON), 2);
	cr_assert_eq(pd_add_sender(tdb.st, "", "x@y.org", &r, &id, NULL, &err), PD_EINVAL);
	pd_buf_free(&stored);
}
