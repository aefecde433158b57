# src/core/protect/: the disclosure record, retention and legal holds,
# confidential marks, subject access and erasure, encrypted backups and
# restore.
# Included by Makefile.am; HACKING.md describes the module.

libplandesk_core_a_SOURCES += %reldir%/backup_crypt.c \
	%reldir%/backup_restore.c %reldir%/backup_impl.h \
	%reldir%/disclose_impl.h %reldir%/disclose.c %reldir%/disclose_log.c \
	%reldir%/listing_impl.h %reldir%/listing.c \
	%reldir%/disclose_out.c %reldir%/retention.c %reldir%/mark.c \
	%reldir%/subject_impl.h %reldir%/subject.c %reldir%/mentions_doc.c \
	%reldir%/erase.c %reldir%/history.c
noinst_HEADERS += include/plandesk/protect/backup.h \
	include/plandesk/protect/disclose.h \
	include/plandesk/protect/disclose_out.h \
	include/plandesk/protect/retention.h \
	include/plandesk/protect/mark.h include/plandesk/protect/subject.h \
	include/plandesk/protect/history.h
