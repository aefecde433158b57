# src/ui/: the full-screen client, the only code that draws (ncursesw).
# Included by Makefile.am; HACKING.md says where a new view or key goes.

libplandesk_ui_a_SOURCES = %reldir%/ui.h %reldir%/open.c %reldir%/run.c \
	%reldir%/app.h %reldir%/app.c %reldir%/app_keys.c %reldir%/app_draw.c \
	%reldir%/app_undo.c \
	%reldir%/statusline.h %reldir%/statusline.c %reldir%/status_draw.h \
	%reldir%/status_draw.c %reldir%/keymap.h \
	%reldir%/keymap.c %reldir%/command.h %reldir%/cmdline.h %reldir%/cmdline.c %reldir%/theme.h \
	%reldir%/theme.c %reldir%/draw.h %reldir%/draw.c %reldir%/lineedit.h \
	%reldir%/lineedit.c %reldir%/paste.h %reldir%/paste.c %reldir%/editor.h %reldir%/editor.c %reldir%/list.h \
	%reldir%/list.c %reldir%/recfmt.h %reldir%/recfmt.c %reldir%/docview.h \
	%reldir%/docview.c
# Data sources: what a list view shows, read in batches.
libplandesk_ui_a_SOURCES += %reldir%/ds.h %reldir%/ds_common.c \
	%reldir%/ds_scan.c %reldir%/ds_dir.h %reldir%/ds_dir.c %reldir%/ds_plans.h \
	%reldir%/ds_plans.c %reldir%/ds_doc.c
# Forms and editing a record.
libplandesk_ui_a_SOURCES += %reldir%/form.h %reldir%/form_impl.h \
	%reldir%/form.c %reldir%/form_data.c %reldir%/edit.h %reldir%/edit.c
# Views (views.h lists them).
libplandesk_ui_a_SOURCES += %reldir%/views.h %reldir%/view_welcome.c \
	%reldir%/view_help.c %reldir%/view_plans.c %reldir%/view_item.c \
	%reldir%/view_actions.c %reldir%/view_meetings.c %reldir%/view_meeting.c \
	%reldir%/view_directory.c %reldir%/view_card.c %reldir%/card_fields.h \
	%reldir%/card_fields.c %reldir%/history_lines.h %reldir%/history_lines.c \
	%reldir%/view_log.c
# Meeting mode.
libplandesk_ui_a_SOURCES += %reldir%/meeting_mode.h \
	%reldir%/meeting_mode_impl.h %reldir%/view_meeting_mode.c \
	%reldir%/meeting_keys.c %reldir%/meeting_lines.c %reldir%/meeting_agenda.c \
	%reldir%/meeting_attend.c %reldir%/meeting_start.c %reldir%/meeting_end.c
