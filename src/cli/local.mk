# src/cli/: the `plandesk` program: one cmd_*.c per command, listed in
# main.c's descriptor table.  Included by Makefile.am.

plandesk_SOURCES = %reldir%/cli.h %reldir%/main.c %reldir%/cli_common.c \
	%reldir%/progress.c %reldir%/cli_client.c %reldir%/cli_demo.c \
	%reldir%/cmd_demo.c %reldir%/cmd_check.c %reldir%/cmd_lookup.c \
	%reldir%/cli_transfer.h %reldir%/cli_transfer.c %reldir%/cmd_import.c \
	%reldir%/cmd_export.c %reldir%/export_formats.c \
	%reldir%/cmd_add_email.c %reldir%/cmd_minutes.c %reldir%/cmd_report.c \
	%reldir%/cli_passphrase.h %reldir%/passphrase.c %reldir%/cmd_backup.c \
	%reldir%/cmd_restore.c %reldir%/cmd_log.c %reldir%/cmd_hold.c \
	%reldir%/cmd_purge.c \
	%reldir%/cmd_mentions.c %reldir%/cmd_forget.c \
	%reldir%/cmd_history.c \
	%reldir%/cli_formats.h %reldir%/formats_load.c
