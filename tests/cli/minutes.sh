#!/bin/sh
# minutes.sh — `plandesk minutes`: choosing the meeting by date (and plan),
# the three formats, -o FILE, exit statuses; on data imported from CSV
# (updates matched to a meeting by their date, actions by their raised
# date) and on the sample data behind `plandesk demo`.
. "$(dirname "$0")/lib.sh"

db="$T_TMP/m.db"
d="$T_TMP/csv"
mkdir -p "$d"
cat >"$d/orgs.csv" <<'EOF'
name
Meir Park Children's Centre
EOF
cat >"$d/people.csv" <<'EOF'
name,initials,role,organisation,email
Kath Pike,KP,Cluster support officer,Meir Park Children's Centre,kp@example.org
Dave Dean,DD,PCSO,,dd@example.org
EOF
cat >"$d/plans.csv" <<'EOF'
ref,title,partnership
C3P,Cluster 3 partnership plan,Cluster 3 Partnership
OTH,Another plan,
EOF
cat >"$d/items.csv" <<'EOF'
plan,ref,title,lead
C3P,1,Child protection training,KP
C3P,2,Who's who directory,
OTH,1,Something else,
EOF
cat >"$d/meetings.csv" <<'EOF'
plan,date,title,location,present,apologies,next
C3P,2009-05-15,,Meir Park,KP,,2009-06-26
C3P,2009-06-26,Cluster meeting,Meir Park,KP;Jane Fallows,DD;Iftihar,2009-09-18
OTH,2009-06-26,,,,,
EOF
cat >"$d/updates.csv" <<'EOF'
plan,item,date,text,status
C3P,1,2009-05-15,Plan for November to help support all new members of staff.,
C3P,1,2009-06-26,Homestart have agreed to help out at the Level one session.,2
C3P,2,2009-06-26,KP has drafted a copy of the contact list.,
EOF
cat >"$d/actions.csv" <<'EOF'
plan,item,text,owner,due,state,raised,closed
C3P,1,Set up twice yearly CP level 1 training in cluster,,,open,,
C3P,2,KP to adjust and e-mail organisation,KP,2009-09-18,open,2009-06-26,
C3P,1,DD to ask Homestart,DD,,done,2009-05-15,2009-06-26
EOF
for k in orgs people plans items meetings updates actions; do
	"$PLANDESK" --db "$db" import "$k" "$d/$k.csv" >"$T_TMP/imp.out" 2>&1 ||
		{ echo "# import $k failed:"; sed 's/^/#   /' "$T_TMP/imp.out"; }
done

# Two plans met that day: --plan is needed, and the plans are listed.
expect_status 2 "two plans on one day need --plan" "$PLANDESK" --db "$db" minutes 2009-06-26
expect_err "the plans are listed" 'C3P'
expect_err "both plans are listed" 'OTH'
expect_err "the message says what to do" 'choose one with --plan'

expect_status 0 "minutes of C3P on 26/06/2009" "$PLANDESK" --db "$db" minutes --plan C3P 26/06/2009
expect_out "Markdown by default" '^# Cluster 3 partnership plan \(C3P\)'
expect_out "whose plan it is, first in the title block" '^\*\*Partnership:\*\* Cluster 3 Partnership  $'
expect_out "the date in words" '^\*\*Date:\*\* 26th June 2009'
expect_out "the place" '^\*\*Place:\*\* Meir Park'
expect_out "present: a person and a name" '^\*\*Present:\*\* Kath Pike \(KP\), Meir Park Children.s Centre; Jane Fallows'
expect_out "apologies" '^\*\*Apologies:\*\* Dave Dean \(DD\), PCSO; Iftihar'
expect_out "the item heading" "^## 1\. Child protection training"
expect_out "actions required" '^- Set up twice yearly CP level 1 training in cluster'
expect_out "the imported update of that date" '^- Homestart have agreed to help out'
expect_out "not the previous meeting's" '^- KP has drafted'
if grep -q 'Plan for November' "$T_TMP/out"; then fail "the previous meeting's update is left out"; else ok "the previous meeting's update is left out"; fi
expect_out "its status" '^\*\*Status:\*\* 2 . On track'
expect_out "a to-do done at the meeting, with its date" '^- ✓ DD to ask Homestart — done 26th June 2009$'
expect_out "to do by next meeting" '^- KP to adjust and e-mail organisation'
expect_out "open actions by person" '^### Kath Pike \(KP\)'
expect_out "an action with no owner is listed under No owner" '^### No owner$'
expect_out "the agreed action with no owner" '^\| 1 \| Set up twice yearly CP level 1 training in cluster \|  \|$'
expect_out "the next meeting" '^\*\*Next meeting:\*\* 18th September 2009'

expect_status 0 "ISO date and plan ref in another case" "$PLANDESK" --db "$db" minutes --plan c3p 2009-06-26 --format txt
expect_out "text: underlined plan" '^=+$'
expect_out "text: date field" '^Date: +26th June 2009'
# Characters, not bytes: drop UTF-8's continuation bytes before counting.
LC_ALL=C tr -d '\200-\277' <"$T_TMP/out" | awk 'length($0) > 72 { bad = 1 } END { exit bad }' &&
	ok "text lines fit 72 columns" || fail "text lines fit 72 columns"

