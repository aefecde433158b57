#!/bin/sh
# subject.sh — subject access and erasure as a new user meets them on the
# sample data: `mentions` of a person as md, csv and docx (each recorded);
# a name two people answer to refused, listing both; a name no one has
# answered, not refused; `forget` asking first, then with --yes: the
# entry gone, links and names relabelled, the free text listed and left,
# `check` clean, the erasure recorded without the name.
. "$(dirname "$0")/lib.sh"
: "${PLANDESK_SHARE:?run through make check}"

S=$PLANDESK_SHARE/sample
db="$T_TMP/s.db"
pd() { "$PLANDESK" --db "$db" "$@"; }
for k in orgs people plans items meetings actions updates; do
	pd import "$k" "$S/$k.csv" >/dev/null 2>&1 || fail "import $k"
done
cd "$T_TMP" || exit 1

expect_status 0 "mentions of Diane Dawson" pd mentions "Diane Dawson"
expect_out "her entry" "^\| person “Diane Dawson” \| name \| their directory entry \| Diane Dawson \|$"
expect_out "an action she owns, by link" "^\| action “DD to speak to PCSOs for a contact telep…” on item 3 of plan C3P \| owners \| linked \| Diane Dawson \|$"
expect_out "and as typed" "on item 3 of plan C3P \| owner \| named \| DD \|$"
expect_out "a meeting she was at" "^\| meeting “2009-05-15” on plan C3P \| present \| linked \| Diane Dawson \|$"
expect_out "free text that names her" "^\| organisation “British Transport Police” \| referral \| in the text \| .*action for DD"
expect_err "and how many" "7 mentions of Diane Dawson \(recorded\)"
expect_status 0 "as csv" pd mentions DD -o dd.csv --reason "subject access request 2026-14"
same_lines=$(grep -c "Diane Dawson\|DD" dd.csv)
[ "$same_lines" -ge 7 ] && ok "the csv has them ($same_lines lines)" || fail "the csv has them"
expect_status 0 "as Word" pd mentions DD -o dd.docx
unzip -p dd.docx word/document.xml | grep -q "Records that name Diane Dawson" &&
	ok "a Word document titled with her name" || fail "a Word document"
expect_status 0 "someone no one in the directory is" pd mentions "Nobody Atall"
expect_out "answered" "No record names them"
expect_err "and said" "no one in the directory is called \"Nobody Atall\""

printf 'name,initials\nKen Proctor,KP2\nKen Platt,\n' >ken.csv
pd import people ken.csv >/dev/null 2>&1 || fail "two Kens imported"
expect_status 2 "a name two people answer to" pd forget Ken --yes
expect_err "lists both" "Ken P(roctor|latt).*Ken P(roctor|latt).*give the whole name"
expect_status 2 "asks first (no terminal: refused)" pd forget "Diane Dawson" </dev/null
expect_err "saying how to go ahead" "add --yes to go ahead"
expect_status 0 "she is still there" pd mentions "Diane Dawson" -f csv
expect_out "her entry" "^person “Diane Dawson”"
expect_status 0 "forget her" pd forget "Diane Dawson" --yes --reason "left; asked to be erased"
expect_out "what it did" "^Diane Dawson is forgotten: 4 records changed, 3 links and 1 name now read \"former member\""
expect_out "the free text left to edit" "^  in the text: action “DD to speak to PCSOs"
expect_status 0 "check is clean after" pd check
expect_status 0 "the action" pd export actions
expect_out "owned by the label" ",former member,2009-09-25,open,"
expect_status 0 "the meeting" pd export meetings
expect_out "attended by the label" "Zoë Ashworth; former member,"
expect_status 0 "the record" pd log --format csv
expect_out "the mentions" ",mentions,mentions,,,7,$T_TMP/dd.csv,csv,none,subject access request 2026-14,"
expect_out "the erasure" ",forget,person,,,4,,,,left; asked to be erased,"
grep -q "Diane" "$T_TMP/out" && fail "the record names no one" || ok "the record names no one"
expect_status 1 "forgetting her again finds nothing to forget" pd forget "Diane Dawson" --yes
finish
