#!/bin/sh
# passphrase.sh — the passphrase of `backup --encrypt` and `restore` typed
# on a real terminal: asked twice with echo off (never on the screen), the
# two compared; asked once to restore; a wrong one refused; Ctrl-C at the
# question ends the program with the terminal's echo back on.
. "$(dirname "$0")/tmux.sh"

db="$T_TMP/demo.db"
demo_db "$db" || exit 1
pass="correct horse battery staple"
# hidden NAME : the screen, and what scrolled off it, never showed it.
hidden() {
	if tm capture-pane -p -S - -t 0 | grep -q "horse"; then
		fail "$1"; tm capture-pane -p -S - -t 0 | sed 's/^/#   |/'
	else ok "$1"; fi
}

start 200 30 "$PLANDESK --db $db backup --encrypt $T_TMP/enc.pdb"
expect "backup --encrypt says a forgotten passphrase is lost" "nothing can recover it"
expect "and asks for the passphrase" "Passphrase for $T_TMP/enc.pdb:"
keys -l "$pass"
keys Enter
expect "then for the same again" "The same passphrase again:"
hidden "what was typed is not on the screen"
keys -l "$pass"
keys Enter
expect_exit "the backup is written" 0
hidden "nor the second time"
expect_mode "it is 0600" 600 "$T_TMP/enc.pdb"

start 200 30 "$PLANDESK --db $db backup --encrypt $T_TMP/two.pdb"
expect "asked again" "Passphrase for"
keys -l "$pass"
keys Enter
expect "and again" "The same passphrase again:"
keys -l "correct horse battery stable"
keys Enter
expect "two different passphrases are refused" "the two passphrases differ; nothing was written"
expect_exit "with status 2" 2
if [ -e "$T_TMP/two.pdb" ]; then fail "and no backup"; else ok "and no backup"; fi

start 200 30 "$PLANDESK restore $T_TMP/enc.pdb --db $T_TMP/new.db"
expect "restore asks once" "Passphrase for $T_TMP/enc.pdb:"
keys -l "$pass"
keys Enter
expect "and restores" "restored from $T_TMP/enc.pdb (an encrypted backup)"
expect_exit "with status 0" 0
hidden "the passphrase was not shown"
expect_status 0 "the restored database checks" "$PLANDESK" --db "$T_TMP/new.db" check

start 200 30 "$PLANDESK restore $T_TMP/enc.pdb --db $T_TMP/wrong.db"
expect "asked for a restore" "Passphrase for"
keys -l "correct horse battery stable"
keys Enter
expect "a wrong passphrase is refused" "wrong passphrase for $T_TMP/enc.pdb; nothing was written"
expect_exit "with status 2" 2
if [ -e "$T_TMP/wrong.db" ]; then fail "and nothing written"; else ok "and nothing written"; fi

# Ctrl-C while echo is off: the shell that ran it finds echo on again.
cat >"$T_TMP/ctrl-c.sh" <<EOF
trap 'echo' INT
"$PLANDESK" --db "$db" backup --encrypt "$T_TMP/c.pdb"
echo "STATUS=\$?"
stty -a | tr ' ;' '\n\n' | grep -x -- '-\{0,1\}echo' | sed 's/^/ECHO=/'
EOF
start 200 30 "sh $T_TMP/ctrl-c.sh"
expect "asked" "Passphrase for"
keys -l "half typed"
keys C-c
expect "Ctrl-C ends it by the signal" "STATUS=130"
expect "with echo on again" "ECHO=echo"
if [ -e "$T_TMP/c.pdb" ]; then fail "and no backup"; else ok "and no backup"; fi

finish
