#!/bin/sh
# editor.sh — `E` opens the long text in $EDITOR (a script here: no
# shell, arguments split on blanks, a 0600 file in $TMPDIR), the screen
# comes back, the text is saved and undone; and `D` on the welcome
# screen loads the demo.
. "$(dirname "$0")/tmux.sh"

mkdir -p "$T_TMP/tmp"
cat >"$T_TMP/ed.sh" <<'ED'
#!/bin/sh
# A stand-in editor: note the mode and place of its file, then rewrite it.
[ "$1" = "--flag" ] || { echo "bad args: $*" >"$EDLOG"; exit 1; }
stat -c '%a %n' "$2" >"$EDLOG"
printf 'Rewritten in the editor.\nSecond line.\n' >"$2"
ED
chmod +x "$T_TMP/ed.sh"

db="$T_TMP/demo.db"
start 100 30 "EDLOG=$T_TMP/edlog TMPDIR=$T_TMP/tmp EDITOR='$T_TMP/ed.sh --flag' $PLANDESK --db $db"
expect "an empty database opens on the welcome screen" "Welcome to plandesk"
keys D
expect "D opens the demo database" "C3BP  Cluster 3 Business Plan"
expect "and says so" "plandesk demo:"
keys j Enter j Enter
expect "an item opens" "Item 1 "
keys E
expect "E saves what the editor wrote" "Rewritten in the editor."
expect "all of it" "Second line."
if grep -q "^600 $T_TMP/tmp/plandesk-" "$T_TMP/edlog"; then ok "the file was 0600 in \$TMPDIR"; else
	fail "the file was 0600 in \$TMPDIR"; sed 's/^/#   /' "$T_TMP/edlog"; fi
if ls "$T_TMP/tmp" | grep -q .; then fail "the file is removed after saving"; else ok "the file is removed after saving"; fi
keys u
expect "u undoes the edit, by name" "Undone: edit description of item"
expect_not "the old text is back" "Rewritten in the editor."
keys q q
expect_exit "quits" 0
"$PLANDESK" --db "$db" export plans >"$T_TMP/plans.csv" 2>&1
if [ "$(wc -l <"$T_TMP/plans.csv")" -le 1 ]; then ok "the demo was not written into the user's database"
else fail "the demo was not written into the user's database"; sed 's/^/#   /' "$T_TMP/plans.csv"; fi
finish
