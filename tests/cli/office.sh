#!/bin/sh
# office.sh — the documents and spreadsheets as their readers open them:
# LibreOffice, headless, converts every .docx and .odt (minutes and the
# three reports, on the sample data behind `plandesk demo`) to PDF and the
# .xlsx files to CSV, and the text that comes out is checked: names with
# accents, dates, statuses, the done marks, page numbers, phone numbers
# with their zeros and "=SUM(1,2)" as text.  Every item of the minutes is
# checked in LibreOffice's text export of them (a PDF's text interleaves
# the lines of cells side by side).  Three runs of soffice, one per target
# format.  Skipped (77) when soffice or pdftotext is not installed.
. "$(dirname "$0")/lib.sh"

: "${PLANDESK_SHARE:?run through make check}"
command -v soffice >/dev/null 2>&1 || { echo "# soffice is not installed: skipped"; exit 77; }
command -v pdftotext >/dev/null 2>&1 || { echo "# pdftotext is not installed: skipped"; exit 77; }

db="$T_TMP/o.db"
pd() { "$PLANDESK" --db "$db" "$@"; }
for k in orgs people plans items meetings actions updates; do
	pd import "$k" "$PLANDESK_SHARE/sample/$k.csv" >"$T_TMP/imp.out" 2>&1 ||
		{ echo "# import $k failed:"; sed 's/^/#   /' "$T_TMP/imp.out"; }
done
# Phone numbers as spreadsheets mangle them, and text that looks like a
# formula; the mobile in the guarded form an older export wrote.
cat >"$T_TMP/more.csv" <<'EOF'
name,initials,role,organisation,phone,mobile,email,notes,verified
Amélie Dubois,AD,Family Support Worker,Homestart,07700900123,'+44 7700 900125,,"=SUM(1,2)",2026-10-19
EOF
pd import people "$T_TMP/more.csv" >/dev/null 2>&1 || fail "import the extra person"

doc="$T_TMP/doc"
mkdir -p "$doc" "$T_TMP/pdf" "$T_TMP/csv" "$T_TMP/text"
# One base name per file: soffice names its output after the input.
pd minutes --plan C3P 2009-06-26 -o "$doc/minutes-w.docx" &&
pd minutes --plan C3P 2009-06-26 -o "$doc/minutes-o.odt" &&
pd report progress CSE --today 2016-06-29 -o "$doc/progress-w.docx" &&
pd report progress CSE --today 2016-06-29 -o "$doc/progress-o.odt" &&
pd report monitoring C3BP --today 2009-06-30 -o "$doc/monitoring-w.docx" &&
pd report monitoring C3BP --today 2009-06-30 -o "$doc/monitoring-o.odt" &&
pd report actions C3P --today 2009-10-01 -o "$doc/actions-w.docx" &&
pd report actions C3P --today 2009-10-01 -o "$doc/actions-o.odt" &&
pd export people -o "$doc/people.xlsx" >/dev/null 2>&1 &&
pd report actions C3P --today 2009-10-01 -o "$doc/actions.xlsx" &&
	ok "every document and spreadsheet is written" || fail "every document and spreadsheet is written"
# The minutes as Markdown: the oracle for "every item".
pd minutes --plan C3P 2009-06-26 >"$T_TMP/minutes.md"

