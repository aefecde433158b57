#!/bin/sh
# retention.sh — retention and legal holds as a new user meets them on the
# sample data: a plan held and refused its purge, with the hold's reason;
# the hold lifted and the plan purged after it was shown and asked about;
# `check` clean after; each step in the disclosure record; the retention
# report; the columns `retain until` and `hold` in and out of CSV.
. "$(dirname "$0")/lib.sh"
: "${PLANDESK_SHARE:?run through make check}"

S=$PLANDESK_SHARE/sample
db="$T_TMP/r.db"
pd() { "$PLANDESK" --db "$db" "$@"; }
same() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 ($2, wanted $3)"; fi; }
for k in orgs people plans items meetings actions updates; do
	pd import "$k" "$S/$k.csv" >/dev/null 2>&1 || fail "import $k"
done
cd "$T_TMP" || exit 1
items_of() { pd export items 2>/dev/null | grep -c "^$1,"; }
cse_items=$(items_of CSE)

expect_status 0 "a hold on the CSE plan" pd hold CSE --reason "IICSA: no destruction of CSE records"
expect_out "says so" "^Plan CSE is under a legal hold \(recorded\): IICSA: no destruction of CSE records$"
expect_status 2 "a hold needs its reason" pd hold C3P
expect_err "and says so" "a hold needs its reason"
expect_status 2 "purging the held plan is refused" pd purge CSE --yes
expect_out "after showing what it would remove" "^Purge plan CSE .*: 16 items, 16 updates, 0 actions, 1 meeting and 0 themes\.$"
expect_err "with the hold's reason" "plan CSE is under a legal hold \(IICSA: no destruction of CSE records\); nothing was removed \(plandesk hold --lift CSE lifts it\)"
same "nothing was removed" "$(items_of CSE)" "$cse_items"
expect_status 0 "export shows the hold" pd export plans
expect_out "in its column" ",IICSA: no destruction of CSE records$"

expect_status 0 "the hold is lifted" pd hold --lift CSE --reason "inquiry closed"
expect_status 1 "lifting it again finds none" pd hold --lift CSE
expect_err "and says so" "plan CSE is not under a legal hold"
expect_status 2 "a purge asks first (no terminal: refused)" pd purge CSE </dev/null
expect_err "saying how to go ahead" "add --yes to go ahead"
same "nothing was removed" "$(items_of CSE)" "$cse_items"
expect_status 0 "the purge" pd purge CSE --yes --reason "retention period over"
expect_out "says what it did" "^Plan CSE is purged: 34 records removed \(recorded\)\.$"
same "the plan's items are gone" "$(items_of CSE)" 0
expect_status 0 "check is clean after" pd check
expect_status 1 "a purged plan is no more" pd purge CSE --yes
expect_status 2 "its minutes are no more" pd minutes --plan CSE 2016-06-29
expect_status 0 "the other plans are whole" pd report progress C3P

expect_status 0 "the record" pd log --format csv
expect_out "has the hold and its reason" ",hold,plan,CSE,,,,,,IICSA: no destruction of CSE records,"
expect_out "the lift" ",hold --lift,plan,CSE,,,,,,inquiry closed,"
expect_out "the purge, not its content" ",purge,plan,CSE,,34,,,,retention period over,"
same "and nothing for the refused purges" "$(grep -c ',purge,' "$T_TMP/out")" 1

# Retention dates and holds come in by CSV too.
printf 'ref,title,retain until,hold\nC3BP,,2010-12-31,\nC3P,,2030-01-01,Ofsted inspection\n' >plans.csv
expect_status 0 "retention dates and a hold imported" pd import plans plans.csv
expect_status 0 "the retention report" pd report retention --today 2027-01-10
expect_out "a plan past its date" "^\| C3BP \| Cluster 3 Business Plan .* \| 31st December 2010 \| may be purged \|$"
expect_out "a plan held, with the reason" "^\| C3P \| Cluster 3 partnership projects 2009 \| 1st January 2030 \| Ofsted inspection \|$"
expect_out "people not verified for a year" "^## People not verified for 12 months$"
expect_out "among them one never verified" "^\| A\. Thompson \| Stoke-on-Trent City Council \|  \| never \|$"
expect_status 0 "as a spreadsheet" pd report retention -o retention.xlsx
expect_status 2 "the retention report takes no plan" pd report retention C3P
expect_status 2 "--months is for it alone" pd report progress C3P --months 6
expect_status 0 "its entry" pd log --format csv
expect_out "records it" ",report retention,retention report,,,,$T_TMP/retention.xlsx,xlsx,"
finish
