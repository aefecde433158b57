# tmux.sh — helpers for end-to-end tests: the real program in a private
# tmux server at a fixed size, keys typed with send-keys, the screen read
# with capture-pane and waited for with a timeout (never a fixed sleep).
# Sources tests/cli/lib.sh for ok/fail/finish and $T_TMP.
. "$(dirname "$0")/../cli/lib.sh"

command -v tmux >/dev/null 2>&1 || { echo "# tmux not found: skipped"; exit 77; }

E2E_N=0
E2E_SOCK=plandesk-test-$$-$E2E_N
E2E_TIMEOUT=${E2E_TIMEOUT:-10}
# The servers' sockets live in the test's own directory, removed with it.
export TMUX_TMPDIR="$T_TMP"
unset TMUX
trap 'tmux -L "$E2E_SOCK" kill-server >/dev/null 2>&1; rm -rf "$T_TMP"' EXIT
export LC_ALL=C.UTF-8 PLANDESK_TODAY=2016-07-01
unset NO_COLOR VISUAL EDITOR

tm() { tmux -u -L "$E2E_SOCK" -f /dev/null "$@"; }

# start COLS LINES CMD... : run CMD in a new session of that size.
start() {
	cols=$1 lines=$2; shift 2
	# A new server each time: the last one may still be shutting down.
	tm kill-server >/dev/null 2>&1
	E2E_N=$((E2E_N + 1))
	E2E_SOCK=plandesk-test-$$-$E2E_N
	# remain-on-exit before the program starts, so a quick exit is seen.
	tm start-server \; set-option -wg remain-on-exit on \; \
		new-session -d -x "$cols" -y "$lines" "$*" || return 1
}

screen() { tm capture-pane -p -t 0 2>/dev/null; }
keys() { tm send-keys -t 0 "$@"; }

# wait_for TEXT : until the screen shows TEXT (fixed string) or the timeout.
wait_for() {
	i=0
	while [ $i -lt $((E2E_TIMEOUT * 10)) ]; do
		screen | grep -Fq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT : until the screen no longer shows TEXT.
wait_gone() {
	i=0
	while [ $i -lt $((E2E_TIMEOUT * 10)) ]; do
		screen | grep -Fq -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# expect NAME TEXT : the screen comes to show TEXT.
expect() {
	if wait_for "$2"; then ok "$1"; else
		fail "$1 (screen never showed \"$2\")"; screen | sed 's/^/#   |/'; fi
}

# expect_not NAME TEXT : the screen comes to not show TEXT.
expect_not() {
	if wait_gone "$2"; then ok "$1"; else
		fail "$1 (screen still shows \"$2\")"; screen | sed 's/^/#   |/'; fi
}

# exit_status : wait for the program to end; prints its exit status.
# Debian's tmux can miss the child's exit (the pane stays alive, or is
# dead with no status): then nudge the server with SIGCHLD.
exit_status() {
	i=0
	while [ $i -lt $((E2E_TIMEOUT * 10)) ]; do
		st=$(tm display-message -p -t 0 '#{pane_dead}:#{pane_dead_status}' 2>/dev/null)
		case $st in
		1:?*)	echo "${st#1:}"; return 0 ;;
		esac
		if [ $i -gt 0 ] && [ $((i % 5)) = 0 ]; then
			pid=$(tm display-message -p '#{pid}' 2>/dev/null)
			[ -n "$pid" ] && kill -CHLD "$pid" 2>/dev/null
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo timeout
}

# expect_exit NAME STATUS : the program ends with STATUS.
expect_exit() {
	got=$(exit_status)
	if [ "$got" = "$2" ]; then ok "$1"; else
		fail "$1 (exit status '$got', wanted $2)"; screen | sed 's/^/#   |/'; fi
}

# demo_db FILE : a database with the sample data, built with the CLI.
demo_db() {
	for k in orgs people plans items meetings actions updates; do
		"$PLANDESK" --db "$1" import "$k" "$PLANDESK_SHARE/sample/$k.csv" \
			>/dev/null 2>&1 || { echo "# cannot import $k"; return 1; }
	done
}
