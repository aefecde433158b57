/*
 * test_csv_read.c — the CSV reader on files in the shapes people's
 * programs write: BOM and CRLF, semicolons, tabs, Windows-1252, UTF-16,
 * line breaks in quoted fields, and broken files with their LINE:COL.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvtest.h"

static struct pd_buf got;

static void fini(void)
{
	pd_buf_free(&got);
}

/* Read every row of fixture `name`; assert the reader's verdict. */
static void read_fixture(const char *name, const struct pd_csv_opts *o,
			 struct pd_csv_reader **out)
{
	struct pd_err err = { 0 };
	int rc = pd_csv_open_file(fixture(name), o, out, &err);

	cr_assert_eq(rc, PD_OK, "open %s: %s", name, err.msg);
	rc = read_all(*out, &got, &err);
	cr_assert_eq(rc, PD_OK, "read %s: %s", name, err.msg);
}

/* Read `n` bytes from memory; returns the code, rows in `got`. */
static int read_mem(const char *s, size_t n, const struct pd_csv_opts *o,
		    struct pd_err *err)
{
	struct pd_csv_reader *r;
	int rc = pd_csv_open_mem(s, n, o, &r, err);

	if (rc != PD_OK)
		return rc;
	rc = read_all(r, &got, err);
	pd_csv_close(r);
	return rc;
}

TestSuite(csv_read, .fini = fini);

Test(csv_read, excel_bom_and_crlf)
{
	struct pd_csv_reader *r;

	read_fixture("people_excel.csv", NULL, &r);
	cr_assert_eq(pd_csv_delimiter(r), ',');
	cr_assert_str_eq(pd_csv_encoding(r), "UTF-8");
	cr_assert_eq(pd_csv_fallback_line(r), 0);
	/* No BOM in the first name, no CR at the ends of the last fields. */
	cr_assert(!strncmp(got.p, "1:name|initials|", 16), "%s", got.p);
	cr_assert(strstr(got.p, "\n2:Zoë Ashworth|ZA|School Nurse|"), "%s", got.p);
	cr_assert(strstr(got.p, "|19/10/2026\n3:Siobhán O'Brien|"), "%s", got.p);
	cr_assert(strstr(got.p, "|\"Volunteer co-ordinator, Longton\"") == NULL);
	cr_assert(strstr(got.p, "|Volunteer co-ordinator, Longton|2026-07-06\n"));
	cr_assert(strstr(got.p, "\n4:Łukasz Nowak|"));
	pd_csv_close(r);
}

Test(csv_read, semicolons_in_windows_1252)
{
	struct pd_csv_reader *r;

	read_fixture("people_semicolon.csv", NULL, &r);
	cr_assert_eq(pd_csv_delimiter(r), ';');
	cr_assert_str_eq(pd_csv_encoding(r), "WINDOWS-1252");
	cr_assert_eq(pd_csv_fallback_line(r), 2);
	cr_assert(strstr(got.p, "\n2:René Lefèvre|RL|Médiateur|Mairie de Lille|"
			 "+33 3 20 49 50 00|rene.lefevre@example.net|Parle français; anglais\n"),
		  "%s", got.p);
	cr_assert(strstr(got.p, "\n3:Ana Muñoz|AM|Trabajadora social|Ayuntamiento|"
			 "612 345 678|ana.munoz@example.net|Notas: 1,5 días\n"), "%s", got.p);
	pd_csv_close(r);
}

Test(csv_read, tabs)
{
	struct pd_csv_reader *r;

	read_fixture("people_tab.tsv", NULL, &r);
	cr_assert_eq(pd_csv_delimiter(r), '\t');
	cr_assert_str_eq(got.p,
		"1:Name|Initials|Role|Organisation|E-mail\n"
		"2:Gary Holdcroft|GH|PCSO|Staffordshire Police|gary.holdcroft@police.example.org\n"
		"3:Mark Boulton|MB|Crash course lead, fire service|Stoke-on-Trent Fire and "
		"Rescue Service|mark.boulton@fire.example.org\n");
	pd_csv_close(r);
}

