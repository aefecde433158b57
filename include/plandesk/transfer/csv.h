/*
 * csv.h — reading and writing CSV files as people's programs make them.
 *
 * The reader takes bytes as they come: a UTF-8 byte-order mark is dropped;
 * a UTF-16 one switches to UTF-16; otherwise input that is not valid UTF-8
 * is read as Windows-1252 (through iconv) and the reader says so.  The
 * delimiter (',' ';' or tab) is sniffed from the first line unless given,
 * and an Excel "sep=X" first line is obeyed.  CR, LF and CRLF line ends
 * are all accepted; quoted fields may hold delimiters, quotes and line
 * breaks.  Parsing is libcsv's, in strict mode (CSV_STRICT |
 * CSV_STRICT_FINI), with one leniency that Excel and LibreOffice share: a
 * quote inside a field that does not begin with one (37°36'37.8"N) is
 * data, and the rest of the line is still checked; a quote that opens a
 * field still needs its closing quote, and nothing but a delimiter or a
 * line end may follow that.  libcsv does not track positions, so the
 * reader feeds it one line at a time and counts lines and fields itself.
 * Blank lines and records whose every field is empty are skipped.
 *
 * Positions: a row's `line` is the 1-based line on which its record
 * starts.  An error message from the reader begins "LINE:COL: " where LINE
 * is the line on which the bad record starts and COL the 1-based number of
 * the field (the spreadsheet column) being read; when the bad character
 * is elsewhere the message ends with its exact place, "(line L, character
 * C)", characters counted from 1.
 *
 * The writer quotes as RFC 4180 asks (only when needed), ends lines with LF
 * (CRLF and a UTF-8 byte-order mark for Excel), and guards against formula
 * injection: a cell beginning with = + - @ tab or CR (after any leading
 * apostrophes) gets one more leading apostrophe, which pd_csv_unguard
 * removes again, so export and import are exact inverses.  A phone number
 * written with pd_csv_put_phone — only digits, spaces, brackets and
 * hyphens after an optional leading "+" — is left as it is: it cannot
 * call a function, and an apostrophe would show in the spreadsheet.
 */
#ifndef PLANDESK_CSV_H
#define PLANDESK_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/status.h"

/* --- reading ------------------------------------------------------------ */

struct pd_csv_opts {
	int         delimiter; /* the field separator; 0 sniffs ',' ';' or tab */
	const char *encoding;  /* an iconv name forcing the input encoding;
				  NULL: UTF-8, falling back to Windows-1252 */
};

/* One record.  The strings belong to the reader and live until the next
 * pd_csv_next, pd_csv_rewind or pd_csv_close. */
struct pd_csv_row {
	size_t         n;      /* number of fields */
	char         **f;      /* field i, NUL-terminated, UTF-8 */
	const size_t  *len;    /* its length in bytes */
	unsigned long  line;   /* 1-based line the record starts on */
};

struct pd_csv_reader;

/*
 * Open the file at `path` for reading.  Decides the encoding (reading the
 * whole file once to check it is UTF-8 when none is forced) and the
 * delimiter.  `opts` may be NULL.
 * Returns PD_OK; PD_EIO (cannot open or read: errno text in err);
 * PD_EINVAL (an encoding iconv does not know, a delimiter that is a quote
 * or line end); PD_EPARSE (input not valid in a forced encoding, with
 * "LINE:COL: " in the message); PD_ENOMEM.
 */
int pd_csv_open_file(const char *path, const struct pd_csv_opts *opts,
		     struct pd_csv_reader **out, struct pd_err *err);

/*
 * Open `n` bytes at `data` (which must stay valid until pd_csv_close) as a
 * CSV file.  Same decisions and return codes as pd_csv_open_file, except
 * that there is no PD_EIO.
 */
int pd_csv_open_mem(const void *data, size_t n, const struct pd_csv_opts *opts,
		    struct pd_csv_reader **out, struct pd_err *err);

/* Close the reader and free everything it holds.  NULL is allowed. */
void pd_csv_close(struct pd_csv_reader *r);

