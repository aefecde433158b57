#!/bin/sh
# module.sh — the document module (plandesk-formats.so, opened when docx,
# odt, xlsx or ics is written): the program links none of its libraries;
# a copy of the program with the module missing, of another version, not
# a module, writable by others or another user's fails those formats only
# — one line, exit 2, no file, nothing recorded — while lookup, import,
# export as CSV and Markdown minutes work; with the module beside it, it
# writes them.
# The module is made unavailable by copying the program into a folder of
# its own: a program not installed in BINDIR looks beside itself.
. "$(dirname "$0")/lib.sh"

: "${PLANDESK_BIN:?}" "${PLANDESK_OTHER_MODULE:?}"
module=$(dirname "$PLANDESK_BIN")/plandesk-formats.so
bin="$T_TMP/bin"
mkdir -p "$bin"
cp "$PLANDESK_BIN" "$bin/plandesk"
db="$T_TMP/m.db"
# The copy, under memcheck too in `make check-valgrind` ($PLANDESK is then
# a wrapper that runs $PLANDESK_BIN).
pd() {
	if [ "$PLANDESK" = "$PLANDESK_BIN" ]; then "$bin/plandesk" --db "$db" "$@"
	else PLANDESK_BIN="$bin/plandesk" "$PLANDESK" --db "$db" "$@"; fi
}
# one_line NAME PATTERN: stderr is exactly one line, matching PATTERN.
one_line() {
	if [ "$(wc -l <"$T_TMP/err")" -eq 1 ] && grep -Eq -- "$2" "$T_TMP/err"; then
		ok "$1"; else fail "$1"; sed 's/^/#   /' "$T_TMP/err"; fi
}
absent() { if [ -e "$2" ]; then fail "$1"; else ok "$1"; fi; }

if command -v readelf >/dev/null 2>&1; then
	if readelf -d "$PLANDESK_BIN" | grep -Eq 'lib(zip|xml2|xlsxwriter|ical)\.so'; then
		fail "the program links none of the module's libraries"
		readelf -d "$PLANDESK_BIN" | grep NEEDED | sed 's/^/#   /'
	else
		ok "the program links none of the module's libraries"
	fi
	if readelf -d "$module" | grep -q 'libzip\.so' &&
	   readelf -d "$module" | grep -q 'libical\.so'; then
		ok "the module links them"; else fail "the module links them"; fi
fi

for k in orgs people plans items meetings actions updates; do
	pd import "$k" "$PLANDESK_SHARE/sample/$k.csv" >/dev/null 2>&1 ||
		fail "import $k without the module"
done
pd log --format csv >"$T_TMP/log0"

# missing ----------------------------------------------------------------
gone="the document module $bin/plandesk-formats.so is missing"
expect_status 2 "minutes as docx: exit 2" \
	pd minutes --plan C3P 2009-06-26 -o "$T_TMP/m.docx"
one_line "minutes as docx: one line naming the file and the module" \
	"^plandesk: cannot write $T_TMP/m.docx: $gone\$"
absent "minutes as docx: no file" "$T_TMP/m.docx"
expect_status 2 "minutes as odt: exit 2" \
	pd minutes --plan C3P 2009-06-26 -o "$T_TMP/m.odt"
one_line "minutes as odt: one line" "cannot write $T_TMP/m.odt: $gone\$"
expect_status 2 "export as xlsx: exit 2" pd export people -o "$T_TMP/p.xlsx"
one_line "export as xlsx: one line" "cannot write $T_TMP/p.xlsx: $gone\$"
absent "export as xlsx: no file" "$T_TMP/p.xlsx"
expect_status 2 "export as ics: exit 2" pd export meetings -o "$T_TMP/m.ics"
one_line "export as ics: one line" "cannot write $T_TMP/m.ics: $gone\$"
expect_status 2 "a report as xlsx: exit 2" pd report progress CSE --today 2016-06-29 \
	-o "$T_TMP/r.xlsx"
one_line "a report as xlsx: one line" "cannot write $T_TMP/r.xlsx: $gone\$"
pd log --format xlsx >"$T_TMP/out" 2>"$T_TMP/err"
if [ $? -eq 2 ]; then ok "the log as xlsx: exit 2"
else fail "the log as xlsx: exit 2"; fi
one_line "the log as xlsx: one line naming the format" "cannot write xlsx: $gone\$"
pd log --format csv >"$T_TMP/log1"
if cmp -s "$T_TMP/log0" "$T_TMP/log1"; then ok "nothing written was recorded as disclosed"
else fail "nothing written was recorded as disclosed"; fi

expect_status 0 "lookup works without it" pd lookup thompson
expect_out "lookup finds" 'Thompson'
expect_status 0 "minutes as Markdown work without it" pd minutes --plan C3P 2009-06-26
expect_out "the Markdown minutes" 'Cluster'
expect_status 0 "export as CSV works without it" pd export people -o "$T_TMP/p.csv"
expect_status 0 "a report as HTML works without it" pd report progress CSE \
	--today 2016-06-29 -o "$T_TMP/r.html"
expect_status 0 "check works without it" pd check

# of another version, not a module, writable by others -------------------
cp "$PLANDESK_OTHER_MODULE" "$bin/plandesk-formats.so"
expect_status 2 "a module of another version: exit 2" pd export people -o "$T_TMP/p.xlsx"
one_line "a module of another version: one line" \
	"cannot write $T_TMP/p.xlsx: the document module $bin/plandesk-formats.so is of another"
absent "a module of another version: no file" "$T_TMP/p.xlsx"
printf 'not a shared object\n' >"$bin/plandesk-formats.so"
expect_status 2 "not a module: exit 2" pd minutes --plan C3P 2009-06-26 -o "$T_TMP/m.docx"
one_line "not a module: one line" \
	"cannot write $T_TMP/m.docx: the document module cannot be loaded: "
cp "$module" "$bin/plandesk-formats.so"
chmod 0666 "$bin/plandesk-formats.so"
expect_status 2 "a module writable by others: exit 2" pd export meetings -o "$T_TMP/m.ics"
one_line "a module writable by others: refused" \
	"$bin/plandesk-formats.so is not loaded: it is writable by others\$"

chmod 0644 "$bin/plandesk-formats.so"
# Another user's (only root can give a file away): refused.
if [ "$(id -u)" -eq 0 ] && chown nobody "$bin/plandesk-formats.so" 2>/dev/null; then
	expect_status 2 "another user's module: exit 2" pd export meetings -o "$T_TMP/m.ics"
	one_line "another user's module: refused" "is not loaded: it is owned by another user\$"
	chown 0 "$bin/plandesk-formats.so"
else
	echo "# not root: another user's module not tried"
fi

# beside the program: written --------------------------------------------
expect_status 0 "with the module: minutes as docx" \
	pd minutes --plan C3P 2009-06-26 -o "$T_TMP/m.docx"
if [ "$(head -c 2 "$T_TMP/m.docx" 2>/dev/null)" = PK ]; then ok "the docx is a zip"
else fail "the docx is a zip"; fi
expect_status 0 "with the module: export as xlsx" pd export people -o "$T_TMP/p.xlsx"
expect_status 0 "with the module: export as ics" pd export meetings -o "$T_TMP/m.ics"
expect_status 0 "the calendar" grep -q '^BEGIN:VCALENDAR' "$T_TMP/m.ics"
finish
