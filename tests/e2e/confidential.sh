#!/bin/sh
# confidential.sh — marking entries confidential in the client, at 80x24:
# a meeting line typed "!c …" is saved without the mark and shown
# CONFIDENTIAL; Alt-c marks the selected line, and again unmarks it; C on
# an action in the item view marks it, again unmarks it, and u undoes;
# the minutes leave both out, saying so, or show them
# marked when asked; the disclosure record has both files with their flags.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
run="exec env PLANDESK_TODAY=2009-09-18 $PLANDESK --db $db"

start 80 24 "$run"
expect "starts" "Plan / theme / item"
keys 3 s C3P Enter Enter Enter Enter
expect "meeting mode" "Attendance:"
keys Tab
expect "item 1" "1. All teaching and support staff"
keys -l "!c Met the family of a pupil at Ash Hill"
keys Enter
expect "the line is shown marked" "· CONFIDENTIAL: Met the family of a pupil at Ash Hill"
keys -l "Training dates agreed"
keys Enter
expect "a line without the mark is not" "· Training dates agreed"
screen | grep -q "CONFIDENTIAL: Training" && fail "only the marked line is marked"
keys M-c
expect "Alt-c marks the selected line (the newest)" "· CONFIDENTIAL: Training dates agreed"
keys M-c
expect "and again unmarks it" "No longer confidential"
expect "shown plain" "· Training dates agreed"
keys Escape l
expect "the meeting left open" "Meeting C3P open"

# The item view: the first action, marked with C.
keys 1 j l j Enter
expect "the item" "Actions (5 open of 6)"
expect "its update shown marked" "CONFIDENTIAL: Met the family"
keys j j j j j j j j j j
keys C
expect "C marks the action" "[ ] CONFIDENTIAL: Set up twice yearly CP level 1 training"
expect "and says what it means" "Marked CONFIDENTIAL: minutes leave it out unless asked"
keys C
expect "again: no longer" "No longer confidential"
expect "shown plain" "[ ] Set up twice yearly CP level 1 training"
keys u
expect "u undoes" "[ ] CONFIDENTIAL: Set up twice yearly CP level 1 training"
keys q q y
expect_exit "quits" 0

cd "$T_TMP" || exit 1
expect_status 0 "minutes without them" "$PLANDESK" --db "$db" minutes --plan C3P 2009-09-18 -o plain.md
grep -q "^\*2 confidential entries not shown\.\*$" plain.md && ok "say how many were left out" ||
	fail "say how many were left out"
grep -q "Ash Hill\|twice yearly CP" plain.md && fail "leave them out" || ok "leave them out"
expect_status 0 "minutes with them" "$PLANDESK" --db "$db" minutes --plan C3P 2009-09-18 \
	--confidential -o all.md
grep -q "^- CONFIDENTIAL: Met the family of a pupil at Ash Hill$" all.md &&
	ok "show them marked when asked" || fail "show them marked when asked"
expect_status 0 "the record" "$PLANDESK" --db "$db" log --format csv
expect_out "has the minutes without them" ",minutes,minutes,C3P,2009-09-18,,$T_TMP/plain.md,md,no \(2 left out\),"
expect_out "and with them" ",minutes,minutes,C3P,2009-09-18,,$T_TMP/all.md,md,yes \(2\),"
expect_status 0 "check passes" "$PLANDESK" --db "$db" check
finish
