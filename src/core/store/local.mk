# src/core/store/: the LMDB environment, transactions, the undo journal, scans.
# Included by Makefile.am; HACKING.md describes the module.

libplandesk_core_a_SOURCES += %reldir%/store.c %reldir%/store_impl.h \
	%reldir%/journal.c %reldir%/scan.c
noinst_HEADERS += include/plandesk/store/store.h \
	include/plandesk/store/scan.h
