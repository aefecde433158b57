# src/core/directory/: the search index, cards, name matching (search.h, people_match.h).
# Included by Makefile.am; HACKING.md describes the module.

libplandesk_core_a_SOURCES += %reldir%/search_terms.c \
	%reldir%/search_terms.h %reldir%/card.h %reldir%/card.c \
	%reldir%/search_entries.h %reldir%/search_entries.c %reldir%/upgrade.h \
	%reldir%/upgrade.c %reldir%/open.c \
	%reldir%/search_query.h %reldir%/search_query.c \
	%reldir%/search_merge.h %reldir%/search_merge.c %reldir%/search_one.h \
	%reldir%/search_one.c %reldir%/search_cand.h %reldir%/search_cand.c \
	%reldir%/search_lead.h %reldir%/search_lead.c %reldir%/search_drive.h \
	%reldir%/search_drive.c %reldir%/search_join.h %reldir%/search_join.c \
	%reldir%/search_many.h %reldir%/search_many.c \
	%reldir%/search.c %reldir%/people_match.c
noinst_HEADERS += include/plandesk/directory/open.h \
	include/plandesk/directory/search.h \
	include/plandesk/directory/people_match.h
