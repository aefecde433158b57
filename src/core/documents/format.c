/*
 * format.c — names, extensions and the choice of an output format
 * (format.h).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "plandesk/documents/format.h"

static const char *const names[PD_FMT_COUNT] = {
	[PD_FMT_MD] = "md", [PD_FMT_TXT] = "txt", [PD_FMT_HTML] = "html",
	[PD_FMT_CSV] = "csv", [PD_FMT_DOCX] = "docx", [PD_FMT_ODT] = "odt",
	[PD_FMT_XLSX] = "xlsx", [PD_FMT_MAIL] = "mail", [PD_FMT_VCF] = "vcf",
	[PD_FMT_ICS] = "ics",
};

static const struct { const char *name; enum pd_format f; } aliases[] = {
	{ "markdown", PD_FMT_MD }, { "text", PD_FMT_TXT }, { "htm", PD_FMT_HTML },
	{ "eml", PD_FMT_MAIL }, { "mbox", PD_FMT_MAIL }, { "vcard", PD_FMT_VCF },
	{ "ical", PD_FMT_ICS }, { "icalendar", PD_FMT_ICS },
};

const char *pd_format_name(enum pd_format f)
{
	return (unsigned)f < PD_FMT_COUNT ? names[f] : "";
}

bool pd_format_binary(enum pd_format f)
{
	return f == PD_FMT_DOCX || f == PD_FMT_ODT || f == PD_FMT_XLSX;
}

int pd_format_parse(const char *name, enum pd_format *out)
{
	if (!name)
		return PD_EINVAL;
	for (int f = 0; f < PD_FMT_COUNT; f++)
		if (strcasecmp(name, names[f]) == 0) {
			*out = (enum pd_format)f;
			return PD_OK;
		}
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcasecmp(name, aliases[i].name) == 0) {
			*out = aliases[i].f;
			return PD_OK;
		}
	return PD_EINVAL;
}

const char *pd_format_list(unsigned set, char *buf, size_t n)
{
	int count = 0, left = 0, w;
	size_t used = 0;

	for (int f = 0; f < PD_FMT_COUNT; f++)
		count += (set & PD_FMT_BIT(f)) != 0;
	if (n)
		buf[0] = '\0';
	for (int f = 0; f < PD_FMT_COUNT && used < n; f++) {
		if (!(set & PD_FMT_BIT(f)))
			continue;
		left++;
		w = snprintf(buf + used, n - used, "%s%s", left == 1 ? "" :
			     left == count ? " or " : ", ", names[f]);
		used += w > 0 ? (size_t)w : 0;
	}
	return buf;
}

/*
 * The extension of the last component of `path`, or NULL ("x", ".profile").
 * A path that is already something other than a file — a named pipe, a
 * device, a folder — says nothing by its name: NULL.
 */
static const char *extension(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;
	struct stat sb;

	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return NULL;
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	return dot && dot != base && dot[1] ? dot + 1 : NULL;
}

int pd_format_choose(const char *name, const char *path, unsigned set,
		     enum pd_format dflt, enum pd_format *out, struct pd_err *err)
{
	const char *ext = path ? extension(path) : NULL;
	char list[64];
	enum pd_format f = dflt;

	pd_format_list(set, list, sizeof list);
	if (name) {
		if (pd_format_parse(name, &f) != PD_OK || !(set & PD_FMT_BIT(f)))
			return pd_err_set(err, PD_EINVAL, "cannot write format \"%s\": "
					  "use %s", name, list);
	} else if (ext) {
		if (pd_format_parse(ext, &f) != PD_OK || !(set & PD_FMT_BIT(f)))
			return pd_err_set(err, PD_EINVAL, "cannot write %s: .%s is not "
					  "one of the formats written here (%s); name the file "
					  "for one, or give --format", path, ext, list);
	}
	if (!(set & PD_FMT_BIT(f)))
		return pd_err_set(err, PD_EINVAL, "cannot write %s: use %s",
				  pd_format_name(f), list);
	*out = f;
	return PD_OK;
}
