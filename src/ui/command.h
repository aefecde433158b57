/*
 * command.h — what a `:` command is (the table of them is cmdline.c's):
 * the help screen lists them from the table app_init hands it
 * (a->commands), without reaching up to the command line.
 */
#ifndef PLANDESK_UI_COMMAND_H
#define PLANDESK_UI_COMMAND_H

#include <stdbool.h>

struct app;

/* A `:` command: like the command line's descriptors (src/cli/cli.h). */
struct ui_command {
	const char *name;
	const char *alias;               /* another name ("q"), or NULL */
	int         min_args, max_args;  /* after the name and its options */
	const char *usage;               /* the arguments: "KIND FILE" */
	const char *help;                /* one line for the help; NULL: not listed */
	/* argv[0] is the name as typed; an enum ui_res, or -1 for the usage. */
	int (*run)(struct app *a, int argc, char **argv);
	/* Its file leaves the database: it takes --confidential and --reason
	 * TEXT, which are taken out of argv into a->cmdopts. */
	bool        discloses;
};

#endif
