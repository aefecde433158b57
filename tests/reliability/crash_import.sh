#!/bin/sh
# crash_import.sh — kill -9 `plandesk import` at random moments and show
# that an import is all or nothing: after every round `check` passes and
# the people (and organisations) are exactly those from before the import,
# or those plus every row of the file.
#
# ROUNDS (default 50) rounds.  The file is a few thousand generated people
# (tests/bench/bench_gen_people: UTF-8 names, multi-line quoted notes); the
# kill comes after a random delay of up to 1.5 times what one whole import
# took here, so some land mid-import and some after it finished.  A round
# whose import landed starts the next from a copy of the database before
# it; a round killed before its commit carries on with the same file.
. "$(dirname "$0")/../cli/lib.sh"
: "${PLANDESK_SHARE:?run through make check}" "${PLANDESK_GEN_PEOPLE:?run through make check}"

ROUNDS=${ROUNDS:-50}
ROWS=${ROWS:-4000}
base="$T_TMP/base.db"
db="$T_TMP/p.db"
big="$T_TMP/big.csv"
pd() { "$PLANDESK" --db "$db" "$@"; }

# records : the number of CSV records on stdin after the header (a
# quoted field may span lines: a record ends where the quotes balance).
records() { awk '{ q += gsub(/"/, "") } q % 2 == 0 { n++ } END { print n - 1 }'; }
count() { "$PLANDESK" --db "$1" export "$2" 2>/dev/null | records; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
random() { od -An -N2 -tu2 /dev/urandom | tr -d ' '; }

# --- the known content: the sample data ---------------------------------------
for k in orgs people plans items meetings actions updates; do
	"$PLANDESK" --db "$base" import "$k" "$PLANDESK_SHARE/sample/$k.csv" >/dev/null 2>&1 ||
		fail "import sample $k"
done
"$PLANDESK_GEN_PEOPLE" "$ROWS" >"$big" || { fail "generate $ROWS people"; finish; exit 1; }
rows=$(records <"$big")
base_people=$(count "$base" people)
base_orgs=$(count "$base" orgs)
[ "$rows" -eq "$ROWS" ] && ok "the file has $ROWS people" || fail "the file has $ROWS people ($rows)"

# Whole imports, timed (the quickest of three): how long the kills may
# wait, and what "all" is.
took= whole=yes
for i in 1 2 3; do
	cp "$base" "$db"
	t0=$(now_ms)
	pd import people "$big" >/dev/null 2>&1 || { whole=no; break; }
	t=$(($(now_ms) - t0))
	[ -z "$took" ] || [ "$t" -lt "$took" ] && took=$t
done
[ $whole = yes ] && ok "a whole import" || { fail "a whole import"; finish; exit 1; }
all_people=$(count "$db" people)
all_orgs=$(count "$db" orgs)
[ "$all_people" -eq $((base_people + rows)) ] && ok "it adds every row" ||
	fail "it adds every row ($base_people + $rows != $all_people)"
max=$((took * 3 / 2 + 5))
echo "# one import: $took ms; kills within $max ms"

# --- the rounds ----------------------------------------------------------------
cp "$base" "$db"
early=0 late=0 finished=0 bad=0
r=0
while [ $r -lt "$ROUNDS" ]; do
	r=$((r + 1))
	ms=$(($(random) % max))
	# The program itself in the background (not a function: $! would be
	# a subshell, and killing that leaves the import running).
	"$PLANDESK" --db "$db" import people "$big" >/dev/null 2>&1 &
	pid=$!
	sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	st=$?
	problems=$(pd check 2>&1) || { bad=$((bad + 1)); fail "round $r: check after kill at $ms ms"
		echo "$problems" | sed 's/^/#   /'; }
	people=$(count "$db" people)
	orgs=$(count "$db" orgs)
	dry=$(pd import people "$big" --dry-run 2>/dev/null)
	if [ "$people" = "$base_people" ] && [ "$orgs" = "$base_orgs" ] &&
	   echo "$dry" | grep -q ": $rows added, 0 updated, 0 unchanged"; then
		landed=no
	elif [ "$people" = "$all_people" ] && [ "$orgs" = "$all_orgs" ] &&
	     echo "$dry" | grep -q ": 0 added, 0 updated, $rows unchanged"; then
		landed=yes
	else
		landed=partial
		bad=$((bad + 1))
		fail "round $r: all or nothing after kill at $ms ms (exit $st: $people people, $orgs orgs; $dry)"
	fi
	case $st:$landed in
	137:no)		early=$((early + 1)) ;;
	137:yes)	late=$((late + 1)) ;;
	0:yes)		finished=$((finished + 1)) ;;
	*:partial)	;;
	*)		bad=$((bad + 1)); fail "round $r: exit $st, landed $landed" ;;
	esac
	[ "$landed" = yes ] && cp "$base" "$db"
done
# CRASH_ONLY_FILES: the only names the rounds may leave beside the file.
if [ -n "${CRASH_ONLY_FILES:-}" ]; then
	left=$(cd "$(dirname "$db")" && for f in .* *; do
		case " . .. base.db base.db-lock big.csv home $CRASH_ONLY_FILES " in *" $f "*) ;; *) echo "$f" ;; esac
	done)
	[ -z "$left" ] && ok "nothing else is left beside the database" ||
		{ bad=$((bad + 1)); fail "left beside the database: $left"; }
fi
[ $bad -eq 0 ] && ok "$ROUNDS rounds: check passes and every import is all or nothing"
echo "# $ROUNDS rounds: $early killed mid-import (nothing written), $late killed after the commit, $finished finished"
if [ "$ROUNDS" -ge 10 ]; then
	[ $early -gt 0 ] && ok "some kills landed mid-import" || fail "no kill landed mid-import"
fi
finish
