# tests/fuzz/: ./configure --enable-fuzzing CC=clang && make fuzz.
# Everything is built with libFuzzer's coverage and ASan/UBSan, UBSan fatal
# (a report it recovers from is no finding for libFuzzer); the targets link
# libFuzzer's main.  README says how to run them.  Included by Makefile.am.

FUZZERS = %reldir%/fuzz_import %reldir%/fuzz_decode %reldir%/fuzz_vcard \
	%reldir%/fuzz_mail %reldir%/fuzz_backup
EXTRA_DIST += %reldir%/README $(FUZZERS:=.c) \
	%reldir%/corpus_import %reldir%/corpus_decode %reldir%/corpus_vcard \
	%reldir%/corpus_mail %reldir%/corpus_backup
if FUZZING
FUZZ_CFLAGS = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
FUZZ_LINK_FLAGS = -fsanitize=address,undefined
FUZZER_LINK = $(AM_LDFLAGS) -fsanitize=fuzzer
EXTRA_PROGRAMS += $(FUZZERS)
CLEANFILES += $(FUZZERS)
tests_fuzz_fuzz_import_SOURCES = %reldir%/fuzz_import.c
tests_fuzz_fuzz_import_LDFLAGS = $(FUZZER_LINK)
tests_fuzz_fuzz_import_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_decode_SOURCES = %reldir%/fuzz_decode.c
tests_fuzz_fuzz_decode_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/core
tests_fuzz_fuzz_decode_LDFLAGS = $(FUZZER_LINK)
tests_fuzz_fuzz_decode_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_vcard_SOURCES = %reldir%/fuzz_vcard.c
tests_fuzz_fuzz_vcard_LDFLAGS = $(FUZZER_LINK)
tests_fuzz_fuzz_vcard_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_mail_SOURCES = %reldir%/fuzz_mail.c
tests_fuzz_fuzz_mail_LDFLAGS = $(FUZZER_LINK)
tests_fuzz_fuzz_mail_LDADD = $(CORE_LIBS)
tests_fuzz_fuzz_backup_SOURCES = %reldir%/fuzz_backup.c
tests_fuzz_fuzz_backup_LDFLAGS = $(FUZZER_LINK)
tests_fuzz_fuzz_backup_LDADD = $(CORE_LIBS)
FUZZ_BUILD = $(FUZZERS)
else
FUZZ_BUILD = fuzz-disabled
endif

fuzz: $(FUZZ_BUILD)
fuzz-disabled:
	@echo "make fuzz: configure with --enable-fuzzing CC=clang first" >&2; exit 1
.PHONY: fuzz fuzz-disabled
