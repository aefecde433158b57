#!/bin/sh
# report.sh — `plandesk report`: the committee reports of the sample data
# (share/sample: CSE a recommendation tracker, C3BP a business plan, C3P
# a partnership's meetings) in the
# three formats, -o FILE, --since, --owner, --excel, "today" from --today
# or PLANDESK_TODAY, and the exit statuses.
. "$(dirname "$0")/lib.sh"

: "${PLANDESK_SHARE:?run through make check}"
db="$T_TMP/r.db"
for k in orgs people plans items meetings actions updates; do
	"$PLANDESK" --db "$db" import "$k" "$PLANDESK_SHARE/sample/$k.csv" >"$T_TMP/imp.out" 2>&1 ||
		{ echo "# import $k failed:"; sed 's/^/#   /' "$T_TMP/imp.out"; }
done
R() { "$PLANDESK" --db "$db" report "$@"; }

# --- progress: the committee's tracker, CSE ---------------------------------
expect_status 0 "progress report of CSE" R progress CSE --today 2016-06-29
expect_out "titled as the tracker" '^# Progress Update – Child Sexual Exploitation$'
expect_out "the date it is as at, and the data's own" \
	'^## Progress as at 29th June 2016 · updates of 29th June 2016$'
expect_out "whose plan it is, under the heading" '^Stockton-on-Tees Local Safeguarding Children Board$'
expect_out "summary of the assessments" '^\| 1 – Fully achieved \| 7 \|$'
expect_out "the sub-items' assessments are counted" '^\| 2 – On track \| 3 \|$'
expect_out "the items assessed in their parts" '^\| See its parts \(its sub-items are assessed\) \| 2 \|$'
expect_out "the total" '^\| \*\*Total \(rows of the table\)\*\* \| \*\*16\*\* \|$'
rows=$(sed -n '/^## Recommendations$/,$p' "$T_TMP/out" | grep -cE '^#{3,4} ')
if [ "$rows" -eq 16 ]; then ok "the total is the table's rows"; else fail "the total is the table's rows ($rows)"; fi
expect_out "on track but past its date: may have slipped" \
	'^\*\*May have slipped \(.*\): 5, 5a, 5b\.\*\*$'
expect_out "status history of an item that slipped" \
	'^\*History:\* 2 → 3 on 29th June 2016$'
expect_out "the free-text target as written" \
	'^\*\*Anticipated Completion Date / Completion Date:\*\* Post completion of JSNA September 2015$'

# Every recommendation, its sub-items under it, with the sample's assessment.
# The assessment follows its label on the same line, or (with a history or
# a flag under it) on the next line that is not empty.
awk '/^###/ { ref = $2 }
     /^\*\*Assessment of progress/ { sub(/^\*\*Assessment of progress[^*]*\*\* ?/, "")
	if ($0 != "") print ref, $1; else want = 1; next }
     want && NF { print ref, $1; want = 0 }' "$T_TMP/out" >"$T_TMP/got"
cat >"$T_TMP/want" <<'EOF'
1 1
2 1
3 3
4 3
5 2
5a 2
5b 2
6 *See
6a 3
6b 1
7 1
8 1
9 3
10 *See
10c 1
11 1
EOF
if cmp -s "$T_TMP/got" "$T_TMP/want"; then ok "every item in order with its assessment"
else fail "every item in order with its assessment"; diff "$T_TMP/want" "$T_TMP/got" | sed 's/^/#   /'; fi
order=$(grep -E '^#{3,4} ' "$T_TMP/out" | sed 's/^#* //' | tr '\n' ' ')
if [ "$order" = "1 2 3 4 5 5a 5b 6 6a 6b 7 8 9 10 10c 11 " ]; then ok "sub-items under their parent"
else fail "sub-items under their parent (got: $order)"; fi

expect_status 0 "progress since a date" R progress CSE --today 2016-06-29 --since 2016-01-01
expect_out "earlier evidence shown with its date" '^\*\*30th March 2016\*\*$'
expect_status 0 "progress later than every update" R progress CSE --since 2016-07-01 --today 2016-07-02
expect_out "says there is no update since then" 'No update since 1st July 2016'

# Before the targets passed nothing may have slipped.
expect_status 0 "progress on an earlier day" R progress CSE --today 2015-08-15
if grep -q 'May have slipped' "$T_TMP/out"; then fail "no flag before the target dates"
else ok "no flag before the target dates"; fi

# HTML into a file: 0600, a complete page with the table.
expect_status 0 "progress as HTML into a file" R progress CSE --today 2016-06-29 -o "$T_TMP/cse.html"
expect_mode "the report file is private" 600 "$T_TMP/cse.html"
if head -1 "$T_TMP/cse.html" | grep -q '^<!DOCTYPE html>$' && tail -1 "$T_TMP/cse.html" | grep -q '^</html>$' &&
   grep -q '<th style="width: 36%">Evidence of progress (29th June 2016)</th>' "$T_TMP/cse.html" &&
   grep -q '<tr class="sub"><td><p>6a</p></td>' "$T_TMP/cse.html"; then
	ok "the format follows the file's extension"
else fail "the format follows the file's extension"; fi

# "Today" from the environment when --today is not given.
expect_status 0 "today from PLANDESK_TODAY" \
	env PLANDESK_TODAY=2016-06-29 "$PLANDESK" --db "$db" report progress CSE
expect_out "as at that day" 'Progress as at 29th June 2016'
expect_status 2 "PLANDESK_TODAY that is not a date" \
	env PLANDESK_TODAY=soon "$PLANDESK" --db "$db" report progress CSE
expect_err "says so" 'PLANDESK_TODAY'

