/*
 * export_vcard.c — the directory's people as vCard 3.0 or 4.0 (vcard.h).
 *
 * What each field becomes is in vcard.h; import_vcard.c reads the same
 * properties back, so export then import is the identity.  Only N needs a
 * guess: a person's name is one field here, and N wants it in parts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plandesk/base/text.h"
#include "plandesk/transfer/vcard.h"

struct vx {
	struct pd_txn *txn;
	struct pd_err *err;
	struct pd_buf *out;
	int            version;
	struct pd_buf  val;
};

/* One property whose value is `n` bytes of text, escaped.  Nothing is
 * written for empty text. */
static int prop(struct vx *x, const char *head, const char *s, size_t n)
{
	if (!n)
		return PD_OK;
	pd_buf_reset(&x->val);
	if (pd_vcard_escape(&x->val, s, n) != PD_OK ||
	    pd_vcard_line(x->out, head, x->val.p, x->val.n) != PD_OK)
		return pd_err_nomem(x->err);
	return PD_OK;
}

static int field(struct vx *x, const char *head, const struct pd_record *r, int f)
{
	const char *s = pd_get_text(r, f);

	return prop(x, head, s, strlen(s));
}

/* --- N from a one-piece name ---------------------------------------------- */

/* Is folded word `w` (n bytes) in the NULL-terminated list? */
static bool in_list(const char *w, size_t n, const char *const *list)
{
	while (n && w[n - 1] == '.')
		n--;
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(*list, w, n))
			return true;
	return false;
}

static const char *const prefixes[] = {
	"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "rev", "revd", "cllr",
	"sir", "dame", NULL
};
static const char *const suffixes[] = { "jr", "sr", "ii", "iii", "iv", NULL };
/* Words that begin a surname: "van Dijk", "Ní Bhriain", "de la Cruz". */
static const char *const particles[] = {
	"van", "von", "de", "der", "den", "del", "della", "di", "da", "du",
	"des", "la", "le", "dos", "das", "ni", "nic", "ua", "mac", "mc", "bin",
	"binti", "al", "el", "ter", "ten", "st", NULL
};

/* The words of `name`: starts and ends (at most 32). */
static size_t words(const char *name, size_t *a, size_t *b)
{
	size_t n = 0, i = 0, len = strlen(name);

	while (i < len && n < 32) {
		while (i < len && name[i] == ' ')
			i++;
		if (i == len)
			break;
		a[n] = i;
		while (i < len && name[i] != ' ')
			i++;
		b[n++] = i;
	}
	return n;
}

/* Is word [a, b) of `name`, folded, in `list`? */
static bool word_in(const char *name, size_t a, size_t b, const char *const *list)
{
	char *w = NULL;
	size_t wn;
	bool yes;

	if (pd_text_fold(name + a, b - a, &w, &wn) != PD_OK)
		return false;
	yes = in_list(w, wn, list);
	free(w);
	return yes;
}

/* Words [i, j) of `name`, escaped, then `sep`. */
static int span(struct pd_buf *v, const char *name, const size_t *a,
		const size_t *b, size_t i, size_t j, char sep)
{
	if (i < j && pd_vcard_escape(v, name + a[i], b[j - 1] - a[i]) != PD_OK)
		return PD_ENOMEM;
	return sep ? pd_buf_putc(v, sep) : PD_OK;
}

/* N: family;given;additional;prefix;suffix. */
static int put_n(struct vx *x, const char *name)
{
	size_t a[32], b[32], n = words(name, a, b);
	bool pre = n > 1 && word_in(name, a[0], b[0], prefixes);
	bool suf = n > 2u + pre && word_in(name, a[n - 1], b[n - 1], suffixes);
	size_t first = pre, last = n - suf, fam = last;
	struct pd_buf v = PD_BUF_INIT;
	int rc;

	/* the name proper is words [first, last); its family name starts at
	 * `fam`: the last word, or an earlier particle */
	if (last - first >= 2) {
		fam = last - 1;
		for (size_t i = first + 1; i < last - 1; i++)
			if (word_in(name, a[i], b[i], particles)) {
				fam = i;
				break;
			}
	}
	rc = span(&v, name, a, b, fam, last, ';');
	if (rc == PD_OK)
		rc = span(&v, name, a, b, first, first + (first < last), ';');
	if (rc == PD_OK)
		rc = span(&v, name, a, b, first + 1, fam, ';');
	if (rc == PD_OK)
		rc = span(&v, name, a, b, 0, pre, ';');
	if (rc == PD_OK)
		rc = span(&v, name, a, b, last, n, 0);
	if (rc == PD_OK)
		rc = pd_vcard_line(x->out, "N", v.p ? v.p : "", v.n);
	pd_buf_free(&v);
	return rc == PD_OK ? PD_OK : pd_err_nomem(x->err);
}

