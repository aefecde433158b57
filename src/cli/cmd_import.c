/*
 * cmd_import.c — `plandesk import KIND FILE [--dry-run] [--format csv|vcf]
 * [--delimiter C] [--encoding ENC]`: one file (CSV, or for people a vCard
 * file), one transaction, a one-line summary.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli_transfer.h"
#include "plandesk/directory/open.h"

static int parse_delimiter(const char *s)
{
	if (!strcmp(s, "tab") || !strcmp(s, "\\t"))
		return '\t';
	if (strlen(s) == 1 && s[0] != '"' && s[0] != '\n' && s[0] != '\r' &&
	    (unsigned char)s[0] < 128)
		return (unsigned char)s[0];
	return -1;
}

/*
 * Open the database with room for the file: a map big enough for the
 * import saves growing it (and redoing the import) several times.
 */
static struct pd_store *open_for(struct cli_ctx *ctx, const char *file)
{
	struct pd_open_opts opts = { 0 };
	struct pd_store *st;
	struct pd_err err;
	struct stat sb;
	char path[4096];

	if (stat(file, &sb) == 0 && sb.st_size > 0) {
		size_t want = PD_DEFAULT_MAP;
		while (want < (size_t)sb.st_size * 16 && want < ((size_t)1 << 40))
			want *= 2;
		opts.map_size = want;
	}
	if (pd_store_path(ctx->db_flag, NULL, path, sizeof path, &err) != PD_OK ||
	    pd_store_open(path, &opts, &st, &err) != PD_OK) {
		cli_error(ctx, "%s", err.msg);
		return NULL;
	}
	return st;
}

static void summary(const char *file, const struct pd_import_stats *s, bool dry)
{
	printf("%s: %zu added, %zu updated, %zu unchanged", file, s->added,
	       s->updated, s->unchanged);
	if (s->orgs_created)
		printf(", %zu organisation%s created", s->orgs_created,
		       s->orgs_created == 1 ? "" : "s");
	if (s->themes_created)
		printf(", %zu theme%s created", s->themes_created,
		       s->themes_created == 1 ? "" : "s");
	if (s->warnings)
		printf(", %zu warning%s", s->warnings, s->warnings == 1 ? "" : "s");
	printf("%s\n", dry ? " (dry run: nothing written)" : "");
}

static int run(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run",   no_argument,       NULL, 'n' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding",  required_argument, NULL, 'e' },
		{ "format",    required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct pd_import_opts io = { 0 };
	struct pd_import_stats stats;
	struct cli_progress prog;
	struct pd_store *st;
	struct pd_err err;
	int c, rc, status;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			io.dry_run = true;
			break;
		case 'd':
			if ((io.delimiter = parse_delimiter(optarg)) < 0) {
				cli_error(ctx, "--delimiter takes one character (or 'tab')");
				return CLI_ERROR;
			}
			break;
		case 'e':
			io.encoding = optarg;
			break;
		case 'f':
			if (!strcasecmp(optarg, "csv")) {
				io.format = PD_IMPORT_CSV;
			} else if (!strcasecmp(optarg, "vcf") || !strcasecmp(optarg, "vcard")) {
				io.format = PD_IMPORT_VCARD;
			} else {
				cli_error(ctx, "import: unknown format '%s' (use csv or vcf)", optarg);
				return CLI_ERROR;
			}
			break;
		default:
			return cli_usage(ctx, &cmd_import);
		}
	}
	if (argc - optind != 2)
		return cli_usage(ctx, &cmd_import);
	if (cli_transfer_kind(ctx, argv[optind], &io.kind) != CLI_OK)
		return CLI_ERROR;
	io.name = argv[optind + 1];
	cli_progress_init(&prog, io.name);
	io.warn = cli_progress_warn;
	io.progress = cli_progress_cb;
	io.ctx = &prog;
	if (!(st = open_for(ctx, io.name)))
		return CLI_ERROR;
	rc = pd_import_file(st, io.name, &io, &stats, &err);
	status = cli_transfer_done(&prog, st, rc);
	if (rc == PD_OK)
		summary(io.name, &stats, io.dry_run);
	else
		fprintf(stderr, "%s\n", err.msg);
	return status;
}

const struct cli_cmd cmd_import = {
	.name = "import",
	.usage = "KIND FILE [--dry-run] [--format csv|vcf] [--delimiter C] [--encoding ENC]",
	.summary = "add or update records from a CSV file (people also from vCards)",
	.help = CLI_KINDS_HELP
		"Options:\n"
		"People may come from a vCard file (.vcf: vCard 2.1, 3.0 or 4.0, as\n"
		"Google, Outlook, phones, abook and khard write them).\n"
		"  --dry-run             check everything, write nothing\n"
		"  --format csv|vcf      the file's form (default: .vcf or BEGIN:VCARD is vcf)\n"
		"  --delimiter C         the field separator (default: sniffed; 'tab')\n"
		"  --encoding ENC        the file's encoding (default UTF-8, else Windows-1252;\n"
		"                        vcf: of values with no CHARSET)\n",
	.run = run,
};
