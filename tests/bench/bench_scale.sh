#!/bin/sh
# bench_scale.sh [N] — the directory at scale, side by side with sqlite3,
# on two generators, with the ratios the scale goals are stated in.
#
#   make bench && tests/bench/bench_scale.sh            # N = 1000000
#
# For each generator — tests/bench/bench_gen_people ("First Last", 30 × 32
# names) and tests/bench/bench_gen_names ("First [Middle] Last", 120 first
# names, 80 surnames of falling frequency, accents) — N people are written
# as CSV and:
#   import   plandesk import people FILE              (a new database)
#            sqlite3 .import --csv FILE people         (bare)
#            sqlite3 .import + an FTS5 table over name, role, organisation
#            and email with prefix='1 2 3'
#            timed with hyperfine (RUNS, default 3), peak RSS and file size
#            from /usr/bin/time -v and du
#   lookup   plandesk lookup smi / zoe (whole process, hyperfine -N)
#            sqlite3 "... WHERE name LIKE '%smi%'" / '%zoe%' (a scan)
#   in-process, the first screenful's latency over random one- and
#            two-word prefixes (tests/bench/bench_search query)
# and last a table of the ratios (plandesk ÷ sqlite3).  Needs hyperfine,
# sqlite3 and python3.  BUILD names the build directory (default: the
# source tree).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top}
pd=$build/plandesk
bs=$build/tests/bench/bench_search
for tool in hyperfine sqlite3 python3 /usr/bin/time; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench_scale.sh: $tool is missing" >&2; exit 2; }
done
for prog in "$pd" "$bs" "$build/tests/bench/bench_gen_people" "$build/tests/bench/bench_gen_names"; do
	[ -x "$prog" ] || { echo "bench_scale.sh: run 'make bench' first ($prog)" >&2; exit 2; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plandesk-scale.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data"
n=${1:-1000000}
runs=${RUNS:-3}
fts="CREATE VIRTUAL TABLE people_fts USING fts5(name, role, organisation, email,
  content='people', prefix='1 2 3');
INSERT INTO people_fts(people_fts) VALUES('rebuild');"

# peak OUT CMD... : append "Maximum resident set size" of CMD, in MiB, to OUT.
peak() {
	out=$1; shift
	/usr/bin/time -v "$@" 2>"$tmp/time" >/dev/null
	awk -F: '/Maximum resident set size/ { printf "%.1f\n", $2 / 1024 }' "$tmp/time" >"$out"
}

for gen in bench_gen_people bench_gen_names; do
	csv=$tmp/$gen.csv
	"$build/tests/bench/$gen" "$n" >"$csv"
	echo "== $gen, $n people ($(du -h "$csv" | cut -f1) of CSV)"
	hyperfine --style basic --runs "$runs" --export-json "$tmp/$gen.import.json" \
		--prepare "rm -f $tmp/p.db $tmp/p.db-lock $tmp/s.db" \
		-n "plandesk import" "$pd --db $tmp/p.db import people $csv" \
		-n "sqlite3 .import" "sqlite3 $tmp/s.db '.import --csv $csv people'" \
		-n "sqlite3 .import + FTS5" "sqlite3 $tmp/s.db '.import --csv $csv people' \"$fts\""
	rm -f "$tmp"/*.db "$tmp"/*.db-lock
	peak "$tmp/$gen.rss.plandesk" "$pd" --db "$tmp/p.db" import people "$csv"
	peak "$tmp/$gen.rss.bare" sqlite3 "$tmp/bare.db" ".import --csv $csv people"
	peak "$tmp/$gen.rss.fts" sqlite3 "$tmp/fts.db" ".import --csv $csv people" "$fts"
	du -b "$tmp/p.db" | cut -f1 >"$tmp/$gen.size.plandesk"
	du -b "$tmp/bare.db" | cut -f1 >"$tmp/$gen.size.bare"
	du -b "$tmp/fts.db" | cut -f1 >"$tmp/$gen.size.fts"
	for q in smi zoe; do
		echo "lookup $q: plandesk $("$pd" --db "$tmp/p.db" lookup "$q" | wc -l) rows," \
			"sqlite3 LIKE $(sqlite3 "$tmp/bare.db" "SELECT name FROM people WHERE name LIKE '%$q%'" | wc -l)"
		hyperfine -N --style basic --warmup 2 --runs 10 --export-json "$tmp/$gen.lookup_$q.json" \
			-n "plandesk lookup $q" "$pd --db $tmp/p.db lookup $q" \
			-n "sqlite3 LIKE '%$q%'" "sqlite3 $tmp/bare.db \"SELECT name, role, organisation, phone, email FROM people WHERE name LIKE '%$q%'\""
	done
	echo "-- first screenful in one process ($gen)"
	"$bs" query "$tmp/p.db" 5000 | tee "$tmp/$gen.inproc"
	rm -f "$csv" "$tmp"/*.db "$tmp"/*.db-lock
done

echo
echo "== ratios at $n people (plandesk ÷ sqlite3; medians)"
python3 - "$tmp" <<'PY'
import json, sys, os
tmp = sys.argv[1]
def med(path, name):
    for r in json.load(open(path))['results']:
        if r['command'] == name:
            return r['median']
def num(path):
    return float(open(path).read())
print(f"{'':18} {'import/FTS5':>11} {'import/bare':>11} {'RSS MiB':>8} {'file/FTS5':>9} {'smi/LIKE':>8} {'zoe/LIKE':>8}")
for gen in ('bench_gen_people', 'bench_gen_names'):
    j = os.path.join(tmp, gen)
    p = med(j + '.import.json', 'plandesk import')
    bare = med(j + '.import.json', 'sqlite3 .import')
    fts = med(j + '.import.json', 'sqlite3 .import + FTS5')
    look = {q: med(f'{j}.lookup_{q}.json', f'plandesk lookup {q}') /
               med(f'{j}.lookup_{q}.json', f"sqlite3 LIKE '%{q}%'") for q in ('smi', 'zoe')}
    print(f"{gen:18} {p / fts:11.2f} {p / bare:11.2f} {num(j + '.rss.plandesk'):8.0f}"
          f" {num(j + '.size.plandesk') / num(j + '.size.fts'):9.2f}"
          f" {look['smi']:8.3f} {look['zoe']:8.3f}")
    print(f"{'':18} plandesk {p:.2f} s, sqlite3 {bare:.2f} s, +FTS5 {fts:.2f} s;"
          f" RSS sqlite3 {num(j + '.rss.bare'):.0f}/{num(j + '.rss.fts'):.0f} MiB;"
          f" files {num(j + '.size.plandesk') / 2**20:.1f} / {num(j + '.size.fts') / 2**20:.1f} MiB")
print("goals: import/FTS5 <= 0.5, import/bare <= 2.0, RSS <= 256, file/FTS5 <= 1.5, lookups <= 0.1")
PY
