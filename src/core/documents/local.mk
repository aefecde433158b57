# src/core/documents/: the document model and its writers, sheets, minutes, reports.
# Included by Makefile.am; HACKING.md describes the module.

# Word, OpenDocument and the .xlsx half of the sheets are in the document
# module (src/formats/local.mk); formats.c is how the core reaches it.
libplandesk_core_a_SOURCES += %reldir%/format.c %reldir%/formats.c \
	%reldir%/docmodel_impl.h \
	%reldir%/docmodel.c %reldir%/doc_md.c %reldir%/doc_txt.c \
	%reldir%/doc_html.c %reldir%/doc_write.c \
	%reldir%/sheet_impl.h %reldir%/sheet.c \
	%reldir%/confidential.c \
	%reldir%/minutes_impl.h %reldir%/minutes.c %reldir%/minutes_head.c \
	%reldir%/minutes_doc.c \
	%reldir%/doc.c %reldir%/report_impl.h %reldir%/report.c \
	%reldir%/report_common.c %reldir%/report_progress.c \
	%reldir%/report_monitoring.c %reldir%/report_actions.c \
	%reldir%/report_retention.c \
	%reldir%/report_mail.h %reldir%/report_mail.c
noinst_HEADERS += include/plandesk/documents/format.h \
	include/plandesk/documents/formats.h \
	include/plandesk/documents/docmodel.h include/plandesk/documents/sheet.h \
	include/plandesk/documents/minutes.h include/plandesk/documents/report.h \
	include/plandesk/documents/doc.h \
	include/plandesk/documents/confidential.h
