# src/core/meetings/: status scales, actions, due dates, agenda, the meeting record, drafts.
# Included by Makefile.am; HACKING.md describes the module.

libplandesk_core_a_SOURCES += %reldir%/scale.c %reldir%/track.c \
	%reldir%/actionline.c %reldir%/due.c %reldir%/agenda.c \
	%reldir%/meeting_impl.h %reldir%/meeting.c %reldir%/meeting_record.c \
	%reldir%/meeting_owners.c %reldir%/meeting_status.c %reldir%/drafts.c
noinst_HEADERS += include/plandesk/meetings/scale.h \
	include/plandesk/meetings/track.h include/plandesk/meetings/actionline.h \
	include/plandesk/meetings/due.h include/plandesk/meetings/meeting.h