Test(csv_read, windows_1252_punctuation)
{
	struct pd_csv_reader *r;

	read_fixture("people_cp1252.csv", NULL, &r);
	cr_assert_str_eq(got.p, "1:name|role|organisation|notes\n"
		"2:Renée Walsh|Café manager|Longton Community Café|"
		"Don’t call before 10 – £5 parking\n");
	pd_csv_close(r);
}

Test(csv_read, line_breaks_blank_lines_and_empty_rows)
{
	struct pd_csv_reader *r;

	read_fixture("people_multiline.csv", NULL, &r);
	cr_assert_str_eq(got.p, "1:name|initials|notes\n"
		"3:Kate Stevenson|KS|Line one\nLine two, with a comma\n\"Quoted\" line three\n"
		"8:Jane Fallows|JF|Ends with a line break\n\n");
	pd_csv_close(r);
}

Test(csv_read, line_ends_of_every_kind)
{
	static const char s[] = "a,b\rc,\"d\r\ne\"\r\n\r\nf,g\nh,i";
	struct pd_err err;

	cr_assert_eq(read_mem(s, sizeof s - 1, NULL, &err), PD_OK, "%s", err.msg);
	cr_assert_str_eq(got.p, "1:a|b\n2:c|d\r\ne\n5:f|g\n6:h|i\n");
}

Test(csv_read, excel_sep_line_and_forced_delimiter)
{
	static const char s[] = "sep=;\r\na;b,c\r\n1;2,3\r\n";
	struct pd_csv_opts o = { .delimiter = ',' };
	struct pd_err err;

	cr_assert_eq(read_mem(s, sizeof s - 1, NULL, &err), PD_OK);
	cr_assert_str_eq(got.p, "2:a|b,c\n3:1|2,3\n");
	cr_assert_eq(read_mem(s, sizeof s - 1, &o, &err), PD_OK);
	cr_assert_str_eq(got.p, "2:a;b|c\n3:1;2|3\n");
}

Test(csv_read, utf16_with_bom)
{
	/* Excel's "Unicode Text": UTF-16LE with a BOM, tab separated. */
	static const char s[] = "\xff\xfe" "n\0a\0m\0e\0\t\0r\0o\0l\0e\0\r\0\n\0"
				"R\0e\0n\0\xe9\0e\0\t\0\xac\x20\r\0\n\0";
	struct pd_csv_reader *r;
	struct pd_err err;

	cr_assert_eq(pd_csv_open_mem(s, sizeof s - 1, NULL, &r, &err), PD_OK, "%s", err.msg);
	cr_assert_str_eq(pd_csv_encoding(r), "UTF-16LE");
	cr_assert_eq(read_all(r, &got, &err), PD_OK, "%s", err.msg);
	cr_assert_str_eq(got.p, "1:name|role\n2:Renée|€\n");
	pd_csv_close(r);
}

Test(csv_read, forced_encodings)
{
	struct pd_csv_opts o = { .encoding = "UTF-8" };
	struct pd_csv_reader *r;
	struct pd_err err;

	cr_assert_eq(pd_csv_open_file(fixture("people_cp1252.csv"), &o, &r, &err),
		     PD_EPARSE);
	cr_assert(strstr(err.msg, "2:4: not valid UTF-8"), "%s", err.msg);
	o.encoding = "ISO-8859-1";
	read_fixture("people_cp1252.csv", &o, &r);
	cr_assert_str_eq(pd_csv_encoding(r), "ISO-8859-1");
	cr_assert_eq(pd_csv_fallback_line(r), 0);
	cr_assert(strstr(got.p, "Renée Walsh"));
	pd_csv_close(r);
	o.encoding = "NO-SUCH-ENCODING";
	cr_assert_eq(pd_csv_open_file(fixture("people_cp1252.csv"), &o, &r, &err),
		     PD_EINVAL);
	cr_assert(strstr(err.msg, "NO-SUCH-ENCODING"), "%s", err.msg);
}