/* "20090615T101500Z" */
static void stamp(int64_t t, char out[20])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm))
		memset(&tm, 0, sizeof tm);
	strftime(out, 20, "%Y%m%dT%H%M%SZ", &tm);
}

static int card(struct vx *x, const struct pd_record *p)
{
	bool v4 = x->version == 40;
	const char *name = pd_get_text(p, PD_PERSON_NAME);
	uint64_t org = pd_get_ref(p, PD_PERSON_ORG);
	char uid[80], rev[20];
	int rc;

	snprintf(uid, sizeof uid, "plandesk-person-%lld-%llu",
		 (long long)p->created, (unsigned long long)p->id);
	stamp(p->updated, rev);
	if (pd_buf_puts(x->out, v4 ? "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\n"
			: "BEGIN:VCARD\r\nVERSION:3.0\r\n") != PD_OK)
		return pd_err_nomem(x->err);
	if ((rc = field(x, "FN", p, PD_PERSON_NAME)) || (rc = put_n(x, name)))
		return rc;
	if (org) {
		struct pd_record o;
		pd_record_init(&o, PD_ORG);
		rc = pd_get(x->txn, PD_ORG, org, &o, NULL);
		if (rc == PD_OK)
			rc = field(x, "ORG", &o, PD_ORG_NAME);
		else if (rc == PD_NOTFOUND)
			rc = PD_OK;   /* no longer in the directory */
		pd_record_clear(&o);
		if (rc != PD_OK)
			return pd_err_set(x->err, rc, "organisation %llu: %s",
					  (unsigned long long)org, pd_strerror(rc));
	}
	if ((rc = field(x, "TITLE", p, PD_PERSON_ROLE)) ||
	    (rc = field(x, v4 ? "TEL;VALUE=text;TYPE=work,voice" : "TEL;TYPE=WORK,VOICE",
			p, PD_PERSON_PHONE)) ||
	    (rc = field(x, v4 ? "TEL;VALUE=text;TYPE=cell" : "TEL;TYPE=CELL",
			p, PD_PERSON_MOBILE)) ||
	    (rc = field(x, v4 ? "EMAIL;TYPE=work" : "EMAIL;TYPE=INTERNET,WORK",
			p, PD_PERSON_EMAIL)) ||
	    (rc = field(x, "NOTE", p, PD_PERSON_NOTES)) ||
	    (rc = field(x, "X-PLANDESK-INITIALS", p, PD_PERSON_INITIALS)) ||
	    (rc = field(x, "X-PLANDESK-VERIFIED", p, PD_PERSON_VERIFIED)) ||
	    (rc = prop(x, v4 ? "UID;VALUE=text" : "UID", uid, strlen(uid))) ||
	    (rc = prop(x, "REV", rev, strlen(rev))))
		return rc;
	return pd_buf_puts(x->out, "END:VCARD\r\n") == PD_OK ? PD_OK : pd_err_nomem(x->err);
}

int pd_export_vcards(struct pd_txn *txn, int version, struct pd_buf *out,
		     size_t *count, struct pd_err *err)
{
	struct vx x = { .txn = txn, .err = err, .out = out, .version = version };
	struct pd_cursor *cur;
	struct pd_record p;
	uint64_t id;
	size_t n = 0;
	int rc;

	if (count)
		*count = 0;
	if (version != 30 && version != 40)
		return pd_err_set(err, PD_EINVAL, "vCard version %d.%d: plandesk writes "
				  "3.0 and 4.0", version / 10, version % 10);
	if ((rc = pd_cursor_kind(txn, PD_PERSON, 0, &cur, err)) != PD_OK)
		return rc;
	pd_record_init(&p, PD_PERSON);
	while ((rc = pd_cursor_next(cur, &id, err)) == PD_OK) {
		pd_record_clear(&p);
		if ((rc = pd_get(txn, PD_PERSON, id, &p, err)) != PD_OK ||
		    (rc = card(&x, &p)) != PD_OK)
			break;
		n++;
	}
	pd_record_clear(&p);
	pd_cursor_close(cur);
	pd_buf_free(&x.val);
	if (rc != PD_NOTFOUND)
		return rc;
	if (count)
		*count = n;
	return PD_OK;
}
