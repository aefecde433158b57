#!/bin/sh
# history.sh — `plandesk history KIND WHICH` on the sample data: an item
# by PLAN/REF created by the import and changed by a second one (the
# fields named), a person by name, a plan by ref; an action by number;
# a record of no such key; where the journal begins.
. "$(dirname "$0")/lib.sh"
: "${PLANDESK_SHARE:?run through make check}"

S=$PLANDESK_SHARE/sample
db="$T_TMP/h.db"
pd() { "$PLANDESK" --db "$db" "$@"; }
for k in orgs people plans items meetings actions updates; do
	pd import "$k" "$S/$k.csv" >/dev/null 2>&1 || fail "import $k"
done
cd "$T_TMP" || exit 1

printf 'plan,ref,title,status\nC3P,1,All staff trained,2\n' >i.csv
pd import items i.csv >/dev/null 2>&1 || fail "the second import"
expect_status 0 "an item by PLAN/REF" pd history items C3P/1
expect_out "created by the import" "^[0-9-]{10} [0-9:]{5}  created  — import .*items.csv: 46 added, 0 updated \(session [0-9a-f]{8}\)$"
expect_out "changed by the second, naming the fields" "  changed: title, status(, position)?  — import i.csv: 0 added, 1 updated"
expect_out "and where the journal begins" "^\(The undo journal begins [0-9-]{10} [0-9:]{5}: the last 500 writes\.\)$"
expect_status 0 "a person by name" pd history people "Diane Dawson"
expect_out "created" "  created  — import .*people.csv"
expect_status 0 "a plan by its ref" pd history plan CSE
expect_status 1 "no such item" pd history items C3P/99
expect_err "says so" "no item 'C3P/99'"
expect_status 2 "an action takes its number" pd history actions "KP to adjust"
expect_err "says so" "an action is given by its number"
expect_status 2 "an unknown kind" pd history widgets 1
finish
