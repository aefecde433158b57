/*
 * man_keys.c — print the man page's KEYS section from the client's key
 * tables (keymap.h ui_keymaps_all) and the `:` commands' (cmdline.h), so
 * that the page and the keys cannot
 * disagree: `make man-keys` writes it into share/man/plandesk.1 between
 * the KEYS markers, and tests/cli/man_keys.sh checks that the page holds
 * exactly what this prints.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmdline.h"
#include "keymap.h"

/* `s` for roff: backslashes and hyphens escaped, no line starting a request. */
static void roff(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
}

int main(void)
{
	puts(".SH KEYS");
	puts("The full-screen client's keys, as its help screen (? or F1) lists them.");
	puts("In meeting mode and the directory lookup every letter, digit and sign");
	puts("typed goes into the line, so only the keys typing never produces");
	puts("(control, function and Alt keys) are commands there.");
	puts("Pasted text comes as typed, each line ended by Enter (a pasted");
	puts("e-mail is one note a line), but a tab in it is a space, and Windows");
	puts("line ends and empty lines are no extra Enter (the terminal marks");
	puts("the paste: bracketed paste).");
	for (const struct ui_keymap *const *k = ui_keymaps_all; *k; k++) {
		const struct ui_keymap *km = *k;

		fputs(".SS ", stdout);
		roff(km->title);
		putchar('\n');
		for (const struct ui_binding *b = km->b; b->key; b++) {
			char keys[128];

			if (!b->help)
				continue;
			ui_keymap_keys(km, b->cmd, keys, sizeof keys);
			puts(".TP");
			fputs(".B ", stdout);
			roff(keys);
			putchar('\n');
			roff(b->help);
			putchar('\n');
		}
		if (km->notes) {
			puts(".PP");
			for (const char *const *n = km->notes; *n; n++) {
				roff(*n);
				putchar('\n');
			}
		}
	}
	puts(".SS Commands");
	puts("Typed after : (Alt\\-: in meeting mode), then Enter.");
	for (const struct ui_command *c = ui_commands(); c->name; c++) {
		if (!c->help)
			continue;
		puts(".TP");
		fputs(".B :", stdout);
		roff(c->name);
		if (c->usage[0]) {
			fputs(" ", stdout);
			roff(c->usage);
		}
		putchar('\n');
		roff(c->help);
		putchar('\n');
	}
	return 0;
}
