#!/bin/sh
# man_keys.sh — the man page's KEYS section is exactly what the client's
# key tables say (tests/ui/man_keys prints it; `make man-keys` writes it),
# so a key rebound in a table and not in the page fails here.
. "$(dirname "$0")/lib.sh"

man="$PLANDESK_SHARE/man/plandesk.1"
"$PLANDESK_MAN_KEYS" >"$T_TMP/want" || fail "man_keys runs"
sed -n '/^\.\\" KEYS begin/,/^\.\\" KEYS end/p' "$man" | sed '1d;$d' >"$T_TMP/got"
if cmp -s "$T_TMP/want" "$T_TMP/got"; then ok "the man page's KEYS are the key tables'"; else
	fail "the man page's KEYS are the key tables' (run make man-keys)"
	diff "$T_TMP/want" "$T_TMP/got" | head -20 | sed 's/^/#   /'; fi
for k in "Alt\\\\-1 Alt\\\\-2 Alt\\\\-3 Alt\\\\-4 Alt\\\\-0" "Ctrl\\\\-F" "F2 Alt\\\\-e" "During the meeting"; do
	grep -q "$k" "$T_TMP/got" && ok "KEYS names $k" || fail "KEYS names $k"
done
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$man" 2>"$T_TMP/err" | grep -q "During the meeting" &&
		ok "the page renders with its KEYS" || { fail "the page renders"; cat "$T_TMP/err"; }
fi
finish
