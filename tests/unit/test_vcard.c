/*
 * test_vcard.c — the vCard reader and writer (vcard.h) piece by piece:
 * unfolding, parameters, quoted-printable with soft breaks, charsets,
 * escapes, structure errors with their lines, a photo stepped over; the
 * writer's folding; and the people import on top: an upsert by address,
 * a broken file writing nothing.
 */
#include "testdb.h"

#include "plandesk/base/text.h"
#include "plandesk/transfer/transfer.h"
#include "plandesk/transfer/vcard.h"

TestSuite(vcard);
TestSuite(vcard_import, .init = tdb_setup, .fini = tdb_teardown);

/* Read `text` to the end; the properties' "NAME=value" (unescaped, types
 * as hex) joined by '|' go into out; returns the last status. */
static int read_all(const char *text, size_t n, struct pd_buf *out, struct pd_err *err)
{
	struct pd_vcard_reader *r;
	struct pd_vcard_prop p;
	int rc;

	cr_assert_eq(pd_vcard_open_mem(text, n, NULL, &r, err), PD_OK);
	pd_buf_reset(out);
	while ((rc = pd_vcard_next(r, &p, err)) == PD_OK) {
		if (p.event == PD_VCARD_BEGIN)
			pd_buf_printf(out, "[%lu|", p.line);
		else if (p.event == PD_VCARD_END)
			pd_buf_puts(out, "]");
		else {
			pd_buf_printf(out, "%s:%x:%lu=", p.name, p.types, p.line);
			if (p.skipped)
				pd_buf_puts(out, "(skipped)");
			else
				pd_vcard_text(&p, PD_VCARD_WHOLE, out);
			pd_buf_puts(out, "|");
		}
	}
	pd_vcard_close(r);
	return rc;
}

#define S(lit) lit, sizeof lit - 1

Test(vcard, unfolds_and_unescapes)
{
	struct pd_buf b = PD_BUF_INIT;
	struct pd_err err;

	cr_assert_eq(read_all(S("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xc3\xab Ash\r\n worth\r\n"
				"NOTE:a\\, b\\; c\\nd\\\\e\r\n\tf\r\nitem1.EMAIL;TYPE=INTERNET,WORK:z@x\r\n"
				"END:VCARD\r\n"), &b, &err), PD_NOTFOUND, "%s", err.msg);
	cr_assert_str_eq(b.p, "[1|VERSION:0:2=3.0|FN:0:3=Zo\xc3\xab Ashworth|"
			 "NOTE:0:5=a, b; c\nd\\ef|EMAIL:1:7=z@x|]");
	pd_buf_free(&b);
}

Test(vcard, parameters_of_every_version)
{
	struct pd_buf b = PD_BUF_INIT;
	struct pd_err err;

	cr_assert_eq(read_all(S("BEGIN:VCARD\nVERSION:2.1\nTEL;WORK;VOICE:1\nTEL;CELL:2\n"
				"TEL;TYPE=\"home,fax\":3\nTEL;type=pager;PREF=1:4\nEND:VCARD\n"),
			      &b, &err), PD_NOTFOUND, "%s", err.msg);
	cr_assert_str_eq(b.p, "[1|VERSION:0:2=2.1|TEL:21:3=1|TEL:4:4=2|TEL:a:5=3|TEL:50:6=4|]");
	pd_buf_free(&b);
}

Test(vcard, quoted_printable_and_charsets)
{
	struct pd_buf b = PD_BUF_INIT;
	struct pd_err err;

	/* Windows-1252 bytes, QP with a soft break, QP in UTF-8, no CHARSET
	 * and not UTF-8 (read as Windows-1252) */
	cr_assert_eq(read_all(S("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=Windows-1252:Siobh\xe1n\r\n"
				"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:caf=E9 =\r\n"
				"au lait=3D\r\nN;CHARSET=UTF-8;QUOTED-PRINTABLE:W=C3=B3jcik;=c5=81ukasz\r\n"
				"ORG:Children\x92s Centre\r\nEND:VCARD\r\n"), &b, &err), PD_NOTFOUND, "%s", err.msg);
	cr_assert_str_eq(b.p, "[1|VERSION:0:2=2.1|FN:0:3=Siobh\xc3\xa1n|NOTE:0:4=caf\xc3\xa9 au lait=|"
			 "N:0:6=W\xc3\xb3jcik;\xc5\x81ukasz|ORG:0:7=Children\xe2\x80\x99s Centre|]");
	pd_buf_free(&b);
}

Test(vcard, components)
{
	struct pd_vcard_prop p = { .event = PD_VCARD_PROP, .name = "N", .version = 30,
				   .value = "Ni\\; Bhriain;Zo\\,e;;Dr;", .len = 23 };
	struct pd_buf b = PD_BUF_INIT;

	cr_assert_eq(pd_vcard_text(&p, 0, &b), PD_OK);
	cr_assert_str_eq(b.p, "Ni; Bhriain");
	pd_buf_reset(&b);
	cr_assert_eq(pd_vcard_text(&p, 1, &b), PD_OK);
	cr_assert_str_eq(b.p, "Zo,e");
	pd_buf_reset(&b);
	cr_assert_eq(pd_vcard_text(&p, 3, &b), PD_OK);
	cr_assert_str_eq(b.p, "Dr");
	cr_assert_eq(pd_vcard_text(&p, 5, &b), PD_NOTFOUND);
	pd_buf_free(&b);
}

