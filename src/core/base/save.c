/*
 * save.c — a file written whole or not at all (save.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "save.h"

int pd_save_open(struct pd_save *sv, const char *path, struct pd_err *err)
{
	struct stat lsb, sb;
	char *real = NULL;

	memset(sv, 0, sizeof *sv);
	sv->fd = -1;
	sv->path = path;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		if (S_ISDIR(sb.st_mode))
			return pd_err_set(err, PD_EIO, "cannot write %s: it is a folder", path);
		sv->in_place = true;
		if ((sv->fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)) < 0)
			return pd_err_set(err, PD_EIO, "cannot open %s: %s", path,
					  strerror(errno));
		return PD_OK;
	}
	/* A link to a file: replace the file, keep the link. */
	if (lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode))
		real = realpath(path, NULL);
	if (snprintf(sv->dest, sizeof sv->dest, "%s", real ? real : path) >=
	    (int)sizeof sv->dest) {
		free(real);
		return pd_err_set(err, PD_EINVAL, "%s: the name is too long", path);
	}
	free(real);
	snprintf(sv->tmp, sizeof sv->tmp, "%s.XXXXXX", sv->dest);
	if ((sv->fd = mkstemp(sv->tmp)) < 0)   /* created 0600 */
		return pd_err_set(err, PD_EIO, "cannot create %s: %s", path,
				  strerror(errno));
	return PD_OK;
}

int pd_save_write(struct pd_save *sv, const void *p, size_t n, struct pd_err *err)
{
	const char *q = p;

	while (n > 0) {
		ssize_t w = write(sv->fd, q, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return pd_err_set(err, PD_EIO, "cannot write %s: %s", sv->path,
					  strerror(w < 0 ? errno : EIO));
		q += w;
		n -= (size_t)w;
	}
	return PD_OK;
}

int pd_save_close(struct pd_save *sv, int rc, struct pd_err *err)
{
	if (sv->fd < 0)
		return rc;
	/* A pipe or a terminal cannot be flushed to disk (EINVAL). */
	if (rc == PD_OK && fsync(sv->fd) != 0 && !(sv->in_place && errno == EINVAL))
		rc = pd_err_set(err, PD_EIO, "cannot write %s: %s", sv->path,
				strerror(errno));
	if (close(sv->fd) != 0 && rc == PD_OK)
		rc = pd_err_set(err, PD_EIO, "cannot write %s: %s", sv->path,
				strerror(errno));
	sv->fd = -1;
	if (sv->in_place)
		return rc;
	if (rc == PD_OK && rename(sv->tmp, sv->dest) != 0)
		rc = pd_err_set(err, PD_EIO, "cannot save %s: %s", sv->path,
				strerror(errno));
	if (rc != PD_OK)
		unlink(sv->tmp);
	return rc;
}
