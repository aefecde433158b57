# tests/bench/: `make bench` builds the programs; the *.sh scripts run them
# side by side with their peers (hyperfine, /usr/bin/time).  Included by
# Makefile.am.  bench_gen_people is also what the reliability tests import,
# so `make check` builds it too.

BENCHES = %reldir%/bench_search %reldir%/ui_bench_filter %reldir%/bench_gen_names
EXTRA_PROGRAMS = $(BENCHES)
CLEANFILES += $(BENCHES)
tests_bench_bench_search_SOURCES = %reldir%/bench_search.c %reldir%/bench_search_gen.c \
	%reldir%/searchbench.h
tests_bench_bench_search_CFLAGS = $(AM_CFLAGS) $(LMDB_CFLAGS)
tests_bench_bench_search_LDADD = $(CORE_LIBS)
tests_bench_ui_bench_filter_SOURCES = %reldir%/ui_bench_filter.c
tests_bench_ui_bench_filter_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/ui
tests_bench_ui_bench_filter_CFLAGS = $(AM_CFLAGS) $(NCURSES_CFLAGS)
tests_bench_ui_bench_filter_LDADD = $(UI_LIBS)
tests_bench_bench_gen_people_SOURCES = %reldir%/bench_gen_people.c
tests_bench_bench_gen_names_SOURCES = %reldir%/bench_gen_names.c
EXTRA_DIST += %reldir%/bench_lookup.sh %reldir%/bench_csv.sh %reldir%/startup.sh \
	%reldir%/startup_libs.sh \
	%reldir%/bench_scale.sh

bench: $(BENCHES) %reldir%/bench_gen_people$(EXEEXT) plandesk$(EXEEXT)
.PHONY: bench