Test(vcard, a_photo_is_skipped_unread)
{
	struct pd_buf b = PD_BUF_INIT, in = PD_BUF_INIT;
	struct pd_err err;

	/* 3.0 base64 folded, then 2.1 base64 not indented and ended by a blank */
	pd_buf_puts(&in, "BEGIN:VCARD\r\nFN:A\r\nPHOTO;ENCODING=b;TYPE=JPEG:");
	for (int i = 0; i < 20000; i++)
		pd_buf_puts(&in, "QUJDRA==QUJDRA==QUJDRA==QUJDRA==QUJDRA==QUJDRA==QUJDRA==QUJDRA==\r\n ");
	pd_buf_puts(&in, "QQ==\r\nNOTE:x\r\nPHOTO;ENCODING=BASE64:\r\nQUJD\r\nQUJD\r\n\r\nEMAIL:a@b\r\nEND:VCARD\r\n");
	cr_assert_gt(in.n, 1000000);
	cr_assert_eq(read_all(in.p, in.n, &b, &err), PD_NOTFOUND, "%s", err.msg);
	cr_assert_str_eq(b.p, "[1|FN:0:2=A|PHOTO:80:3=(skipped)|NOTE:0:20004=x|"
			 "PHOTO:0:20005=(skipped)|EMAIL:0:20009=a@b|]");
	pd_buf_free(&b);
	pd_buf_free(&in);
}

/* The error reading `text` gives. */
static const char *error_of(const char *text)
{
	static struct pd_err err;
	struct pd_buf b = PD_BUF_INIT;

	cr_assert_neq(read_all(text, strlen(text), &b, &err), PD_NOTFOUND, "no error: %s", text);
	pd_buf_free(&b);
	return err.msg;
}

Test(vcard, errors_say_where)
{
	cr_assert_str_eq(error_of(""), "1: not a vCard file: it has no BEGIN:VCARD");
	cr_assert_str_eq(error_of("\n\nname,email\nA,a@b\n"),
			 "3: not a vCard file: it begins \"name,email\", not BEGIN:VCARD");
	cr_assert_str_eq(error_of("BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\n"),
			 "5: the card begun on line 4 has no END:VCARD");
	cr_assert_str_eq(error_of("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\n"),
			 "3: BEGIN:VCARD inside the card begun on line 1 (is its END:VCARD missing?)");
	cr_assert_str_eq(error_of("BEGIN:VCARD\nFN:A\nEND:VCARD\nFN:B\n"),
			 "4: \"FN:B\" outside a card (only BEGIN:VCARD may follow END:VCARD)");
	cr_assert_str_eq(error_of("BEGIN:VCARD\nFN:A\njust words\nEND:VCARD\n"),
			 "3: not a vCard property (no ':'): \"just words\"");
	cr_assert_str_eq(error_of("BEGIN:VCARD\nNOTE;ENCODING=QUOTED-PRINTABLE:a=4\nEND:VCARD\n"),
			 "2: bad quoted-printable \"=4\": '=' must be followed by two hex digits");
	cr_assert_str_eq(error_of("BEGIN:VCARD\nFN;CHARSET=NO-SUCH-SET:A\nEND:VCARD\n"),
			 "2: unknown CHARSET \"NO-SUCH-SET\"");
	cr_assert_str_eq(error_of("BEGIN:VCARD\nFN;CHARSET=UTF-8:\xff\nEND:VCARD\n"),
			 "2: the value is not valid UTF-8 (CHARSET=UTF-8)");
}

Test(vcard, sniff)
{
	cr_assert(pd_vcard_sniff(S("\xef\xbb\xbf\r\nbegin:vcard\r\n")));
	cr_assert(pd_vcard_sniff(S("\xff\xfe" "B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0")));
	cr_assert_not(pd_vcard_sniff(S("name,email\n")));
	cr_assert_not(pd_vcard_sniff(S("BEGIN:VCAL")));
}

Test(vcard, lines_fold_at_75_octets_between_characters)
{
	struct pd_buf out = PD_BUF_INIT, v = PD_BUF_INIT, un = PD_BUF_INIT;
	const char *text = "Zo\xc3\xab \xc5\x81ukasiewicz, \xe2\x80\x94 a note; with\nlines "
			   "and \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
			   "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 enough to fold "
			   "twice over, and more after that to be sure of it.";
	struct pd_err err;

	cr_assert_eq(pd_vcard_escape(&v, text, strlen(text)), PD_OK);
	cr_assert_eq(pd_vcard_line(&out, "NOTE", v.p, v.n), PD_OK);
	/* every line ≤ 75 octets, CRLF, each line valid UTF-8 on its own */
	for (const char *l = out.p, *e; *l; l = e + 2) {
		cr_assert_not_null(e = strstr(l, "\r\n"));
		cr_assert_leq(e - l, 75, "a line of %td octets", e - l);
		cr_assert(pd_utf8_valid(l, (size_t)(e - l)), "a fold split a character");
	}
	/* and it reads back as the text */
	pd_buf_puts(&un, "BEGIN:VCARD\r\n");
	pd_buf_add(&un, out.p, out.n);
	pd_buf_puts(&un, "END:VCARD\r\n");
	pd_buf_reset(&v);
	cr_assert_eq(read_all(un.p, un.n, &v, &err), PD_NOTFOUND, "%s", err.msg);
	cr_assert(strstr(v.p, text), "read back: %s", v.p);
	pd_buf_free(&out);
	pd_buf_free(&v);
	pd_buf_free(&un);
}

