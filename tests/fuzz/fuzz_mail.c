/*
 * fuzz_mail.c — libFuzzer target for reading a message's sender and
 * RFC 2047 encoded words (mail.h): each input is a message whose sender
 * is taken (the name must then be non-empty valid UTF-8 and the address
 * hold an '@'), and a header value decoded; a decoded name is encoded as
 * a header again and decoded back to itself.  Needs no store.
 *
 *   tests/fuzz/fuzz_mail -max_total_time=120 -max_len=2048 /tmp/corpus_mail
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/transfer/mail.h"
#include "plandesk/base/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pd_buf name = PD_BUF_INIT, addr = PD_BUF_INIT, dec = PD_BUF_INIT,
		      hdr = PD_BUF_INIT, back = PD_BUF_INIT;
	struct pd_err err;

	if (pd_mail_sender((const char *)data, size, &name, &addr, &err) == PD_OK) {
		if (!name.n || !pd_utf8_valid(name.p, name.n) || !strchr(addr.p, '@'))
			abort();
		/* "Subject: " + the name, encoded, unfolded (the line breaks
		 * go, RFC 5322 §2.2.3), decoded */
		if (pd_mail_header(&hdr, "Subject", name.p) == PD_OK) {
			struct pd_buf flat = PD_BUF_INIT;
			size_t start = 9;
			while (start < hdr.n && (hdr.p[start] == ' ' || hdr.p[start] == '\n'))
				start++;
			for (size_t i = start; i + 1 < hdr.n; i++)
				if (hdr.p[i] != '\n' && pd_buf_putc(&flat, hdr.p[i]) != PD_OK)
					abort();
			if (pd_mail_decode(flat.p ? flat.p : "", flat.n, &back) == PD_OK &&
			    (back.n != name.n || memcmp(back.p, name.p, name.n))) {
				fprintf(stderr, "fuzz_mail: \"%s\" encodes and decodes as \"%s\"\n",
					name.p, back.p ? back.p : "");
				abort();
			}
			pd_buf_free(&flat);
		}
	}
	if (pd_mail_decode((const char *)data, size, &dec) == PD_OK &&
	    !pd_utf8_valid(dec.p ? dec.p : "", dec.n))
		abort();
	pd_buf_free(&name);
	pd_buf_free(&addr);
	pd_buf_free(&dec);
	pd_buf_free(&hdr);
	pd_buf_free(&back);
	return 0;
}
