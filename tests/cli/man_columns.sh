#!/bin/sh
# man_columns.sh — the man page's list of CSV columns is exactly what the
# field tables say (tests/unit/man_columns prints it; `make man-columns`
# writes it), so a field added to a table and not to the page fails here.
. "$(dirname "$0")/lib.sh"

man="$PLANDESK_SHARE/man/plandesk.1"
"$PLANDESK_MAN_COLUMNS" >"$T_TMP/want" || fail "man_columns runs"
sed -n '/^\.\\" COLUMNS begin/,/^\.\\" COLUMNS end/p' "$man" | sed '1d;$d' >"$T_TMP/got"
if cmp -s "$T_TMP/want" "$T_TMP/got"; then ok "the man page's columns are the field tables'"; else
	fail "the man page's columns are the field tables' (run make man-columns)"
	diff "$T_TMP/want" "$T_TMP/got" | head -20 | sed 's/^/#   /'; fi
# What export writes is what the page lists, kind by kind.
for kind in orgs people plans items actions updates meetings; do
	"$PLANDESK" --db "$T_TMP/p.db" export "$kind" 2>/dev/null | head -1 | tr -d '\r' >"$T_TMP/head"
	sed -n "/^\.B $kind\$/{n;p;}" "$T_TMP/got" | sed 's/\*//g; s/\\-/-/g; s/, /,/g' >"$T_TMP/listed"
	cmp -s "$T_TMP/head" "$T_TMP/listed" && ok "export $kind writes the columns listed" ||
		{ fail "export $kind writes the columns listed"; diff "$T_TMP/head" "$T_TMP/listed" | sed 's/^/#   /'; }
done
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$man" 2>"$T_TMP/err" | grep -Eq "people +name\*, +initials, +role" &&
		ok "the page renders with its columns" || { fail "the page renders"; cat "$T_TMP/err"; }
fi
finish
