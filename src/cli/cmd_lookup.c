/*
 * cmd_lookup.c — `plandesk lookup [--mutt] [--stale MONTHS] QUERY`: people
 * and organisations from the directory, one a line.
 *
 *   plain   kind<TAB>name<TAB>role<TAB>organisation<TAB>phone<TAB>email
 *   --mutt  a first line of text, then email<TAB>name<TAB>organisation for
 *           each match with an e-mail address (mutt's query_command)
 *
 * --stale MONTHS keeps only entries whose `verified` date is missing or
 * older than MONTHS months before today; without a QUERY it lists every
 * such organisation, then every such person.
 *
 * Each match's directory card is read as the search passes it on
 * (pd_card_read: the matches of a class come in the cards' order, so the
 * reads walk forward over neighbouring pages, several times faster than
 * one pd_get each for a common name) and its line formatted into a buffer
 * written out every OUT_CHUNK bytes: a `lookup smi` of 31,000 lines keeps
 * neither its hits nor its 3 MB of output in memory.  A damaged index
 * found part way stops the output there with exit status 2.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "plandesk/base/buf.h"
#include "plandesk/base/date.h"
#include "plandesk/directory/search.h"
#include "plandesk/base/u64map.h"

/* Write the output in pieces of about this size. */
#define OUT_CHUNK 65536

/* An organisation's name as the map keeps it: its length found once. */
struct org_name {
	size_t n;
	char   s[];
};

struct lookup {
	struct pd_txn         *txn;
	struct pd_card_reader *rd;
	bool                   mutt, stale;
	struct pd_date         cutoff;    /* verified before this is stale */
	struct pd_buf          out;       /* lines not yet written */
	size_t                 printed;
	struct pd_u64map       orgs;      /* organisation id → malloc'd
					     struct org_name */
	int                    rc;        /* what stopped the search early */
	struct pd_err          err;
};

static void free_name(uint64_t v)
{
	free((char *)(uintptr_t)v);
}

/* The name of organisation `id` (empty when it is gone or memory is
 * short). */
static struct pd_card_text org_name(struct lookup *lk, uint64_t id)
{
	static const struct pd_card_text none = { "", 0 };
	struct org_name *name = NULL;
	struct pd_record org;
	uint64_t v;

	if (!id)
		return none;
	if (pd_u64map_get(&lk->orgs, id, &v)) {
		name = (struct org_name *)(uintptr_t)v;
		return (struct pd_card_text){ name->s, name->n };
	}
	if (pd_get(lk->txn, PD_ORG, id, &org, NULL) == PD_OK) {
		const char *s = pd_get_text(&org, PD_ORG_NAME);
		size_t n = strlen(s);
		if ((name = malloc(sizeof *name + n + 1))) {
			name->n = n;
			memcpy(name->s, s, n + 1);
		}
	}
	pd_record_clear(&org);
	if (!name || pd_u64map_add(&lk->orgs, id, (uintptr_t)name) != PD_OK) {
		free(name);
		return none;
	}
	return (struct pd_card_text){ name->s, name->n };
}

/* Does the word x hold a control byte (below 0x20, or 0x7f)?  A byte b
 * is below 0x20 when b - 0x20 borrows while b < 0x80, and 0x7f when
 * b ^ 0x7f is 0. */
static bool word_has_control(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t y = x ^ (0x7f * ones);

	return (((x - 0x20 * ones) & ~x) | ((y - ones) & ~y)) & high;
}

/* Is any of the n bytes at p a control byte?  Eight at a time; the last
 * (or only) few in one more word, read overlapping the one before or
 * padded with spaces, so no field is looked at a byte at a time. */
static bool has_control(const char *p, size_t n)
{
	uint64_t x = 0x2020202020202020ull;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, p + i, 8);
		if (word_has_control(x))
			return true;
	}
	if (i == n)
		return false;
	if (n >= 8)
		memcpy(&x, p + n - 8, 8);
	else
		memcpy(&x, p, n);
	return word_has_control(x);
}

/*
 * Copy a field to `w` with tabs, newlines and other control bytes as
 * spaces; returns the end.  (Nearly every field has none, and is copied
 * whole: a `lookup smi` formats 125,000 lines.)
 */
