#!/bin/sh
# meeting.sh — a whole meeting of the demo plan typed as keystrokes at
# 80x24, as the support officer types it: attendance; notes that begin
# with digits; an Alt-digit status; actions with each form of due date;
# a typed line edited; a directory lookup with a half-typed line; a line
# left on its own item by Tab; the end with the next date; the minutes,
# which must show every line exactly as typed with its due date and the
# status.  Then the line typed when the program is killed, SIGHUP, Ctrl-U
# before a kill, and two clients with undo in one.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
run="exec env PLANDESK_TODAY=2009-09-18 $PLANDESK --db $db"
# How long after the last key a kill comes: the line must be kept by then.
# Under valgrind (E2E_SLOW) the client runs many times slower.
KILL_AFTER=${E2E_SLOW:-0.6}
pid_of_pane() { tm display-message -p -t "${1:-0}" '#{pane_pid}'; }
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
# restart : the program again in the same pane (after a kill).
restart() { tm respawn-pane -k -t 0 "$run"; }

# --- a whole meeting at 80x24 --------------------------------------------------
start 80 24 "$run"
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
expect "the scale's meanings are on screen" "Alt-1 Fully achieved  Alt-2 On track  Alt-3 Slipped  Alt-4 Not achieved"
expect "the key bar is whole" "Esc more"
keys -l "12 youth workers trained"
keys Enter
expect "a note that begins with digits keeps them" "· 12 youth workers trained"
keys -l "2 schools still to reply"
keys Enter
expect "and another" "· 2 schools still to reply"
expect "no digit set a status" "Status: none yet"
keys M-2
expect "Alt-2 sets the status" "Status: ~ 2 On track"
expect "and says so" "Status of this item: 2 On track"
keys -l "KP to circulate the dates by 15 January"
expect "the preview reads the due date" "Enter saves an action for KP, due 15th January 2010"
keys Enter
expect "an action with a date without a year" "Action saved, due 15th January 2010"
keys -l "DD to ring the school by Friday"
keys Enter
expect "by Friday: the Friday after the meeting" "Action saved, due 25th September 2009"
keys -l "KP to draft the leaflet by the end of March"
keys Enter
expect "by the end of March" "Action saved, due 31st March 2010"
keys -l "KP to book the hall by 15/10/2009"
keys Enter
expect "by a date with its year" "Action saved, due 15th October 2009"
keys -l "Schools to reply by next meeting"
keys Enter
expect "by next meeting: not dated yet" "Action saved"
keys Up
keys F2
expect "F2 puts the selected line in the entry line" "edit> KP to book the hall by 15/10/2009"
keys C-u
keys -l "DD to book the hall by 16/10/2009"
expect "the preview reads the new owner and date" "Enter changes it to an action for DD, due 16th October 2009"
keys Enter
expect "the line is changed" "Action changed, due 16th October 2009"
expect "in place" "DD to book the hall by 16/10/2009"

keys Tab
expect "item 2" "2. Creation of a directory"
keys -l "DD to ring the fire service about the crash"
keys C-f
expect "Ctrl-F: the directory" "Directory lookup"
expect "says the meeting is open" "Meeting C3P open"
keys -l "fire"
expect "found as typed" "Stoke-on-Trent Fire and"
keys Enter
expect "Enter shows the card" "Book the crash course"
keys Escape
expect "Esc comes back to the meeting" "2. Creation of a directory"
expect "with the line as it was" "> DD to ring the fire service about the crash"
keys -l " course by 2 October"
keys Enter
expect "and it saves" "Action saved, due 2nd October 2009"
keys -l "Half a line on item 2"
keys Tab
expect "Tab goes on" "3. Increase awareness"
expect "without the line" "A line is half-typed on item 2"
keys BTab
expect "which waits on its item" "> Half a line on item 2"
keys C-u

keys F10
expect "F10 asks the next date" "Next meeting (date, or empty):"
keys -l "4/12/2009"
keys Enter
expect "a summary" "has ended"
expect "what was recorded" "2 progress notes, 1 status given"
expect "the actions" "6 new actions, 0 to-dos ticked done"
expect "counted apart: their own dates" "5 with a due date of their own"
expect "and the next meeting's" "1 due at the next meeting (4th December 2009)"
keys M-:
keys -l "minutes $T_TMP/min.md"
keys Enter
expect ":minutes writes the minutes" "Minutes written to"
m="$T_TMP/min.md"
check_md() {
	if grep -Fq -- "$2" "$m"; then ok "minutes: $1"; else
		fail "minutes: $1 (no \"$2\")"; sed 's/^/#   /' "$m" | head -60; fi
}
check_md "a note with its digits" "- 12 youth workers trained"
check_md "the other" "- 2 schools still to reply"
check_md "the status" "**Status:** 2 – On track"
check_md "a dated action as typed, with its date" "| KP to circulate the dates by 15 January | 15th January 2010 |"
check_md "by Friday" "| DD to ring the school by Friday | 25th September 2009 |"
check_md "end of March" "| KP to draft the leaflet by the end of March | 31st March 2010 |"
check_md "the edited line" "| DD to book the hall by 16/10/2009 | 16th October 2009 |"
check_md "next meeting: the next meeting's date" "| Schools to reply by next meeting | 4th December 2009 |"
check_md "the line finished after the lookup" "| DD to ring the fire service about the crash course by 2 October | 2nd October 2009 |"
check_md "a dated action under its item" "- KP to circulate the dates by 15 January (due 15th January 2010)"
if grep -Fq "KP to book the hall" "$m"; then fail "minutes: the line before the edit is gone"; else ok "minutes: the line before the edit is gone"; fi
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
expect ":minutes FILE.pdf says why" "Nothing written: .pdf is not one of the formats (md, txt, html, docx or odt)"
if [ -e "$T_TMP/min.pdf" ]; then fail ":minutes FILE.pdf writes nothing"; else ok ":minutes FILE.pdf writes nothing"; fi
keys q
expect_not "q leaves meeting mode" "has ended"
keys q
expect_exit "quits" 0

