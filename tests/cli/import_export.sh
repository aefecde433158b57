#!/bin/sh
# import_export.sh — `plandesk import`, `export` and `demo` as a user runs
# them: summaries, warnings, FILE:LINE:COL errors, exit statuses, files.
. "$(dirname "$0")/lib.sh"
: "${TESTS_DATA:?run through make check}" "${PLANDESK_SHARE:?run through make check}"

db="$T_TMP/p.db"
pd() { "$PLANDESK" --db "$db" "$@"; }
S=$PLANDESK_SHARE/sample

# --- usage -----------------------------------------------------------------
expect_status 2 "import without a file is a usage error" pd import people
expect_err "the usage line is shown" '^usage: plandesk \[--db PATH\] import KIND FILE'
expect_status 2 "an unknown kind is refused" pd import widgets "$TESTS_DATA/people_tab.tsv"
expect_err "the unknown kind is named" "unknown kind 'widgets'"
expect_status 2 "themes have no CSV form" pd export themes
expect_status 2 "a long delimiter is refused" pd import people --delimiter ';;' "$TESTS_DATA/people_tab.tsv"
expect_status 2 "a missing file is an error" pd import people "$T_TMP/nope.csv"
expect_err "the missing file is named" "cannot open $T_TMP/nope.csv: No such file"

# --- importing the shapes users have ---------------------------------------
expect_status 0 "Excel UTF-8 (BOM, CRLF) imports" pd import people "$TESTS_DATA/people_excel.csv"
expect_out "the summary counts" 'people_excel\.csv: 3 added, 0 updated, 0 unchanged, 3 organisations created$'
expect_status 0 "the same file again" pd import people "$TESTS_DATA/people_excel.csv"
expect_out "the second import changes nothing" 'people_excel\.csv: 0 added, 0 updated, 3 unchanged$'
expect_status 0 "semicolons in Windows-1252" pd import people "$TESTS_DATA/people_semicolon.csv"
expect_err "the encoding is a warning" 'people_semicolon\.csv:2: warning: not valid UTF-8; the file is read as Windows-1252'
expect_out "warnings are counted" '2 added, 0 updated, 0 unchanged, 2 organisations created, 1 warning$'
expect_status 0 "tab-separated with --delimiter tab" pd import people --delimiter tab "$TESTS_DATA/people_tab.tsv"
expect_status 0 "Outlook contacts" pd import people "$TESTS_DATA/outlook_contacts.csv"
expect_err "unknown columns are named" 'outlook_contacts\.csv:1: warning: ignoring 79 unknown columns: "Title", "Suffix"'
expect_status 0 "Google contacts (old)" pd import people "$TESTS_DATA/google_old.csv"
expect_status 0 "Google contacts (new)" pd import people "$TESTS_DATA/google_new.csv"
expect_status 0 "export people" pd export people
expect_out "names from name parts" '^Alistair J\. Simpson,A\.J\.S\.,Senior Youth Worker,Youth Service,01632 960180,'
expect_out "a phone number needs no formula guard" "^Søren Søndergaard,,Clinical Psychologist,First Steps Psychology,\\+44 1632 960200,"
expect_out "Google's extra values go to the notes" '^email: s\.davis@home\.example\.net",'

# --- errors: FILE:LINE:COL, exit 2, nothing written -----------------------
before=$(pd export people | wc -l)
expect_status 2 "text after a closing quote is an error" pd import people "$TESTS_DATA/bad_after_quote.csv"
expect_err "it says where" 'bad_after_quote\.csv:4:1: text after the closing quote of a field at line 4, character 8'
expect_status 2 "an unclosed quote is an error" pd import people "$TESTS_DATA/bad_unclosed.csv"
expect_err "it names the record's line and field" 'bad_unclosed\.csv:3:8: a quoted field is not closed'
expect_status 2 "a bad date is an error" pd import people "$TESTS_DATA/bad_date.csv"
expect_err "it names the line, field and column" 'bad_date\.csv:5:9: verified: not a date: "31/02/2009"'
expect_status 2 "forcing UTF-8 on Windows-1252 is an error" pd import people --encoding UTF-8 "$TESTS_DATA/people_cp1252.csv"
expect_err "it says where the bad byte is" 'people_cp1252\.csv:2:4: not valid UTF-8'
after=$(pd export people | wc -l)
if [ "$before" = "$after" ]; then ok "failed imports wrote nothing"; else fail "failed imports wrote nothing ($before, then $after lines)"; fi
expect_status 0 "--encoding ISO-8859-1 reads it" pd import people --encoding ISO-8859-1 "$TESTS_DATA/people_cp1252.csv"

expect_status 0 "plans" pd import plans "$S/plans.csv"
expect_status 2 "an unknown plan is an error" pd import items "$TESTS_DATA/bad_plan.csv"
expect_err "the plan is named" 'bad_plan\.csv:3:1: plan: no plan with ref "NOPE" \(import the plans first\)'
expect_status 2 "a missing column is an error" pd import items "$TESTS_DATA/bad_missing_column.csv"
expect_err "before any row" 'bad_missing_column\.csv:1:1: missing column "title"'
expect_status 2 "a bad status is an error" pd import items "$TESTS_DATA/bad_status.csv"
expect_err "the status is placed" 'bad_status\.csv:3:4: status: not a status on the 1-4 scale'

