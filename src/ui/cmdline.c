/*
 * cmdline.c — the `:` commands (cmdline.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plandesk/protect/disclose_out.h"
#include "plandesk/protect/retention.h"
#include "app.h"
#include "cmdline.h"
#include "meeting_mode.h"
#include "views.h"

#define MAXARGS 8

/* Split `line` in place into words; "double quotes" keep spaces. */
static int split(char *line, char **argv)
{
	int argc = 0;
	char *p = line;

	while (*p && argc < MAXARGS) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (*p == '"') {
			argv[argc++] = ++p;
			while (*p && *p != '"')
				p++;
		} else {
			argv[argc++] = p;
			while (*p && *p != ' ' && *p != '\t')
				p++;
		}
		if (*p)
			*p++ = '\0';
	}
	return argc;
}

/* Take --confidential and --reason TEXT out of argv into *o.  Returns 0,
 * or -1 for --reason without its text. */
static int take_opts(int *argc, char **argv, struct ui_cmdopts *o)
{
	int n = 0;

	for (int i = 0; i < *argc; i++) {
		if (strcmp(argv[i], "--confidential") == 0) {
			o->confidential = true;
		} else if (strcmp(argv[i], "--reason") == 0) {
			if (++i >= *argc || !argv[i][0])
				return -1;
			snprintf(o->reason, sizeof o->reason, "%s", argv[i]);
		} else {
			argv[n++] = argv[i];
		}
	}
	*argc = n;
	return 0;
}

/* `~/x` → $HOME/x into buf. */
static const char *expand(const char *path, char *buf, size_t n)
{
	const char *home = getenv("HOME");

	if (path[0] == '~' && path[1] == '/' && home) {
		snprintf(buf, n, "%s%s", home, path + 1);
		return buf;
	}
	return path;
}

static void progress(void *ctx, const struct pd_progress *p)
{
	struct app *a = ctx;

	if (p->total)
		app_progress(a, "Working… %llu rows (%llu%%)",
			     (unsigned long long)p->rows,
			     (unsigned long long)(p->done * 100 / p->total));
	else
		app_progress(a, "Working… %llu rows", (unsigned long long)p->rows);
}

struct warn_ctx {
	char   first[200];
	size_t n;
};

static void warn(void *ctx, const char *msg)
{
	struct warn_ctx *w = ctx;

	if (!w->n++)
		snprintf(w->first, sizeof w->first, "%s", msg);
}

/* Both import callbacks get one ctx: the app (progress) and warnings. */
struct import_ctx {
	struct app     *a;
	struct warn_ctx w;
};

static void import_progress(void *ctx, const struct pd_progress *p)
{
	progress(((struct import_ctx *)ctx)->a, p);
}

static void import_warn(void *ctx, const char *msg)
{
	warn(&((struct import_ctx *)ctx)->w, msg);
}

static int import(struct app *a, const char *kindname, const char *file,
		  bool dry, bool quiet)
{
	struct import_ctx ic = { .a = a };
	struct pd_import_opts o = { .name = file, .dry_run = dry,
				    .warn = import_warn,
				    .progress = import_progress, .ctx = &ic };
	struct pd_import_stats s = { 0 };
	struct pd_err err = { 0 };
	char path[4096];
	const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;

	if (pd_kind_from_name(kindname, &o.kind) != PD_OK) {
		app_msg(a, UI_R_ERROR, "Unknown kind \"%s\" (orgs people plans items "
			"actions updates meetings)", kindname);
		return -1;
	}
	app_progress(a, "Importing %s…", base);
	if (pd_import_file(a->st, expand(file, path, sizeof path), &o, &s, &err) != PD_OK) {
		app_msg(a, UI_R_ERROR, "Nothing imported: %s", err.msg);
		return -1;
	}
	if (quiet)
		return 0;
	if (ic.w.n)
		app_msg(a, UI_R_STATUS, "%s %s: %zu rows (%zu added, %zu updated); "
			"%zu warning%s: %s", dry ? "Checked" : "Imported", base, s.rows,
			s.added, s.updated, ic.w.n, ic.w.n == 1 ? "" : "s", ic.w.first);
	else
		app_msg(a, UI_R_STATUS, "%s %s: %zu rows (%zu added, %zu updated, "
			"%zu unchanged)", dry ? "Checked" : "Imported", base, s.rows,
			s.added, s.updated, s.unchanged);
	return 0;
}

/* The reason given with --reason, or NULL. */
static const char *cmd_reason(const struct app *a)
{
	return a->cmdopts.reason[0] ? a->cmdopts.reason : NULL;
}

