/* text.c — UTF-8 helpers: decoding, repair, folding, words and width. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "plandesk/base/buf.h"
#include "plandesk/base/text.h"

/* Options for folding one code point: NFKC case folding without marks. */
#define FOLD_OPTIONS (UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | \
		      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | \
		      UTF8PROC_IGNORE)

/* Room for the folding of one code point (the longest is 18). */
#define FOLD_MAX 32

/* Joined words up to this size are built on the stack. */
#define WORD_STACK 256

/* Hangul syllable arithmetic, for composing conjoining jamo. */
#define HANGUL_SBASE 0xAC00
#define HANGUL_LBASE 0x1100
#define HANGUL_VBASE 0x1161
#define HANGUL_TBASE 0x11A7
#define HANGUL_LCOUNT 19
#define HANGUL_VCOUNT 21
#define HANGUL_TCOUNT 28
#define HANGUL_NCOUNT (HANGUL_VCOUNT * HANGUL_TCOUNT)
#define HANGUL_SCOUNT (HANGUL_LCOUNT * HANGUL_NCOUNT)

/* Latin letters with no decomposition, and the ASCII they fold to. */
struct latin {
	uint32_t cp;
	const char *ascii;
};

static const struct latin latin[] = {   /* sorted by code point */
	{ 0x00C6, "ae" }, { 0x00D0, "d" },  { 0x00D8, "o" },  { 0x00DE, "th" },
	{ 0x00DF, "ss" }, { 0x00E6, "ae" }, { 0x00F0, "d" },  { 0x00F8, "o" },
	{ 0x00FE, "th" }, { 0x0110, "d" },  { 0x0111, "d" },  { 0x0126, "h" },
	{ 0x0127, "h" },  { 0x0131, "i" },  { 0x0138, "k" },  { 0x013F, "l" },
	{ 0x0140, "l" },  { 0x0141, "l" },  { 0x0142, "l" },  { 0x014A, "n" },
	{ 0x014B, "n" },  { 0x0152, "oe" }, { 0x0153, "oe" }, { 0x0166, "t" },
	{ 0x0167, "t" },
};

