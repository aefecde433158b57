/*
 * formats_load.c — finding and opening the document module (cli_formats.h).
 *
 * The program links none of libzip, libxml2, libxlsxwriter and libical
 * (nor what they bring: libcrypto, ICU, libstdc++, liblzma…), so that a
 * `lookup` from mutt starts in a fraction of the time; the writers that
 * need them are opened here when first asked for.
 *
 * What is loaded is decided by the program's own location and the
 * configured paths only, never by the environment: the installed program
 * (in BINDIR) loads PKGLIBDIR's module, which only root or the installer
 * can write; any other copy, such as the build tree's, loads the module
 * beside itself, which whoever can write there could replace the program
 * beside it too.  A module writable by others, or owned by someone other
 * than root, the user running it or the program's owner, is refused all
 * the same, for a program copied into a shared folder such as /tmp.
 */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_formats.h"

int cli_formats_path(char *buf, size_t n)
{
	char exe[PATH_MAX], bin[PATH_MAX];
	const char *dir = PKGLIBDIR;
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	int w;

	if (len > 0) {
		exe[len] = '\0';
		if ((slash = strrchr(exe, '/'))) {
			*slash = '\0';
			if (!realpath(BINDIR, bin) || strcmp(bin, exe) != 0)
				dir = exe;
		}
	}
	w = snprintf(buf, n, "%s/%s", dir, CLI_FORMATS_FILE);
	return w >= 0 && (size_t)w < n ? 0 : -1;
}

/* May the module of owner `uid` be run?  Root's, ours, or the owner's of
 * the program we are running (who could as well have changed it). */
static bool trusted_owner(uid_t uid)
{
	struct stat exe;

	return uid == 0 || uid == geteuid() ||
	       (stat("/proc/self/exe", &exe) == 0 && uid == exe.st_uid);
}

/* Open the module at `path` and check its table; NULL with err filled. */
static const struct pd_formats *open_module(struct cli_formats *f, const char *path,
					    struct pd_err *err)
{
	const struct pd_formats *fm;
	struct stat sb;
	void *dl;

	if (stat(path, &sb) != 0) {
		pd_err_set(err, PD_EMODULE, errno == ENOENT ?
			   "the document module %s is missing" :
			   "the document module %s cannot be read: %s", path,
			   strerror(errno));
		return NULL;
	}
	if ((sb.st_mode & S_IWOTH) || !trusted_owner(sb.st_uid)) {
		pd_err_set(err, PD_EMODULE, "the document module %s is not loaded: "
			   "it is %s", path, sb.st_mode & S_IWOTH ?
			   "writable by others" :
			   "owned by another user");
		return NULL;
	}
	if (!(dl = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
		pd_err_set(err, PD_EMODULE, "the document module cannot be loaded: %s",
			   dlerror());
		return NULL;
	}
	fm = dlsym(dl, PD_FORMATS_SYMBOL);
	if (!fm || fm->version != PD_FORMATS_VERSION || fm->size != sizeof *fm) {
		if (fm)
			pd_err_set(err, PD_EMODULE, "the document module %s is of another "
				   "version (%u; this plandesk needs %u): reinstall plandesk",
				   path, fm->version, PD_FORMATS_VERSION);
		else
			pd_err_set(err, PD_EMODULE, "%s is no plandesk document module "
				   "(it has no %s)", path, PD_FORMATS_SYMBOL);
		dlclose(dl);
		return NULL;
	}
	f->dl = dl;
	return fm;
}

static const struct pd_formats *load(void *ctx, struct pd_err *err)
{
	struct cli_formats *f = ctx;
	char path[PATH_MAX + sizeof CLI_FORMATS_FILE];

	if (f->fm)
		return f->fm;
	if (cli_formats_path(path, sizeof path) != 0) {
		pd_err_set(err, PD_EMODULE, "the document module's path is too long");
		return NULL;
	}
	return f->fm = open_module(f, path, err);
}

void cli_formats_init(struct cli_formats *f)
{
	memset(f, 0, sizeof *f);
	f->loader.load = load;
	f->loader.ctx = f;
}
