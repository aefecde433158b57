#!/bin/sh
# bench_lookup.sh [N] — directory lookup, side by side (not a test).
#
#   make bench && tests/bench/bench_lookup.sh            # N = 1000000
#
# People come from tests/bench/bench_gen_people (the import benchmark's
# generator: the same rows every time) through `plandesk import people`;
# sqlite3 imports the same CSV file, and an abook(1) addressbook is written
# from it.  Timed with hyperfine:
#   at N people       plandesk lookup smi        (the whole process)
#                     the same on a compact copy (plandesk backup)
#                     sqlite3 DB "SELECT ... WHERE name LIKE '%smi%'"
#                     and the same three for a rarer name, "oluwaseun nowak"
#   at 100000 people  plandesk lookup --mutt smi
#                     abook --datafile F --mutt-query smi
# then, inside one process, the latency of a first screenful (20 rows) over
# many random prefixes (tests/bench/bench_search query), on the imported
# database and on one built by `bench_search gen` (a long tail of made-up
# surnames: many more distinct words per prefix), and the size of the
# search index.  Needs hyperfine, sqlite3 and abook (apt-get install
# hyperfine sqlite3 abook).  BUILD names the build directory (default: the
# source tree); RUNS the hyperfine runs (default 10).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top}
pd=$build/plandesk
gen=$build/tests/bench/bench_gen_people
bs=$build/tests/bench/bench_search
for tool in hyperfine sqlite3 abook; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench_lookup.sh: $tool is missing" >&2; exit 2; }
done
for prog in "$pd" "$gen" "$bs"; do
	[ -x "$prog" ] || { echo "bench_lookup.sh: run 'make bench' first ($prog)" >&2; exit 2; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plandesk-lookup.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data"
n=${1:-1000000}
runs=${RUNS:-10}
small=100000
query="smi"
select="SELECT name, role, organisation, phone, email FROM people WHERE name LIKE '%$query%'"

# build N : people_N.csv, plandesk db_N.db, sqlite3 sq_N.db
build() {
	"$gen" "$1" >"$tmp/people_$1.csv"
	echo "== $1 people: importing into plandesk and sqlite3"
	/usr/bin/time -f "plandesk import: %e s" "$pd" --db "$tmp/db_$1.db" import people "$tmp/people_$1.csv" >/dev/null
	/usr/bin/time -f "sqlite3 .import: %e s" sqlite3 "$tmp/sq_$1.db" ".import --csv $tmp/people_$1.csv people"
}

build "$n"
echo "rows printed: plandesk $("$pd" --db "$tmp/db_$n.db" lookup "$query" | wc -l)," \
	"sqlite3 $(sqlite3 "$tmp/sq_$n.db" "$select" | wc -l) (LIKE is a substring match)"
"$pd" --db "$tmp/db_$n.db" backup "$tmp/compact_$n.db"
hyperfine -N --style basic --warmup 2 --runs "$runs" --export-markdown "$tmp/lookup_$n.md" \
	-n "plandesk lookup $query ($n)" "$pd --db $tmp/db_$n.db lookup $query" \
	-n "plandesk lookup $query, compact copy ($n)" "$pd --db $tmp/compact_$n.db lookup $query" \
	-n "sqlite3 LIKE '%$query%' ($n)" "sqlite3 $tmp/sq_$n.db \"$select\""
cat "$tmp/lookup_$n.md"
rare="oluwaseun nowak"
echo "rows printed: plandesk $("$pd" --db "$tmp/db_$n.db" lookup "$rare" | wc -l)," \
	"sqlite3 $(sqlite3 "$tmp/sq_$n.db" "SELECT name FROM people WHERE name LIKE '%$rare%'" | wc -l)"
hyperfine -N --style basic --warmup 2 --runs "$runs" --export-markdown "$tmp/rare_$n.md" \
	-n "plandesk lookup $rare ($n)" "$pd --db $tmp/db_$n.db lookup $rare" \
	-n "plandesk lookup $rare, compact copy ($n)" "$pd --db $tmp/compact_$n.db lookup $rare" \
	-n "sqlite3 LIKE '%$rare%' ($n)" \
	"sqlite3 $tmp/sq_$n.db \"SELECT name, role, organisation, phone, email FROM people WHERE name LIKE '%$rare%'\""
cat "$tmp/rare_$n.md"

# The accents sqlite3's LIKE cannot see.
echo "Søndergaard by 'sondergaard': plandesk $("$pd" --db "$tmp/db_$n.db" lookup sondergaard | wc -l)," \
	"sqlite3 $(sqlite3 "$tmp/sq_$n.db" "SELECT name FROM people WHERE name LIKE '%sondergaard%'" | wc -l)"

# abook at 100000: its file format written from the same rows.
[ "$n" -eq "$small" ] || build "$small"
{
	printf '# abook addressbook file\n\n[format]\nprogram=abook\nversion=0.6.1\n\n'
	sqlite3 "$tmp/sq_$small.db" "SELECT char(10) || '[' || (rowid - 1) || ']' || char(10) ||
		'name=' || name || char(10) || 'email=' || email || char(10) ||
		'phone=' || phone FROM people"
} >"$tmp/abook_$small"
echo "rows printed: plandesk --mutt $("$pd" --db "$tmp/db_$small.db" lookup --mutt "$query" | wc -l)," \
	"abook $(abook --datafile "$tmp/abook_$small" --mutt-query "$query" | wc -l)"
hyperfine -N --style basic --warmup 2 --runs "$runs" --export-markdown "$tmp/abook_$small.md" \
	-n "plandesk lookup --mutt $query ($small)" "$pd --db $tmp/db_$small.db lookup --mutt $query" \
	-n "abook --mutt-query $query ($small)" "abook --datafile $tmp/abook_$small --mutt-query $query"
cat "$tmp/abook_$small.md"

echo "== first screenful inside one process, imported database ($n people)"
"$bs" query "$tmp/db_$n.db" 5000
echo "== first screenful inside one process, made-up surnames ($n people)"
"$bs" gen "$tmp/gen_$n.db" "$n" 2>/dev/null
"$bs" query "$tmp/gen_$n.db" 5000
echo "== search index size"
"$bs" index-size "$tmp/db_$n.db" "$tmp"
"$bs" index-size "$tmp/gen_$n.db" "$tmp"
