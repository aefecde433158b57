/*
 * passphrase.c — reading a backup's passphrase (cli_passphrase.h): from
 * the terminal with echo off, as readpassphrase(3) does it, or from the
 * first line of a file for scripts.
 *
 * On the terminal, a signal that would stop or end the program (Ctrl-C,
 * Ctrl-Z, a hang-up) is caught while echo is off, the terminal put back
 * as it was, and the signal raised again: a shell is never left without
 * echo.  After Ctrl-Z and `fg` the question is asked again.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli_passphrase.h"
#include "plandesk/protect/backup.h"

#define BUF_BYTES (PD_PASSPHRASE_MAX + 2)   /* room to see one byte too many */

/* The signal that interrupted the question (0: none).  A handler may set
 * only a volatile sig_atomic_t. */
static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

static const int watched[] = {
	SIGINT, SIGHUP, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU,
};
#define NWATCHED (sizeof watched / sizeof watched[0])

static bool stops(int sig)
{
	return sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

void cli_secret_free(struct cli_secret *s)
{
	pd_secret_free(s->p);
	s->p = NULL;
	s->n = 0;
}

static void tty_puts(int tty, const char *s)
{
	ssize_t w = write(tty, s, strlen(s));

	(void)w;   /* a prompt that cannot be shown is no reason to stop */
}

/*
 * Ask once: `prompt`, then a line with echo off into buf (at most
 * PD_PASSPHRASE_MAX + 1 bytes kept, so that one too long shows).
 * Returns the length; -1 at the end of input; -2 when the terminal cannot
 * be set.  A signal that came meanwhile is left in `caught`.
 */
static long read_hidden(int tty, const char *prompt, char *buf)
{
	struct sigaction sa = { .sa_handler = on_signal }, old[NWATCHED];
	bool ours[NWATCHED] = { false };
	struct termios saved, quiet;
	char spill;
	long n = 0;

	caught = 0;
	sigemptyset(&sa.sa_mask);   /* and no SA_RESTART: read() returns EINTR */
	for (size_t i = 0; i < NWATCHED; i++) {
		/* A signal the user set to be ignored (nohup) stays ignored. */
		if (sigaction(watched[i], NULL, &old[i]) == 0 &&
		    old[i].sa_handler != SIG_IGN)
			ours[i] = sigaction(watched[i], &sa, NULL) == 0;
	}
	if (tcgetattr(tty, &saved) != 0) {
		n = -2;
		goto restore_signals;
	}
	quiet = saved;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
	quiet.c_lflag |= ICANON;
	/* TCSAFLUSH: what was typed before the question is not the answer. */
	if (tcsetattr(tty, TCSAFLUSH, &quiet) != 0) {
		n = -2;
		goto restore_signals;
	}
	tty_puts(tty, prompt);
	for (;;) {
		char *to = n < BUF_BYTES - 1 ? buf + n : &spill;
		ssize_t r = read(tty, to, 1);

		if (caught)
			break;
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			n = -1;
			break;
		}
		if (*to == '\n' || *to == '\r')
			break;
		if (to == buf + n)
			n++;
	}
	tcsetattr(tty, TCSANOW, &saved);
	tty_puts(tty, "\n");
restore_signals:
	for (size_t i = 0; i < NWATCHED; i++)
		if (ours[i])
			sigaction(watched[i], &old[i], NULL);
	return n;
}

/* Ask on the terminal until answered: after Ctrl-Z and fg, again. */
static int ask_once(struct cli_ctx *ctx, int tty, const char *prompt, char *buf,
		    size_t *len)
{
	for (;;) {
		long n = read_hidden(tty, prompt, buf);
		int sig = caught;

		if (sig) {
			raise(sig);   /* the terminal is as it was: now stop or end */
			if (stops(sig))
				continue;
			cli_error(ctx, "interrupted; nothing was written");
			return CLI_ERROR;
		}
		if (n == -2) {
			cli_error(ctx, "cannot turn off echo on the terminal: %s",
				  strerror(errno));
			return CLI_ERROR;
		}
		if (n < 0) {
			cli_error(ctx, "no passphrase was typed; nothing was written");
			return CLI_ERROR;
		}
		*len = (size_t)n;
		return CLI_OK;
	}
}

static int from_terminal(struct cli_ctx *ctx, const char *prompt, bool confirm,
			 struct cli_secret *s)
{
	struct cli_secret again = { 0 };
	int tty, rc;

