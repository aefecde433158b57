#!/bin/sh
# plandesk.sh — stands in for the program in the shell and e2e tests
# under `make check-valgrind` (see memcheck.sh): the real program, under
# memcheck, its findings logged to $VALGRIND_LOGS.  The editor and other
# programs it starts are not followed.
: "${PLANDESK_BIN:?run through make check-valgrind}" "${VALGRIND_LOGS:?}"
# shellcheck disable=SC2086
exec valgrind $VALGRIND_OPTS --log-file="$VALGRIND_LOGS/vg.%p" "$PLANDESK_BIN" "$@"