Test(csv_read, a_byte_windows_1252_lacks)
{
	static const char s[] = "a,b\r\nc\xe9,d\r\n\"e\nf\x81\",g\r\n";
	struct pd_err err;

	cr_assert_eq(read_mem(s, sizeof s - 1, NULL, &err), PD_EPARSE);
	cr_assert(strstr(err.msg, "4:2: byte 0x81 cannot be read as WINDOWS-1252"),
		  "%s", err.msg);
}

/* Each broken fixture and where its problem is reported. */
Test(csv_read, broken_files_say_where)
{
	static const struct { const char *file, *want; } cases[] = {
		{ "bad_after_quote.csv", "4:1: text after the closing quote of a field at line 4, character 8" },
		{ "bad_unclosed.csv", "3:8: a quoted field is not closed before the end of the file" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct pd_csv_reader *r;
		struct pd_err err = { 0 };
		cr_assert_eq(pd_csv_open_file(fixture(cases[i].file), NULL, &r, &err), PD_OK);
		cr_assert_eq(read_all(r, &got, &err), PD_EPARSE, "%s", cases[i].file);
		cr_assert(!strncmp(err.msg, cases[i].want, strlen(cases[i].want)),
			  "%s: got \"%s\"", cases[i].file, err.msg);
		/* The error sticks until the reader is rewound. */
		struct pd_csv_row row;
		cr_assert_eq(pd_csv_next(r, &row, &err), PD_EPARSE);
		cr_assert_eq(pd_csv_rewind(r, &err), PD_OK);
		cr_assert_eq(pd_csv_next(r, &row, &err), PD_OK);
		cr_assert_str_eq(row.f[0], "name");
		pd_csv_close(r);
	}
}

Test(csv_read, nul_bytes_are_refused)
{
	static const char s[] = "a,b\nc,d\0e\n";
	struct pd_err err;

	cr_assert_eq(read_mem(s, sizeof s - 1, NULL, &err), PD_EPARSE);
	cr_assert(!strncmp(err.msg, "2:2: a NUL byte", 15), "%s", err.msg);
}

Test(csv_read, empty_input)
{
	struct pd_err err;

	cr_assert_eq(read_mem("", 0, NULL, &err), PD_OK);
	cr_assert_eq(got.n, 0);
	cr_assert_eq(read_mem("\xef\xbb\xbf\r\n\r\n", 7, NULL, &err), PD_OK);
	cr_assert_eq(got.n, 0);
}

/*
 * A file bigger than the reader's blocks, with a field longer than a block
 * and multi-byte characters everywhere: reading it from the file (in
 * blocks) and from memory (at once) gives the same rows, and so does a
 * Windows-1252 copy converted block by block.
 */
Test(csv_read, blocks_do_not_show)
{
	char path[] = "/tmp/plandesk-csv-XXXXXX";
	struct pd_buf src = PD_BUF_INIT, mem = PD_BUF_INIT, latin = PD_BUF_INIT;
	struct pd_csv_reader *r;
	struct pd_err err;
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0);
	close(fd);
	pd_buf_puts(&src, "name,notes\r\n");
	for (int i = 0; i < 6000; i++) {
		pd_buf_printf(&src, "Zoë %d,\"é line\r\nà, \"\"q\"\" %d\"\r\n", i, i);
		if (i == 3000) {
			pd_buf_puts(&src, "Long,\"");
			for (int k = 0; k < 120000; k++)
				pd_buf_puts(&src, k % 1000 ? "é" : "\n");
			pd_buf_puts(&src, "\"\r\n");
		}
	}
	spill(path, src.p, src.n);
	cr_assert_eq(read_mem(src.p, src.n, NULL, &err), PD_OK, "%s", err.msg);
	pd_buf_add(&mem, got.p, got.n);
	cr_assert_eq(pd_csv_open_file(path, NULL, &r, &err), PD_OK);
	cr_assert_eq(read_all(r, &got, &err), PD_OK, "%s", err.msg);
	cr_assert_eq(got.n, mem.n);
	cr_assert(!memcmp(got.p, mem.p, mem.n));
	/* Rewinding reads the same again. */
	cr_assert_eq(pd_csv_rewind(r, &err), PD_OK);
	cr_assert_eq(read_all(r, &got, &err), PD_OK);
	cr_assert(got.n == mem.n && !memcmp(got.p, mem.p, mem.n));
	pd_csv_close(r);
	/* The same text in Windows-1252 (é is 0xE9, à is 0xE0, ë is 0xEB). */
	for (size_t i = 0; i < src.n; i++) {
		unsigned char c = (unsigned char)src.p[i];
		if (c == 0xC3) {
			pd_buf_putc(&latin, (unsigned char)src.p[++i] + 0x40);
			continue;
		}
		pd_buf_putc(&latin, c);
	}
	spill(path, latin.p, latin.n);
	cr_assert_eq(pd_csv_open_file(path, NULL, &r, &err), PD_OK);
	cr_assert_str_eq(pd_csv_encoding(r), "WINDOWS-1252");
	cr_assert_eq(read_all(r, &got, &err), PD_OK, "%s", err.msg);
	cr_assert(got.n == mem.n && !memcmp(got.p, mem.p, mem.n));
	pd_csv_close(r);
	unlink(path);
	pd_buf_free(&src);
	pd_buf_free(&mem);
	pd_buf_free(&latin);
}