# --- kill -9 0.6 s after typing; restart: the line back, no key swallowed -------
start 80 24 "$run"
expect "starts again" "Plan / theme / item"
keys 3 s C3P Enter
expect "the meeting of today" "Date of the meeting: 2009-09-18"
keys Enter Enter Enter
expect "carries on" "This meeting was already started"
keys Tab
expect "item 2" "2. Creation of a directory"
keys -l "KP to send the template to Homes"
expect "half typed" "> KP to send the template to Homes"
sleep "$KILL_AFTER"
kill -9 "$(pid_of_pane)"
if killed; then ok "kill -9 $KILL_AFTER s after the last key"; else fail "kill -9"; fi
restart
expect "the next start asks first" "Back to meeting C3P of 18/09/2009 (a line half-typed)?"
keys 2
expect_not "a key that is not the answer: not now" "Back to meeting"
expect "and the key went nowhere: still the plans" "Plan / theme / item"
expect "the meeting is shown open" "Meeting C3P open"
keys m
expect "m goes back to it" "2. Creation of a directory"
expect "with the line, and not a 2 more" "> KP to send the template to Homes"
if screen | grep -Fq "> KP to send the template to Homes2"; then fail "no key swallowed into the line"; else ok "no key swallowed into the line"; fi
keys -l "tart"
keys Enter
expect "and it saves" "→ KP to send the template to Homestart"

# --- Ctrl-U, then kill -9: the cleared line stays cleared ------------------------
keys -l "A line I thought better of"
expect "typed" "> A line I thought better of"
keys C-u
expect_not "cleared" "> A line I thought better of"
sleep "$KILL_AFTER"
kill -9 "$(pid_of_pane)"
killed || fail "kill -9 after Ctrl-U"
restart
expect "the open meeting is offered, with no line" "Back to meeting C3P of 18/09/2009, left open?"
keys Enter
expect "back in the meeting" "2. Creation of a directory"
if screen | grep -Fq "A line I thought better of"; then fail "the cleared line did not come back"
else ok "the cleared line did not come back"; fi

# --- SIGHUP in the middle of a line -----------------------------------------------
keys -l "DD to chase the last two forms"
expect "half typed again" "> DD to chase the last two forms"
pid=$(pid_of_pane)
tm kill-server     # the terminal goes away: SIGHUP
if gone "$pid"; then ok "SIGHUP ends the program"; else fail "SIGHUP ends the program"; fi
start 80 24 "$run"
expect "the next start offers it back" "Back to meeting C3P of 18/09/2009 (a line half-typed)?"
keys Enter
expect "the line" "> DD to chase the last two forms"
expect "at the item it was typed at" "2. Creation of a directory"
keys Enter
expect "and it saves" "→ DD to chase the last two forms"

# --- two clients: undo in one, seen in the other; asked across clients -------------
# The second client runs in a tmux server of its own.
tm2() { tmux -u -L "$E2E_SOCK-two" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; tm2 kill-server >/dev/null 2>&1; rm -rf "$T_TMP"' EXIT
# wait2 TEXT : until the second client's screen shows TEXT.
wait2() {
	i=0
	while ! tm2 capture-pane -p -t 0 | grep -Fq -- "$1" && [ $i -lt $((E2E_TIMEOUT * 10)) ]; do
		sleep 0.1; i=$((i + 1)); done
	tm2 capture-pane -p -t 0 | grep -Fq -- "$1"
}
tm2 new-session -d -x 80 -y 24 "$run"
wait2 "Back to meeting C3P" && tm2 send-keys -t 0 Escape
if wait2 "Meeting C3P open"; then ok "the second client starts on the plans"; else
	fail "the second client starts on the plans"; tm2 capture-pane -p -t 0 | sed 's/^/#   |/'; fi
keys -l "Typed in the first window"
keys Enter
expect "saved in the first client" "· Typed in the first window"
# The second client (on Plans) undoes it: asked first, named.
tm2 send-keys -t 0 u
if wait2 'Undo "note on item 2", made in another window'; then
	ok "undo of another client's change asks, and names it"; else
	fail "undo of another client's change asks, and names it"; tm2 capture-pane -p -t 0 | sed 's/^/#   |/'; fi
tm2 send-keys -t 0 y
expect_not "the first client redraws without the note" "· Typed in the first window"
wait2 "Undone: note on item 2" && ok "the second client says what it undid" ||
	fail "the second client says what it undid"
tm2 send-keys -t 0 q y
tm2 kill-server >/dev/null 2>&1
keys Escape l
keys q y
expect_exit "quits (asked: a meeting is open)" 0
"$PLANDESK" --db "$db" check >"$T_TMP/check.out" 2>&1 &&
	ok "the database checks clean" || { fail "check"; cat "$T_TMP/check.out"; }
finish