	if ((tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
		cli_error(ctx, "no terminal to ask for the passphrase: give "
			  "--passphrase-file FILE");
		return CLI_ERROR;
	}
	if (confirm)
		tty_puts(tty, "Only this passphrase will open the backup: if it is "
			 "forgotten, nothing can recover it.\n");
	rc = ask_once(ctx, tty, prompt, s->p, &s->n);
	if (rc == CLI_OK && confirm) {
		if (!(again.p = pd_secret_alloc(BUF_BYTES))) {
			cli_error(ctx, "%s", pd_strerror(PD_ENOMEM));
			rc = CLI_ERROR;
		} else {
			rc = ask_once(ctx, tty, "The same passphrase again: ", again.p,
				      &again.n);
		}
		if (rc == CLI_OK && (again.n != s->n || memcmp(again.p, s->p, s->n))) {
			cli_error(ctx, "the two passphrases differ; nothing was written");
			rc = CLI_ERROR;
		}
		cli_secret_free(&again);
	}
	close(tty);
	return rc;
}

/* Refuse a file others may read or change; warn about one its group reads. */
static int file_mode_ok(struct cli_ctx *ctx, const char *path, const struct stat *sb)
{
	unsigned mode = sb->st_mode & 07777;

	if (S_ISDIR(sb->st_mode)) {
		cli_error(ctx, "%s is a folder, not a passphrase file", path);
		return CLI_ERROR;
	}
	if (!S_ISREG(sb->st_mode))   /* a pipe, /dev/stdin: no mode to judge */
		return CLI_OK;
	if (mode & (S_IROTH | S_IWOTH | S_IWGRP)) {
		cli_error(ctx, "%s can be %s by others (mode %04o): chmod 600 %s, and "
			  "choose a new passphrase if others may have read it", path,
			  mode & S_IROTH ? "read" : "changed", mode, path);
		return CLI_ERROR;
	}
	if (mode & S_IRGRP)
		fprintf(stderr, "%s: note: %s can be read by its group (mode %04o)\n",
			ctx->progname, path, mode);
	return CLI_OK;
}

/* The first line of `path`, without its LF or CR LF. */
static int from_file(struct cli_ctx *ctx, const char *path, struct cli_secret *s)
{
	struct stat sb;
	char *nl = NULL;
	size_t n = 0;
	int fd, rc = CLI_OK;

	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) < 0) {
		cli_error(ctx, "cannot open %s: %s", path, strerror(errno));
		return CLI_ERROR;
	}
	if (fstat(fd, &sb) != 0 || file_mode_ok(ctx, path, &sb) != CLI_OK) {
		close(fd);
		return CLI_ERROR;
	}
	while (!nl && n < BUF_BYTES) {
		ssize_t r = read(fd, s->p + n, BUF_BYTES - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			cli_error(ctx, "cannot read %s: %s", path, strerror(errno));
			rc = CLI_ERROR;
			break;
		}
		if (r == 0)
			break;
		nl = memchr(s->p + n, '\n', (size_t)r);
		n += (size_t)r;
	}
	close(fd);
	if (rc != CLI_OK)
		return rc;
	if (nl)
		n = (size_t)(nl - s->p);
	if (n && s->p[n - 1] == '\r')
		n--;
	if (n > PD_PASSPHRASE_MAX) {
		cli_error(ctx, "the first line of %s is longer than %d bytes: not a "
			  "passphrase", path, PD_PASSPHRASE_MAX);
		return CLI_ERROR;
	}
	if (n == 0) {
		cli_error(ctx, "the first line of %s is empty: no passphrase", path);
		return CLI_ERROR;
	}
	s->n = n;
	return CLI_OK;
}

int cli_passphrase(struct cli_ctx *ctx, const char *file, const char *prompt,
		   bool confirm, struct cli_secret *s)
{
	s->n = 0;
	if (!(s->p = pd_secret_alloc(BUF_BYTES))) {
		cli_error(ctx, "%s", pd_strerror(PD_ENOMEM));
		return CLI_ERROR;
	}
	if (file)
		return from_file(ctx, file, s);
	if (from_terminal(ctx, prompt, confirm, s) != CLI_OK)
		return CLI_ERROR;
	if (s->n > PD_PASSPHRASE_MAX) {
		cli_error(ctx, "the passphrase is longer than %d bytes", PD_PASSPHRASE_MAX);
		return CLI_ERROR;
	}
	if (s->n == 0) {
		cli_error(ctx, "the passphrase is empty; nothing was written");
		return CLI_ERROR;
	}
	return CLI_OK;
}
