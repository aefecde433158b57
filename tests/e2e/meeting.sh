#!/bin/sh
# meeting.sh — meeting mode typed as keystrokes on the demo data: start a
# meeting of C3P, attendance and apologies, notes on three items, two
# actions by initials, a status, a to-do ticked, the next date, then the
# minutes checked.  Then SIGHUP in the middle of a line (the terminal goes
# away) and the line offered back at the next start; then kill -9 after
# several Enters and every entered line still there.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
run="exec env PLANDESK_TODAY=2009-09-18 $PLANDESK --db $db"
pid_of_pane() { tm display-message -p -t 0 '#{pane_pid}'; }
# gone PID : until the process has exited (or the timeout).
gone() {
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt $((E2E_TIMEOUT * 10)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
	! kill -0 "$1" 2>/dev/null
}

# killed : until the pane's program has died of a signal (tmux reaps it;
# nudge the server with SIGCHLD in case it missed the exit).
killed() {
	i=0
	while [ $i -lt $((E2E_TIMEOUT * 10)) ]; do
		case $(tm display-message -p -t 0 '#{pane_dead}:#{pane_dead_signal}' 2>/dev/null) in
		1:?*) return 0 ;;
		esac
		[ $((i % 5)) = 4 ] && kill -CHLD "$(tm display-message -p '#{pid}')" 2>/dev/null
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# --- a whole meeting ----------------------------------------------------------
start 100 30 "$run"
expect "starts" "Plan / theme / item"
keys 3
expect "the meetings" "2009-06-26 C3P"
keys s
expect "s starts a meeting: the plan first" "Meeting of plan (ref):"
keys C3P Enter
expect "the date defaults to today" "Date of the meeting: 2009-09-18"
keys Enter
expect "the place of the last meeting is offered" "Where (may be empty): Longton High School"
keys Enter Enter
expect "attendance comes first" "Attendance: 0 present, 0 sent apologies"
keys kar
expect "search as you type" "Karen Proctor (KP)"
keys Enter
expect "marked present" "Attendance: 1 present"
keys dian Enter
keys -l "Jo Bloggs"
expect "someone not in the directory can be typed" "(not in the directory)"
keys Enter
keys ifti
expect "found by part of the name" "Iftihar"
keys C-x
expect "apologies" "Attendance: 3 present, 1 sent apologies"

keys Tab
expect "Tab goes to item 1" "1. All teaching and support staff"
expect "the to-dos carried forward, with owners" "[ ] K. Corcoran is organising additional resources"
expect "the last meeting's progress" "Homestart have agreed to help out"
keys C-x
expect "Ctrl-X ticks the selected (first open) to-do" "[x] Look at the new course"
keys 2
expect "2 on an empty line sets the status" "2 On track"
keys -l "Training booked for October at Longton High"
keys Enter
expect "Enter saves a note" "· Training booked for October at Longton High"
keys -l "KP to e-mail the course details to all schools"
expect "the line is seen to be an action" "Enter saves an action for KP"
keys Enter
expect "an action by initials" "→ KP to e-mail the course details to all schools  — Karen Proctor"

keys Tab
expect "item 2" "2. Creation of a directory"
keys -l "Template returned by six organisations"
keys Enter
keys -l "DD to chase the remaining organisations"
keys Enter
expect "a second action by initials" "→ DD to chase the remaining organisations  — Diane Dawson"

keys C-g
expect "Ctrl-G asks for a ref" "Go to item (ref):"
keys 4 Enter
expect "item 4" "4. Create a standardised approach"
keys -l "Leaflets translated into Urdu and Polish"
keys Enter
expect "a note on a third item" "· Leaflets translated into Urdu and Polish"

keys F10
expect "F10 asks the next date" "Next meeting (date, or empty):"
keys -l "4/12/2009"
keys Enter
expect "a summary" "has ended"
expect "what was recorded" "3 progress notes, 1 status given"
expect "new to-dos are due then" "2 new actions, due 4th December 2009, 1 to-do ticked done"
# Written over a file that was world-readable: the minutes replace it, 0600.
echo old >"$T_TMP/min.md" && chmod 0644 "$T_TMP/min.md"
keys :
keys -l "minutes $T_TMP/min.md"
keys Enter
expect ":minutes writes the minutes" "Minutes written to"
expect_mode ":minutes file is 0600, even over a 0644 file" 600 "$T_TMP/min.md"

m="$T_TMP/min.md"
check_md() {
	if grep -Fq -- "$2" "$m"; then ok "minutes: $1"; else fail "minutes: $1 (no \"$2\")"; fi
}
check_md "the date" "## Minutes of the meeting of 18th September 2009"
check_md "the place" "**Place:** Longton High School"
check_md "present" "**Present:** Karen Proctor (KP), Cluster 3 Partnership; Diane Dawson (DD), Cluster 3 Partnership; Jo Bloggs"
check_md "apologies" "**Apologies:** Iftihar, Longton Mosque"
check_md "a note" "- Training booked for October at Longton High"
check_md "the status" "**Status:** 2 – On track"
check_md "the to-do done" "- ✓ Look at the new course and take a view on this. — done 18th September 2009"
check_md "an action" "- KP to e-mail the course details to all schools"
check_md "the other action" "- DD to chase the remaining organisations"
check_md "a note on item 4" "- Leaflets translated into Urdu and Polish"
check_md "open actions by person" "### Diane Dawson (DD)"
check_md "due dates" "| 4th December 2009 |"
check_md "the next meeting" "**Next meeting:** 4th December 2009"
# A Word file, by its name; a name of no format is refused, nothing written.
keys :
keys -l "minutes $T_TMP/min.docx"
keys Enter
expect ":minutes FILE.docx writes Word" "min.docx (Word)"
if [ "$(head -c 4 "$T_TMP/min.docx" | od -An -tx1 | tr -d ' ')" = 504b0304 ]; then
	ok ":minutes FILE.docx is a zip file"; else fail ":minutes FILE.docx is a zip file"; fi
keys :
keys -l "minutes $T_TMP/min.pdf"
keys Enter
expect ":minutes FILE.pdf says why" ".pdf is not one of the formats"
if [ -e "$T_TMP/min.pdf" ]; then fail ":minutes FILE.pdf writes nothing"; else ok ":minutes FILE.pdf writes nothing"; fi
"$PLANDESK" --db "$db" minutes 18/09/2009 --format txt >"$T_TMP/min.txt" 2>"$T_TMP/err"
if grep -q "KP to e-mail the course details" "$T_TMP/min.txt"; then ok "plandesk minutes agrees"; else
	fail "plandesk minutes agrees"; cat "$T_TMP/err"; fi
keys q
expect_not "q leaves meeting mode" "has ended"
keys q
expect_exit "quits" 0

# --- SIGHUP in the middle of a line -------------------------------------------
start 100 30 "$run"
expect "starts again" "Plan / theme / item"
keys 3 s C3P Enter Enter Enter Enter
expect "the same meeting carries on" "This meeting was already started"
keys Tab
expect "item 2" "2. Creation of a directory"
keys -l "KP to send the template to Homes"
expect "half typed" "> KP to send the template to Homes"
pid=$(pid_of_pane)
tm kill-server     # the terminal goes away: SIGHUP
if gone "$pid"; then ok "SIGHUP ends the program"; else fail "SIGHUP ends the program"; fi
start 100 30 "$run"
expect "the next start offers the line back" "The line you were typing is back"
expect "the line" "> KP to send the template to Homes"
expect "at the item it was typed at" "2. Creation of a directory"
keys -l "tart"
keys Enter
expect "and it saves" "→ KP to send the template to Homestart"

# --- kill -9 after several Enters ---------------------------------------------
keys -l "First line before the crash"
keys Enter
expect "saved 1" "· First line before the crash"
keys -l "DD to ring the Imam"
keys Enter
expect "saved 2" "→ DD to ring the Imam"
keys -l "Third line before the crash"
keys Enter
expect "saved 3" "· Third line before the crash"
kill -9 "$(pid_of_pane)"
if killed; then ok "kill -9"; else fail "kill -9"; fi
"$PLANDESK" --db "$db" minutes 2009-09-18 >"$T_TMP/after.md" 2>&1
for line in "First line before the crash" "DD to ring the Imam" "Third line before the crash" \
	    "KP to send the template to Homestart"; do
	if grep -Fq "$line" "$T_TMP/after.md"; then ok "after kill -9: $line"; else
		fail "after kill -9: $line"; fi
done
"$PLANDESK" --db "$db" check >"$T_TMP/check.out" 2>&1 &&
	ok "the database checks clean after kill -9" || { fail "check after kill -9"; cat "$T_TMP/check.out"; }
finish
