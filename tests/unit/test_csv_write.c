/*
 * test_csv_write.c — the CSV writer: minimal RFC 4180 quoting, Excel's BOM
 * and CRLF, the formula-injection guard, and that whatever it writes the
 * reader reads back exactly.
 */
#include <stdlib.h>
#include <string.h>

#include "csvtest.h"

static int to_buf(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	(void)err;
	return pd_buf_add(ctx, p, n);
}

static int refuse(void *ctx, const void *p, size_t n, struct pd_err *err)
{
	(void)ctx; (void)p; (void)n;
	return pd_err_set(err, PD_EIO, "disk full");
}

/* One row of `n` cells written with `excel`. */
static void write_row(struct pd_buf *out, bool excel, const char *const *cells,
		      size_t n)
{
	struct pd_csv_writer w;
	struct pd_err err;

	pd_buf_reset(out);
	pd_csv_writer_init(&w, excel, to_buf, out);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(pd_csv_puts(&w, cells[i], &err), PD_OK);
	cr_assert_eq(pd_csv_end_row(&w, &err), PD_OK);
	cr_assert_eq(pd_csv_flush(&w, &err), PD_OK);
	pd_csv_writer_free(&w);
}

Test(csv_write, quotes_only_when_needed)
{
	static const char *const cells[] = {
		"plain", "", "a,b", "say \"hi\"", "two\nlines", "cr\rhere",
		" leading", "trailing ", "\tnot first", "in\tside", "Zoë", "x y",
	};
	struct pd_buf out = PD_BUF_INIT;

	write_row(&out, false, cells, sizeof cells / sizeof cells[0]);
	cr_assert_str_eq(out.p,
		"plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\","
		"\" leading\",\"trailing \",\"'\tnot first\",in\tside,Zoë,x y\n");
	pd_buf_free(&out);
}

Test(csv_write, formula_guard)
{
	static const char *const cells[] = {
		"=1+2", "+44 1632 960000", "-", "@SUM(A1)", "\tx", "\rx",
		"'=already", "''+twice", "'plain", "a=b", "'", "don't",
	};
	struct pd_buf out = PD_BUF_INIT;

	write_row(&out, false, cells, sizeof cells / sizeof cells[0]);
	cr_assert_str_eq(out.p,
		"'=1+2,'+44 1632 960000,'-,'@SUM(A1),\"'\tx\",\"'\rx\","
		"''=already,'''+twice,'plain,a=b,',don't\n");
	pd_buf_free(&out);
}

Test(csv_write, excel_bom_and_crlf)
{
	static const char *const cells[] = { "a", "b\nc" };
	struct pd_csv_writer w;
	struct pd_buf out = PD_BUF_INIT;
	struct pd_err err;

	pd_csv_writer_init(&w, true, to_buf, &out);
	for (int row = 0; row < 2; row++) {
		for (int i = 0; i < 2; i++)
			cr_assert_eq(pd_csv_puts(&w, cells[i], &err), PD_OK);
		cr_assert_eq(pd_csv_end_row(&w, &err), PD_OK);
	}
	cr_assert_eq(pd_csv_flush(&w, &err), PD_OK);
	/* One BOM, CRLF between rows; a line break inside a cell is kept. */
	cr_assert_str_eq(out.p, "\xef\xbb\xbf" "a,\"b\nc\"\r\na,\"b\nc\"\r\n");
	pd_csv_writer_free(&w);
	pd_buf_free(&out);
}

Test(csv_write, sink_errors_stop_the_writer)
{
	struct pd_csv_writer w;
	struct pd_err err = { 0 };
	int rc = PD_OK;

	pd_csv_writer_init(&w, false, refuse, NULL);
	/* Enough to pass the flush threshold. */
	for (int i = 0; i < 100000 && rc == PD_OK; i++)
		rc = pd_csv_puts(&w, "some text to fill the buffer", &err);
	cr_assert_eq(rc, PD_EIO);
	cr_assert_str_eq(err.msg, "disk full");
	pd_csv_writer_free(&w);
}

/*
 * Whatever is written reads back the same: cells built from the awkward
 * characters (quotes, delimiters, line ends, guard characters, spaces,
 * apostrophes, multi-byte text), with and without Excel's form.
 */
Test(csv_write, reads_back_exactly)
{
	static const char *const bits[] = {
		"\"", ",", "\n", "\r", "\r\n", "=", "+", "-", "@", "\t", " ", "'",
		"a", "Zoë", "€", ";",
	};
	enum { NB = sizeof bits / sizeof bits[0], ROWS = 300, COLS = 5 };
	struct pd_buf out = PD_BUF_INIT, cell[COLS];
	/* A lone row has no header to sniff from: say it is commas. */
	struct pd_csv_opts opts = { .delimiter = ',' };
	unsigned seed = 12345;

	for (int excel = 0; excel < 2; excel++) {
		for (int row = 0; row < ROWS; row++) {
			const char *cells[COLS];
			struct pd_csv_reader *r;
			struct pd_csv_row got;
			struct pd_err err;
			for (int c = 0; c < COLS; c++) {
				int len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
				cell[c] = (struct pd_buf)PD_BUF_INIT;
				/* The first cell is never empty: an all-empty row is skipped. */
				if (c == 0)
					pd_buf_puts(&cell[c], "k");
				for (int k = 0; k < len; k++) {
					seed = seed * 1103515245u + 12345u;
					pd_buf_puts(&cell[c], bits[(seed >> 16) % NB]);
				}
				cells[c] = cell[c].p;
			}
			write_row(&out, excel, cells, COLS);
			cr_assert_eq(pd_csv_open_mem(out.p, out.n, &opts, &r, &err), PD_OK);
			cr_assert_eq(pd_csv_next(r, &got, &err), PD_OK, "%s\n%s", err.msg, out.p);
			cr_assert_eq(got.n, COLS, "row %d: %s", row, out.p);
			for (int c = 0; c < COLS; c++) {
				size_t skip = pd_csv_unguard(got.f[c], got.len[c]);
				cr_assert_eq(got.len[c] - skip, cell[c].n, "row %d cell %d: %s",
					     row, c, out.p);
				cr_assert(!memcmp(got.f[c] + skip, cell[c].p, cell[c].n),
					  "row %d cell %d: [%s] vs [%s]", row, c, got.f[c], cell[c].p);
			}
			pd_csv_close(r);
			for (int c = 0; c < COLS; c++)
				pd_buf_free(&cell[c]);
		}
	}
	pd_buf_free(&out);
}
