#!/bin/sh
# lookup.sh — `plandesk lookup`: the tab-separated contract, accent- and
# case-blind word prefixes, AND of words, phone digits, ranking, exit
# statuses, mutt's query format and --stale.
. "$(dirname "$0")/lib.sh"

db="$T_TMP/dir.db"
T=$(printf '\t')
export PLANDESK_TODAY=2026-11-23

"$PLANDESK" --db "$db" import orgs "$TESTS_DATA/lookup_orgs.csv" >/dev/null 2>"$T_TMP/imp" &&
"$PLANDESK" --db "$db" import people "$TESTS_DATA/lookup_people.csv" >/dev/null 2>>"$T_TMP/imp"
if [ $? -eq 0 ]; then ok "the fixtures import"; else fail "the fixtures import"; sed 's/^/#   /' "$T_TMP/imp"; fi

lookup() { expect_status "$@"; }

# expect_lines NAME FILE : the last command's stdout is exactly FILE.
expect_lines() {
	if cmp -s "$2" "$T_TMP/out"; then ok "$1"; else
		fail "$1"; diff "$2" "$T_TMP/out" | sed 's/^/#   /'; fi
}

lookup 0 "zoe finds Zoë" "$PLANDESK" --db "$db" lookup zoe
printf 'person\tZoë Ångström\tFamily support worker\tSøndergaard Family Centre\t01632 960 123\tzoe@example.org\n' >"$T_TMP/want"
expect_lines "a person's line: kind name role organisation phone email" "$T_TMP/want"

lookup 0 "łuk finds Łukasz" "$PLANDESK" --db "$db" lookup łuk
expect_out "Łukasz, with his mobile in the phone column" "^person${T}Łukasz Nowak${T}Youth worker${T}${T}07700 900123${T}lukasz@example.org\$"
lookup 0 "LUKASZ finds Łukasz" "$PLANDESK" --db "$db" lookup LUKASZ
expect_out "Łukasz by LUKASZ" "Łukasz Nowak"
lookup 0 "angstrom finds Ångström" "$PLANDESK" --db "$db" lookup angstrom
expect_out "Ångström" "Zoë Ångström"
lookup 0 "sondergaard finds the centre and its people" "$PLANDESK" --db "$db" lookup sondergaard
printf 'org\tSøndergaard Family Centre\t\t\t\tfamily@example.org\nperson\tZoë Ångström\tFamily support worker\tSøndergaard Family Centre\t01632 960 123\tzoe@example.org\n' >"$T_TMP/want"
expect_lines "an organisation's line has no role or organisation; it comes first by rank" "$T_TMP/want"
lookup 0 "obrien finds O'Brien" "$PLANDESK" --db "$db" lookup obrien
expect_out "O'Brien by obrien" "^person${T}Pat O'Brien${T}"
lookup 0 "o'brien finds O'Brien" "$PLANDESK" --db "$db" lookup "o'brien"
expect_out "O'Brien by o'brien" "^person${T}Pat O'Brien${T}"

lookup 0 "several words, given as several arguments" "$PLANDESK" --db "$db" lookup fire rescue
printf 'org\tFire and Rescue Service\t\t\t01632 960 999\tfire@example.org\nperson\tPat O'"'"'Brien\tStation manager\tFire and Rescue Service\t01632 960 555\tpat.obrien@example.org\n' >"$T_TMP/want"
expect_lines "fire rescue: the service and its station manager, not the Fire Safety Team" "$T_TMP/want"
lookup 0 "several words in one argument" "$PLANDESK" --db "$db" lookup "Fire   Safety"
expect_out "fire safety finds the team" "^org${T}Fire Safety Team${T}"
expect_out "fire safety finds the service by its overview" "^org${T}Fire and Rescue Service"

lookup 0 "phone digits" "$PLANDESK" --db "$db" lookup 01632960
[ "$(wc -l <"$T_TMP/out")" -eq 4 ] && ok "01632960 finds four numbers" || fail "01632960 finds four numbers ($(wc -l <"$T_TMP/out"))"
lookup 0 "phone digits typed with spaces" "$PLANDESK" --db "$db" lookup 01632 960 55
expect_out "01632 960 55 finds Pat" "^person${T}Pat O'Brien"

