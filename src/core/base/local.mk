# src/core/base/: status codes, buffers, the u64 map, UTF-8 text, dates, whole-file saves.
# Included by Makefile.am; HACKING.md describes the module.

libplandesk_core_a_SOURCES += %reldir%/status.c %reldir%/buf.c \
	%reldir%/u64map.c %reldir%/text.c %reldir%/date_impl.h %reldir%/date.c \
	%reldir%/date_parse.c %reldir%/date_pack.c %reldir%/save.c \
	%reldir%/save.h
noinst_HEADERS += include/plandesk/base/status.h \
	include/plandesk/base/buf.h include/plandesk/base/u64map.h \
	include/plandesk/base/text.h include/plandesk/base/date.h