expect_status 0 "HTML to a file" "$PLANDESK" --db "$db" minutes --plan C3P "26th June 2009" -o "$T_TMP/min.html"
expect_mode "the file is 0600" 600 "$T_TMP/min.html"
if grep -q '<meta charset="utf-8" />' "$T_TMP/min.html" && grep -q '@page' "$T_TMP/min.html"; then
	ok "HTML is self-contained"; else fail "HTML is self-contained"; fi
if grep -Eq '<script|<link|src="' "$T_TMP/min.html"; then fail "HTML loads nothing"; else ok "HTML loads nothing"; fi
# Well-formed: checked with xmllint when it is installed (the unit test
# test_minutes checks well-formedness without it).
if command -v xmllint >/dev/null 2>&1; then
	if xmllint --noout "$T_TMP/min.html" 2>"$T_TMP/xml.err"; then ok "xmllint: well-formed"
	else fail "xmllint: well-formed"; sed 's/^/#   /' "$T_TMP/xml.err"; fi
fi
expect_status 0 "-o with .txt chooses text" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 -o "$T_TMP/min.txt"
if grep -q '^Progress: 26th June 2009$' "$T_TMP/min.txt"; then ok "the file is text"; else fail "the file is text"; fi


# Word and OpenDocument files, by extension or --format; one date style.
expect_status 0 "Word minutes by extension" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 -o "$T_TMP/min.docx"
expect_mode "the Word file is 0600" 600 "$T_TMP/min.docx"
if [ "$(head -c 4 "$T_TMP/min.docx" | od -An -tx1 | tr -d ' ')" = 504b0304 ]; then ok "a zip file"
else fail "a zip file"; fi
expect_status 0 "OpenDocument minutes by --format" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 --format odt
# ODF: the first entry is "mimetype", stored, naming the document type.
if head -c 80 "$T_TMP/out" | grep -aq 'mimetypeapplication/vnd.oasis.opendocument.text'; then
	ok "the ODF mimetype entry comes first, uncompressed"; else fail "the ODF mimetype entry comes first, uncompressed"; fi
expect_status 2 "a file type the minutes are not written in" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 -o "$T_TMP/min.pdf"
expect_err "names the formats it writes" 'md, txt, html, docx or odt'
if [ -e "$T_TMP/min.pdf" ]; then fail "nothing is written"; else ok "nothing is written"; fi
expect_status 2 "xlsx is not a minutes format" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 --format xlsx
expect_status 0 "short dates" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 --date-style short
expect_out "the meeting's date" '^\*\*Date:\*\* 26/06/2009  $'
expect_out "the next meeting's" '^\*\*Next meeting:\*\* 18/09/2009$'
expect_out "a done mark's" '— done 26/06/2009$'
if grep -q 'June' "$T_TMP/out"; then fail "no long date left"; else ok "no long date left"; fi
expect_status 0 "ISO dates" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 --date-style iso
expect_out "the subtitle's" '^## Minutes of the meeting of 2009-06-26$'
expect_status 2 "an unknown date style" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 --date-style medium
expect_err "lists the styles" 'long, short or iso'

expect_status 0 "one plan that day: no --plan needed" "$PLANDESK" --db "$db" minutes 15/05/2009
expect_out "the first meeting" '^## Minutes of the meeting of 15th May 2009'
expect_out "the to-do was still open then" '^- DD to ask Homestart'

expect_status 1 "no meeting that day" "$PLANDESK" --db "$db" minutes 2009-06-27
expect_err "says so" 'no meeting on 27th June 2009'
expect_status 1 "no meeting of that plan" "$PLANDESK" --db "$db" minutes --plan OTH 2009-05-15
expect_status 2 "an unknown plan" "$PLANDESK" --db "$db" minutes --plan NOPE 2009-06-26
expect_err "names it" "no plan with ref 'NOPE'"
expect_status 2 "not a date" "$PLANDESK" --db "$db" minutes yesterday
expect_status 2 "a month is not a meeting date" "$PLANDESK" --db "$db" minutes "June 2009"
expect_status 2 "an unknown format" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 --format pdf
expect_err "lists the formats" 'md, txt, html, docx or odt'
expect_status 2 "no date" "$PLANDESK" --db "$db" minutes
expect_status 2 "an unwritable file" "$PLANDESK" --db "$db" minutes --plan C3P 2009-06-26 -o "$T_TMP/no/such/dir/m.md"
expect_err "says why" 'cannot (write|create) .*no/such/dir/m.md'

# The sample data behind `plandesk demo`: the C3P meeting of 26th June 2009.
sample="${PLANDESK_SHARE:-}/sample"
if [ -f "$sample/meetings.csv" ]; then
	sdb="$T_TMP/sample.db"
	for k in orgs people plans items meetings actions updates; do
		[ -f "$sample/$k.csv" ] && "$PLANDESK" --db "$sdb" import "$k" "$sample/$k.csv" >/dev/null 2>&1
	done
	expect_status 0 "sample: minutes of C3P, 26th June 2009" "$PLANDESK" --db "$sdb" minutes --plan C3P 2009-06-26 --format html -o "$T_TMP/sample.html"
	if grep -q 'Progress: 26th June 2009' "$T_TMP/sample.html"; then ok "sample: progress column"; else fail "sample: progress column"; fi
fi

finish