lookup 0 "smith" "$PLANDESK" --db "$db" lookup smith
cut -f2 "$T_TMP/out" >"$T_TMP/names"
printf 'Smith\nAnne Smith\nBea Smithson\n' >"$T_TMP/want"
if cmp -s "$T_TMP/want" "$T_TMP/names"; then ok "exact name first, then by name"; else
	fail "exact name first, then by name"; sed 's/^/#   /' "$T_TMP/names"; fi

lookup 1 "no match exits 1" "$PLANDESK" --db "$db" lookup nobody
[ -s "$T_TMP/out" ] && fail "no match prints nothing" || ok "no match prints nothing"
lookup 1 "punctuation only matches nothing" "$PLANDESK" --db "$db" lookup -- "--"
lookup 2 "no query is a usage error" "$PLANDESK" --db "$db" lookup
expect_err "the usage line" "usage: .*lookup"
lookup 2 "an unknown option is a usage error" "$PLANDESK" --db "$db" lookup --frob zoe
lookup 2 "a missing database is an error" "$PLANDESK" --db "$T_TMP/none.db" lookup zoe
[ -e "$T_TMP/none.db" ] && fail "lookup creates no database" || ok "lookup creates no database"

# mutt: a first line, then email TAB name TAB organisation.
lookup 0 "--mutt" "$PLANDESK" --db "$db" lookup --mutt fire
{ head -n 1 "$T_TMP/out" | grep -q "${T}"; } && fail "mutt's first line is plain text" || ok "mutt's first line is plain text"
tail -n +2 "$T_TMP/out" >"$T_TMP/rest"
printf 'fire@example.org\tFire and Rescue Service\t\npat.obrien@example.org\tPat O'"'"'Brien\tFire and Rescue Service\n' >"$T_TMP/want"
if cmp -s "$T_TMP/want" "$T_TMP/rest"; then ok "mutt: entries with an e-mail address"; else
	fail "mutt: entries with an e-mail address"; sed 's/^/#   /' "$T_TMP/rest"; fi
lookup 1 "--mutt with matches but no e-mail exits 1" "$PLANDESK" --db "$db" lookup --mutt kim
[ "$(wc -l <"$T_TMP/out")" -eq 1 ] && ok "--mutt prints only its first line" || fail "--mutt prints only its first line"

# --stale: verified missing or older than MONTHS months before today.
lookup 0 "--stale 6" "$PLANDESK" --db "$db" lookup --stale 6
cut -f1,2 "$T_TMP/out" >"$T_TMP/names"
printf 'org\tFire Safety Team\norg\tSøndergaard Family Centre\nperson\tŁukasz Nowak\nperson\tPat O'"'"'Brien\n' >"$T_TMP/want"
if cmp -s "$T_TMP/want" "$T_TMP/names"; then ok "--stale 6 lists the old and the unverified"; else
	fail "--stale 6 lists the old and the unverified"; sed 's/^/#   /' "$T_TMP/names"; fi
lookup 0 "--stale 6 with a query" "$PLANDESK" --db "$db" lookup --stale 6 fire
cut -f2 "$T_TMP/out" >"$T_TMP/names"
printf 'Fire Safety Team\nPat O'"'"'Brien\n' >"$T_TMP/want"
if cmp -s "$T_TMP/want" "$T_TMP/names"; then ok "--stale filters a query"; else
	fail "--stale filters a query"; sed 's/^/#   /' "$T_TMP/names"; fi
PLANDESK_TODAY=2026-12-01 "$PLANDESK" --db "$db" lookup --stale 5 kim >"$T_TMP/out" 2>&1
[ $? -eq 0 ] && ok "today comes from PLANDESK_TODAY" || fail "today comes from PLANDESK_TODAY"
lookup 1 "--stale 1: Zoë was verified this month" "$PLANDESK" --db "$db" lookup --stale 1 zoe
lookup 2 "--stale wants a number" "$PLANDESK" --db "$db" lookup --stale soon
expect_err "--stale says what it wants" "number of months"

