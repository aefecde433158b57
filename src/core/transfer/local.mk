# src/core/transfer/: CSV, import and export, vCard, iCalendar, mail headers.
# Included by Makefile.am; HACKING.md describes the module.

libplandesk_core_a_SOURCES += %reldir%/csv_impl.h %reldir%/csv_source.c \
	%reldir%/csv_read.c %reldir%/csv_write.c %reldir%/csv_columns.c \
	%reldir%/transfer_impl.h %reldir%/import_row.c %reldir%/import_refs.c \
	%reldir%/import_dir.c %reldir%/import_plan.c %reldir%/import_minutes.c \
	%reldir%/import_vcard.c %reldir%/import.c %reldir%/export.c \
	%reldir%/vcard_impl.h \
	%reldir%/vcard_read.c %reldir%/vcard_value.c %reldir%/export_vcard.c \
	%reldir%/calendar.c %reldir%/export_ical.c %reldir%/mail_header.c %reldir%/mail_encode.c \
	%reldir%/add_sender.c
noinst_HEADERS += include/plandesk/transfer/csv.h \
	include/plandesk/transfer/transfer.h include/plandesk/transfer/vcard.h \
	include/plandesk/transfer/ical.h include/plandesk/transfer/calendar.h \
	include/plandesk/transfer/mail.h
# A kind's columns from its field table, and a record as a row of them.
libplandesk_core_a_SOURCES += %reldir%/export_row.c
noinst_HEADERS += include/plandesk/transfer/columns.h