static const char *latin_ascii(uint32_t cp)
{
	size_t lo = 0, hi = sizeof latin / sizeof latin[0], mid;

	if (cp < 0x00C6 || cp > 0x0167)
		return NULL;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (latin[mid].cp == cp)
			return latin[mid].ascii;
		if (latin[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Decode one code point; return its length, or 0 if the sequence at `p` is
 * invalid.  `n` must be > 0.
 */
static size_t utf8_next(const unsigned char *p, size_t n, uint32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t len;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	len = utf8proc_iterate(p, n > 4 ? 4 : (utf8proc_ssize_t)n, &c);
	if (len <= 0 || c < 0) {
		*cp = PD_UTF8_REPLACEMENT;
		return 0;
	}
	*cp = (uint32_t)c;
	return (size_t)len;
}

/* Encode `cp` (a valid scalar value) at `p`; return its length. */
static size_t utf8_put(unsigned char *p, uint32_t cp)
{
	if (cp < 0x80) {
		p[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		p[0] = (unsigned char)(0xC0 | (cp >> 6));
		p[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		p[0] = (unsigned char)(0xE0 | (cp >> 12));
		p[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		p[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	p[0] = (unsigned char)(0xF0 | (cp >> 18));
	p[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	p[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	p[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t pd_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	uint32_t c = 0;
	size_t len;

	if (n == 0 || s == NULL)
		len = 0;
	else if ((len = utf8_next((const unsigned char *)s, n, &c)) == 0)
		len = 1;
	if (cp != NULL)
		*cp = c;
	return len;
}

bool pd_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t i = 0, len;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = utf8_next(p + i, n - i, &cp)) == 0)
			return false;
		i += len;
	}
	return true;
}

int pd_utf8_repair(const char *s, size_t n, char **out, size_t *outlen)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char *buf;
	uint32_t cp;
	size_t i, len, bad = 0, o = 0;

	if (out == NULL || (s == NULL && n > 0))
		return PD_EINVAL;
	for (i = 0; i < n; i += len ? len : 1)
		if ((len = p[i] < 0x80 ? 1 : utf8_next(p + i, n - i, &cp)) == 0)
			bad++;
	/* Each bad byte grows from 1 to 3 bytes. */
	if (bad > (SIZE_MAX - n - 1) / 2 ||
	    (buf = malloc(n + 2 * bad + 1)) == NULL)
		return PD_ENOMEM;
	for (i = 0; i < n; i += len ? len : 1) {
		len = p[i] < 0x80 ? 1 : utf8_next(p + i, n - i, &cp);
		if (len == 0)
			o += utf8_put(buf + o, PD_UTF8_REPLACEMENT);
		else {
			memcpy(buf + o, p + i, len);
			o += len;
		}
	}
	buf[o] = '\0';
	*out = (char *)buf;
	if (outlen != NULL)
		*outlen = o;
	return PD_OK;
}

/* The output of pd_text_fold while it is built. */
struct fold {
	unsigned char *buf;
	size_t len;
	size_t size;
	uint32_t last;   /* last code point written, for Hangul */
};

/* Make room for `more` bytes and the NUL. */
static int fold_reserve(struct fold *f, size_t more)
{
	unsigned char *nb;
	size_t need, size;

	if (more > SIZE_MAX - f->len - 1)
		return PD_ENOMEM;
	need = f->len + more + 1;
	if (need <= f->size)
		return PD_OK;
	size = f->size > SIZE_MAX / 2 ? SIZE_MAX : f->size * 2;
	if (size < need)
		size = need;
	if ((nb = realloc(f->buf, size)) == NULL)
		return PD_ENOMEM;
	f->buf = nb;
	f->size = size;
	return PD_OK;
}

/*
 * Append one folded code point.  Conjoining Hangul jamo are composed with
 * the syllable before them, as NFKC does; the composed syllable has the
 * same 3-byte length, so it is rewritten in place.
 */
static void fold_put(struct fold *f, uint32_t cp)
{
	const char *ascii;
	uint32_t last = f->last, s;

	if (last >= HANGUL_LBASE && last < HANGUL_LBASE + HANGUL_LCOUNT &&
	    cp >= HANGUL_VBASE && cp < HANGUL_VBASE + HANGUL_VCOUNT) {
		s = HANGUL_SBASE + ((last - HANGUL_LBASE) * HANGUL_VCOUNT +
				    (cp - HANGUL_VBASE)) * HANGUL_TCOUNT;
		f->len -= 3;
		f->len += utf8_put(f->buf + f->len, s);
		f->last = s;
		return;
	}
	if (last >= HANGUL_SBASE && last < HANGUL_SBASE + HANGUL_SCOUNT &&
	    (last - HANGUL_SBASE) % HANGUL_TCOUNT == 0 &&
	    cp > HANGUL_TBASE && cp < HANGUL_TBASE + HANGUL_TCOUNT) {
		s = last + (cp - HANGUL_TBASE);
		f->len -= 3;
		f->len += utf8_put(f->buf + f->len, s);
		f->last = s;
		return;
	}
	if ((ascii = latin_ascii(cp)) != NULL) {
		while (*ascii != '\0')
			f->buf[f->len++] = (unsigned char)*ascii++;
		f->last = (unsigned char)ascii[-1];
		return;
	}
	f->len += utf8_put(f->buf + f->len, cp);
	f->last = cp;
}

/* Fold one non-ASCII code point into `f`. */
static int fold_char(struct fold *f, uint32_t cp)
{
	utf8proc_int32_t dst[FOLD_MAX];
	utf8proc_ssize_t k, i;
	int bound = 0;

	/*
	 * ŀ decomposes to "l·": map it before utf8proc sees it.  Hangul
	 * syllables fold to themselves (after composing with jamo).
	 */
	if (latin_ascii(cp) != NULL ||
	    (cp >= HANGUL_SBASE && cp < HANGUL_SBASE + HANGUL_SCOUNT)) {
		if (fold_reserve(f, 3) != PD_OK)
			return PD_ENOMEM;
		fold_put(f, cp);
		return PD_OK;
	}
	k = utf8proc_decompose_char((utf8proc_int32_t)cp, dst, FOLD_MAX,
				    FOLD_OPTIONS, &bound);
	if (k < 0 || k > FOLD_MAX) {
		/* No folding is this long; keep the character. */
		dst[0] = (utf8proc_int32_t)cp;
		k = 1;
	}
	if (fold_reserve(f, (size_t)k * 4) != PD_OK)
		return PD_ENOMEM;
	for (i = 0; i < k; i++)
		fold_put(f, (uint32_t)dst[i]);
	return PD_OK;
}

/* Fold the n bytes at p onto the end of f (room for n more made). */
static int fold_run(struct fold *f, const unsigned char *p, size_t n)
{
	uint32_t cp;
	size_t i, len;

	for (i = 0; i < n; i += len) {
		if (p[i] < 0x80) {
			/* ASCII: lowercase, nothing else to do. */
			cp = p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32u : p[i];
			if (f->len + 1 >= f->size &&
			    fold_reserve(f, 1) != PD_OK)
				return PD_ENOMEM;
			f->buf[f->len++] = (unsigned char)cp;
			f->last = cp;
			len = 1;
			continue;
		}
		if ((len = utf8_next(p + i, n - i, &cp)) == 0)
			len = 1;   /* cp is U+FFFD */
		if (fold_char(f, cp) != PD_OK)
			return PD_ENOMEM;
	}
	f->buf[f->len] = '\0';
	return PD_OK;
}

int pd_text_fold(const char *s, size_t n, char **out, size_t *outlen)
{
	struct fold f;

	if (out == NULL || (s == NULL && n > 0))
		return PD_EINVAL;
	if (n == SIZE_MAX || (f.buf = malloc(n + 1)) == NULL)
		return PD_ENOMEM;
	f.size = n + 1;
	f.len = 0;
	f.last = 0;
	if (fold_run(&f, (const unsigned char *)s, n) != PD_OK) {
		free(f.buf);
		return PD_ENOMEM;
	}
	*out = (char *)f.buf;
	if (outlen != NULL)
		*outlen = f.len;
	return PD_OK;
}

int pd_text_fold_buf(const char *s, size_t n, struct pd_buf *out)
{
	struct fold f = { (unsigned char *)out->p, out->n, out->cap, 0 };
	int rc;

	if (s == NULL && n > 0)
		return PD_EINVAL;
	rc = n == SIZE_MAX ? PD_ENOMEM : fold_reserve(&f, n);
	if (rc == PD_OK)
		rc = fold_run(&f, (const unsigned char *)s, n);
	out->p = (char *)f.buf;
	out->cap = f.size;
	if (rc == PD_OK)
		out->n = f.len;
	else if (out->p)
		out->p[out->n] = '\0';   /* as it was */
	return rc;
}

/* Classes of code points for word splitting. */
enum wclass {
	W_SEP,    /* separates words */
	W_WORD,   /* letter or number: starts or continues a word */
	W_MARK,   /* combining mark: continues a word */
	W_JOIN,   /* apostrophe or hyphen: may join two parts */
};

static enum wclass word_class(uint32_t cp)
{
	switch (cp) {
	case '\'': case 0x2019:                            /* ' ’ */
	case '-': case 0x2010: case 0x2011: case 0x2013:   /* - ‐ ‑ – */
		return W_JOIN;
	}
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9'))
			return W_WORD;
		return W_SEP;
	}
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return W_WORD;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return W_MARK;
	default:
		return W_SEP;
	}
}

/* Classify the code point at `p` (n > 0); return its length in *len. */
static enum wclass word_next(const unsigned char *p, size_t n, size_t *len)
{
	uint32_t cp;

	if ((*len = utf8_next(p, n, &cp)) == 0) {
		*len = 1;
		return W_SEP;
	}
	return word_class(cp);
}

/* Find the end of the part of a word starting at `i`. */
static size_t word_part_end(const unsigned char *p, size_t n, size_t i)
{
	size_t len;

	while (i < n) {
		enum wclass c = word_next(p + i, n - i, &len);

		if (c != W_WORD && c != W_MARK)
			break;
		i += len;
	}
	return i;
}

/*
 * If a single joiner at `i` is followed by a letter or number, return the
 * start of the next part, else 0.
 */
static size_t word_join(const unsigned char *p, size_t n, size_t i)
{
	size_t len, next;

	if (i >= n || word_next(p + i, n - i, &len) != W_JOIN)
		return 0;
	next = i + len;
	if (next >= n || word_next(p + next, n - next, &len) != W_WORD)
		return 0;
	return next;
}

/* Yield the joined word spanning [start, end): its parts run together. */
static int word_joined(const unsigned char *p, size_t start, size_t end,
		       pd_word_cb cb, void *ctx)
{
	char stack[WORD_STACK], *buf = stack;
	size_t i = start, e, jlen, len = 0;
	int rc;

	if (end - start > sizeof stack && (buf = malloc(end - start)) == NULL)
		return PD_ENOMEM;
	buf[0] = '\0';
	while (i < end) {
		e = word_part_end(p, end, i);
		memcpy(buf + len, p + i, e - i);
		len += e - i;
		if (e >= end)
			break;
		word_next(p + e, end - e, &jlen);   /* skip the joiner */
		i = e + jlen;
	}
	rc = cb(buf, len, ctx);
	if (buf != stack)
		free(buf);
	return rc;
}

int pd_text_words(const char *folded, size_t n, unsigned flags, pd_word_cb cb,
		  void *ctx)
{
	const unsigned char *p = (const unsigned char *)folded;
	size_t i = 0, start, end, next, len, parts;
	int rc;

	if (cb == NULL || (folded == NULL && n > 0) ||
	    (flags != 0 && flags != PD_WORDS_INDEX && flags != PD_WORDS_QUERY))
		return PD_EINVAL;
	while (i < n) {
		if (word_next(p + i, n - i, &len) != W_WORD) {
			i += len;
			continue;
		}
		start = i;
		parts = 0;
		for (;;) {
			end = word_part_end(p, n, i);
			parts++;
			if (flags != PD_WORDS_QUERY &&
			    (rc = cb((const char *)p + i, end - i, ctx)) != 0)
				return rc;
			if ((next = word_join(p, n, end)) == 0)
				break;
			i = next;
		}
		if (flags == PD_WORDS_QUERY && parts == 1)
			rc = cb((const char *)p + start, end - start, ctx);
		else if (flags != 0 && parts > 1)
			rc = word_joined(p, start, end, cb, ctx);
		else
			rc = 0;
		if (rc != 0)
			return rc;
		i = end;
	}
	return PD_OK;
}

int pd_text_digits(const char *s, size_t n, char *out, size_t outsz)
{
	size_t i, o = 0;

	if (out == NULL || outsz == 0)
		return 0;
	for (i = 0; s != NULL && i < n && o + 1 < outsz &&
	     o < (size_t)INT_MAX; i++)
		if (s[i] >= '0' && s[i] <= '9')
			out[o++] = s[i];
	out[o] = '\0';
	return (int)o;
}

/* The columns of the code point at `p` (n > 0); its length in *len. */
static int char_width(const unsigned char *p, size_t n, size_t *len)
{
	uint32_t cp;
	int w;

	if (p[0] < 0x80) {
		*len = 1;
		return p[0] >= 0x20 && p[0] < 0x7F;
	}
	if ((*len = utf8_next(p, n, &cp)) == 0) {
		*len = 1;
		return 1;   /* shown as U+FFFD */
	}
	if (utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CC)
		return 0;
	w = utf8proc_charwidth((utf8proc_int32_t)cp);
	return w < 0 ? 0 : w;
}

int pd_utf8_width(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	int w, total = 0;

	while (i < n) {
		w = char_width(p + i, n - i, &len);
		if (total > INT_MAX - w)
			return INT_MAX;
		total += w;
		i += len;
	}
	return total;
}

size_t pd_utf8_fit(const char *s, size_t n, int cols, int *used)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	int w, total = 0;

	if (cols < 0)
		cols = 0;
	while (i < n) {
		w = char_width(p + i, n - i, &len);
		if (w > cols - total)
			break;
		total += w;
		i += len;
	}
	if (used != NULL)
		*used = total;
	return i;
}

size_t pd_utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

size_t pd_utf8_whole(const char *s, size_t n)
{
	size_t lead = n, want;
	unsigned char c;

	/* Back over at most three continuation bytes to the lead byte. */
	while (lead > 0 && n - lead < 3 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead == 0 || !((unsigned char)s[lead - 1] & 0x80))
		return n;   /* ends in ASCII, or only continuation bytes */
	c = (unsigned char)s[--lead];
	want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	return n - lead < want ? lead : n;
}
