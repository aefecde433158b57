# tests/reliability/: the shell tests are listed in Makefile.am
# (RELIABILITY_TESTS); this builds what fault_sweep.sh runs them with.
# Included by Makefile.am.

# One meeting-mode save (pd_meeting_record), without the screen.
FAULT_TOOLS = %reldir%/fault_meeting
tests_reliability_fault_meeting_SOURCES = %reldir%/fault_meeting.c
tests_reliability_fault_meeting_CFLAGS = $(AM_CFLAGS) $(LMDB_CFLAGS)
tests_reliability_fault_meeting_LDADD = $(CORE_LIBS)

# The LD_PRELOAD shim that fails the Nth write (failio.c): a plain shared
# object, no libtool.  Never built with the sanitizers (ASan must come
# first in a process and intercepts the same calls); fault_sweep.sh skips
# the sweep when the program is built with them.
check_DATA = %reldir%/failio.so
CLEANFILES += %reldir%/failio.so
EXTRA_DIST += %reldir%/failio.c
%reldir%/failio.so: %reldir%/failio.c
	@$(MKDIR_P) %reldir%
	$(AM_V_CC)$(CC) -std=gnu11 $(WARN_CFLAGS) -O2 -shared -fPIC -o $@ \
		$(srcdir)/%reldir%/failio.c -ldl
