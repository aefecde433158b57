# src/core/protect/: encrypted backups and restore.
# Included by Makefile.am; HACKING.md describes the module.

libplandesk_core_a_SOURCES += %reldir%/backup_crypt.c \
	%reldir%/backup_restore.c %reldir%/backup_impl.h
noinst_HEADERS += include/plandesk/protect/backup.h
