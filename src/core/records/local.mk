# src/core/records/: the schema, records and their encoding, indexes, `check`.
# Included by Makefile.am; HACKING.md describes the module.

noinst_HEADERS += include/plandesk/records/schema.h
libplandesk_core_a_SOURCES += %reldir%/schema.c %reldir%/record.c \
	%reldir%/codec.c %reldir%/derived.h %reldir%/derived.c %reldir%/index.h \
	%reldir%/index.c %reldir%/records_impl.h %reldir%/records.c \
	%reldir%/held.c %reldir%/delete.c %reldir%/undo.c %reldir%/forget.c \
	%reldir%/check.c
noinst_HEADERS += include/plandesk/records/record.h \
	include/plandesk/records/codec.h include/plandesk/records/records.h \
	include/plandesk/records/undo.h include/plandesk/records/check.h
