#!/bin/sh
# crash_import_runs.sh — crash_import.sh with a 256 KiB write queue
# (PLANDESK_SORT_BYTES): each import sorts its search index, cards and
# unique keys in some ten runs on an unnamed temporary file beside the
# database (store/queue_runs.c), so the kills land while runs are written,
# merged and applied.  The same promise, over 100 rounds (ROUNDS): after
# every kill `check` passes and the import is all or nothing.
ROUNDS=${ROUNDS:-100} PLANDESK_SORT_BYTES=262144 exec sh "$(dirname "$0")/crash_import.sh"
