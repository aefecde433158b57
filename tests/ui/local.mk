# tests/ui/: the views drawn off-screen (curses on a pseudo-terminal-free
# screen, uitest.h), and man_keys, which prints the man page's KEYS section
# from the key tables.  Included by Makefile.am.

UI_TESTS = \
	%reldir%/test_list \
	%reldir%/test_text \
	%reldir%/test_views \
	%reldir%/test_meeting_mode \
	%reldir%/test_fields
UI_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/ui -I$(top_srcdir)/tests/unit
UI_TEST_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(NCURSES_CFLAGS) $(LMDB_CFLAGS)
# The views write documents through testdb.h's linked-in writers.
UI_TEST_LIBS = libplandesk-ui.a $(FORMATS_STATIC) $(CORE_LIBS) $(NCURSES_LIBS) \
	$(CRITERION_LIBS)
tests_ui_test_list_SOURCES = %reldir%/test_list.c %reldir%/uitest.h
tests_ui_test_list_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_ui_test_list_CFLAGS = $(UI_TEST_CFLAGS)
tests_ui_test_list_LDADD = $(UI_TEST_LIBS)
tests_ui_test_text_SOURCES = %reldir%/test_text.c %reldir%/uitest.h
tests_ui_test_text_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_ui_test_text_CFLAGS = $(UI_TEST_CFLAGS)
tests_ui_test_text_LDADD = $(UI_TEST_LIBS)
tests_ui_test_views_SOURCES = %reldir%/test_views.c %reldir%/uitest.h
tests_ui_test_views_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_ui_test_views_CFLAGS = $(UI_TEST_CFLAGS)
tests_ui_test_views_LDADD = $(UI_TEST_LIBS)
tests_ui_test_meeting_mode_SOURCES = %reldir%/test_meeting_mode.c %reldir%/uitest.h
tests_ui_test_meeting_mode_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_ui_test_meeting_mode_CFLAGS = $(UI_TEST_CFLAGS)
tests_ui_test_meeting_mode_LDADD = $(UI_TEST_LIBS)
tests_ui_test_fields_SOURCES = %reldir%/test_fields.c %reldir%/uitest.h \
	$(top_srcdir)/tests/unit/kindcopy.h
tests_ui_test_fields_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_ui_test_fields_CFLAGS = $(UI_TEST_CFLAGS)
tests_ui_test_fields_LDADD = $(UI_TEST_LIBS)

tests_ui_man_keys_SOURCES = %reldir%/man_keys.c
tests_ui_man_keys_CPPFLAGS = $(UI_TEST_CPPFLAGS)
tests_ui_man_keys_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_ui_man_keys_LDADD = $(UI_LIBS)