Test(csv_read, unguard)
{
	cr_assert_eq(pd_csv_unguard("'=1", 3), 1);
	cr_assert_eq(pd_csv_unguard("'+44", 4), 1);
	cr_assert_eq(pd_csv_unguard("'-", 2), 1);
	cr_assert_eq(pd_csv_unguard("'@x", 3), 1);
	cr_assert_eq(pd_csv_unguard("'\tx", 3), 1);
	cr_assert_eq(pd_csv_unguard("'\rx", 3), 1);
	cr_assert_eq(pd_csv_unguard("''=x", 4), 1);
	cr_assert_eq(pd_csv_unguard("'x", 2), 0);
	cr_assert_eq(pd_csv_unguard("'", 1), 0);
	cr_assert_eq(pd_csv_unguard("''", 2), 0);
	cr_assert_eq(pd_csv_unguard("=1", 2), 0);
	cr_assert_eq(pd_csv_unguard("", 0), 0);
}

/* The public acid tests: every case parses to exactly its JSON's rows. */
Test(csv_read, csv_spectrum)
{
	const char *dir = spectrum_dir();
	char path[1200];

	if (!dir)
		cr_skip("csv-spectrum is not next to the source tree");
	for (size_t c = 0; c < sizeof spectrum_cases / sizeof spectrum_cases[0]; c++) {
		struct pd_csv_reader *r;
		struct pd_csv_row row;
		struct pd_err err;
		struct jdoc doc;
		char *json, *keys[16];
		size_t n, nkeys = 0, i = 0;

		snprintf(path, sizeof path, "%s/json/%s.json", dir, spectrum_cases[c]);
		json = slurp(path, &n);
		jparse(json, &doc);
		snprintf(path, sizeof path, "%s/csvs/%s.csv", dir, spectrum_cases[c]);
		cr_assert_eq(pd_csv_open_file(path, NULL, &r, &err), PD_OK, "%s", err.msg);
		cr_assert_eq(pd_csv_next(r, &row, &err), PD_OK);
		for (size_t k = 0; k < row.n; k++)
			keys[nkeys++] = strdup(row.f[k]);
		while (pd_csv_next(r, &row, &err) == PD_OK) {
			cr_assert_lt(i, doc.n, "%s: more rows than the JSON", spectrum_cases[c]);
			cr_assert_eq(row.n, doc.row[i].n, "%s row %zu", spectrum_cases[c], i);
			for (size_t k = 0; k < row.n; k++) {
				cr_assert_str_eq(keys[k], doc.row[i].key[k], "%s", spectrum_cases[c]);
				cr_assert_str_eq(row.f[k], doc.row[i].val[k], "%s row %zu field %zu",
						 spectrum_cases[c], i, k);
			}
			i++;
		}
		cr_assert_eq(i, doc.n, "%s: %zu rows, wanted %zu", spectrum_cases[c], i, doc.n);
		for (size_t k = 0; k < nkeys; k++)
			free(keys[k]);
		pd_csv_close(r);
		jfree(&doc);
		free(json);
	}
}

