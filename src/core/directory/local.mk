# src/core/directory/: the search index, cards, name matching (search.h, people_match.h).
# Included by Makefile.am; HACKING.md describes the module.

libplandesk_core_a_SOURCES += %reldir%/search_terms.c \
	%reldir%/search_terms.h %reldir%/term_batch.c %reldir%/search_impl.h \
	%reldir%/search.c %reldir%/card.c %reldir%/card.h %reldir%/upgrade.c \
	%reldir%/upgrade.h %reldir%/search_merge.c %reldir%/search_one.c \
	%reldir%/search_many.h %reldir%/search_many.c %reldir%/search_lead.c \
	%reldir%/search_drive.c %reldir%/people_match.c
noinst_HEADERS += include/plandesk/directory/search.h \
	include/plandesk/directory/people_match.h
