#!/bin/sh
# startup.sh [PEOPLE [ACTIONS]] — the client's start-up to its first
# screen and quit, through a pseudo-terminal (script(1)), on a database of
# PEOPLE people and ACTIONS actions (default 1000000 and 100000) against an
# empty one; then one keystroke in the Directory filter on the big one
# (tests/bench/ui_bench_filter).  Start-up must not load data: the ratio
# big/empty should stay near 1 (target <= 1.2).
#
#   make bench && tests/bench/startup.sh
#
# The big database is built once into $BENCH_DB (default
# ${TMPDIR:-/tmp}/plandesk-bench-startup.db) with bench_gen_people and the
# CLI import, and reused.  Needs hyperfine and script (util-linux).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top}
pd=$build/plandesk
gen=$build/tests/bench/bench_gen_people
filter=$build/tests/bench/ui_bench_filter
people=${1:-1000000}
actions=${2:-100000}
big=${BENCH_DB:-${TMPDIR:-/tmp}/plandesk-bench-startup.db}
for tool in hyperfine script; do
	command -v "$tool" >/dev/null 2>&1 || { echo "startup.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$pd" ] && [ -x "$gen" ] && [ -x "$filter" ] || { echo "startup.sh: run 'make bench' first" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plandesk-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TERM=xterm-256color

if [ ! -f "$big" ]; then
	echo "== building $big: $people people, $actions actions"
	"$gen" "$people" >"$tmp/people.csv"
	printf 'ref,title,scale\nBENCH,Benchmark plan,1-4\n' >"$tmp/plans.csv"
	awk 'BEGIN { print "plan,ref,title,status,target";
		for (i = 1; i <= 200; i++)
			printf "BENCH,%d,Item number %d of the benchmark plan,%d,2015-0%d-01\n", i, i, i % 4 + 1, i % 9 + 1 }' >"$tmp/items.csv"
	awk -v n="$actions" 'BEGIN { print "plan,item,text,owner,due,state";
		for (i = 1; i <= n; i++)
			printf "BENCH,%d,Action %d: follow up with the partner,KP,2016-%02d-15,%s\n",
				i % 200 + 1, i, i % 12 + 1, i % 3 ? "open" : "done" }' >"$tmp/actions.csv"
	for k in people plans items actions; do
		/usr/bin/time -f "import $k: %e s" "$pd" --db "$big.new" import "$k" "$tmp/$k.csv" >/dev/null
	done
	mv "$big.new" "$big"
	rm -f "$big.new-lock"
fi

# One start-up through a pty: draw the first screen, read the q typed
# ahead, quit.  script's stdin is a fifo held open until the client has
# exited: at EOF on stdin script(1) lingers ~250 ms, which would swamp
# what is measured.
cat >"$tmp/run.sh" <<EOF2
#!/bin/sh
f=\$(mktemp -u "$tmp/q.XXXXXX")
mkfifo "\$f"
script -qec "$pd --db \$1" /dev/null <"\$f" >/dev/null &
exec 3>"\$f"
printf q >&3
wait \$!
exec 3>&-
rm -f "\$f"
EOF2
"$pd" --db "$tmp/empty.db" check >/dev/null
hyperfine --style basic --warmup 3 --runs ${RUNS:-30} --export-markdown "$tmp/startup.md" \
	-n "empty database" "sh $tmp/run.sh $tmp/empty.db" \
	-n "$people people, $actions actions" "sh $tmp/run.sh $big"
cat "$tmp/startup.md"
echo
echo "== one keystroke in the Directory filter ($people people)"
"$filter" "$big"
