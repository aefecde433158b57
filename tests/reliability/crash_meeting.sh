#!/bin/sh
# crash_meeting.sh — kill -9 the client in meeting mode, where each Enter
# is one committed write, and show that every line whose Enter was seen is
# in the meeting's minutes.
#
# ROUNDS (default 50) rounds on one database with the sample data, in one
# tmux pane restarted each round: carry on with the meeting of C3P on
# 2009-09-18, go to item ((round - 1) mod 5) + 1, type a note and an action
# ("KP to …"), waiting for each to show as saved, then type more lines,
# each ended by Enter, a word at a time, and kill -9 after a random delay
# aimed (as in crash_client.sh) at the moment they are saved.  After each
# round check passes, every line seen saved is in `plandesk minutes
# 2009-09-18`, and each line typed when the kill came is there whole or
# not at all.  Drafts (the half-typed line kept after a pause) are kept
# out of the way with PLANDESK_DRAFT_IDLE_MS: a kill -9 never leaves one
# (meeting.sh tests them).  The meeting stays open across the kills, and
# each start offers it back.
. "$(dirname "$0")/../e2e/tmux.sh"

ROUNDS=${ROUNDS:-50}
db="$T_TMP/demo.db"
demo_db "$db" || exit 1
run="exec env PLANDESK_TODAY=2009-09-18 PLANDESK_DRAFT_IDLE_MS=3600000 $PLANDESK --db $db"
random() { od -An -N2 -tu2 /dev/urandom | tr -d ' '; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
pane_pid() { tm display-message -p -t 0 '#{pane_pid}'; }

# poll TEXT : like wait_for, in steps of 20 ms (the rounds add up).
poll() {
	i=0
	while [ $i -lt $((E2E_TIMEOUT * 50)) ]; do
		screen | grep -Fq -- "$1" && return 0
		sleep 0.02
		i=$((i + 1))
	done
	return 1
}

# step NAME TEXT : poll for TEXT; on a timeout fail NAME and show the screen.
step() {
	poll "$2" && return 0
	fail "round $r: $1 (screen never showed \"$2\")"
	screen | sed 's/^/#   |/'
	return 1
}

# dead : until the pane's program has died (nudging tmux with SIGCHLD).
dead() {
	i=0
	while [ $i -lt $((E2E_TIMEOUT * 50)) ]; do
		case $(tm display-message -p -t 0 '#{pane_dead}' 2>/dev/null) in
		1) return 0 ;;
		esac
		[ $((i % 25)) = 24 ] && kill -CHLD "$(tm display-message -p '#{pid}')" 2>/dev/null
		sleep 0.02
		i=$((i + 1))
	done
	return 1
}

# type_words LINE : type LINE a word at a time (one tmux call each).
type_words() {
	first=1
	for w in $1; do
		[ $first = 1 ] || keys Space
		keys -l "$w"
		first=0
	done
}

seen="$T_TMP/seen"    # the lines whose save was seen, one a line
: >"$seen"
max=0 r=0 bad=0 landed=0 killed_at=0
start 100 30 "$run" || { fail "tmux starts"; finish; exit 1; }
while [ $r -lt "$ROUNDS" ]; do
	r=$((r + 1))
	n=$(((r - 1) % 5 + 1))
	[ $r -gt 1 ] && tm respawn-pane -k -t 0 "$run"
	step "starts" "Plan / theme / item" || break
	if [ $r -eq 1 ]; then
		keys 3 s C3P Enter Enter Enter Enter
		step "meeting mode" "Attendance:" || break
	else
		# The meeting was left open by the kill: asked, and Enter goes back.
		step "the open meeting is offered" "Back to meeting C3P" || break
		keys Enter
		step "meeting mode" "Meeting C3P, 18th September 2009" || break
	fi
	keys C-g $n Enter
	step "item $n" "· item $n/5" || break

	t0=$(now_ms)
	keys -l "Note $r saved"
	keys Enter
	step "the note is saved" "· Note $r saved" || break
	took=$(($(now_ms) - t0))
	echo "Note $r saved" >>"$seen"
	keys -l "KP to check action $r saved"
	keys Enter
	step "the action is saved" "→ KP to check action $r saved" || break
	echo "KP to check action $r saved" >>"$seen"
	[ $max -eq 0 ] && max=$((took * 3 + 10)) && echo "# a line shows saved in $took ms; kills within $max ms"

	# More lines, killed at a random moment.
	pid=$(pane_pid)
	( type_words "Note $r typed first"; keys Enter
	  type_words "DD to ring round $r typed"; keys Enter
	  type_words "Note $r typed last"; keys Enter ) &
	typer=$!
	ms=$(($(random) % max))
	sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait $typer
	dead || { fail "round $r: kill -9 ends the client"; break; }

	out=$("$PLANDESK" --db "$db" check 2>&1) ||
		{ bad=$((bad + 1)); fail "round $r: check after kill -9 at $ms ms"; echo "$out" | sed 's/^/#   /'; }
	"$PLANDESK" --db "$db" minutes 2009-09-18 --format txt >"$T_TMP/min.txt" 2>"$T_TMP/err" ||
		{ fail "round $r: plandesk minutes"; cat "$T_TMP/err"; }
	lost=$(while read -r line; do grep -Fq "$line" "$T_TMP/min.txt" || echo "$line"; done <"$seen")
	[ -z "$lost" ] || { bad=$((bad + 1)); fail "round $r: lines seen saved are lost: $lost"; }
	# The lines being typed: whole or absent, and saved in order.
	got=""
	for line in "Note $r typed first" "DD to ring round $r typed" "Note $r typed last"; do
		if grep -Fq "$line" "$T_TMP/min.txt"; then got="${got}1"; else got="${got}0"; fi
	done
	partial=$(grep -E "round $r typed|Note $r typed" "$T_TMP/min.txt" |
		grep -Ev "Note $r typed (first|last)|DD to ring round $r typed")
	case $got in
	000|100|110|111) ;;
	*) bad=$((bad + 1)); fail "round $r: the lines typed were saved out of order ($got)" ;;
	esac
	[ -z "$partial" ] || { bad=$((bad + 1)); fail "round $r: part of a line was saved: $partial"; }
	# Aim the next kill at the middle of the typing.
	case $got in
	111)	landed=$((landed + 1)); max=$((max * 4 / 5 + 1)) ;;
	000)	max=$((max * 5 / 4 + 1)) ;;
	*)	killed_at=$((killed_at + 1)) ;;
	esac
done
[ $r -eq "$ROUNDS" ] && [ $bad -eq 0 ] &&
	ok "$ROUNDS rounds of kill -9 in meeting mode: check passes and no line seen saved is lost"
echo "# $r rounds: killed before the typed lines were saved in $((r - landed - killed_at)), between them in $killed_at, after them in $landed; kills within $max ms at the end"
finish
