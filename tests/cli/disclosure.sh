#!/bin/sh
# disclosure.sh — confidential entries and the disclosure record, as a new
# user meets them on the sample data: a CSE note marked confidential,
# minutes with and without it, every kind of file that leaves the
# database recorded with its flags and reason, `log` as Markdown and CSV,
# --since; and the program's sources writing files only through the
# recorded path.
. "$(dirname "$0")/lib.sh"
: "${PLANDESK_SHARE:?run through make check}"

S=$PLANDESK_SHARE/sample
db="$T_TMP/d.db"
pd() { "$PLANDESK" --db "$db" "$@"; }
for k in orgs people plans items meetings actions updates; do
	pd import "$k" "$S/$k.csv" >/dev/null 2>&1 || fail "import $k"
done
cd "$T_TMP" || exit 1

# A CSE note marked confidential, as a user would: the CSV's column.
printf 'plan,item,date,text,confidential\nCSE,1,2016-06-29,A disclosure by a pupil of Ash Hill school was passed to the MASH.,yes\n' >note.csv
expect_status 0 "a confidential note is imported" pd import updates note.csv
expect_status 0 "export shows it marked" pd export updates
expect_out "with yes in its column" "Ash Hill school was passed to the MASH\.,,,yes$"

expect_status 0 "minutes without it" pd minutes --plan CSE 2016-06-29 -o without.md
expect_err "saying one was left out" "note: 1 confidential entry left out \(--confidential shows it, each marked\)"
if grep -q "Ash Hill" without.md; then fail "the note is not in them"; else ok "the note is not in them"; fi
if grep -q "1 confidential entry not shown" without.md; then ok "they say so"; else fail "they say so"; fi
expect_status 0 "minutes with it" pd minutes --plan CSE 2016-06-29 --confidential --reason "to the select committee, closed session" -o with.md
if grep -q "CONFIDENTIAL: A disclosure by a pupil of Ash Hill" with.md; then ok "the note is in them, marked"; else fail "the note is in them, marked"; fi
if grep -q "Includes 1 confidential entry, each marked CONFIDENTIAL" with.md; then ok "and they say so"; else fail "and they say so"; fi

# Every other way out.
expect_status 0 "a report to standard output" pd report progress CSE
expect_status 0 "a digest" pd report digest C3P --reason "weekly reminders"
expect_status 0 "an export as a spreadsheet" pd export items -o items.xlsx
expect_status 0 "people as vCards" pd export people --format vcf -o people.vcf
expect_status 0 "meetings as a calendar" pd export meetings -o meetings.ics
expect_status 0 "a plain backup" pd backup plain.db
printf 'a passphrase long enough\n' >pass
chmod 600 pass
expect_status 0 "an encrypted backup" pd backup --encrypt --passphrase-file pass --reason "off-site copy" enc.pdbk

expect_status 0 "log as CSV" pd log --format csv
cp "$T_TMP/out" log.csv
expect_out "its header" "^when,command,what,plan,meeting,rows,file,format,confidential,reason,by$"
expect_out "the minutes without the note" ",minutes,minutes,CSE,2016-06-29,,$T_TMP/without.md,md,no \(1 left out\),,"
expect_out "the minutes with it, and why" ",minutes,minutes,CSE,2016-06-29,,$T_TMP/with.md,md,yes \(1\),\"to the select committee, closed session\","
expect_out "the report, to standard output" ",report progress,progress report,CSE,,,\(standard output\),md,no \(1 left out\),,"
expect_out "the digest" ",digest,digest,C3P,,,\(standard output\),mail,none,weekly reminders,"
expect_out "the spreadsheet" ",export items,items,,,[0-9]+,$T_TMP/items.xlsx,xlsx,none,,"
expect_out "the vCards" ",export people,people,,,19,$T_TMP/people.vcf,vcf,none,,"
expect_out "the calendar" ",export meetings,meetings,,,[0-9]+,$T_TMP/meetings.ics,ics,none,,"
expect_out "the export of updates, with its confidential row" ",export updates,updates,,,[0-9]+,\(standard output\),csv,yes \(1\),,"
expect_out "the plain backup" ",backup,database,,,[0-9]+,$T_TMP/plain.db,lmdb,yes \(1\),,"
expect_out "the encrypted backup" ",backup --encrypt,database,,,[0-9]+,$T_TMP/enc.pdbk,encrypted,yes \(1\),off-site copy,"
same() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 ($2, wanted $3)"; fi; }
same "one entry each, nothing more" "$(($(wc -l <log.csv) - 1))" 10
expect_status 0 "log as Markdown" pd log
expect_out "an entry a block" "^\*\*Command:\*\* backup --encrypt$"
expect_out "its reason" "^\*\*Reason:\*\* off-site copy$"
expect_status 0 "log --since tomorrow" pd log --since "$(date -d tomorrow +%Y-%m-%d)" --format csv
same "lists nothing" "$(wc -l <"$T_TMP/out")" 1
expect_status 2 "a reason of two lines is refused" pd export people --reason "$(printf 'one\ntwo')"
expect_err "clearly" "--reason wants one line of text"
expect_status 2 "as is an empty one" pd minutes --plan CSE 2016-06-29 --reason ""
expect_status 0 "and neither was recorded" pd log --format csv
same "the record is as it was" "$(wc -l <"$T_TMP/out")" "$(wc -l <log.csv)"

# The restored backup carries the record as it stood when it was made.
expect_status 0 "the plain backup restores" "$PLANDESK" restore plain.db --db restored.db
expect_status 0 "its log reads" "$PLANDESK" --db restored.db log --format csv
expect_out "with the minutes in it" ",minutes,minutes,CSE,2016-06-29,,$T_TMP/with.md,"

# The program writes files only through disclose_out.h: nothing in the
# command line or the client calls a writer that does not record.
src="$PLANDESK_SHARE/../src"
if grep -nE '\b(pd_doc_save|pd_export_file|pd_store_backup|pd_backup_encrypt|pd_report_write|pd_export)\(' \
	"$src"/cli/*.c "$src"/ui/*.c >"$T_TMP/writers"; then
	fail "the program writes files only as it records them"
	sed 's/^/#   /' "$T_TMP/writers"
else
	ok "the program writes files only as it records them"
fi
finish