static char *put_field(char *w, struct pd_card_text t)
{
	memcpy(w, t.p, t.n);
	if (has_control(t.p, t.n))
		for (size_t i = 0; i < t.n; i++) {
			unsigned char c = (unsigned char)t.p[i];
			w[i] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
		}
	return w + t.n;
}

static struct pd_card_text text(const char *s)
{
	return (struct pd_card_text){ s, strlen(s) };
}

static bool is_stale(const struct lookup *lk, const struct pd_card *c)
{
	char s[32];
	struct pd_date d;

	if (!c->verified.n || c->verified.n >= sizeof s)
		return true;
	memcpy(s, c->verified.p, c->verified.n);
	s[c->verified.n] = '\0';
	if (pd_date_parse(s, &d, NULL) != PD_OK)
		return true;
	return pd_date_cmp(&d, &lk->cutoff) < 0;
}

/* Append card c's line to lk->out.  PD_OK, PD_ENOMEM. */
static int format(struct lookup *lk, const struct pd_card *c)
{
	static const char mutt_first[] = "plandesk: people and organisations found\n";
	bool person = c->kind == PD_PERSON;
	struct pd_card_text org = person ? org_name(lk, c->org) : text("");
	struct pd_card_text phone = c->phone.n ? c->phone : c->mobile;
	struct pd_card_text kind = text(person ? "person" : "org");
	/* The line's fields, in order; tabs between, a newline after. */
	const struct pd_card_text mutt[] = { c->email, c->name, org };
	const struct pd_card_text plain[] = { kind, c->name, c->role, org, phone, c->email };
	const struct pd_card_text *f = lk->mutt ? mutt : plain;
	size_t nf = lk->mutt ? 3 : 6, len = nf;
	char *w;

	if ((lk->stale && !is_stale(lk, c)) || (lk->mutt && !c->email.n))
		return PD_OK;
	if (!lk->printed++ && lk->mutt &&
	    pd_buf_add(&lk->out, mutt_first, sizeof mutt_first - 1) != PD_OK)
		return PD_ENOMEM;
	for (size_t j = 0; j < nf; j++)
		len += f[j].n;
	if (pd_buf_reserve(&lk->out, len) != PD_OK)
		return PD_ENOMEM;
	w = lk->out.p + lk->out.n;
	for (size_t j = 0; j < nf; j++) {
		w = put_field(w, f[j]);
		*w++ = j + 1 < nf ? '\t' : '\n';
	}
	*w = '\0';
	lk->out.n += len;
	return PD_OK;
}

/* Write what is buffered.  PD_OK, or PD_EIO (stdout failed). */
static int flush_out(struct lookup *lk)
{
	size_t n = lk->out.n;

	lk->out.n = 0;
	if (n && fwrite(lk->out.p, 1, n, stdout) != n)
		return PD_EIO;
	return PD_OK;
}

/* One match: its card read, its line formatted, the buffer written when
 * full.  PD_OK, or what went wrong (lk->err says it). */
static int show(struct lookup *lk, const struct pd_hit *hit)
{
	struct pd_card c;
	int rc = pd_card_read(lk->rd, hit, &c, &lk->err);

	if (rc == PD_NOTFOUND)
		return PD_OK;   /* the record is gone */
	if (rc == PD_OK && (rc = format(lk, &c)) == PD_ENOMEM)
		pd_err_nomem(&lk->err);
	if (rc == PD_OK && lk->out.n >= OUT_CHUNK && (rc = flush_out(lk)) != PD_OK)
		pd_err_set(&lk->err, rc, "cannot write the output");
	return rc;
}

static int hit_cb(const struct pd_hit *hit, void *ctx)
{
	struct lookup *lk = ctx;

	return lk->rc = show(lk, hit);
}

/* --stale without a query: every organisation, then every person. */
static int scan_all(struct lookup *lk)
{
	static const enum pd_kind kinds[] = { PD_ORG, PD_PERSON };
	struct pd_cursor *cur;
	uint64_t id;
	int rc = PD_OK;

	for (size_t i = 0; i < 2 && rc == PD_OK; i++) {
		if ((rc = pd_cursor_kind(lk->txn, kinds[i], 0, &cur, &lk->err)))
			break;
		while ((rc = pd_cursor_next(cur, &id, &lk->err)) == PD_OK &&
		       (rc = show(lk, &(struct pd_hit){ .kind = kinds[i], .id = id,
							.rank = PD_RANK_OTHER })) == PD_OK)
			;
		pd_cursor_close(cur);
		if (rc == PD_NOTFOUND)
			rc = PD_OK;
	}
	return rc;
}