/* --- the people import ------------------------------------------------------ */

static int import(const char *text, struct pd_import_stats *st, struct pd_err *err)
{
	struct pd_import_opts o = { .kind = PD_PERSON, .name = "t.vcf" };

	return pd_import_mem(tdb.st, text, strlen(text), &o, st, err);
}

Test(vcard_import, upsert_by_address_and_name)
{
	struct pd_import_stats st;
	struct pd_err err;
	struct pd_record p;
	uint64_t id;
	struct pd_txn *txn;

	cr_assert_eq(import("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kath Pike\r\nTEL;TYPE=HOME:1\r\n"
			    "TEL;TYPE=WORK:2\r\nTEL;TYPE=CELL:3\r\nEMAIL:kp@x.org\r\nEMAIL:kp2@x.org\r\n"
			    "X-PLANDESK-INITIALS:KP\r\nEND:VCARD\r\n", &st, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(st.added, 1);
	cr_assert_eq(import("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kathleen Pike\r\nEMAIL:KP@X.ORG\r\n"
			    "TITLE:Head of Year\r\nEND:VCARD\r\n", &st, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(st.updated, 1, "the same address is the same person");
	cr_assert_eq(tdb_count(PD_PERSON), 1);
	cr_assert_eq(pd_txn_read(tdb.st, &txn, &err), PD_OK);
	cr_assert_eq(pd_find_person_email(txn, "kp@x.org", &id), PD_OK);
	pd_txn_end(txn);
	cr_assert_eq(tdb_get(PD_PERSON, id, &p), PD_OK);
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_NAME), "Kathleen Pike");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_ROLE), "Head of Year");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_INITIALS), "KP");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_PHONE), "2", "a work number wins");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_MOBILE), "3");
	cr_assert_str_eq(pd_get_text(&p, PD_PERSON_NOTES), "phone (home): 1\ne-mail: kp2@x.org");
	pd_record_clear(&p);
}

Test(vcard_import, a_broken_card_writes_nothing)
{
	struct pd_import_stats st;
	struct pd_err err;

	cr_assert_eq(import("BEGIN:VCARD\r\nFN:One\r\nEND:VCARD\r\n"
			    "BEGIN:VCARD\r\nFN:Two\r\nEND:VCARD\r\n"
			    "BEGIN:VCARD\r\nORG:Nobody\r\nEND:VCARD\r\n", &st, &err), PD_EINVAL);
	cr_assert_str_eq(err.msg, "t.vcf:7: the card has no name (no FN, and N is empty)");
	cr_assert_eq(tdb_count(PD_PERSON), 0);
	cr_assert_eq(tdb_count(PD_ORG), 0);
	cr_assert_eq(import("BEGIN:VCARD\r\nFN:One\r\nX-PLANDESK-VERIFIED:31/02/2009\r\nEND:VCARD\r\n",
			    &st, &err), PD_EINVAL);
	cr_assert(strncmp(err.msg, "t.vcf:3: verified: ", 19) == 0, "%s", err.msg);
	cr_assert_eq(tdb_count(PD_PERSON), 0);
}

Test(vcard_import, export_then_import_is_the_same)
{
	struct pd_import_stats st;
	struct pd_err err;
	struct pd_buf out = PD_BUF_INIT;
	struct pd_txn *txn;

	cr_assert_eq(import("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dr Jean-Paul van der Berg\r\n"
			    "ORG:Fire\\, Rescue\r\nNOTE:line one\\nline two\\; \\\\ end\r\n"
			    "EMAIL:jp@x.org\r\nX-PLANDESK-VERIFIED:2009-06\r\nEND:VCARD\r\n",
			    &st, &err), PD_OK, "%s", err.msg);
	for (int v = 30; v <= 40; v += 10) {
		pd_buf_reset(&out);
		cr_assert_eq(pd_txn_read(tdb.st, &txn, &err), PD_OK);
		cr_assert_eq(pd_export_vcards(txn, v, &out, NULL, &err), PD_OK, "%s", err.msg);
		pd_txn_end(txn);
		cr_assert(strstr(out.p, "N:van der Berg;Jean-Paul;;Dr;\r\n"), "%s", out.p);
		cr_assert_eq(import(out.p, &st, &err), PD_OK, "%s", err.msg);
		cr_assert_eq(st.unchanged, 1, "vCard %d: changed on the way round:\n%s", v, out.p);
	}
	pd_buf_free(&out);
}