static int export(struct app *a, const char *kindname, const char *file)
{
	struct pd_export_opts o = { .progress = progress, .ctx = a };
	struct pd_disclosure d = { .reason = cmd_reason(a) };
	struct pd_err err = { 0 };
	char path[4096], command[64];

	if (pd_kind_from_name(kindname, &o.kind) != PD_OK) {
		app_msg(a, UI_R_ERROR, "Unknown kind \"%s\"", kindname);
		return UI_REDRAW;
	}
	snprintf(command, sizeof command, ":export %s", pd_kind_info(o.kind)->plural);
	d.command = command;
	d.path = expand(file, path, sizeof path);
	app_progress(a, "Exporting %s…", kindname);
	if (pd_disclose_export(a->st, &d, &o, NULL, NULL, &err))
		app_msg(a, UI_R_ERROR, "Export failed: %s", err.msg);
	else
		app_msg(a, UI_R_STATUS, "Exported %llu %s to %s, recorded",
			(unsigned long long)d.rows, pd_kind_info(o.kind)->plural, file);
	return UI_REDRAW;
}

int ui_open_demo(struct app *a)
{
	if (a->demo) {
		app_msg(a, UI_R_STATUS, "This is the demo database");
		return UI_REDRAW;
	}
	if (!a->share_dir) {
		app_msg(a, UI_R_ERROR, "The sample data is not installed "
			"(set PLANDESK_SHARE to the folder that holds sample/)");
		return UI_REDRAW;
	}
	/* The client closes and opens again on the demo database (the
	 * command line builds it), never writing the demo into this one. */
	a->exit_code = UI_EXIT_DEMO;
	return UI_QUIT;
}

/* --- the commands ------------------------------------------------------------ */

static int c_quit(struct app *a, int argc, char **argv)
{
	(void)a; (void)argc;
	return strcmp(argv[0], "q!") == 0 ? UI_QUIT_NOW : UI_QUIT;
}

static int c_help(struct app *a, int argc, char **argv)
{
	(void)argc; (void)argv;
	return app_push(a, view_help_new(a, app_top(a)));
}

static int c_import(struct app *a, int argc, char **argv)
{
	bool dry = argc == 4 && strcmp(argv[3], "--dry-run") == 0;

	if (argc == 4 && !dry)
		return -1;
	if (import(a, argv[1], argv[2], dry, false) != 0 || dry)
		return UI_REDRAW;
	return UI_RELOAD;
}

static int c_export(struct app *a, int argc, char **argv)
{
	(void)argc;
	return export(a, argv[1], argv[2]);
}

/* `:backup --encrypt FILE`: the passphrase twice, then the sealed copy. */
struct backup_ask {
	char   path[4096];
	char   reason[256];   /* --reason, kept for after the questions */
	char  *first;         /* the first passphrase, in locked memory */
	size_t n;
};

static void backup_ask_free(struct backup_ask *b)
{
	pd_secret_free(b->first);
	free(b);
}

static int backup_again(struct app *a, void *ctx, const char *text, int how)
{
	struct backup_ask *b = ctx;
	struct pd_err err = { 0 };

	if (how != UI_ENTER) {
		app_msg(a, UI_R_STATUS, "No backup written");
	} else if (strlen(text) != b->n || memcmp(text, b->first, b->n) != 0) {
		app_msg(a, UI_R_ERROR, "The two passphrases differ; nothing was written");
	} else {
		struct pd_disclosure d = { .command = ":backup --encrypt", .path = b->path,
					   .reason = b->reason[0] ? b->reason : NULL };
		app_progress(a, "Encrypting the backup (a second or two)\xe2\x80\xa6");
		if (pd_disclose_backup(a->st, &d, b->first, b->n, NULL, &err) != PD_OK)
			app_msg(a, UI_R_ERROR, "Backup failed: %s", err.msg);
		else
			app_msg(a, UI_R_STATUS, "Encrypted backup written to %s, recorded",
				b->path);
	}
	backup_ask_free(b);
	return UI_REDRAW;
}

static int backup_first(struct app *a, void *ctx, const char *text, int how)
{
	struct backup_ask *b = ctx;
	size_t chars = 0;

	if (how != UI_ENTER) {
		app_msg(a, UI_R_STATUS, "No backup written");
		backup_ask_free(b);
		return UI_REDRAW;
	}

	for (const char *c = text; *c; c++)
		chars += ((unsigned char)*c & 0xC0) != 0x80;
	if (chars < PD_PASSPHRASE_MIN) {
		app_msg(a, UI_R_ERROR, "A passphrase needs at least %d characters; "
			"nothing was written", PD_PASSPHRASE_MIN);
		backup_ask_free(b);
		return UI_REDRAW;
	}
	b->n = strlen(text);
	b->first = pd_secret_alloc(b->n + 1);
	if (!b->first) {
		app_nomem(a);
		backup_ask_free(b);
		return UI_REDRAW;
	}
	memcpy(b->first, text, b->n + 1);
	app_prompt_secret(a, "The same passphrase again: ", backup_again, b);
	return UI_REDRAW;
}