lo="-env:UserInstallation=file://$T_TMP/lo"
soffice "$lo" --headless --convert-to pdf --outdir "$T_TMP/pdf" "$doc"/*.docx "$doc"/*.odt \
	>"$T_TMP/soffice.out" 2>&1
soffice "$lo" --headless --convert-to 'txt:Text (encoded):UTF8' --outdir "$T_TMP/text" \
	"$doc"/*.docx "$doc"/*.odt >>"$T_TMP/soffice.out" 2>&1
soffice "$lo" --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' \
	--outdir "$T_TMP/csv" "$doc"/*.xlsx >>"$T_TMP/soffice.out" 2>&1

# Each document's text twice over, with no spaces, line breaks or hyphens
# (a table cell breaks lines anywhere, and pdftotext joins "on-" + "line"):
# as LibreOffice reads it (.all: its text export, a cell at a time) and as
# it prints it (.pdf: pdftotext, which interleaves the lines of cells side
# by side, so only short text is looked for there).
squash() { tr -d ' \n\t\r-'; }
for f in "$doc"/*.docx "$doc"/*.odt; do
	b=$(basename "$f"); b=${b%.*}
	if [ -s "$T_TMP/pdf/$b.pdf" ] && [ -s "$T_TMP/text/$b.txt" ]; then ok "LibreOffice opens $(basename "$f")"
	else fail "LibreOffice opens $(basename "$f")"; sed 's/^/#   /' "$T_TMP/soffice.out"; continue; fi
	pdftotext "$T_TMP/pdf/$b.pdf" - | squash >"$T_TMP/$b.pdf.flat"
	squash <"$T_TMP/text/$b.txt" >"$T_TMP/$b.all"
done

# reads FILE NAME TEXT: LibreOffice reads TEXT in FILE.
reads() {
	t=$(printf '%s' "$3" | squash)
	if grep -qF -- "$t" "$T_TMP/$1.all"; then ok "$2"; else fail "$2 (no \"$3\" in $1)"; fi
}
# prints FILE NAME TEXT: and prints it (TEXT short, on one line).
prints() {
	t=$(printf '%s' "$3" | squash)
	if grep -qF -- "$t" "$T_TMP/$1.pdf.flat"; then ok "$2"; else fail "$2 (no \"$3\" in $1.pdf)"; fi
}

for m in minutes-w minutes-o; do
	reads "$m" "$m: the title" "Cluster 3 partnership projects 2009 (C3P)"
	reads "$m" "$m: the date" "Minutes of the meeting of 26th June 2009"
	reads "$m" "$m: a name with an accent" "Siobhán O'Brien (SO), Homestart"
	prints "$m" "$m: printed" "Zoë Ashworth (ZA)"
	reads "$m" "$m: apologies" "Iftihar, Longton Mosque; PCSOs"
	reads "$m" "$m: a done mark where the action was agreed" \
		"✓ Explore appropriateness of on-line testing — done 15th May 2009"
	reads "$m" "$m: a to-do done at the meeting" \
		"✓ Template to be sent and completed by each organisation detailing: — done 26th June 2009"
	prints "$m" "$m: open actions with no owner" "No owner"
	prints "$m" "$m: the next meeting" "Next meeting: 25th September 2009"
	prints "$m" "$m: page numbers in the footer" "Page 1 of 4"
	# Every list item and every action of the Markdown is in the document.
	sed -n -e 's/^ *- //p' -e 's/^| [0-9a-z]* | \(.*\) | .* |$/\1/p' "$T_TMP/minutes.md" |
		sed 's/\\\(.\)/\1/g' | while IFS= read -r line; do
		t=$(printf '%s' "$line" | squash)
		grep -qF -- "$t" "$T_TMP/$m.all" || { echo "#   missing: $line"; echo x; }
	done >"$T_TMP/missing"
	n=$(grep -c '^x$' "$T_TMP/missing")
	items=$(grep -cE '^ *- |^\| [0-9a-z]* \| ' "$T_TMP/minutes.md")
	if [ "$n" -eq 0 ] && [ "$items" -gt 50 ]; then ok "$m: all $items items and actions"
	else fail "$m: all $items items and actions"; grep '^#' "$T_TMP/missing"; fi
done

for p in progress-w progress-o; do
	reads "$p" "$p: as at, and the data's date" \
		"Progress as at 29th June 2016 · updates of 29th June 2016"
	prints "$p" "$p: a status" "3 – Slipped"
	prints "$p" "$p: another" "1 – Fully achieved"
	reads "$p" "$p: the summary's total is the rows" "Total (rows of the table)16"
	reads "$p" "$p: a status history" "History: 2 → 3 on 29th June 2016"
	reads "$p" "$p: a free-text target" "Post completion of JSNA September 2015"
	prints "$p" "$p: page numbers" "Page 1 of "
done
for p in monitoring-w monitoring-o; do
	reads "$p" "$p: as at" "Monitoring as at 30th June 2009 · updates of 3rd June 2009"
	prints "$p" "$p: a theme" "Economic Well-being"
	prints "$p" "$p: a RAG status" "A – Amber"
	prints "$p" "$p: the column dated as the updates" "Update 3rd June 2009"
	reads "$p" "$p: the actions agreed" "Link Cluster website to Police and Fire service websites."
done
for p in actions-w actions-o; do
	reads "$p" "$p: overdue, marked" "25th September 2009 (overdue)"
	reads "$p" "$p: the item's title" "2. Creation of a directory of who’s who"
	prints "$p" "$p: an owner" "Karen Proctor (KP)"
	prints "$p" "$p: an owner as typed" "Schools"
	prints "$p" "$p: page numbers" "Page 1 of "
done

# The spreadsheets, as Calc reads them: text cells quoted, dates not.
csv="$T_TMP/csv/people.csv"
if [ -s "$csv" ]; then ok "Calc opens people.xlsx"; else fail "Calc opens people.xlsx"; sed 's/^/#   /' "$T_TMP/soffice.out"; fi
if grep -qF '"Amélie Dubois","AD","Family Support Worker","Homestart","07700900123","+44 7700 900125",,"=SUM(1,2)",19/10/2026' "$csv"; then
	ok "the phone keeps its zero, the mobile its plus, =SUM(1,2) is text, the date a date"
else fail "the phone keeps its zero, the mobile its plus, =SUM(1,2) is text, the date a date"; grep Amélie "$csv" | sed 's/^/#   /'; fi
if grep -qF '"Karen Proctor","KP","Cluster Support Officer","Cluster 3 Partnership","01632 960101","07700 900101"' "$csv"; then
	ok "every phone number as stored"; else fail "every phone number as stored"; fi
if grep -qF '"Siobhán O'"'"'Brien"' "$csv" && grep -qF '"Łukasz Nowak"' "$csv"; then ok "names with accents"
else fail "names with accents"; fi
rows=$(pd export people | wc -l)
if [ "$(wc -l <"$csv")" -eq "$rows" ]; then ok "every person"; else fail "every person ($(wc -l <"$csv") of $rows lines)"; fi
csv="$T_TMP/csv/actions.csv"
if grep -qF '"Karen Proctor (KP)",25/09/2009,"yes","2",' "$csv"; then ok "the actions report's rows, due as a date"
else fail "the actions report's rows, due as a date"; head -3 "$csv" | sed 's/^/#   /'; fi

finish
