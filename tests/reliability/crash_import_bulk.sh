#!/bin/sh
# crash_import_bulk.sh — crash_import.sh with every import a bulk write
# (PLANDESK_BULK_BYTES=1; store/bulk.c): the database is copied into an
# unnamed file beside it, the import is committed there every 97 rows
# (PLANDESK_CHECKPOINT) and in runs of a 256 KiB queue, and the copy is
# renamed over the file at the end.  The kills land while the copy is
# made, written in pieces, synced and renamed; the same promise, over 100
# rounds (ROUNDS): after every kill `check` passes and the import is all
# or nothing.  A kill between the copy's link and its rename may leave
# its name (.p.db.bulk) beside the file, which the next bulk write takes
# away; no other file may be left.
here=$(dirname "$0")
ROUNDS=${ROUNDS:-100} PLANDESK_BULK_BYTES=1 PLANDESK_CHECKPOINT=97 \
	PLANDESK_SORT_BYTES=262144 CRASH_ONLY_FILES="p.db p.db-lock .p.db.bulk" \
	exec sh "$here/crash_import.sh"