# The manual's query_command, run as mutt runs it: mutt puts the query in
# single quotes (each ' becomes '\'') in place of %s, then hands the line
# to sh -c.  No query may run a command, and each finds its people.
man="$PLANDESK_SHARE/man/plandesk.1"
qcmd=$(sed -n 's/^set query_command = "\(.*\)"$/\1/p' "$man" | sed 's/\\-/-/g')
case $qcmd in
"plandesk lookup --mutt %s") ok "the manual's query_command leaves %s bare" ;;
*) fail "the manual's query_command leaves %s bare (it is: $qcmd)" ;;
esac
mkdir -p "$T_TMP/bin" && ln -sf "$PLANDESK" "$T_TMP/bin/plandesk"
as_mutt() {
	q=$(printf '%s' "$1" | sed "s/'/'\\\\''/g")
	line=$(printf '%s' "$qcmd" | sed "s|%s|'$(printf '%s' "$q" | sed 's/[|&\\]/\\&/g')'|")
	(cd "$T_TMP" && PATH="$T_TMP/bin:$PATH" PLANDESK_DB="$db" sh -c "$line") \
		>"$T_TMP/out" 2>"$T_TMP/err"
}
as_mutt "o'brien"
if grep -q "^pat.obrien@example.org${T}Pat O'Brien${T}" "$T_TMP/out"; then ok "mutt's o'brien finds Pat O'Brien"
else fail "mutt's o'brien finds Pat O'Brien"; sed 's/^/#   /' "$T_TMP/out" "$T_TMP/err"; fi
as_mutt "zoe"
if grep -q "^zoe@example.org${T}Zoë Ångström${T}" "$T_TMP/out"; then ok "mutt's zoe finds Zoë"
else fail "mutt's zoe finds Zoë"; sed 's/^/#   /' "$T_TMP/out" "$T_TMP/err"; fi
for q in "zoe;touch ran1;" '$(touch ran2)' '`touch ran3`' "zoe'; touch ran4; '" 'zoe" ; touch ran5 ; "'; do
	as_mutt "$q"
done
ran=$(ls "$T_TMP" | grep -c '^ran')
[ "$ran" -eq 0 ] && ok "no query runs a command (; \$() \` ')" || fail "a query ran a command ($ran files)"

# With --mutt, an error is mutt's status line (stdout's first line) too.
lookup 2 "--mutt on a missing database" "$PLANDESK" --db "$T_TMP/none2.db" lookup --mutt zoe
expect_out "--mutt puts the error on stdout" "^plandesk: .*no database"
[ "$(wc -l <"$T_TMP/out")" -eq 1 ] && ok "--mutt's error is one line" || fail "--mutt's error is one line"
lookup 2 "--mutt with a bad option" "$PLANDESK" --db "$db" lookup --mutt --frob zoe
expect_out "--mutt puts the usage on stdout" "^usage: "
lookup 2 "without --mutt, errors stay off stdout" "$PLANDESK" --db "$T_TMP/none2.db" lookup zoe
[ -s "$T_TMP/out" ] && fail "stdout is empty on an error" || ok "stdout is empty on an error"

# Control bytes in a field (a tab, a newline, DEL; in a long field and a
# short one) are spaces: each match stays one line of six fields.
printf 'name,role,email\nQuill Tabbed,"Lead\tfor the\nnorth area\177 now",quill@example.org\nQuint Tab,"a\tb",quint@example.org\n' >"$T_TMP/ctl.csv"
"$PLANDESK" --db "$T_TMP/ctl.db" import people "$T_TMP/ctl.csv" >/dev/null 2>&1
lookup 0 "a role with control bytes" "$PLANDESK" --db "$T_TMP/ctl.db" lookup qui
printf 'person\tQuill Tabbed\tLead for the north area  now\t\t\tquill@example.org\nperson\tQuint Tab\ta b\t\t\tquint@example.org\n' >"$T_TMP/want"
expect_lines "control bytes in a field are spaces" "$T_TMP/want"

lookup 0 "check after lookups" "$PLANDESK" --db "$db" check

# A mistyped --db: said plainly, and no empty database is left behind.
lookup 2 "lookup on a missing database" "$PLANDESK" --db "$T_TMP/typo.db" lookup smi
expect_err "says there is no database there" "there is no database at $T_TMP/typo.db"
if [ -e "$T_TMP/typo.db" ]; then fail "no file is created"; else ok "no file is created"; fi
finish
