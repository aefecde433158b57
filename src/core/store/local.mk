# src/core/store/: the LMDB environment, transactions, the undo journal, scans.
# Included by Makefile.am; HACKING.md describes the module.

libplandesk_core_a_SOURCES += %reldir%/handles.h %reldir%/mdb_err.h \
	%reldir%/mdb_err.c %reldir%/indexes.h %reldir%/indexes.c \
	%reldir%/journal.h %reldir%/journal.c %reldir%/write_queue.h \
	%reldir%/write_queue.c %reldir%/queue_impl.h %reldir%/queue_sort.c \
	%reldir%/queue_runs.c %reldir%/queue_stream.c %reldir%/queue_overlay.c %reldir%/store_impl.h \
	%reldir%/postings.h %reldir%/postings_codec.h %reldir%/postings_codec.c \
	%reldir%/postings_cursor.c %reldir%/postings_write.c \
	%reldir%/wlock.h %reldir%/wlock.c %reldir%/bulk.c %reldir%/checkpoint.c \
	%reldir%/store.c %reldir%/txn.c %reldir%/write_txn.c %reldir%/write_loop.c %reldir%/cursor.c %reldir%/scan.c
noinst_HEADERS += include/plandesk/store/store.h \
	include/plandesk/store/scan.h
