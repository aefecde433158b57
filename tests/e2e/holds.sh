#!/bin/sh
# holds.sh — legal holds and the disclosure record in the client, at
# 80x24: :hold without a reason refused; :hold with one, the plan shown
# [HELD]; deleting the held
# plan refused with the reason; undo passes the hold by; :log shows it;
# :lift; the command
# line's log has both, and the plan is whole.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
items() { "$PLANDESK" --db "$db" export items 2>/dev/null | grep -c "^CSE,"; }
before=$(items)
start 80 24 "exec $PLANDESK --db $db"
expect "starts" "Plan / theme / item"
keys -l ":hold CSE"
keys Enter
expect "a hold needs its reason" "A hold needs its reason: :hold CSE --reason"
keys -l ':hold CSE --reason "IICSA: no destruction"'
keys Enter
expect "the hold is placed" "Plan CSE is under a legal hold (recorded)"
expect "the plan shows it" "CSE  [HELD] Progress Update"
keys G d
expect "delete asks" "Delete plan “CSE"
keys y
expect "and is refused, with the reason" "Not deleted: plan CSE is under a legal hold (IICSA: no destruction)"
keys u
expect "undo offers the import before, not the hold" 'Undo "import '
keys n
keys -l ":log"
keys Enter
expect "the log view" "plandesk: Disclosure record"
expect "shows the hold" ":hold — plan CSE"
expect "with its reason" "(no file); reason: IICSA: no destruction"
keys q
keys -l ":lift CSE"
keys Enter
expect "lifted" "The legal hold on plan CSE is lifted (recorded)"
wait_gone "[HELD]" && ok "the plan no longer shows it" || fail "the plan no longer shows it"
keys q
expect_exit "quits" 0
[ "$(items)" = "$before" ] && ok "the plan is whole" || fail "the plan is whole"
expect_status 0 "the command line's log" "$PLANDESK" --db "$db" log --format csv
expect_out "has the hold" ",:hold,plan,CSE,,,,,,IICSA: no destruction,"
expect_out "and the lift" ",:hold --lift,plan,CSE,,,,,,,"
finish
