#!/bin/sh
# terminal.sh — resizing (down to too small and back), NO_COLOR,
# TERM=dumb, and no terminal at all.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
start 100 30 "$PLANDESK --db $db"
expect "starts" "Plan / theme / item"
keys j
tm resize-window -t 0 -x 40 -y 12
expect "at 40x12 it still draws" "C3P"
expect_not "the tabs make room for the title" "4 Directory"
tm resize-window -t 0 -x 30 -y 8
expect "below 40x10 it says so" "Terminal too small"
tm resize-window -t 0 -x 100 -y 30
expect "back to full size" "4 Directory"
expect "the selection survived" "2/3"
keys q
expect_exit "quits" 0

start 100 30 "$PLANDESK --db $db"
expect "starts again" "Plan / theme / item"
keys a p
expect "a form opens" "New plan"
keys -l "HALF"
expect "the text is typed" "HALF"
keys C-c
expect "Ctrl-C in a form with text asks first" "Discard what you typed?"
keys n
expect "and keeps the text on n" "HALF"
keys Escape y
expect "Escape then y leaves the form" "Plan / theme / item"
keys C-c
expect_exit "Ctrl-C in a list quits cleanly" 0

start 100 30 "NO_COLOR=1 $PLANDESK --db $db"
expect "NO_COLOR runs in monochrome" "Plan / theme / item"
keys q
expect_exit "and quits" 0

# The pane's own exit status (its output may be lost when it exits at once).
start 100 30 "TERM=dumb $PLANDESK --db $db 2>$T_TMP/dumb.err"
expect_exit "TERM=dumb is refused with status 2" 2
if grep -q "cannot move the cursor" "$T_TMP/dumb.err"; then ok "saying why"; else
	fail "saying why"; sed 's/^/#   /' "$T_TMP/dumb.err"; fi

"$PLANDESK" --db "$db" </dev/null >"$T_TMP/out" 2>"$T_TMP/err"
st=$?
if [ $st -eq 2 ]; then ok "no terminal: exit 2"; else fail "no terminal: exit 2 (got $st)"; fi
finish
