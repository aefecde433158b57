/*
 * text.h — UTF-8 helpers: decoding, repair, search folding, word
 * splitting and terminal display width.
 *
 * Strings are passed as (pointer, length) pairs and need not be
 * NUL-terminated; a NULL pointer is allowed when the length is 0.  Invalid
 * UTF-8 never makes a function fail: each byte that does not start a valid
 * sequence stands for one U+FFFD REPLACEMENT CHARACTER.
 */
#ifndef PLANDESK_TEXT_H
#define PLANDESK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plandesk/base/status.h"

struct pd_buf;   /* plandesk/base/buf.h */

/** The code point that stands for an invalid byte. */
#define PD_UTF8_REPLACEMENT	0xFFFDu

/** @brief Decode one code point.
 *
 * Overlong forms, surrogates, code points above U+10FFFF and sequences cut
 * short by the end of the buffer are invalid.
 *
 * @param[in] s The bytes to decode.
 * @param[in] n How many bytes are available at `s`.
 * @param[out] cp Receives the code point, or #PD_UTF8_REPLACEMENT when
 *	the sequence at `s` is invalid.  May be NULL.
 * @return The number of bytes consumed: 1 to 4 when `n` > 0 (always 1 for
 *	an invalid sequence), 0 when `n` is 0 (and `*cp` is then 0).
 */
size_t pd_utf8_decode(const char *s, size_t n, uint32_t *cp);

/** @brief Tell whether a buffer holds only valid UTF-8.
 *
 * @param[in] s The bytes to check.
 * @param[in] n Their number.  An empty buffer is valid.
 * @return true if every byte belongs to a valid sequence.
 */
bool pd_utf8_valid(const char *s, size_t n);

/** @brief Copy a string, replacing each invalid byte with U+FFFD.
 *
 * Valid input is copied unchanged.
 *
 * @param[in] s The bytes to copy.
 * @param[in] n Their number.
 * @param[out] out Receives a malloc'd, NUL-terminated copy; the caller
 *	frees it.  Left untouched on failure.
 * @param[out] outlen Receives the length of `*out` without the NUL.  May be
 *	NULL.
 * @return A PD_* status code:
 *	<ul>
 *	<li>PD_OK - the copy is in `*out`.
 *	<li>PD_EINVAL - `out` is NULL, or `s` is NULL with `n` > 0.
 *	<li>PD_ENOMEM - out of memory.
 *	</ul>
 */
int pd_utf8_repair(const char *s, size_t n, char **out, size_t *outlen);

/** @brief Fold a string for searching.
 *
 * Applies NFKC case folding (compatibility forms, case folding, removal of
 * default-ignorable code points such as soft hyphens), strips every
 * combining mark, then maps the Latin letters that have no decomposition to
 * ASCII: ł→l, ø→o, đ→d, ð→d, ß→ss, æ→ae, œ→oe, þ→th, ı→i, ŀ→l, ħ→h, ŧ→t,
 * ĸ→k, ŋ→n (and their capitals).  So "Zoë", "Łukasz", "Ångström",
 * "Straße" and "ﬁ" fold to "zoe", "lukasz", "angstrom", "strasse" and
 * "fi".  Invalid bytes fold to U+FFFD.  ASCII input takes a fast path that
 * only lowercases A-Z.
 *
 * @param[in] s The text to fold.
 * @param[in] n Its length in bytes.
 * @param[out] out Receives the malloc'd, NUL-terminated folded text; the
 *	caller frees it.  Left untouched on failure.
 * @param[out] outlen Receives the length of `*out` without the NUL.  May be
 *	NULL.
 * @return A PD_* status code:
 *	<ul>
 *	<li>PD_OK - the folded text is in `*out`.
 *	<li>PD_EINVAL - `out` is NULL, or `s` is NULL with `n` > 0.
 *	<li>PD_ENOMEM - out of memory.
 *	</ul>
 */
int pd_text_fold(const char *s, size_t n, char **out, size_t *outlen);

/** @brief Fold a string for searching onto the end of a buffer.
 *
 * As pd_text_fold(), but the folded text is appended to `out`, whose
 * memory is reused: one buffer (reset in between) folds many fields
 * without a malloc each, and a key is folded in place after its tag.
 *
 * @param[in] s The text to fold.
 * @param[in] n Its length in bytes.
 * @param[in,out] out Gets the folded text appended (NUL-terminated); as
 *	it was on failure.
 * @return PD_OK, PD_EINVAL (`s` is NULL with `n` > 0) or PD_ENOMEM.
 */
int pd_text_fold_buf(const char *s, size_t n, struct pd_buf *out);

