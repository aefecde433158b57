#!/bin/sh
# crash_client.sh — kill -9 the full-screen client while it is being typed
# at, and show that every edit seen to be saved is still there.
#
# ROUNDS (default 50) rounds on one database with the sample data, in one
# tmux pane restarted each round: open item 1 of C3P, add an action in the
# form and wait for "Saved: add action …" on screen (a committed write),
# then type a second action into the form and save it, and kill -9 the
# client after a random delay — before the form opened, while it is typed,
# during the save, or after.  The delays are up to 1.5 times what the first
# save took to show, that bound then moved each round toward the moment
# the save lands (so about half the kills come before it).  After each round check passes, every action whose save was seen
# is in `plandesk export actions`, and the second action is there whole
# (with its owner) or not at all.
. "$(dirname "$0")/../e2e/tmux.sh"

ROUNDS=${ROUNDS:-50}
db="$T_TMP/demo.db"
demo_db "$db" || exit 1
run="exec $PLANDESK --db $db"
now_ms() { echo $(($(date +%s%N) / 1000000)); }
random() { od -An -N2 -tu2 /dev/urandom | tr -d ' '; }
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

# step NAME TEXT : poll for TEXT; on a timeout fail NAME, show the screen
# and end the rounds.
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

saved=""        # the actions whose save was seen, one a line
max=0 r=0 bad=0 landed=0
start 100 30 "$run" || { fail "tmux starts"; finish; exit 1; }
while [ $r -lt "$ROUNDS" ]; do
	r=$((r + 1))
	[ $r -gt 1 ] && tm respawn-pane -k -t 0 "$run"
	step "starts" "Plan / theme / item" || break
	keys j Enter j Enter
	step "item 1 opens" "Item 1 " || break
	keys a a
	step "the form opens" "New action" || break
	t0=$(now_ms)
	keys -l "Crash round $r saved"
	keys Tab KP Tab F10
	step "the save shows" "Saved: add action “Crash round $r saved”" || break
	took=$(($(now_ms) - t0))
	saved="$saved
Crash round $r saved"
	[ $max -eq 0 ] && max=$((took * 3 / 2 + 10)) && echo "# a save shows in $took ms; kills within $max ms"

	# Further typing, a word at a time, killed at a random moment.  (The
	# new action is selected now, so one `a` opens the form.)
	pid=$(pane_pid)
	( keys a; for w in Crash round $r typed; do keys -l "$w"; keys Space; done
	  keys BSpace Tab KP Tab F10 ) &
	typer=$!
	ms=$(($(random) % max))
	sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait $typer
	dead || { fail "round $r: kill -9 ends the client"; break; }

	out=$("$PLANDESK" --db "$db" check 2>&1) ||
		{ bad=$((bad + 1)); fail "round $r: check after kill -9 at $ms ms"; echo "$out" | sed 's/^/#   /'; }
	"$PLANDESK" --db "$db" export actions >"$T_TMP/actions.csv" 2>"$T_TMP/err" ||
		{ fail "round $r: export actions"; cat "$T_TMP/err"; }
	lost=$(echo "$saved" | sed '/^$/d' | while read -r line; do
		grep -Fq "$line" "$T_TMP/actions.csv" || echo "$line"; done)
	[ -z "$lost" ] || { bad=$((bad + 1)); fail "round $r: saved actions lost: $lost"; }
	typed=$(grep -Fc "Crash round $r typed" "$T_TMP/actions.csv")
	whole=$(grep -c "^C3P,1,Crash round $r typed,KP," "$T_TMP/actions.csv")
	# Aim the next kill at the moment of the save: sooner if this one
	# was too late, later if it was too early.
	case $typed:$whole in
	0:0)	max=$((max * 5 / 4 + 1)) ;;
	1:1)	landed=$((landed + 1)); max=$((max * 4 / 5 + 1)) ;;
	*)	bad=$((bad + 1)); fail "round $r: the action being typed is there $typed times, $whole whole"
		grep -F "Crash round $r typed" "$T_TMP/actions.csv" | sed 's/^/#   /' ;;
	esac
done
[ $r -eq "$ROUNDS" ] && [ $bad -eq 0 ] &&
	ok "$ROUNDS rounds of kill -9: check passes and no saved action is lost"
echo "# $r rounds: the action being typed when killed was saved in $landed, not in $((r - landed)); kills within $max ms at the end"
finish
