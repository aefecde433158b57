#!/bin/sh
# edit.sh — add an action in a form, edit it, delete it (after saying
# yes), undo the delete by name, tick it done; all seen by the CLI.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
start 100 30 "$PLANDESK --db $db"
expect "starts" "Plan / theme / item"
keys j Enter j Enter
expect "an item of C3P opens" "Item 1 "
keys a a
expect "a then a opens a new action form" "New action"
keys F10
expect "a required field is checked" "Text: required"
keys -l "KP to phone the fire service"
keys Tab KP Tab
keys -l "25/09/2009"
keys F10
expect "saving names what was added" 'Saved: add action “KP to phone the fire service”'
expect "the action is on the item" "KP to phone the fire service  — KP, due 2009-09-25"
"$PLANDESK" --db "$db" export actions >"$T_TMP/a.csv" 2>/dev/null
if grep -q "KP to phone the fire service" "$T_TMP/a.csv"; then ok "the CLI sees the action"; else fail "the CLI sees the action"; fi
keys e
expect "e edits the selected action" "Edit action"
keys C-e
keys -l " today"
keys F10
expect "the edit is saved" "KP to phone the fire service today"
keys d
expect "d asks first" "Delete action “KP to phone the fire service to…”? (y/N)"
keys n
expect "n keeps it" "Not deleted"
keys d y
expect "y deletes" "Deleted: action"
expect_not "it is gone from the item" "KP to phone the fire service today  —"
keys u
expect "u undoes, naming what" "Undone: delete action “KP to phone the fire service"
expect "it is back" "KP to phone the fire service today  —"
keys x
expect "x ticks it done" "Done  (u undoes)"
expect "shown as done" "[x] KP to phone the fire service today"
"$PLANDESK" --db "$db" export actions >"$T_TMP/a.csv" 2>/dev/null
if grep "KP to phone the fire service today" "$T_TMP/a.csv" | grep -q ",done,.*2016-07-01"; then
	ok "done with today's date, seen by the CLI"; else fail "done with today's date, seen by the CLI"; grep "fire service today" "$T_TMP/a.csv"; fi
keys q q
expect_exit "quits" 0
finish
