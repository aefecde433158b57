#!/bin/sh
# bench_csv.sh [ROWS...] — CSV import and export of people, side by side
# with sqlite3 doing the same work, and peak memory.
#
#   make bench && tests/bench/bench_csv.sh 10000 100000 1000000
#
# For each size (default 10000 100000 1000000) a people file is generated
# (tests/bench/bench_gen_people: the same rows every time), then timed with
# hyperfine:
#   import: plandesk import people FILE (into a new database)
#           sqlite3 DB ".import --csv FILE people" (into a new database)
#           and, for context, the same followed by what plandesk's import
#           also builds: a unique index on email and an FTS5 word-prefix
#           index (accents removed) over name, initials, role,
#           organisation, email and phone
#   export: plandesk export people -o OUT
#           sqlite3 -csv -header DB "select * from people" > OUT
# and the peak resident memory of each import and export is taken from
# /usr/bin/time -v.  Needs hyperfine and sqlite3 (apt-get install
# hyperfine sqlite3).  BUILD names the build directory (default: the
# source tree); RUNS the hyperfine runs (default 5, and 2 from 1M rows).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top}
pd=$build/plandesk
gen=$build/tests/bench/bench_gen_people
for tool in hyperfine sqlite3 /usr/bin/time; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench_csv.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$pd" ] && [ -x "$gen" ] || { echo "bench_csv.sh: run 'make bench' first" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plandesk-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data"
sizes=${*:-10000 100000 1000000}
fts="CREATE UNIQUE INDEX people_email ON people(email);
CREATE VIRTUAL TABLE people_fts USING fts5(name, initials, role, organisation,
  email, phone, content='people', tokenize='unicode61 remove_diacritics 2',
  prefix='1 2 3');
INSERT INTO people_fts(people_fts) VALUES('rebuild');"

# peak KIND CMD... : "Maximum resident set size" of a command, in MiB.
peak() {
	/usr/bin/time -v "$@" 2>"$tmp/time" >/dev/null
	awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tmp/time"
}

printf '%-9s %-28s %s\n' rows what "peak RSS (MiB)" >"$tmp/memory"
for n in $sizes; do
	csv=$tmp/people_$n.csv
	"$gen" "$n" >"$csv"
	runs=${RUNS:-5}
	[ "$n" -ge 1000000 ] && runs=${RUNS:-2}
	echo "== $n rows ($(du -h "$csv" | cut -f1) of CSV)"
	hyperfine --style basic --runs "$runs" --export-markdown "$tmp/import_$n.md" \
		--prepare "rm -f $tmp/p.db $tmp/p.db-lock $tmp/s.db" \
		-n "plandesk import people ($n)" "$pd --db $tmp/p.db import people $csv" \
		-n "sqlite3 .import --csv ($n)" "sqlite3 $tmp/s.db '.import --csv $csv people'" \
		-n "sqlite3 .import + indexes ($n)" "sqlite3 $tmp/s.db '.import --csv $csv people' \"$fts\""
	# The databases the exports read.
	rm -f "$tmp/p.db" "$tmp/p.db-lock" "$tmp/s.db"
	"$pd" --db "$tmp/p.db" import people "$csv" >/dev/null
	sqlite3 "$tmp/s.db" ".import --csv $csv people"
	hyperfine --style basic --runs "$runs" --export-markdown "$tmp/export_$n.md" \
		-n "plandesk export people ($n)" "$pd --db $tmp/p.db export people -o $tmp/out.csv" \
		-n "sqlite3 -csv select ($n)" "sqlite3 -csv -header $tmp/s.db 'select * from people' >$tmp/out2.csv"
	echo "database files: plandesk $(du -h "$tmp/p.db" | cut -f1), sqlite3 $(du -h "$tmp/s.db" | cut -f1)"
	rm -f "$tmp/p2.db" "$tmp/p2.db-lock" "$tmp/s2.db"
	printf '%-9s %-28s %s\n' "$n" "plandesk import" \
		"$(peak "$pd" --db "$tmp/p2.db" import people "$csv")" >>"$tmp/memory"
	printf '%-9s %-28s %s\n' "$n" "sqlite3 .import" \
		"$(peak sqlite3 "$tmp/s2.db" ".import --csv $csv people")" >>"$tmp/memory"
	printf '%-9s %-28s %s\n' "$n" "plandesk export" \
		"$(peak "$pd" --db "$tmp/p.db" export people -o "$tmp/out.csv")" >>"$tmp/memory"
	printf '%-9s %-28s %s\n' "$n" "sqlite3 -csv select" \
		"$(peak sqlite3 -csv -header "$tmp/s.db" 'select * from people')" >>"$tmp/memory"
	rm -f "$csv" "$tmp/p2.db" "$tmp/p2.db-lock" "$tmp/s2.db"
done
echo
echo "== summary"
cat "$tmp"/import_*.md "$tmp"/export_*.md
echo
cat "$tmp/memory"