# --- monitoring: the business plan, C3BP ------------------------------------
expect_status 0 "monitoring report of C3BP" R monitoring C3BP --today 2009-06-30
expect_out "as at the day given, the updates' own date beside it" \
	'^## Monitoring as at 30th June 2009 · updates of 3rd June 2009$'
expect_out "first theme" '^## Be Healthy$'
expect_out "last theme" '^## Economic Well-being$'
expect_out "the update with its date" '^\*\*Update 3rd June 2009:\*\*$'
expect_out "an action agreed" '^- Set up twice yearly CP level 1 training in cluster$'
expect_out "a status" '^\*\*Status:\*\* A – Amber$'
expect_status 0 "monitoring as HTML" R monitoring C3BP --today 2009-06-30 --format html
expect_out "a heading per theme" '<h2>Be Safe</h2>'
expect_out "one table per theme, dated as the plan's updates" \
	'<th style="width: 28%">Actions agreed</th><th style="width: 30%">Update 3rd June 2009</th>'

# --- actions: open actions by owner -----------------------------------------
expect_status 0 "actions of C3P" R actions C3P --today 2009-10-01
expect_out "how many are open and overdue" '^Plan C3P: [0-9]+ open actions as at 1st October 2009, [0-9]+ overdue\.$'
expect_out "an owner from the directory" '^## Karen Proctor \(KP\)$'
expect_out "an owner as typed" '^## Schools$'
expect_out "overdue marked, the item by its title" \
	'^\| \*\*25th September 2009 \(overdue\)\*\* \| 2\. Creation of a directory .* \| KP to adjust and e-mail organisation \| 26th June 2009 \|$'
expect_status 0 "one owner's actions as CSV" R actions C3P --today 2009-10-01 --owner KP --format csv
expect_out "the CSV header" '^owner,due,overdue,item,item_title,action,raised$'
expect_out "an overdue action of KP" '^Karen Proctor \(KP\),2009-09-25,yes,2,'
if grep -qv -e '^Karen Proctor (KP),' -e '^owner,' "$T_TMP/out"; then fail "only KP's actions"
else ok "only KP's actions"; fi
expect_status 0 "CSV for Excel into a file" R actions C3P --today 2009-10-01 --excel -o "$T_TMP/a.csv"
if [ "$(head -c 3 "$T_TMP/a.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
   head -1 "$T_TMP/a.csv" | grep -q "$(printf 'raised\r')"; then ok "Excel form: BOM and CRLF"
else fail "Excel form: BOM and CRLF"; fi

# --- Word, OpenDocument, spreadsheets; date styles ---------------------------
expect_status 0 "progress as Word by extension" R progress CSE --today 2016-06-29 -o "$T_TMP/cse.docx"
expect_mode "the Word file is private" 600 "$T_TMP/cse.docx"
if [ "$(head -c 4 "$T_TMP/cse.docx" | od -An -tx1 | tr -d ' ')" = 504b0304 ]; then ok "a zip file"
else fail "a zip file"; fi
expect_status 0 "monitoring as OpenDocument by --format" R monitoring C3BP --today 2009-06-30 --format odt -o "$T_TMP/bp"
if head -c 80 "$T_TMP/bp" | grep -aq 'mimetypeapplication/vnd.oasis.opendocument.text'; then
	ok "--format wins over a file with no extension"; else fail "--format wins over a file with no extension"; fi
expect_status 0 "actions as a spreadsheet" R actions C3P --today 2009-10-01 -o "$T_TMP/a.xlsx"
if [ "$(head -c 4 "$T_TMP/a.xlsx" | od -An -tx1 | tr -d ' ')" = 504b0304 ]; then ok "a zip file too"
else fail "a zip file too"; fi
expect_status 2 "a file type reports are not written in" R progress CSE --today 2016-06-29 -o "$T_TMP/cse.pdf"
expect_err "names the formats" 'md, txt, html, csv, docx, odt or xlsx'
if [ -e "$T_TMP/cse.pdf" ]; then fail "nothing is written"; else ok "nothing is written"; fi
expect_status 2 "--excel is for CSV, not xlsx" R actions C3P --excel -o "$T_TMP/b.xlsx"
expect_status 0 "ISO dates" R monitoring C3BP --today 2009-06-30 --date-style iso
expect_out "every date in the style" '^## Monitoring as at 2009-06-30 · updates of 2009-06-03$'
expect_status 0 "short dates" R actions C3P --today 2009-10-01 --date-style short
expect_out "due and raised dates too" '^\| \*\*25/09/2009 \(overdue\)\*\* \| 2\. .* \| 26/06/2009 \|$'
expect_status 0 "plain text" R actions C3P --today 2009-10-01 --format txt
expect_out "a line per action" '^  \* Due: 25th September 2009 \(overdue\) — Item: 2\. Creation'

# --- errors -------------------------------------------------------------------
expect_status 1 "no such plan" R progress NOPE --today 2016-06-29
expect_err "names the plan" 'no plan "NOPE"'
expect_status 2 "unknown report" R minutes CSE
expect_err "lists the reports" 'progress, monitoring, actions, digest or retention'
expect_status 2 "unknown format" R progress CSE --format pdf
expect_status 2 "--excel is for CSV" R progress CSE --excel
expect_status 2 "--since is for progress" R actions C3P --since 2016-01-01
expect_status 2 "--owner is for actions" R progress CSE --owner KP
expect_status 2 "--today needs a day" R progress CSE --today 'June 2016'
expect_status 2 "a plan ref is needed" R progress
expect_err "usage is shown" 'usage: .* report KIND REF'
expect_status 0 "report --help" R --help
expect_out "the options are listed" '--since DATE'
expect_status 2 "a file that cannot be written" R progress CSE --today 2016-06-29 -o "$T_TMP/no/such/dir/x.md"
expect_err "says why" 'cannot create'

finish