# --- dry run ---------------------------------------------------------------
expect_status 0 "a dry run" pd import items --dry-run "$S/items.csv"
expect_out "it counts" 'items\.csv: 46 added, 0 updated, 0 unchanged, 4 themes created \(dry run: nothing written\)$'
expect_status 0 "export items" pd export items
if [ "$(wc -l <"$T_TMP/out")" -eq 1 ]; then ok "the dry run wrote nothing"; else fail "the dry run wrote nothing"; fi

# --- export and round trip ------------------------------------------------
rt="$T_TMP/rt.db"
for k in orgs people plans items meetings actions updates; do
	"$PLANDESK" --db "$rt" import $k "$S/$k.csv" >/dev/null 2>&1 || fail "import sample $k"
done
expect_status 0 "export to a file" "$PLANDESK" --db "$rt" export people -o "$T_TMP/people.csv"
expect_err "the count is reported" 'people\.csv: 19 people exported$'
expect_mode "the export is 0600" 600 "$T_TMP/people.csv"
expect_status 0 "export for Excel" "$PLANDESK" --db "$rt" export plans --excel -o "$T_TMP/plans-excel.csv"
if head -c 3 "$T_TMP/plans-excel.csv" | od -An -tx1 | grep -q 'ef bb bf'; then ok "Excel export has a BOM"; else fail "Excel export has a BOM"; fi
if head -n 1 "$T_TMP/plans-excel.csv" | tail -c 2 | od -An -c | grep -q '\\r  *\\n'; then ok "Excel export ends lines CRLF"; else fail "Excel export ends lines CRLF"; fi
rt2="$T_TMP/rt2.db"
same=0
for k in orgs people plans items meetings actions updates; do
	"$PLANDESK" --db "$rt" export $k -o "$T_TMP/a_$k.csv" 2>/dev/null
	"$PLANDESK" --db "$rt2" import $k "$T_TMP/a_$k.csv" >/dev/null 2>&1
	"$PLANDESK" --db "$rt2" export $k >"$T_TMP/b_$k.csv"
	cmp -s "$T_TMP/a_$k.csv" "$T_TMP/b_$k.csv" && same=$((same + 1))
done
if [ $same -eq 7 ]; then ok "export, import, export: same bytes for all 7 kinds"; else
	fail "export, import, export: same bytes for all 7 kinds (only $same)"; fi
expect_status 0 "re-import of an export" "$PLANDESK" --db "$rt" import items "$T_TMP/a_items.csv"
expect_out "changes nothing" 'a_items\.csv: 0 added, 0 updated, 46 unchanged$'
expect_status 2 "export into a missing directory" "$PLANDESK" --db "$rt" export people -o "$T_TMP/nope/x.csv"
expect_err "says why" 'cannot create'

# --- demo ------------------------------------------------------------------
expect_status 0 "demo builds the demo database" "$PLANDESK" demo
expect_out "it says where" "demo database: $XDG_DATA_HOME/plandesk/demo\\.db"
expect_mode "the demo database is 0600" 600 "$XDG_DATA_HOME/plandesk/demo.db"
if [ ! -e "$XDG_DATA_HOME/plandesk/demo.db.new" ] && [ ! -e "$XDG_DATA_HOME/plandesk/demo.db.new-lock" ]; then
	ok "no temporary files are left"; else fail "no temporary files are left"; fi
expect_status 0 "the demo has the sample plans" "$PLANDESK" --db "$XDG_DATA_HOME/plandesk/demo.db" export plans
expect_out "C3BP is there" '^C3BP,Cluster 3 Business Plan'
touch -d '2000-01-01' "$XDG_DATA_HOME/plandesk/demo.db"
expect_status 0 "demo again" "$PLANDESK" demo
if [ "$(stat -c %Y "$XDG_DATA_HOME/plandesk/demo.db")" = "$(date -d 2000-01-01 +%s)" ]; then
	ok "the demo is built only once"; else fail "the demo is built only once"; fi
XDG_DATA_HOME="$T_TMP/data2" PLANDESK_SHARE="$T_TMP/no-share" "$PLANDESK" demo >"$T_TMP/out" 2>"$T_TMP/err"
if [ $? -eq 2 ]; then ok "demo without sample data fails"; else fail "demo without sample data fails"; fi
expect_err "and says which file" "no-share/sample/orgs\\.csv"
if [ ! -e "$T_TMP/data2/plandesk/demo.db" ]; then ok "a failed demo leaves no database"; else fail "a failed demo leaves no database"; fi
expect_status 0 "demo --db builds the demo there" "$PLANDESK" --db "$T_TMP/mydemo.db" demo
expect_out "and says so" "demo database: $T_TMP/mydemo\\.db"
expect_status 0 "that demo has the sample plans" "$PLANDESK" --db "$T_TMP/mydemo.db" export plans
expect_out "C3P is there" '^C3P,'
PLANDESK_DB="$T_TMP/real.db" "$PLANDESK" demo >"$T_TMP/out" 2>&1
if [ ! -e "$T_TMP/real.db" ]; then ok "demo never builds into \$PLANDESK_DB"; else
	fail "demo never builds into \$PLANDESK_DB"; fi
# Not installed, no PLANDESK_SHARE: the share/ beside the program (the
# README's `./plandesk demo` in the build tree).  Only where it is there.
if [ -e "$(dirname "$PLANDESK")/share/sample/orgs.csv" ]; then
	expect_status 0 "demo in the build tree finds share/ beside the program" \
		env -u PLANDESK_SHARE XDG_DATA_HOME="$T_TMP/data3" "$PLANDESK" demo
	expect_status 0 "and built the demo" test -s "$T_TMP/data3/plandesk/demo.db"
fi

finish
