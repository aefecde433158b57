#!/bin/sh
# memcheck.sh TEST — run one test of `make check-valgrind` with every
# program under valgrind's memcheck.  A Criterion test binary runs under
# memcheck itself (children followed: Criterion runs each test in a
# re-executed copy of itself); a shell test runs as usual, and the
# program it starts as $PLANDESK is tests/valgrind/plandesk.sh.
#
# memcheck writes what it finds to one log per process in $VALGRIND_LOGS
# rather than to stderr, so the tests still see the program's own stderr
# and exit status; the test fails if any log is not empty.  An invalid
# read or write, a use of an uninitialised value and a definite or
# indirect leak are reported; memory still reachable at exit (ncurses
# keeps its terminal tables for the life of the process) is not.
# --vgdb=no: no gdbserver pipes in $TMPDIR (editor.sh checks it is left
# empty).
VALGRIND_LOGS=$(mktemp -d "${TMPDIR:-/tmp}/plandesk-vg.XXXXXX") || exit 99
export VALGRIND_LOGS
VALGRIND_OPTS="-q --vgdb=no --leak-check=full --errors-for-leak-kinds=definite,indirect
	--show-leak-kinds=definite,indirect --num-callers=30"
export VALGRIND_OPTS

case $1 in
*.sh)	${SHELL:-/bin/sh} "$@" ;;
*)	# shellcheck disable=SC2086
	valgrind $VALGRIND_OPTS --trace-children=yes --child-silent-after-fork=no \
		--log-file="$VALGRIND_LOGS/vg.%p" "$@" ;;
esac
status=$?

for f in "$VALGRIND_LOGS"/vg.*; do
	[ -s "$f" ] || continue
	echo "# memcheck found errors (${f##*/}):"
	sed 's/^/#   /' "$f"
	[ "$status" -eq 77 ] || status=1
done
rm -rf "$VALGRIND_LOGS"
exit "$status"
