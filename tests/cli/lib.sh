# lib.sh — helpers for the shell tests that drive the real program.
# Each test sources this, calls `check NAME COMMAND...` or `expect_*`, and
# ends with `finish`, which prints "# N passed, N failed" for the summary.
set -u
: "${PLANDESK:?run through make check}"
T_PASS=0
T_FAIL=0
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/plandesk-test.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT
export HOME="$T_TMP/home" XDG_DATA_HOME="$T_TMP/data"
unset PLANDESK_DB
mkdir -p "$HOME"

ok()   { T_PASS=$((T_PASS + 1)); echo "ok - $1"; }
fail() { T_FAIL=$((T_FAIL + 1)); echo "not ok - $1"; }

# expect_status WANT NAME CMD... : the command exits with WANT.
expect_status() {
	want=$1 name=$2; shift 2
	"$@" >"$T_TMP/out" 2>"$T_TMP/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else
		fail "$name (exit $got, wanted $want)"; sed 's/^/#   /' "$T_TMP/err"; fi
}

# expect_out NAME PATTERN : the last command's stdout matches PATTERN (grep -E).
expect_out() {
	if grep -Eq -- "$2" "$T_TMP/out"; then ok "$1"; else
		fail "$1 (stdout lacks /$2/)"; sed 's/^/#   /' "$T_TMP/out"; fi
}

# expect_err NAME PATTERN : the last command's stderr matches PATTERN.
expect_err() {
	if grep -Eq -- "$2" "$T_TMP/err"; then ok "$1"; else
		fail "$1 (stderr lacks /$2/)"; sed 's/^/#   /' "$T_TMP/err"; fi
}

# expect_mode NAME MODE FILE : FILE has octal permission bits MODE.
expect_mode() {
	got=$(stat -c %a "$3" 2>/dev/null)
	if [ "$got" = "$2" ]; then ok "$1"; else fail "$1 (mode $got, wanted $2)"; fi
}

finish() {
	echo "# $T_PASS passed, $T_FAIL failed"
	[ "$T_FAIL" -eq 0 ]
}
