#!/bin/sh
# module.sh — the client without the document module (plandesk-formats.so):
# a copy of the program in a folder of its own, which looks for the module
# beside itself and finds none.  Writing .xlsx or .docx says why in the
# status line and writes nothing; the client goes on: CSV and Markdown are
# written, and it quits normally.  (tests/cli/module.sh: the commands.)
. "$(dirname "$0")/tmux.sh"

: "${PLANDESK_BIN:?}"
bin="$T_TMP/bin"
mkdir -p "$bin"
cp "$PLANDESK_BIN" "$bin/plandesk"
db="$T_TMP/demo.db"
demo_db "$db" || exit 1
# Under check-valgrind, $PLANDESK is a wrapper that runs $PLANDESK_BIN.
if [ "$PLANDESK" = "$PLANDESK_BIN" ]; then run="$bin/plandesk"
else run="env PLANDESK_BIN=$bin/plandesk $PLANDESK"; fi

start 100 30 "$run --db $db"
expect "the client opens without the module" "Plan / theme / item"
keys :
keys -l "export people $T_TMP/p.xlsx"
keys Enter
expect ":export to .xlsx says the module is missing" \
	"the document module $bin/plandesk-formats.so is missing"
if [ -e "$T_TMP/p.xlsx" ]; then fail ":export to .xlsx writes nothing"
else ok ":export to .xlsx writes nothing"; fi
keys :
keys -l "report progress CSE $T_TMP/r.docx"
keys Enter
expect ":report to .docx says so too" "Nothing written: the document module"
keys :
keys -l "export people $T_TMP/p.csv"
keys Enter
expect ":export to .csv still works" "Exported 19 people"
keys :
keys -l "report progress CSE $T_TMP/r.md"
keys Enter
expect ":report to .md still works" "r.md"
if [ -s "$T_TMP/r.md" ]; then ok "the Markdown report is written"
else fail "the Markdown report is written"; fi
keys : q Enter
expect_exit ":q quits" 0
finish
