# src/formats/: the document module, plandesk-formats.so — the writers
# that need libzip, libxml2, libxlsxwriter and libical, so that the
# program itself links none of them (documents/formats.h; HACKING.md,
# "The document module").  Included by Makefile.am.
#
# A shared object built as a program (-shared -fPIC): libtool would bring
# a build dependency (libtool-bin), a .la file to install and a wrapper
# script round the program for one ELF module on one platform.

FORMATS_SOURCES = %reldir%/writers.h %reldir%/module.c \
	%reldir%/doc_xml.h %reldir%/doc_xml.c \
	%reldir%/doc_docx.h %reldir%/doc_docx.c %reldir%/doc_docx_parts.c \
	%reldir%/doc_odt_styles.h %reldir%/doc_odt.c %reldir%/doc_odt_styles.c \
	%reldir%/sheet_xlsx.c %reldir%/ical_write.c
FORMATS_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/core
FORMATS_CFLAGS = $(LIBZIP_CFLAGS) $(LIBXML_CFLAGS) $(XLSXWRITER_CFLAGS) $(ICAL_CFLAGS)
FORMATS_LIBS = $(LIBZIP_LIBS) $(LIBXML_LIBS) $(XLSXWRITER_LIBS) $(ICAL_LIBS)

# What the writers call in the core, compiled into the module again
# (position-independent): the core holds no mutable state, so the
# module's copy and the program's cannot disagree.  -z defs proves the
# list complete (not under a sanitizer: clang leaves its runtime's
# symbols to the program).
FORMATS_CORE = src/core/base/buf.c src/core/base/status.c src/core/base/date.c \
	src/core/base/date_parse.c src/core/base/text.c \
	src/core/documents/docmodel.c
if SANITIZERS
FORMATS_DEFS =
else !SANITIZERS
if FUZZING
FORMATS_DEFS =
else !FUZZING
FORMATS_DEFS = -Wl,-z,defs
endif !FUZZING
endif !SANITIZERS

# In $(pkglibdir) (automake allows no pkglib_PROGRAMS; "exec": installed
# with the architecture-dependent files, by install-exec).
formatsexecdir = $(pkglibdir)
formatsexec_PROGRAMS = plandesk-formats.so
plandesk_formats_so_SOURCES = $(FORMATS_SOURCES) $(FORMATS_CORE)
plandesk_formats_so_CPPFLAGS = $(FORMATS_CPPFLAGS)
plandesk_formats_so_CFLAGS = $(AM_CFLAGS) -fPIC $(FORMATS_CFLAGS) $(UTF8PROC_CFLAGS)
plandesk_formats_so_LDFLAGS = $(AM_LDFLAGS) -shared $(FORMATS_DEFS) \
	-Wl,--version-script=$(srcdir)/%reldir%/formats.map
plandesk_formats_so_LDADD = $(FORMATS_LIBS) $(UTF8PROC_LIBS)
EXTRA_plandesk_formats_so_DEPENDENCIES = %reldir%/formats.map
EXTRA_DIST += %reldir%/formats.map

# The unit tests link the writers in and use the table directly
# (pd_formats_module): they test the writers, not the loading.
noinst_LIBRARIES += libplandesk-formats.a
libplandesk_formats_a_SOURCES = $(FORMATS_SOURCES)
libplandesk_formats_a_CPPFLAGS = $(FORMATS_CPPFLAGS)
libplandesk_formats_a_CFLAGS = $(AM_CFLAGS) $(FORMATS_CFLAGS)
FORMATS_STATIC = libplandesk-formats.a $(FORMATS_LIBS)
