#!/bin/sh
# startup_libs.sh [PLANDESK...] — what loading libraries costs a
# command's start-up: `plandesk --version`, `plandesk lookup zoe` on a
# small database (the sample data behind `plandesk demo`, as mutt's
# query_command runs it) and `sqlite3 --version`, side by side in one
# hyperfine run (-N: no shell).  Give other builds of the program to
# compare them in the same run (an older one still linked with libzip,
# libxml2, libxlsxwriter and libical: PLANDESK... are measured in turn).
# Then the libraries each program and the document module load.
#
#   make && tests/bench/startup_libs.sh [/path/to/older/plandesk]
#
# Needs hyperfine and sqlite3.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top}
for tool in hyperfine sqlite3; do
	command -v "$tool" >/dev/null 2>&1 ||
		{ echo "startup_libs.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$build/plandesk" ] || { echo "startup_libs.sh: run 'make' first" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plandesk-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db=$tmp/small.db
for k in orgs people plans items meetings actions updates; do
	"$build/plandesk" --db "$db" import "$k" "$top/share/sample/$k.csv" >/dev/null 2>&1
done

# Each program's two commands (paths without spaces), then sqlite3's.
progs="$build/plandesk $*"
set --
for pd in $progs; do
	[ -x "$pd" ] || { echo "startup_libs.sh: $pd is not a program" >&2; exit 2; }
	set -- "$@" "$pd --version" "$pd --db $db lookup zoe"
done
hyperfine -N --warmup 20 --min-runs 200 "$@" "sqlite3 --version"

echo
for f in "$build/plandesk" "$build/plandesk-formats.so"; do
	printf '%s: %s libraries loaded at start (ldd)\n' "${f##*/}" \
		"$(ldd "$f" | grep -c '=>')"
done
