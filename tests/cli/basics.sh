#!/bin/sh
# basics.sh — the command-line contract of the foundation: --help,
# --version, exit statuses, database creation, check and backup.
. "$(dirname "$0")/lib.sh"

expect_status 0 "--help exits 0" "$PLANDESK" --help
expect_out "--help lists check" '^  check'
expect_out "--help lists backup" '^  backup .*FILE'
expect_status 0 "--version exits 0" "$PLANDESK" --version
expect_out "--version names the program" '^plandesk [0-9]'
expect_status 2 "no command is a usage error" "$PLANDESK"
expect_status 2 "an unknown command is a usage error" "$PLANDESK" frobnicate
expect_err "an unknown command is named" "unknown command 'frobnicate'"
expect_status 2 "check with an extra argument is a usage error" "$PLANDESK" --db "$T_TMP/x.db" check extra

db="$T_TMP/new/dir/NEW.db"
expect_status 0 "check on a new database exits 0" "$PLANDESK" --db "$db" check
expect_out "check reports no problems" 'no problems found'
expect_mode "the database file is 0600" 600 "$db"
expect_mode "the lock file is 0600" 600 "$db-lock"
expect_mode "a created directory is 0700" 700 "$T_TMP/new/dir"

expect_status 0 "backup exits 0" "$PLANDESK" --db "$db" backup "$T_TMP/B.db"
expect_mode "the backup is 0600" 600 "$T_TMP/B.db"
expect_status 0 "check passes on the backup" "$PLANDESK" --db "$T_TMP/B.db" check
expect_status 2 "backup into a missing directory fails" "$PLANDESK" --db "$db" backup "$T_TMP/nope/B.db"
expect_err "the failed backup says why" 'cannot create'

# PLANDESK_DB and the XDG default.
PLANDESK_DB="$T_TMP/env.db" "$PLANDESK" check >/dev/null 2>&1
if [ -f "$T_TMP/env.db" ]; then ok "PLANDESK_DB names the database"; else fail "PLANDESK_DB names the database"; fi
"$PLANDESK" check >/dev/null 2>&1
if [ -f "$XDG_DATA_HOME/plandesk/plandesk.db" ]; then ok "XDG_DATA_HOME default"; else fail "XDG_DATA_HOME default"; fi
expect_mode "the default directory is 0700" 700 "$XDG_DATA_HOME/plandesk"

# Not a database at all.
printf 'this is not lmdb\n%.0s' $(seq 1 600) >"$T_TMP/junk.db"
expect_status 2 "a file that is not a database is refused" "$PLANDESK" --db "$T_TMP/junk.db" check
expect_err "the refusal says so" 'not a plandesk database'

# The manual describes every command --help lists, and mutt's set-up.
man="$PLANDESK_SHARE/man/plandesk.1"
"$PLANDESK" --help | awk '/^Commands/ { on = 1; next } /^$/ { on = 0 } on && /^  [^ ]/ { print $1 }' >"$T_TMP/cmds"
[ -s "$T_TMP/cmds" ] || fail "--help lists the commands"
while read -r c; do
	if sed 's/\\-/-/g' "$man" | grep -Eq "^\.BI? $c( |\$)"; then ok "the manual describes $c"
	else fail "the manual describes $c"; fi
done <"$T_TMP/cmds"
# Every command answers COMMAND --help on stdout with exit 0, and never
# touches a database doing it.
while read -r c; do
	expect_status 0 "$c --help exits 0" "$PLANDESK" --db "$T_TMP/none/x.db" "$c" --help
	expect_out "$c --help shows its usage" "^usage: plandesk \[--db PATH\] $c"
done <"$T_TMP/cmds"
if [ ! -e "$T_TMP/none" ]; then ok "--help opens no database"; else fail "--help opens no database"; fi
expect_status 0 "-h alone is --help too" "$PLANDESK" export -h
expect_out "export -h shows its options" '^  -o, --output FILE'

# The README lists every command, and its quick start is setup.sh.
readme="$PLANDESK_SHARE/../README.md"
while read -r c; do
	if grep -Eq "^    plandesk( \[--db PATH\])? $c( |\$)" "$readme"; then ok "the README lists $c"
	else fail "the README lists $c"; fi
done <"$T_TMP/cmds"
if grep -Eq '^    \./setup\.sh$' "$readme" && [ -x "$PLANDESK_SHARE/../setup.sh" ]
then ok "the README's first command is ./setup.sh"; else fail "the README's first command is ./setup.sh"; fi

if grep -q 'query_command' "$man"; then ok "the manual shows mutt's query_command"
else fail "the manual shows mutt's query_command"; fi

finish