static int c_backup(struct app *a, int argc, char **argv)
{
	struct pd_disclosure d = { .command = ":backup", .reason = cmd_reason(a) };
	struct pd_err err = { 0 };
	struct backup_ask *b;
	char path[4096];

	if (argc == 3 && strcmp(argv[1], "--encrypt") == 0) {
		b = calloc(1, sizeof *b);
		if (!b) {
			app_nomem(a);
			return UI_REDRAW;
		}
		snprintf(b->path, sizeof b->path, "%s", expand(argv[2], path, sizeof path));
		snprintf(b->reason, sizeof b->reason, "%s", a->cmdopts.reason);
		app_prompt_secret(a, "Passphrase (a forgotten one cannot be recovered): ",
				  backup_first, b);
		return UI_REDRAW;
	}
	if (argc != 2 || argv[1][0] == '-')
		return -1;
	app_progress(a, "Writing backup\xe2\x80\xa6");
	d.path = expand(argv[1], path, sizeof path);
	if (pd_disclose_backup(a->st, &d, NULL, 0, NULL, &err))
		app_msg(a, UI_R_ERROR, "Backup failed: %s", err.msg);
	else
		app_msg(a, UI_R_STATUS, "Backup written to %s, recorded", argv[1]);
	return UI_REDRAW;
}

void ui_disclosed_msg(struct app *a, const char *what, const char *file,
		      const char *tail, const struct pd_disclosure *d)
{
	if (d->conf_left_out)
		app_msg(a, UI_R_STATUS, "%s written to %s%s, recorded; %llu confidential "
			"left out", what, file, tail, (unsigned long long)d->conf_left_out);
	else if (d->conf_shown)
		app_msg(a, UI_R_STATUS, "%s written to %s%s, recorded, with %llu "
			"confidential", what, file, tail, (unsigned long long)d->conf_shown);
	else
		app_msg(a, UI_R_STATUS, "%s written to %s%s, recorded", what, file, tail);
}

static int c_report(struct app *a, int argc, char **argv)
{
	struct pd_report_opts o = { .confidential = a->cmdopts.confidential };
	struct pd_disclosure d = { .reason = cmd_reason(a) };
	enum pd_report_kind kind;
	struct pd_err err = { 0 };
	char path[4096], command[64], what[64];

	(void)argc;
	if (pd_report_kind_parse(argv[1], &kind) != PD_OK) {
		app_msg(a, UI_R_ERROR, "Unknown report \"%s\" (progress, monitoring, actions)",
			argv[1]);
		return UI_REDRAW;
	}
	d.path = expand(argv[3], path, sizeof path);
	if (pd_format_choose(NULL, d.path, PD_FMTS_REPORT, PD_FMT_MD, &o.format,
			     &err) != PD_OK || pd_date_today(&o.today) != PD_OK) {
		app_msg(a, UI_R_ERROR, "Nothing written: %s", err.msg[0] ? err.msg :
			"cannot tell today's date");
		return UI_REDRAW;
	}
	snprintf(command, sizeof command, ":report %s", argv[1]);
	d.command = command;
	app_progress(a, "Writing the %s report…", argv[1]);
	if (pd_disclose_report(a->st, &d, kind, argv[2], &o, NULL, &err) != PD_OK) {
		app_msg(a, UI_R_ERROR, "Nothing written: %s", err.msg);
	} else {
		snprintf(what, sizeof what, "The %s report of %s", argv[1], argv[2]);
		ui_disclosed_msg(a, what, argv[3], "", &d);
	}
	return UI_REDRAW;
}

static int c_log(struct app *a, int argc, char **argv)
{
	(void)argc; (void)argv;
	return app_push(a, view_log_new(a));
}

/* `:hold PLAN --reason TEXT` and `:lift PLAN [--reason TEXT]`, as the
 * command line's `hold` (retention.h); recorded, never an undo step. */
static int c_hold(struct app *a, int argc, char **argv)
{
	bool lift = strcmp(argv[0], "lift") == 0;
	struct pd_disclosure d = { .command = lift ? ":hold --lift" : ":hold",
				   .reason = cmd_reason(a) };
	struct pd_err err = { 0 };
	struct pd_txn *txn;
	uint64_t plan = 0;
	int rc;

	(void)argc;
	if (!lift && !d.reason) {
		app_msg(a, UI_R_ERROR, "A hold needs its reason: :hold %s --reason \"…\"", argv[1]);
		return UI_REDRAW;
	}
	if (!(txn = app_txn(a)))
		return UI_REDRAW;
	rc = pd_find_plan(txn, argv[1], &plan);
	pd_txn_end(txn);
	if (rc == PD_OK)
		rc = pd_hold(a->st, plan, lift ? NULL : d.reason, &d, &err);
	else
		snprintf(err.msg, sizeof err.msg, "no plan with ref '%s'", argv[1]);
	if (rc != PD_OK)
		app_msg(a, UI_R_ERROR, "%s: %s", lift ? "Not lifted" : "No hold placed", err.msg);
	else
		app_msg(a, UI_R_STATUS, lift ? "The legal hold on plan %s is lifted (recorded)" :
			"Plan %s is under a legal hold (recorded): nothing of it can be deleted",
			argv[1]);
	return UI_RELOAD;
}