/* Find, read, format and write; the lines' count in lk->printed. */
static int find(struct lookup *lk, const char *query)
{
	int rc = pd_card_reader_open(lk->txn, &lk->rd, &lk->err);

	if (rc == PD_OK && query)
		rc = pd_search_each(lk->txn, query, 0, 0, SIZE_MAX, hit_cb, lk,
				    NULL, &lk->err);
	else if (rc == PD_OK)
		rc = scan_all(lk);
	if (rc == PD_OK && lk->rc)
		rc = lk->rc;
	if (rc == PD_OK && !lk->printed && lk->mutt &&
	    pd_buf_puts(&lk->out, "plandesk: no matches with an e-mail address\n") != PD_OK)
		rc = pd_err_nomem(&lk->err);
	if (flush_out(lk) != PD_OK && rc == PD_OK)
		rc = pd_err_set(&lk->err, PD_EIO, "cannot write the output");
	return rc;
}

/* The QUERY words joined by spaces (malloc'd). */
static char *join_args(int argc, char **argv)
{
	struct pd_buf q = PD_BUF_INIT;

	for (int i = 0; i < argc; i++)
		if ((i && pd_buf_putc(&q, ' ') != PD_OK) || pd_buf_puts(&q, argv[i]) != PD_OK) {
			pd_buf_free(&q);
			return NULL;
		}
	return q.p;
}

static int parse_months(struct cli_ctx *ctx, const char *s, struct pd_date *cutoff)
{
	char *end;
	long months = strtol(s, &end, 10);

	if (!*s || *end || months < 0 || months > 12 * 9999) {
		cli_error(ctx, "lookup: --stale wants a number of months, not '%s'", s);
		return CLI_ERROR;
	}
	if (pd_date_today(cutoff) != PD_OK) {
		cli_error(ctx, "lookup: cannot tell today's date (is PLANDESK_TODAY a date?)");
		return CLI_ERROR;
	}
	pd_date_add_months(cutoff, -(int)months);
	return CLI_OK;
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mutt",  no_argument,       NULL, 'm' },
		{ "stale", required_argument, NULL, 's' },
		{ "help",  no_argument,       NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct lookup lk = { .out = PD_BUF_INIT };
	struct pd_store *st = NULL;
	char *query = NULL;
	int c, status = CLI_ERROR;

	/* Before getopt, so that its own errors reach mutt's status line. */
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--mutt") == 0)
			ctx->errors_to_stdout = true;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'm':
			lk.mutt = true;
			break;
		case 's':
			lk.stale = true;
			if (parse_months(ctx, optarg, &lk.cutoff) != CLI_OK)
				goto out;
			break;
		default:
			cli_usage(ctx, &cmd_lookup);
			goto out;
		}
	}
	if (optind >= argc && !lk.stale) {
		cli_usage(ctx, &cmd_lookup);
		goto out;
	}
	if (optind < argc && !(query = join_args(argc - optind, argv + optind))) {
		cli_error(ctx, "%s", pd_strerror(PD_ENOMEM));
		goto out;
	}
	if (!(st = cli_open_store(ctx, true)))
		goto out;
	if (pd_txn_read(st, &lk.txn, &lk.err) != PD_OK || find(&lk, query) != PD_OK) {
		cli_error(ctx, "lookup: %s", lk.err.msg);
		goto out;
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		cli_error(ctx, "lookup: cannot write the output");
	else
		status = lk.printed ? CLI_OK : CLI_NOTHING;
out:
	pd_card_reader_close(lk.rd);
	pd_txn_end(lk.txn);
	pd_store_close(st);
	pd_u64map_free(&lk.orgs, free_name);
	pd_buf_free(&lk.out);
	free(query);
	return status;
}

const struct cli_cmd cmd_lookup = {
	.name = "lookup",
	.usage = "[--mutt] [--stale MONTHS] QUERY",
	.summary = "find people and organisations in the directory",
	.help = "Prints kind, name, role, organisation, phone and e-mail, tab-separated,\n"
		"one match a line.  Exit status 0 with matches, 1 with none.\n"
		"Options:\n"
		"  --mutt                mutt's query format (query_command)\n"
		"  --stale MONTHS        only entries not verified in MONTHS months\n",
	.run = run,
};