/*
 * location_coordinates has a bare quote in an unquoted field (37°36'37.8"N)
 * and its JSON does not match its CSV (another phone number).  The quote is
 * data, as Excel reads it; the rest of the record is read as usual.
 */
Test(csv_read, csv_spectrum_bare_quote_is_data)
{
	const char *dir = spectrum_dir();
	struct pd_csv_reader *r;
	struct pd_err err;
	char path[1200];

	if (!dir)
		cr_skip("csv-spectrum is not next to the source tree");
	snprintf(path, sizeof path, "%s/csvs/location_coordinates.csv", dir);
	cr_assert_eq(pd_csv_open_file(path, NULL, &r, &err), PD_OK);
	cr_assert_eq(read_all(r, &got, &err), PD_OK, "%s", err.msg);
	cr_assert_str_eq(got.p, "1:Contact Phone Number|Location Coordinates|Cities|Counties\n"
			 "2:2095257564|37\xef\xbf\xbd" "36'37.8\"N 121\xef\xbf\xbd" "2'17.9\"W|Modesto|"
			 "Stanislaus\n");
	pd_csv_close(r);
}

/* A quote inside an unquoted field is data; the line is still checked,
 * and a quote that opens a field still needs its closing quote. */
Test(csv_read, quote_inside_unquoted_field)
{
	static const char ok[] = "a,b\n37\xc2\xb0" "36'37.8\"N,say \"hi\"\n\"x\"\"y\",z\"\n";
	static const char after[] = "a,b\nq\"q,\"c\"d\n";
	static const char open[] = "a,b\nc,\"d\n";
	struct pd_err err;

	cr_assert_eq(read_mem(ok, sizeof ok - 1, NULL, &err), PD_OK, "%s", err.msg);
	cr_assert_str_eq(got.p, "1:a|b\n2:37\xc2\xb0" "36'37.8\"N|say \"hi\"\n3:x\"y|z\"\n");
	cr_assert_eq(read_mem(after, sizeof after - 1, NULL, &err), PD_EPARSE);
	cr_assert(strstr(err.msg, "2:2: text after the closing quote of a field at line 2, "
			 "character 8 ("), "%s", err.msg);
	cr_assert_eq(read_mem(open, sizeof open - 1, NULL, &err), PD_EPARSE);
	cr_assert(strstr(err.msg, "2:2: a quoted field is not closed"), "%s", err.msg);
}

/* The fixture people_quotes.csv: a nickname and coordinates in quotes. */
Test(csv_read, quotes_fixture)
{
	struct pd_csv_reader *r;

	read_fixture("people_quotes.csv", NULL, &r);
	cr_assert(strstr(got.p, "3:Kate \"Katie\" Stevenson|KS|"), "%s", got.p);
	cr_assert(strstr(got.p, "|Meets at 37\xc2\xb0" "36'37.8\"N|"), "%s", got.p);
	pd_csv_close(r);
}