static int c_demo(struct app *a, int argc, char **argv)
{
	(void)argc; (void)argv;
	return ui_open_demo(a);
}

/* The commands, as the command line's (src/cli) are: one descriptor each.
 * argc counts the name; a handler returning -1 shows the usage. */
static const struct ui_command commands[] = {
	{ "import", NULL, 2, 3, "KIND FILE [--dry-run]",
	  "import a CSV file (orgs people plans items meetings actions updates)", c_import,
	  false },
	{ "export", NULL, 2, 2, "KIND FILE [--reason TEXT]",
	  "export a kind to FILE.csv or FILE.xlsx (recorded, with the reason)", c_export,
	  true },
	{ "minutes", NULL, 1, 2, "[DATE] FILE [--confidential] [--reason TEXT]",
	  "the minutes of the meeting on screen (or of DATE) as FILE.docx .odt .html .txt "
	  ".md; confidential entries only when asked", ui_minutes_command, true },
	{ "report", NULL, 3, 3, "KIND PLAN FILE [--confidential] [--reason TEXT]",
	  "a report (progress, monitoring, actions) of a plan as FILE.docx .odt .xlsx …",
	  c_report, true },
	{ "backup", NULL, 1, 2, "[--encrypt] FILE [--reason TEXT]",
	  "a compact copy of the database (mode 0600); --encrypt asks for a passphrase",
	  c_backup, true },
	{ "log", NULL, 0, 0, "", "the disclosure record: every file that left the database, "
	  "every purge, erasure and hold", c_log, false },
	{ "hold", NULL, 1, 1, "PLAN --reason TEXT", "a legal hold on a plan: nothing of it "
	  "can be deleted or purged (recorded)", c_hold, true },
	{ "lift", NULL, 1, 1, "PLAN [--reason TEXT]", "lift a plan's legal hold (recorded)",
	  c_hold, true },
	{ "demo", NULL, 0, 0, "", "open the demo database instead of this one", c_demo,
	  false },
	{ "help", "h", 0, 0, "", "the keys of the screen on top", c_help, false },
	{ "quit", "q", 0, 0, "", "quit (asks while a meeting is open); :q! does not ask",
	  c_quit, false },
	{ "q!", NULL, 0, 0, "", NULL, c_quit, false },
	{ NULL, NULL, 0, 0, NULL, NULL, NULL, false },
};

const struct ui_command *ui_commands(void)
{
	return commands;
}

int ui_cmdline_run(struct app *a, const char *text)
{
	char line[1024], *argv[MAXARGS], names[160];
	const struct ui_command *c;
	size_t used = 0;
	int argc, res;

	snprintf(line, sizeof line, "%s", text);
	argc = split(line, argv);
	if (argc == 0)
		return UI_REDRAW;
	for (c = commands; c->name; c++)
		if (strcmp(argv[0], c->name) == 0 || (c->alias && strcmp(argv[0], c->alias) == 0))
			break;
	if (!c->name) {
		for (c = commands; c->name && used < sizeof names; c++)
			if (c->help)
				used += (size_t)snprintf(names + used, sizeof names - used, " :%s",
							 c->name);
		app_msg(a, UI_R_ERROR, "Unknown command :%s (%s)", argv[0], names + 1);
		return UI_REDRAW;
	}
	memset(&a->cmdopts, 0, sizeof a->cmdopts);
	if ((c->discloses && take_opts(&argc, argv, &a->cmdopts) != 0) ||
	    argc - 1 < c->min_args || argc - 1 > c->max_args ||
	    (res = c->run(a, argc, argv)) < 0) {
		app_msg(a, UI_R_ERROR, "Usage: :%s %s", c->name, c->usage);
		res = UI_REDRAW;
	}
	memset(&a->cmdopts, 0, sizeof a->cmdopts);
	return res;
}

static int cmd_done(struct app *a, void *ctx, const char *text, int how)
{
	(void)ctx;
	if (how != UI_ENTER)
		return UI_REDRAW;
	return ui_cmdline_run(a, text);
}

void ui_cmdline_start(struct app *a)
{
	app_prompt_line(a, ":", NULL, NULL, cmd_done, NULL);
}
