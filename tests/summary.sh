#!/bin/sh
# summary.sh LOG... — print each test program's counts and a last line
# "N passed, N failed".  Criterion logs carry a "Synthesis:" line; shell
# tests print "# N passed, N failed"; any other log counts as one test,
# passed or failed by its .trs result.
passed=0
failed=0
for log in "$@"; do
	[ -f "$log" ] || continue
	trs=${log%.log}.trs
	name=${log%.log}
	syn=$(sed -n 's/.*Synthesis: *//p' "$log" | tail -n 1)
	own=$(sed -n 's/^# \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$log" | tail -n 1)
	if [ -n "$syn" ]; then
		# Tested: 12 | Passing: 11 | Failing: 1 | Crashing: 0
		p=$(printf '%s\n' "$syn" | sed -n 's/.*Passing: *\([0-9]*\).*/\1/p')
		f=$(printf '%s\n' "$syn" | sed -n 's/.*Failing: *\([0-9]*\).*/\1/p')
		c=$(printf '%s\n' "$syn" | sed -n 's/.*Crashing: *\([0-9]*\).*/\1/p')
		p=${p:-0}; f=$(( ${f:-0} + ${c:-0} ))
		printf '%s: Synthesis: %s\n' "$name" "$syn"
	elif [ -n "$own" ]; then
		set -- $own "$@"
		p=$1; f=$2; shift 2
		printf '%s: %s passed, %s failed\n' "$name" "$p" "$f"
	else
		p=0; f=0
		if grep -q '^:test-result: PASS' "$trs" 2>/dev/null; then p=1; else f=1; fi
		printf '%s: %s\n' "$name" "$( [ $p = 1 ] && echo PASS || echo FAIL)"
	fi
	# A program that crashed after its counts still failed.
	if grep -q '^:test-result: \(FAIL\|ERROR\)' "$trs" 2>/dev/null && [ "$f" = 0 ]; then
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