/** Flags for pd_text_words(). */
enum pd_words_flags {
	/** Yield the parts of a joined word and the parts run together. */
	PD_WORDS_INDEX = 1u << 0,
	/** Yield joined words run together, not their parts. */
	PD_WORDS_QUERY = 1u << 1,
};

/** @brief A callback for pd_text_words().
 *
 * @param[in] word The word, not NUL-terminated, valid only during the call.
 * @param[in] len Its length in bytes (always > 0).
 * @param[in] ctx The `ctx` given to pd_text_words().
 * @return 0 to go on, anything else to stop pd_text_words(), which then
 *	returns that value.
 */
typedef int (*pd_word_cb)(const char *word, size_t len, void *ctx);

/** @brief Split text (normally folded) into words.
 *
 * A word is a maximal run of letters and numbers (any Unicode category L*
 * or N*; combining marks continue a word).  Everything else separates
 * words, so "k.pike@example.org" gives "k", "pike", "example", "org".
 *
 * A single apostrophe (' or ’) or hyphen (-, ‐, ‑ or –) between two letters
 * or numbers joins its neighbours into a joined word such as "o'brien" or
 * "smith-jones", whose parts are "o" and "brien", "smith" and "jones".
 * What a joined word yields depends on `flags`:
 *	<ul>
 *	<li>0 - the parts only: "o", "brien".
 *	<li>PD_WORDS_INDEX - the parts, then the parts run together: "o",
 *	    "brien", "obrien".
 *	<li>PD_WORDS_QUERY - only the parts run together: "obrien".
 *	</ul>
 * A word without joiners is yielded once whatever the flags.  Invalid bytes
 * are separators.
 *
 * @param[in] folded The text, normally from pd_text_fold().
 * @param[in] n Its length in bytes.
 * @param[in] flags 0, PD_WORDS_INDEX or PD_WORDS_QUERY.
 * @param[in] cb Called once for each word, in order.
 * @param[in] ctx Passed to `cb`.
 * @return The first non-zero value returned by `cb`, or a PD_* status code:
 *	<ul>
 *	<li>PD_OK - every word was passed to `cb`.
 *	<li>PD_EINVAL - `cb` is NULL, `folded` is NULL with `n` > 0, or
 *	    `flags` is not one of the values above.
 *	<li>PD_ENOMEM - out of memory (only for a joined word over 256 bytes).
 *	</ul>
 */
int pd_text_words(const char *folded, size_t n, unsigned flags,
		  pd_word_cb cb, void *ctx);

/** @brief Copy only the ASCII digits of a string.
 *
 * For comparing phone numbers: "01632 960 123" gives "01632960123".
 *
 * @param[in] s The text.
 * @param[in] n Its length in bytes.
 * @param[out] out Receives the digits, NUL-terminated, truncated to
 *	`outsz` - 1 digits.  May be NULL only if `outsz` is 0.
 * @param[in] outsz The size of `out`; if 0 nothing is written.
 * @return The number of digits written to `out`, not counting the NUL.
 */
int pd_text_digits(const char *s, size_t n, char *out, size_t outsz);

/** @brief Measure text in terminal columns.
 *
 * Wide (CJK, emoji) characters count 2, combining marks and control
 * characters 0, and each invalid byte 1 (it is shown as U+FFFD).
 *
 * @param[in] s The text.
 * @param[in] n Its length in bytes.
 * @return The width in columns (at most INT_MAX).
 */
int pd_utf8_width(const char *s, size_t n);

/** @brief Find the longest prefix that fits in a number of columns.
 *
 * Characters are never cut, and a wide character that would straddle the
 * limit is left out.  Zero-width characters (such as combining marks) that
 * follow the last character that fits are included.
 *
 * @param[in] s The text.
 * @param[in] n Its length in bytes.
 * @param[in] cols The columns available; negative counts as 0.
 * @param[out] used Receives the width of the prefix.  May be NULL.
 * @return The length of the prefix in bytes.
 */
size_t pd_utf8_fit(const char *s, size_t n, int cols, int *used);

/** @brief Cut text at most `max` bytes long, never inside a character.
 *
 * @param[in] s The text (UTF-8).
 * @param[in] n Its length in bytes.
 * @param[in] max The most bytes wanted.
 * @return `n` when it is at most `max`; else the largest length not over
 *	`max` that does not end inside a multibyte sequence.
 */
size_t pd_utf8_cut(const char *s, size_t n, size_t max);

/** @brief The length of text without a character cut short at its end
 * (what a byte-counting truncation such as snprintf's may leave).
 *
 * @param[in] s The text.
 * @param[in] n Its length in bytes.
 * @return `n`, or less by the bytes of an incomplete last sequence.
 */
size_t pd_utf8_whole(const char *s, size_t n);

#endif
