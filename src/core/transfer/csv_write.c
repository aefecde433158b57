/*
 * csv_write.c — the CSV writer: RFC 4180 quoting (libcsv's csv_write2 does
 * the escaping), LF or Excel's BOM + CRLF, and the formula-injection guard.
 */
#include <csv.h>
#include <string.h>

#include "plandesk/transfer/csv.h"

#define FLUSH_AT (64u * 1024u)

void pd_csv_writer_init(struct pd_csv_writer *w, bool excel, pd_csv_sink sink,
			void *ctx)
{
	memset(w, 0, sizeof *w);
	w->excel = excel;
	w->sink = sink;
	w->ctx = ctx;
}

void pd_csv_writer_free(struct pd_csv_writer *w)
{
	if (w)
		pd_buf_free(&w->buf);
}

int pd_csv_flush(struct pd_csv_writer *w, struct pd_err *err)
{
	int rc = PD_OK;

	if (w->buf.n)
		rc = w->sink(w->ctx, w->buf.p, w->buf.n, err);
	pd_buf_reset(&w->buf);
	return rc;
}

/* Would a spreadsheet take this cell for a formula (after apostrophes)? */
static bool needs_guard(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '\'')
		i++;
	return i < n && s[i] && strchr("=+-@\t\r", s[i]);
}

static bool needs_quotes(const char *s, size_t n)
{
	if (!n)
		return false;
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return true;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return true;
	return false;
}

bool pd_csv_phone_like(const char *s, size_t n)
{
	size_t i = n && s[0] == '+';
	bool digit = false;

	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digit = true;
		else if (!strchr(" ()-", s[i]) || !s[i])
			return false;
	}
	return digit;
}

/* Write one field, with the guard apostrophe when `guard`. */
static int put_field(struct pd_csv_writer *w, const char *s, size_t n,
		     bool guard, struct pd_err *err)
{
	size_t need;

	if (!w->started) {
		w->started = true;
		if (w->excel && pd_buf_add(&w->buf, "\xEF\xBB\xBF", 3) != PD_OK)
			return pd_err_nomem(err);
	}
	if (w->col++ && pd_buf_putc(&w->buf, ',') != PD_OK)
		return pd_err_nomem(err);
	if (!needs_quotes(s, n)) {
		if ((guard && pd_buf_putc(&w->buf, '\'') != PD_OK) ||
		    pd_buf_add(&w->buf, s, n) != PD_OK)
			return pd_err_nomem(err);
	} else {
		/* Quoted; the guard goes just inside the opening quote. */
		need = 2 * n + 3;
		if (pd_buf_reserve(&w->buf, need) != PD_OK)
			return pd_err_nomem(err);
		char *q = w->buf.p + w->buf.n;
		size_t len = csv_write2(q, need, s, n, '"');
		if (guard) {
			memmove(q + 2, q + 1, len - 1);
			q[1] = '\'';
			len++;
		}
		w->buf.n += len;
		w->buf.p[w->buf.n] = '\0';
	}
	if (w->buf.n >= FLUSH_AT)
		return pd_csv_flush(w, err);
	return PD_OK;
}

int pd_csv_put(struct pd_csv_writer *w, const char *s, size_t n,
	       struct pd_err *err)
{
	return put_field(w, s, n, needs_guard(s, n), err);
}

int pd_csv_put_phone(struct pd_csv_writer *w, const char *s, size_t n,
		     struct pd_err *err)
{
	return put_field(w, s, n, needs_guard(s, n) && !pd_csv_phone_like(s, n), err);
}

int pd_csv_puts(struct pd_csv_writer *w, const char *s, struct pd_err *err)
{
	return pd_csv_put(w, s ? s : "", s ? strlen(s) : 0, err);
}

int pd_csv_end_row(struct pd_csv_writer *w, struct pd_err *err)
{
	if (pd_buf_puts(&w->buf, w->excel ? "\r\n" : "\n") != PD_OK)
		return pd_err_nomem(err);
	w->col = 0;
	if (w->buf.n >= FLUSH_AT)
		return pd_csv_flush(w, err);
	return PD_OK;
}
