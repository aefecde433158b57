/*
 * editor.c — $VISUAL / $EDITOR on a temporary file (editor.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curses.h>

#include "plandesk/base/buf.h"
#include "editor.h"
#include "paste.h"

#define MAXARGV 16

static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static int read_file(const char *path, struct pd_buf *b)
{
	char chunk[8192];
	ssize_t r;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((r = read(fd, chunk, sizeof chunk)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		if (pd_buf_add(b, chunk, (size_t)r)) {
			close(fd);
			return -1;
		}
	}
	close(fd);
	return pd_buf_add(b, "", 0);   /* NUL-terminated even when empty */
}

/* Run the editor on `path` and wait for it.  0, or -1 with err set. */
static int spawn(const char *path, struct pd_err *err)
{
	const char *ed = getenv("VISUAL");
	char *copy, *argv[MAXARGV + 2], *save = NULL;
	int argc = 0, status;
	pid_t pid;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	if (!(copy = strdup(ed)))
		return pd_err_nomem(err), -1;
	for (char *t = strtok_r(copy, " \t", &save); t && argc < MAXARGV;
	     t = strtok_r(NULL, " \t", &save))
		argv[argc++] = t;
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	pid = fork();
	if (pid < 0) {
		free(copy);
		return pd_err_set(err, PD_EIO, "cannot start the editor: %s",
				  strerror(errno)), -1;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "plandesk: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			free(copy);
			return pd_err_set(err, PD_EIO, "waiting for the editor: %s",
					  strerror(errno)), -1;
		}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		pd_err_set(err, PD_EIO, "the editor (%s) failed%s", argv[0],
			   WIFEXITED(status) && WEXITSTATUS(status) == 127
			   ? ": not found" : "");
		free(copy);
		return -1;
	}
	free(copy);
	return 0;
}

int ui_run_editor(struct app *a, const char *text, char **out, char *path,
		  size_t pathn, struct pd_err *err)
{
	const char *tmp = getenv("TMPDIR");
	struct pd_buf b = PD_BUF_INIT;
	size_t len = strlen(text);
	int fd, rc;

	(void)a;
	*out = NULL;
	if (!tmp || !*tmp)
		tmp = "/tmp";
	snprintf(path, pathn, "%s/plandesk-XXXXXX.txt", tmp);
	/* mkstemps creates the file 0600. */
	if ((fd = mkstemps(path, 4)) < 0)
		return pd_err_set(err, PD_EIO, "cannot create a file in %s: %s", tmp,
				  strerror(errno)), -1;
	if (write_all(fd, text, len) || (len && text[len - 1] != '\n' &&
					 write_all(fd, "\n", 1))) {
		close(fd);
		unlink(path);
		return pd_err_set(err, PD_EIO, "cannot write %s", path), -1;
	}
	close(fd);
	def_prog_mode();
	endwin();
	ui_paste_mode(false);   /* the editor asks for it if it wants it */
	rc = spawn(path, err);
	ui_paste_mode(true);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (rc == 0 && read_file(path, &b) != 0) {
		pd_err_set(err, PD_EIO, "cannot read back %s", path);
		rc = -1;
	}
	if (rc != 0) {
		pd_buf_free(&b);
		unlink(path);
		return -1;
	}
	if (b.n && b.p[b.n - 1] == '\n')
		b.p[--b.n] = '\0';
	if (b.n && b.p[b.n - 1] == '\r')
		b.p[--b.n] = '\0';
	if (strcmp(b.p, text) == 0 || (len && text[len - 1] == '\n' &&
					 b.n + 1 == len && strncmp(b.p, text, b.n) == 0)) {
		pd_buf_free(&b);
		unlink(path);
		return 0;
	}
	*out = b.p;   /* the buffer's memory becomes the caller's */
	return 1;
}