/*
 * Read the next record into `row` (the first call gives the header).
 * Returns PD_OK; PD_NOTFOUND at the end of the input; PD_EPARSE (bad
 * quoting, an unclosed quoted field, a byte the encoding cannot read;
 * "LINE:COL: what" in err); PD_EIO; PD_ENOMEM.  After an error the reader
 * only returns that error again until rewound.
 */
int pd_csv_next(struct pd_csv_reader *r, struct pd_csv_row *row,
		struct pd_err *err);

/*
 * Go back to the start, to read everything again (a write that is retried
 * after the database map grew).  Returns PD_OK, PD_EIO, PD_ENOMEM.
 */
int pd_csv_rewind(struct pd_csv_reader *r, struct pd_err *err);

/* The delimiter in use (given, from "sep=", or sniffed). */
int pd_csv_delimiter(const struct pd_csv_reader *r);

/* The encoding the input is read in: "UTF-8", "WINDOWS-1252", "UTF-16LE"... */
const char *pd_csv_encoding(const struct pd_csv_reader *r);

/*
 * When the input was not valid UTF-8 and no encoding was forced, so it is
 * read as Windows-1252: the 1-based line of the first byte that is not
 * UTF-8.  0 otherwise.
 */
unsigned long pd_csv_fallback_line(const struct pd_csv_reader *r);

/* How far reading has got: source bytes consumed and the source's size. */
void pd_csv_position(const struct pd_csv_reader *r, uint64_t *done,
		     uint64_t *total);

/*
 * Remove the formula-injection guard from a field read from a file: when
 * `s` starts with one or more apostrophes followed by = + - @ tab or CR,
 * the first apostrophe is the guard.  Returns the number of bytes to skip
 * at `s` (0 or 1).
 */
size_t pd_csv_unguard(const char *s, size_t n);

/* --- writing ------------------------------------------------------------ */

/*
 * Where written bytes go.  Returns PD_OK, or a PD_* code (with err
 * filled) to stop the writer.
 */
typedef int (*pd_csv_sink)(void *ctx, const void *p, size_t n,
			   struct pd_err *err);

struct pd_csv_writer {
	pd_csv_sink   sink;
	void         *ctx;
	bool          excel;   /* BOM + CRLF */
	bool          started; /* the BOM has been written */
	size_t        col;     /* fields in the current row */
	struct pd_buf buf;     /* bytes not yet given to the sink */
};

/*
 * Start a writer that hands its bytes to `sink` in blocks.  With `excel`,
 * the output begins with a UTF-8 byte-order mark and lines end CRLF;
 * otherwise LF.
 */
void pd_csv_writer_init(struct pd_csv_writer *w, bool excel, pd_csv_sink sink,
			void *ctx);

/*
 * Append one field of `n` bytes to the current row: guarded against
 * formula injection, quoted when it holds a comma, quote, CR or LF, or
 * begins or ends with a space or tab.  Returns PD_OK, PD_ENOMEM, or the
 * sink's code.
 */
int pd_csv_put(struct pd_csv_writer *w, const char *s, size_t n,
	       struct pd_err *err);

/*
 * True when n bytes at `s` are a phone number as people write them: an
 * optional leading '+', then only digits, spaces, brackets and hyphens,
 * with at least one digit ("+44 (0)1632 960200", "07700 900123").
 */
bool pd_csv_phone_like(const char *s, size_t n);

/*
 * pd_csv_put for a phone or mobile number: a value pd_csv_phone_like
 * accepts is not guarded (it cannot call a function); any other value is
 * guarded as pd_csv_put guards it.  Returns as pd_csv_put.
 */
int pd_csv_put_phone(struct pd_csv_writer *w, const char *s, size_t n,
		     struct pd_err *err);

/* pd_csv_put for a NUL-terminated string (NULL writes an empty field). */
int pd_csv_puts(struct pd_csv_writer *w, const char *s, struct pd_err *err);

/* End the current row.  Returns PD_OK, PD_ENOMEM, or the sink's code. */
int pd_csv_end_row(struct pd_csv_writer *w, struct pd_err *err);

/* Give every buffered byte to the sink.  PD_OK or the sink's code. */
int pd_csv_flush(struct pd_csv_writer *w, struct pd_err *err);

/* Free the writer's buffer (without flushing).  NULL is allowed. */
void pd_csv_writer_free(struct pd_csv_writer *w);

#endif
